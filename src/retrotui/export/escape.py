"""Escape user text for Markdown so that it always reads as literal text.

CommonMark lets any ASCII punctuation be backslash-escaped; we escape the
characters that can start markup anywhere in a line, and the ones that only
matter at the start of a line there. Table cells also escape `|` and fold
newlines, since a newline ends a GFM table row.
"""

from __future__ import annotations

import re

from retrotui.model.text import printable

_ANYWHERE = re.compile(r"([\\`*_\[\]<>&~|])")
_LINE_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])")


def _escape_line(line: str) -> str:
    line = printable(line).strip()
    line = _ANYWHERE.sub(r"\\\1", line)
    return _LINE_START.sub(
        lambda m: m.group(1) + re.sub(r"([-+=>#.)])", r"\\\1", m.group(2)), line
    )


def inline(text: str) -> str:
    """One line of literal text (newlines become spaces)."""
    return _escape_line(" ".join(text.split()))


def cell(text: str) -> str:
    """A GFM table cell: literal, one line, never empty (keeps the shape)."""
    escaped = inline(text)
    return escaped if escaped else " "


def block(text: str) -> str:
    """Paragraphs of literal text; blank lines separate paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(line) for line in paragraph.splitlines() if line.strip()]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


# Characters a YAML reader may reject or fold in a scalar, and "|", which in
# the file's front matter could make a Markdown renderer see a table.
_YAML_UNSAFE = re.compile(r"[\x80-\x9f\u2028\u2029|]")


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json

    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
