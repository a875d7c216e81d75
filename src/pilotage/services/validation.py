"""Collecting every problem with an input before anything is written."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NoReturn

from pilotage.domain.errors import Problem, ValidationError
from pilotage.domain.messages import translate

_CODE_PATTERN = re.compile(r"^[\w.\-/]+$", re.UNICODE)


class Checker:
    """Gathers problems field by field, then raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def text(
        self, field: str, value: str | None, *, max_length: int | None, required: bool = False
    ) -> str:
        """The value with surrounding blanks removed; empty when absent."""
        cleaned = (value or "").strip()
        if required and not cleaned:
            self.add(field, translate("Import", "is required"))
        if max_length is not None and len(cleaned) > max_length:
            text = translate("Import", "is {length} characters long; at most {limit} fit")
            self.add(field, text.format(length=len(cleaned), limit=max_length))
        return cleaned

    def code(self, field: str, value: str | None, *, max_length: int) -> str:
        cleaned = self.text(field, value, max_length=max_length, required=True)
        if cleaned and not _CODE_PATTERN.match(cleaned):
            self.add(
                field,
                translate("Import", "may hold letters, digits and . - _ / only, without spaces"),
            )
        return cleaned

    def decimal(
        self,
        field: str,
        value: Decimal | int | str | None,
        *,
        places: int,
        required: bool = False,
        minimum: Decimal | None = None,
        maximum_digits: int | None = None,
    ) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, translate("Import", "is required"))
            return None
        try:
            number = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation:
            self.add(
                field, translate("Import", "{value} is not a number").format(value=repr(value))
            )
            return None
        if not number.is_finite():
            self.add(field, translate("Import", "must be a finite number"))
            return None
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -places:
            text = translate("Import", "has more than {places} decimal places")
            self.add(field, text.format(places=places))
        if minimum is not None and number < minimum:
            self.add(
                field, translate("Import", "must be at least {minimum}").format(minimum=minimum)
            )
        if maximum_digits is not None and abs(number) >= Decimal(10) ** (maximum_digits - places):
            self.add(field, translate("Import", "is too large"))
        return number

    def date_order(self, field: str, start: date | None, end: date | None, message: str) -> None:
        if start is not None and end is not None and end < start:
            self.add(field, message)

    def require(self, field: str, value: object) -> None:
        if value is None:
            self.add(field, translate("Import", "is required"))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def refuse(field: str, message: str) -> NoReturn:
    raise ValidationError([Problem(field, message)])
