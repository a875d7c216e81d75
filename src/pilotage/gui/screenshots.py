"""`pilotage screenshots DIR`: the main window with each kind of page, and the main
dialogs, saved as PNGs (the pictures in docs/screenshots/ and the README).

Everything waits on the windows' own signals (the tree loaded, a page loaded or
failed, a worker no longer busy) in a QEventLoop: no sleeps.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.collection_screenshots import save_import_preview, save_template_dialog
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.dialogs.measurement_dialog import MeasurementDialog
from pilotage.gui.dialogs.preferences_dialog import PreferencesDialog
from pilotage.gui.error_dialog import ErrorDialog, log_path
from pilotage.gui.i18n import (
    applied_language,
    apply_locale,
    install_translators,
    remove_translators,
    reset_locale,
    resolve_language,
)
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole
from pilotage.gui.qt import (
    QApplication,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    QTimer,
    QWidget,
)
from pilotage.gui.settings import Settings
from pilotage.gui.shot_support import settle
from pilotage.gui.team_screenshots import save_conflict_form, save_server_dialog
from pilotage.services.identity import ILLUSTRATIVE_USER

WIDTH, HEIGHT = 1280, 820
_USER_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")  # where getpass looks, in order
SAMPLE_VALUE = Decimal(250)
HISTORY_KPI = "EVT-NB"  # its history: targets and measurements besides the KPI
SAMPLE_DIMENSION = "sexe"  # as the demo's breakdowns
SAMPLE_BREAKDOWN = (("femmes", "120"), ("hommes", "130"))
DEMO_END = date(2024, 12, 31)  # the end of the demo's pilot year
TIMEOUT_MS = 60_000  # a guard against a load that never ends, not a pause

# (file stem, depth in the tree, code to select): the demo's nodes; on another
# database, the first node at that depth stands in for a code it lacks.
SHOTS: tuple[tuple[str, int, str | None], ...] = (
    ("program", 0, None),
    ("pillar", 1, "P1"),
    ("initiative", 2, "P1-JIT"),
    ("kpi", 3, "JIT-DIP"),
)


class ScreenshotError(RuntimeError):
    """The window did not settle in time, or a picture could not be written."""


def choose_platform() -> None:
    """Use the offscreen platform when no platform is chosen and there is no screen.

    Only before the QApplication exists; a chosen QT_QPA_PLATFORM is left alone.
    """
    if QApplication.instance() is not None or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def save_screenshots(
    db: Database, folder: Path, as_of: date = DEMO_END, language: str | None = None
) -> list[Path]:
    """Save the main window on `db` with each page type, then the dialogs, into `folder`.

    `language` "en" or "fr": the window speaks it, numbers and dates included (None:
    as the application was started). Returns the paths written, in order. The
    QApplication must exist.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with _speaking(language):
        return _save_all(db, folder, as_of)


@contextmanager
def _speaking(language: str | None) -> Iterator[None]:
    """The interface in `language` for the time of the pictures, as it was afterwards."""
    if language is None:
        yield
        return
    before = applied_language()
    apply_locale(language)
    translators = install_translators(resolve_language(language))
    try:
        yield
    finally:
        remove_translators(translators)
        if before is None:
            reset_locale()
        else:
            apply_locale(before)


def _save_all(db: Database, folder: Path, as_of: date) -> list[Path]:
    written: list[Path] = []
    window = MainWindow(db, as_of=as_of)
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        _wait_idle(window, first_tree=True)
        window.tree.setFocus()  # the selection shows as the analyst's, not the search box's
        for stem, depth, code in SHOTS:
            index = _node(window.proxy, depth, code)
            if not index.isValid():
                continue  # nothing of that kind in this database
            window.tree.setCurrentIndex(index)
            window.tree.scrollTo(index)
            _wait_idle(window)
            written.append(_save(window, folder / f"{stem}.png", (WIDTH, HEIGHT)))
        # The KPI shown last: its form is the largest the analyst fills in.
        form = _save_record_form(window, folder / "kpi-form.png")
        if form is not None:
            written.append(form)
            conflict = _open_record_form(window)
            if conflict is not None:
                written.append(save_conflict_form(conflict, folder / "conflict-form.png", _save))
        measurement = _save_measurement_form(window, folder / "measurement-form.png")
        if measurement is not None:
            written.append(measurement)
        written.append(_save_organizations_dialog(window, folder / "organizations-dialog.png"))
        written.append(_save_history_dialog(window, folder / "history-dialog.png"))
        written.append(_save_error_dialog(window, folder / "error-dialog.png"))
        with _illustrative_user():
            written.append(_save_preferences_dialog(window, folder / "preferences-dialog.png"))
        written.append(save_template_dialog(window, folder / "template-dialog.png", _save))
        written.append(save_import_preview(window, folder / "import-preview.png", _save))
        written.append(save_server_dialog(window, folder / "server-dialog.png", _save))
    finally:
        window.close()  # waits for any worker still reading the database
        window.deleteLater()
        QApplication.sendPostedEvents()
    return written


