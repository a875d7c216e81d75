"""File > Connect to server…: a database on a PostgreSQL server, and the password asked
again when a server is reopened.

The connection is tried on a worker thread, so the window keeps painting and
Cancel works while a far server takes its time. The window that shows the
database keeps its password for the session only (`remember_password`): the
recent list and the last database hold the URL built without it.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

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
from pilotage.db.server import forget_passwords as forget_passwords  # re-exported
from pilotage.gui.pages.widgets import mute
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
    translate,
)
from pilotage.gui.workers import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    Connect = Callable[[URL], Database]

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


def _close_database(result: object) -> None:
    if isinstance(result, Database):
        result.close()  # a connection given up: nobody waits for it any more


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
        self._connect = connect
        self._connecting = False
        # Not a child of the dialog: a connection still on its way when the dialog is
        # gone reaches the runner all the same, which closes what arrives.
        self._attempt = TaskRunner(QThreadPool.globalInstance(), dropped=_close_database)
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
        ready = bool(self.database_name.text().strip()) and not self._connecting
        self.connect_button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self._connecting = busy
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
        connect = self._connect or connect_server  # looked up now: tests replace it
        self._attempt.run(lambda: connect(url))
        self._set_busy(True)
        self.busy.setToolTip(self.tr("Connecting to {server}…").format(server=short_name(url)))

    @Slot()
    def cancel(self) -> None:
        """While connecting: give up the attempt and stay; otherwise close the dialog."""
        if self._connecting:
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


def password_prompt(error: ServerError, parent: QWidget | None = None) -> PasswordPrompt:
    """The prompt for a server that asked for a password: why it asks again when the
    password was refused, nothing more when none was given yet."""
    refused = error.problem is ServerProblem.PASSWORD_REFUSED
    return PasswordPrompt(error.url, problem_sentence(error) if refused else "", parent)
