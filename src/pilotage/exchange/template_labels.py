"""Every word a data-collection template writes, in French and English.

The partner reads these, not the analyst: the instructions say what the file is,
what to fill and what not to touch, in plain sentences. Headers are by field
(template_layout.Field): the reader finds columns by position and checks that the
header row still holds these words (template_reading), so rewording a header here
refuses the templates already sent: change the layout VERSION with it.
"""

from __future__ import annotations

from pilotage.exchange.template_layout import Field

LANGUAGES = ("fr", "en")

HEADERS: dict[str, dict[Field, str]] = {
    "en": {
        Field.KPI_ID: "KPI id",
        Field.PERIOD_START: "Period start",
        Field.PERIOD_END: "Period end",
        Field.OWNER: "Belongs to",
        Field.KPI_CODE: "KPI code",
        Field.KPI_NAME: "Indicator",
        Field.UNIT: "Unit",
        Field.PERIOD: "Period",
        Field.TARGET: "Target at period end",
        Field.RECORDED: "Already recorded",
        Field.VALUE: "Value",
        Field.NUMERATOR: "Numerator",
        Field.DENOMINATOR: "Denominator",
        Field.DISAGGREGATIONS: "Disaggregations",
        Field.COMMENT: "Comment",
        Field.EVIDENCE: "Evidence link",
        Field.DATE_REACHED: "Date reached (one-off)",
    },
    "fr": {
        Field.KPI_ID: "Id. indicateur",
        Field.PERIOD_START: "Début de période",
        Field.PERIOD_END: "Fin de période",
        Field.OWNER: "Rattaché à",
        Field.KPI_CODE: "Code",
        Field.KPI_NAME: "Indicateur",
        Field.UNIT: "Unité",
        Field.PERIOD: "Période",
        Field.TARGET: "Cible à fin de période",
        Field.RECORDED: "Déjà saisi",
        Field.VALUE: "Valeur",
        Field.NUMERATOR: "Numérateur",
        Field.DENOMINATOR: "Dénominateur",
        Field.DISAGGREGATIONS: "Ventilations",
        Field.COMMENT: "Commentaire",
        Field.EVIDENCE: "Lien vers la preuve",
        Field.DATE_REACHED: "Date d'atteinte (ponctuel)",
    },
}

