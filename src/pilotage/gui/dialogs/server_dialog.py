"""File > Connect to server…: a database on a PostgreSQL server, and the password asked
again when a server is reopened.

The connection is tried on a worker thread, so the window keeps painting and
Cancel works while a far server takes its time. The password stays in this
process's memory (`remember_password`) for the session only: the recent list and
the last database hold the URL built without it.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable

from sqlalchemy.engine import URL

from pilotage.db.database import Database
from pilotage.db.server import (
    DEFAULT_PORT,
    PASSWORD_PROBLEMS,
    ServerError,
    ServerProblem,
    connect_server,
    server_target,
    server_url,
    short_name,
    without_password,
)
from pilotage.gui.pages.widgets import mute
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
    translate,
)

Connect = Callable[[URL], Database]

# Passwords typed this session, by the URL without its password. Never written anywhere.
_PASSWORDS: dict[str, str] = {}

_PROBLEMS = {
    ServerProblem.UNREACHABLE: QT_TRANSLATE_NOOP(
        "ServerDialog",
        "No PostgreSQL server answers at {host}, port {port}: check the host and the port, "
        "and that the server is running.",
    ),
    ServerProblem.PASSWORD_NEEDED: QT_TRANSLATE_NOOP(
        "ServerDialog", "The server asks for the password of {user}: type it in."
    ),
    ServerProblem.PASSWORD_REFUSED: QT_TRANSLATE_NOOP(
        "ServerDialog",
        "The server refused {user} with this password: check the user name and the password.",
    ),
    ServerProblem.NO_DATABASE: QT_TRANSLATE_NOOP(
        "ServerDialog", "The server {host} has no database named {database}: check its name."
    ),
    ServerProblem.NOT_PREPARED: QT_TRANSLATE_NOOP(
        "ServerDialog",
        "The database {database} is not prepared for this version of Pilotage: whoever runs "
        "the server runs `pilotage db upgrade --db {target}` once.",
    ),
    ServerProblem.TOO_NEW: QT_TRANSLATE_NOOP(
        "ServerDialog",
        "The database {database} was prepared by a newer Pilotage: install that version.",
    ),
    ServerProblem.NO_DRIVER: QT_TRANSLATE_NOOP(
        "ServerDialog",
        "This installation cannot reach PostgreSQL: install Pilotage with its postgres extra "
        '(pip install "pilotage[postgres]").',
    ),
    ServerProblem.OTHER: QT_TRANSLATE_NOOP(
        "ServerDialog", "The connection to {host} failed: {detail}"
    ),
}


def remember_password(url: URL) -> None:
    """Keep the password of `url` for this session (nothing kept if it has none)."""
    if url.password:
        _PASSWORDS[server_target(url)] = str(url.password)


def with_known_password(url: URL) -> URL:
    """`url` with the password typed earlier this session, if any."""
    password = _PASSWORDS.get(server_target(url))
    return url.set(password=password) if password else url


def forget_passwords() -> None:
    _PASSWORDS.clear()


def problem_sentence(error: ServerError) -> str:
    """The one sentence a person reads for a failed connection, in the window's language."""
    url = error.url
    return translate("ServerDialog", _PROBLEMS[error.problem]).format(
        host=url.host or "localhost",
        port=url.port or DEFAULT_PORT,
        user=url.username or getpass.getuser(),
        database=url.database or "",
        target=server_target(url),
        detail=error.detail,
    )


