"""KPI status colours, translated labels and the round dot the navigator draws.

The colours themselves live in `pilotage.domain.status_colors` (no Qt there), so
that the Excel reports use exactly the same ones as the window.
"""

from __future__ import annotations

from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS, STATUS_TEXT_COLORS
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QRectF,
    Qt,
    translate,
)

__all__ = [
    "HOLLOW_STATUSES",
    "STATUS_COLORS",
    "STATUS_TEXT_COLORS",
    "status_color",
    "status_icon",
    "status_label",
]

_CONTEXT = "Status"
_LABELS: dict[KpiStatus, str] = {
    KpiStatus.ACHIEVED: QT_TRANSLATE_NOOP("Status", "Achieved"),
    KpiStatus.ON_TRACK: QT_TRANSLATE_NOOP("Status", "On track"),
    KpiStatus.AT_RISK: QT_TRANSLATE_NOOP("Status", "At risk"),
    KpiStatus.OFF_TRACK: QT_TRANSLATE_NOOP("Status", "Off track"),
    KpiStatus.NO_DATA: QT_TRANSLATE_NOOP("Status", "No data"),
    KpiStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Status", "Not started"),
}

# No data is a ring, not a disc: beside "not started" (light grey) a grey disc was
# hard to tell apart. The colours stay the reports'; only the shape differs.
HOLLOW_STATUSES = frozenset({KpiStatus.NO_DATA})
_DOT_SIZES = (16, 32)  # the tree's icon size, and twice that for high-DPI screens
_icons: dict[KpiStatus, QIcon] = {}


def status_label(status: KpiStatus) -> str:
    """The status as a person reads it, in the interface language."""
    # Translated at each call, not at import, so that a language switch takes effect.
    return translate(_CONTEXT, _LABELS[status])


def status_color(status: KpiStatus) -> QColor:
    return QColor(STATUS_COLORS[status])


def status_icon(status: KpiStatus) -> QIcon:
    """A small round dot of the status colour, painted once per status."""
    icon = _icons.get(status)
    if icon is None:
        icon = QIcon()
        for size in _DOT_SIZES:
            dot = _dot(status_color(status), size, hollow=status in HOLLOW_STATUSES)
            icon.addPixmap(dot)
            # Without it a selected row tints the dot with the highlight: its colour is its meaning.
            icon.addPixmap(dot, QIcon.Mode.Selected)
        _icons[status] = icon
    return icon


def _dot(color: QColor, size: int, *, hollow: bool = False) -> QPixmap:
    """A disc of `color` with a darker rim, or (`hollow`) a ring of `color`."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if hollow:
            pen = QPen(color)
            pen.setWidthF(size / 8)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            # A darker rim keeps the light greys visible on a white background.
            pen = QPen(color.darker(135))
            pen.setWidthF(size / 16)
            painter.setPen(pen)
            painter.setBrush(color)
        margin = size * 0.22
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    finally:
        painter.end()
    return pixmap
