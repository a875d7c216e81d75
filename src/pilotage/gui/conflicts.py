"""A save refused because someone else changed the record: the sentence that says who and
when, and what a form's fields hold, to carry an analyst's typing across a reload.

A form whose save is refused reloads the record's current values into its fields and
shows, under each field whose typed value differs, what the analyst had typed (see
FormDialog). The fields' contents are read and written here by the kind of editor, not
by the record's fields, so that every form gets this without code of its own: a form
that converts values (a percentage typed for a stored fraction) is refilled by the same
code that filled it first (its caller builds a fresh form on the current values).
"""

from __future__ import annotations

from datetime import date

from pilotage.domain.errors import ConflictError, DeletedError, PilotageError
from pilotage.gui import formats
from pilotage.gui.qt import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    Qt,
    QWidget,
    translate,
)
from pilotage.services.conflicts import moment

_SHOWN_CHARACTERS = 80  # a long text typed is shown cut to this many characters


def conflict_sentence(exc: ConflictError) -> str:
    """Who changed the record and when, and that nothing was saved (one sentence).

    A refusal that words itself (a period recorded meanwhile, an import) keeps its own.
    """
    if type(exc) is not ConflictError:
        return str(exc)
    when = moment(exc.changed_at)
    if exc.changed_by and when:
        text = translate(
            "Conflicts",
            "{by} changed this record at {at}, after you had opened it: your change was not saved.",
        )
    elif exc.changed_by:
        text = translate(
            "Conflicts",
            "{by} changed this record after you had opened it: your change was not saved.",
        )
    else:
        text = translate(
            "Conflicts",
            "Someone else changed this record after you had opened it: your change was not saved.",
        )
    return text.format(by=exc.changed_by, at=when)


def deleted_sentence(exc: DeletedError) -> str:
    """Who deleted the record and when (one sentence), in the window's language."""
    when = moment(exc.deleted_at)
    if exc.deleted_by and when:
        text = translate("Conflicts", "{by} deleted this record at {at}.")
    elif exc.deleted_by:
        text = translate("Conflicts", "{by} deleted this record.")
    else:
        text = translate("Conflicts", "This record was deleted.")
    return text.format(by=exc.deleted_by, at=when)


def refusal(exc: PilotageError) -> str:
    """A service's refusal as the window says it: a record changed or deleted by someone
    else in the analyst's language, with who and when; anything else as worded."""
    if isinstance(exc, ConflictError):
        return conflict_sentence(exc)
    if isinstance(exc, DeletedError):
        return deleted_sentence(exc)
    return str(exc)


# --- what a field holds ---------------------------------------------------------------


def field_state(editor: QWidget) -> object:
    """What `editor` holds, comparable with ==; None for an editor of a kind not known.

    An editor of its own (a grid) says it with conflict_state / set_conflict_state /
    shown_conflict_state."""
    if hasattr(editor, "conflict_state"):
        return ("own", editor.conflict_state())
    # OptionalDateEdit, without importing the forms: it answers value() and set_value().
    if hasattr(editor, "set_value") and hasattr(editor, "value"):
        return ("optional", editor.value())
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return ("choice", editor.currentData(), editor.currentText())
    if isinstance(editor, QDateEdit):
        return formats.from_qdate(editor.date())
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QListWidget):
        return ("ticked", _ticked(editor))
    return None


def set_field_state(editor: QWidget, state: object) -> None:
    """Put back what `field_state` read (a choice no longer offered is left as it is)."""
    if isinstance(state, tuple) and state and state[0] == "own":
        editor.set_conflict_state(state[1])  # type: ignore[attr-defined]
    elif isinstance(state, tuple) and state and state[0] == "optional":
        editor.set_value(state[1])  # type: ignore[attr-defined]
    elif isinstance(editor, QLineEdit) and isinstance(state, str):
        editor.setText(state)
    elif isinstance(editor, QPlainTextEdit) and isinstance(state, str):
        editor.setPlainText(state)
    elif isinstance(editor, QComboBox) and isinstance(state, tuple):
        for index in range(editor.count()):
            if editor.itemData(index) == state[1]:
                editor.setCurrentIndex(index)
                break
    elif isinstance(editor, QDateEdit) and isinstance(state, date):
        editor.setDate(formats.to_qdate(state))
    elif isinstance(editor, QCheckBox) and isinstance(state, bool):
        editor.setChecked(state)
    elif isinstance(editor, QListWidget) and isinstance(state, tuple):
        ticked = state[1]
        for row in range(editor.count()):
            item = editor.item(row)
            on = _key(item.data(Qt.ItemDataRole.UserRole), item.text()) in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def shown_state(editor: QWidget, state: object) -> str:
    """What the analyst typed or chose, as a short text to read under the field."""
    empty = translate("Conflicts", "(empty)")
    if isinstance(state, tuple) and state:
        kind = state[0]
        if kind == "own":
            return str(editor.shown_conflict_state(state[1])) or empty  # type: ignore[attr-defined]
        if kind == "optional":
            return formats.date_text(state[1]) if state[1] is not None else empty
        if kind == "choice":
            return str(state[2]) or empty
        if kind == "ticked" and isinstance(editor, QListWidget):
            names = [
                editor.item(row).text()
                for row in range(editor.count())
                if _key(editor.item(row).data(Qt.ItemDataRole.UserRole), editor.item(row).text())
                in state[1]
            ]
            return ", ".join(names) or empty
    if isinstance(state, bool):
        return translate("Conflicts", "ticked") if state else translate("Conflicts", "not ticked")
    if isinstance(state, date):
        return formats.date_text(state)
    text = " ".join(str(state).split())
    if len(text) > _SHOWN_CHARACTERS:
        text = text[: _SHOWN_CHARACTERS - 1] + "…"
    return text or empty


def _key(data: object, text: str) -> object:
    """An item of a list told by its data (an id), or by its text when it has none."""
    return data if data is not None else text


def _ticked(editor: QListWidget) -> frozenset[object]:
    return frozenset(
        _key(item.data(Qt.ItemDataRole.UserRole), item.text())
        for item in (editor.item(row) for row in range(editor.count()))
        if item.checkState() == Qt.CheckState.Checked
    )
