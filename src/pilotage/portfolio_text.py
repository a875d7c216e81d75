"""The portfolio as plain text for the terminal: one aligned table per program."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus, QualityFlag
from pilotage.domain.errors import NotFoundError
from pilotage.domain.formatting import NO_VALUE, format_number, format_percent, format_value
from pilotage.services.overview import KpiNode, ProgramTree, program_tree, program_trees
from pilotage.services.programs import find_program

STATUS_LABELS = {
    KpiStatus.ACHIEVED: "achieved",
    KpiStatus.ON_TRACK: "on track",
    KpiStatus.AT_RISK: "at risk",
    KpiStatus.OFF_TRACK: "off track",
    KpiStatus.NO_DATA: "no data",
    KpiStatus.NOT_STARTED: "not started",
}
FLAG_LABELS = {
    QualityFlag.NO_BASELINE: "no baseline",
    QualityFlag.NO_TARGET: "no target",
    QualityFlag.NO_DEFINITION: "no definition",
    QualityFlag.NO_DATA_SOURCE: "no data source",
    QualityFlag.OVERDUE_MEASUREMENT: "overdue",
}
HEADERS = ("item", "unit", "value", "target", "progress", "status", "flags")
NAME_WIDTH = 58
INDENT = "  "


@dataclass(frozen=True)
class Line:
    item: str
    unit: str = ""
    value: str = ""
    target: str = ""
    progress: str = ""
    status: str = ""
    flags: str = ""
    trace: str = ""


def render_portfolio(
    db: Database, as_of: date, reference: str | None = None, *, traces: bool = False
) -> str:
    if reference is not None:
        found = find_program(db, reference)
        if found is None:
            raise NotFoundError("program", reference)
        trees = [program_tree(db, found.id, as_of)]
    else:
        trees = program_trees(db, as_of)  # a fixed number of statements for all
    out = [f"Portfolio as of {as_of.isoformat()} · {db.name}", ""]
    if not trees:
        out.append("No program yet. `pilotage demo` loads the demo contract-program.")
    for tree in trees:
        out += _program(tree, traces)
    return "\n".join(out).rstrip() + "\n"


def _program(tree: ProgramTree, traces: bool) -> list[str]:
    p = tree.program
    budget = (
        f" · budget {format_number(p.total_budget, 2)} {p.currency}"
        if p.total_budget is not None
        else ""
    )
    rollup = tree.rollup
    counts = ", ".join(
        f"{rollup.counts[s]} {STATUS_LABELS[s]}" for s in KpiStatus if rollup.counts.get(s)
    )
    mean = format_percent(rollup.mean_progress) if rollup.mean_progress is not None else NO_VALUE
    head = [
        f"{p.reference}  {p.title}",
        f"{INDENT}{p.status.value} · {p.start_date.isoformat()} – {p.end_date.isoformat()}{budget}",
        f"{INDENT}{STATUS_LABELS[tree.headline]} · {rollup.kpi_count} KPIs: {counts or 'none'}"
        f" · mean progress {mean}",
        "",
    ]
    return head + _table(list(_lines(tree)), traces) + [""]


def _lines(tree: ProgramTree) -> Iterator[Line]:
    yield from (_kpi(k, 0) for k in tree.kpis)
    for pillar in tree.pillars:
        yield Line(f"{pillar.code}  {pillar.title}", status=STATUS_LABELS[pillar.headline])
        yield from (_kpi(k, 1) for k in pillar.kpis)
        for initiative in pillar.initiatives:
            yield Line(
                f"{INDENT}{initiative.code}  {initiative.name}",
                status=STATUS_LABELS[initiative.headline],
            )
            yield from (_kpi(k, 2) for k in initiative.kpis)


def _kpi(node: KpiNode, depth: int) -> Line:
    evaluation = node.evaluation
    unit = "" if node.unit == "%" else node.unit
    progress = evaluation.progress.value
    return Line(
        item=f"{INDENT * depth}{node.code}  {node.name}",
        unit=unit,
        value=format_value(evaluation.actual.value, node.measure, node.unit, show_unit=False),
        target=format_value(evaluation.target.value, node.measure, node.unit, show_unit=False),
        progress=format_percent(progress) if progress is not None else NO_VALUE,
        status=STATUS_LABELS[evaluation.status],
        flags=", ".join(FLAG_LABELS[f] for f in QualityFlag if f in evaluation.flags),
        trace=evaluation.trace,
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(lines: list[Line], traces: bool) -> list[str]:
    rows = [(_clip(x.item, NAME_WIDTH), x.unit, x.value, x.target, x.progress, x.status, x.flags)
            for x in lines]  # fmt: skip
    widths = [max(len(r[i]) for r in [HEADERS, *rows]) for i in range(len(HEADERS))]
    right = {2, 3, 4}  # numbers line up on the right

    def fmt(cells: tuple[str, ...]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return (INDENT + "  ".join(parts)).rstrip()

    out = [fmt(HEADERS), INDENT + "  ".join("-" * w for w in widths)]
    for line, cells in zip(lines, rows, strict=True):
        out.append(fmt(cells))
        if traces and line.trace:
            out.append(f"{INDENT * 3}{line.trace}")
    return out
