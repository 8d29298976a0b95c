"""Event text as imported: one line, single spaces, at most MAX_TEXT."""

from __future__ import annotations

MAX_TEXT = 2000


def tidy_text(text: str) -> str:
    """Runs of whitespace (line breaks too) become one space; no cut."""
    # The common case (one line, single spaces) skips the split and join.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return " ".join(text.split())
    return text.strip()
