"""Checking the types of what a form or a caller hands the services.

An input of the wrong type (the text "2024-01-01" where a date is due, None for
the partners, a list where a number is) must come back as a problem on its
field, like any other mistake, never as a TypeError from deep inside. The
dataclass annotations say what each field takes; `check_types` reads them.

Enumerations are left to `enum_value`, which also accepts their plain text and
words its problem for the field ("is not a measurement status").
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, TypeVar

from pilotage.domain.errors import Problem, ValidationError
from pilotage.services.validation import Checker

E = TypeVar("E", bound=StrEnum)

_COLLECTIONS = (tuple, list, set, frozenset)


def enum_value(check: Checker, field: str, value: object, enum: type[E], what: str) -> E | None:
    """`value` as a member of `enum` (a form may send its plain text), or a problem."""
    try:
        return enum(str(value))
    except ValueError:
        check.add(field, f"{value!r} is not {what}")
        return None


def check_types(data: object) -> None:
    """Raise a ValidationError naming every field of the dataclass `data` whose value
    has the wrong type, before the field's own rules read it."""
    problems = type_problems(data)
    if problems:
        raise ValidationError(problems)


def type_problems(data: object) -> list[Problem]:
    hints = _hints(type(data))
    found: list[Problem] = []
    for field in dataclasses.fields(data):  # type: ignore[arg-type]
        problem = wrong_type(getattr(data, field.name), hints[field.name])
        if problem:
            found.append(Problem(field.name, problem))
    return found


def check_value(check: Checker, field: str, value: object, expected: Any) -> bool:
    """Whether `value` is of the `expected` type (an annotation: date, Decimal | None...);
    if not, the problem goes to `check`."""
    problem = wrong_type(value, expected)
    if problem:
        check.add(field, problem)
    return problem is None


def wrong_type(value: object, expected: Any) -> str | None:
    """What is wrong with the type of `value` for the annotation `expected`, or None."""
    origin = typing.get_origin(expected)
    if origin is typing.Union or origin is types.UnionType:
        options = [o for o in typing.get_args(expected) if o is not type(None)]
        if value is None and len(options) < len(typing.get_args(expected)):
            return None
        problems = [wrong_type(value, option) for option in options]
        return None if None in problems else problems[0]
    if origin is tuple:
        return _wrong_collection(value, typing.get_args(expected)[0])
    if not isinstance(expected, type) or issubclass(expected, Enum):
        return None
    if value is None:
        # Texts are stripped with `or ""`: an absent text is an empty one.
        return None if expected is str else "is required"
    if expected is str:
        return None if isinstance(value, str) else f"must be text, not {_shown(value)}"
    if expected is date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return None
        return f"must be a date, not {_shown(value)}"
    if expected is Decimal:
        if isinstance(value, float):
            return f"must be a Decimal or its text ('{value}'), not a float: floats are inexact"
        if isinstance(value, Decimal | int | str) and not isinstance(value, bool):
            return None  # the text of a number is read by Checker.decimal
        return f"must be a number, not {_shown(value)}"
    if expected is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        return f"must be a whole number, not {_shown(value)}"
    if not isinstance(value, expected):
        return f"must be a {expected.__name__}, not {_shown(value)}"
    if dataclasses.is_dataclass(value):
        inner = type_problems(value)
        if inner:
            return "; ".join(f"{p.field} {p.message}" for p in inner)
    return None


def is_date(value: object) -> bool:
    """A calendar day: a date but not a datetime."""
    return wrong_type(value, date) is None


def _wrong_collection(value: object, item: Any) -> str | None:
    if not isinstance(value, _COLLECTIONS):
        return f"must be a list, not {_shown(value)}"
    for number, element in enumerate(value, start=1):
        problem = wrong_type(element, item)
        if problem:
            return f"line {number}: {problem}"
    return None


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a dataclass (its module uses postponed annotations),
    read once per class."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints
