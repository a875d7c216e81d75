"""What the main window remembers and the date it judges everything on: the as-of
choice ("today" or a fixed date), geometry and splitter (QSettings). A mixin of
`MainWindow`, kept apart so that each file does one thing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pilotage.gui import formats
from pilotage.gui.dialogs.preferences_dialog import apply_user_name
from pilotage.gui.qt import QDate
from pilotage.services.clock import local_today

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class WindowStateMixin(_Base):
    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, day: date) -> None:
        """Judge everything as of `day`: the tree, then the page shown, reload."""
        self.as_of_edit.setDate(formats.to_qdate(day))  # _on_date_edited does the rest

    def _on_date_edited(self, day: QDate) -> None:
        chosen = formats.from_qdate(day)
        if chosen != self._as_of:
            self._as_of = chosen
            self._as_of_fixed = True
            self._remember_as_of()
            self.reload()

    def _go_to_today(self) -> None:
        self.set_as_of(local_today())
        self._as_of_fixed = False
        self._remember_as_of()

    def as_of_is_today(self) -> bool:
        """True when the choice is "today" rather than a fixed date."""
        return not self._as_of_fixed

    def _remember_as_of(self) -> None:
        if self._settings is not None:
            self._settings.set_as_of(self._as_of if self._as_of_fixed else None)

    def _restore_window(self) -> None:
        if self._settings is None:
            return
        apply_user_name(self._settings)
        geometry = self._settings.geometry()
        if geometry is not None and not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        state = self._settings.splitter_state()
        if state is not None and not self.splitter.restoreState(state):
            self.splitter.setSizes([400, 880])

    def save_settings(self) -> None:
        if self._settings is None:
            return
        self._settings.set_geometry(self.saveGeometry())
        self._settings.set_splitter_state(self.splitter.saveState())
        self._remember_as_of()
        target = self._db.recent_target  # a server's URL without its password
        if target is not None:
            self._settings.set_last_database(target)
        self._settings.sync()
