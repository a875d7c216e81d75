"""Two analysts on one record: the form whose save comes second says who changed the
record and when, shows the current values, and what the analyst typed beside each
field, to put back one by one or all at once; OK then saves over the current version.

The other analyst is another `Database` on the same database (SQLite file or
PostgreSQL, the run's engine), saving through the services while the form is open.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from editing_support import POPUP_LOG, choose_from_context_menu, click_ok, open_form, retype
from gui_support import click_node, find_index, wait_idle
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_measurement_editing import (
    Q4,
    _double_click,
    _open,
    _start_editing,
    _type_and_enter,
    _unlock,
)

from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Kpi
from pilotage.domain.periods import period_label
from pilotage.gui import formats
from pilotage.gui.dialogs.disaggregation_dialog import CATEGORY, VALUE
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.editing.inputs import initiative_input, kpi_input
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.models.navigator_model import NameRole
from pilotage.gui.qt import QDate, QLabel, QPushButton, Qt, QWidget
from pilotage.gui.undo.kpi_commands import measurement_input
from pilotage.services.identity import current_user
from pilotage.services.initiatives import get_initiative, update_initiative
from pilotage.services.kpis import get_kpi, update_kpi
from pilotage.services.measurements import (
    MeasurementInput,
    get_measurement,
    list_measurements,
    record_measurement,
    update_measurement,
)
from pilotage.services.milestones import MilestoneInput, get_milestone, update_milestone
from pilotage.services.targets import list_targets, set_target
from two_analysts import as_analyst, second_database

# "sara changed this record at 2026-12-01 10:42, after you had opened it: …"
SARA_CHANGED = re.compile(
    r"^Sara changed this record at \d{4}-\d\d-\d\d \d\d:\d\d, after you had opened it: your "
    r"change was not saved\. The form now shows the current values; what you typed is shown "
    r"under each field that differs\.$"
)


def _id_of(db: Database, model: type[Initiative] | type[Kpi], code: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(model.id).where(model.code == code))
    assert found is not None, code
    return found


def _open_edit_form(window: MainWindow, qtbot: QtBot, code: str) -> FormDialog:  # type: ignore[type-arg]
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    choose_from_context_menu(window, qtbot, code, "Edit…")
    return open_form(window, qtbot)


def _typed(dialog: QWidget, field: str) -> QLabel | None:
    label = dialog.findChild(QLabel, f"typed_text_{field}")
    return label if label is not None and label.isVisibleTo(dialog) else None


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_an_initiative_saved_by_another_analyst_while_its_form_is_open(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    initiative_id = _id_of(demo_db, Initiative, "P1-JIT")
    dialog = _open_edit_form(window, qtbot, "P1-JIT")
    assert dialog.name_edit.text() == "JobIntech"  # type: ignore[attr-defined]
    retype(qtbot, dialog.name_edit, "JobIntech (mine)")  # type: ignore[attr-defined]

    with second_database(demo_db) as other:  # Sara saves the same initiative meanwhile
        seen = get_initiative(other, initiative_id)
        theirs = replace(initiative_input(seen), name="JobIntech (Sara)", description="Sara's")
        as_analyst("Sara", lambda: update_initiative(other, seen.id, seen.version, theirs))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.general_error.isVisible())
    assert dialog.isVisible()  # the form stays open: nothing is lost
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    # The current values are shown, with what the analyst typed beside the field changed.
    assert dialog.name_edit.text() == "JobIntech (Sara)"  # type: ignore[attr-defined]
    assert dialog.description_edit.toPlainText() == "Sara's"  # type: ignore[attr-defined]
    typed = _typed(dialog, "name")
    assert typed is not None
    assert typed.text() == "You typed: JobIntech (mine)"
    # Fields the analyst left alone show Sara's values and offer nothing to put back.
    assert [f for f in dialog.editors if _typed(dialog, f) is not None] == ["name"]
    assert get_initiative(demo_db, initiative_id).name == "JobIntech (Sara)"
    # The window behind the form reloaded: the tree shows Sara's name too.
    qtbot.waitUntil(lambda: find_index(window.proxy, "P1-JIT").data(NameRole) == "JobIntech (Sara)")

    put_back = dialog.findChild(QPushButton, "put_back_name")
    qtbot.mouseClick(put_back, Qt.MouseButton.LeftButton)
    assert dialog.name_edit.text() == "JobIntech (mine)"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _typed(dialog, "name") is None)
    assert not dialog.reapply_button.isVisible()

    click_ok(qtbot, dialog)  # saved over Sara's version, keeping her description
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, window)
    saved = get_initiative(demo_db, initiative_id)
    assert (saved.name, saved.description) == ("JobIntech (mine)", "Sara's")


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_a_kpi_form_puts_every_typed_value_back_at_once(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    kpi_id = _id_of(demo_db, Kpi, "JIT-APP")
    dialog = _open_edit_form(window, qtbot, "JIT-APP")
    unit_before = dialog.unit_edit.text()  # type: ignore[attr-defined]
    retype(qtbot, dialog.name_edit, "Inscrits (moi)")  # type: ignore[attr-defined]
    retype(qtbot, dialog.unit_edit, "inscrits")  # type: ignore[attr-defined]

    with second_database(demo_db) as other:
        seen = get_kpi(other, kpi_id)
        theirs = replace(kpi_input(seen), name="Inscrits (Sara)")
        as_analyst("Sara", lambda: update_kpi(other, seen.id, seen.version, theirs))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.reapply_button.isVisible())
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    assert dialog.name_edit.text() == "Inscrits (Sara)"  # type: ignore[attr-defined]
    assert dialog.unit_edit.text() == unit_before  # type: ignore[attr-defined]
    name, unit = _typed(dialog, "name"), _typed(dialog, "unit")
    assert name is not None
    assert unit is not None
    assert (name.text(), unit.text()) == ("You typed: Inscrits (moi)", "You typed: inscrits")

    qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    assert dialog.name_edit.text() == "Inscrits (moi)"  # type: ignore[attr-defined]
    assert dialog.unit_edit.text() == "inscrits"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.reapply_button.isVisible())

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, window)
    saved = get_kpi(demo_db, kpi_id)
    assert (saved.name, saved.unit) == ("Inscrits (moi)", "inscrits")
    assert current_user() != "Sara"  # the save is the analyst's, in the audit log too


def test_a_cell_edited_after_another_analyst_changed_its_period(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """In place: the refusal under the table says who, when and what was typed; the table
    shows the current value; nothing is saved over it."""
    # The change lands between two looks of the window at the audit log (change_watcher):
    # the table still shows the value as it was read when the analyst types over it.
    window.changes.stop()
    _open(window, qtbot, "JIT-DIP")
    _unlock(window, qtbot, Q4, "Recount")
    page = window.kpi_page
    seen = page.measurements_model.row_at(Q4)
    assert seen.value == Decimal(234)
    with second_database(demo_db) as other:
        theirs = replace(measurement_input(seen), value=Decimal(250))
        as_analyst("Sara", lambda: update_measurement(other, seen.id, seen.version, theirs))
    count = window.undo_stack.count()

    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.VALUE)
    with qtbot.waitSignal(page.loaded, timeout=10_000):  # the page reloads the current values
        _type_and_enter(qtbot, editor, "300")
    wait_idle(qtbot, window)
    message = page.measurements_section.message
    assert message.isVisible()
    assert re.fullmatch(
        r"2024-Q4: Sara changed this record at \d{4}-\d\d-\d\d \d\d:\d\d, after you had opened "
        r"it: your change was not saved\. The table shows the current values; you had typed "
        r"300 in value\.",
        message.text(),
    ), message.text()
    assert page.measurements_model.index(Q4, MeasurementsModel.VALUE).data() == "250"
    assert get_measurement(demo_db, seen.id).value == Decimal(250)
    assert window.undo_stack.count() == count  # nothing to undo: nothing was saved


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_a_milestone_form_of_a_page_refills_and_puts_a_date_back(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """The forms of a page's tables get the same: here a date ticked and chosen."""
    with qtbot.waitSignal(window.initiative_page.loaded):
        click_node(qtbot, window.tree, "P1-JIT")
    wait_idle(qtbot, window)
    section = window.initiative_page.milestones
    row = section.model.row_at(3)  # Passage à l'échelle, not done
    table = section.table
    center = table.visualRect(section.model.index(3, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    dialog = section.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    done = dialog.done_edit  # type: ignore[attr-defined]
    qtbot.mouseClick(done.check, Qt.MouseButton.LeftButton)
    done.edit.setDate(QDate(2024, 12, 20))

    with second_database(demo_db) as other:
        seen = get_milestone(other, row.id)
        theirs = MilestoneInput("Passage à l'échelle (Sara)", seen.due_date, None, seen.note)
        as_analyst("Sara", lambda: update_milestone(other, seen.id, seen.version, theirs))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "done_date") is not None)
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    assert dialog.title_edit.text() == "Passage à l'échelle (Sara)"  # type: ignore[attr-defined]
    assert not done.check.isChecked()  # as stored
    typed = _typed(dialog, "done_date")
    assert typed is not None
    assert typed.text() == "You typed: 2024-12-20"
    assert _typed(dialog, "title") is None  # left alone: Sara's title stays

    qtbot.mouseClick(dialog.findChild(QPushButton, "put_back_done_date"), Qt.MouseButton.LeftButton)
    assert done.value() == date(2024, 12, 20)
    with qtbot.waitSignal(window.initiative_page.loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    saved = get_milestone(demo_db, row.id)
    assert (saved.title, saved.done_date) == ("Passage à l'échelle (Sara)", date(2024, 12, 20))


def test_a_period_recorded_by_another_analyst_while_the_form_is_open(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """Adding a period Sara recorded meanwhile: the form says who and when; one figure."""
    _open(window, qtbot, "JIT-APP")
    page = window.kpi_page
    kpi_id = _id_of(demo_db, Kpi, "JIT-APP")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    start = formats.from_qdate(dialog.start_edit.date())  # type: ignore[attr-defined]
    end = formats.from_qdate(dialog.end_edit.date())  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.value_edit, "400")  # type: ignore[attr-defined]

    with second_database(demo_db) as other:
        as_analyst(
            "Sara",
            lambda: record_measurement(other, kpi_id, MeasurementInput(start, end, Decimal(380))),
        )

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.general_error.isVisible())
    assert dialog.isVisible()
    period = period_label(start, end)
    assert re.fullmatch(
        rf"{period} of JIT-APP was recorded by Sara at \d{{4}}-\d\d-\d\d \d\d:\d\d meanwhile: "
        r"your figure was not saved; edit that measurement instead\.",
        dialog.general_error.text(),
    ), dialog.general_error.text()
    same = [m for m in list_measurements(demo_db, kpi_id) if m.period_start == start]
    assert [(m.value, m.entered_by) for m in same] == [(Decimal(380), "Sara")]


