"""File > Export data-collection template…: the workbook a partner fills, for a program or
some of its initiatives, over a range of periods, in French or English.

The template is written off the GUI thread (a busy bar, the dialog disabled); then a
message offers to open it or its folder. What is missing or wrong (no file, periods
from after to, no initiative checked) is said next to its field and nothing starts;
a failure is one sentence and the dialog stays open to choose again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pilotage.domain.enums import Frequency
from pilotage.domain.periods import period_bounds, period_label
from pilotage.gui import formats
from pilotage.gui.dialogs.export_dialog import (
    SUFFIX,
    ExportAction,
    ExportDialog,
    Shown,
    buddy_label,
    date_edit,
    language_combo,
    language_of,
    safe_stem,
)
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.jobs import Cancelled, Progress, Work
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    Slot,
)
from pilotage.services import templates
from pilotage.services.templates import TemplateOutcome
from pilotage.services.workbook_files import initiative_choices


@dataclass(frozen=True)
class TemplateRequest:
    program_id: int
    start: date
    end: date
    language: str  # "fr" or "en"
    out: Path
    initiative_ids: tuple[int, ...] | None  # None: the whole program, its own KPIs too


def last_complete_quarter(as_of: date) -> tuple[date, date]:
    """The last quarter over by `as_of` (the day it ends counts): its first and last day."""
    start, end = period_bounds(Frequency.QUARTERLY, as_of)
    if end == as_of:
        return start, end
    return period_bounds(Frequency.QUARTERLY, start - timedelta(days=1))


def suggested_name(reference: str, start: date, end: date, language: str) -> str:
    """ "CP-MTNRA-MNC-template-2024-Q4-en.xlsx"; a range that is no one period names both ends."""
    label = period_label(start, end) if start <= end else f"{start}-{end}"
    return f"{safe_stem(f'{reference}-template-{label}')}-{language}{SUFFIX}"


class TemplateDialog(ExportDialog):
    """On the program shown, the last quarter over by the window's date, `shown.language`."""

    NAME = "templateDialog"
    TITLE = QT_TRANSLATE_NOOP("TemplateDialog", "Export data-collection template")
    written: TemplateOutcome | None

    def build(self, shown: Shown) -> None:
        assert shown.as_of is not None
        self.initiatives = QListWidget()
        self.initiatives.setObjectName("templateInitiatives")
        self.initiatives.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.all_button = QPushButton(self.tr("Check &all"))
        self.none_button = QPushButton(self.tr("Check &none"))
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.scope = QLabel()  # what the checks mean: the whole program, or some initiatives
        self.scope.setWordWrap(True)
        checks = QHBoxLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        checks.addWidget(self.all_button)
        checks.addWidget(self.none_button)
        checks.addWidget(self.scope, 1)
        self.initiative_problem = error_label()

        first, last = last_complete_quarter(shown.as_of)
        self.start = date_edit(first)
        self.end = date_edit(last)
        periods = QHBoxLayout()
        periods.setContentsMargins(0, 0, 0, 0)
        periods.addWidget(self.start)
        periods.addWidget(QLabel(self.tr("to")))
        periods.addWidget(self.end)
        periods.addStretch(1)
        self.period_problem = error_label()
        self.language = language_combo(shown.language)
        self.file_problem = self.problem

        form = self.form_layout
        form.addRow(self.tr("&Program"), self.program)
        form.addRow(self.tr("&Initiatives"), self.initiatives)
        form.addRow("", checks)
        form.addRow("", self.initiative_problem)
        form.addRow(buddy_label(self.tr("Periods &from"), self.start), periods)
        form.addRow("", self.period_problem)
        form.addRow(self.tr("&Language"), self.language)
        self.add_file_rows(buddy_label(self.tr("F&ile"), self.file))
        self.setMinimumWidth(720)

        self._fill_initiatives()
        self.start.dateChanged.connect(self.follow_choices)
        self.end.dateChanged.connect(self.follow_choices)
        self.language.currentIndexChanged.connect(self.follow_choices)
        self.initiatives.itemChanged.connect(self._on_checks_changed)

    # --- the choices ----------------------------------------------------------

    def chosen_language(self) -> str:
        return language_of(self.language)

    def chosen_initiatives(self) -> tuple[int, ...] | None:
        """The checked initiatives' ids; None when all are checked (the whole program)."""
        items = [self.initiatives.item(n) for n in range(self.initiatives.count())]
        checked = tuple(
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(checked) == len(items) else checked

    def _fill_initiatives(self) -> None:
        self.initiatives.clear()
        program = self.chosen_program()
        for choice in initiative_choices(self._db, program) if program is not None else []:
            item = QListWidgetItem(f"{choice.pillar_code} / {choice.code} — {choice.name}")
            item.setToolTip(choice.name)  # a long name is cut at the list's edge
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.initiatives.addItem(item)
        # Tall enough for every initiative up to ten, then it scrolls.
        shown = min(max(self.initiatives.count(), 3), 10)
        row = self.initiatives.sizeHintForRow(0) if self.initiatives.count() else 20
        self.initiatives.setFixedHeight(row * shown + 2 * self.initiatives.frameWidth() + 4)
        self._on_checks_changed()

    def _check_all(self, state: Qt.CheckState) -> None:
        for n in range(self.initiatives.count()):
            self.initiatives.item(n).setCheckState(state)

    @Slot()
    def _on_checks_changed(self) -> None:
        chosen = self.chosen_initiatives()
        if chosen is None:
            self.scope.setText(self.tr("The whole program, its own KPIs included."))
        else:
            self.scope.setText(
                self.tr("{checked} of {count} initiatives.").format(
                    checked=len(chosen), count=self.initiatives.count()
                )
            )
        if chosen != ():
            self.initiative_problem.hide()

    @Slot()
    def _on_program_changed(self) -> None:
        self._fill_initiatives()
        self.follow_choices()

    def suggested_name(self) -> str:
        return suggested_name(
            self.chosen_reference() or "template",
            formats.from_qdate(self.start.date()),
            formats.from_qdate(self.end.date()),
            self.chosen_language(),
        )

    def request(self) -> TemplateRequest | None:
        """What the fields ask for, or None after saying, next to each field, what is wrong."""
        for label in (self.initiative_problem, self.period_problem, self.file_problem):
            self.say("", label)
        start = formats.from_qdate(self.start.date())
        end = formats.from_qdate(self.end.date())
        out = self.chosen_file()
        program = self.chosen_program()
        initiatives = self.chosen_initiatives()
        if program is None:
            self.say(self.tr("Choose the program to collect for."), self.initiative_problem)
        elif initiatives == ():
            self.say(self.tr("Check at least one initiative."), self.initiative_problem)
        if start > end:
            self.say(self.tr("The first period starts after the last."), self.period_problem)
        if out is None:
            self.say(self.tr("Choose the file to write the template to."), self.file_problem)
        if program is None or initiatives == () or start > end or out is None:
            return None
        return TemplateRequest(program, start, end, self.chosen_language(), out, initiatives)

    # --- writing --------------------------------------------------------------

    def prepared(self) -> tuple[Path, Work] | None:
        request = self.request()
        if request is None:
            return None
        db = self._db

        def work(_progress: Progress, _cancelled: Cancelled) -> TemplateOutcome:
            # Written in one go: nothing to stop halfway.
            return templates.write_template(
                db,
                request.program_id,
                request.start,
                request.end,
                request.language,
                request.out,
                initiative_ids=request.initiative_ids,
            )

        return request.out, work

    def written_message(self, outcome: object) -> QMessageBox:
        assert isinstance(outcome, TemplateOutcome)
        rows = (
            self.tr("1 row to fill")
            if outcome.rows == 1
            else self.tr("{count} rows to fill").format(count=formats.number(outcome.rows))
        )
        return self.message(
            outcome.path,
            self.tr("The template was written to {path}.").format(path=outcome.path),
            self.tr("&Open the template"),
            "templateWrittenBox",
            self.tr("{rows}, for {kpis} KPIs.").format(
                rows=rows, kpis=formats.number(outcome.kpis)
            ),
        )


class TemplateAction(ExportAction):
    """File > Export data-collection template…: the dialog (kept in `dialog`) on the program
    the window shows."""

    TEXT = QT_TRANSLATE_NOOP("TemplateAction", "Export data-collection &template…")
    DIALOG = TemplateDialog
    dialog: TemplateDialog | None
