"""Judging every row of a filled template against the database, before anything is written.

The whole workbook is judged at once, set-based: one statement reads the
program, one the KPIs of all rows, one the measurements of those KPIs and one
their disaggregations, whatever the number of rows. Each row is then checked
with the rules every measurement obeys (measurement_validation.check_measurement,
kpi_values), their field names mapped to the template's columns, plus what only
an import can get wrong: a KPI that is not the template's, the same KPI and
period twice, a validated period given another figure, disaggregations that do
not add up to the total (a warning when typed in the application, a rejection
here: the partner is asked again).

Cells left empty keep what is recorded: an empty comment, evidence link or
disaggregations cell does not erase the measurement's own (the template does not
show them, so an empty cell says nothing about them), and a row with only a
comment or a link typed adds it to the figure already recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy.orm import Session

from pilotage.domain.enums import Frequency, Measure, MeasurementStatus
from pilotage.domain.messages import speaking, translate
from pilotage.domain.periods import period_label
from pilotage.exchange import template_layout as layout
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_reading import CellProblem, FilledRow, FilledTemplate
from pilotage.exchange.template_values import text_not_number
from pilotage.services import audit
from pilotage.services.import_matching import (
    Matched,
    clash_text,
    match_kpis,
    one_off_figure,
    twins_of,
)
from pilotage.services.import_outcomes import Judged, RowOutcome
from pilotage.services.import_preview_texts import figure_text, typed_text, with_day, with_details
from pilotage.services.import_records import (
    KpiFact,
    ProgramFound,
    Recorded,
    program_of,
    read_program_kpis,
    read_recorded,
)
from pilotage.services.measurement_validation import (
    DisaggregationInput,
    MeasurementInput,
    check_measurement,
    disaggregation_warnings,
)
from pilotage.services.validation import Checker

__all__ = ["ProgramFound", "judge", "program_of"]


# The checkers' field names, and the template's column each one is reported in.
COLUMN_OF: Mapping[str, Field] = {
    "period_start": Field.PERIOD,
    "period_end": Field.PERIOD,
    "value": Field.VALUE,
    "numerator": Field.NUMERATOR,
    "denominator": Field.DENOMINATOR,
    "disaggregations": Field.DISAGGREGATIONS,
    "comment": Field.COMMENT,
    "evidence_link": Field.EVIDENCE,
}
_IDENTIFIERS = frozenset(
    layout.column_letter(f) for f in (Field.KPI_ID, Field.PERIOD_START, Field.PERIOD_END)
)


@dataclass
class _Row:
    """The problems of one row as they are found, each in its column."""

    source: FilledRow
    headers: Mapping[Field, str]
    problems: list[CellProblem] = field(default_factory=list)

    def add(self, where: Field | None, message: str) -> None:
        column = layout.column_letter(where) if where is not None else ""
        header = (self.headers.get(where) or where.value) if where is not None else ""
        self.problems.append(
            CellProblem(self.source.sheet, self.source.row, column, header, message)
        )

    def columns(self) -> set[str]:
        return {p.column for p in self.problems}


def judge(session: Session, template: FilledTemplate, program: ProgramFound) -> list[Judged]:
    """Every filled row of `template` judged: three statements whatever their number. The
    problems speak the template's language: the partner reads them in the errors copy.
    Each row is matched to a KPI of `program` by its hidden id or by its code
    (import_matching): a template comes back to the database the program was moved to."""
    with speaking(import_language(template.language)):
        return _judge(session, template, program)


def _judge(session: Session, template: FilledTemplate, program: ProgramFound) -> list[Judged]:
    kpis = read_program_kpis(session, program.id)
    matched = match_kpis(template.rows, kpis, template.all_identities())
    ids = {m.kpi.id for m in matched.values() if m.kpi is not None and m.other is None}
    # Only the measurements of the periods the rows cover: a row can match or overlap no other.
    bounds = [(r.period_start, r.period_end) for r in template.rows]
    starts = [start for start, end in bounds if start is not None and end is not None]
    ends = [end for start, end in bounds if start is not None and end is not None]
    periods = (min(starts), max(ends)) if starts else None
    # A one-off KPI's one figure is found by the KPI whatever its day (a date reached may
    # move it out of the rows' periods): its measurements are all read, in the same statement.
    one_offs = frozenset(
        m.kpi.id
        for m in matched.values()
        if m.kpi is not None and m.other is None and m.kpi.frequency is Frequency.ONE_OFF
    )
    recorded = read_recorded(session, ids, periods, one_offs) if ids else {}
    twins = twins_of(template.rows, matched)
    return [
        _judge_row(
            row, template, program.reference, matched[row.row], recorded, twins.get(row.row, ())
        )
        for row in template.rows
    ]


def _judge_row(
    source: FilledRow,
    template: FilledTemplate,
    program: str,
    matched: Matched,
    recorded: Mapping[int, list[Recorded]],
    twins: tuple[tuple[int, str], ...],
) -> Judged:
    row = _Row(source, template.headers, list(source.problems))
    kpi = matched.kpi
    if row.columns() & _IDENTIFIERS or "" in row.columns():  # an added row: its own problem
        return _rejected(row, kpi, None)
    if kpi is not None and matched.other is not None:
        text = clash_text(matched.altered)
        row.add(
            Field.KPI_CODE,
            text.format(named=kpi.code, name=kpi.name, code=source.kpi_code, program=program),
        )
        return _rejected(row, None, None)
    if kpi is None:
        text = translate(
            "Import",
            "unknown KPI: “{code}” is not a KPI of program {program} in this database (or its "
            "hidden identifier was changed); copy the row again from the template as it was "
            "sent",
        )
        row.add(Field.KPI_CODE, text.format(code=source.kpi_code, program=program))
        return _rejected(row, None, None)
    start, end = source.period_start, source.period_end
    assert start is not None  # else a problem of its hidden column, above
    assert end is not None
    mine = recorded.get(kpi.id, [])
    if kpi.frequency is Frequency.ONE_OFF:
        found = one_off_figure(source, kpi, mine)
        if isinstance(found, str):
            row.add(Field.DATE_REACHED if source.date_reached else Field.PERIOD, found)
            return _rejected(row, kpi, None)
        existing = found
        if existing is not None and source.date_reached is None:
            # No date reached: the row's day is only the one the template wrote (the target
            # date when nothing was recorded yet); the figure keeps its own.
            start, end = existing.period_start, existing.period_end
            source = replace(source, period_start=start, period_end=end)
            source = replace(source, period=period_label(start, end))
            row.source = source
    else:
        existing = next(
            (m for m in mine if (m.period_start, m.period_end) == (start, end)),
            None,
        )
    value = _value(row, kpi, template.language)
    given_figures = {
        "value": value,
        "numerator": source.numerator,
        "denominator": source.denominator,
    }
    if existing is not None and _no_figure(row):
        given_figures = existing.figures()  # a comment or a link added to the recorded figure
    comment = source.comment or (existing.comment if existing else "")
    link = source.evidence_link or (existing.evidence_link if existing else "")
    given = source.disaggregations if source.disaggregations_given else None
    parts = given if given is not None else (existing.parts if existing else ())
    check = Checker()
    clean = check_measurement(
        check,
        kpi.measure,
        kpi.unit,
        kpi.frequency,
        MeasurementInput(
            period_start=start,
            period_end=end,
            value=given_figures["value"],
            numerator=given_figures["numerator"],
            denominator=given_figures["denominator"],
            status=MeasurementStatus.SUBMITTED,
            comment=comment,
            evidence_link=link,
            disaggregations=tuple(DisaggregationInput(*p) for p in parts),
        ),
    )
    already = row.columns()
    for problem in check.problems:
        where = COLUMN_OF.get(problem.field)
        if where is None or layout.column_letter(where) not in already:
            row.add(where, problem.message)
    figures = {k: clean.values.get(k) for k in ("value", "numerator", "denominator")}
    typed = {k: v if isinstance(v, Decimal) else None for k, v in figures.items()}
    if not row.problems:
        # An empty cell kept the recorded split: say so, the partner typed none.
        kept = given is None and existing is not None and bool(existing.parts)
        text = (
            translate(
                "Import",
                "{problem}: the split recorded earlier was kept (the cell was left empty); "
                "give the split of the new figure",
            )
            if kept
            else translate("Import", "{problem}: they must add up to it")
        )
        for warning in disaggregation_warnings(kpi.measure, typed["value"], clean.parts):
            row.add(Field.DISAGGREGATIONS, text.format(problem=warning.message))
    label = period_label(start, end)
    for other, how in twins:
        if how == "same":
            text = translate(
                "Import", "{code} {period} is also in row {row}: give each KPI and period once"
            )
        else:
            text = translate("Import", "{period} overlaps row {row} of the same KPI")
        row.add(Field.PERIOD, text.format(code=kpi.code, period=label, row=other))
    for m in mine:
        if m is not existing and m.period_start <= end and m.period_end >= start:
            text = translate(
                "Import",
                "{period} overlaps the measurement of {other} of this KPI: periods of a KPI "
                "must not overlap",
            )
            other_label = period_label(m.period_start, m.period_end)
            row.add(Field.PERIOD, text.format(period=label, other=other_label))
    judged = Judged(
        source,
        kpi,
        RowOutcome.REJECTED,
        existing,
        typed,
        str(clean.values.get("comment") or ""),
        str(clean.values.get("evidence_link") or ""),
        tuple(sorted(clean.parts)),
        (),
        figure_text(kpi, existing.figures(), template.language) if existing else "",
        "",
    )
    language = template.language
    if row.problems:
        return _with(judged, row, RowOutcome.REJECTED, language)
    if existing is None:
        return _with(judged, row, RowOutcome.NEW, language)
    if not audit.diff(*judged.compared()):
        return _with(judged, row, RowOutcome.UNCHANGED, language)
    if existing.status is MeasurementStatus.VALIDATED:
        text = translate(
            "Import",
            "period {period} is validated and locked (recorded: {recorded}): it cannot be "
            "changed by an import; ask for it to be unlocked first",
        )
        # The recorded period: a one-off's date reached may name another day.
        locked = period_label(existing.period_start, existing.period_end)
        moved_only = judged.day_moved and existing.figures() == typed
        where = Field.DATE_REACHED if moved_only else _typed_field(row, kpi)
        row.add(where, text.format(period=locked, recorded=judged.old))
        return _with(judged, row, RowOutcome.REJECTED, language)
    return _with(judged, row, RowOutcome.CHANGED, language)


def _typed_field(row: _Row, kpi: KpiFact) -> Field:
    """The cell the partner typed in: the figure's, else the first text one (a comment
    alone on a closed period is refused on the comment, not on an empty value cell)."""
    if _no_figure(row):
        source = row.source
        typed = (
            (Field.DISAGGREGATIONS, source.disaggregations_given),
            (Field.COMMENT, bool(source.comment)),
            (Field.EVIDENCE, bool(source.evidence_link)),
        )
        for field_, given in typed:
            if given:
                return field_
    return Field.NUMERATOR if kpi.measure is Measure.RATIO else Field.VALUE


def _no_figure(row: _Row) -> bool:
    """Whether the row's value, numerator and denominator cells were all left empty."""
    source, columns = row.source, row.columns()
    typed = (source.value, source.answer, source.numerator, source.denominator)
    read = {layout.column_letter(f) for f in (Field.VALUE, Field.NUMERATOR, Field.DENOMINATOR)}
    return all(v is None for v in typed) and not source.value_text and not read & columns


