"""New and Edit for programs, pillars, initiatives and KPIs: the form opens, OK runs an
undoable command; a refusal shows next to the field and the form stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pilotage.db.database import Database
from pilotage.domain.enums import OwnerKind
from pilotage.domain.errors import PilotageError
from pilotage.gui.conflicts import refusal
from pilotage.gui.dialogs.initiative_dialog import InitiativeDialog
from pilotage.gui.dialogs.kpi_dialog import KpiDialog
from pilotage.gui.dialogs.pillar_dialog import PillarDialog
from pilotage.gui.dialogs.program_dialog import ProgramDialog
from pilotage.gui.editing.base import Editor, NodeContext
from pilotage.gui.editing.inputs import initiative_input, kpi_input, pillar_input, program_input
from pilotage.gui.models.navigator_model import NodeKind
from pilotage.gui.undo.commands import CreateCommand, EditContext, UpdateCommand, Versioned
from pilotage.services.initiatives import (
    InitiativeInput,
    create_initiative,
    delete_initiative,
    get_initiative,
    update_initiative,
)
from pilotage.services.kpis import KpiInput, KpiOwner, create_kpi, delete_kpi, get_kpi, update_kpi
from pilotage.services.organizations import OrganizationRow, list_organizations
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode, ProgramTree
from pilotage.services.pillars import (
    PillarInput,
    create_pillar,
    delete_pillar,
    get_pillar,
    update_pillar,
)
from pilotage.services.programs import (
    ProgramInput,
    create_program,
    delete_program,
    get_program,
    update_program,
)


def _heading(row: object) -> str:
    """ "P1  Compétences numériques": what a form is about or belongs to."""
    if isinstance(row, ProgramTree):
        return f"{row.program.reference}  {row.program.title}"
    if isinstance(row, PillarNode):
        return f"{row.code}  {row.title}"
    if isinstance(row, InitiativeNode | KpiNode):
        return f"{row.code}  {row.name}"
    return ""


I = TypeVar("I")  # noqa: E741 - a service input dataclass


class RecordForms(Editor):
    # --- new ------------------------------------------------------------------

    def new_program(self) -> None:
        edits = self.edits()
        if edits is None:
            return

        def submit(data: ProgramInput) -> None:
            text = self.tr("New program {reference}").format(reference=data.reference.strip())
            command = CreateCommand(
                edits, text, lambda db: create_program(db, data), delete_program, get_program
            )
            self.save(command)
            assert command.row is not None
            self._select_later((NodeKind.PROGRAM, command.row.id))

        self._open_dialog(ProgramDialog(self.tr("New program"), submit, None, self._window))

    def new_pillar(self, context: NodeContext) -> None:
        edits, program = self.edits(), context.program
        if edits is None or program is None:
            return
        program_id = program.program.id

        def submit(data: PillarInput) -> None:
            text = self.tr("New pillar {code}").format(code=data.code.strip())
            command = CreateCommand(
                edits,
                text,
                lambda db: create_pillar(db, program_id, data),
                delete_pillar,
                get_pillar,
            )
            self.save(command)
            assert command.row is not None
            self._select_later((NodeKind.PILLAR, command.row.id))

        heading = self.tr("In program {program}").format(program=_heading(program))
        self._open_dialog(PillarDialog(self.tr("New pillar"), heading, submit, None, self._window))

    def new_initiative(self, context: NodeContext) -> None:
        edits, pillar = self.edits(), context.pillar
        if edits is None or pillar is None:
            return
        pillar_id = pillar.id
        organizations = self._organizations()
        if organizations is None:
            return

        def submit(data: InitiativeInput) -> None:
            text = self.tr("New initiative {code}").format(code=data.code.strip())
            command = CreateCommand(
                edits,
                text,
                lambda db: create_initiative(db, pillar_id, data),
                delete_initiative,
                get_initiative,
            )
            self.save(command)
            assert command.row is not None
            self._select_later((NodeKind.INITIATIVE, command.row.id))

        heading = self.tr("In pillar {pillar}").format(pillar=_heading(pillar))
        dialog = InitiativeDialog(
            self.tr("New initiative"), heading, submit, organizations, None, self._window
        )
        self._open_dialog(dialog)

    def new_kpi(self, context: NodeContext, owner_row: object) -> None:
        """A KPI of `context.owner` (the program, pillar or initiative `owner_row` shows)."""
        edits, key = self.edits(), context.owner
        if edits is None or key is None:
            return
        owner = KpiOwner(OwnerKind(key[0].value), key[1])
        organizations = self._organizations()
        if organizations is None:
            return

        def submit(data: KpiInput) -> None:
            text = self.tr("New KPI {code}").format(code=data.code.strip())
            command = CreateCommand(
                edits, text, lambda db: create_kpi(db, owner, data), delete_kpi, get_kpi
            )
            self.save(command)
            assert command.row is not None
            self._select_later((NodeKind.KPI, command.row.id))

        heading = self.tr("KPI of {owner}").format(owner=_heading(owner_row))
        dialog = KpiDialog(self.tr("New KPI"), heading, submit, organizations, None, self._window)
        self._open_dialog(dialog)

    # --- edit -----------------------------------------------------------------

    def edit(self, context: NodeContext) -> None:
        """Open the form of the node, filled with what is stored now."""
        kind, record_id = context.key
        try:
            if kind is NodeKind.PROGRAM:
                self._edit_program(record_id)
            elif kind is NodeKind.PILLAR:
                self._edit_pillar(record_id)
            elif kind is NodeKind.INITIATIVE:
                self._edit_initiative(record_id)
            else:
                self._edit_kpi(record_id)
        except PilotageError as exc:  # deleted meanwhile
            self.warn(self.tr("Edit"), refusal(exc))

    def _saver(
        self,
        edits: EditContext,
        text: str,
        row: Versioned,
        update: Callable[[Database, int, int, I], Versioned],
        before: I,
    ) -> Callable[[I], None]:
        """What OK does in an edit form: save `data` over `row` as one undoable command,
        or nothing at all when the analyst changed nothing."""

        def submit(data: I) -> None:
            if data != before:
                self.save(UpdateCommand(edits, text, row.id, row.version, update, before, data))

        return submit

    # Each form is built by a method that reads the record as stored now; the form keeps
    # it as its reload, to refill itself when a save is refused as a conflict.

    def _edit_program(self, program_id: int) -> None:
        dialog = self._program_form(program_id)
        if dialog is not None:
            self._open_dialog(dialog)

    def _program_form(self, program_id: int) -> ProgramDialog | None:
        edits = self.edits()
        if edits is None:
            return None
        row = get_program(edits.db, program_id)
        before = program_input(row)
        title = self.tr("Edit program {reference}").format(reference=row.reference)
        submit = self._saver(edits, title, row, update_program, before)
        dialog = ProgramDialog(title, submit, before, self._window)
        dialog.set_reload(lambda: self._program_form(program_id))
        return dialog

    def _edit_pillar(self, pillar_id: int) -> None:
        dialog = self._pillar_form(pillar_id)
        if dialog is not None:
            self._open_dialog(dialog)

    def _pillar_form(self, pillar_id: int) -> PillarDialog | None:
        edits = self.edits()
        if edits is None:
            return None
        row = get_pillar(edits.db, pillar_id)
        before = pillar_input(row)
        title = self.tr("Edit pillar {code}").format(code=row.code)
        submit = self._saver(edits, title, row, update_pillar, before)
        dialog = PillarDialog(title, "", submit, before, self._window)
        dialog.set_reload(lambda: self._pillar_form(pillar_id))
        return dialog

    def _edit_initiative(self, initiative_id: int) -> None:
        dialog = self._initiative_form(initiative_id)
        if dialog is not None:
            self._open_dialog(dialog)

    def _initiative_form(self, initiative_id: int) -> InitiativeDialog | None:
        edits = self.edits()
        if edits is None:
            return None
        row = get_initiative(edits.db, initiative_id)
        organizations = list_organizations(edits.db)
        before = initiative_input(row)
        title = self.tr("Edit initiative {code}").format(code=row.code)
        submit = self._saver(edits, title, row, update_initiative, before)
        warnings = "\n".join(row.warnings)  # dates outside the program's: worth knowing
        dialog = InitiativeDialog(title, warnings, submit, organizations, before, self._window)
        dialog.set_reload(lambda: self._initiative_form(initiative_id))
        return dialog

    def _edit_kpi(self, kpi_id: int) -> None:
        dialog = self._kpi_form(kpi_id)
        if dialog is not None:
            self._open_dialog(dialog)

    def _kpi_form(self, kpi_id: int) -> KpiDialog | None:
        edits = self.edits()
        if edits is None:
            return None
        row = get_kpi(edits.db, kpi_id)
        organizations = list_organizations(edits.db)
        before = kpi_input(row)
        title = self.tr("Edit KPI {code}").format(code=row.code)
        submit = self._saver(edits, title, row, update_kpi, before)
        dialog = KpiDialog(title, "", submit, organizations, before, self._window)
        dialog.set_reload(lambda: self._kpi_form(kpi_id))
        return dialog

    def _organizations(self) -> list[OrganizationRow] | None:
        db = self.db()
        if db is None:
            return None
        try:
            return list_organizations(db)
        except PilotageError as exc:
            self.warn(self.tr("Organizations"), str(exc))
            return None
