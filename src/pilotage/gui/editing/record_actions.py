"""The window's actions on the navigator's records: New program, pillar, initiative or
KPI; Edit; Delete; Move up / down (pillars); Move to pillar (initiatives).

Each action applies to the current node of the navigator and is enabled only where
it makes sense there. The Edit menu, the edit toolbar and the navigator's context
menu all show these same actions. Every change is an undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.editing.base import NodeContext, node_context
from pilotage.gui.editing.record_forms import RecordForms
from pilotage.gui.editing.structure_changes import StructureChanges
from pilotage.gui.icons import icon
from pilotage.gui.models.navigator_model import NodeKey, NodeKind
from pilotage.gui.qt import (
    QAction,
    QKeySequence,
    QMenu,
    QModelIndex,
    QObject,
    Qt,
    QToolBar,
    QToolButton,
    Slot,
)
from pilotage.gui.undo.commands import EditContext

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

_IN_TREE = Qt.ShortcutContext.WidgetWithChildrenShortcut  # keys meant for the navigator only


class RecordActions(QObject):
    """Owned by the main window; `dialog` is the form open now, if any."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: FormDialog[Any] | None = None
        self._pending: NodeKey | None = None  # to select once the tree shows it
        editors = (window, window.undo_stack, self._edits, self._open, self._select_later)
        self.forms = RecordForms(*editors)
        self.changes = StructureChanges(*editors)

        def action(text: str, tip: str, icon_name: str = "") -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            made.setStatusTip(tip)
            if icon_name:
                made.setIcon(icon(icon_name))
            return made

        self.new_program_action = action(
            self.tr("New &program…"), self.tr("Add a contract-program"), "add"
        )
        self.new_pillar_action = action(
            self.tr("New p&illar…"), self.tr("Add a pillar to the selected program")
        )
        self.new_initiative_action = action(
            self.tr("New i&nitiative…"), self.tr("Add an initiative to the selected pillar")
        )
        self.new_kpi_action = action(
            self.tr("New &KPI…"),
            self.tr("Add a KPI to the selected program, pillar or initiative"),
        )
        self.edit_action = action(self.tr("&Edit…"), self.tr("Edit the selected item"), "edit")
        self.edit_action.setShortcut(QKeySequence(self.tr("Ctrl+E")))
        self.delete_action = action(
            self.tr("&Delete…"), self.tr("Delete the selected item and what it holds"), "delete"
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(_IN_TREE)
        self.move_up_action = action(
            self.tr("Move &up"), self.tr("Move the selected pillar up"), "move-up"
        )
        self.move_up_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Up")))
        self.move_up_action.setShortcutContext(_IN_TREE)
        self.move_down_action = action(
            self.tr("Move do&wn"), self.tr("Move the selected pillar down"), "move-down"
        )
        self.move_down_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Down")))
        self.move_down_action.setShortcutContext(_IN_TREE)
        self.move_to_pillar_action = action(
            self.tr("Move to &pillar…"), self.tr("Move the selected initiative to another pillar")
        )
        # F2 edits in the navigator, as in a file manager (tables keep F2 for their cells).
        self.rename_action = QAction(self.tr("Edit"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(_IN_TREE)

        self.new_program_action.triggered.connect(self.forms.new_program)
        self.new_pillar_action.triggered.connect(self._new_pillar)
        self.new_initiative_action.triggered.connect(self._new_initiative)
        self.new_kpi_action.triggered.connect(self._new_kpi)
        self.edit_action.triggered.connect(self._edit)
        self.rename_action.triggered.connect(self._edit)
        self.delete_action.triggered.connect(self._delete)
        self.move_up_action.triggered.connect(self._move_up)
        self.move_down_action.triggered.connect(self._move_down)
        self.move_to_pillar_action.triggered.connect(self._move_to_pillar)
        tree = window.tree
        for tree_action in (
            self.delete_action,
            self.rename_action,
            self.move_up_action,
            self.move_down_action,
        ):
            tree.addAction(tree_action)
        window.addAction(self.edit_action)  # Ctrl+E with the menu closed
        tree.selectionModel().currentChanged.connect(self.update_actions)
        window.tree_loaded.connect(self._on_tree_loaded)
        self.update_actions()

    # --- where the actions show ---------------------------------------------------

    def new_actions(self) -> list[QAction]:
        return [
            self.new_program_action,
            self.new_pillar_action,
            self.new_initiative_action,
            self.new_kpi_action,
        ]

    def add_to_menu(self, menu: QMenu) -> None:
        """The record actions, grouped, at the end of `menu` (the Edit menu)."""
        for new in self.new_actions():
            menu.addAction(new)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.move_up_action)
        menu.addAction(self.move_down_action)
        menu.addAction(self.move_to_pillar_action)

    def make_toolbar(self) -> QToolBar:
        """New (a drop-down of the four kinds), Edit, Delete, Move up and down."""
        toolbar = QToolBar(self.tr("Edit"))
        toolbar.setObjectName("editToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_menu = QMenu(self.tr("New"), toolbar)
        for new in self.new_actions():
            self.new_menu.addAction(new)
        self.new_button = QToolButton()
        self.new_button.setObjectName("newButton")
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("Add a program, pillar, initiative or KPI"))
        self.new_button.setIcon(icon("add"))
        self.new_button.setMenu(self.new_menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The menu's arrow beside the text, not squeezed under it.
        self.new_button.setStyleSheet(
            "QToolButton#newButton { padding-right: 14px; }"
            " QToolButton#newButton::menu-indicator"
            " { subcontrol-origin: padding; subcontrol-position: center right; }"
        )
        toolbar.addWidget(self.new_button)
        toolbar.addAction(self.edit_action)
        toolbar.addAction(self.delete_action)
        toolbar.addSeparator()
        toolbar.addAction(self.move_up_action)
        toolbar.addAction(self.move_down_action)
        return toolbar

    def navigator_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of the node at `index` of the window's proxy (the blank area
        below the nodes when invalid); the node becomes the current one first."""
        window = self._window
        if index.isValid():
            window.tree.setCurrentIndex(index)
        context = self.context() if index.isValid() else None
        menu = QMenu(window)
        if context is None:
            menu.addAction(self.new_program_action)
            return menu
        kind = context.key[0]
        if kind is NodeKind.PROGRAM:
            menu.addAction(self.new_pillar_action)
        elif kind is NodeKind.PILLAR:
            menu.addAction(self.new_initiative_action)
        if kind is not NodeKind.KPI:
            menu.addAction(self.new_kpi_action)
            menu.addSeparator()
        menu.addAction(self.edit_action)
        if kind is NodeKind.PILLAR:
            menu.addAction(self.move_up_action)
            menu.addAction(self.move_down_action)
        elif kind is NodeKind.INITIATIVE:
            menu.addAction(self.move_to_pillar_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    # --- the current node ---------------------------------------------------------

    def context(self) -> NodeContext | None:
        """The current node of the navigator and the records around it."""
        window = self._window
        source = window.proxy.mapToSource(window.tree.currentIndex())
        return node_context(window.model, source)

    @Slot()
    def update_actions(self) -> None:
        """Enable each action where it applies to the current node."""
        editable = self._edits() is not None
        context = self.context() if editable else None
        kind = context.key[0] if context else None
        row = context.row if context else None
        program = context.program if context else None
        pillars = len(program.pillars) if program else 0
        position = getattr(row, "position", 0) if kind is NodeKind.PILLAR else 0
        self.new_program_action.setEnabled(editable)
        self.new_pillar_action.setEnabled(program is not None)
        self.new_initiative_action.setEnabled(context is not None and context.pillar is not None)
        self.new_kpi_action.setEnabled(context is not None and context.owner is not None)
        self.edit_action.setEnabled(context is not None)
        self.rename_action.setEnabled(context is not None)
        self.delete_action.setEnabled(context is not None)
        self.move_up_action.setEnabled(position > 1)
        self.move_down_action.setEnabled(0 < position < pillars)
        self.move_to_pillar_action.setEnabled(kind is NodeKind.INITIATIVE and pillars > 1)

    # --- doing ----------------------------------------------------------------------

    def _edits(self) -> EditContext | None:
        return self._window.edits  # replaced when another database opens

    def _open(self, dialog: FormDialog[Any]) -> None:
        self._forget_dialog()
        self.dialog = dialog
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    @Slot()
    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _select_later(self, key: NodeKey) -> None:
        self._pending = key

    @Slot()
    def _on_tree_loaded(self) -> None:
        pending, self._pending = self._pending, None
        window = self._window
        if pending is not None and window.model.index_of(pending).isValid():
            # The window selects the node as if it had been clicked.
            window._go_to_node(pending[0].value, pending[1])
        self.update_actions()

    @Slot()
    def _new_pillar(self) -> None:
        context = self.context()
        if context is not None:
            self.forms.new_pillar(context)

    @Slot()
    def _new_initiative(self) -> None:
        context = self.context()
        if context is not None:
            self.forms.new_initiative(context)

    @Slot()
    def _new_kpi(self) -> None:
        context = self.context()
        if context is None or context.owner is None:
            return
        owner_row = self._window.model.row_at(self._window.model.index_of(context.owner))
        self.forms.new_kpi(context, owner_row)

    @Slot()
    def _edit(self) -> None:
        context = self.context()
        if context is not None:
            self.forms.edit(context)

    @Slot()
    def _delete(self) -> None:
        context = self.context()
        if context is not None:
            self.changes.delete(context)

    @Slot()
    def _move_up(self) -> None:
        context = self.context()
        if context is not None:
            self.changes.move_pillar(context, -1)

    @Slot()
    def _move_down(self) -> None:
        context = self.context()
        if context is not None:
            self.changes.move_pillar(context, +1)

    @Slot()
    def _move_to_pillar(self) -> None:
        context = self.context()
        if context is not None:
            self.changes.move_to_pillar(context)