_EN: dict[str, str] = {
    "sheet.instructions": "Instructions",
    "sheet.data": "Data",
    "doc.title": "Data collection {reference}",
    "doc.subject": "Indicators due from {start} to {end}",
    "doc.creator": "Pilotage",
    "title": "Data collection: {reference}",
    "program": "Program",
    "periods": "Periods",
    "periods.range": "ending from {start} to {end}",
    "initiatives": "Initiatives",
    "initiatives.all": "all the program's indicators",
    "rows": "Rows to fill",
    "rows.count": "{rows} ({kpis} indicators)",
    "prepared": "Prepared on",
    "about": "What this file is",
    "about.text": (
        "This workbook asks for the figures of the program's indicators for each period "
        "ending in the range above, from the indicator's start (its baseline date, or its "
        "initiative's start) to the end of its initiative and of the program. Each row of "
        "the sheet “{data}” is one indicator for one period. Fill what you know, save, and "
        "send the file back: the figures are checked before anything is recorded, and you "
        "will be told of any that cannot be taken."
    ),
    "read": "Columns to read (grey)",
    "read.target": (
        "The value expected by the end of the period. For an indicator that adds up over its "
        "periods (people trained, events held), it is the total expected since the start, "
        "not the period's share."
    ),
    "read.recorded": (
        "The figure already recorded for the period, if any. A figure you give replaces it "
        "once the analyst accepts it. A period already validated is closed: its row is grey "
        "and locked, and its figure reads “(validated, closed)”; ask the analyst to reopen it "
        "if it must change."
    ),
    "recorded.validated": "{figure} (validated, closed)",
    "fill": "Columns to fill (white)",
    "fill.value": (
        "The period's figure. A count is a whole number (0 or more). A percentage's cell "
        "is a percent cell: type 72 % (or 72, which it shows as 72 %). For a yes/no "
        "indicator, choose {yes} or {no} in the cell's list. Grey for a ratio: give its "
        "numerator and denominator instead. A figure is kept to 6 decimals."
    ),
    "fill.ratio": (
        "For a ratio (a rate such as graduates over learners) only: the two numbers, not the "
        "rate; for example 240 and 330. The denominator is more than 0. Grey on other rows."
    ),
    "fill.disaggregations": (
        "Optional: the figure split by category, as “dimension / category = value”, items "
        "separated by semicolons; for example “{example}”. For a count or an amount the parts "
        "should add up to the value. The split already recorded is filled in: when you "
        "correct the value, correct the split with it."
    ),
    "fill.comment": "Optional: the source, a caveat, what made the figure late.",
    "fill.evidence": (
        "Optional: where the proof is, as a web address (https://…) or a file path "
        "(\\\\server\\folder\\report.pdf); at most {length} characters."
    ),
    "fill.empty": "A row left empty is skipped: leave it so when you do not have the figure.",
    "fill.one_off": (
        "An indicator measured once (one-off) has a single row, at its due date or at the "
        "date of the figure already recorded. Give the day the result was reached in the "
        "column “{date_reached}” (a date between {first} and {last}); left empty, the row's "
        "day is kept. That column is grey on other rows."
    ),
    "rules": "Rules",
    "rules.locked": (
        "Grey columns are locked: they say what the row is about. The sheet is protected "
        "without a password, only to prevent slips; do not remove the protection."
    ),
    "rules.rows": (
        "Do not add, move or delete rows or columns, and do not rename the sheets: each row "
        "is matched to its indicator and period by hidden columns."
    ),
    "rules.checks": (
        "The cells refuse impossible entries (text where a number is due, a negative count, "
        "a percentage above 100 %, a date outside the program) and explain what they expect "
        "when selected."
    ),
    "rules.send": (
        "Send the file back as it is, as an .xlsx workbook: do not copy the rows into "
        "another workbook or convert the file."
    ),
    "example": "sex / women = 400; sex / men = 334",
    # data validations: titles, prompts and errors
    "dv.count.title": "Count",
    "dv.count.prompt": "A whole number, 0 or more.",
    "dv.count.error": "A count is a whole number, 0 or more (below a billion).",
    "dv.percentage.title": "Percentage",
    "dv.percentage.prompt": "A percentage between 0 % and 100 %: type 72 % (or 72).",
    "dv.percentage.error": "A percentage is between 0 % and 100 %: type 72 % for 72 %.",
    "dv.amount.title": "Amount",
    "dv.amount.prompt": "A number (decimals allowed).",
    "dv.amount.error": "An amount is a number below a billion.",
    "dv.yes_no.title": "Yes or no",
    "dv.yes_no.prompt": "Choose {yes} or {no} in the list.",
    "dv.yes_no.error": "Choose {yes} or {no} in the list.",
    "dv.numerator.title": "Numerator",
    "dv.numerator.prompt": "The ratio's upper number, 0 or more (240 of 330).",
    "dv.numerator.error": "The numerator is a number, 0 or more.",
    "dv.denominator.title": "Denominator",
    "dv.denominator.prompt": "The ratio's lower number, more than 0 (330 in 240 of 330).",
    "dv.denominator.error": "The denominator is a number more than 0.",
    "dv.disaggregations.title": "Disaggregations",
    "dv.disaggregations.prompt": "dimension / category = value; …  e.g. {example}",
    "dv.disaggregations.error": "At most {length} characters.",
    "dv.comment.title": "Comment",
    "dv.comment.prompt": "Optional: source, caveat.",
    "dv.comment.error": "At most {length} characters.",
    "dv.evidence.title": "Evidence link",
    "dv.evidence.prompt": "A web address (https://…) or a file path.",
    "dv.evidence.error": "At most {length} characters.",
    "dv.date.title": "Date reached",
    "dv.date.prompt": (
        "One-off indicator: the day the result was reached, {first} to {last}, not after today."
    ),
    "dv.date.error": "A date between {first} and {last}, not after today (for example {first}).",
}

