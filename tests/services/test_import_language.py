"""A filled template's problems speak the template's language (its marker says "fr" or
"en"): the preview's reasons, the refusal of an apply, the comments of the errors copy."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_support import demo_row, filled, quarter

from pilotage.db.database import Database
from pilotage.domain.errors import ValidationError
from pilotage.domain.messages import speaking
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.template_layout import Field
from pilotage.services.measurement_import import (
    RowOutcome,
    apply_import,
    preview_import,
    save_error_copy,
)
from pilotage.services.programs import ProgramRow


def _rows(db: Database, text: str) -> list[dict[Field, object]]:
    """Row 2 a negative count, 3 text in a number cell, 4 a validated period changed
    (JIT-APP 2024-Q3 holds 320, validated, in the demo), 5 and 6 the same KPI and period."""
    return [
        demo_row(db, "JIT-DIP", quarter(2025, 1), value=-2),
        demo_row(db, "JIT-APP", quarter(2024, 4), value=text),
        demo_row(db, "JIT-APP", quarter(2024, 3), value=321),
        demo_row(db, "JIT-APP", quarter(2025, 1), value=10),
        demo_row(db, "JIT-APP", quarter(2025, 1), value=11),
    ]


FRENCH = {
    "Données!K2 (Valeur)": "ne doit pas être négatif : c’est un comptage",
    "Données!K3 (Valeur)": "« beaucoup » est du texte là où un nombre est attendu",
    "Données!K4 (Valeur)": (
        "la période 2024-Q3 est validée et verrouillée (enregistré : 320) : un import ne "
        "peut pas la modifier ; demandez d’abord qu’elle soit déverrouillée"
    ),
    "Données!H5 (Période)": (
        "JIT-APP 2025-Q1 figure aussi à la ligne 6 : donnez chaque indicateur et période "
        "une seule fois"
    ),
    "Données!H6 (Période)": (
        "JIT-APP 2025-Q1 figure aussi à la ligne 5 : donnez chaque indicateur et période "
        "une seule fois"
    ),
}
ENGLISH = {
    "Figures!K2 (Value)": "must not be negative: it is a count",
    "Figures!K3 (Value)": "“lots” is text where a number is due",
    "Figures!K4 (Value)": (
        "period 2024-Q3 is validated and locked (recorded: 320): it cannot be changed by an "
        "import; ask for it to be unlocked first"
    ),
    "Figures!H5 (Period)": "JIT-APP 2025-Q1 is also in row 6: give each KPI and period once",
    "Figures!H6 (Period)": "JIT-APP 2025-Q1 is also in row 5: give each KPI and period once",
}


def _french(db: Database, folder: Path) -> Path:
    return filled(folder, _rows(db, "beaucoup"), language="fr", sheet="Données")


def _english(db: Database, folder: Path) -> Path:
    return filled(folder, _rows(db, "lots"))


def _problems(db: Database, path: Path) -> dict[str, str]:
    preview = preview_import(db, path)
    assert [row.outcome for row in preview.rows] == [RowOutcome.REJECTED] * 5
    return {problem.where: problem.message for problem in preview.problems}


def test_a_french_template_gets_its_problems_in_french(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    assert _problems(db, _french(db, tmp_path)) == FRENCH


def test_an_english_template_keeps_its_english_problems(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    assert _problems(db, _english(db, tmp_path)) == ENGLISH


def test_an_english_template_read_in_a_french_scope_stays_english(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # A French window imports a template sent in English: its partner reads English.
    path = _english(db, tmp_path)
    with speaking(import_language("fr")):
        assert _problems(db, path) == ENGLISH


def test_refusing_a_french_apply_says_why_in_french(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as refused:
        apply_import(db, _french(db, tmp_path))
    said = {problem.field: problem.message for problem in refused.value.problems}
    assert said == FRENCH


def test_the_french_errors_copy_comments_in_french(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    preview = preview_import(db, _french(db, tmp_path))
    out = save_error_copy(preview, tmp_path / "chiffres-erreurs.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Problèmes"
    listed = list(wb["Problèmes"].iter_rows(values_only=True))
    assert listed[0] == ("Feuille", "Cellule", "Indicateur", "Période", "Problème")
    assert listed[1] == ("Données", "K2", "JIT-DIP", "2025-Q1", FRENCH["Données!K2 (Valeur)"])
    sheet = wb["Données"]
    for where, message in FRENCH.items():
        cell = where.split("!")[1].split(" ")[0]
        comment = sheet[cell].comment
        assert comment is not None, cell
        assert message in comment.text
        assert "must" not in comment.text
    assert sheet["K5"].comment is None  # the twins are marked on their period


def test_the_english_errors_copy_stays_english(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    preview = preview_import(db, _english(db, tmp_path))
    with speaking(import_language("fr")):  # a French window: the partner's language wins
        out = save_error_copy(preview, tmp_path / "figures-errors.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Problems"
    listed = list(wb["Problems"].iter_rows(values_only=True))
    assert listed[0] == ("Sheet", "Cell", "KPI", "Period", "Problem")
    comment = wb["Figures"]["K2"].comment
    assert comment is not None
    assert comment.text == "must not be negative: it is a count"
