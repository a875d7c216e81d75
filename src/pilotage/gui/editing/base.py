"""What the record editors share: where commands go, how refusals are shown, the
node the actions apply to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError
from pilotage.gui.conflicts import refusal
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.models.navigator_model import NavigatorModel, NodeKey, NodeKind, NodeRow
from pilotage.gui.qt import QMessageBox, QModelIndex, QObject, QUndoStack, QWidget
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext, ServiceCommand
from pilotage.services.overview import PillarNode, ProgramTree

OpenDialog = Callable[[FormDialog[Any]], None]
SelectLater = Callable[[NodeKey], None]


@dataclass(frozen=True)
class NodeContext:
    """The navigator node the actions apply to, and the records around it."""

    key: NodeKey
    row: NodeRow
    program: ProgramTree | None  # the program the node is or is inside
    pillar: PillarNode | None  # the pillar the node is or is inside, if any
    owner: NodeKey | None  # where a new KPI goes: the node, or a KPI's own owner
    parent: NodeKey | None


def node_context(model: NavigatorModel, index: QModelIndex) -> NodeContext | None:
    """The context of the node at `index` (of `model`), None for no node."""
    key, row = model.key_at(index), model.row_at(index)
    if key is None or row is None:
        return None
    parent_index = model.parent(index)
    assert isinstance(parent_index, QModelIndex)
    parent = model.key_at(parent_index)
    pillar = None
    walk = index
    while walk.isValid():
        found = model.row_at(walk)
        if isinstance(found, PillarNode):
            pillar = found
            break
        up = model.parent(walk)
        assert isinstance(up, QModelIndex)
        walk = up
    owner = parent if key[0] is NodeKind.KPI else key
    return NodeContext(key, row, model.program_at(index), pillar, owner, parent)


class Editor(QObject):
    """Base of the editors: runs commands on the window's stack and database."""

    def __init__(
        self,
        window: QWidget,
        stack: QUndoStack,
        edits: Callable[[], EditContext | None],
        open_dialog: OpenDialog,
        select_later: SelectLater,
    ) -> None:
        super().__init__(window)
        self._window, self._stack, self._edits = window, stack, edits
        self._open_dialog, self._select_later = open_dialog, select_later

    def edits(self) -> EditContext | None:
        return self._edits()

    def db(self) -> Database | None:
        edits = self._edits()
        return edits.db if edits is not None else None

    def save(self, command: ServiceCommand) -> None:
        """Do `command` and push it; what the services refuse is raised (a dialog shows it)."""
        command.execute()
        self._stack.push(command)

    def apply(self, command: ServiceCommand, title: str) -> bool:
        """Do `command` and push it; a refusal is shown in a warning box. True when done."""
        try:
            command.execute()
        except PilotageError as exc:  # changed meanwhile, gone, a clash…
            self.warn(title, refusal(exc))
            return False
        self._stack.push(command)
        return True

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self._window, title, sentence(message))
