"""Small widgets the pages share: header, status badge, field forms, tables, status counts."""

from __future__ import annotations

from pilotage.domain.enums import KpiStatus
from pilotage.domain.kpi_types import RollUp
from pilotage.gui import formats
from pilotage.gui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QApplication,
    QFont,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPalette,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pilotage.gui.status import STATUS_COLORS, STATUS_TEXT_COLORS, status_label

SPACING = 12  # between blocks of a page
COLUMN_PADDING = 16
HEADER_PADDING = 6  # inside each header section, either side of its text
MIN_SHRUNK_WIDTH = 80  # a text column elided below this is no longer readable
MAX_COLUMN_WIDTH = 360  # wider text is elided in the table and shown whole in its tooltip


def mute(label: QLabel, muted: bool = True) -> None:
    """Secondary text in the theme's placeholder colour (readable in dark themes too)."""
    palette = QPalette(QApplication.palette())
    if muted:
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
    label.setPalette(palette)


class StatusBadge(QLabel):
    """The status as a coloured pill: the same colours as the dots and the reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._status: KpiStatus | None = None

    @property
    def status(self) -> KpiStatus | None:
        return self._status

    def set_status(self, status: KpiStatus) -> None:
        self._status = status
        self.setText(status_label(status))
        self.setStyleSheet(
            f"background-color: {STATUS_COLORS[status]}; color: {STATUS_TEXT_COLORS[status]};"
            " border-radius: 10px; padding: 3px 12px; font-weight: 600;"
        )


class PageHeader(QWidget):
    """A small line saying what and where, the title, and the status on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kicker = QLabel()
        mute(self.kicker)
        self.kicker.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = StatusBadge()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.kicker)
        text.addWidget(self.title)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(text, 1)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)

    def set(self, kicker: str, title: str, status: KpiStatus) -> None:
        self.kicker.setText(kicker)
        self.title.setText(title)
        self.badge.set_status(status)


def section_title(text: str) -> QLabel:
    title = QLabel(text)
    font = QFont(title.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    title.setFont(font)
    title.setContentsMargins(0, SPACING // 2, 0, 0)
    return title


class FieldForm(QWidget):
    """Label: value rows whose values are selectable, wrapped text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(SPACING)
        self._layout.setVerticalSpacing(6)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def add(self, caption: str, *, numeric: bool = False) -> QLabel:
        """A new row; returns the label that shows its value. `numeric`: the value is
        right-aligned, so that the digits of figures one under the other line up."""
        name = QLabel(caption)
        mute(name)
        # The caption stays on the first line of a value that wraps onto several.
        name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        value = QLabel()
        value.setWordWrap(not numeric)  # a figure is never broken across lines
        if numeric:
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout.addRow(name, value)
        return value

    def set_row_visible(self, value: QLabel, visible: bool) -> None:
        self._layout.setRowVisible(value, visible)


class TableView(QTableView):
    """A read-only table sized to its rows (up to `max_rows`, then it scrolls)."""

    def __init__(
        self, model: QAbstractItemModel, max_rows: int = 12, sortable: bool = True
    ) -> None:
        """`sortable`: a click on a header sorts by that column (the model sorts, see
        RowsModel.sort); a third click goes back to the order the service gave."""
        super().__init__()
        self._max_rows = max_rows
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        # Air inside each header section, so that a right-aligned header ("Mean
        # progress") does not run into the next one's text ("Status").
        self.horizontalHeader().setStyleSheet(
            f"QHeaderView::section {{ padding-left: {HEADER_PADDING}px;"
            f" padding-right: {HEADER_PADDING}px; }}"
        )
        self.horizontalHeader().setStretchLastSection(True)
        if sortable:
            self.enable_sorting()
        # Long texts are elided (their tooltip shows them whole) rather than scrolled.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self.refit)
        model.rowsInserted.connect(self.refit)

    def enable_sorting(self) -> None:
        header = self.horizontalHeader()
        # setSortingEnabled sorts at once by the header's indicator (column 0 unless
        # told otherwise): with no column chosen, the rows keep the service's order
        # until the analyst clicks.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorClearable(True)
        self.setSortingEnabled(True)

    def refit(self) -> None:
        """Column widths from their content, and a height that shows every row that fits."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        self._content_widths = [
            # Some air between columns; the last one stretches anyway.
            min(header.sectionSize(column) + COLUMN_PADDING, MAX_COLUMN_WIDTH)
            for column in range(header.count())
        ]
        self._header_widths = [
            max(header.sectionSizeHint(column), 0) for column in range(header.count())
        ]
        self._fit_width()
        rows = min(self.model().rowCount(), self._max_rows)
        height = header.sizeHint().height() + 2 * self.frameWidth()
        height += max(rows, 1) * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height)

    def _fit_width(self) -> None:
        """When the columns are wider than the table, the air between them goes first;
        then the widest give way together, down to a common width (their text elided,
        their tooltip whole), so that narrow columns such as the status stay whole."""
        widths = list(getattr(self, "_content_widths", []))
        if not widths:
            return
        shown = [c for c in range(len(widths)) if not self.isColumnHidden(c)]
        floors = list(getattr(self, "_header_widths", [0] * len(widths)))
        fitted = fit_widths(
            [widths[c] for c in shown], self.viewport().width(), [floors[c] for c in shown]
        )
        header = self.horizontalHeader()
        for column, width in zip(shown, fitted, strict=True):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_width()


