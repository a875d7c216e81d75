"""Refresh the translation files: lupdate over src/pilotage/gui and the domain's
engine templates, then lrelease.

    .venv/bin/python tools/update_translations.py

lupdate keeps every translation already in pilotage_fr.ts and marks new source
strings "unfinished"; translate them (pyside6-linguist or by hand), then run this
again so that lrelease compiles pilotage_fr.qm, the file loaded at run time.

The domain holds no Qt, but the engine's sentences are marked with the domain's
own `translate("Engine", "…")` (pilotage/domain/messages.py), a call lupdate
recognises in any Python file: the domain files that use it are scanned too, and so
are the services and exchange files marking the import's sentences (`translate("Import",
"…")`: a filled template's problems, in the template's language).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "src" / "pilotage" / "gui"
DOMAIN = ROOT / "src" / "pilotage" / "domain"
# The import's sentences (a filled template's problems, context "Import") live in these
# layers, beside the shared rules they reuse; engine_language.py only defines a translator.
# The database layer marks its refusals the same way (context "Database": a file held by
# another instance, a text longer than its column).
IMPORT_LAYERS = (
    ROOT / "src" / "pilotage" / "services",
    ROOT / "src" / "pilotage" / "exchange",
    ROOT / "src" / "pilotage" / "db",
)
_NOT_MARKING = frozenset({"engine_language.py"})
I18N = GUI / "i18n"
LANGUAGES = ["fr"]
# A call of the domain's own `translate(...)`, not a method such as `str.translate(...)`.
_MARKED = re.compile(r"(?<![.\w])translate\(")


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def domain_sources() -> list[Path]:
    """The domain files that mark sentences for translation (the engine's traces)."""
    return sorted(
        path
        for path in DOMAIN.rglob("*.py")
        if path.name != "messages.py" and _MARKED.search(path.read_text(encoding="utf-8"))
    )


def import_sources() -> list[Path]:
    """The services and exchange files that mark sentences for translation (the import's)."""
    return sorted(
        path
        for layer in IMPORT_LAYERS
        for path in layer.rglob("*.py")
        if path.name not in _NOT_MARKING and _MARKED.search(path.read_text(encoding="utf-8"))
    )


def main() -> int:
    scanned = [*GUI.rglob("*.py"), *domain_sources(), *import_sources()]
    sources = sorted(str(path.relative_to(ROOT)) for path in scanned)
    for language in LANGUAGES:
        ts = str((I18N / f"pilotage_{language}.ts").relative_to(ROOT))
        qm = str((I18N / f"pilotage_{language}.qm").relative_to(ROOT))
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "relative",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                ts,
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run([_tool("pyside6-lrelease"), ts, "-qm", qm], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
