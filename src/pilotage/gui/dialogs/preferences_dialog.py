"""Preferences: the interface language and the analyst's name in the audit log.

The language applies at the next start: every window, menu and date field is
built in one language, and rebuilding them live would lose what is open. The
name applies at once (the next change is recorded under it).
"""

from __future__ import annotations

from pilotage.gui import icons
from pilotage.gui.i18n import applied_language
from pilotage.gui.pages.widgets import mute
from pilotage.gui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.gui.settings import MAX_USER_NAME, Settings
from pilotage.services.identity import set_user_name, system_user


def apply_user_name(settings: Settings) -> None:
    """Record changes under the name saved in the preferences (the OS user if none)."""
    set_user_name(settings.user_name())


class PreferencesDialog(QDialog):
    saved = Signal()  # the preferences were written to the settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        chosen = settings.language()
        # What this run speaks: a choice different from it waits for the next start.
        self._running = applied_language() or chosen

        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "system")
        # Each language is named in itself, so that anyone can find their own.
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel(
            self.tr("The new language applies the next time Pilotage starts.")
        )
        self.language_note.setWordWrap(True)

        self.user_name = QLineEdit(settings.user_name() or "")
        self.user_name.setMaxLength(MAX_USER_NAME)
        self.user_name.setPlaceholderText(system_user())
        self.user_name.setClearButtonEnabled(True)
        name_note = QLabel(
            self.tr(
                "Written in the history of every change you make. "
                "Left empty: your session name, {user}."
            ).format(user=system_user())
        )
        name_note.setWordWrap(True)
        mute(name_note)

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Your &name"), self.user_name)
        form.addRow("", name_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 12)
        column.setSpacing(12)
        column.addLayout(form)
        column.addStretch(1)
        column.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._on_language_changed()

    @Slot()
    def _on_language_changed(self) -> None:
        self.language_note.setVisible(self.chosen_language() != self._running)

    def chosen_language(self) -> str:
        data = self.language.currentData()
        return data if isinstance(data, str) else "system"

    def accept(self) -> None:
        self._settings.set_language(self.chosen_language())
        self._settings.set_user_name(self.user_name.text())
        self._settings.sync()
        apply_user_name(self._settings)
        self.saved.emit()
        super().accept()


class PreferencesAction(QAction):
    """Edit > Preferences…: opens the dialog, kept in `dialog`. Disabled without
    settings (a window told to remember nothing)."""

    def __init__(self, settings: Settings | None, window: QWidget) -> None:
        super().__init__(icons.icon("settings"), "", window)
        self.setText(self.tr("&Preferences…"))
        self.setShortcut(QKeySequence.StandardKey.Preferences)
        self.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the application menu
        self._settings = settings
        self._window = window
        self.dialog: PreferencesDialog | None = None
        self.setEnabled(settings is not None)
        self.triggered.connect(self.open_dialog)

    @Slot()
    def open_dialog(self) -> PreferencesDialog | None:
        if self._settings is None:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = PreferencesDialog(self._settings, self._window)
        self.dialog.open()
        return self.dialog
