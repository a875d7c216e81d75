"""A record's history as a table: when, who, what was done to which record, the
changes ("field: old → new") and the reason; newest first."""

from __future__ import annotations

from pilotage.domain.enums import AuditAction
from pilotage.gui import formats
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QLocale, QObject, QTime
from pilotage.services.history import HistoryEntry


def when_text(entry: HistoryEntry) -> str:
    """The entry's moment in local time, with the window's date format: "31/12/2024 10:42"."""
    local = entry.at.astimezone()  # the log keeps UTC; the analyst reads local time
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{formats.date_text(local.date())} {time}"


class HistoryModel(RowsModel[HistoryEntry]):
    WHEN = 0
    WHO = 1
    ACTION = 2
    RECORD = 3
    CHANGES = 4
    REASON = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = ""  # the record whose history this is, named in its own entries
        self._entity = ""  # its kind, as the log names it ("kpi")
        self._actions = {
            AuditAction.CREATE: self.tr("Created"),
            AuditAction.UPDATE: self.tr("Changed"),
            AuditAction.DELETE: self.tr("Deleted"),
        }
        self.set_columns(
            [
                Column(self.tr("When"), when_text, key=lambda e: (e.at, e.id)),
                Column(self.tr("Who"), lambda e: e.who),
                Column(self.tr("Action"), lambda e: self._actions.get(e.action, str(e.action))),
                Column(self.tr("Record"), self.record_text),
                # One line a row ("; " between fields); the whole, one a line, in its tooltip.
                Column(self.tr("Changes"), self.changes_line, tooltip=self.changes_text),
                Column(self.tr("Reason"), lambda e: e.reason, tooltip=lambda e: e.reason),
            ]
        )

    def set_history(self, entity: str, name: str, entries: list[HistoryEntry]) -> None:
        """`entries` newest first, as the service returns them, of the record `name` (an
        `entity`, as the log names it) and of its parts."""
        self._entity, self._name = entity, name
        self.set_rows(entries)

    def record_text(self, entry: HistoryEntry) -> str:
        """The record itself by its name; a KPI's target or measurement by its period."""
        if entry.entity == self._entity or not entry.entity:
            return self._name
        period = entry.part or f"#{entry.entity_id}"  # a part no entry names by its period
        if entry.entity == "kpi_target":
            return self.tr("Target {period}").format(period=period)
        if entry.entity == "measurement":
            return self.tr("Measurement {period}").format(period=period)
        return f"{entry.entity} {period}"

    @staticmethod
    def changes_text(entry: HistoryEntry) -> str:
        """The changes one a line: "field: old → new"."""
        return "\n".join(entry.change_lines())

    @staticmethod
    def changes_line(entry: HistoryEntry) -> str:
        return "; ".join(entry.change_lines())
