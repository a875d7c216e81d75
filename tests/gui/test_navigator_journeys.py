"""Journeys through the navigator: reach a KPI, search, see each kind of page."""

from __future__ import annotations

import pytest
from gui_support import click_node, current_code, find_index, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import KpiStatus
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models import navigator_filter
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.models.navigator_model import CodeRole, StatusRole
from pilotage.gui.qt import QLineEdit, QModelIndex, Qt, QToolButton
from pilotage.gui.status import STATUS_COLORS


def test_reach_the_placement_rate_kpi_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree
    click_node(qtbot, tree, "CP-MTNRA-MNC")
    assert window.current_page() is window.program_page

    # Program -> its own KPI -> pillar P1 -> initiative P1-JIT (collapsed: open it) -> KPIs.
    steps = [
        (Qt.Key.Key_Down, "CP-PART"),
        (Qt.Key.Key_Down, "P1"),
        (Qt.Key.Key_Down, "P1-JIT"),
        (Qt.Key.Key_Right, "P1-JIT"),
        (Qt.Key.Key_Down, "JIT-APP"),
        (Qt.Key.Key_Down, "JIT-DIP"),
    ]
    for key, expected in steps:
        qtbot.keyClick(tree, key)
        assert current_code(tree) == expected
    with qtbot.waitSignal(window.kpi_page.loaded):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert current_code(tree) == "JIT-INS"

    page = window.kpi_page
    assert window.current_page() is page
    assert page.header.title.text() == "JIT-INS  Taux d'insertion dans l'emploi"
    assert page.header.kicker.text().startswith("KPI · CP-MTNRA-MNC / P1 / P1-JIT")
    assert page.header.badge.text() == "On track"
    assert STATUS_COLORS[KpiStatus.ON_TRACK] in page.header.badge.styleSheet()
    assert page.actual.text() == "72%"
    assert "latest value, period 2024-H2: 72%" in page.trace.text()
    assert page.trace.text().startswith("on track: progress 96%")
    model = page.measurements_model
    assert model.rowCount() == 1
    # A table column: one decimal, so that the percentages line up.
    assert model.index(0, MeasurementsModel.VALUE).data() == "72.0%"
    alignment = model.index(0, MeasurementsModel.VALUE).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert page.measurements.isColumnHidden(MeasurementsModel.NUMERATOR)


