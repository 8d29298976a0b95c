"""Before a session: why this retrospective, how long, facilitated or drafting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from retrotui.model import Criterion, Kind, Phase, Retrospective
from retrotui.model.checks import criteria_warning, staleness_warning
from retrotui.model.guidance import TITLES
from retrotui.model.plan import preset_for
from retrotui.model.text import one_line
from retrotui.resources import stylesheet
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.phase_header import SECTION_LABELS
from retrotui.widgets.text_field import TextField

CRITERIA_LABELS = {
    Criterion.CUSTOMER_IMPACT: "Customer impact: degraded service, data loss or downtime",
    Criterion.NEAR_MISS: "Near miss: caught just in time",
    Criterion.REPEAT_PATTERN: "Repeat pattern: this category has happened before",
    Criterion.CROSS_TEAM: "Cross-team: needed coordination across teams",
    Criterion.NOVEL_FAILURE: "Novel failure: monitoring or process did not anticipate it",
}


@dataclass
class StartChoice:
    mode: str
    criteria: list[Criterion]
    minutes: dict[Phase, int]


class StartDialog(ModalScreen[StartChoice | None]):
    CSS_PATH = [stylesheet("dialogs.tcss")]
    BINDINGS = [
        Binding("ctrl+f", "start('facilitate')", "facilitate"),
        Binding("ctrl+d", "start('draft')", "draft"),
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, retro: Retrospective, now: datetime) -> None:
        super().__init__(classes="dialog")
        self.retro = retro
        self.now = now
        self.preset_name, self.preset = preset_for(retro.kind, retro.severity)
        planned = {r.phase: r.planned_s // 60 for r in retro.phases}
        # A plan someone already edited wins over the preset.
        self.minutes = (
            planned
            if any(r.spent_s or r.extended_s for r in retro.phases)
            else self.preset
        )
        self.ticked = set(retro.criteria)
        if not self.ticked and retro.kind is Kind.NEAR_MISS:
            self.ticked = {Criterion.NEAR_MISS}  # a near miss is its own reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="start-box"):
            yield Static(
                Text(one_line(self.retro.title, 64), style="bold"),
                classes="dialog-title",
            )
            yield Static(
                "When to run a retrospective: tick what applies",
                classes="section-title",
            )
            for criterion, label in CRITERIA_LABELS.items():
                yield Checkbox(
                    label,
                    criterion in self.ticked,
                    id=f"c-{criterion.value}",
                    compact=True,
                )
            yield Static(id="start-warnings")
            yield Static(
                f"Timeboxes in minutes (preset {self.preset_name})",
                classes="section-title",
            )
            with Grid(id="minutes-grid"):
                for label in SECTION_LABELS[: len(Phase)]:
                    yield Label(label)
                for phase in Phase:
                    yield TextField(
                        str(self.minutes[phase]),
                        id=f"m-{phase.value}",
                        compact=True,
                        restrict=r"\d{0,3}",
                    )
            yield Static(id="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Facilitate (ctrl+f)", variant="primary", id="facilitate")
                yield Button("Draft (ctrl+d)", id="draft")
                yield Button("Cancel (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self._warn()
        self.query_one("#facilitate", Button).focus()

    def _criteria(self) -> list[Criterion]:
        return [c for c in Criterion if self.query_one(f"#c-{c.value}", Checkbox).value]

    @on(Checkbox.Changed)
    def _warn(self) -> None:
        probe = Retrospective(
            title="probe", criteria=self._criteria(), ended=self.retro.ended
        )
        lines = Text()
        for warning in (criteria_warning(probe), staleness_warning(probe, self.now)):
            if warning:
                lines.append("⚠ " + warning.message + "\n", style="#FFB000")
        lines.rstrip()
        self.query_one("#start-warnings", Static).update(lines)

    def action_start(self, mode: str) -> None:
        minutes: dict[Phase, int] = {}
        for phase in Phase:
            text = self.query_one(f"#m-{phase.value}", Input).value.strip()
            if not text.isdigit() or not 1 <= int(text) <= 600:
                self.query_one("#form-error", Static).update(
                    Text.assemble(
                        (f"{TITLES[phase]}: ", "bold"),
                        "minutes must be a whole number from 1 to 600",
                    )
                )
                self.query_one(f"#m-{phase.value}", Input).focus()
                return
            minutes[phase] = int(text)
        self.dismiss(StartChoice(mode, self._criteria(), minutes))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.action_start(event.button.id or "facilitate")
