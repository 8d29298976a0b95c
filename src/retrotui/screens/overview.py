"""A read-only overview of one retrospective, every section on one page."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from retrotui.model import ActionStatus, Effect, Marker, Retrospective
from retrotui.model.text import one_line, printable
from retrotui.model.timeparse import local
from retrotui.screens.base import RetroScreen
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.top_bar import TopBar

MARKER_STYLE = {
    Marker.TRIGGER: "bold #FF5F5F",
    Marker.DETECTION: "bold #FFB000",
    Marker.MITIGATION: "bold #5FAFFF",
    Marker.RESOLUTION: "bold #5FFF87",
}


class OverviewScreen(RetroScreen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back to library", id="overview.back"),
    ]

    def __init__(self, retro: Retrospective) -> None:
        super().__init__()
        self.retro = retro

    def compose(self) -> ComposeResult:
        yield TopBar(id="top-bar")
        with VerticalScroll(id="overview"):
            yield Static(self._heading(), id="overview-heading")
            if self.retro.summary:
                yield Static(Text(printable(self.retro.summary)), classes="prose")
            yield Static("Timeline", classes="section-title")
            yield DataTable(
                id="overview-timeline", cursor_type="row", zebra_stripes=True
            )
            if self.retro.factors:
                yield Static("Contributing factors", classes="section-title")
                yield Static(self._factors(), id="overview-factors")
            for chain in self.retro.why_chains:
                yield Static(
                    Text(f"5 Whys: {one_line(chain.problem)}"), classes="section-title"
                )
                yield Static(self._whys(chain.whys))
            yield Static("Action items", classes="section-title")
            yield Static(self._actions(), id="overview-actions")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(TopBar).show(
            one_line(self.retro.title, 60), self.retro.severity.value
        )
        table = self.query_one("#overview-timeline", DataTable)
        table.add_columns("Time", "Source", "What happened", "Marker")
        for event in sorted(self.retro.timeline, key=lambda e: e.time):
            marker = "" if event.marker is Marker.NONE else event.marker.value.upper()
            table.add_row(
                Text(local(event.time, self.retro.timezone).strftime("%H:%M")),
                Text(event.source.value),
                Text(one_line(event.text, 70)),
                Text(marker, style=MARKER_STYLE.get(event.marker, "")),
            )
        if not self.retro.timeline:
            table.display = False

    def _heading(self) -> Text:
        r = self.retro
        text = Text()
        text.append(printable(r.title) + "\n", style="bold")
        kind = "near miss" if r.kind.value == "near-miss" else "incident"
        text.append(f"{r.severity.value} {kind} · {r.status.value}")
        if r.started:
            started = local(r.started, r.timezone)
            text.append(f" · started {started:%Y-%m-%d %H:%M} {r.timezone}")
        if r.tags:
            text.append(" · tags: " + ", ".join(one_line(t, 30) for t in r.tags))
        return text

    def _factors(self) -> Text:
        text = Text()
        for factor in self.retro.factors:
            sign = "+" if factor.effect is Effect.BETTER else "−"
            style = "bold #5FFF87" if factor.effect is Effect.BETTER else "bold #FFB000"
            text.append(f" {sign} ", style=style)
            text.append(f"{factor.stage.value:<10} ", style="dim")
            text.append(one_line(factor.text, 70))
            text.append(f"  ({one_line(factor.category, 20)})\n", style="dim")
        text.rstrip()
        return text

    @staticmethod
    def _whys(whys: list[str]) -> Text:
        text = Text()
        for n, why in enumerate(whys, start=1):
            text.append(f" {n}. ", style="bold")
            text.append(one_line(why, 80) + "\n")
        text.rstrip()
        return text

    def _actions(self) -> Text:
        text = Text()
        if not self.retro.actions:
            return Text("No action items yet.", style="dim")
        today = self.today()
        for item in self.retro.actions:
            mark = {ActionStatus.DONE: "✓", ActionStatus.DROPPED: "✗"}.get(
                item.status, "○"
            )
            text.append(f" {mark} ", style="bold")
            text.append(one_line(item.title, 70))
            owner = one_line(item.owner, 30) or "no owner"
            due = item.due.isoformat() if item.due else "no due date"
            text.append(f"  {owner} · {due} · {item.category.value}", style="dim")
            if item.is_overdue(today):
                text.append("  overdue", style="bold #FF5F5F")
            elif item.status is ActionStatus.OPEN and item.is_wish:
                text.append("  a wish: needs an owner and a due date", style="#FFB000")
            text.append("\n")
        text.rstrip()
        return text
