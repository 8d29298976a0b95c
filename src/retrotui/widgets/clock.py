"""The big countdown beside every phase: it only redraws from a Reading."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from retrotui.model.timer import ClockState, Reading


class ClockPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="clock-digits")
        yield Static(id="clock-status")

    def show(self, reading: Reading) -> None:
        digits = self.query_one(Digits)
        digits.update(reading.display)
        state = reading.state
        for name in ClockState:
            self.set_class(state is name, f"-{name.value}")
        planned = reading.budget_s // 60
        status = Text(justify="center")
        label = {
            ClockState.PAUSED: "paused",
            ClockState.RUNNING: "running",
            ClockState.ENDING: "ending soon",
            ClockState.OVERTIME: "over" + ("" if reading.running else " · paused"),
        }[state]
        status.append(label, style="bold")
        status.append(f" · of {planned}:00")
        self.query_one("#clock-status", Static).update(status)
