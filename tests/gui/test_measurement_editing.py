"""The KPI page's measurements edited in place, as a person would: double-click or F2 on
a cell, type, Enter; the status from its drop-down; the breakdown in its dialog.
Each change is undoable, a refusal is said and saves nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from gui_support import DEMO_END, click_node, wait_idle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from pilotage.db.database import Database
from pilotage.domain.enums import MeasurementStatus
from pilotage.gui.dialogs.disaggregation_dialog import CATEGORY, DIMENSION, VALUE
from pilotage.gui.dialogs.reason_dialog import ReasonDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.qt import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    Qt,
    QWidget,
)
from pilotage.services.kpi_detail import kpi_detail
from pilotage.services.measurements import list_measurements
from pilotage.services.overview import program_trees

CTRL = Qt.KeyboardModifier.ControlModifier
Q4 = 2  # JIT-DIP's rows: 2024-Q2, 2024-Q3, 2024-Q4 (all validated in the demo)


@pytest.fixture(autouse=True)
def _say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
    )


def _open(window: MainWindow, qtbot: QtBot, code: str) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)


def _back_to(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _start_editing(qtbot: QtBot, window: MainWindow, row: int, column: int) -> QWidget:
    """Click the cell, press F2; the editor that opens has the focus."""
    _back_to(window, qtbot)
    table = window.kpi_page.measurements
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.indexWidget(index) is not None)
    editor = table.indexWidget(index)
    assert editor is not None
    assert QApplication.focusWidget() is editor
    return editor


def _double_click(qtbot: QtBot, window: MainWindow, row: int, column: int) -> None:
    _back_to(window, qtbot)
    table = window.kpi_page.measurements
    index = table.model().index(row, column)
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _type_and_enter(qtbot: QtBot, editor: QWidget, text: str) -> None:
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _reloaded(window: MainWindow, qtbot: QtBot) -> SignalBlocker:
    return qtbot.waitSignal(window.kpi_page.loaded, timeout=10_000)


def _unlock(window: MainWindow, qtbot: QtBot, row: int, reason: str) -> None:
    """Validated -> submitted from the status drop-down, with a reason."""
    page = window.kpi_page
    combo = _start_editing(qtbot, window, row, MeasurementsModel.STATUS)
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "validated"
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # submitted: chosen at once
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.reason_edit, reason)
    with _reloaded(window, qtbot):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.dialog is None)


def _status(window: MainWindow, row: int) -> MeasurementStatus:
    return window.kpi_page.measurements_model.row_at(row).status


def test_unlock_then_edit_a_value_in_place_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    model = page.measurements_model
    assert [model.row_at(r).label for r in range(3)] == ["2024-Q2", "2024-Q3", "2024-Q4"]
    assert "734" in page.actual.text()  # 240 + 260 + 234
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    # Validated: locked, the value cannot be edited.
    assert not model.flags(model.index(Q4, MeasurementsModel.VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert page.header.badge.text() == "On track"  # 734 / 800 = 91.8% ≥ 90% of expected

    _unlock(window, qtbot, Q4, "Jury report corrected")
    assert _status(window, Q4) is MeasurementStatus.SUBMITTED
    assert model.flags(model.index(Q4, MeasurementsModel.VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert window.undo_action.text().replace("&", "") == "Undo Set 2024-Q4 of JIT-DIP to Submitted"

    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.VALUE)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "234"  # the plain number, ready to be typed over
    with _reloaded(window, qtbot):
        _type_and_enter(qtbot, editor, "100")
    wait_idle(qtbot, window)
    # 240 + 260 + 100 = 600 of 800: 75%, under 90% but over 70% of expected.
    assert "600" in page.actual.text()
    assert page.header.badge.text() == "At risk"
    assert "240 + 260 + 100 = 600" in page.trace.text()
    assert [v for _, v in page.chart.actual_points()] == [240, 500, 600]
    assert model.index(Q4, MeasurementsModel.VALUE).data() == "100"
    assert page.measurements_title.text() == "Measurements (diplômés): 3"
    assert window.undo_action.text().replace("&", "") == "Undo Edit value of 2024-Q4 of JIT-DIP"

    _back_to(window, qtbot)
    with _reloaded(window, qtbot):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    assert "734" in page.actual.text()
    assert page.header.badge.text() == "On track"
    assert [v for _, v in page.chart.actual_points()] == [240, 500, 734]
    assert model.index(Q4, MeasurementsModel.VALUE).data() == "234"

    with _reloaded(window, qtbot):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    assert "600" in page.actual.text()
    assert page.header.badge.text() == "At risk"

    # Two undos: the edit, then the unlock; the period is validated again.
    for _ in range(2):
        with _reloaded(window, qtbot):
            qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
        wait_idle(qtbot, window)
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    assert "734" in page.actual.text()


def test_a_value_typed_as_an_analyst_types_it(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "JIT-DIP")
    _unlock(window, qtbot, Q4, "Recount")
    _double_click(qtbot, window, Q4, MeasurementsModel.VALUE)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    with _reloaded(window, qtbot):
        _type_and_enter(qtbot, editor, "1 000")
    wait_idle(qtbot, window)
    assert "1,500" in window.kpi_page.actual.text()  # 240 + 260 + 1000

    # A decimal comma, as in French: JIT-INS's 72% becomes 72.5%.
    _open(window, qtbot, "JIT-INS")
    _unlock(window, qtbot, 0, "Survey corrected")
    editor = _start_editing(qtbot, window, 0, MeasurementsModel.VALUE)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "72"
    with _reloaded(window, qtbot):
        _type_and_enter(qtbot, editor, "72,5")
    wait_idle(qtbot, window)
    assert window.kpi_page.actual.text() == "72.5%"
    assert window.kpi_page.measurements_model.row_at(0).value == Decimal("72.5")


def test_text_where_a_number_is_due_is_refused_and_saves_nothing(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-DIP")
    _unlock(window, qtbot, Q4, "Recount")
    page = window.kpi_page
    kpi_id = page.measurements_model.row_at(Q4).kpi_id
    before = list_measurements(demo_db, kpi_id)
    count = window.undo_stack.count()
    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.VALUE)
    _type_and_enter(qtbot, editor, "deux cents")
    message = page.measurements_section.message
    qtbot.waitUntil(message.isVisible)  # the delegate commits once the key is handled
    assert message.text() == "2024-Q4 · Value: is not a number"
    assert page.measurements_model.index(Q4, MeasurementsModel.VALUE).data() == "234"
    assert list_measurements(demo_db, kpi_id) == before
    assert window.undo_stack.count() == count
    assert not window.is_busy()  # nothing saved, nothing reloaded

    # What the service refuses is said the same way: a count is never negative.
    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.VALUE)
    _type_and_enter(qtbot, editor, "-5")
    qtbot.waitUntil(lambda: "negative" in message.text())
    assert message.text().startswith("2024-Q4 · Value: ")
    assert "negative" in message.text()
    assert list_measurements(demo_db, kpi_id) == before


def test_a_numerator_above_its_denominator_is_refused(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-TXD")
    page = window.kpi_page
    assert not page.measurements.isColumnHidden(MeasurementsModel.NUMERATOR)
    _unlock(window, qtbot, Q4, "Cohort recount")
    before = list_measurements(demo_db, page.measurements_model.row_at(Q4).kpi_id)
    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.NUMERATOR)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "234"
    _type_and_enter(qtbot, editor, "400")  # of 320 learners: over 100%
    qtbot.waitUntil(page.measurements_section.message.isVisible)
    assert "2024-Q4 · Numerator: must not exceed the denominator" in (
        page.measurements_section.message.text()
    )
    assert list_measurements(demo_db, before[0].kpi_id) == before

    editor = _start_editing(qtbot, window, Q4, MeasurementsModel.NUMERATOR)
    with _reloaded(window, qtbot):
        _type_and_enter(qtbot, editor, "256")  # 240 + 260 + 256 = 756 of 1,000
    wait_idle(qtbot, window)
    assert not page.measurements_section.message.isVisible()
    assert "75.6%" in page.actual.text()


def test_validate_a_period_then_it_is_locked(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    model = page.measurements_model
    _unlock(window, qtbot, Q4, "Recount")
    combo = _start_editing(qtbot, window, Q4, MeasurementsModel.STATUS)
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "submitted"
    with _reloaded(window, qtbot):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # validated
    wait_idle(qtbot, window)
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    locked = model.index(Q4, MeasurementsModel.VALUE)
    assert not model.flags(locked) & Qt.ItemFlag.ItemIsEditable
    assert "locked" in locked.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        not model.index(Q4, MeasurementsModel.STATUS).data(Qt.ItemDataRole.DecorationRole).isNull()
    )  # the lock

    # A double-click on the locked value opens no editor and says why.
    _double_click(qtbot, window, Q4, MeasurementsModel.VALUE)
    assert page.measurements.indexWidget(locked) is None
    assert "validated and locked" in page.measurements_section.message.text()

    # Its breakdown opens (from the button, the row selected) to be read, not changed.
    assert page.measurements_section.selected_measurement() == model.row_at(Q4)
    qtbot.mouseClick(page.measurements_section.breakdown_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    assert not dialog.grid.add_button.isEnabled()
    assert "locked" in dialog.heading.text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.dialog is None)


def test_unlocking_asks_a_reason_and_cancel_changes_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    combo = _start_editing(qtbot, window, Q4, MeasurementsModel.STATUS)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitExposed(dialog)
    # OK without a reason: the service's refusal, next to the field.
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert "required" in dialog.errors["reason"].text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.dialog is None)
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    assert window.undo_stack.count() == 0


def test_disaggregations_refused_by_the_service_show_why(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    _unlock(window, qtbot, Q4, "Recount")
    model = page.measurements_model
    assert model.index(Q4, MeasurementsModel.BREAKDOWN).data() == "sexe (2)"
    _double_click(qtbot, window, Q4, MeasurementsModel.BREAKDOWN)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    grid = dialog.grid
    assert grid.table.rowCount() == 2  # women 110, men 124 in the demo
    values = sorted(grid.table.item(r, VALUE).text() for r in range(2))
    assert values == ["110", "124"]
    assert not dialog.warning.isVisible()  # 110 + 124 = 234

    # A third row with the category of the first: the service refuses it.
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    assert grid.table.item(2, DIMENSION).text() == "sexe"
    grid.set_cell(2, CATEGORY, grid.table.item(0, CATEGORY).text())
    grid.set_cell(2, VALUE, "5")
    assert "add up to 239" in dialog.warning.text()  # said before saving
    kpi_id = model.row_at(Q4).kpi_id
    before = list_measurements(demo_db, kpi_id)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert "given twice" in dialog.errors["disaggregations"].text()
    assert list_measurements(demo_db, kpi_id) == before

    # A new category instead: saved, with the service's warning on the row.
    grid.set_cell(2, CATEGORY, "non déclaré")
    with _reloaded(window, qtbot):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.dialog is None)
    row = model.row_at(Q4)
    assert len(row.disaggregations) == 3
    assert row.warnings
    assert "add up to 239" in model.index(Q4, MeasurementsModel.BREAKDOWN).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert window.undo_action.text().replace("&", "") == (
        "Undo Edit disaggregations of 2024-Q4 of JIT-DIP"
    )
    _back_to(window, qtbot)
    with _reloaded(window, qtbot):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    assert len(model.row_at(Q4).disaggregations) == 2


def test_add_a_measurement_with_its_breakdown_and_evidence(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-APP")
    page = window.kpi_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.value_edit, "1 000")
    grid = dialog.disaggregations
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    grid.set_cell(0, DIMENSION, "sexe")
    grid.set_cell(0, CATEGORY, "femmes")
    grid.set_cell(0, VALUE, "400")
    assert "add up to 400" in dialog.warning.text()
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    grid.set_cell(1, CATEGORY, "hommes")
    grid.set_cell(1, VALUE, "600")
    assert not dialog.warning.isVisible()
    qtbot.keyClicks(dialog.evidence_edit, "https://example.org/registre-2024-q4.pdf")
    qtbot.keyClicks(dialog.comment_edit, "Cohorte D")
    with _reloaded(window, qtbot):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    last = page.measurements_model.row_at(3)
    assert last.label == "2024-Q4"  # after the three quarters of the demo
    assert last.value == Decimal(1000)
    assert last.evidence_link == "https://example.org/registre-2024-q4.pdf"
    assert [(d.category, d.value) for d in last.disaggregations] == [
        ("femmes", Decimal(400)),
        ("hommes", Decimal(600)),
    ]
    assert last.status is MeasurementStatus.DRAFT
    assert page.measurements_title.text() == "Measurements (apprenants): 4"
    assert "2,000" in page.actual.text()  # 330 + 350 + 320 + 1,000
    assert [v for _, v in page.chart.actual_points()] == [330, 680, 1000, 2000]


def test_add_edit_in_place_then_undo_both(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """Two commands on one row: each undo finds the row as the next command left it."""
    _open(window, qtbot, "JIT-APP")
    page = window.kpi_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.value_edit, "100")
    with _reloaded(window, qtbot):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.dialog is None)
    editor = _start_editing(qtbot, window, 3, MeasurementsModel.VALUE)  # the new draft
    with _reloaded(window, qtbot):
        _type_and_enter(qtbot, editor, "120")
    wait_idle(qtbot, window)
    assert "1,120" in page.actual.text()  # 330 + 350 + 320 + 120
    failures: list[str] = []
    window.edits.failed.connect(failures.append)
    for _ in range(2):
        _back_to(window, qtbot)
        with _reloaded(window, qtbot):
            qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
        wait_idle(qtbot, window)
    assert failures == []
    assert page.measurements_model.rowCount() == 3
    assert "1,000" in page.actual.text()
    kpi_id = page.measurements_model.row_at(0).kpi_id
    assert len(list_measurements(demo_db, kpi_id)) == 3


def test_the_editable_measurements_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    tree = program_trees(demo_db, DEMO_END)[0]
    kpi = next(k for k in tree.all_kpis() if k.code == "JIT-DIP")
    detail = kpi_detail(demo_db, kpi.id, DEMO_END)
    model = MeasurementsModel()
    asked: list[tuple[str, object]] = []
    model.set_edit_handler(lambda row, field, value: asked.append((field, value)))
    model.set_measurements(detail.kpi.measure, detail.kpi.unit, list(detail.measurements))
    qtmodeltester.check(model)
    value = model.index(0, MeasurementsModel.VALUE)
    status = model.index(0, MeasurementsModel.STATUS)
    assert value.data(Qt.ItemDataRole.EditRole) == "240"
    assert status.data(Qt.ItemDataRole.EditRole) == "validated"
    assert not model.flags(value) & Qt.ItemFlag.ItemIsEditable  # locked
    assert model.flags(status) & Qt.ItemFlag.ItemIsEditable  # to unlock
    assert not model.setData(value, "250")
    assert model.setData(status, "submitted") is False  # the handler saved nothing
    assert asked == [("status", MeasurementStatus.SUBMITTED)]
    assert model.index(0, MeasurementsModel.BREAKDOWN).data() == "sexe (2)"

    # Sorted in the model: by value, largest first; by status, in its order.
    model.sort(MeasurementsModel.VALUE, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, MeasurementsModel.VALUE).data() for r in range(3)] == [
        "260",
        "240",
        "234",
    ]
    qtmodeltester.check(model)
