"""Phase 2: the timeline. Facts only, from objective sources, in order."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from retrotui.model import Marker
from retrotui.model.create import FormError
from retrotui.model.text import one_line, quantity
from retrotui.model.timeline import (
    QUICK_HELP,
    add_event,
    incident_day_hint,
    next_marker,
    parse_quick_event,
    quick_event_prose,
    remove_event,
    replace_event,
    sort_timeline,
)
from retrotui.model.timeparse import local
from retrotui.panels.base import Panel, panel_title
from retrotui.widgets.event_table import EventTable
from retrotui.widgets.text_field import TextField


class TimelinePanel(Panel):
    BINDINGS = [
        Binding("a", "add", "add", id="timeline.add"),
        Binding(
            "i",
            "import",
            "import",
            tooltip="CSV, JSON Lines, Slack export, log lines",
            id="timeline.import",
        ),
        Binding("e,enter", "edit", "edit", id="timeline.edit"),
        Binding(
            "m",
            "marker",
            "marker",
            tooltip="Cycle trigger/detection/mitigation/resolution",
            id="timeline.marker",
        ),
        Binding("d,delete", "delete", "delete", id="timeline.delete"),
    ]

    def compose(self) -> ComposeResult:
        yield panel_title("Timeline", "facts only: no causes yet")
        yield EventTable(self.retro, id="events")
        yield Static(classes="row-detail")
        yield TextField(
            placeholder=f"> {QUICK_HELP}",
            id="quick-add",
            compact=True,
            prose=quick_event_prose,
        )
        yield Static(id="quick-error", classes="form-error")

    def on_mount(self) -> None:
        self.query_one(EventTable).reload()
        self.query_one("#quick-add", Input).tooltip = incident_day_hint(self.retro)

    def refresh_view(self) -> None:
        self.query_one(EventTable).reload()

    def focus_main(self) -> None:
        self.query_one(EventTable).focus()

    @property
    def table(self) -> EventTable:
        return self.query_one(EventTable)

    def _selected(self):
        table = self.table
        if not self.retro.timeline:
            return None
        return self.retro.timeline[table.cursor]

    @on(EventTable.Highlighted)
    def _highlighted(self) -> None:
        event = self._selected()
        if event is None:
            self.show_detail("")
            return
        when = local(event.time, self.retro.timezone).strftime("%Y-%m-%d %H:%M")
        mark = (
            "" if event.marker is Marker.NONE else f"  [{event.marker.value.upper()}]"
        )
        self.show_detail(f"{when} {event.source.value}: {event.text}{mark}")

    def action_add(self) -> None:
        self.query_one("#quick-add", Input).focus()

    @on(Input.Submitted, "#quick-add")
    def _quick_add(self, event: Input.Submitted) -> None:
        error = self.query_one("#quick-error", Static)
        if not event.value.strip():
            self.table.focus()
            return
        if not self.editable():
            return
        try:
            new = parse_quick_event(self.retro, event.value)
        except FormError as problem:
            error.update(Text(f"{problem.field.capitalize()}: {problem.message}"))
            return
        error.update("")
        index = add_event(self.retro, new)
        event.input.value = ""
        self.table.reload(index)
        self.changed()

    def action_import(self) -> None:
        if not self.editable():
            return
        from retrotui.dialogs.import_timeline import ImportDialog

        def done(result) -> None:
            if result is None:
                return
            self.retro.timeline.extend(result.events)
            sort_timeline(self.retro)
            self.table.reload()
            self.changed()
            self.notify(
                f"{quantity(len(result.events), 'event')} imported", title="Timeline"
            )

        self.open_dialog(ImportDialog(self.retro), done)

    def action_edit(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        from retrotui.dialogs.event import EventDialog

        def done(result) -> None:
            if result is None:
                return
            index = replace_event(self.retro, result)
            self.table.reload(index)
            self.changed()

        self.open_dialog(EventDialog(self.retro, current), done)

    def action_marker(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        current.marker = next_marker(current.marker)
        self.table.refresh_rows()
        self.changed()

    def action_delete(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        question = (
            f"Delete the {current.source.value} event “{one_line(current.text, 50)}”?"
        )
        self.confirm_delete(question, lambda: remove_event(self.retro, current.id))
