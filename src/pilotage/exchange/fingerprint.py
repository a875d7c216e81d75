"""A hash of a report's figures: the same data as of the same date, the same fingerprint.

It covers every figure and text of the data the report shows, but not the
generation time, the application version, the database's name, the language
of the labels or the engine's sentences (which only say the figures in words):
a French and an English report of the same data carry the same fingerprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from operator import attrgetter
from typing import Any

from pilotage.exchange.report_model import ProgramReportData

# Values that are their own canonical form: most fields of most rows, skipped without a call.
_AS_IS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
# Per type, the function giving its canonical form (a report has tens of thousands of rows,
# so each row type is looked at once, not each row).
_CONVERTERS: dict[type, Callable[[Any], object]] = {}
# Decimal -> its canonical text: a report repeats the same figures (targets, 0, 100).
# 734 and 734.0000 are equal and hash alike, so they share one entry, as they must.
_DECIMALS: dict[Decimal, str] = {}


def _decimal(value: Decimal) -> str:
    """734 and 734.0000 are the same figure."""
    if not value.is_finite():
        return "nan"
    text = _DECIMALS.get(value)
    if text is None:
        if len(_DECIMALS) > 100_000:  # bounded: memory stays flat whatever the data
            _DECIMALS.clear()
        text = _DECIMALS[value] = format(value.normalize(), "f")
    return text


def _record(names: tuple[str, ...]) -> Callable[[Any], object]:
    """The canonical form of a dataclass: its fields' canonical values, in order (a
    report has tens of thousands of records of a few types: no names repeated)."""
    get = attrgetter(*names) if len(names) > 1 else (lambda v: (getattr(v, names[0]),))
    as_is = _AS_IS
    converters = _CONVERTERS

    def convert(value: Any) -> object:
        if not names:
            return ()
        out = []
        for v in get(value):
            kind = type(v)
            if kind in as_is:
                out.append(v)
            else:
                known = converters.get(kind)
                out.append(known(v) if known is not None else _canonical(v))
        return tuple(out)

    return convert


def _converter(kind: type, value: object) -> Callable[[Any], object] | None:
    """The function for values of type `kind`, or None for those compared by isinstance."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(f.name for f in dataclasses.fields(value) if f.name != "trace")
        return _record(names)
    if issubclass(kind, Enum):
        return lambda v: v.value
    if issubclass(kind, Decimal):
        return _decimal
    if issubclass(kind, date):
        return lambda v: v.isoformat()
    return None


def _canonical(value: object) -> object:
    """Plain, ordered values whose repr does not depend on the run."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    convert = _CONVERTERS.get(kind)
    if convert is None:
        convert = _converter(kind, value)
        if convert is not None:
            _CONVERTERS[kind] = convert
    if convert is not None:
        return convert(value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(_canonical(k)), _canonical(v)) for k, v in value.items()))
    if isinstance(value, frozenset | set):
        return tuple(sorted(str(_canonical(v)) for v in value))
    if isinstance(value, list | tuple):
        return tuple([_canonical(v) for v in value])
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