def test_a_ratio_kpi_shows_its_numerators_and_denominators(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-TXD")
    page = window.kpi_page
    assert page.actual.text() == "73.4%"
    assert not page.measurements.isColumnHidden(MeasurementsModel.DENOMINATOR)
    values = [
        page.measurements_model.index(row, column).data()
        for row in range(page.measurements_model.rowCount())
        for column in (MeasurementsModel.NUMERATOR, MeasurementsModel.DENOMINATOR)
    ]
    assert values == ["240", "330", "260", "350", "234", "320"]
    assert "(240 + 260 + 234) / (330 + 350 + 320) = 73.4%" in page.trace.text()


def _visible_codes(window: MainWindow) -> set[str]:
    """Every code the filter lets through, branches fetched as expanding them would."""
    proxy, codes = window.proxy, set()

    def walk(parent: QModelIndex) -> None:
        while proxy.canFetchMore(parent):
            proxy.fetchMore(parent)
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            codes.add(index.data(CodeRole))
            walk(index)

    walk(QModelIndex())
    return codes


def _clear_button(search: QLineEdit) -> QToolButton:
    buttons = [b for b in search.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1
    return buttons[0]


def test_the_search_box_filters_the_tree_and_clearing_restores_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    everything = _visible_codes(window)
    assert {"P1", "P2", "P3", "P2-ACC", "VEI-NOT"} <= everything

    with qtbot.waitSignal(window.search_applied):  # once the typing pauses
        qtbot.keyClicks(window.search, "JobIntech")
    assert window.statusBar().currentMessage() == "1 match"
    shown = _visible_codes(window)
    # The match, its ancestors and its KPIs; nothing of the other pillars.
    assert shown == {
        "CP-MTNRA-MNC",
        "P1",
        "P1-JIT",
        "JIT-APP",
        "JIT-DIP",
        "JIT-INS",
        "JIT-TXD",
    }
    jit = find_index(window.proxy, "JIT-INS")
    assert window.tree.visualRect(jit).isValid()  # opened, so the matches show

    with qtbot.waitSignal(window.search_applied):
        qtbot.mouseClick(_clear_button(window.search), Qt.MouseButton.LeftButton)
    assert window.search.text() == ""
    assert _visible_codes(window) == everything


def test_the_search_ignores_case_and_accents(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.search_applied):
        qtbot.keyClicks(window.search, "ecosysteme startups")
    assert {"P2"} <= _visible_codes(window)
    assert "P1" not in _visible_codes(window)
    window.search.clear()
    with qtbot.waitSignal(window.search_applied):
        qtbot.keyClicks(window.search, "jit-ins")
    assert _visible_codes(window) == {"CP-MTNRA-MNC", "P1", "P1-JIT", "JIT-INS"}


def test_search_then_enter_then_arrows_reach_a_kpi(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.search, "taux d'insertion")
    with qtbot.waitSignal(window.search_applied, timeout=100):  # Enter: at once
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert current_code(window.tree) == "CP-MTNRA-MNC"  # Enter goes to the first match
    for _ in range(3):  # program -> P1 -> P1-JIT -> JIT-INS
        qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert current_code(window.tree) == "JIT-INS"
    wait_idle(qtbot, window)
    assert window.kpi_page.header.badge.text() == "On track"


def test_each_kind_of_node_shows_its_page(window: MainWindow, qtbot: QtBot) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")  # where the window opened already
    wait_idle(qtbot, window)
    program = window.program_page
    assert program.reference.text() == "CP-MTNRA-MNC"
    assert program.total_budget.text() == "30,000,000.00 MAD"
    assert program.counts.count_text(KpiStatus.ON_TRACK) == "5"
    assert program.counts.count_text(KpiStatus.AT_RISK) == "3"
    assert program.parties_model.rowCount() == 3
    assert program.parties_model.index(0, 2).data() == "Ghita Mezzour"
    assert program.parties_model.index(1, 0).data() == "Contractor"

    with qtbot.waitSignal(window.pillar_page.loaded):
        click_node(qtbot, window.tree, "P2")
    pillar = window.pillar_page
    assert window.current_page() is pillar
    assert pillar.header.badge.text() == "At risk"
    assert pillar.initiatives_model.rowCount() == 2
    assert pillar.objective.text() != ""

    with qtbot.waitSignal(window.initiative_page.loaded):
        click_node(qtbot, window.tree, "P1-JIT")
    initiative = window.initiative_page
    assert window.current_page() is initiative
    assert initiative.lead.text() == "Maroc Numeric Cluster (MNC)"
    assert initiative.partners.text() == "Caisse de Dépôt et de Gestion (CDG)"
    assert initiative.kpis_model.rowCount() == 4
    assert initiative.budget_model.index(0, 1).data() == "4,000,000.00"
    assert initiative.milestones_model.rowCount() == 4
    # The tree's status of P1-JIT is the one its page shows.
    index = find_index(window.proxy, "P1-JIT")
    assert index.data(StatusRole) == KpiStatus.ON_TRACK.value


def test_the_search_waits_for_a_pause_in_the_typing(window: MainWindow, qtbot: QtBot) -> None:
    applied: list[bool] = []
    window.search_applied.connect(lambda: applied.append(True))
    qtbot.keyClicks(window.search, "JobIntech")
    assert applied == []  # nothing filtered at each key
    assert "P2" in _visible_codes(window)
    qtbot.waitUntil(lambda: applied == [True])  # once, after the last key
    assert "P2" not in _visible_codes(window)


def test_a_search_matching_much_opens_only_the_first_matches(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(navigator_filter, "REVEAL_LIMIT", 2)
    # P1-JIT and its four KPIs match "jit"; only the first two are handed to the view.
    with qtbot.waitSignal(window.search_applied):
        qtbot.keyClicks(window.search, "jit")
    assert window.proxy.match_count() == 5
    assert len(window.proxy.revealed_matches()) == 2
    assert window.statusBar().currentMessage() == (
        "5 matches; the first 2 shown — refine the search"
    )
    assert {"P1-JIT", "JIT-APP"} <= _visible_codes(window)
