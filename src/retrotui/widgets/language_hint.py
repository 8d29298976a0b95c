"""A hint line for the text being typed: blame-shaped wording and a rewrite.

It never blocks typing and never changes the text by itself; ctrl+l applies
the suggestion when the writer wants it.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from retrotui.model.language import Finding, apply_rewrite, lint
from retrotui.model.text import one_line

Field = Input | TextArea
DEBOUNCE_S = 0.3


class LanguageHint(Static):
    DEFAULT_CSS = """
    LanguageHint {
        height: auto;
        max-height: 2;
        color: $warning;
        background: $panel;
        padding: 0 1;
        display: none;
    }
    """

    def __init__(self, participants: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.participants = participants or []
        self.finding: Finding | None = None
        self.field: Field | None = None
        self._timer: Timer | None = None

    def typed(self, field: Field) -> None:
        """Check the field a moment after the typing stops."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_S, lambda: self.check(field))

    def check(self, field: Field | None) -> None:
        self.field = field
        findings = []
        if field is not None:
            text = _text(field)
            start, end = _prose(field, text)
            findings = lint(text[start:end], self.participants)
        self.finding = findings[0] if findings else None
        self.display = self.finding is not None
        if self.finding is not None:
            f = self.finding
            more = f" (+{len(findings) - 1} more)" if len(findings) > 1 else ""
            self.update(
                Text.assemble(
                    ("⚠ ", "bold"),
                    f"{f.message}: “{one_line(f.text, 40)}”{more} — try: ",
                    (one_line(f.suggestion, 120), "bold"),
                    "  ",
                    ("ctrl+l rewrites", "dim"),
                )
            )

    def apply(self) -> bool:
        """Replace the flagged sentence by the suggestion; True if it did."""
        if self.finding is None or self.field is None or not self.field.is_attached:
            return False
        text = _text(self.field)
        start, end = _prose(self.field, text)
        rewritten = (
            text[:start] + apply_rewrite(text[start:end], self.finding) + text[end:]
        )
        if isinstance(self.field, TextArea):
            self.field.text = rewritten
        else:
            self.field.value = rewritten
            self.field.cursor_position = len(rewritten)
        self.check(self.field)
        return True


def _text(field: Field) -> str:
    return field.text if isinstance(field, TextArea) else field.value


def _prose(field: Field, text: str) -> tuple[int, int]:
    """The part of the text that is prose: all of it, unless the field says."""
    span = getattr(field, "prose", None)
    return span(text) if span is not None else (0, len(text))
