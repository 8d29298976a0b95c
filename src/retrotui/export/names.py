"""Stable, readable file names for a folder of exported postmortems."""

from __future__ import annotations

import re
import unicodedata

from retrotui.model import RetroSummary

MAX_SLUG = 60


def slug(title: str) -> str:
    ascii_title = (
        unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    )
    words = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return words[:MAX_SLUG].rstrip("-") or "retrospective"


def file_names(summaries: list[RetroSummary], extension: str) -> dict[str, str]:
    """id -> `2026-11-26-checkout-5xx-after-deploy.md`. Names that would
    collide get the id appended, decided in id order so a re-run agrees."""
    base = {
        s.id: f"{s.local_start.date().isoformat()}-{slug(s.title)}"
        for s in sorted(summaries, key=lambda s: s.id)
    }
    seen: dict[str, int] = {}
    for name in base.values():
        seen[name] = seen.get(name, 0) + 1
    return {
        retro_id: (f"{name}-{retro_id}" if seen[name] > 1 else name) + f".{extension}"
        for retro_id, name in base.items()
    }
