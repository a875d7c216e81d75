"""The one module through which the GUI imports Qt.

Keeping every Qt name behind this module (as qutebrowser does) means a binding
upgrade, a workaround or a deprecation is handled in one place.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QT_TRANSLATE_NOOP",
    "QAbstractItemModel",
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QByteArray",
    "QCloseEvent",
    "QColor",
    "QCoreApplication",
    "QDate",
    "QDateEdit",
    "QDialog",
    "QDialogButtonBox",
    "QFileDialog",
    "QFont",
    "QFormLayout",
    "QFrame",
    "QHBoxLayout",
    "QHeaderView",
    "QIcon",
    "QKeySequence",
    "QLabel",
    "QLineEdit",
    "QLocale",
    "QMainWindow",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPainter",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QProgressBar",
    "QPushButton",
    "QRectF",
    "QScrollArea",
    "QSettings",
    "QSizePolicy",
    "QSortFilterProxyModel",
    "QSplitter",
    "QStackedWidget",
    "QTableView",
    "QThreadPool",
    "QTimer",
    "QToolBar",
    "QToolButton",
    "QTreeView",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark `text` for translation in `context` without translating it yet.

    PySide6's own returns `object` to type checkers; this one keeps `str`.
    """
    return text


def translate(context: str, text: str) -> str:
    """`QCoreApplication.translate` for module-level code (pyside6-lupdate finds the
    literal in `QT_TRANSLATE_NOOP(context, text)` next to where the text is defined)."""
    return QCoreApplication.translate(context, text)


# --- charts (QtCharts) and the few names only the charts use ----------------------------
from PySide6.QtCharts import (  # noqa: E402
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, QTime  # noqa: E402
from PySide6.QtWidgets import QStackedLayout  # noqa: E402

__all__ += [
    "QChart",
    "QChartView",
    "QDateTime",
    "QDateTimeAxis",
    "QLineSeries",
    "QMargins",
    "QPointF",
    "QStackedLayout",
    "QTime",
    "QValueAxis",
]

# --- undo and redo (QtGui in Qt 6) ------------------------------------------------------
from PySide6.QtGui import QContextMenuEvent, QResizeEvent, QUndoCommand, QUndoStack  # noqa: E402

__all__ += ["QContextMenuEvent", "QResizeEvent", "QUndoCommand", "QUndoStack"]
