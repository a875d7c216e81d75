"""A team's screens for `pilotage screenshots`: File > Connect to server… filled in as an
analyst would (nothing is connected to), and a form whose save another analyst's change
refused (nothing is written: the refusal is shown on the database as it is)."""

from __future__ import annotations

from pathlib import Path

from pilotage.domain.errors import ConflictError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.dialogs.server_dialog import ServerDialog
from pilotage.gui.qt import QLineEdit, QWidget
from pilotage.gui.shot_support import Save, settle

SAMPLE_SERVER = ("db.example.org", 5432, "pilotage", "amina", "a-password")
# Who the picture says changed the record, and when: an illustration, the same on every
# machine (a time without zone is shown as it is), nothing read from the audit log.
OTHER_ANALYST, CHANGED_AT = "Sara", "2025-01-06T10:42:00"


def save_server_dialog(parent: QWidget, path: Path, save: Save) -> Path:
    dialog = ServerDialog(parent)
    try:
        host, port, database, user, password = SAMPLE_SERVER
        dialog.host.setText(host)
        dialog.port.setValue(port)
        dialog.database_name.setText(database)
        dialog.user.setText(user)
        dialog.password.setText(password)
        dialog.connect_button.setFocus()  # as after typing the password and pressing Tab
        dialog.resize(460, dialog.sizeHint().height())
        dialog.show()
        settle()
        return save(dialog, path)
    finally:
        dialog.close()
        dialog.deleteLater()


def save_conflict_form(form: FormDialog[object], path: Path, save: Save) -> Path:
    """`form` (a record's Edit… form, just opened) with its name retyped, as it looks once
    its save was refused because another analyst changed the record:
    the current values, what was typed under the name, and the way back."""
    try:
        name = form.editors.get("name")
        if isinstance(name, QLineEdit):
            name.setText(f"{name.text()} (2025)")
        form.show()
        settle()
        form.changed_meanwhile(ConflictError("record", 0, OTHER_ANALYST, CHANGED_AT))
        settle()
        return save(form, path)
    finally:
        form.reject()
