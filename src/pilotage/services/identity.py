"""Who is acting: the OS user unless the settings name someone."""

from __future__ import annotations

from pilotage.db.base import SHORT_LENGTH

# Who acts when the settings name no one; the lock file of a SQLite database names
# the same user, so it is defined beside it (db/ may not import services/).
from pilotage.db.file_lock import system_user as system_user

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
