"""A pillar: its fields, its KPIs by status, its initiatives with their roll-ups."""

from __future__ import annotations

from datetime import date

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.models.tables import InitiativesModel, KpisModel
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.widgets import FieldForm, StatusCounts, TableView, section_title
from pilotage.gui.qt import QThreadPool, QWidget
from pilotage.services.overview import PillarNode
from pilotage.services.pillars import PillarRow, get_pillar


class PillarPage(Page):
    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(db, pool, parent)
        self.pillar: PillarNode | None = None

        form = FieldForm()
        self.code = form.add(self.tr("Code"))
        self.position = form.add(self.tr("Position"))
        self.objective = form.add(self.tr("Objective"))
        self.body.addWidget(form)

        self.body.addWidget(section_title(self.tr("KPIs by status")))
        self.counts = StatusCounts()
        self.body.addWidget(self.counts)

        self.body.addWidget(section_title(self.tr("Initiatives")))
        self.initiatives_model = InitiativesModel(self)
        self.body.addWidget(TableView(self.initiatives_model))

        self.own_kpis_title = section_title(self.tr("Pillar KPIs"))
        self.own_kpis_model = KpisModel(self)
        self.own_kpis = TableView(self.own_kpis_model)
        self.body.addWidget(self.own_kpis_title)
        self.body.addWidget(self.own_kpis)
        self.finish()

    def show_pillar(self, pillar: PillarNode, path: str, as_of: date) -> None:
        """`path`: the program's reference; `as_of`: the date the figures are for."""
        self.pillar = pillar
        self.header.set(
            self.tr("Pillar · {path} · as of {day}").format(
                path=path, day=formats.date_text(as_of)
            ),
            f"{pillar.code}  {pillar.title}",
            pillar.headline,
        )
        self.code.setText(pillar.code)
        self.position.setText(formats.number(pillar.position))
        self.counts.set_rollup(pillar.rollup)
        self.initiatives_model.set_rows(pillar.initiatives)
        self.own_kpis_model.set_rows(pillar.kpis)
        self.own_kpis_title.setVisible(bool(pillar.kpis))
        self.own_kpis.setVisible(bool(pillar.kpis))
        db, pillar_id = self._db, pillar.id
        self.fetch(lambda: get_pillar(db, pillar_id))

    def fill(self, data: PillarRow) -> None:
        self.objective.setText(data.objective or formats.NO_VALUE)
