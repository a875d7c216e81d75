"""A real spreadsheet application opens a workbook: LibreOffice Calc converts it to PDF headless.

LibreOffice is a system package (`.ci/run` installs Debian's libreoffice-calc), not a
Python one: where it is missing, the tests marked `libreoffice` fail and say how to
install it, rather than pass without having opened anything.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

# A cold start of LibreOffice and a conversion of a few pages take seconds; a hang must not
# hold the suite for ever.
TIMEOUT_SECONDS = 180

# A page object, not the /Pages tree that holds them.
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def soffice() -> str:
    """The LibreOffice program, or the test fails saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(
            "LibreOffice Calc is needed to open the reports (`soffice` is not on the PATH): "
            "on Debian or Ubuntu, apt-get install --no-install-recommends libreoffice-calc",
            pytrace=False,
        )
    return found


def convert_to_pdf(workbook: Path, folder: Path) -> Path:
    """`workbook` printed to PDF by LibreOffice into `folder`; fails unless it succeeded."""
    return convert(workbook, folder, "pdf")


def convert(workbook: Path, folder: Path, to: str) -> Path:
    """`workbook` converted by LibreOffice into `folder` to the format `to` ("pdf", or
    "xlsx" for the workbook as Calc saves it); fails unless it succeeded.

    Each conversion has a profile of its own (-env:UserInstallation): two runs sharing
    the user's profile would wait on each other's lock, or one would hand its document
    to the other and exit at once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "libreoffice-profile"
    command = [
        soffice(),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(folder),
        str(workbook),
    ]
    # A session of its own, so that a timeout ends soffice.bin too and not only its launcher.
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"},  # no display needed, ever
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice did not convert {workbook.name} in {TIMEOUT_SECONDS} s")
    converted = folder / f"{workbook.stem}.{to}"
    assert process.returncode == 0, f"LibreOffice failed ({process.returncode}): {output}"
    # soffice exits 0 even when it could not load the file: the converted file is the proof.
    assert converted.is_file(), f"LibreOffice wrote no {to.upper()} for {workbook.name}: {output}"
    return converted


def pdf_pages(pdf: Path) -> int:
    """The number of pages in a PDF LibreOffice wrote (it writes no compressed object
    streams, so every page object is there to count)."""
    return len(_PAGE.findall(pdf.read_bytes()))
