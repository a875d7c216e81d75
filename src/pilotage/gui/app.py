"""Starting the desktop application: QApplication, the database, the main window."""

from __future__ import annotations

import sys

from pilotage.domain.errors import PilotageError
from pilotage.gui.qt import QApplication, QMessageBox, translate

ORGANIZATION = "Pilotage"
APPLICATION = "Pilotage"


def application() -> QApplication:
    """The running QApplication, created with the names QSettings files itself under."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


def run_gui(db_target: str | None) -> int:
    """Open `db_target` (a file or URL; None: the default file, created if missing) in
    the main window and run until it closes. Returns the exit code."""
    app = application()
    # Imported after the QApplication exists: the database layer is the slow import.
    from pilotage.db.database import open_database
    from pilotage.gui.main_window import MainWindow

    try:
        db = open_database(db_target, create=db_target is None)
    except PilotageError as exc:
        QMessageBox.critical(
            None,
            translate("App", "Pilotage"),
            translate("App", "The database could not be opened:\n{error}").format(error=exc),
        )
        return 1
    try:
        window = MainWindow(db)
        window.show()
        return app.exec()
    finally:
        db.close()
