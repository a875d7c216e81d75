"""Delete and move the records of the navigator, once confirmed, undoably; a refusal
(changed meanwhile, a clash of codes) is shown in a box and changes nothing."""

from __future__ import annotations

from pilotage.gui import formats
from pilotage.gui.dialogs.move_dialog import MoveToPillarDialog
from pilotage.gui.editing.base import Editor, NodeContext
from pilotage.gui.qt import QMessageBox
from pilotage.gui.undo.commands import DeleteCommand, MoveInitiativeCommand, MovePillarCommand
from pilotage.services.initiatives import delete_initiative, get_initiative
from pilotage.services.kpis import delete_kpi, get_kpi
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode, ProgramTree
from pilotage.services.pillars import delete_pillar, get_pillar
from pilotage.services.programs import delete_program, get_program


class StructureChanges(Editor):
    # --- deleting -------------------------------------------------------------

    def delete(self, context: NodeContext) -> None:
        """Ask, naming what goes with the record; then delete it (undo puts it all back)."""
        edits, row = self.edits(), context.row
        if edits is None:
            return
        if isinstance(row, ProgramTree):
            program = row.program
            pillars = len(row.pillars)
            initiatives = sum(len(p.initiatives) for p in row.pillars)
            title = self.tr("Delete a program")
            question = self.tr(
                "Delete program {reference} {title} with its pillars ({pillars}), initiatives "
                "({initiatives}), KPIs ({kpis}) and their measurements, its parties, milestones "
                "and budget lines?"
            ).format(
                reference=program.reference,
                title=program.title,
                pillars=formats.number(pillars),
                initiatives=formats.number(initiatives),
                kpis=formats.number(sum(1 for _ in row.all_kpis())),
            )
            text = self.tr("Delete program {reference}").format(reference=program.reference)
            # A whole program (or pillar, initiative) takes seconds: off the GUI thread.
            command = DeleteCommand(
                edits, text, program.id, program.version, delete_program, get_program, long=True
            )
        elif isinstance(row, PillarNode):
            title = self.tr("Delete a pillar")
            question = self.tr(
                "Delete pillar {code} {title} with its initiatives ({initiatives}), KPIs "
                "({kpis}) and their measurements, milestones and budget lines?"
            ).format(
                code=row.code,
                title=row.title,
                initiatives=formats.number(len(row.initiatives)),
                kpis=formats.number(sum(1 for _ in row.all_kpis())),
            )
            text = self.tr("Delete pillar {code}").format(code=row.code)
            command = DeleteCommand(
                edits, text, row.id, row.version, delete_pillar, get_pillar, long=True
            )
        elif isinstance(row, InitiativeNode):
            title = self.tr("Delete an initiative")
            question = self.tr(
                "Delete {code} {name} with its KPIs ({count}), their measurements, "
                "its milestones and budget lines?"
            ).format(code=row.code, name=row.name, count=formats.number(len(row.kpis)))
            text = self.tr("Delete initiative {code}").format(code=row.code)
            command = DeleteCommand(
                edits, text, row.id, row.version, delete_initiative, get_initiative, long=True
            )
        else:
            assert isinstance(row, KpiNode)
            title = self.tr("Delete a KPI")
            question = self.tr(
                "Delete KPI {code} {name} with its targets and measurements?"
            ).format(code=row.code, name=row.name)
            text = self.tr("Delete KPI {code}").format(code=row.code)
            command = DeleteCommand(edits, text, row.id, row.version, delete_kpi, get_kpi)
        answer = QMessageBox.question(self._window, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.apply(command, title) and context.parent is not None:
            self._select_later(context.parent)  # rather than an empty page

    # --- moving ---------------------------------------------------------------

    def move_pillar(self, context: NodeContext, step: int) -> None:
        """Move the pillar one place up (`step` -1) or down (+1) in its program."""
        edits, row, program = self.edits(), context.row, context.program
        if edits is None or not isinstance(row, PillarNode) or program is None:
            return
        new = row.position + step
        if not 1 <= new <= len(program.pillars):
            return
        text = (
            self.tr("Move pillar {code} up") if step < 0 else self.tr("Move pillar {code} down")
        ).format(code=row.code)
        command = MovePillarCommand(edits, row.id, row.position, new, text)
        self.apply(command, self.tr("Move a pillar"))

    def move_to_pillar(self, context: NodeContext) -> None:
        """Choose another pillar of the program for the initiative; OK moves it there."""
        edits, row, program = self.edits(), context.row, context.program
        if edits is None or not isinstance(row, InitiativeNode) or program is None:
            return
        others = [
            (f"{pillar.code}  {pillar.title}", pillar.id)
            for pillar in program.pillars
            if pillar.id != row.pillar_id
        ]
        if not others:
            return
        codes = {pillar.id: pillar.code for pillar in program.pillars}

        def submit(target: int) -> None:
            text = self.tr("Move initiative {code} to pillar {pillar}").format(
                code=row.code, pillar=codes.get(target, "")
            )
            command = MoveInitiativeCommand(edits, row.id, row.version, row.pillar_id, target, text)
            self.save(command)

        heading = self.tr("Move {code} {name}, with its KPIs, milestones and budget lines, to:")
        dialog = MoveToPillarDialog(
            self.tr("Move to another pillar"),
            heading.format(code=row.code, name=row.name),
            submit,
            others,
            self._window,
        )
        self._open_dialog(dialog)
