"""Starting the desktop application: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

from pilotage.domain.errors import PilotageError
from pilotage.gui.qt import QApplication, QMessageBox, QWidget, translate
from pilotage.gui.settings import APPLICATION, ORGANIZATION, Settings

if TYPE_CHECKING:
    from pilotage.db.database import Database
    from pilotage.gui.main_window import MainWindow
    from pilotage.gui.qt import QTranslator
    from pilotage.gui.startup import StartupShell


def application() -> QApplication:
    """The running QApplication, created with the names QSettings files itself under."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


def install_language(settings: Settings, app: QApplication | None = None) -> list[QTranslator]:
    """Install the translators for the language in the settings (before any window is
    built); returns them. A missing or broken translation file leaves English."""
    from pilotage.gui.i18n import apply_locale, install_translators, resolve_language

    apply_locale(settings.language())  # numbers and dates speak the language chosen too
    return install_translators(resolve_language(settings.language()), app)


def offer_demo(db: Database, parent: QWidget | None = None) -> bool:
    """Ask whether to load the demo contract-program into the empty `db` or start blank.

    Returns True when the demo was loaded.
    """
    from pilotage.services.demo import load_demo

    box = QMessageBox(parent)
    box.setObjectName("firstRunOffer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("App", "Welcome to Pilotage"))
    box.setText(translate("App", "This database holds no contract-program yet."))
    box.setInformativeText(
        translate(
            "App",
            "Load the demo contract-program to look around, or start with a blank database.",
        )
    )
    demo = box.addButton(translate("App", "Load the demo"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Start blank"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    if box.clickedButton() is not demo:
        return False
    load_demo(db)
    return True


def start_window(
    db_target: str | None, settings: Settings | None = None, shell: StartupShell | None = None
) -> tuple[MainWindow, Database] | None:
    """Open the database and build the main window (shown); None if it could not be opened.

    `db_target` None: the last database used, else the default file (created if
    missing); the first time on an empty default file, the demo is offered.
    The caller closes the returned database after the window. `shell`: the window
    shown meanwhile (see startup.py), closed once the main window shows.
    """
    settings = settings or Settings()
    target = db_target
    if target is None:
        last = settings.last_database()
        if last is not None and ("://" in last or _is_file(last)):
            target = last
    on_default = target is None
    try:
        try:
            # The slow part (importing the database layer, a schema upgrade, the first
            # query) runs off the GUI thread: the shell keeps painting.
            db, empty, unsafe = _open_asking_password(target, on_default, shell)
        except PilotageError as exc:
            instead = _read_only_instead(exc, shell)  # raises again what is not a held file
            if instead is None:
                return None  # the analyst would not open it read only
            db, empty, unsafe = instead
    except PilotageError as exc:
        QMessageBox.critical(
            shell,
            translate("App", "Pilotage"),
            translate("App", "The database could not be opened:\n{error}").format(error=_told(exc)),
        )
        return None
    from pilotage.gui.main_window import MainWindow

    try:
        if on_default and not settings.demo_offered() and empty:
            settings.set_demo_offered()
            offer_demo(db)
        recent = db.recent_target  # a server's URL without the password
        if recent is not None:
            settings.add_recent_database(recent)
        window = MainWindow(db, settings=settings)
    except BaseException:
        db.close()
        raise
    window.show()
    if shell is not None:
        shell.close()
    if unsafe is not None:  # said at start-up, before a partner's file arrives
        warning = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("App", "Pilotage"),
            translate("App", "Workbooks from partners cannot be imported: {problem}.").format(
                problem=unsafe.rstrip(".")
            ),
            QMessageBox.StandardButton.Ok,
            window,
        )
        warning.setObjectName("xmlProtectionWarning")
        warning.open()
    return window, db


def _told(exc: PilotageError) -> str:
    """What went wrong, as the analyst reads it: a server's problem in one sentence of
    the window's language, anything else as the error says it."""
    from pilotage.db.server import ServerError

    if isinstance(exc, ServerError):
        from pilotage.gui.dialogs.server_dialog import problem_sentence

        return problem_sentence(exc)
    return str(exc)


def _open_asking_password(
    target: str | None, create: bool, shell: QWidget | None
) -> tuple[Database, bool, str | None]:
    """`_open` off the GUI thread; a server that asks for a password (none given, or
    refused) gets it from a small prompt, until it is right or the prompt cancelled."""
    from pilotage.gui.startup import run_off_thread

    attempt: str | None = target
    while True:
        try:
            return run_off_thread(partial(_open, attempt, create))
        except PilotageError as exc:
            from pilotage.db.server import PASSWORD_PROBLEMS, ServerError

            if not isinstance(exc, ServerError) or exc.problem not in PASSWORD_PROBLEMS:
                raise
            from pilotage.gui.dialogs.server_dialog import PasswordPrompt, password_prompt

            prompt = password_prompt(exc, shell)
            try:
                if prompt.exec() != PasswordPrompt.DialogCode.Accepted:
                    raise
                attempt = prompt.url().render_as_string(hide_password=False)
            finally:
                prompt.deleteLater()


def _read_only_instead(
    exc: PilotageError, shell: QWidget | None
) -> tuple[Database, bool, str | None] | None:
    """A file another instance holds: opened read only if the analyst says so (None: not)."""
    from pilotage.db.file_lock import FileLockHeldError
    from pilotage.gui.read_only import ask_read_only
    from pilotage.gui.startup import run_off_thread

    if not isinstance(exc, FileLockHeldError):
        raise exc
    if not ask_read_only(exc, shell):
        return None
    return run_off_thread(partial(_open, str(exc.path), False, read_only=True))


def _open(
    target: str | None, create: bool, *, read_only: bool = False
) -> tuple[Database, bool, str | None]:
    """The database, whether it holds no program yet, and why workbooks from outside
    could not be read safely here (None: they can). Worker thread: no Qt here."""
    from pilotage.db.database import open_database
    from pilotage.db.server import (
        connect_server,
        parse_server_target,
        remember_password,
        with_known_password,
    )
    from pilotage.services.programs import list_programs
    from pilotage.services.workbook_files import xml_protection_problem

    server = parse_server_target(target) if target is not None else None
    if server is not None:
        # A server is prepared by `pilotage db upgrade`, never migrated from a desk.
        db = connect_server(with_known_password(server))
        remember_password(db.url)
    else:
        db = open_database(target, create=create, read_only=read_only)
    try:
        return db, not list_programs(db), xml_protection_problem()
    except BaseException:
        db.close()
        raise


def _is_file(text: str) -> bool:
    from pathlib import Path

    return Path(text).is_file()


def run_gui(db_target: str | None) -> int:
    """Open `db_target` (a file or URL; None: the last database used, else the default
    file) in the main window and run until it closes. Returns the exit code."""
    app = application()
    from pilotage.gui.error_dialog import install_excepthook
    from pilotage.gui.garbage import GarbageCollector

    GarbageCollector(app).start()  # cycles freed on this thread, never a worker's
    from pilotage.gui.startup import show_shell

    settings = Settings()
    install_language(settings, app)
    # A window on screen before the slow imports and the database (see startup.py).
    shell = show_shell(settings)
    try:
        started = start_window(db_target, settings, shell)
    finally:
        shell.close()
        shell.deleteLater()
    if started is None:
        return 1
    window, db = started
    previous = sys.excepthook
    install_excepthook(lambda: window)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous
        db.close()
