"""Every icon the code may ask for ships as an SVG that Qt can draw."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from pilotage.gui import icons
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QImage, Qt, QToolButton

NAMES = [
    name.strip()
    for name in re.search(r"Names in use:(.*?)\.\s*\n", icons.__doc__ or "", re.S)
    .group(1)
    .replace("\n", " ")
    .split(",")
]


def test_the_docstring_lists_the_icons_that_exist() -> None:
    shipped = sorted(path.stem for path in icons.ICON_DIR.glob("*.svg"))
    assert sorted(NAMES) == shipped
    assert "delete" in NAMES
    assert len(NAMES) == 25


@pytest.mark.parametrize("name", NAMES)
def test_each_icon_draws_something(name: str) -> None:
    icon = icons.icon(name)
    assert not icon.isNull()
    image = icon.pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert image.width() == 24
    inked = sum(1 for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 0)
    # A line icon covers a fair part of its square, never all of it.
    assert 20 < inked < 24 * 24


@pytest.mark.parametrize("name", NAMES)
def test_each_icon_is_a_24_pixel_line_drawing(name: str) -> None:
    root = ET.parse(icons.ICON_DIR / f"{name}.svg").getroot()
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke-width") == "2"
    assert root.get("stroke-linecap") == "round"


def test_delete_is_red_warning_amber_and_the_others_neutral() -> None:
    colours = {
        name: ET.parse(icons.ICON_DIR / f"{name}.svg").getroot().get("stroke") for name in NAMES
    }
    assert colours["delete"] == "#C62828"
    assert colours["warning"] == "#B45309"
    assert colours["open"] == "#37474F"


def test_an_unknown_name_gives_an_empty_icon() -> None:
    assert icons.icon("no-such-icon").isNull()


def test_the_window_actions_carry_their_icons(window: MainWindow) -> None:
    for action in (
        window.new_action,
        window.open_action,
        window.backup_action,
        window.undo_action,
        window.redo_action,
        window.today_action,
        window.find_action,
    ):
        assert not action.icon().isNull(), action.text()
    today_button = window.toolbar.widgetForAction(window.today_action)
    assert isinstance(today_button, QToolButton)
    # The word stays beside the calendar, so the button still says "Today".
    assert today_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
