"""File > Export data-collection template…, driven as an analyst: the dialog opens on the
program shown, its initiatives all checked, the last complete quarter and the window's
language; unchecking, dates and language change the suggested file name; Export writes
off the GUI thread and the message opens the template or its folder. Problems are said
next to their fields and nothing starts. The template service is a fake here; the real
one is driven end to end in test_import_dialog.py."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import export_support
import pytest
from export_support import choose_in_file_menu, click_box_button, opened_dialog, shown_box
from gui_support import DEMO_END, MID_YEAR, click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.errors import ValidationError
from pilotage.gui.dialogs import template_dialog
from pilotage.gui.dialogs.template_dialog import (
    TemplateAction,
    TemplateDialog,
    last_complete_quarter,
    suggested_name,
)
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QDate, QFileDialog, QListWidgetItem, Qt, QUrl
from pilotage.services.programs import find_program
from pilotage.services.templates import TemplateOutcome

WAIT_S = 10
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

settings = export_support.settings_in_tmp
win = export_support.two_programs_window
opened = export_support.opened


class FakeTemplates:
    """write_template as the dialog sees it; `gate` holds the worker while the test looks."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.threads: list[threading.Thread] = []
        self.gate = threading.Event()
        self.error: Exception | None = None

    def write_template(
        self,
        _db: Database,
        program_id: int,
        start: date,
        end: date,
        language: str,
        out: Path,
        *,
        initiative_ids: tuple[int, ...] | None = None,
    ) -> TemplateOutcome:
        self.calls.append((program_id, start, end, language, out, initiative_ids))
        self.threads.append(threading.current_thread())
        assert self.gate.wait(WAIT_S)
        if self.error is not None:
            raise self.error
        out.write_bytes(b"PK")
        return TemplateOutcome(out, 12, 4)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTemplates]:
    service = FakeTemplates()
    monkeypatch.setattr(template_dialog.templates, "write_template", service.write_template)
    yield service
    service.gate.set()


def open_from_file_menu(qtbot: QtBot, window: MainWindow) -> TemplateDialog:
    assert isinstance(window.template_action, TemplateAction)
    choose_in_file_menu(qtbot, window, "Export data-collection template…")
    dialog = opened_dialog(qtbot, window.template_action.dialog)
    assert isinstance(dialog, TemplateDialog)
    return dialog


def open_on_demo(qtbot: QtBot, window: MainWindow) -> TemplateDialog:
    """The dialog opened with the demo's program shown."""
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, window)
    return open_from_file_menu(qtbot, window)


def checked_codes(dialog: TemplateDialog) -> list[str]:
    return [
        i.text().split(" — ")[0] for i in items(dialog) if i.checkState() == Qt.CheckState.Checked
    ]


def click_item_check(qtbot: QtBot, dialog: TemplateDialog, code: str) -> None:
    """Click the initiative `code` and press Space, which checks or unchecks it."""
    view = dialog.initiatives
    (item,) = [i for i in items(dialog) if f"/ {code} —" in i.text()]
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center()
    )
    assert view.currentItem() is item
    qtbot.keyClick(view, Qt.Key.Key_Space)


def items(dialog: TemplateDialog) -> list[QListWidgetItem]:
    return [dialog.initiatives.item(n) for n in range(dialog.initiatives.count())]


def test_the_dialog_opens_on_the_program_shown_its_initiatives_and_the_last_quarter(
    qtbot: QtBot, win: MainWindow
) -> None:
    click_node(qtbot, win.tree, "JIT-DIP")
    wait_idle(qtbot, win)
    dialog = open_from_file_menu(qtbot, win)
    assert dialog.program.currentText().startswith("CP-MTNRA-MNC — ")
    assert dialog.program.count() == 2
    # The demo's seven initiatives, all checked: the whole program.
    assert checked_codes(dialog) == [
        "P1 / P1-JIT",
        "P1 / P1-VIV",
        "P2 / P2-ACC",
        "P2 / P2-EVT",
        "P3 / P3-BEX",
        "P3 / P3-INN",
        "P3 / P3-VEI",
    ]
    assert dialog.chosen_initiatives() is None
    assert dialog.scope.text() == "The whole program, its own KPIs included."
    assert dialog.start.date() == QDate(2024, 10, 1)
    assert dialog.end.date() == QDate(2024, 12, 31)
    assert dialog.language.currentText() == "English"
    assert Path(dialog.file.text()).name == "CP-MTNRA-MNC-template-2024-Q4-en.xlsx"
    # The suggested name follows the choices while it is still the suggestion.
    dialog.start.setDate(QDate(2024, 1, 1))
    assert Path(dialog.file.text()).name == "CP-MTNRA-MNC-template-2024-en.xlsx"
    dialog.language.setCurrentIndex(dialog.language.findText("Français"))
    assert Path(dialog.file.text()).name == "CP-MTNRA-MNC-template-2024-fr.xlsx"
    # Another program: its initiatives (none) and its name.
    dialog.program.setCurrentIndex(dialog.program.findData(find_program_id(win, "AA-AUTRE")))
    assert dialog.initiatives.count() == 0
    assert Path(dialog.file.text()).name == "AA-AUTRE-template-2024-fr.xlsx"
    dialog.file.setText(str(Path(dialog.file.text()).with_name("mine.xlsx")))
    dialog.language.setCurrentIndex(dialog.language.findText("English"))
    assert Path(dialog.file.text()).name == "mine.xlsx"  # the analyst's own name stays


