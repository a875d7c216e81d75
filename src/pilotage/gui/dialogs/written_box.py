"""The message once a workbook is written: open it, open its folder, or close.

Shared by every export (report, template, program workbook, an errors copy). Built
here rather than with QMessageBox.information: three buttons of our own, which
tests click.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QDesktopServices,
    QMessageBox,
    QUrl,
    QWidget,
    translate,
)

_OPEN_FOLDER = QT_TRANSLATE_NOOP("WrittenBox", "Open its &folder")


def open_in_desktop(path: Path) -> bool:
    """Open a file or folder with the desktop's application for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def written_box(
    parent: QWidget,
    path: Path,
    *,
    title: str,
    text: str,
    open_label: str,
    object_name: str,
) -> QMessageBox:
    """A message (not yet shown: call `open()`) saying `text`, whose first button opens
    `path` and second its folder; it deletes itself once closed. The labels come
    translated from the caller (lupdate files each under its own dialog); "Open its
    folder" is the same everywhere."""
    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    open_file = box.addButton(open_label, QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(
        translate("WrittenBox", _OPEN_FOLDER), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_file)
    actions: dict[object, Callable[[], bool]] = {
        open_file: lambda: open_in_desktop(path),
        open_folder: lambda: open_in_desktop(path.parent),
    }
    box.buttonClicked.connect(lambda button: actions.get(button, lambda: False)())
    box.finished.connect(box.deleteLater)
    return box
