"""A large, deterministic portfolio for timing the read-side queries.

    python benchmarks/generate_portfolio.py OUT.sqlite [--scale 0.1] [--seed 2024]

Full scale: 50 programs, 3,000 initiatives, 30,000 KPIs and 300,000
measurements (plus per-period targets, revisions and disaggregations). Rows
go in with Core bulk inserts: one executemany per chunk of rows, never one ORM
object at a time, with ids chosen here so that no RETURNING is needed. Audit
entries are not written: the queries timed never read them.

Sizes are skewed on purpose (one program holds several times the average,
a few KPIs have hundreds of monthly measurements) so that "the largest
program" and "a KPI with many measurements" mean something.
"""

from __future__ import annotations

import argparse
import calendar
import random
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database, open_database
from pilotage.db.schema import (
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    KpiTarget,
    Measurement,
    Pillar,
    metadata,
)
from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    ProgramStatus,
)

CHUNK = 20_000
"""Rows per executemany: large enough to be fast, small enough to bound memory."""

LAST_PERIOD_END = date(2025, 12, 31)
"""The most recent measured periods end here; time the queries as of this day."""

_MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
# Periods each frequency can go back from LAST_PERIOD_END (to January 2000).
_CAPACITY = {frequency: (26 * 12) // months for frequency, months in _MONTHS.items()}

# (measure, aggregation, weight): the mixes an analyst actually defines.
_KINDS: tuple[tuple[Measure, Aggregation, int], ...] = (
    (Measure.COUNT, Aggregation.SUM, 30),
    (Measure.COUNT, Aggregation.MAXIMUM, 5),
    (Measure.COUNT, Aggregation.LATEST, 5),
    (Measure.PERCENTAGE, Aggregation.LATEST, 15),
    (Measure.PERCENTAGE, Aggregation.AVERAGE, 5),
    (Measure.RATIO, Aggregation.SUM, 12),
    (Measure.RATIO, Aggregation.LATEST, 3),
    (Measure.AMOUNT, Aggregation.SUM, 10),
    (Measure.AMOUNT, Aggregation.AVERAGE, 5),
    (Measure.YES_NO, Aggregation.LATEST, 10),
)
_FREQUENCIES = (
    (Frequency.MONTHLY, 40),
    (Frequency.QUARTERLY, 45),
    (Frequency.HALF_YEARLY, 10),
    (Frequency.YEARLY, 5),
)


@dataclass(frozen=True)
class Counts:
    """What `generate` inserted, table by table."""

    programs: int
    pillars: int
    initiatives: int
    kpis: int
    targets: int
    measurements: int
    disaggregations: int


@dataclass
class _Kpi:
    id: int
    measure: Measure
    aggregation: Aggregation
    frequency: Frequency
    target: Decimal


def _periods(frequency: Frequency, count: int) -> list[tuple[date, date]]:
    """The `count` calendar periods of `frequency` ending on LAST_PERIOD_END, oldest first."""
    months = _MONTHS[frequency]
    out = []
    end_index = LAST_PERIOD_END.year * 12 + LAST_PERIOD_END.month - 1  # months since year 0
    for back in range(count, 0, -1):
        last = end_index - (back - 1) * months
        first = last - months + 1
        y0, m0 = divmod(first, 12)
        y1, m1 = divmod(last, 12)
        out.append((date(y0, m0 + 1, 1), date(y1, m1 + 1, calendar.monthrange(y1, m1 + 1)[1])))
    return out


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, summing exactly to `total`."""
    if not weights:
        return []
    whole = sum(weights)
    if whole <= 0:
        weights, whole = [1.0] * len(weights), float(len(weights))
    shares = [w * total / whole for w in weights]
    parts = [int(share) for share in shares]
    # The largest remainders take the units that rounding down left over.
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _chunks(rows: Sequence[Mapping[str, Any]]) -> Iterator[Sequence[Mapping[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


class _Writer:
    """Bulk inserts with ids chosen here, after the highest id already in each table."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.filled: set[Table] = set()

    def next_id(self, table: Table) -> int:
        return int(self.session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1

    def insert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        for chunk in _chunks(rows):
            self.session.execute(insert(table), chunk)
        if rows:
            self.filled.add(table)

    def advance_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids chosen here (SQLite needs nothing)."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for table in self.filled:
            self.session.execute(
                select(
                    func.setval(
                        func.pg_get_serial_sequence(table.name, "id"),
                        select(func.max(table.c.id)).scalar_subquery(),
                    )
                )
            )


def _table(name: str) -> Table:
    return metadata.tables[name]


def generate(
    db: Database,
    programs: int = 50,
    initiatives: int = 3000,
    kpis: int = 30000,
    measurements: int = 300000,
    seed: int = 2024,
) -> Counts:
    """Add a generated portfolio to `db` in one transaction; the same seed gives the same rows."""
    if min(programs, initiatives, kpis) < 1 or measurements < 0:
        raise ValueError("programs, initiatives and KPIs must be at least 1")
    rng = random.Random(seed)
    with db.transaction() as session:
        writer = _Writer(session)
        program_ids, pillar_rows = _programs(writer, rng, programs)
        initiative_rows = _initiatives(writer, rng, program_ids, pillar_rows, initiatives)
        kpi_list = _kpis(writer, rng, program_ids, pillar_rows, initiative_rows, kpis)
        targets = _targets(writer, rng, kpi_list)
        measured, split = _measurements(writer, rng, kpi_list, measurements)
        writer.advance_sequences()
        return Counts(
            programs=len(program_ids),
            pillars=len(pillar_rows),
            initiatives=len(initiative_rows),
            kpis=len(kpi_list),
            targets=targets,
            measurements=measured,
            disaggregations=split,
        )


def _programs(
    writer: _Writer, rng: random.Random, count: int
) -> tuple[list[int], list[tuple[int, int]]]:
    """Programs and 3 to 6 pillars each; returns program ids and (pillar id, program id)."""
    table, pillars = _table(ContractProgram.__tablename__), _table(Pillar.__tablename__)
    first, first_pillar = writer.next_id(table), writer.next_id(pillars)
    rows: list[dict[str, Any]] = []
    pillar_rows: list[dict[str, Any]] = []
    statuses = list(ProgramStatus)
    for n in range(count):
        program_id = first + n
        rows.append({
            "id": program_id, "version": 1, "reference": f"BENCH-{program_id:04d}",
            "title": f"Programme de référence {program_id}", "description": "Généré pour mesure.",
            "signed_on": date(2022, 12, 1), "start_date": date(2023, 1, 1),
            "end_date": date(2027, 12, 31), "status": rng.choice(statuses), "currency": "MAD",
            "total_budget": Decimal(rng.randrange(1_000_000, 90_000_000)),
        })  # fmt: skip
        for position in range(1, rng.randint(3, 6) + 1):
            pillar_id = first_pillar + len(pillar_rows)
            pillar_rows.append({
                "id": pillar_id, "version": 1, "program_id": program_id, "position": position,
                "code": f"P{position}", "title": f"Levier {position} du programme {program_id}",
                "objective": "",
            })  # fmt: skip
    writer.insert(table, rows)
    writer.insert(pillars, pillar_rows)
    return [r["id"] for r in rows], [(r["id"], r["program_id"]) for r in pillar_rows]


def _initiatives(
    writer: _Writer,
    rng: random.Random,
    program_ids: list[int],
    pillars: list[tuple[int, int]],
    count: int,
) -> list[tuple[int, int]]:
    """Initiatives spread over programs with a skew (the first one is the largest)."""
    table = _table(Initiative.__tablename__)
    first = writer.next_id(table)
    weights = [4.0 if n == 0 else rng.uniform(0.5, 1.5) for n in range(len(program_ids))]
    per_program = _split(count, weights)
    pillars_of: dict[int, list[int]] = {}
    for pillar_id, program_id in pillars:
        pillars_of.setdefault(program_id, []).append(pillar_id)
    rows: list[dict[str, Any]] = []
    statuses = list(InitiativeStatus)
    for program_id, number in zip(program_ids, per_program, strict=True):
        for n in range(number):
            initiative_id = first + len(rows)
            rows.append({
                "id": initiative_id, "version": 1,
                "pillar_id": rng.choice(pillars_of[program_id]), "code": f"I{n + 1:04d}",
                "name": f"Initiative {n + 1} du programme {program_id}", "description": "",
                "lead_organization_id": None, "start_date": date(2023, 1, 1),
                "end_date": date(2027, 12, 31), "status": rng.choice(statuses),
                "planned_budget": Decimal(rng.randrange(100_000, 5_000_000)),
            })  # fmt: skip
    writer.insert(table, rows)
    return [(r["id"], r["pillar_id"]) for r in rows]


def _owners(
    rng: random.Random,
    program_ids: list[int],
    pillars: list[tuple[int, int]],
    initiatives: list[tuple[int, int]],
    count: int,
) -> list[tuple[str, int]]:
    """An owner per KPI: 2% programs, 8% pillars, 90% initiatives (each owner at least once
    while there are KPIs enough)."""
    at_program = max(1, count // 50) if count >= 3 else 0
    at_pillar = count // 12 if count >= 3 else 0
    owners = [("program_id", rng.choice(program_ids)) for _ in range(at_program)]
    owners += [("pillar_id", rng.choice(pillars)[0]) for _ in range(at_pillar)]
    left = count - len(owners)
    ids = [i for i, _ in initiatives]
    # Every initiative first, then random ones (a few get many KPIs).
    chosen = ids[:left] + [rng.choice(ids) for _ in range(max(0, left - len(ids)))]
    owners += [("initiative_id", i) for i in chosen]
    return owners


def _kpis(
    writer: _Writer,
    rng: random.Random,
    program_ids: list[int],
    pillars: list[tuple[int, int]],
    initiatives: list[tuple[int, int]],
    count: int,
) -> list[_Kpi]:
    table = _table(Kpi.__tablename__)
    first = writer.next_id(table)
    kinds = [(m, a) for m, a, _ in _KINDS]
    kind_weights = [w for _, _, w in _KINDS]
    frequencies = [f for f, _ in _FREQUENCIES]
    frequency_weights = [w for _, w in _FREQUENCIES]
    codes: dict[tuple[str, int], int] = {}
    rows: list[dict[str, Any]] = []
    made: list[_Kpi] = []
    for column, owner in _owners(rng, program_ids, pillars, initiatives, count):
        number = codes[column, owner] = codes.get((column, owner), 0) + 1
        measure, aggregation = rng.choices(kinds, kind_weights)[0]
        frequency = rng.choices(frequencies, frequency_weights)[0]
        target = _target_value(rng, measure, aggregation, frequency)
        kpi_id = first + len(rows)
        complete = rng.random() > 0.05  # a few lack a definition or a source: quality flags
        rows.append({
            "id": kpi_id, "version": 1, "program_id": None, "pillar_id": None,
            "initiative_id": None, column: owner, "code": f"K{number:03d}",
            "name": f"Indicateur {kpi_id}", "definition": "Définition." if complete else "",
            "unit": "%" if measure in (Measure.PERCENTAGE, Measure.RATIO) else "",
            "measure": measure, "aggregation": aggregation, "frequency": frequency,
            "direction": Direction.INCREASE, "baseline_value": Decimal(0),
            "baseline_date": date(2023, 1, 1), "target_value": target,
            "target_date": date(2027, 12, 31), "green": None, "amber": None,
            "data_source": "Rapport d'activité" if complete else "",
            "responsible_organization_id": None, "means_of_verification": "",
        })  # fmt: skip
        made.append(_Kpi(kpi_id, measure, aggregation, frequency, target))
    writer.insert(table, rows)
    return made


def _target_value(
    rng: random.Random, measure: Measure, aggregation: Aggregation, frequency: Frequency
) -> Decimal:
    if measure is Measure.PERCENTAGE:
        return Decimal(rng.randrange(50, 96))
    if measure is Measure.RATIO:
        return Decimal(rng.randrange(50, 96)) / 100
    if measure is Measure.YES_NO:
        return Decimal(1)
    per_period = 100
    if aggregation is Aggregation.SUM:
        # About what five years of periods add up to, give or take.
        return Decimal(per_period * 60 // _MONTHS[frequency] * rng.randrange(60, 140) // 100)
    return Decimal(per_period * rng.randrange(80, 150) // 100)


def _targets(writer: _Writer, rng: random.Random, kpis: list[_Kpi]) -> int:
    """Yearly targets for a fifth of the KPIs; a tenth of those revised once in 2025."""
    rows = []
    for kpi in kpis:
        if rng.random() >= 0.2:
            continue
        for year in range(2023, 2028):
            share = Decimal(year - 2022) / 5
            value = (kpi.target * share).quantize(Decimal("0.01"))
            end = date(year, 12, 31)
            rows.append({"kpi_id": kpi.id, "period_end": end, "value": value, "revision": 0,
                         "revised_on": None, "reason": ""})  # fmt: skip
            if year == 2025 and rng.random() < 0.1:
                rows.append({"kpi_id": kpi.id, "period_end": end, "value": value * 9 / 10,
                             "revision": 1, "revised_on": date(2025, 6, 30),
                             "reason": "Revue à mi-parcours"})  # fmt: skip
    table = _table(KpiTarget.__tablename__)
    first = writer.next_id(table)
    writer.insert(table, [{"id": first + n, "version": 1, **r} for n, r in enumerate(rows)])
    return len(rows)


def _measurement_counts(rng: random.Random, kpis: list[_Kpi], total: int) -> list[int]:
    """How many periods each KPI has: mostly a few years, a handful the full history."""
    capacity = [_CAPACITY[k.frequency] for k in kpis]
    if total > sum(capacity):
        raise ValueError(f"{total} measurements do not fit in {len(kpis)} KPIs' periods")
    # A few monthly KPIs hold all the history they can (26 years), when the total allows;
    # 5% have nothing measured yet.
    monthly = [i for i, k in enumerate(kpis) if k.frequency is Frequency.MONTHLY]
    heavy = min(5, len(monthly)) if total >= 10 * 5 * _CAPACITY[Frequency.MONTHLY] else 0
    full = set(rng.sample(monthly, k=heavy))
    wanted = [
        0.0 if i in full or rng.random() < 0.05 else rng.expovariate(1.0) for i in range(len(kpis))
    ]
    rest = _split(total - sum(capacity[i] for i in full), wanted)
    counts = [capacity[i] if i in full else min(capacity[i], rest[i]) for i in range(len(kpis))]
    # What the caps cut off goes to KPIs with room left, a few at a time.
    missing = total - sum(counts)
    order = list(range(len(kpis)))
    while missing > 0:
        rng.shuffle(order)
        for index in order:
            if missing == 0:
                break
            room = capacity[index] - counts[index]
            if room > 0:
                step = min(room, missing, 3)
                counts[index] += step
                missing -= step
    return counts


def _measurements(
    writer: _Writer, rng: random.Random, kpis: list[_Kpi], total: int
) -> tuple[int, int]:
    table, split = _table(Measurement.__tablename__), _table(Disaggregation.__tablename__)
    next_id, next_split = writer.next_id(table), writer.next_id(split)
    entered_at = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    rows: list[dict[str, Any]] = []
    split_rows: list[dict[str, Any]] = []
    written = split_written = 0
    for kpi, count in zip(kpis, _measurement_counts(rng, kpis, total), strict=True):
        periods = _periods(kpi.frequency, count)
        for n, (start, end) in enumerate(periods):
            value, numerator, denominator = _figure(rng, kpi)
            status = MeasurementStatus.VALIDATED if n < count - 1 else MeasurementStatus.SUBMITTED
            rows.append({
                "id": next_id, "version": 1, "kpi_id": kpi.id, "period_start": start,
                "period_end": end, "value": value, "numerator": numerator,
                "denominator": denominator, "status": status, "comment": "",
                "evidence_link": "", "entered_by": "bench", "entered_at": entered_at,
            })  # fmt: skip
            if value is not None and kpi.measure is Measure.COUNT and rng.random() < 0.2:
                women = (value * rng.randrange(30, 70) // 100).quantize(Decimal(1))
                for category, part in (("femmes", women), ("hommes", value - women)):
                    split_rows.append({
                        "id": next_split, "version": 1, "measurement_id": next_id,
                        "dimension": "sexe", "category": category, "value": part,
                    })  # fmt: skip
                    next_split += 1
            next_id += 1
        if len(rows) >= CHUNK:
            writer.insert(table, rows)
            writer.insert(split, split_rows)
            written, split_written = written + len(rows), split_written + len(split_rows)
            rows, split_rows = [], []
    writer.insert(table, rows)
    writer.insert(split, split_rows)
    return written + len(rows), split_written + len(split_rows)


def _figure(rng: random.Random, kpi: _Kpi) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    if kpi.measure is Measure.RATIO:
        denominator = rng.randrange(50, 400)
        return None, Decimal(denominator * rng.randrange(40, 100) // 100), Decimal(denominator)
    if kpi.measure is Measure.PERCENTAGE:
        return Decimal(rng.randrange(3000, 9900)) / 100, None, None
    if kpi.measure is Measure.YES_NO:
        return Decimal(int(rng.random() < 0.7)), None, None
    if kpi.measure is Measure.AMOUNT:
        return Decimal(rng.randrange(1000, 500_000)) / 100, None, None
    return Decimal(rng.randrange(0, 200)), None, None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="SQLite file to create (must not exist)")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = full size (default)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} already exists")
    started = time.perf_counter()
    db = open_database(args.out, create=True)
    try:
        counts = generate(db, seed=args.seed, **scaled(args.scale))
    finally:
        db.close()
    print(f"{counts} in {time.perf_counter() - started:.1f} s -> {args.out}")
    return 0


def scaled(scale: float) -> dict[str, int]:
    """The sizes of `generate` at `scale` (1 = full size)."""
    if scale <= 0:
        raise ValueError("the scale must be positive")
    return {
        "programs": max(1, round(50 * scale)),
        "initiatives": max(1, round(3000 * scale)),
        "kpis": max(1, round(30000 * scale)),
        "measurements": round(300000 * scale),
    }


if __name__ == "__main__":
    sys.exit(main())
