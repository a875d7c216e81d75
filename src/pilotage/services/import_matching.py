"""Which KPI of the program each filled row is about: by its hidden id, or by its code.

A template carries each KPI's id (hidden) and code. The id is the database's: after the
program was moved to another database (`export program`, then `import`) the same
KPIs have other ids, and a template sent before the move carries ids that name other
KPIs there, or nothing. The code is the analyst's: it can be corrected after the
template went out, while the id still names the same KPI. KPI codes are unique in a
program (at every level, ignoring case: kpi_validation), so the code names one KPI.

Hence, for the whole template first: its ids are this database's when one row's id and
code name the same KPI of the program (ids of another database name that very KPI only
by chance), or when no row's id and code name two different KPIs. Then each row:
- id and code name the same KPI: that KPI;
- the ids are this database's: the KPI the id names (its code was corrected since), else
  the one the code names; an id and a code naming two different KPIs is a problem (which
  one did the partner mean?);
- the ids are another database's: the KPI the code names, the id ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pilotage.exchange.template_reading import FilledRow
from pilotage.services.import_records import KpiFact

__all__ = ["Matched", "match_kpis"]


@dataclass(frozen=True)
class Matched:
    """The KPI a row is about (None: no KPI of the program), or, when its id and code name
    two different KPIs, both: `kpi` the id's, `other` the code's."""

    kpi: KpiFact | None
    other: KpiFact | None = None


def match_kpis(rows: Iterable[FilledRow], kpis: Mapping[int, KpiFact]) -> dict[int, Matched]:
    """Per sheet row, the KPI of `kpis` (the program's, by id) the row is about."""
    by_code = {kpi.code.casefold(): kpi for kpi in kpis.values()}
    pairs = [
        (
            row.row,
            kpis.get(row.kpi_id) if row.kpi_id is not None else None,
            by_code.get(row.kpi_code.strip().casefold()),
        )
        for row in rows
    ]
    agreeing = any(by_id is not None and by_id is by_c for _, by_id, by_c in pairs)
    clashing = any(by_id and by_c and by_id is not by_c for _, by_id, by_c in pairs)
    local = agreeing or not clashing
    found: dict[int, Matched] = {}
    for number, by_id, by_c in pairs:
        if not local:
            found[number] = Matched(by_c)
        elif by_id is not None and by_c is not None and by_id is not by_c:
            found[number] = Matched(by_id, by_c)
        else:
            found[number] = Matched(by_id or by_c)
    return found
