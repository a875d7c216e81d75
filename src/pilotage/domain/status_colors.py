"""The colour of each KPI status, as hex strings: one palette for the window and the reports.

Pure Python (no Qt), so that the Excel reports (`exchange/`) and the GUI draw a
status in exactly the same colour.
"""

from __future__ import annotations

from pilotage.domain.enums import KpiStatus

STATUS_COLORS: dict[KpiStatus, str] = {
    KpiStatus.ACHIEVED: "#1B5E20",  # dark green
    KpiStatus.ON_TRACK: "#43A047",  # green
    KpiStatus.AT_RISK: "#F2A900",  # amber
    KpiStatus.OFF_TRACK: "#D32F2F",  # red
    KpiStatus.NO_DATA: "#9E9E9E",  # grey
    KpiStatus.NOT_STARTED: "#D0D0D0",  # light grey
}

# Text drawn on a status colour: white where it reads, near-black on the light ones.
STATUS_TEXT_COLORS: dict[KpiStatus, str] = {
    KpiStatus.ACHIEVED: "#FFFFFF",
    KpiStatus.ON_TRACK: "#FFFFFF",
    KpiStatus.AT_RISK: "#212121",
    KpiStatus.OFF_TRACK: "#FFFFFF",
    KpiStatus.NO_DATA: "#FFFFFF",
    KpiStatus.NOT_STARTED: "#424242",
}


def argb(hex_color: str) -> str:
    """ "#1B5E20" -> "FF1B5E20", the opaque ARGB form openpyxl fills and fonts take."""
    return "FF" + hex_color.removeprefix("#").upper()
