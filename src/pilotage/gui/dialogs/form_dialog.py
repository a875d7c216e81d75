"""The frame of every record form: labelled fields, each with its error line, and OK/Cancel.

A form calls no service. Subclasses build their fields with the `add_*` helpers
and turn them into a service input in `collect()`; on OK the input goes to
`submit`, which saves it (usually by executing an undo command) or raises a
ValidationError. The problems are then shown next to their fields, the dialog
stays open and nothing is saved.

A save refused because someone else changed the record meanwhile (ConflictError)
says who and when; a form given `set_reload` then shows the record's current
values, and under each field whose typed value differs, "You typed: …" with a
button that puts it back ("Apply my values again" puts them all back). OK then
saves over the version just read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from pilotage.domain.enums import KpiStatus
from pilotage.domain.errors import (
    ConflictError,
    DeletedError,
    PilotageError,
    Problem,
    ValidationError,
)
from pilotage.gui import formats
from pilotage.gui.conflicts import (
    conflict_sentence,
    field_state,
    refusal,
    set_field_state,
    shown_state,
)
from pilotage.gui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QPlainTextEdit,
    QPushButton,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from pilotage.gui.status import STATUS_COLORS
from pilotage.gui.text import sentence

T = TypeVar("T")  # what the form hands to `submit`

_FIRST_DAY, _LAST_DAY = date(1900, 1, 1), date(2200, 12, 31)
_GROUPED_BY_COMMAS = re.compile(r"[-+]?\d{1,3}(,\d{3})+")


def error_label() -> QLabel:
    """A red line under a field, hidden while there is nothing to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {STATUS_COLORS[KpiStatus.OFF_TRACK]};")
    label.hide()
    return label


