"""The "new retrospective" form: validates as the CLI does, says what is wrong."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from retrotui.model import Kind, Retrospective, Severity
from retrotui.model.create import FormError, NewRetro, build_retrospective
from retrotui.model.timeparse import TimeParseError, zone

_FIELDS = ("title", "kind", "severity", "started", "ended", "timezone", "tags")


def default_zone() -> str:
    """The zone people type times in: $TZ when it names a real zone, else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    try:
        zone(name)
    except TimeParseError:
        return "UTC"
    return name


class NewRetroDialog(ModalScreen[Retrospective | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="new.cancel"),
        Binding("ctrl+s", "create", "Create", id="new.create"),
    ]

    def __init__(self, timezone: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.default_zone = timezone or default_zone()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="new-retro"):
            yield Static(
                Text("New retrospective", style="bold"), classes="dialog-title"
            )
            with Grid(id="new-form"):
                yield Label("Title")
                yield Input(
                    placeholder="What happened, in a few words",
                    id="title",
                    max_length=200,
                    compact=True,
                )
                yield Label("Kind")
                yield Select(
                    [
                        ("Incident", Kind.INCIDENT.value),
                        ("Near miss", Kind.NEAR_MISS.value),
                    ],
                    value=Kind.INCIDENT.value,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                )
                yield Label("Severity")
                yield Select(
                    [(s.value, s.value) for s in Severity],
                    value=Severity.SEV3.value,
                    allow_blank=False,
                    id="severity",
                    compact=True,
                )
                yield Label("Started")
                yield Input(placeholder="2026-11-26 14:03", id="started", compact=True)
                yield Label("Ended")
                yield Input(
                    placeholder="15:10 (same day) or a full date",
                    id="ended",
                    compact=True,
                )
                yield Label("Time zone")
                yield Input(value=self.default_zone, id="timezone", compact=True)
                yield Label("Tags")
                yield Input(
                    placeholder="deploy, infrastructure, data, third-party …",
                    id="tags",
                    compact=True,
                )
            yield Static(id="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create (ctrl+s)", variant="primary", id="create")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def _value(self, field: str) -> str:
        widget = self.query_one(f"#{field}")
        value = widget.value if isinstance(widget, Input | Select) else ""
        return str(value)

    def action_create(self) -> None:
        form = NewRetro(
            title=self._value("title"),
            kind=self._value("kind"),
            severity=self._value("severity"),
            started=self._value("started"),
            ended=self._value("ended"),
            timezone=self._value("timezone").strip() or "UTC",
            tags=[self._value("tags")],
        )
        try:
            retro = build_retrospective(form)
        except FormError as error:
            self._show_error(error)
            return
        self.dismiss(retro)

    def _show_error(self, error: FormError) -> None:
        label = {"timezone": "Time zone"}.get(error.field, error.field.capitalize())
        self.query_one("#form-error", Static).update(
            Text.assemble((f"{label}: ", "bold"), error.message)
        )
        for field in _FIELDS:
            self.query_one(f"#{field}").set_class(field == error.field, "invalid")
        if error.field in _FIELDS:
            self.query_one(f"#{error.field}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