def test_a_target_set_by_another_analyst_while_the_form_is_open(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """The first target of a period, set by Sara meanwhile: the form shows hers, offers
    the analyst's back, and OK then changes hers (never a second original)."""
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    kpi_id = _id_of(demo_db, Kpi, "JIT-DIP")
    assert list_targets(demo_db, kpi_id) == []
    qtbot.mouseClick(page.targets_section.set_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    end = formats.from_qdate(dialog.period_end_edit.date())  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.value_edit, "700")  # type: ignore[attr-defined]

    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: set_target(other, kpi_id, end, Decimal(650)))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "value") is not None)
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    assert dialog.value_edit.text() == "650"  # type: ignore[attr-defined]
    typed = _typed(dialog, "value")
    assert typed is not None
    assert typed.text() == "You typed: 700"

    qtbot.mouseClick(dialog.findChild(QPushButton, "put_back_value"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert [(t.period_end, t.value) for t in list_targets(demo_db, kpi_id)] == [(end, Decimal(700))]


def test_a_breakdown_edited_after_another_analyst_changed_its_period(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """A form's own editor (the breakdown's grid) is carried across the reload too."""
    _open(window, qtbot, "JIT-DIP")
    _unlock(window, qtbot, Q4, "Recount")
    page = window.kpi_page
    seen = page.measurements_model.row_at(Q4)
    _double_click(qtbot, window, Q4, MeasurementsModel.BREAKDOWN)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    grid = dialog.grid  # type: ignore[attr-defined]
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    grid.set_cell(2, CATEGORY, "non déclaré")
    grid.set_cell(2, VALUE, "6")

    with second_database(demo_db) as other:
        theirs = replace(measurement_input(seen), value=Decimal(240))
        as_analyst("Sara", lambda: update_measurement(other, seen.id, seen.version, theirs))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "disaggregations") is not None)
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    assert grid.table.rowCount() == 2  # as stored: women 110, men 124
    typed = _typed(dialog, "disaggregations")
    assert typed is not None
    assert typed.text().endswith("; sexe · non déclaré: 6")

    qtbot.mouseClick(
        dialog.findChild(QPushButton, "put_back_disaggregations"), Qt.MouseButton.LeftButton
    )
    assert grid.table.rowCount() == 3
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    saved = get_measurement(demo_db, seen.id)
    assert saved.value == Decimal(240)  # Sara's value kept
    assert len(saved.disaggregations) == 3