def parse_number(text: str) -> Decimal | None:
    """A number as an analyst types it or as the window shows it: "1 000", "1,000.5",
    "72,5", "30 000 000,00", "" (None).

    Raises ValueError when the text is not a number. Spaces group thousands. With
    both "," and ".", the last one is the decimal mark. A comma alone is a decimal
    comma, unless the locale's decimal mark is "." and the commas group digits by
    three: "1,000" is a thousand in English (what `formats.number` shows there),
    one in French.
    """
    cleaned = text.strip()
    for space in ("\u202f", "\xa0", " "):
        cleaned = cleaned.replace(space, "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):  # "1.000,5"
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:  # "1,000.5"
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        grouped = QLocale().decimalPoint() != "," and _GROUPED_BY_COMMAS.fullmatch(cleaned)
        cleaned = cleaned.replace(",", "" if grouped else ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a check box turns the date edit on and off."""

    def __init__(self, day: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.edit = QDateEdit(formats.to_qdate(day or date.today()))  # noqa: DTZ011 - a default shown
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(formats.date_format())
        self.edit.setDateRange(formats.to_qdate(_FIRST_DAY), formats.to_qdate(_LAST_DAY))
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        return formats.from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(formats.to_qdate(day))


class FormDialog(QDialog, Generic[T]):
    """Subclasses: build fields in their constructor, then implement `collect`."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[T], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        # How to build this form afresh on the record as stored now (see set_reload).
        self._reload: Callable[[], FormDialog[T] | None] | None = None
        self._boxes: dict[str, QVBoxLayout] = {}  # each field's editor and lines under it
        self.typed: dict[str, tuple[QWidget, object]] = {}  # field -> its line, what was typed
        # What the fields held when the form was first shown: what the analyst changed differs.
        self._opened: dict[str, object] | None = None
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)  # a form may ask for more (long labels, long names)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setVisible(bool(heading))
        self.general_error = error_label()  # problems of no field shown here
        self.general_error.setObjectName("error_general")
        self.reapply_button = QPushButton(self.tr("Apply my values again"))
        self.reapply_button.setObjectName("reapply_all")
        self.reapply_button.clicked.connect(self.reapply_all)
        self.reapply_button.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)  # as the preferences and the pages
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.reapply_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    # --- building -------------------------------------------------------------

    def add_row(self, field: str, text: str, editor: QWidget) -> QWidget:
        """A labelled editor with its error line; `field` is the service's field name."""
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        self.errors[field] = error = error_label()
        error.setObjectName(f"error_{field}")
        box.addWidget(error)
        self._boxes[field] = box
        self.form.addRow(text, box)
        self.editors[field] = editor
        editor.setObjectName(f"edit_{field}")
        return editor

    def add_text(self, field: str, text: str, value: str = "", *, max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(value)
        if max_length:
            edit.setMaxLength(max_length)
        self.add_row(field, text, edit)
        return edit

    def add_long_text(self, field: str, text: str, value: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(field, text, edit)
        return edit

    def add_number(self, field: str, text: str, value: Decimal | int | None = None) -> QLineEdit:
        edit = QLineEdit("" if value is None else formats.plain_number(Decimal(value)))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_row(field, text, edit)
        return edit

    def add_date(self, field: str, text: str, value: date) -> QDateEdit:
        edit = QDateEdit(formats.to_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formats.date_format())
        edit.setDateRange(formats.to_qdate(_FIRST_DAY), formats.to_qdate(_LAST_DAY))
        self.add_row(field, text, edit)
        return edit

    def add_optional_date(self, field: str, text: str, value: date | None) -> OptionalDateEdit:
        edit = OptionalDateEdit(value)
        self.add_row(field, text, edit)
        return edit

    def add_choice(
        self,
        field: str,
        text: str,
        choices: Iterable[tuple[str, Any]],
        current: Any = None,
    ) -> QComboBox:
        """A drop-down of (label, value) pairs; `current` is selected if present."""
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(label, value)
            if value == current:
                combo.setCurrentIndex(combo.count() - 1)
        self.add_row(field, text, combo)
        return combo

    # --- reading --------------------------------------------------------------

    def read_number(self, field: str, edit: QLineEdit, problems: list[Problem]) -> Decimal | None:
        """The field's number (None when empty); an unreadable one adds a problem."""
        try:
            return parse_number(edit.text())
        except ValueError:
            problems.append(Problem(field, self.tr("is not a number")))
            return None

    def read_int(self, field: str, edit: QLineEdit, problems: list[Problem]) -> int | None:
        number = self.read_number(field, edit, problems)
        if number is None:
            return None
        if number != number.to_integral_value():
            problems.append(Problem(field, self.tr("must be a whole number")))
            return None
        return int(number)

    @staticmethod
    def choice(combo: QComboBox) -> Any:
        return combo.currentData()

    def collect(self) -> T:
        """The service input the fields say; a ValidationError for what cannot be read."""
        raise NotImplementedError

    # --- submitting -----------------------------------------------------------

    def accept(self) -> None:
        self.show_problems(())
        try:
            self._submit(self.collect())
        except ConflictError as exc:  # someone else saved the record meanwhile
            self.changed_meanwhile(exc)
            return
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except DeletedError as exc:  # nothing left to save over
            self.show_problems([Problem("", refusal(exc))])
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        except PilotageError as exc:  # gone, a duplicate…
            self.show_problems([Problem("", refusal(exc))])
            return
        super().accept()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem next to its field (those of no field below the form); the
        first field in error gets the focus."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            field = problem.field if problem.field in self.errors else ""
            text = problem.message if field else sentence(str(problem))
            by_field.setdefault(field, []).append(text)
        for field, label in [*self.errors.items(), ("", self.general_error)]:
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        first = next((f for f in self.errors if f in by_field), None)
        if first is not None:
            self.editors[first].setFocus()

    # --- a record changed meanwhile ------------------------------------------------

    def set_reload(self, reload: Callable[[], FormDialog[T] | None]) -> None:
        """`reload` builds this form afresh on the record as stored now (None: it cannot),
        its submit saving over the version it read; it is never shown. When a save is
        refused as a conflict, its values and submit are taken over (see module doc)."""
        self._reload = reload

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._opened is None:  # filled by now: subclasses fill after FormDialog.__init__
            self._opened = self._states()
        super().showEvent(event)

    def _states(self) -> dict[str, object]:
        return {field: field_state(editor) for field, editor in self.editors.items()}

    def changed_meanwhile(self, exc: ConflictError) -> None:
        """Say `exc` (a save refused: someone changed the record), refill the fields from
        the record as stored now and offer back what differs from what was typed."""
        message = conflict_sentence(exc)
        fresh: FormDialog[T] | None = None
        if self._reload is not None:
            try:
                fresh = self._reload()
            except PilotageError as gone:  # deleted meanwhile, or nothing left to do
                message = f"{sentence(message)} {sentence(refusal(gone))}"
                # OK would be refused again, whatever is typed: Cancel is the way out.
                self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        if fresh is None:
            self.show_problems([Problem("", message)])
            return
        typed, opened = self._states(), self._opened or {}
        for field, editor in self.editors.items():
            current = fresh.editors.get(field)
            if current is not None:
                set_field_state(editor, field_state(current))
        self._submit, self._reload = fresh._submit, fresh._reload
        fresh.deleteLater()
        now = self._states()
        # What the analyst changed (not what the other analyst changed under an untouched
        # field), unless the record holds it already.
        differing = {
            field: state
            for field, state in typed.items()
            if state is not None and state != now[field] and state != opened.get(field, now[field])
        }
        self._opened = now
        self._offer_typed(differing)
        if differing:
            explain = self.tr(
                "The form now shows the current values; what you typed is shown under each "
                "field that differs."
            )
        else:
            explain = self.tr("The form now shows the current values, the same as you typed.")
        # A refusal worded as a clause (a revision made meanwhile) ends before the next one.
        self.show_problems([Problem("", f"{sentence(message)} {explain}")])

    def _offer_typed(self, typed: dict[str, object]) -> None:
        """Under each field of `typed`: what the analyst typed, and a button to put it back."""
        for field in list(self.typed):
            self._drop_typed(field)
        for field, state in typed.items():
            line = QWidget()
            line.setObjectName(f"typed_{field}")
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            text = QLabel(
                self.tr("You typed: {value}").format(value=shown_state(self.editors[field], state))
            )
            text.setWordWrap(True)
            text.setObjectName(f"typed_text_{field}")
            button = QPushButton(self.tr("Put it back"))
            button.setObjectName(f"put_back_{field}")
            button.clicked.connect(lambda _checked=False, name=field: self.put_back(name))
            row.addWidget(text, 1)
            row.addWidget(button)
            self._boxes[field].addWidget(line)
            line.show()  # a widget added to a form on screen waits for the event loop
            self.typed[field] = (line, state)
        self.reapply_button.setVisible(bool(self.typed))

    def put_back(self, field: str) -> None:
        """Put what the analyst had typed back into `field`."""
        if field in self.typed:
            set_field_state(self.editors[field], self.typed[field][1])
            self._drop_typed(field)
        self.reapply_button.setVisible(bool(self.typed))

    def reapply_all(self) -> None:
        """Put back everything the analyst had typed."""
        for field in list(self.typed):
            self.put_back(field)

    def _drop_typed(self, field: str) -> None:
        line, _state = self.typed.pop(field)
        line.hide()
        line.deleteLater()
