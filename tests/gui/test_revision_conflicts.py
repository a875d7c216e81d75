"""Forms that add to a record rather than overwrite it, refused when another analyst
changed it meanwhile: a target's revision (over the latest target the form showed) and
the reason asked to reopen a validated period. Each says who and when, refills from
what is stored, and offers back what the analyst typed.

The other analyst is another `Database` on the run's database (see two_analysts.py).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from editing_support import click_ok, retype
from pytestqt.qtbot import QtBot
from test_edit_conflicts import SARA_CHANGED, _id_of, _typed
from test_measurement_editing import Q4, _open, _start_editing

from pilotage.db.database import Database
from pilotage.db.schema import Kpi
from pilotage.domain.enums import MeasurementStatus
from pilotage.gui import formats
from pilotage.gui.dialogs.reason_dialog import ReasonDialog
from pilotage.gui.dialogs.target_dialog import RevisionDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.qt import QComboBox, QPushButton, Qt
from pilotage.services.kpis import get_kpi
from pilotage.services.measurements import get_measurement, set_measurement_status
from pilotage.services.targets import list_targets, revise_target, set_target
from two_analysts import as_analyst, second_database

# "The target of 31/12/2025 of JIT-DIP was changed by Sara at 2026-12-01 10:42, after …"
SARA_REVISED = re.compile(
    r"^The target of \S+ of JIT-DIP was changed by Sara at \S+ \d\d:\d\d, after you had "
    r"opened this form: your revision was not saved\. The form now shows the current "
    r"values; what you typed is shown under each field that differs\.$"
)


def test_a_revision_made_by_another_analyst_while_the_form_is_open(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """Sara revises the period first: the analyst's revision is refused (it would have
    silently superseded hers), the form shows her figure, and OK after putting the
    analyst's values back adds the next revision over hers."""
    kpi_id = _id_of(demo_db, Kpi, "JIT-DIP")
    end = get_kpi(demo_db, kpi_id).target_date
    assert end is not None
    set_target(demo_db, kpi_id, end, Decimal(700))
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    qtbot.mouseClick(page.targets_section.revise_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RevisionDialog)
    qtbot.waitExposed(dialog)
    assert dialog.value_edit.text() == "700"
    retype(qtbot, dialog.value_edit, "600")
    qtbot.keyClicks(dialog.reason_edit, "Fewer places funded")

    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: revise_target(other, kpi_id, end, Decimal(650), "Sara's"))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "value") is not None)
    assert dialog.isVisible()
    assert SARA_REVISED.match(dialog.general_error.text()), dialog.general_error.text()
    assert dialog.value_edit.text() == "650"  # Sara's revision, now in force
    assert dialog.reason_edit.toPlainText() == ""
    value, reason = _typed(dialog, "value"), _typed(dialog, "reason")
    assert value is not None
    assert reason is not None
    assert (value.text(), reason.text()) == (
        "You typed: 600",
        "You typed: Fewer places funded",
    )
    assert [(t.revision, t.value) for t in list_targets(demo_db, kpi_id)] == [
        (0, Decimal(700)),
        (1, Decimal(650)),
    ]

    qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    assert dialog.value_edit.text() == "600"
    assert dialog.reason_edit.toPlainText() == "Fewer places funded"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.dialog is None)
    saved = list_targets(demo_db, kpi_id)
    assert [(t.revision, t.value, t.reason) for t in saved][1:] == [
        (1, Decimal(650), "Sara's"),
        (2, Decimal(600), "Fewer places funded"),
    ]


def _start_unlock(window: MainWindow, qtbot: QtBot) -> ReasonDialog:
    """Validated -> submitted from the status drop-down: the form asks why."""
    combo = _start_editing(qtbot, window, Q4, MeasurementsModel.STATUS)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # submitted: chosen at once
    dialog = window.kpi_page.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.reason_edit, "Recount")
    return dialog