_FR: dict[str, str] = {
    "sheet.instructions": "Mode d'emploi",
    "sheet.data": "Données",
    "doc.title": "Collecte des indicateurs {reference}",
    "doc.subject": "Indicateurs attendus du {start} au {end}",
    "doc.creator": "Pilotage",
    "title": "Collecte des indicateurs : {reference}",
    "program": "Programme",
    "periods": "Périodes",
    "periods.range": "se terminant du {start} au {end}",
    "initiatives": "Initiatives",
    "initiatives.all": "tous les indicateurs du programme",
    "rows": "Lignes à remplir",
    "rows.count": "{rows} ({kpis} indicateurs)",
    "prepared": "Préparé le",
    "about": "Ce fichier",
    "about.text": (
        "Ce classeur demande les chiffres des indicateurs du programme pour chaque période "
        "se terminant dans l'intervalle ci-dessus, depuis le début de l'indicateur (sa date "
        "de référence, ou le début de son initiative) jusqu'à la fin de son initiative et du "
        "programme. Chaque ligne de la feuille « {data} » est "
        "un indicateur pour une période. Remplissez ce que vous savez, enregistrez et "
        "renvoyez le fichier : les chiffres sont vérifiés avant d'être enregistrés, et ceux "
        "qui ne peuvent pas être pris vous seront signalés."
    ),
    "read": "Colonnes à lire (grises)",
    "read.target": (
        "La valeur attendue à la fin de la période. Pour un indicateur qui s'additionne "
        "d'une période à l'autre (personnes formées, événements organisés), c'est le total "
        "attendu depuis le début, pas la part de la seule période."
    ),
    "read.recorded": (
        "Le chiffre déjà enregistré pour la période, s'il y en a un. Le chiffre que vous "
        "donnez le remplace une fois accepté par l'analyste. Une période déjà validée est "
        "close : sa ligne est grise et verrouillée, et son chiffre porte la mention "
        "« (validé, clos) » ; demandez à l'analyste de la rouvrir s'il faut la modifier."
    ),
    "recorded.validated": "{figure} (validé, clos)",
    "fill": "Colonnes à remplir (blanches)",
    "fill.value": (
        "Le chiffre de la période. Un comptage est un nombre entier (0 ou plus). La "
        "cellule d'un pourcentage est une cellule en pourcentage : tapez 72 % (ou 72, "
        "qu'elle affiche 72 %). Pour un indicateur oui/non, choisissez {yes} ou {no} dans "
        "la liste de la cellule. Grisée pour un ratio : donnez alors son numérateur et son "
        "dénominateur. Un chiffre est gardé à 6 décimales."
    ),
    "fill.ratio": (
        "Pour un ratio seulement (un taux, comme les diplômés rapportés aux apprenants) : "
        "les deux nombres, pas le taux ; par exemple 240 et 330. Le dénominateur est "
        "supérieur à 0. Grisées sur les autres lignes."
    ),
    "fill.disaggregations": (
        "Facultatif : le chiffre réparti par catégorie, sous la forme « dimension / "
        "catégorie = valeur », séparées par des points-virgules ; par exemple "
        "« {example} ». Pour un comptage ou un montant, les parts s'additionnent pour "
        "donner la valeur. La ventilation déjà enregistrée est pré-remplie : si vous "
        "corrigez la valeur, corrigez-la aussi."
    ),
    "fill.comment": "Facultatif : la source, une réserve, la raison d'un retard.",
    "fill.evidence": (
        "Facultatif : où se trouve la preuve, sous la forme d'une adresse web (https://…) "
        "ou du chemin d'un fichier (\\\\serveur\\dossier\\rapport.pdf) ; "
        "{length} caractères au plus."
    ),
    "fill.empty": (
        "Une ligne laissée vide n'est pas prise en compte : laissez-la ainsi si vous "
        "n'avez pas le chiffre."
    ),
    "fill.one_off": (
        "Un indicateur mesuré une seule fois (ponctuel) a une seule ligne, à sa date "
        "d'échéance ou à la date du chiffre déjà enregistré. Donnez le jour où le résultat "
        "a été atteint dans la colonne « {date_reached} » (une date entre le {first} et le "
        "{last}) ; laissée vide, la date de la ligne est gardée. Cette colonne est grisée "
        "sur les autres lignes."
    ),
    "rules": "Règles",
    "rules.locked": (
        "Les colonnes grises sont verrouillées : elles disent de quoi parle la ligne. La "
        "feuille est protégée sans mot de passe, seulement pour éviter les erreurs ; ne "
        "retirez pas la protection."
    ),
    "rules.rows": (
        "N'ajoutez, ne déplacez et ne supprimez ni ligne ni colonne, et ne renommez pas les "
        "feuilles : chaque ligne est rattachée à son indicateur et à sa période par des "
        "colonnes masquées."
    ),
    "rules.checks": (
        "Les cellules refusent les saisies impossibles (du texte au lieu d'un nombre, un "
        "comptage négatif, un pourcentage au-delà de 100 %, une date hors du programme) et "
        "disent ce qu'elles attendent quand on les sélectionne."
    ),
    "rules.send": (
        "Renvoyez le fichier tel quel, au format .xlsx : ne copiez pas les lignes dans un "
        "autre classeur et ne convertissez pas le fichier."
    ),
    "example": "sexe / femmes = 400; sexe / hommes = 334",
    "dv.count.title": "Comptage",
    "dv.count.prompt": "Un nombre entier, 0 ou plus.",
    "dv.count.error": "Un comptage est un nombre entier, 0 ou plus (moins d'un milliard).",
    "dv.percentage.title": "Pourcentage",
    "dv.percentage.prompt": "Un pourcentage entre 0 % et 100 % : tapez 72 % (ou 72).",
    "dv.percentage.error": "Un pourcentage est entre 0 % et 100 % : tapez 72 % pour 72 %.",
    "dv.amount.title": "Montant",
    "dv.amount.prompt": "Un nombre (décimales permises).",
    "dv.amount.error": "Un montant est un nombre inférieur à un milliard.",
    "dv.yes_no.title": "Oui ou non",
    "dv.yes_no.prompt": "Choisissez {yes} ou {no} dans la liste.",
    "dv.yes_no.error": "Choisissez {yes} ou {no} dans la liste.",
    "dv.numerator.title": "Numérateur",
    "dv.numerator.prompt": "Le nombre du haut du ratio, 0 ou plus (240 sur 330).",
    "dv.numerator.error": "Le numérateur est un nombre, 0 ou plus.",
    "dv.denominator.title": "Dénominateur",
    "dv.denominator.prompt": "Le nombre du bas du ratio, supérieur à 0 (330 dans 240 sur 330).",
    "dv.denominator.error": "Le dénominateur est un nombre supérieur à 0.",
    "dv.disaggregations.title": "Ventilations",
    "dv.disaggregations.prompt": "dimension / catégorie = valeur; …  ex. {example}",
    "dv.disaggregations.error": "{length} caractères au plus.",
    "dv.comment.title": "Commentaire",
    "dv.comment.prompt": "Facultatif : source, réserve.",
    "dv.comment.error": "{length} caractères au plus.",
    "dv.evidence.title": "Lien vers la preuve",
    "dv.evidence.prompt": "Une adresse web (https://…) ou le chemin d'un fichier.",
    "dv.evidence.error": "{length} caractères au plus.",
    "dv.date.title": "Date d'atteinte",
    "dv.date.prompt": (
        "Indicateur ponctuel : le jour où le résultat a été atteint, du {first} au {last}, "
        "au plus tard aujourd'hui."
    ),
    "dv.date.error": (
        "Une date entre le {first} et le {last}, au plus tard aujourd'hui (par exemple {first})."
    ),
}

_TEXTS = {"en": _EN, "fr": _FR}


class TemplateLabels:
    """The words of one language: `labels["rules.send"]`, `labels.header(Field.VALUE)`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown template language {language!r}: one of {LANGUAGES}")
        self.language = language
        self._texts = _TEXTS[language]
        self._headers = HEADERS[language]

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def header(self, field: Field) -> str:
        return self._headers[field]