# --- waiting ------------------------------------------------------------------


def _wait_idle(window: MainWindow, *, first_tree: bool = False) -> None:
    """Until the tree (if asked) has loaded and no page or worker is busy; then let the
    layouts catch up with what was filled in."""
    seen = {"tree": not first_tree}

    def tree_loaded() -> None:
        seen["tree"] = True

    window.tree_loaded.connect(tree_loaded)
    try:
        _wait_for(window, lambda: seen["tree"] and not window.is_busy())
    finally:
        window.tree_loaded.disconnect(tree_loaded)
    settle()


def _wait_for(window: MainWindow, done: Callable[[], bool]) -> None:
    loop = QEventLoop()
    expired = {"yes": False}
    timer = QTimer()
    timer.setSingleShot(True)

    def expire() -> None:
        expired["yes"] = True
        loop.quit()

    timer.timeout.connect(expire)
    with _waking(loop, window):
        timer.start(TIMEOUT_MS)
        while not done():
            if expired["yes"]:
                raise ScreenshotError("the main window did not finish loading")
            loop.exec()
        timer.stop()


@contextmanager
def _waking(loop: QEventLoop, window: MainWindow) -> Iterator[None]:
    """Quit `loop` whenever the window or one of its pages reports progress."""
    pages = (window.program_page, window.pillar_page, window.initiative_page, window.kpi_page)
    signals = [window.tree_loaded, window.open_failed]
    for page in pages:
        signals += [page.loaded, page.failed, page.busy_changed]
    for signal in signals:
        signal.connect(loop.quit)
    try:
        yield
    finally:
        for signal in signals:
            signal.disconnect(loop.quit)


# --- finding and saving -------------------------------------------------------


def _node(model: QSortFilterProxyModel, depth: int, code: str | None) -> QModelIndex:
    """The node with `code` at `depth` (depth first), else the first one at that depth."""
    first = QModelIndex()

    def walk(parent: QModelIndex, level: int) -> QModelIndex:
        nonlocal first
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if level == depth:
                if not first.isValid():
                    first = index
                if code is None or index.data(CodeRole) == code:
                    return index
            else:
                found = walk(index, level + 1)
                if found.isValid():
                    return found
        return QModelIndex()

    found = walk(QModelIndex(), 0)
    return found if found.isValid() else first