def find_program_id(window: MainWindow, reference: str) -> int:
    program = find_program(window.database(), reference)
    assert program is not None
    return program.id


def test_export_writes_the_checked_initiatives_off_the_gui_thread_then_opens_the_template(
    qtbot: QtBot,
    win: MainWindow,
    fake: FakeTemplates,
    opened: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "pour MNC"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(folder / "collecte"), "")
    )
    dialog = open_on_demo(qtbot, win)
    click_item_check(qtbot, dialog, "P1-VIV")
    click_item_check(qtbot, dialog, "P3-BEX")
    assert checked_codes(dialog) == [
        "P1 / P1-JIT",
        "P2 / P2-ACC",
        "P2 / P2-EVT",
        "P3 / P3-INN",
        "P3 / P3-VEI",
    ]
    assert dialog.scope.text() == "5 of 7 initiatives."
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.file.text() == str(folder / "collecte.xlsx")
    dialog.language.setCurrentIndex(dialog.language.findText("Français"))

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.dialog.isVisible())
    assert not dialog.form.isEnabled()
    assert not dialog.ok_button.isEnabled()
    fake.gate.set()
    box = shown_box(qtbot, lambda: dialog.done_box)

    demo = find_program_id(win, "CP-MTNRA-MNC")
    ids = {i.text().split(" — ")[0]: i.data(Qt.ItemDataRole.UserRole) for i in items(dialog)}
    expected_ids = tuple(
        ids[code]
        for code in ("P1 / P1-JIT", "P2 / P2-ACC", "P2 / P2-EVT", "P3 / P3-INN", "P3 / P3-VEI")
    )
    assert fake.calls == [
        (demo, date(2024, 10, 1), DEMO_END, "fr", folder / "collecte.xlsx", expected_ids)
    ]
    assert fake.threads[0] is not threading.main_thread()
    assert not dialog.isVisible()
    assert box.text() == f"The template was written to {folder / 'collecte.xlsx'}."
    assert box.informativeText() == "12 rows to fill, for 4 KPIs."
    click_box_button(qtbot, box, "Open the template")
    assert opened == [QUrl.fromLocalFile(str(folder / "collecte.xlsx"))]


def test_all_checked_is_the_whole_program_and_the_folder_opens(
    qtbot: QtBot, win: MainWindow, fake: FakeTemplates, opened: list[QUrl], tmp_path: Path
) -> None:
    dialog = open_on_demo(qtbot, win)
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert checked_codes(dialog) == []
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    fake.gate.set()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = shown_box(qtbot, lambda: dialog.done_box)
    out = tmp_path / "CP-MTNRA-MNC-template-2024-Q4-en.xlsx"
    assert fake.calls[0][4:] == (out, None)
    click_box_button(qtbot, box, "Open its folder")
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_problems_are_said_next_to_their_fields_and_nothing_starts(
    qtbot: QtBot, win: MainWindow, fake: FakeTemplates
) -> None:
    dialog = open_on_demo(qtbot, win)
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    dialog.start.setDate(QDate(2025, 1, 1))
    dialog.file.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.initiative_problem.isVisible()
    assert dialog.initiative_problem.text() == "Check at least one initiative."
    assert dialog.period_problem.isVisible()
    assert dialog.period_problem.text() == "The first period starts after the last."
    assert dialog.file_problem.isVisible()
    assert dialog.file_problem.text() == "Choose the file to write the template to."
    assert dialog.progress is None
    assert fake.calls == []
    assert dialog.isVisible()
    # Checking an initiative again clears its problem at once.
    click_item_check(qtbot, dialog, "P1-JIT")
    assert not dialog.initiative_problem.isVisible()
    assert dialog.chosen_initiatives() is not None


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            PermissionError(13, "Permission denied", "/partners/locked.xlsx"),
            "/partners/locked.xlsx could not be written: Permission denied.",
        ),
        (ValidationError([]), "Invalid input."),
    ],
)
def test_a_failure_is_one_sentence_and_the_dialog_stays(
    qtbot: QtBot, win: MainWindow, fake: FakeTemplates, error: Exception, expected: str
) -> None:
    fake.error = error
    dialog = open_on_demo(qtbot, win)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    fake.gate.set()
    box = shown_box(qtbot, lambda: dialog.failure_box)
    assert box.text() == expected
    assert dialog.done_box is None
    assert dialog.isVisible()
    assert dialog.form.isEnabled()
    assert dialog.ok_button.isEnabled()


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (DEMO_END, (date(2024, 10, 1), date(2024, 12, 31))),  # its last day: the quarter is over
        (MID_YEAR, (date(2024, 4, 1), date(2024, 6, 30))),
        (date(2024, 2, 15), (date(2023, 10, 1), date(2023, 12, 31))),
        (date(2024, 4, 1), (date(2024, 1, 1), date(2024, 3, 31))),
    ],
)
def test_the_last_complete_quarter(as_of: date, expected: tuple[date, date]) -> None:
    assert last_complete_quarter(as_of) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2024, 10, 1), date(2024, 12, 31), "CP-X-template-2024-Q4-fr.xlsx"),
        (date(2024, 1, 1), date(2024, 6, 30), "CP-X-template-2024-H1-fr.xlsx"),
        (date(2024, 4, 1), date(2024, 12, 31), "CP-X-template-2024-04-01-2024-12-31-fr.xlsx"),
    ],
)
def test_suggested_names(start: date, end: date, expected: str) -> None:
    assert suggested_name("CP X", start, end, "fr") == expected