class ConnectionAttempt(QObject):
    """One connection at a time off the GUI thread; `finished` brings the database,
    `failed` the exception. A cancelled attempt's database is closed when it arrives."""

    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(int, bool, object)  # emitted on the worker thread, received queued

    def __init__(self, connect: Connect | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Looked up when the attempt is made: tests put another in its place.
        self._connect = connect
        self._serial = 0
        self._running = False
        self._done.connect(self._deliver)

    def is_running(self) -> bool:
        return self._running

    def start(self, url: URL) -> None:
        self._serial += 1
        self._running = True
        serial, emit = self._serial, self._done.emit
        connect = self._connect or connect_server

        def work() -> None:
            try:
                result = connect(url)
            except Exception as exc:
                emit(serial, False, exc)
            else:
                emit(serial, True, result)

        threading.Thread(target=work, name="pilotage-connect", daemon=True).start()

    def cancel(self) -> None:
        self._serial += 1
        self._running = False

    @Slot(int, bool, object)
    def _deliver(self, serial: int, ok: bool, payload: object) -> None:
        if serial != self._serial:
            if ok and isinstance(payload, Database):
                payload.close()  # nobody waits for it any more
            return
        self._running = False
        (self.finished if ok else self.failed).emit(payload)


class ServerDialog(QDialog):
    """Host, port, database, user and password; Connect tries, Cancel gives up."""

    connected = Signal(object)  # the Database, open

    def __init__(
        self,
        parent: QWidget | None = None,
        initial: URL | None = None,
        connect: Connect | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        self.database: Database | None = None
        # Not a child of the dialog: a connection still on its way when the dialog is
        # gone reaches the attempt all the same, which closes what arrives.
        self._attempt = ConnectionAttempt(connect)
        self._attempt.finished.connect(self._on_connected)
        self._attempt.failed.connect(self._on_failed)

        self.host = QLineEdit(initial.host if initial is not None and initial.host else "")
        self.host.setPlaceholderText(self.tr("localhost"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(initial.port if initial is not None and initial.port else DEFAULT_PORT)
        self.database_name = QLineEdit(initial.database or "" if initial is not None else "")
        self.user = QLineEdit(initial.username or "" if initial is not None else "")
        self.user.setPlaceholderText(getpass.getuser())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database_name)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)

        self.help = QLabel(
            self.tr(
                "The password is kept only while Pilotage runs, never saved. Left empty, "
                "the server may still let you in: from your ~/.pgpass file (pgpass.conf on "
                "Windows), the PGPASSWORD variable, or a server that trusts your computer."
            )
        )
        self.help.setWordWrap(True)
        mute(self.help)
        self.problem = QLabel()
        self.problem.setObjectName("serverProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: a moving bar
        self.busy.setTextVisible(False)
        self.busy.hide()

        self.buttons = QDialogButtonBox()
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button.clicked.connect(self.try_connect)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.help)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database_name):
            field.textChanged.connect(self._update_connect)
        self._update_connect()
        (self.password if initial is not None else self.host).setFocus()

    def url(self) -> URL:
        """What the fields say, the password included (this URL is never saved)."""
        return server_url(
            self.host.text() or "localhost",
            self.port.value(),
            self.database_name.text(),
            self.user.text() or getpass.getuser(),
            self.password.text() or None,
        )

    def _update_connect(self) -> None:
        ready = bool(self.database_name.text().strip()) and not self._attempt.is_running()
        self.connect_button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        for field in (self.host, self.port, self.database_name, self.user, self.password):
            field.setEnabled(not busy)
        self.busy.setVisible(busy)
        self._update_connect()

    @Slot()
    def try_connect(self) -> None:
        if not self.connect_button.isEnabled():
            return
        url = self.url()
        self.problem.hide()
        self._attempt.start(url)
        self._set_busy(True)
        self.busy.setToolTip(self.tr("Connecting to {server}…").format(server=short_name(url)))

    @Slot()
    def cancel(self) -> None:
        """While connecting: give up the attempt and stay; otherwise close the dialog."""
        if self._attempt.is_running():
            self._attempt.cancel()
            self._set_busy(False)
            return
        self.reject()

    def reject(self) -> None:
        self._attempt.cancel()  # a database still on its way is closed when it arrives
        super().reject()

    def _on_connected(self, database: object) -> None:
        self._set_busy(False)
        if not isinstance(database, Database):
            return
        self.database = database
        remember_password(database.url)
        self.connected.emit(database)
        self.accept()

    def _on_failed(self, exc: object) -> None:
        self._set_busy(False)
        if isinstance(exc, ServerError):
            text = problem_sentence(exc)
            if exc.problem in PASSWORD_PROBLEMS:
                self.password.setFocus()
                self.password.selectAll()
        elif isinstance(exc, Exception):
            text = str(exc)
        else:
            return
        self.problem.setText(text)
        self.problem.show()


class PasswordPrompt(QDialog):
    """The password of a server reopened from the recent list or at start-up."""

    def __init__(self, url: URL, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordPrompt")
        self.setWindowTitle(self.tr("Password"))
        self._url = without_password(url)
        self.label = QLabel(
            self.tr("The password of {user} on {server}:").format(
                user=url.username or getpass.getuser(), server=short_name(url)
            )
        )
        self.label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(problem)
        self.problem.setObjectName("passwordProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        buttons = self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.password)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.password.setFocus()

    def url(self) -> URL:
        """The server's URL with the password typed."""
        return self._url.set(password=self.password.text() or None)
