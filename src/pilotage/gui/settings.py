"""What the window remembers between sessions, read defensively from QSettings.

Every reader returns a default when the stored value is missing, of the wrong
type or garbage (a hand-edited or half-written file): settings never crash the
application.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pilotage.gui.qt import QByteArray, QSettings

log = logging.getLogger(__name__)

ORGANIZATION = "Pilotage"
APPLICATION = "Pilotage"
MAX_RECENT = 8

_GEOMETRY = "window/geometry"
_SPLITTER = "window/splitter"
_LAST_DATABASE = "databases/last"
_RECENT = "databases/recent"
_AS_OF = "view/asOf"  # "today" or an ISO date
_DEMO_OFFERED = "firstRun/demoOffered"
_LANGUAGE = "view/language"  # "system", "en" or "fr"
LANGUAGES = ("system", "en", "fr")
_USER_NAME = "audit/userName"  # the analyst's name in the audit log; empty: the OS user
MAX_USER_NAME = 120  # what the audit log's "who" column holds
_REPORT_FOLDER = "reports/folder"  # where the last report was written
_REPORT_LANGUAGE = "reports/language"  # "fr" or "en": the last report's language
REPORT_LANGUAGES = ("fr", "en")


class Settings:
    """The application's settings (INI format, user scope)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    def _value(self, key: str) -> object:
        try:
            return self._store.value(key)
        except Exception:  # a value Qt cannot even decode
            log.warning("unreadable setting %s", key, exc_info=True)
            return None

    # --- window ---------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes) and value:
            return QByteArray(value)
        return None

    def geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def set_geometry(self, value: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes(_SPLITTER)

    def set_splitter_state(self, value: QByteArray) -> None:
        self._store.setValue(_SPLITTER, value)

    # --- databases ------------------------------------------------------------

    def last_database(self) -> str | None:
        value = self._value(_LAST_DATABASE)
        # Written without its password (set_last_database): read as it is.
        return value if isinstance(value, str) and value.strip() else None

    def set_last_database(self, target: str) -> None:
        self._store.setValue(_LAST_DATABASE, without_password(target))

    def recent_databases(self) -> list[str]:
        """Most recent first, at most eight, files no longer there dropped."""
        value = self._value(_RECENT)
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        if not isinstance(value, list):
            return []
        recent: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                continue
            if item in recent:  # written without passwords (add_recent_database)
                continue
            if "://" not in item and not Path(item).is_file():
                continue
            recent.append(item)
        return recent[:MAX_RECENT]

    def add_recent_database(self, target: str) -> None:
        """`target` first in the recent list and the last database (a server's URL
        without its password: the settings are a plain file)."""
        target = without_password(target)
        recent = [target, *(item for item in self.recent_databases() if item != target)]
        self._store.setValue(_RECENT, recent[:MAX_RECENT])
        self.set_last_database(target)

    # --- the as-of date -------------------------------------------------------

    def as_of(self) -> date | None:
        """The fixed date chosen, or None for "today" (also the default)."""
        value = self._value(_AS_OF)
        if not isinstance(value, str) or value == "today":
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None

    def set_as_of(self, day: date | None) -> None:
        self._store.setValue(_AS_OF, "today" if day is None else day.isoformat())

    # --- first run ------------------------------------------------------------

    def demo_offered(self) -> bool:
        value = self._value(_DEMO_OFFERED)
        return value is True or value == "true"

    def set_demo_offered(self) -> None:
        self._store.setValue(_DEMO_OFFERED, True)

    # --- language -------------------------------------------------------------

    def language(self) -> str:
        """The language chosen: "fr", "en" or "system" (the default, also when unreadable)."""
        value = self._value(_LANGUAGE)
        return value if isinstance(value, str) and value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._store.setValue(_LANGUAGE, language)

    # --- the analyst ----------------------------------------------------------

    def user_name(self) -> str | None:
        """The name the analyst gave for the audit log, or None (the OS user's name)."""
        value = self._value(_USER_NAME)
        if not isinstance(value, str) or not value.strip():
            return None
        return value.strip()[:MAX_USER_NAME]

    def set_user_name(self, name: str | None) -> None:
        """Remember `name` for the audit log; None or blank: the OS user again."""
        self._store.setValue(_USER_NAME, (name or "").strip()[:MAX_USER_NAME])

    # --- reports --------------------------------------------------------------

    def report_folder(self) -> Path | None:
        """The folder the last report was written to, None if unknown or gone."""
        value = self._value(_REPORT_FOLDER)
        if not isinstance(value, str) or not value.strip():
            return None
        folder = Path(value)
        return folder if folder.is_dir() else None

    def set_report_folder(self, folder: Path) -> None:
        self._store.setValue(_REPORT_FOLDER, str(folder))

    def report_language(self) -> str | None:
        """The last report's language, "fr" or "en"; None if none was written yet."""
        value = self._value(_REPORT_LANGUAGE)
        return value if isinstance(value, str) and value in REPORT_LANGUAGES else None

    def set_report_language(self, language: str) -> None:
        if language not in REPORT_LANGUAGES:
            raise ValueError(f"unknown report language {language!r}")
        self._store.setValue(_REPORT_LANGUAGE, language)


def without_password(target: str) -> str:
    """A server URL with its password taken out; a file path as it is.

    Plain text work (urllib), not SQLAlchemy's URL: this module is imported while the
    start-up shell shows, before the database layer (see startup.py)."""
    if "://" not in target:
        return target
    parts = urlsplit(target)
    if "@" not in parts.netloc:
        return target
    credentials, _, place = parts.netloc.rpartition("@")
    user = credentials.split(":", 1)[0]
    netloc = f"{user}@{place}" if user else place
    return urlunsplit(parts._replace(netloc=netloc))
