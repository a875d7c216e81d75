"""The record forms: filled with what is stored, enum labels translated, numbers and
percentages read as typed, each refusal shown next to its field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from editing_support import back_to, click_ok, open_form, retype
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import Aggregation, Frequency, InitiativeStatus, Measure, ProgramStatus
from pilotage.gui.dialogs.kpi_dialog import KpiDialog
from pilotage.gui.dialogs.program_dialog import ProgramDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import Qt
from pilotage.services.kpis import KpiInput, list_kpis
from pilotage.services.programs import ProgramInput, list_programs


def _edit(window: MainWindow, qtbot: QtBot, code: str) -> None:
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)


def test_the_initiative_form_opens_with_its_lead_partners_status_and_budget(
    window: MainWindow, qtbot: QtBot
) -> None:
    _edit(window, qtbot, "P1-JIT")
    dialog = open_form(window, qtbot)
    assert dialog.windowTitle() == "Edit initiative P1-JIT"
    assert dialog.lead_combo.currentText() == "Maroc Numeric Cluster (MNC)"
    # The three organizations of the demo, by name; CDG is JobIntech's partner.
    partners = dialog.partners_list
    ticked = [
        partners.item(row).text()
        for row in range(partners.count())
        if partners.item(row).checkState() == Qt.CheckState.Checked
    ]
    assert partners.count() == 3
    assert ticked == ["Caisse de Dépôt et de Gestion (CDG)"]
    assert dialog.status_combo.currentText() == "Running"
    assert dialog.collect().status is InitiativeStatus.RUNNING
    assert dialog.budget_edit.text() == "12000000"
    assert dialog.start_edit.value() == date(2024, 1, 1)
    assert dialog.end_edit.value() == date(2026, 12, 31)


def test_an_unreadable_budget_is_shown_next_to_its_field(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _edit(window, qtbot, "P1-JIT")
    dialog = open_form(window, qtbot)
    retype(qtbot, dialog.budget_edit, "douze millions")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["planned_budget"].isVisible()
    assert dialog.errors["planned_budget"].text() == "is not a number"
    assert window.undo_stack.count() == 0


def test_the_kpi_form_shows_translated_choices_and_thresholds_as_percentages(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _edit(window, qtbot, "JIT-TXD")
    dialog = open_form(window, qtbot)
    assert dialog.measure_combo.currentText() == "Ratio"
    assert dialog.aggregation_combo.currentText() == "Sum of periods"
    assert dialog.frequency_combo.currentText() == "Quarterly"
    assert dialog.direction_combo.currentText() == "Increase"
    assert dialog.target_edit.text() == "0.8"
    assert dialog.unit_edit.text() == "%"
    assert dialog.responsible_combo.currentText() == "Maroc Numeric Cluster (MNC)"
    assert dialog.green_edit.text() == ""  # the engine's defaults
    qtbot.keyClicks(dialog.green_edit, "92.5")
    qtbot.keyClicks(dialog.amber_edit, "75")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    kpi = next(k for k in list_kpis(demo_db, 1) if k.code == "JIT-TXD")
    assert (kpi.green, kpi.amber) == (Decimal("0.925"), Decimal("0.75"))

    back_to(window, qtbot)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    dialog = open_form(window, qtbot)
    assert (dialog.green_edit.text(), dialog.amber_edit.text()) == ("92.5", "75")


def test_a_ratio_cannot_be_averaged_and_a_threshold_stays_within_100(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _edit(window, qtbot, "JIT-TXD")
    dialog = open_form(window, qtbot)
    combo = dialog.aggregation_combo
    combo.setCurrentIndex(combo.findData(Aggregation.AVERAGE))
    qtbot.keyClicks(dialog.green_edit, "120")
    click_ok(qtbot, dialog)
    # The form's own check first: nothing reaches the service while a field is unreadable.
    assert dialog.errors["green"].text() == "must be above 0 and at most 100"
    assert not dialog.errors["aggregation"].isVisible()
    retype(qtbot, dialog.green_edit, "90")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "a ratio is never averaged" in dialog.errors["aggregation"].text()
    assert not dialog.errors["green"].isVisible()
    kpi = next(k for k in list_kpis(demo_db, 1) if k.code == "JIT-TXD")
    assert (kpi.aggregation, kpi.green) == (Aggregation.SUM, None)


def test_a_program_ending_before_it_starts_is_refused_on_the_end_date(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _edit(window, qtbot, "CP-MTNRA-MNC")
    dialog = open_form(window, qtbot)
    assert isinstance(dialog, ProgramDialog)
    assert dialog.reference_edit.text() == "CP-MTNRA-MNC"
    assert dialog.status_combo.currentText() == "Active"
    assert dialog.signed_edit.value() == date(2024, 11, 15)
    assert dialog.budget_edit.text() == "30000000"
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["end_date"].text() == "must not be before the start"
    assert list_programs(demo_db)[0].end_date == date(2026, 12, 31)


def test_a_new_program_starts_blank_with_this_year_and_is_saved_whole(
    qtbot: QtBot,
) -> None:
    saved: list[ProgramInput] = []
    dialog = ProgramDialog("New program", saved.append)
    qtbot.addWidget(dialog)
    year = date.today().year  # noqa: DTZ011 - the form's own default
    assert dialog.start_edit.date().toPython() == date(year, 1, 1)
    assert dialog.collect().status is ProgramStatus.DRAFT
    qtbot.keyClicks(dialog.reference_edit, "CP-TEST")
    qtbot.keyClicks(dialog.title_edit, "Programme test")
    assert dialog.currency_edit.text() == "MAD"  # the default of the service
    retype(qtbot, dialog.currency_edit, "eur")
    qtbot.keyClicks(dialog.budget_edit, "1 500 000")
    dialog.accept()
    assert saved == [
        ProgramInput(
            reference="CP-TEST",
            title="Programme test",
            start_date=date(year, 1, 1),
            end_date=date(year, 12, 31),
            currency="EUR",
            total_budget=Decimal(1500000),
        )
    ]


def test_amber_above_green_is_refused_by_the_form(qtbot: QtBot) -> None:
    saved: list[KpiInput] = []
    dialog = KpiDialog("New KPI", "", saved.append, [])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_edit, "K1")
    qtbot.keyClicks(dialog.name_edit, "Un indicateur")
    qtbot.keyClicks(dialog.green_edit, "80")
    qtbot.keyClicks(dialog.amber_edit, "85")
    dialog.accept()
    assert saved == []
    assert dialog.errors["amber"].text() == "must not be above the green threshold"
    assert dialog.choice(dialog.measure_combo) == Measure.COUNT
    assert dialog.choice(dialog.frequency_combo) == Frequency.QUARTERLY
