"""The organizations of the database as a table: name, acronym, kind, founded, website."""

from __future__ import annotations

from pilotage.gui.labels import label
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QObject
from pilotage.services.organizations import OrganizationRow


class OrganizationsModel(RowsModel[OrganizationRow]):
    NAME = 0
    ACRONYM = 1
    KIND = 2
    FOUNDED = 3
    WEBSITE = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Name"), lambda o: o.name, tooltip=lambda o: o.notes or o.name),
                Column(self.tr("Acronym"), lambda o: o.acronym or ""),
                Column(self.tr("Kind"), lambda o: label(o.kind)),
                # A year, not an amount: no thousands separator.
                Column(
                    self.tr("Founded"),
                    lambda o: "" if o.founded_year is None else str(o.founded_year),
                    numeric=True,
                ),
                Column(self.tr("Website"), lambda o: o.website, tooltip=lambda o: o.website),
            ]
        )

    def row_of(self, organization_id: int) -> int:
        """The table row showing this organization, or -1."""
        return next(
            (n for n, row in enumerate(self.rows()) if row.id == organization_id),
            -1,
        )
