"""A form saved over a record another analyst deleted meanwhile: the form says who
deleted it and when, in the window's words, and OK is disabled (nothing can be saved
over it); Cancel closes it."""

from __future__ import annotations

import re

import pytest
from editing_support import POPUP_LOG, click_ok, retype
from pytestqt.qtbot import QtBot
from test_edit_conflicts import _id_of, _open_edit_form

from pilotage.db.database import Database
from pilotage.db.schema import Kpi
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QDialogButtonBox, Qt
from pilotage.services.kpis import delete_kpi, get_kpi
from two_analysts import as_analyst, second_database


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_a_kpi_form_saved_after_another_analyst_deleted_the_kpi(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    kpi_id = _id_of(demo_db, Kpi, "JIT-APP")
    dialog = _open_edit_form(window, qtbot, "JIT-APP")
    retype(qtbot, dialog.name_edit, "Graduates (mine)")  # type: ignore[attr-defined]
    with second_database(demo_db) as other:
        seen = get_kpi(other, kpi_id)
        as_analyst("Sara", lambda: delete_kpi(other, seen.id, seen.version))

    click_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    assert dialog.isVisible()
    assert re.fullmatch(
        r"Sara deleted this record at \S+ \d\d:\d\d\.", dialog.general_error.text()
    ), dialog.general_error.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
