"""The one module through which the GUI imports Qt.

Keeping every Qt name behind this module (as qutebrowser does) means a binding
upgrade, a workaround or a deprecation is handled in one place.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRectF,
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
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
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
    "QCloseEvent",
    "QColor",
    "QCoreApplication",
    "QDate",
    "QDateEdit",
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
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPainter",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPoint",
    "QProgressBar",
    "QRectF",
    "QScrollArea",
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
