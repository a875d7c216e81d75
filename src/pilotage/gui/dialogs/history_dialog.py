"""A record's history: who changed what and when, from the audit log, newest first.

Opened from Edit > History… (Ctrl+H) and the navigator's context menu for the
current node, and from a table's context menu for its selected row. A KPI's
history lists its targets' and measurements' changes too, each named. The window
stays usable while it is open (it is not modal: reading is not editing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError
from pilotage.gui import icons
from pilotage.gui.models.history_model import HistoryModel
from pilotage.gui.models.navigator_model import NodeKind
from pilotage.gui.models.navigator_rows import identity
from pilotage.gui.qt import (
    QAbstractItemView,
    QAction,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QLabel,
    QModelIndex,
    QObject,
    QPlainTextEdit,
    Qt,
    QTableView,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.gui.text import sentence
from pilotage.gui.workers import TaskRunner
from pilotage.services.history import HistoryEntry, history_of

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

# The audit log's name of each kind of navigator node.
NODE_ENTITIES = {
    NodeKind.PROGRAM: "contract_program",
    NodeKind.PILLAR: "pillar",
    NodeKind.INITIATIVE: "initiative",
    NodeKind.KPI: "kpi",
}


class HistoryDialog(QDialog):
    """The history of one record, read off the GUI thread when the dialog opens."""

    loaded = Signal()  # the table shows the history (or says why it cannot)

    def __init__(
        self,
        db: Database,
        pool: QThreadPool,
        entity: str,
        entity_id: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entity, self.entity_id, self.name = entity, entity_id, name
        self.setWindowTitle(self.tr("History of {record}").format(record=name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.CHANGES, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.message = QLabel(self.tr("Loading…"))
        self.message.setWordWrap(True)
        # The selected entry's changes in full, one field a line.
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(150)
        self.details.setPlaceholderText(self.tr("Select a change to read it in full."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # The record named above its story: a picture of the dialog has no title bar.
        self.title = QLabel(name)
        self.title.setObjectName("historyTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(980, 520)
        self._runner = TaskRunner(pool, self)
        self._runner.finished.connect(self._on_history)
        self._runner.failed.connect(self._on_failed)
        self._runner.run(lambda: history_of(db, entity, entity_id))

    def is_busy(self) -> bool:
        return self._runner.is_busy()

    @Slot(object)
    def _on_history(self, entries: list[HistoryEntry]) -> None:
        self.model.set_history(self.entity, self.name, entries)
        if not entries:
            self.message.setText(self.tr("No change of this record is recorded."))
        elif len(entries) == 1:
            self.message.setText(self.tr("1 change, the newest first."))
        else:
            self.message.setText(
                self.tr("{count} changes, the newest first.").format(count=len(entries))
            )
        if entries:
            self.table.selectRow(0)
        self.loaded.emit()

    @Slot(QModelIndex, QModelIndex)
    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= self.model.rowCount():
            self.details.clear()
            return
        entry = self.model.row_at(current.row())
        lines = entry.change_lines()
        if entry.reason:
            lines.append(self.tr("Reason: {reason}").format(reason=entry.reason))
        self.details.setPlainText("\n".join(lines))

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        if not isinstance(error, PilotageError):
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
        self.message.setText(
            self.tr("The history could not be read: {reason}").format(reason=sentence(str(error)))
        )
        self.loaded.emit()


class HistoryLauncher(QObject):
    """Edit > History… for the navigator's current node; `open_for` for any record."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: HistoryDialog | None = None  # the last one opened, while it is open
        self.action = QAction(icons.icon("history"), self.tr("&History…"), window)
        self.action.setShortcut(QKeySequence(self.tr("Ctrl+H")))
        self.action.setToolTip(self.tr("Who changed the selected record, what and when"))
        self.action.triggered.connect(self.open_current)
        # The KPI page's tables: "History…" in their context menus, for the selected row.
        # The pages are made again for another database: their tables get it again.
        self.table_actions: list[QAction] = []
        self._add_to_tables()
        window.database_changed.connect(self._add_to_tables)

    @Slot()
    def _add_to_tables(self) -> None:
        section = self._window.kpi_page.measurements_section
        targets = self._window.kpi_page.targets_section
        self.table_actions = [
            self._table_action(section.table, self._selected_measurement),
            self._table_action(targets.table, self._selected_target),
        ]

    def _table_action(
        self, table: QAbstractItemView, selected: Callable[[], tuple[str, int, str] | None]
    ) -> QAction:
        action = QAction(icons.icon("history"), self.tr("History…"), table)

        def run() -> None:
            record = selected()
            if record is not None:
                self.open_for(*record)

        action.triggered.connect(run)
        table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return action

    def _kpi_code(self) -> str:
        kpi = self._window.kpi_page.kpi
        return kpi.code if kpi is not None else ""

    def _selected_measurement(self) -> tuple[str, int, str] | None:
        row = self._window.kpi_page.measurements_section.selected_measurement()
        if row is None:
            return None
        name = self.tr("{kpi} measurement {period}").format(kpi=self._kpi_code(), period=row.label)
        return "measurement", row.id, name

    def _selected_target(self) -> tuple[str, int, str] | None:
        row = self._window.kpi_page.targets_section.selected_target()
        if row is None:
            return None
        name = self.tr("{kpi} target {period}").format(
            kpi=self._kpi_code(), period=row.period_end.isoformat()
        )
        return "kpi_target", row.id, name

    @Slot()
    def open_current(self) -> None:
        window = self._window
        index = window.proxy.mapToSource(window.tree.currentIndex())
        row = window.model.row_at(index)
        if row is None:
            return
        kind, node_id, code, name = identity(row)
        self.open_for(NODE_ENTITIES[kind], node_id, f"{code} {name}".strip())

    def open_for(self, entity: str, entity_id: int, name: str) -> HistoryDialog:
        window = self._window
        dialog = self.dialog = HistoryDialog(
            window.database(), window._pool, entity, entity_id, name, window
        )
        dialog.destroyed.connect(self._forget)
        dialog.show()
        return dialog

    @Slot()
    def _forget(self) -> None:
        self.dialog = None
