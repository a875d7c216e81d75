"""Checking a measurement before it is written, and the warnings it may carry.

Problems block the save; warnings (disaggregations that do not add up to the
total) are kept with the row for the analyst to look at, as DESIGN.md asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from pilotage.db.base import NOTE_LENGTH, SHORT_LENGTH, URL_LENGTH
from pilotage.db.schema import Kpi, Measurement
from pilotage.domain.enums import Frequency, Measure, MeasurementStatus
from pilotage.domain.errors import Problem
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.exchange.template_layout import format_disaggregations
from pilotage.services import audit
from pilotage.services.input_types import check_types, enum_value
from pilotage.services.kpi_values import (
    check_figure,
    check_period,
    is_share,
    measure_problem,
    quantity,
)
from pilotage.services.validation import Checker

_ZERO = Decimal(0)
# Measures whose disaggregated categories add up to the total (a rate or a
# yes/no does not: 60% of women and 80% of men is not 140%).
_ADDITIVE = frozenset({Measure.COUNT, Measure.AMOUNT})
_LINK_SCHEMES = frozenset({"http", "https", "file"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_FILE_NAME = re.compile(r"\.\w{1,8}$")
# A comment is a note, not a report: far below the 32,767 characters an Excel cell holds,
# so that every workbook carrying it (template, report, program workbook) keeps it whole.
COMMENT_LENGTH = NOTE_LENGTH
# The split written out as a template cell shows it ("sex / women = 400; ..."): a cell
# holds 32,767 characters, and the partner must be able to read and correct it.
DISAGGREGATIONS_LENGTH = 30_000


@dataclass(frozen=True)
class DisaggregationInput:
    dimension: str
    category: str
    value: Decimal


@dataclass(frozen=True)
class MeasurementInput:
    period_start: date
    period_end: date
    value: Decimal | None = None
    numerator: Decimal | None = None  # ratio KPIs only
    denominator: Decimal | None = None  # ratio KPIs only
    status: MeasurementStatus = MeasurementStatus.DRAFT
    comment: str = ""
    evidence_link: str = ""
    disaggregations: tuple[DisaggregationInput, ...] = ()


@dataclass(frozen=True)
class CleanMeasurement:
    """A checked input: the measurement's columns and its disaggregations."""

    values: dict[str, object]
    parts: tuple[tuple[str, str, Decimal], ...]


def describe_parts(parts: Iterable[tuple[str, str, Decimal]]) -> tuple[str, ...]:
    """Disaggregations as the audit log shows them: "sex / women: 400"."""
    return tuple(f"{dim} / {cat}: {audit.render(value)}" for dim, cat, value in parts)


def clean_measurement(
    session: Session, kpi: Kpi, data: MeasurementInput, exclude_id: int | None
) -> CleanMeasurement:
    check_types(data)
    check = Checker()
    clean = check_measurement(check, kpi.measure, kpi.unit, kpi.frequency, data)
    if data.period_start is not None and data.period_end is not None:
        _check_no_overlap(session, check, kpi.id, data.period_start, data.period_end, exclude_id)
    check.raise_if_any()
    return clean


def check_measurement(
    check: Checker, measure: Measure, unit: str, frequency: Frequency, data: MeasurementInput
) -> CleanMeasurement:
    """Every rule of one measurement that needs no database (the overlap with the KPI's
    other periods does): problems go to `check`. An import checks a whole workbook's rows
    with it after reading their KPIs and measurements in a few statements."""
    status = enum_value(check, "status", data.status, MeasurementStatus, "a measurement status")
    check_period(check, frequency, data.period_start, data.period_end)
    values: dict[str, object] = {
        "period_start": data.period_start,
        "period_end": data.period_end,
        **_figures(check, measure, unit, data),
        "status": status,
        "comment": check.text("comment", data.comment, max_length=COMMENT_LENGTH),
        "evidence_link": _link(check, data.evidence_link),
    }
    parts = _parts(check, measure, data.disaggregations)
    written = len(format_disaggregations(parts))
    if written > DISAGGREGATIONS_LENGTH:
        text = translate(
            "Import",
            "take {length} characters written out; at most {limit} fit: group the categories",
        )
        check.add(
            "disaggregations",
            text.format(length=f"{written:,}", limit=f"{DISAGGREGATIONS_LENGTH:,}"),
        )
    return CleanMeasurement(values, parts)


def _check_no_overlap(
    session: Session, check: Checker, kpi_id: int, start: date, end: date, exclude_id: int | None
) -> None:
    """A KPI's periods never overlap: a day counted twice would be summed twice."""
    if end < start:
        return  # check_period has said so
    clash = (
        select(Measurement.period_start, Measurement.period_end)
        .where(
            Measurement.kpi_id == kpi_id,
            Measurement.period_start <= end,
            Measurement.period_end >= start,
        )
        .order_by(Measurement.period_start)
        .limit(1)
    )
    if exclude_id is not None:
        clash = clash.where(Measurement.id != exclude_id)
    found = session.execute(clash).first()
    if found is None:
        return
    label = period_label(start, end)
    if (found.period_start, found.period_end) == (start, end):
        check.add(
            "period_start",
            f"{label} already has a measurement of this KPI: edit that one instead",
        )
    else:
        check.add(
            "period_start",
            f"{label} overlaps the measurement of "
            f"{period_label(found.period_start, found.period_end)} of this KPI: "
            "periods of a KPI must not overlap",
        )


