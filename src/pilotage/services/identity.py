"""Who is acting: the OS user unless the settings name someone."""

from __future__ import annotations

import getpass
import os

from pilotage.db.base import SHORT_LENGTH

# The analyst that screenshots and examples show, the same on every machine.
ILLUSTRATIVE_USER = "analyste"

_override: str | None = None


def set_user_name(name: str | None) -> None:
    """Use `name` in audit entries instead of the OS user (None: back to the OS user)."""
    global _override
    _override = name.strip() or None if name else None


def current_user() -> str:
    # The audit's `who` holds SHORT_LENGTH characters on every engine: a longer name
    # (a settings file edited by hand) is cut, never a reason to refuse every save.
    return (_override or system_user())[:SHORT_LENGTH]


def system_user() -> str:
    """The OS user's login name (who acts when the settings name no one)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # No passwd entry (containers): the environment is the next best witness.
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"
