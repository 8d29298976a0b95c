"""Read back a postmortem written by `retrotui export` (Markdown).

The file's data block holds the whole document; the visible Markdown above
it must be exactly what the exporter writes for that document. A file that
was edited after export is refused with the first edited line named, rather
than imported with the edit silently lost.
"""

from __future__ import annotations

import json

from retrotui.export.markdown import DATA_CLOSE, DATA_OPEN, export_markdown
from retrotui.model import Retrospective, ValidationError, from_document


class MarkdownImportError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff").rstrip("\n") + "\n"


def parse(text: str) -> Retrospective:
    text = _normalise(text)
    if not text.startswith("---\n"):
        raise MarkdownImportError(
            1, "no front matter: this is not a file written by `retrotui export`"
        )
    opening = text.rfind(DATA_OPEN)
    if opening < 0:
        last = text.count("\n")
        raise MarkdownImportError(
            last,
            "no retrotui data block at the end: this is not a file written by `retrotui export`",
        )
    data_line = text.count("\n", 0, opening) + 1
    body_start = opening + len(DATA_OPEN) + 1
    closing = text.find("\n" + DATA_CLOSE, body_start)
    if closing < 0:
        raise MarkdownImportError(data_line, "the data block is not closed with -->")
    try:
        document = json.loads(text[body_start:closing])
    except json.JSONDecodeError as error:
        # The JSON starts on the line after "retrotui:data", two after "<!--".
        raise MarkdownImportError(
            data_line + 1 + error.lineno,
            f"the data block is not valid JSON ({error.msg})",
        ) from None
    try:
        retro = from_document(document)
    except ValidationError as error:
        raise MarkdownImportError(
            data_line, f"the data block is not a valid retrospective: {error}"
        ) from None
    expected = export_markdown(retro)
    if expected != text:
        line = _first_difference(expected, text)
        raise MarkdownImportError(
            line,
            "the Markdown was edited after export, and importing would lose the "
            "edit: change it in retrotui (or undo the edit) and export again",
        )
    return retro


def _first_difference(expected: str, actual: str) -> int:
    want, got = expected.split("\n"), actual.split("\n")
    for number, (a, b) in enumerate(zip(want, got, strict=False), start=1):
        if a != b:
            return number
    return min(len(want), len(got)) + 1
