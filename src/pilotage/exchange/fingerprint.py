"""A hash of a report's figures: the same data as of the same date, the same fingerprint.

It covers every figure and text of the data the report shows, but not the
generation time, the application version, the database's name, the language
of the labels or the engine's sentences (which only say the figures in words):
a French and an English report of the same data carry the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum

from pilotage.exchange.report_model import ProgramReportData

# Per dataclass, the fields that count (a report has tens of thousands of rows).
_FIELDS: dict[type, tuple[str, ...]] = {}


def _canonical(value: object) -> object:
    """Plain, ordered values whose repr does not depend on the run."""
    names = _FIELDS.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(
            f.name for f in dataclasses.fields(value) if f.name != "trace"
        )
    if names is not None:
        return tuple((name, _canonical(getattr(value, name))) for name in names)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        # 734 and 734.0000 are the same figure
        return "nan" if not value.is_finite() else format(value.normalize(), "f")
    if isinstance(value, Mapping):
        return tuple(sorted((str(_canonical(k)), _canonical(v)) for k, v in value.items()))
    if isinstance(value, frozenset | set):
        return tuple(sorted(str(_canonical(v)) for v in value))
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def fingerprint_of(parts: Iterable[object]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(_canonical(part)).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def program_fingerprint(data: ProgramReportData) -> str:
    """sha256 of the program report's figures, hexadecimal."""
    return fingerprint_of([data])
