"""The "new retrospective" form: validates as the CLI does, says what is wrong."""

from __future__ import annotations

import os

from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, kind_choice, severity_choice, text_input
from retrotui.model import Kind, Retrospective, Severity
from retrotui.model.create import build_retrospective
from retrotui.model.timeparse import TimeParseError, zone


def default_zone() -> str:
    """The zone people type times in: $TZ when it names a real zone, else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    try:
        zone(name)
    except TimeParseError:
        return "UTC"
    return name


class NewRetroDialog(FormDialog[Retrospective]):
    TITLE_TEXT = "New retrospective"
    SUBMIT_LABEL = "Create"

    def __init__(self, timezone: str | None = None) -> None:
        super().__init__()
        self.default_zone = timezone or default_zone()

    def fields(self) -> list[tuple[str, Widget]]:
        title = text_input("title", placeholder="What happened, in a few words")
        title.max_length = 200
        return [
            ("Title", title),
            ("Kind", kind_choice(Kind.INCIDENT.value)),
            ("Severity", severity_choice(Severity.SEV3.value)),
            (
                "Started",
                text_input(
                    "started", placeholder="2026-11-26 14:03 (blank: not known yet)"
                ),
            ),
            (
                "Ended",
                text_input("ended", placeholder="15:10 (same day) or a full date"),
            ),
            ("Time zone", text_input("timezone", self.default_zone)),
            (
                "Tags",
                text_input(
                    "tags", placeholder="deploy, infrastructure, data, third-party …"
                ),
            ),
        ]

    def build(self) -> Retrospective:
        return build_retrospective(self.identity_form())