def fit_widths(padded: list[int], available: int, floors: list[int] | None = None) -> list[int]:
    """Column widths (content plus COLUMN_PADDING each) fitted into `available`.

    `floors`: each column's header width; no column goes below it (its header stays
    whole) unless the headers alone are wider than `available` (see fitting_cap)."""
    if sum(padded) <= available:
        return padded
    content = [max(w - COLUMN_PADDING, 0) for w in padded]
    air = (available - sum(content)) // len(content)
    if air >= 0:
        return [w + air for w in content]
    kept = _floors(content, available, floors)
    cap = fitting_cap(content, available, kept)
    return [max(min(w, cap), floor) for w, floor in zip(content, kept, strict=True)]


def _floors(widths: list[int], available: int, floors: list[int] | None) -> list[int]:
    """The headers' widths (never more than the content's) when they all fit together;
    else none: the widest columns give way, their headers elided too."""
    kept = [min(f, w) for f, w in zip(floors or [0] * len(widths), widths, strict=True)]
    return kept if sum(kept) <= available else [0] * len(widths)


def fitting_cap(widths: list[int], available: int, floors: list[int] | None = None) -> int:
    """The largest width such that capping every column at it (but not below its
    floor) fits `available`; never below MIN_SHRUNK_WIDTH; no cap when everything fits."""
    if sum(widths) <= available:
        return max(widths, default=0)
    kept = floors or [0] * len(widths)

    def used(cap: int) -> int:
        return sum(max(min(w, cap), f) for w, f in zip(widths, kept, strict=True))

    # used() grows with the cap: the largest cap that fits, by bisection.
    low, high = 0, max(widths)
    while low < high:
        middle = (low + high + 1) // 2
        if used(middle) <= available:
            low = middle
        else:
            high = middle - 1
    return max(low, MIN_SHRUNK_WIDTH)


class StatusCounts(QWidget):
    """How many KPIs are in each status, as a row of small cards, and their mean progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        cards = QHBoxLayout()
        cards.setContentsMargins(0, 0, 0, 0)
        cards.setSpacing(SPACING // 2)
        self._counts: dict[KpiStatus, QLabel] = {}
        self._cards: dict[KpiStatus, QFrame] = {}
        for status in KpiStatus:
            card = QFrame()
            card.setObjectName("statusCard")
            # The status colour as the card's left edge, as in the reports' KPI sheet.
            card.setStyleSheet(
                "QFrame#statusCard { border: 1px solid palette(midlight);"
                f" border-left: 4px solid {STATUS_COLORS[status]};"
                " border-radius: 3px; background: palette(base); }"
            )
            count = QLabel()
            count.setObjectName(f"count_{status.value}")
            font = QFont(count.font())
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            count.setFont(font)
            caption = QLabel(status_label(status))
            mute(caption)
            inside = QVBoxLayout(card)
            inside.setContentsMargins(10, 4, 10, 6)
            inside.setSpacing(0)
            inside.addWidget(count)
            inside.addWidget(caption)
            cards.addWidget(card)
            self._counts[status] = count
            self._cards[status] = card
        cards.addStretch(1)
        self.mean = QLabel()
        mute(self.mean)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING // 2)
        column.addLayout(cards)
        column.addWidget(self.mean)

    def count_text(self, status: KpiStatus) -> str:
        return self._counts[status].text()

    def set_rollup(self, rollup: RollUp) -> None:
        for status, label in self._counts.items():
            count = rollup.counts.get(status, 0)
            label.setText(formats.number(count))
            mute(label, not count)  # empty statuses step back
        self.mean.setText(
            self.tr("KPIs: {count} · mean progress {progress}").format(
                count=formats.number(rollup.kpi_count),
                progress=formats.percent(rollup.mean_progress),
            )
        )
        self.mean.setToolTip(rollup.trace)


def rule() -> QFrame:
    """A thin horizontal line between the header and the body."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
