"""Every word a workbook writes, in French and English: one plain dict per language.

The reports do not go through Qt's translator (exchange/ has no Qt): a label is
looked up here by key, so a French report from the command line reads French.
The engine's trace sentences are not here; they come from the engine in the
language it is set to.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from pilotage.domain.enums import KpiStatus, Measure, MeasurementStatus, QualityFlag

LANGUAGES = ("fr", "en")

_EN: dict[str, str] = {
    # sheets
    "sheet.summary": "Summary",
    "sheet.pillars": "Pillars",
    "sheet.initiatives": "Initiatives",
    "sheet.kpis": "KPIs",
    "sheet.measurements": "Measurements",
    "sheet.milestones": "Milestones",
    "sheet.budget": "Budget",
    "sheet.charts": "Charts",
    "sheet.programs": "Programs",
    # document
    "doc.program_title": "Program report {reference}",
    "doc.program_subject": "{name}, as of {as_of}",
    "doc.portfolio_title": "Portfolio report",
    "doc.portfolio_subject": "All programs, as of {as_of}",
    "doc.creator": "Pilotage",
    # summary
    "summary.title": "Program report",
    "summary.identity": "Program",
    "summary.reference": "Reference",
    "summary.name": "Name",
    "summary.status": "Program status",
    "summary.description": "Description",
    "summary.start": "Start date",
    "summary.end": "End date",
    "summary.signed": "Signed on",
    "summary.as_of": "As of",
    "summary.currency": "Currency",
    "summary.budget": "Budget",
    "summary.total_budget": "Total budget",
    "summary.parties": "Parties and signatories",
    "summary.counts": "KPIs per status",
    "summary.total": "Total",
    "summary.overall": "Overall status",
    "summary.progress": "Progress per pillar",
    "summary.late": "Late milestones",
    "summary.no_late": "No milestone is late.",
    "summary.footer": "About this report",
    "summary.generated": "Generated at",
    "summary.version": "Application version",
    "summary.database": "Database",
    "summary.fingerprint": "Fingerprint of the figures",
    "summary.chart_title": "Average progress per pillar",
    # headers
    "h.role": "Role",
    "h.organization": "Organization",
    "h.signatory": "Signatory",
    "h.signatory_title": "Signatory's title",
    "h.signed_on": "Signed on",
    "h.status": "Status",
    "h.count": "KPIs",
    "h.share": "Share",
    "h.program": "Program",
    "h.pillar": "Pillar",
    "h.position": "No.",
    "h.code": "Code",
    "h.title": "Title",
    "h.name": "Name",
    "h.initiative": "Initiative",
    "h.owner": "Attached to",
    "h.kpis": "KPIs",
    "h.achieved_n": "Achieved",
    "h.on_track_n": "On track",
    "h.at_risk_n": "At risk",
    "h.off_track_n": "Off track",
    "h.no_data_n": "No data",
    "h.not_started_n": "Not started",
    "h.progress": "Progress",
    "h.headline": "Overall status",
    "h.kpi": "KPI",
    "h.unit": "Unit",
    "h.measure": "Measure",
    "h.baseline": "Baseline",
    "h.target_to_date": "Target to date",
    "h.final_target": "Final target",
    "h.final_target_date": "Final target date",
    "h.actual": "Actual",
    "h.expected": "Expected progress",
    "h.trace": "How it was computed",
    "h.flags": "Quality flags",
    "h.period_start": "Period start",
    "h.period_end": "Period end",
    "h.value": "Value",
    "h.numerator": "Numerator",
    "h.denominator": "Denominator",
    "h.disaggregation": "Disaggregation",
    "h.comment": "Comment",
    "h.evidence": "Evidence",
    "h.entered_by": "Entered by",
    "h.due": "Due date",
    "h.done": "Done on",
    "h.late": "Late",
    "h.days_late": "Days late",
    "h.label": "Line",
    "h.planned": "Planned",
    "h.committed": "Committed",
    "h.disbursed": "Disbursed",
    "h.commitment_rate": "Committed / planned",
    "h.disbursement_rate": "Disbursed / planned",
    "h.date": "Date",
    "h.target": "Target",
    "h.dates": "Dates",
    "yes": "yes",
    "no": "no",
    "charts.title": "{code}: actual against target",
    "charts.none": "No KPI has two measurements yet.",
    "charts.capped": (
        "Charts of {shown} of the {total} KPIs with two measurements: those off track"
        " first, then those at risk, then the others, each in code order."
    ),
}

_FR: dict[str, str] = {
    "sheet.summary": "Synthèse",
    "sheet.pillars": "Axes",
    "sheet.initiatives": "Initiatives",
    "sheet.kpis": "Indicateurs",
    "sheet.measurements": "Mesures",
    "sheet.milestones": "Jalons",
    "sheet.budget": "Budget",
    "sheet.charts": "Graphiques",
    "sheet.programs": "Programmes",
    "doc.program_title": "Rapport du programme {reference}",
    "doc.program_subject": "{name}, au {as_of}",
    "doc.portfolio_title": "Rapport du portefeuille",
    "doc.portfolio_subject": "Tous les programmes, au {as_of}",
    "doc.creator": "Pilotage",
    "summary.title": "Rapport du programme",
    "summary.identity": "Programme",
    "summary.reference": "Référence",
    "summary.name": "Intitulé",
    "summary.status": "Statut du programme",
    "summary.description": "Description",
    "summary.start": "Date de début",
    "summary.end": "Date de fin",
    "summary.signed": "Signé le",
    "summary.as_of": "Situation au",
    "summary.currency": "Devise",
    "summary.budget": "Budget",
    "summary.total_budget": "Budget total",
    "summary.parties": "Parties et signataires",
    "summary.counts": "Indicateurs par statut",
    "summary.total": "Total",
    "summary.overall": "Statut global",
    "summary.progress": "Avancement par axe",
    "summary.late": "Jalons en retard",
    "summary.no_late": "Aucun jalon n'est en retard.",
    "summary.footer": "À propos de ce rapport",
    "summary.generated": "Généré le",
    "summary.version": "Version de l'application",
    "summary.database": "Base de données",
    "summary.fingerprint": "Empreinte des chiffres",
    "summary.chart_title": "Avancement moyen par axe",
    "h.role": "Rôle",
    "h.organization": "Organisme",
    "h.signatory": "Signataire",
    "h.signatory_title": "Qualité du signataire",
    "h.signed_on": "Signé le",
    "h.status": "Statut",
    "h.count": "Indicateurs",
    "h.share": "Part",
    "h.program": "Programme",
    "h.pillar": "Axe",
    "h.position": "N°",
    "h.code": "Code",
    "h.title": "Titre",
    "h.name": "Intitulé",
    "h.initiative": "Initiative",
    "h.owner": "Rattaché à",
    "h.kpis": "Indicateurs",
    "h.achieved_n": "Atteints",
    "h.on_track_n": "En bonne voie",
    "h.at_risk_n": "À risque",
    "h.off_track_n": "En retard",
    "h.no_data_n": "Sans données",
    "h.not_started_n": "Non démarrés",
    "h.progress": "Avancement",
    "h.headline": "Statut global",
    "h.kpi": "Indicateur",
    "h.unit": "Unité",
    "h.measure": "Mesure",
    "h.baseline": "Valeur de référence",
    "h.target_to_date": "Cible à date",
    "h.final_target": "Cible finale",
    "h.final_target_date": "Échéance de la cible",
    "h.actual": "Réalisé",
    "h.expected": "Avancement attendu",
    "h.trace": "Mode de calcul",
    "h.flags": "Alertes qualité",
    "h.period_start": "Début de période",
    "h.period_end": "Fin de période",
    "h.value": "Valeur",
    "h.numerator": "Numérateur",
    "h.denominator": "Dénominateur",
    "h.disaggregation": "Ventilation",
    "h.comment": "Commentaire",
    "h.evidence": "Justificatif",
    "h.entered_by": "Saisi par",
    "h.due": "Échéance",
    "h.done": "Réalisé le",
    "h.late": "En retard",
    "h.days_late": "Jours de retard",
    "h.label": "Ligne",
    "h.planned": "Prévu",
    "h.committed": "Engagé",
    "h.disbursed": "Décaissé",
    "h.commitment_rate": "Engagé / prévu",
    "h.disbursement_rate": "Décaissé / prévu",
    "h.date": "Date",
    "h.target": "Cible",
    "h.dates": "Dates",
    "yes": "oui",
    "no": "non",
    "charts.title": "{code} : réalisé et cible",
    "charts.none": "Aucun indicateur n'a encore deux mesures.",
    "charts.capped": (
        "Graphiques de {shown} des {total} indicateurs ayant deux mesures : d'abord ceux en"
        " retard, puis ceux à risque, puis les autres, chacun dans l'ordre des codes."
    ),
}

_STATUS = {
    "en": {
        KpiStatus.ACHIEVED: "Achieved",
        KpiStatus.ON_TRACK: "On track",
        KpiStatus.AT_RISK: "At risk",
        KpiStatus.OFF_TRACK: "Off track",
        KpiStatus.NO_DATA: "No data",
        KpiStatus.NOT_STARTED: "Not started",
    },
    "fr": {
        KpiStatus.ACHIEVED: "Atteint",
        KpiStatus.ON_TRACK: "En bonne voie",
        KpiStatus.AT_RISK: "À risque",
        KpiStatus.OFF_TRACK: "En retard",
        KpiStatus.NO_DATA: "Sans données",
        KpiStatus.NOT_STARTED: "Non démarré",
    },
}

_FLAGS = {
    "en": {
        QualityFlag.NO_BASELINE: "no baseline",
        QualityFlag.NO_TARGET: "no target",
        QualityFlag.NO_DEFINITION: "no definition",
        QualityFlag.NO_DATA_SOURCE: "no data source",
        QualityFlag.OVERDUE_MEASUREMENT: "measurement overdue",
    },
    "fr": {
        QualityFlag.NO_BASELINE: "pas de valeur de référence",
        QualityFlag.NO_TARGET: "pas de cible",
        QualityFlag.NO_DEFINITION: "pas de définition",
        QualityFlag.NO_DATA_SOURCE: "pas de source",
        QualityFlag.OVERDUE_MEASUREMENT: "mesure en retard",
    },
}

_MEASURES = {
    "en": {
        Measure.COUNT: "count",
        Measure.PERCENTAGE: "percentage",
        Measure.RATIO: "ratio",
        Measure.AMOUNT: "amount",
        Measure.YES_NO: "yes/no",
    },
    "fr": {
        Measure.COUNT: "nombre",
        Measure.PERCENTAGE: "pourcentage",
        Measure.RATIO: "ratio",
        Measure.AMOUNT: "montant",
        Measure.YES_NO: "oui/non",
    },
}

_MEASUREMENT_STATUS = {
    "en": {
        MeasurementStatus.DRAFT: "draft",
        MeasurementStatus.SUBMITTED: "submitted",
        MeasurementStatus.VALIDATED: "validated",
    },
    "fr": {
        MeasurementStatus.DRAFT: "brouillon",
        MeasurementStatus.SUBMITTED: "soumise",
        MeasurementStatus.VALIDATED: "validée",
    },
}

# Program statuses, party roles and initiative statuses, by their stored value.
_ENUMS = {
    "en": {
        "draft": "draft",
        "active": "active",
        "suspended": "suspended",
        "completed": "completed",
        "contracting_authority": "contracting authority",
        "contractor": "contractor",
        "funder": "funder",
        "partner": "partner",
        "planned": "planned",
        "running": "running",
        "done": "done",
    },
    "fr": {
        "draft": "brouillon",
        "active": "actif",
        "suspended": "suspendu",
        "completed": "achevé",
        "contracting_authority": "autorité contractante",
        "contractor": "cocontractant",
        "funder": "bailleur",
        "partner": "partenaire",
        "planned": "prévue",
        "running": "en cours",
        "done": "terminée",
    },
}

_TEXTS = {"en": _EN, "fr": _FR}


class Labels:
    """The words of one language; `labels["h.code"]`, `labels.status(s)`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown report language {language!r}: one of {LANGUAGES}")
        self.language = language
        self._texts = _TEXTS[language]
        self.statuses: Mapping[KpiStatus, str] = _STATUS[language]

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def get(self, key: str, default: str) -> str:
        return self._texts.get(key, default)

    def status(self, status: KpiStatus) -> str:
        return self.statuses[status]

    def flag(self, flag: QualityFlag) -> str:
        return _FLAGS[self.language][flag]

    def flags(self, flags: frozenset[QualityFlag] | set[QualityFlag]) -> str:
        """The flags in a fixed order, so that the same data writes the same text."""
        return ", ".join(self.flag(f) for f in QualityFlag if f in flags)

    def measure(self, measure: Measure) -> str:
        return _MEASURES[self.language][measure]

    def measurement_status(self, status: MeasurementStatus) -> str:
        return _MEASUREMENT_STATUS[self.language][status]

    def enum(self, value: StrEnum) -> str:
        """A program status, party role or initiative status in words."""
        return _ENUMS[self.language].get(value.value, value.value.replace("_", " "))

    def yes_no(self, value: bool) -> str:
        return self["yes"] if value else self["no"]


def all_keys_translated() -> bool:
    """Both languages hold the same keys (a test checks it)."""
    return _EN.keys() == _FR.keys() and _ENUMS["en"].keys() == _ENUMS["fr"].keys()
