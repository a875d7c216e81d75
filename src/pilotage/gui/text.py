"""Service messages turned into the sentences a person reads in a message box or a dialog."""

from __future__ import annotations

# A message that already ends like a sentence keeps its own ending ("…" ends "locked…").
_ENDINGS = (".", "!", "?", "…")


def sentence(text: str) -> str:
    """The text stripped, with a capital first letter and a closing full stop.

    Services word their errors as clauses ("name is required") so that they read well
    inside other messages; shown alone they become a sentence. Empty text stays empty
    (a lone full stop would read as a glitch).
    """
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(_ENDINGS) else text + "."
