"""The program page's watch lists: late milestones and KPIs with quality flags, each
leading to its initiative's or KPI's page."""

from __future__ import annotations

from datetime import date

from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole, NodeKind
from pilotage.gui.pages.widgets import COLUMN_PADDING, TableView
from pilotage.gui.qt import QModelIndex, Qt

LATE_DAY = date(2025, 12, 31)  # two milestones overdue, two KPIs with overdue measurements


def _cell_texts(table: TableView) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _double_click(qtbot: QtBot, table: TableView, row: int) -> None:
    """Press then double-click, as a real double-click arrives (a bare double-click event
    on a row never pressed is ignored by Qt's views)."""
    rect = table.visualRect(table.model().index(row, 1))
    assert rect.isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _on_late_day(window: MainWindow, qtbot: QtBot) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.program_page.loaded):
        window.set_as_of(LATE_DAY)
    wait_idle(qtbot, window)


def test_at_the_end_of_the_pilot_nothing_is_late_or_flagged(
    window: MainWindow, qtbot: QtBot
) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, window)
    page = window.program_page
    assert page.late_model.rowCount() == 0
    assert not page.late.isVisible()
    assert page.no_late.isVisible()
    assert page.late_title.text() == "Late milestones: 0"
    assert page.flagged_model.rowCount() == 0
    assert page.no_flagged.isVisible()


def test_late_milestones_and_flagged_kpis_as_of_the_date(window: MainWindow, qtbot: QtBot) -> None:
    _on_late_day(window, qtbot)
    page = window.program_page
    assert page.late.isVisible()
    assert not page.no_late.isVisible()
    assert page.late_title.text() == "Late milestones: 2"
    assert _cell_texts(page.late) == [
        ["P1-VIV", "Cartographie des initiatives partenaires", "2025-03-31", "275"],
        ["P1-JIT", "Passage à l'échelle : cahier des charges", "2025-09-30", "92"],
    ]
    assert page.flagged_title.text() == "KPIs with quality flags: 2"
    rows = _cell_texts(page.flagged)
    assert [r[0] for r in rows] == ["JIT-APP", "JIT-INS"]
    assert {r[2] for r in rows} == {"Overdue measurement"}  # words, not identifiers
    # Days late line up on the right, as numbers do.
    alignment = page.late_model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    # The title takes the spare room; the days late stay next to their due date.
    header = page.late.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[1] == max(widths)
    # "Days late" is wider than its numbers: the column is its header plus the air.
    assert widths[3] == header.sectionSizeHint(3) + COLUMN_PADDING


def test_double_click_or_enter_asks_to_go_there(window: MainWindow, qtbot: QtBot) -> None:
    _on_late_day(window, qtbot)
    page = window.program_page
    page.ensureWidgetVisible(page.late)
    viv = page.late_model.row_at(0)
    with qtbot.waitSignal(page.navigate_requested) as asked:
        _double_click(qtbot, page.late, 0)
    assert asked.args == ["initiative", viv.initiative_id]
    assert asked.args[0] == NodeKind.INITIATIVE

    page.ensureWidgetVisible(page.flagged)
    ins = page.flagged_model.row_at(1)
    with qtbot.waitSignal(page.navigate_requested) as asked:
        _double_click(qtbot, page.flagged, 1)
    assert asked.args == ["kpi", ins.id]

    # The keyboard too: Enter on the current row.
    page.flagged.setFocus()
    page.flagged.setCurrentIndex(page.flagged_model.index(0, 0))
    with qtbot.waitSignal(page.navigate_requested) as asked:
        qtbot.keyClick(page.flagged, Qt.Key.Key_Return)
    assert asked.args == ["kpi", page.flagged_model.row_at(0).id]


def test_a_dashboard_row_selects_its_node_in_the_tree(window: MainWindow, qtbot: QtBot) -> None:
    _on_late_day(window, qtbot)
    page = window.program_page
    window.search.setText("zzz-no-match")  # even when the tree is filtered
    page.ensureWidgetVisible(page.flagged)
    with qtbot.waitSignal(window.kpi_page.loaded):
        _double_click(qtbot, page.flagged, 1)
    assert window.current_page() is window.kpi_page
    assert window.tree.currentIndex().data(CodeRole) == "JIT-INS"
    assert window.kpi_page.header.title.text().startswith("JIT-INS")
    assert window.tree.currentIndex() != QModelIndex()
