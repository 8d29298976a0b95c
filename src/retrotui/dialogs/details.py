"""Edit a retrospective's details: what it is, when, who was there, summary."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import TextArea

from retrotui.dialogs.form import FormDialog, kind_choice, severity_choice, text_input
from retrotui.model import Retrospective
from retrotui.model.create import update_details
from retrotui.model.timeparse import local


class DetailsDialog(FormDialog[Retrospective]):
    TITLE_TEXT = "Details"

    def __init__(self, retro: Retrospective) -> None:
        super().__init__()
        self.retro = retro

    def _when(self, moment) -> str:
        return (
            local(moment, self.retro.timezone).strftime("%Y-%m-%d %H:%M")
            if moment
            else ""
        )

    def fields(self) -> list[tuple[str, Widget]]:
        r = self.retro
        summary = TextArea(r.summary, id="summary", soft_wrap=True, compact=True)
        return [
            ("Title", text_input("title", r.title)),
            ("Kind", kind_choice(r.kind.value)),
            ("Severity", severity_choice(r.severity.value)),
            (
                "Started",
                text_input("started", self._when(r.started), "2026-11-26 14:03"),
            ),
            (
                "Ended",
                text_input(
                    "ended", self._when(r.ended), "15:10 (same day) or a full date"
                ),
            ),
            ("Time zone", text_input("timezone", r.timezone)),
            ("Tags", text_input("tags", ", ".join(r.tags))),
            (
                "People",
                text_input(
                    "participants",
                    ", ".join(r.participants),
                    "who took part, comma separated",
                ),
            ),
            ("Facilitator", text_input("facilitator", r.facilitator)),
            ("Summary", summary),
        ]

    def build(self) -> Retrospective:
        update_details(
            self.retro,
            self.identity_form(),
            participants=self.value("participants"),
            facilitator=self.value("facilitator"),
            summary=self.query_one("#summary", TextArea).text,
        )
        return self.retro