def test_an_unlock_after_another_analyst_reopened_and_validated_the_period_again(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-DIP")
    seen = window.kpi_page.measurements_model.row_at(Q4)
    dialog = _start_unlock(window, qtbot)

    with second_database(demo_db) as other:  # Sara reopens Q4, then validates it again

        def reopen_and_validate() -> None:
            row = set_measurement_status(
                other, seen.id, seen.version, MeasurementStatus.SUBMITTED, "Sara's check"
            )
            set_measurement_status(other, row.id, row.version, MeasurementStatus.VALIDATED)

        as_analyst("Sara", reopen_and_validate)

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "reason") is not None)
    assert SARA_CHANGED.match(dialog.general_error.text()), dialog.general_error.text()
    typed = _typed(dialog, "reason")
    assert typed is not None
    assert typed.text() == "You typed: Recount"
    assert get_measurement(demo_db, seen.id).status is MeasurementStatus.VALIDATED

    qtbot.mouseClick(dialog.findChild(QPushButton, "put_back_reason"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.kpi_page.loaded, timeout=10_000):
        click_ok(qtbot, dialog)  # saved over Sara's validation
    qtbot.waitUntil(lambda: window.kpi_page.dialog is None)
    assert get_measurement(demo_db, seen.id).status is MeasurementStatus.SUBMITTED


def test_an_unlock_after_another_analyst_reopened_the_period(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """Reopened by Sara already: nothing is left to unlock, and the form says so."""
    _open(window, qtbot, "JIT-DIP")
    seen = window.kpi_page.measurements_model.row_at(Q4)
    dialog = _start_unlock(window, qtbot)
    with second_database(demo_db) as other:
        as_analyst(
            "Sara",
            lambda: set_measurement_status(
                other, seen.id, seen.version, MeasurementStatus.SUBMITTED, "Sara's check"
            ),
        )

    click_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    assert dialog.general_error.text().startswith("Sara changed this record at "), (
        dialog.general_error.text()
    )
    assert "no longer validated" in dialog.general_error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.kpi_page.dialog is None)
    after = get_measurement(demo_db, seen.id)
    assert (after.status, after.version) == (MeasurementStatus.SUBMITTED, seen.version + 1)


def test_a_revision_of_another_period_than_the_form_opened_on(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """The analyst moves the form to 2024-09-30 and types 250; Sara revises that period
    to 280 meanwhile. The refused form shows 2024-09-30 with her 280, not the period it
    opened on, and the analyst's 250 is saved over hers only once put back."""
    kpi_id = _id_of(demo_db, Kpi, "JIT-DIP")
    end = get_kpi(demo_db, kpi_id).target_date
    assert end == date(2024, 12, 31)
    q3 = date(2024, 9, 30)
    set_target(demo_db, kpi_id, end, Decimal(700))
    set_target(demo_db, kpi_id, q3, Decimal(300))
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    page.targets_section.table.clearSelection()  # the form opens on the final target's date
    qtbot.mouseClick(page.targets_section.revise_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RevisionDialog)
    qtbot.waitExposed(dialog)
    assert formats.from_qdate(dialog.period_end_edit.date()) == end
    dialog.period_end_edit.setDate(formats.to_qdate(q3))
    retype(qtbot, dialog.value_edit, "250")
    qtbot.keyClicks(dialog.reason_edit, "Slower intake")

    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: revise_target(other, kpi_id, q3, Decimal(280), "Sara's"))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "value") is not None)
    assert SARA_REVISED.match(dialog.general_error.text()), dialog.general_error.text()
    assert formats.from_qdate(dialog.period_end_edit.date()) == q3
    assert dialog.value_edit.text() == "280"  # Sara's revision of that period
    assert _typed(dialog, "period_end") is None  # the period is the one the analyst chose

    qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert [(t.revision, t.value) for t in list_targets(demo_db, kpi_id) if t.period_end == q3] == [
        (0, Decimal(300)),
        (1, Decimal(280)),
        (2, Decimal(250)),
    ]


def test_a_revision_after_another_analyst_changed_the_original(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    """The form shows the original, 700; Sara changes that original to 750: the revision
    typed over the 700 is refused instead of silently standing over her 750."""
    kpi_id = _id_of(demo_db, Kpi, "JIT-DIP")
    end = get_kpi(demo_db, kpi_id).target_date
    assert end is not None
    original = set_target(demo_db, kpi_id, end, Decimal(700))
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    qtbot.mouseClick(page.targets_section.revise_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RevisionDialog)
    qtbot.waitExposed(dialog)
    retype(qtbot, dialog.value_edit, "600")
    qtbot.keyClicks(dialog.reason_edit, "Fewer places funded")
    with second_database(demo_db) as other:
        as_analyst(
            "Sara",
            lambda: set_target(other, kpi_id, end, Decimal(750), version=original.version),
        )

    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: _typed(dialog, "value") is not None)
    assert SARA_REVISED.match(dialog.general_error.text()), dialog.general_error.text()
    assert dialog.value_edit.text() == "750"
    assert [(t.revision, t.value) for t in list_targets(demo_db, kpi_id)] == [(0, Decimal(750))]