def _value(row: _Row, kpi: KpiFact, language: str) -> Decimal | None:
    """The value column as a number, yes/no words turned into 1 and 0 for a yes/no KPI."""
    source = row.source
    yes, no = layout.YES_NO_WORDS.get(language, layout.YES_NO_WORDS["en"])
    if kpi.measure is Measure.YES_NO:
        if source.answer is not None:
            return Decimal(1 if source.answer else 0)
        if source.value_text:
            text = translate(
                "Import", "“{typed}” is not an answer: type “{yes}” or “{no}” (a yes/no KPI)"
            )
            row.add(Field.VALUE, text.format(typed=source.value_text, yes=yes, no=no))
        elif source.value is not None and source.value not in (0, 1):
            # The partner sees a list of two words, not 0 and 1: say the words.
            typed = format(source.value.normalize(), "f")
            text = translate(
                "Import",
                "“{typed}” is not an answer: choose “{yes}” or “{no}” in the cell's list "
                "(a yes/no KPI)",
            )
            row.add(Field.VALUE, text.format(typed=typed, yes=yes, no=no))
        return source.value
    word = {True: yes, False: no}.get(source.answer) if source.answer is not None else None
    text = word or source.value_text
    if text:
        row.add(Field.VALUE, text_not_number(text))
    if source.value_percent and source.value is not None and kpi.measure is not Measure.PERCENTAGE:
        # "72%" means 72 points of a percentage KPI only. A count or an amount is never
        # typed as a percentage, and a ratio (even of unit "%") takes its numerator and
        # denominator: a rate typed in its value cell is refused, never turned into terms.
        shown = format(source.value.normalize(), "f")
        refusal = (
            translate(
                "Import",
                "typed as a percentage ({typed} %): give its numerator and denominator "
                "(a ratio KPI)",
            )
            if kpi.measure is Measure.RATIO
            else translate("Import", "typed as a percentage ({typed} %): type the number itself")
        )
        row.add(Field.VALUE, refusal.format(typed=shown))
        return None
    return source.value


