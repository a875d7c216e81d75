"""File > Connect to server… for `pilotage screenshots`: the dialog filled in as an analyst
of a team would, the password typed (shown as dots); nothing is connected to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.gui.dialogs.server_dialog import ServerDialog
from pilotage.gui.qt import QApplication, QWidget

Save = Callable[[QWidget, Path], Path]

SAMPLE_SERVER = ("db.example.org", 5432, "pilotage", "amina", "a-password")


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
        for _ in range(2):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        return save(dialog, path)
    finally:
        dialog.close()
        dialog.deleteLater()
