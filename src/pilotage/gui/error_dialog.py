"""Unexpected errors: a dialog with the details, a line in the log file, and the
application goes on. Known problems (PilotageError) get a plain message box."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pilotage.domain.errors import PilotageError
from pilotage.gui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Slot,
)

log = logging.getLogger(__name__)

LOG_FILE_NAME = "pilotage.log"


def log_path() -> Path:
    """The crash log, in the user log folder (platformdirs)."""
    from platformdirs import user_log_path

    return user_log_path("pilotage", appauthor=False) / LOG_FILE_NAME


def write_log(details: str) -> Path | None:
    """Append `details` to the log file; None if even that failed."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            handle.write(f"--- {stamp} unexpected error\n{details}\n")
    except OSError:
        log.exception("the error could not be written to %s", path)
        return None
    return path


class ErrorDialog(QDialog):
    """The message, the traceback behind a "Show details" button, and "Copy details"."""

    def __init__(self, message: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error — Pilotage"))
        self.setObjectName("errorDialog")
        self.details_text = details
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong. What was under way was not saved; you can go on working."
            )
        )
        intro.setWordWrap(True)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(200)
        self.details.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = QPushButton(self.tr("Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(intro)
        layout.addWidget(self.message_label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    @Slot(bool)
    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details_text)


class ErrorReporter:
    """The `sys.excepthook` of the running GUI: shows, logs, and lets the event loop go on."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent = parent
        self.dialogs: list[QDialog] = []  # kept alive while shown

    def __call__(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        try:
            self.report(exc, tb)
        except Exception:  # never let the hook itself take the application down
            sys.__excepthook__(kind, exc, tb)

    def report(self, exc: BaseException, tb: TracebackType | None = None) -> QDialog:
        parent = self._parent()
        if isinstance(exc, PilotageError):
            box = QMessageBox(
                QMessageBox.Icon.Warning, QApplication.translate("Errors", "Pilotage"), str(exc)
            )
            box.setParent(parent, box.windowFlags())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # freed once read
            dialog: QDialog = box
            box.open()
        else:
            details = "".join(traceback.format_exception(type(exc), exc, tb))
            written = write_log(details)
            log.error("unexpected error:\n%s", details)
            message = f"{type(exc).__name__}: {exc}"
            if written is not None:
                message += "\n" + QApplication.translate(
                    "Errors", "The details were written to {path}."
                ).format(path=written)
            error_dialog = ErrorDialog(message, details, parent)
            error_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # freed once read
            error_dialog.open()
            dialog = error_dialog
        self.dialogs.append(dialog)
        # Closed, the dialog deletes itself (WA_DeleteOnClose): forget it first.
        dialog.finished.connect(lambda _result, shown=dialog: self._forget(shown))
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)


def install_excepthook(parent: Callable[[], QWidget | None] = lambda: None) -> ErrorReporter:
    """Make `sys.excepthook` show errors raised in slots instead of ending the program."""
    reporter = ErrorReporter(parent)
    sys.excepthook = reporter
    return reporter
