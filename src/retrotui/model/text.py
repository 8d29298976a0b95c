"""Make user text safe to put on a terminal screen."""

from __future__ import annotations

import re

# C0 and C1 control characters (escape codes among them), except tab/newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Replace control characters by a visible stand-in; keep everything else."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str, limit: int = 200) -> str:
    """A single printable line, shortened with an ellipsis past `limit`."""
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quantity(count: float, word: str, plural: str = "") -> str:
    """'1 incident', '3 incidents', '1 near miss', '2 near misses', '4.5 days'."""
    number = f"{count:g}" if isinstance(count, float) else f"{count:,}"
    many = plural or f"{word}s"
    return f"{number} {word if count == 1 else many}"
