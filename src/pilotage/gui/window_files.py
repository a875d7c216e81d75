"""The File menu's work for the main window: new, open, recent, backup copy.

A mixin of `MainWindow` (it uses the window's database, settings, runners and
pages) kept apart so that each file does one thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pilotage.db.database import Database, open_database
from pilotage.db.file_lock import FileLockHeldError
from pilotage.db.server import (
    PASSWORD_PROBLEMS,
    ServerError,
    connect_server,
    parse_server_target,
    remember_password,
    short_name,
    with_known_password,
)
from pilotage.domain.errors import PilotageError
from pilotage.gui.dialogs.opening import open_dialog
from pilotage.gui.dialogs.server_dialog import ServerDialog, password_prompt, problem_sentence
from pilotage.gui.qt import QFileDialog, QMessageBox
from pilotage.gui.read_only import offer_read_only
from pilotage.gui.text import sentence
from pilotage.services.backup import backup_copy

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from pilotage.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class FileMenuMixin(_Base):
    def database(self) -> Database:
        return self._db

    def _start_dir(self) -> str:
        path = self._db.path
        return str(path.parent) if path is not None else str(Path.home())

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path(self._start_dir()) / "pilotage.sqlite"),
            self.tr("Pilotage databases (*.sqlite *.db);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            QMessageBox.warning(
                self,
                self.tr("New database"),
                self.tr("{path} already exists: open it, or choose another name.").format(
                    path=path
                ),
            )
            return
        self.open_path(path, create=True)

    def open_database_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a database"),
            self._start_dir(),
            self.tr("Pilotage databases (*.sqlite *.db);;All files (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(
        self, target: Path | str, *, create: bool = False, read_only: bool = False
    ) -> None:
        """Open (or create) a database off the GUI thread; on success the window shows it.

        A failure (not a database, from a newer Pilotage, locked…) is shown in one
        sentence and the current database stays open.
        """
        text = str(target)
        server = parse_server_target(text)
        if server is not None:
            self.open_server(server)
            return
        self._show_status(self.tr("Opening {database}…").format(database=text))
        self._file_runner.run(
            lambda: ("open", open_database(text, create=create, read_only=read_only))
        )

    def connect_to_server_dialog(self) -> None:
        """File > Connect to server…: the dialog, filled with the server shown, else the
        last one used (if any): most often only the password is left to type."""
        shown = self._db.url if self._db.is_server else None
        if shown is None and self._settings is not None:
            servers = map(parse_server_target, self._settings.recent_databases())
            shown = next((url for url in servers if url is not None), None)
        dialog = ServerDialog(self, shown)
        dialog.connected.connect(self._on_server_dialog_connected)
        open_dialog(self, "server_dialog", dialog)

    def _on_server_dialog_connected(self, db: object) -> None:
        if isinstance(db, Database):
            if self._closing:
                db.close()
                return
            self._switch_to(db)

    def open_server(self, url: URL) -> None:
        """A server from the recent list: connected with the password typed this session,
        or none (~/.pgpass, PGPASSWORD, a trusting server); asked for if refused."""
        url = with_known_password(url)
        self._show_status(self.tr("Connecting to {database}…").format(database=short_name(url)))
        self._file_runner.run(lambda: ("open", connect_server(url)))

    def _ask_password(self, error: ServerError) -> None:
        """The password prompt for a server that asked for one (again, if refused)."""
        prompt = password_prompt(error, self)
        prompt.accepted.connect(lambda: self.open_server(prompt.url()))
        open_dialog(self, "password_prompt", prompt)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_databases() if self._settings is not None else []
        for target in recent:
            action = self.recent_menu.addAction(target)
            action.triggered.connect(lambda _checked=False, t=target: self.open_path(t))
        self.recent_menu.setEnabled(bool(recent))

    def save_backup_dialog(self) -> None:
        if self._db.path is None:
            QMessageBox.information(
                self,
                self.tr("Save a backup copy"),
                self.tr("A server database is backed up with the server's own tools."),
            )
            return
        source = self._db.path
        suggested = source.with_name(f"{source.stem}-copy{source.suffix}")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a backup copy"),
            str(suggested),
            self.tr("Pilotage databases (*.sqlite *.db);;All files (*)"),
        )
        if not name:
            return
        db, destination = self._db, Path(name)
        self._show_status(self.tr("Saving a backup copy…"))
        self._file_runner.run(lambda: ("backup", backup_copy(db, destination)))

    def _retire(self, db: Database | None) -> None:
        """Close `db` (if this window opened it) and delete the old pages once nothing on
        the pool can still be reading it.

        Work started on it (a tree, a page) may still run: waiting for it here would
        freeze the window for as long, so the database is kept until the pool is idle
        (its results are dropped meanwhile: the runners were cancelled or replaced)."""
        if db is not None:
            self._retired.append(db)
        self._close_retired()
        if self._retired or self._retired_pages:
            self._retire_timer.start()

    def _close_retired(self) -> None:
        if self._pool.activeThreadCount() > 0:
            return
        self._retire_timer.stop()
        pages, self._retired_pages = self._retired_pages, []
        for page in pages:
            page.deleteLater()
        retired, self._retired = self._retired, []
        for db in retired:
            db.close()

    def _on_file_task_done(self, outcome: tuple[str, object]) -> None:
        kind, value = outcome
        if kind == "open" and isinstance(value, Database):
            if self._closing:
                value.close()
                return
            self._switch_to(value)
        elif kind == "backup":
            self._show_status(self.tr("Backup copy written to {path}").format(path=value))
            self.backup_saved.emit(value)

    def _on_file_task_failed(self, exc: object) -> None:
        if isinstance(exc, FileLockHeldError):  # another instance holds it: read only?
            self._show_status(str(exc))
            offer_read_only(self, exc, lambda: self.open_path(exc.path, read_only=True))
            return
        if isinstance(exc, OSError):
            # A file the system refused (it exists, a folder is read-only, a disk is full):
            # a known problem, said in one sentence, not a crash.
            path = exc.filename if exc.filename is not None else ""
            reason = exc.strerror or str(exc)
            message = self.tr("{path} could not be written or read: {reason}").format(
                path=path, reason=reason
            )
        elif isinstance(exc, ServerError):
            if exc.problem in PASSWORD_PROBLEMS:
                self._show_status("")
                self._ask_password(exc)
                return
            message = problem_sentence(exc)
        elif isinstance(exc, PilotageError):
            message = str(exc)
        else:
            raise exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        self._show_status(message)
        QMessageBox.warning(self, self.tr("Pilotage"), sentence(message))
        self.open_failed.emit(message)

    def _switch_to(self, db: Database) -> None:
        """Show `db` instead of the current database (closing it if this window opened it)."""
        self._tree_runner.cancel()  # its trees are of the old database: dropped
        for page in self._pages.values():
            page.hide()
        old, self._owned = self._owned, db
        self._db = db
        self._current = None
        self.clear_search()
        self.pages.setCurrentWidget(self.empty_page)
        self._make_pages(db)
        self.model.reload([])
        self._retire(old)  # and the old pages
        self._update_title()
        # From the Connect dialog, the recent list or the password prompt: kept for this
        # session only (the settings get the URL without it).
        remember_password(db.url)
        target = db.recent_target
        if self._settings is not None and target is not None:
            self._settings.add_recent_database(target)
            self._fill_recent_menu()
        self.database_changed.emit()
        self.reload()
