"""A real spreadsheet application opens each report: LibreOffice Calc prints it to PDF.

These fail (not skip) where LibreOffice is missing: `.ci/run` installs it, and the
README says the suite needs it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from office_support import convert_to_pdf, pdf_pages

from pilotage.db.database import Database
from pilotage.services.programs import find_program
from pilotage.services.reports import portfolio_report, program_report

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]
END_OF_PILOT = date(2024, 12, 31)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_demos_program_report_prints(demo_db: Database, tmp_path: Path, language: str) -> None:
    program = find_program(demo_db, "CP-MTNRA-MNC")
    assert program is not None
    out = tmp_path / f"programme-{language}.xlsx"
    outcome = program_report(demo_db, program.id, END_OF_PILOT, language, out)
    pdf = convert_to_pdf(out, tmp_path / "pdf")
    # Every sheet prints at least one page.
    assert pdf_pages(pdf) >= len(outcome.sheets)


def test_the_portfolio_report_prints(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "portefeuille.xlsx"
    outcome = portfolio_report(demo_db, END_OF_PILOT, "fr", out)
    pdf = convert_to_pdf(out, tmp_path / "pdf")
    assert pdf_pages(pdf) >= len(outcome.sheets)


def test_a_file_libreoffice_cannot_read_fails_the_conversion(tmp_path: Path) -> None:
    """The helper itself: soffice exits 0 on a file it could not load; the missing PDF
    is what tells."""
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(AssertionError, match="wrote no PDF"):
        convert_to_pdf(broken, tmp_path / "pdf")
