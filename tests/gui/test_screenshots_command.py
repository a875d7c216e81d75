"""`pilotage screenshots DIR`: the main window on the demo with each page type, and the
KPI form, the error and preferences dialogs, saved as PNGs of the expected size."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pilotage.cli import main
from pilotage.db.database import Database, open_database
from pilotage.db.schema import AuditEntry
from pilotage.domain.enums import KpiStatus
from pilotage.gui import formats, screenshots
from pilotage.gui.qt import QApplication, QImage, QLocale
from pilotage.gui.screenshots import HEIGHT, WIDTH
from pilotage.gui.status import status_label
from pilotage.services.changes import latest_change

WINDOW_SHOTS = ("program", "pillar", "initiative", "kpi")
DIALOG_SHOTS = (
    "kpi-form",
    "conflict-form",
    "measurement-form",
    "organizations-dialog",
    "history-dialog",
    "error-dialog",
    "preferences-dialog",
    "template-dialog",
    "import-preview",
    "server-dialog",
)


def _image_size(path: Path) -> tuple[int, int]:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return image.width(), image.height()


def _changes(path: Path) -> tuple[int, int]:
    """How many changes the database counts, and how many audit entries it holds."""
    db = open_database(path)
    try:
        with db.reading() as session:
            entries = session.scalar(select(func.count()).select_from(AuditEntry))
        return latest_change(db).count, int(entries or 0)
    finally:
        db.close()


def test_screenshots_of_each_page_and_the_dialogs(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shots"
    assert main(["screenshots", str(folder)]) == 0
    printed = capsys.readouterr().out.splitlines()
    windows = [folder / f"{name}.png" for name in WINDOW_SHOTS]
    dialogs = [folder / f"{name}.png" for name in DIALOG_SHOTS]
    assert printed == [str(path) for path in windows + dialogs]
    for path in windows:
        assert _image_size(path) == (WIDTH, HEIGHT)
        assert 10_000 < path.stat().st_size < 300_000
    for path in dialogs:
        width, height = _image_size(path)
        assert width >= 400
        assert height >= 150


def test_screenshots_on_a_named_database_and_date(
    qapp: QApplication, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db_path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, demo_db_path)
    before = _changes(demo_db_path)
    folder = tmp_path / "shots"
    code = main(["screenshots", str(folder), "--db", str(demo_db_path), "--as-of", "2024-06-30"])
    assert code == 0
    # The pictures change nothing, the refused save of conflict-form.png included.
    assert _changes(demo_db_path) == before
    assert len(capsys.readouterr().out.splitlines()) == len(WINDOW_SHOTS + DIALOG_SHOTS)
    assert _image_size(folder / "kpi.png") == (WIDTH, HEIGHT)


def test_screenshots_in_french_then_the_language_as_it_was(
    qapp: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, str] = {}
    real = screenshots._save_all

    def spy(db: Database, folder: Path, as_of: date) -> list[Path]:
        seen["locale"] = QLocale().name()
        seen["status"] = status_label(KpiStatus.ON_TRACK)
        seen["day"] = formats.date_text(as_of)
        return real(db, folder, as_of)

    monkeypatch.setattr(screenshots, "_save_all", spy)
    assert main(["screenshots", str(tmp_path / "shots"), "--language", "fr"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(WINDOW_SHOTS + DIALOG_SHOTS)
    assert seen == {"locale": "fr_FR", "status": "En bonne voie", "day": "31/12/2024"}
    assert status_label(KpiStatus.ON_TRACK) == "On track"
    assert QLocale().name() == QLocale.system().name()


def test_the_demo_of_the_screenshots_is_entered_by_the_illustrative_analyst(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not by this machine's login: the pictures are the same everywhere."""
    from pilotage.services.identity import ILLUSTRATIVE_USER, current_user
    from pilotage.services.kpis import list_kpis
    from pilotage.services.measurements import list_measurements
    from pilotage.services.programs import list_programs

    seen: list[set[str]] = []

    def record(db: Database, folder: Path, *_args: object) -> list[Path]:
        (program,) = list_programs(db)
        seen.append(
            {
                m.entered_by
                for kpi in list_kpis(db, program.id)
                for m in list_measurements(db, kpi.id)
            }
        )
        return []

    monkeypatch.setattr(screenshots, "save_screenshots", record)
    before = current_user()
    assert main(["screenshots", str(tmp_path / "shots")]) == 0
    assert seen == [{ILLUSTRATIVE_USER}]
    assert current_user() == before  # the override ends with the demo