def _figures(
    check: Checker, measure: Measure, unit: str, data: MeasurementInput
) -> dict[str, Decimal | None]:
    """A value, or for a ratio KPI a numerator and a denominator, never both."""
    if measure is Measure.RATIO:
        if data.value is not None:
            check.add(
                "value",
                translate(
                    "Import", "must be empty for a ratio KPI: give the numerator and denominator"
                ),
            )
        numerator = quantity(check, "numerator", data.numerator, required=True)
        denominator = quantity(check, "denominator", data.denominator, required=True)
        if numerator is not None and numerator < _ZERO:
            check.add("numerator", translate("Import", "must not be negative"))
        if denominator is not None and denominator <= _ZERO:
            check.add("denominator", translate("Import", "must be more than 0"))
        elif (
            is_share(unit)
            and numerator is not None
            and denominator is not None
            and numerator > denominator
        ):
            check.add(
                "numerator",
                translate("Import", "must not exceed the denominator: a share cannot pass 100%"),
            )
        return {"value": None, "numerator": numerator, "denominator": denominator}
    for field in ("numerator", "denominator"):
        if getattr(data, field) is not None:
            check.add(
                field,
                translate(
                    "Import", "must be empty: only a ratio KPI has a numerator and denominator"
                ),
            )
    value = check_figure(
        check, "value", data.value, measure=measure, unit=unit, measured=True, required=True
    )
    return {"value": value, "numerator": None, "denominator": None}


def _link(check: Checker, link: str | None) -> str:
    cleaned = check.text("evidence_link", link, max_length=URL_LENGTH)
    problem = link_problem(cleaned) if cleaned else None
    if problem:
        check.add("evidence_link", problem)
    return cleaned


def link_problem(link: str) -> str | None:
    """Why `link` is neither a web address, a file:// link nor a file path, or None."""
    if any(ord(c) < 32 for c in link):
        return translate("Import", "must be on one line, without control characters")
    if _DRIVE.match(link) or link.startswith(("/", "\\", "./", "../", "~")):
        return None  # an absolute or relative path
    scheme = _SCHEME.match(link)
    if scheme:
        name = scheme.group(1).lower()
        if name not in _LINK_SCHEMES:
            text = translate(
                "Import", "{scheme}: links are not accepted; give an http(s) address or a file path"
            )
            return text.format(scheme=name)
        parts = urlsplit(link)
        if name != "file" and not parts.netloc:
            return translate(
                "Import", "must be a whole web address, such as https://example.org/report.pdf"
            )
        if name == "file" and not parts.path:
            return translate("Import", "must name a file, such as file:///C:/reports/2024.pdf")
        return None
    if "/" in link or "\\" in link or _FILE_NAME.search(link):
        return None  # a relative path or a file name
    return translate("Import", "must be a web address (https://...), a file:// link or a file path")


def _part_fields() -> dict[str, str]:
    """The names of a disaggregation's fields, as its problems say them."""
    return {
        "dimension": translate("Import", "dimension"),
        "category": translate("Import", "category"),
        "value": translate("Import", "value"),
    }


def _parts(
    check: Checker, measure: Measure, given: Sequence[DisaggregationInput]
) -> tuple[tuple[str, str, Decimal], ...]:
    field = "disaggregations"
    seen: set[tuple[str, str]] = set()
    spelled: dict[str, str] = {}  # a dimension by its casefold: as first written
    parts: list[tuple[str, str, Decimal]] = []
    words = _part_fields()
    for number, part in enumerate(given, start=1):
        sub = Checker()
        dimension = sub.text("dimension", part.dimension, max_length=SHORT_LENGTH, required=True)
        # "Sex" and "sex" are one dimension (its sum is checked as one): stored as one,
        # as first written; messages name a part as it was typed.
        stored = spelled.setdefault(dimension.casefold(), dimension)
        category = sub.text("category", part.category, max_length=SHORT_LENGTH, required=True)
        value = quantity(sub, "value", part.value, required=True)
        if value is not None and measure is not Measure.RATIO:
            wrong = measure_problem(measure, "", value, measured=True)
            if wrong:
                sub.add("value", wrong)
        name = (
            f"{dimension} / {category}"
            if dimension and category
            else translate("Import", "line {number}").format(number=number)
        )
        for found in sub.problems:
            text = translate("Import", "{part}: {field} {problem}")
            check.add(
                field,
                text.format(
                    part=name, field=words.get(found.field, found.field), problem=found.message
                ),
            )
        key = (dimension.casefold(), category.casefold())
        if dimension and category and key in seen:
            text = translate(
                "Import", "{part} is given twice; each category of a dimension comes once"
            )
            check.add(field, text.format(part=name))
        seen.add(key)
        if value is not None and not sub.problems:
            parts.append((stored, category, value))
    return tuple(parts)


def disaggregation_warnings(
    measure: Measure, total: Decimal | None, parts: Iterable[tuple[str, str, Decimal]]
) -> tuple[Problem, ...]:
    """Dimensions whose categories do not add up to the total (counts and amounts)."""
    if measure not in _ADDITIVE or total is None:
        return ()
    sums: dict[str, tuple[str, Decimal]] = {}
    for dimension, _category, value in parts:
        name, running = sums.get(dimension.casefold(), (dimension, _ZERO))
        sums[dimension.casefold()] = (name, running + value)
    text = translate(
        "Import", "the {dimension} categories add up to {sum}, not to the total {total}"
    )
    return tuple(
        Problem(
            "disaggregations",
            text.format(dimension=name, sum=audit.render(added), total=audit.render(total)),
        )
        for name, added in sums.values()
        if added != total
    )
