"""Edit one timeline event."""

from __future__ import annotations

from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, choice, text_input
from retrotui.model import Marker, Retrospective, Source, TimelineEvent
from retrotui.model.timeline import build_event
from retrotui.model.timeparse import local


class EventDialog(FormDialog[TimelineEvent]):
    TITLE_TEXT = "Timeline event"

    def __init__(self, retro: Retrospective, event: TimelineEvent) -> None:
        super().__init__()
        self.retro = retro
        self.event = event

    def fields(self) -> list[tuple[str, Widget]]:
        when = local(self.event.time, self.retro.timezone).strftime("%Y-%m-%d %H:%M")
        return [
            ("Time", text_input("time", when, "14:03 or 2026-11-26 14:03")),
            (
                "Source",
                choice(
                    "source",
                    [(s.value, s.value) for s in Source],
                    self.event.source.value,
                ),
            ),
            ("What", text_input("text", self.event.text)),
            (
                "Marker",
                choice(
                    "marker",
                    [(m.value, m.value) for m in Marker],
                    self.event.marker.value,
                ),
            ),
        ]

    def build(self) -> TimelineEvent:
        return build_event(
            self.retro,
            self.value("time"),
            self.value("source"),
            self.value("text"),
            self.value("marker"),
            event_id=self.event.id,
        )
