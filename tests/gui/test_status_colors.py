"""One palette of status colours, in the domain, for the window and the reports alike."""

from __future__ import annotations

import re
import subprocess
import sys

from pytestqt.qtbot import QtBot

from pilotage.domain import status_colors
from pilotage.domain.enums import KpiStatus
from pilotage.gui import status


def test_every_status_has_a_colour_and_a_text_colour() -> None:
    hex_color = re.compile(r"^#[0-9A-F]{6}$")
    for kpi_status in KpiStatus:
        assert hex_color.match(status_colors.STATUS_COLORS[kpi_status]), kpi_status
        assert hex_color.match(status_colors.STATUS_TEXT_COLORS[kpi_status]), kpi_status
    assert len(set(status_colors.STATUS_COLORS.values())) == len(KpiStatus)  # all distinct


def test_the_window_uses_the_domains_colours() -> None:
    assert status.STATUS_COLORS is status_colors.STATUS_COLORS
    assert status.STATUS_TEXT_COLORS is status_colors.STATUS_TEXT_COLORS
    for kpi_status in KpiStatus:
        assert (
            status.status_color(kpi_status).name().upper()
            == (status_colors.STATUS_COLORS[kpi_status])
        )


def test_the_colours_load_without_qt() -> None:
    """The Excel reports may not import Qt: the palette module must not pull it in."""
    code = (
        "import sys; import pilotage.domain.status_colors as s; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "print(s.argb(s.STATUS_COLORS[s.KpiStatus.OFF_TRACK]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "FFD32F2F"


def test_no_data_is_a_grey_ring_and_not_started_a_light_grey_disc(qtbot: QtBot) -> None:
    """Both greys in the tree: the shape tells them apart, the colours stay the reports'."""
    no_data = status.status_icon(KpiStatus.NO_DATA).pixmap(16, 16).toImage()
    not_started = status.status_icon(KpiStatus.NOT_STARTED).pixmap(16, 16).toImage()
    # The dot spans 3.5 to 12.5 px: its centre is (8, 8), its left edge at x = 3.5.
    assert no_data.pixelColor(8, 8).alpha() == 0  # hollow
    assert no_data.pixelColor(3, 8).name().upper() == status_colors.STATUS_COLORS[KpiStatus.NO_DATA]
    centre = not_started.pixelColor(8, 8)
    assert centre.alpha() == 255
    assert centre.name().upper() == status_colors.STATUS_COLORS[KpiStatus.NOT_STARTED]