def _save(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    image = widget.grab().toImage()
    if size is not None and (image.width(), image.height()) != size:
        image = image.scaled(*size)  # a high-density screen grabs more pixels
    if not image.save(str(path)):  # PNG: from the suffix
        raise ScreenshotError(f"{path} could not be written")
    return path


def _save_record_form(window: MainWindow, path: Path) -> Path | None:
    """The form of the selected record (Edit > Edit…), left without saving; None when
    nothing is selected that can be edited."""
    dialog = _open_record_form(window)
    if dialog is None:
        return None
    try:
        settle()
        return _save(dialog, path)
    finally:
        dialog.reject()


def _open_record_form(window: MainWindow) -> FormDialog[Any] | None:
    """Edit > Edit… on the selected record: its form, or None when it cannot be edited."""
    actions = window.record_actions
    if not actions.edit_action.isEnabled():
        return None
    actions.edit_action.trigger()
    return actions.dialog


def _save_measurement_form(window: MainWindow, path: Path) -> Path | None:
    """The shown KPI's Add-measurement form, filled in with a breakdown by sex as the
    demo's (JIT-DIP: 250 graduates, 120 women and 130 men), left without saving; None
    when no KPI page is shown or it cannot take a measurement."""
    section = window.kpi_page.measurements_section
    if window.current_page() is not window.kpi_page or not section.add_button.isEnabled():
        return None
    section.add_measurement()
    dialog = section.dialog
    if not isinstance(dialog, MeasurementDialog):
        return None
    try:
        if dialog.value_edit.isVisible():
            dialog.value_edit.setText(formats.plain_number(SAMPLE_VALUE))
        for category, value in SAMPLE_BREAKDOWN:
            dialog.disaggregations.add_row(SAMPLE_DIMENSION, category, value)
        dialog.disaggregations.table.clearSelection()  # the rows as typed, not highlighted
        dialog.value_edit.setFocus()
        settle()
        return _save(dialog, path)
    finally:
        dialog.reject()


def _save_organizations_dialog(window: MainWindow, path: Path) -> Path:
    """Edit > Organizations…, the demo's organizations listed."""
    launcher = window.organizations
    launcher.open()
    dialog = launcher.dialog
    if dialog is None:
        raise ScreenshotError("the organizations dialog did not open")
    try:
        settle()
        return _save(dialog, path)
    finally:
        dialog.reject()


def _save_history_dialog(window: MainWindow, path: Path) -> Path:
    """Edit > History… of the KPI with the longest story in the demo (EVT-NB: its
    targets and its measurements), or of the node shown if there is none such."""
    shown = QPersistentModelIndex(window.tree.currentIndex())  # shown again afterwards
    index = _node(window.proxy, 3, HISTORY_KPI)
    if index.isValid():
        window.tree.setCurrentIndex(index)
        _wait_idle(window)
    window.history.open_current()
    dialog = window.history.dialog
    if dialog is None:
        raise ScreenshotError("the history dialog did not open")
    try:
        if dialog.is_busy():  # reading the log off the GUI thread: until it is shown
            loop = QEventLoop()
            dialog.loaded.connect(loop.quit)
            QTimer.singleShot(TIMEOUT_MS, loop.quit)
            loop.exec()
        if dialog.is_busy():
            raise ScreenshotError("the history dialog did not finish loading")
        settle()
        return _save(dialog, path)
    finally:
        dialog.close()
        if shown.isValid():
            window.tree.setCurrentIndex(QModelIndex(shown))
            _wait_idle(window)


@contextmanager
def _illustrative_user() -> Iterator[None]:
    """The session's user name read as "analyste" (getpass reads LOGNAME first), so that
    the preferences picture shows the same name on every machine, not its login."""
    saved = {name: os.environ.get(name) for name in _USER_VARIABLES}
    os.environ.update(dict.fromkeys(_USER_VARIABLES, ILLUSTRATIVE_USER))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _save_error_dialog(window: MainWindow, path: Path) -> Path:
    """The unexpected-error dialog, details shown, on a sample error (nothing is logged)."""
    details = _sample_traceback()
    where = str(log_path()).replace(str(Path.home()), "~")
    message = "KeyError: 'JIT-DIP'\n" + QApplication.translate(
        "Errors", "The details were written to {path}."
    ).format(path=where)
    dialog = ErrorDialog(message, details, window)
    try:
        dialog.details_button.setChecked(True)
        dialog.resize(720, 380)
        dialog.show()
        settle()
        return _save(dialog, path)
    finally:
        dialog.close()
        dialog.deleteLater()


def _save_preferences_dialog(window: MainWindow, path: Path) -> Path:
    """Edit > Preferences, French chosen (so its next-start sentence shows), on settings
    in a scratch file: the analyst's own are neither read nor written."""
    with tempfile.TemporaryDirectory(prefix="pilotage-shots-") as scratch:
        store = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        dialog = PreferencesDialog(Settings(store), window)
        try:
            dialog.language.setCurrentIndex(dialog.language.findData("fr"))
            dialog.show()
            settle()
            return _save(dialog, path)
        finally:
            dialog.close()
            dialog.deleteLater()


def _sample_traceback() -> str:
    import traceback

    def read_target(kpis: dict[str, float], code: str) -> float:
        return kpis[code]

    try:
        read_target({}, "JIT-DIP")
    except KeyError as exc:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return text.replace(str(Path(__file__).parents[2]) + os.sep, "")  # pilotage/gui/…
    return ""  # pragma: no cover - the lookup above always fails
