"""The as-of date in the toolbar drives the tree's dots and the page shown."""

from __future__ import annotations

from datetime import date

from gui_support import MID_YEAR, click_node, find_index, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import KpiStatus
from pilotage.gui import formats
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import StatusRole
from pilotage.gui.qt import Qt
from pilotage.services.clock import local_today


def _type_date(qtbot: QtBot, window: MainWindow, day: date) -> None:
    """Tab into the date field and type the date's digits, then Enter, as a person would
    (the field moves to the next part of the date by itself)."""
    edit = window.as_of_edit
    text = formats.to_qdate(day).toString(edit.displayFormat())
    window.tree.setFocus()  # coming from the tree, as after picking a KPI
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # selects the first part of the date
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "".join(c for c in text if c.isdigit()))
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.as_of() == day


def test_an_earlier_date_changes_a_kpis_status_in_the_tree_and_on_its_page(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-INS")
    page = window.kpi_page
    assert page.header.badge.status is KpiStatus.ON_TRACK
    assert page.actual.text() == "72%"
    assert find_index(window.proxy, "JIT-INS").data(StatusRole) == "on_track"
    assert find_index(window.proxy, "P1-JIT").data(StatusRole) == "on_track"

    _type_date(qtbot, window, MID_YEAR)
    assert window.as_of() == MID_YEAR
    qtbot.waitUntil(lambda: page.header.badge.status is KpiStatus.NO_DATA)
    wait_idle(qtbot, window)
    # The placement survey of H2 is not in yet on 30 June.
    assert page.header.badge.text() == "No data"
    assert page.actual.text() == "—"
    assert page.trace.text().startswith("no data: no measurement up to 2024-06-30")
    assert page.measurements_model.rowCount() == 1  # the table lists every period
    assert "as of 2024-06-30" in page.header.kicker.text()
    # The tree did not rebuild (same nodes): the KPI stays selected, its dot changed.
    assert window.tree.currentIndex().data(StatusRole) == "no_data"
    assert find_index(window.proxy, "P1-JIT").data(StatusRole) == "off_track"

    _type_date(qtbot, window, date(2024, 12, 31))
    qtbot.waitUntil(lambda: page.header.badge.status is KpiStatus.ON_TRACK)
    assert find_index(window.proxy, "JIT-INS").data(StatusRole) == "on_track"


def test_the_date_drives_the_program_page_too(window: MainWindow, qtbot: QtBot) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")  # where the window opened already
    wait_idle(qtbot, window)
    counts = window.program_page.counts
    assert counts.count_text(KpiStatus.ACHIEVED) == "1"
    _type_date(qtbot, window, MID_YEAR)
    qtbot.waitUntil(lambda: counts.count_text(KpiStatus.ACHIEVED) == "0")
    assert counts.count_text(KpiStatus.ON_TRACK) == "6"
    assert counts.count_text(KpiStatus.OFF_TRACK) == "1"
    assert window.program_page.header.badge.status is KpiStatus.OFF_TRACK


def test_today_goes_back_to_the_current_date(window: MainWindow, qtbot: QtBot) -> None:
    button = window.toolbar.widgetForAction(window.today_action)
    assert button is not None
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.as_of() == local_today()
    assert formats.from_qdate(window.as_of_edit.date()) == local_today()
