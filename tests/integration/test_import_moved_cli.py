"""A filled template sent before its program was moved to another database
(`pilotage export program`, then `pilotage import`) comes back there with
`pilotage import FILE`: its rows go to the moved KPIs, not rejected, not to the KPIs
the old ids name in the new database."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from cli_support import run
from filled_templates import figure_row, write_filled
from pilotage.db.database import open_database
from pilotage.db.schema import ContractProgram, Kpi, Measurement
from pilotage.services.measured import program_scope

REFERENCE = "CP-MTNRA-MNC"
Q4 = (date(2024, 10, 1), date(2024, 12, 31))


def values(database_file: Path, code: str) -> dict[str, list[Decimal | None]]:
    """{program reference: the values of its KPI `code` ending 2024-12-31}."""
    database = open_database(database_file)
    try:
        with database.reading() as session:
            found: dict[str, list[Decimal | None]] = {}
            for program_id, reference in session.execute(
                select(ContractProgram.id, ContractProgram.reference)
            ):
                found[reference] = list(
                    session.scalars(
                        select(Measurement.value)
                        .join(Kpi, Kpi.id == Measurement.kpi_id)
                        .where(program_scope(program_id), Kpi.code == code)
                        .where(Measurement.period_end == Q4[1])
                    )
                )
            return found
    finally:
        database.close()


def test_a_template_sent_before_the_move_is_imported_where_the_program_now_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_template: Path
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    shutil.copyfile(demo_template, first)
    shutil.copyfile(demo_template, second)
    # The second database holds the demo renamed CP-OTHER first: the moved KPIs get
    # other ids, and the first database's ids name CP-OTHER's KPIs there.
    database = open_database(second)
    with database.transaction() as session:
        session.execute(update(ContractProgram).values(reference="CP-OTHER"))
    database.close()
    prog = tmp_path / "prog.xlsx"
    code, _, err = run(
        capsys, "export", "program", "--program", REFERENCE, "--out", str(prog), "--db", str(first)
    )
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "import", str(prog), "--db", str(second))
    assert (code, err) == (0, "")

    database = open_database(first)
    with database.reading() as session:
        app = session.scalar(select(Kpi.id).where(Kpi.code == "JIT-APP"))
    database.close()
    assert app is not None
    path = write_filled(
        tmp_path / "f_ok.xlsx", [figure_row(app, "JIT-APP", *Q4, "2024-Q4", value=310)]
    )
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--db", str(second))
    assert (code, err) == (0, "")
    assert "figures of program CP-MTNRA-MNC: 1 new, 0 changed, 0 unchanged, 0 rejected" in out
    code, out, err = run(capsys, "import", str(path), "--db", str(second))
    assert (code, err) == (0, "")
    assert values(second, "JIT-APP") == {"CP-OTHER": [], REFERENCE: [Decimal(310)]}