def _rejected(row: _Row, kpi: KpiFact | None, recorded: Recorded | None) -> Judged:
    return Judged(
        row.source,
        kpi,
        RowOutcome.REJECTED,
        recorded,
        {},
        row.source.comment,
        row.source.evidence_link,
        (),
        tuple(row.problems),
        "",
        "",
    )


def _with(judged: Judged, row: _Row, outcome: RowOutcome, language: str) -> Judged:
    """`judged` with its outcome, its problems and the new figure's text."""
    kpi = judged.kpi
    assert kpi is not None
    if outcome is RowOutcome.REJECTED:  # what was typed, shown beside the reasons
        new = typed_text(judged.source, language)
    else:
        new = figure_text(kpi, judged.figures, language)
    old = judged.old
    if judged.recorded is not None and outcome is RowOutcome.CHANGED:
        mine = (judged.parts, judged.comment, judged.evidence_link)
        old, new = with_details(judged.recorded, *mine, old, new)
    elif outcome is RowOutcome.NEW and judged.parts:
        new = f"{new} · {layout.format_disaggregations(judged.parts)}"
    if judged.recorded is not None and judged.day_moved:
        old, new = with_day(judged.recorded, judged.source, old, new)
    return Judged(
        judged.source,
        kpi,
        outcome,
        judged.recorded,
        judged.figures,
        judged.comment,
        judged.evidence_link,
        judged.parts,
        tuple(row.problems),
        old,
        new,
    )
