"""A SQLite file another instance holds: the offer to open it read only, and what a
read-only window looks like; the heartbeat that keeps this instance's hold on its file.

The database layer refuses a held file (FileLockHeldError, db/file_lock.py) and
refuses writes to a file opened read only; here the analyst is asked, and a
read-only window says so in its title and status bar, with its edit and import
commands disabled (its pages get no EditContext, see window_pages.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from pilotage.db.file_lock import HEARTBEAT_SECONDS, FileLockHeldError
from pilotage.gui.qt import QLabel, QMessageBox, QObject, QTimer, QWidget, Slot

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class HeldFilePrompt(QMessageBox):
    """ "X holds it": open it read only, or cancel (the window stays as it was)."""

    def __init__(self, held: FileLockHeldError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldFilePrompt")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Pilotage"))
        holder = held.holder
        if holder.known:
            text = self.tr(
                "{path} is open in Pilotage on {host} (process {pid}, {user}, since {since})."
            ).format(
                path=held.path, host=holder.host, pid=holder.pid, user=holder.user, since=held.since
            )
        else:
            text = self.tr(
                "{path} is held by another instance of Pilotage whose lock file cannot be read "
                "(being written, or damaged)."
            ).format(path=held.path)
        self.setText(text)
        self.setInformativeText(
            self.tr(
                "One instance at a time may change a file. Open it read only to look at it, "
                "or close it there first."
            )
        )
        self.read_only_button = self.addButton(
            self.tr("Open read only"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_only_button)
        self.setEscapeButton(self.cancel_button)

    def chose_read_only(self) -> bool:
        return self.clickedButton() is self.read_only_button


def ask_read_only(held: FileLockHeldError, parent: QWidget | None = None) -> bool:
    """Asked before any window is up (start-up): waits for the answer."""
    prompt = HeldFilePrompt(held, parent)
    try:
        prompt.exec()
        return prompt.chose_read_only()
    finally:
        prompt.deleteLater()


def offer_read_only(
    owner: QWidget, held: FileLockHeldError, open_read_only: Callable[[], None]
) -> HeldFilePrompt:
    """Asked over a window (File > Open, recent): window-modal, not blocking; kept as
    `owner.held_prompt` until answered (how tests reach it)."""
    prompt = HeldFilePrompt(held, owner)
    owner.held_prompt = prompt  # type: ignore[attr-defined]

    def answered(_result: int) -> None:
        owner.held_prompt = None  # type: ignore[attr-defined]
        prompt.deleteLater()
        if prompt.chose_read_only():
            open_read_only()

    prompt.finished.connect(answered)
    prompt.open()
    return prompt


class DatabaseAccess(QObject):
    """The window's side of its file's lock: the heartbeat, and how read only shows.

    The heartbeat runs on the GUI thread: a small file rewritten every 30 s. A window
    frozen longer than the stale limit may lose its file to an instance on another
    host; the next beat notices and says so.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyLabel")
        window.statusBar().addPermanentWidget(self.read_only_label)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat_timer.timeout.connect(self.beat)
        self.heartbeat_timer.start()
        window.database_changed.connect(self.show_access)
        self.show_access()

    @Slot()
    def beat(self) -> None:
        if not self._window.database().heartbeat():
            self._window.statusBar().showMessage(
                self.tr(
                    "Another instance of Pilotage took this file over: close this window "
                    "before changing anything"
                )
            )

    @Slot()
    def show_access(self) -> None:
        """Status bar and commands for the database shown (the title says it itself)."""
        window = self._window
        read_only = window.database().read_only
        if read_only:
            self.read_only_label.setText(self.tr("Read only: another instance holds this file"))
        self.read_only_label.setVisible(read_only)
        for action in (window.import_action, window.organizations_action):
            action.setEnabled(not read_only)
        window.record_actions.update_actions()  # none applies without an EditContext
