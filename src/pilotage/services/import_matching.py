"""Which KPI of the program each filled row is about: by its hidden id, or by its code.

A template carries each KPI's id (hidden) and code. The id is the database's: after the
program was moved to another database (`export program`, then `import`) the same
KPIs have other ids, and a template sent before the move carries ids that name other
KPIs there, or nothing. The code is the analyst's: it can be corrected after the
template went out, while the id still names the same KPI. KPI codes are unique in a
program (at every level, ignoring case: kpi_validation), so the code names one KPI.

Hence, for the whole template first, from every row of its sheet, filled or not (the
same row must not be read one way or another as other rows are filled): its ids are this
database's when one row's id and code name the same KPI of the program (ids of another
database name that very KPI only by chance), or when no row's id and code name two
different KPIs. Then each filled row:
- id and code name the same KPI: that KPI;
- the ids are this database's: the KPI the id names (its code was corrected since), else
  the one the code names; an id and a code naming two different KPIs is a problem (which
  one did the partner mean?). When another row of the template pairs that id, or that
  code, as the database does, the row was altered after the template was written;
  otherwise the KPIs' codes changed in the database since (two codes swapped);
- the ids are another database's: the KPI the code names, the id ignored.

Then the figure a row corrects: the one of its KPI and period; for a one-off KPI (one
figure in all, its "period" a day) the KPI's figure whatever its day, which a date
reached moves (one_off_figure); and the rows giving the same figure twice (twins_of).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from pilotage.domain.enums import Frequency
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.exchange.template_reading import FilledRow
from pilotage.services.import_records import KpiFact, Recorded

__all__ = ["Matched", "clash_text", "match_kpis", "one_off_figure", "twins_of"]


@dataclass(frozen=True)
class Matched:
    """The KPI a row is about (None: no KPI of the program), or, when its id and code name
    two different KPIs, both: `kpi` the id's, `other` the code's; `altered` when the
    template elsewhere pairs that id or that code as the database does (the row was
    altered, not the KPIs' codes)."""

    kpi: KpiFact | None
    other: KpiFact | None = None
    altered: bool = False


def match_kpis(
    rows: Iterable[FilledRow],
    kpis: Mapping[int, KpiFact],
    identities: Iterable[tuple[int | None, str]] = (),
) -> dict[int, Matched]:
    """Per sheet row, the KPI of `kpis` (the program's, by id) the row is about.
    `identities`: the (id, code) of every row of the template, filled or not (default:
    the filled rows')."""
    by_code = {kpi.code.casefold(): kpi for kpi in kpis.values()}
    rows = tuple(rows)
    seen = {(i, code.strip().casefold()) for i, code in identities} or {
        (row.kpi_id, row.kpi_code.strip().casefold()) for row in rows
    }

    def named(kpi_id: int | None, code: str) -> tuple[KpiFact | None, KpiFact | None]:
        return (kpis.get(kpi_id) if kpi_id is not None else None), by_code.get(code)

    everywhere = [named(i, code) for i, code in seen]
    agreeing = any(by_id is not None and by_id is by_c for by_id, by_c in everywhere)
    clashing = any(by_id and by_c and by_id is not by_c for by_id, by_c in everywhere)
    local = agreeing or not clashing
    found: dict[int, Matched] = {}
    for row in rows:
        by_id, by_c = named(row.kpi_id, row.kpi_code.strip().casefold())
        if not local:
            found[row.row] = Matched(by_c)
        elif by_id is not None and by_c is not None and by_id is not by_c:
            altered = (by_id.id, by_id.code.casefold()) in seen or (
                by_c.id,
                by_c.code.casefold(),
            ) in seen
            found[row.row] = Matched(by_id, by_c, altered)
        else:
            found[row.row] = Matched(by_id or by_c)
    return found


def clash_text(altered: bool) -> str:
    """The problem of a row whose id and code name two KPIs ({named}, {name}, {code},
    {program}): the row was altered (copy it again), or the KPIs' codes changed in the
    database since the template was written (a new template: copying the row again
    would not help)."""
    if altered:
        return translate(
            "Import",
            "the KPI's identifier and code do not match: its hidden identifier is that of "
            "{named} ({name}), its code “{code}” that of another KPI of program {program}; "
            "copy the row again from the template as it was sent",
        )
    return translate(
        "Import",
        "the KPI's code changed in the database since the template was written: this row's "
        "hidden identifier is that of {named} ({name}), while its code “{code}” is now that "
        "of another KPI of program {program}; a new template is needed",
    )


def twins_of(
    rows: Iterable[FilledRow], matched: Mapping[int, Matched]
) -> dict[int, tuple[tuple[int, str], ...]]:
    """Per sheet row, the other rows of the same KPI whose period is the same or overlaps:
    (their row, "is also" or "overlaps")."""
    by_kpi: dict[int, list[tuple[date, date, int]]] = defaultdict(list)
    for row in rows:
        kpi = matched[row.row].kpi
        if kpi is not None and kpi.frequency is Frequency.ONE_OFF:
            # One figure in all: two rows of a one-off KPI give it twice, whatever their days.
            by_kpi[kpi.id].append((date.min, date.min, row.row))
        elif kpi is not None and row.period_start and row.period_end:
            by_kpi[kpi.id].append((row.period_start, row.period_end, row.row))
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for group in by_kpi.values():
        group.sort()
        # Sorted by start: a row overlaps a later one only while that one starts before it ends.
        for i, (start, end, number) in enumerate(group):
            for other_start, other_end, other in group[i + 1 :]:
                if other_start > end:
                    break
                how = "same" if (start, end) == (other_start, other_end) else "overlap"
                found[number].append((other, how))
                found[other].append((number, how))
    return {row: tuple(sorted(others)) for row, others in found.items()}


def one_off_figure(source: FilledRow, kpi: KpiFact, mine: list[Recorded]) -> Recorded | str | None:
    """The figure a one-off KPI's row corrects: its one figure, whatever its day (the date
    reached may move it); when the database holds several, the one on the day the row was
    written for. A sentence when none of several is on that day: which one the row
    corrects is not known."""
    if len(mine) <= 1:
        return mine[0] if mine else None
    day = source.written_day or source.period_start
    assert day is not None  # else a problem of its hidden column, rejected before
    on_day = [m for m in mine if m.period_start <= day <= m.period_end]
    if len(on_day) == 1:
        return on_day[0]
    text = translate(
        "Import",
        "{code} is a one-off KPI, with one figure in all, but {count} figures are recorded "
        "for it ({periods}), none on {day}: which one this row corrects is not known; ask "
        "for the KPI's figures to be put right first",
    )
    periods = ", ".join(period_label(m.period_start, m.period_end) for m in mine)
    return text.format(code=kpi.code, count=len(mine), periods=periods, day=day.isoformat())
