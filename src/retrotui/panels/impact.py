"""Phase 3: impact. Quantify what happened to ground the conversation."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Checkbox, Input, Label, Static

from retrotui.model.timeline import duration_minutes
from retrotui.panels.base import Panel, panel_title
from retrotui.widgets.text_field import TextField

TEXT_FIELDS = [
    ("users_affected", "Users affected", "How many users, which ones, how badly?"),
    ("business_cost", "Business cost", "Revenue, support load, contractual penalties…"),
    ("slo_breached", "SLO breached", "Which SLO, how much error budget?"),
    ("customer_reports", "Customer reports", "Tickets, calls, public posts"),
    ("lucky", "We got lucky", "Where did we get lucky?"),
]


class ImpactPanel(Panel):
    def compose(self) -> ComposeResult:
        impact = self.retro.impact
        yield panel_title(
            "Impact", "quantify what happened (tab to type, esc when done)"
        )
        with Grid(classes="form-grid impact-grid"):
            for field, label, hint in TEXT_FIELDS[:1]:
                yield Label(label)
                yield TextField(
                    getattr(impact, field), placeholder=hint, id=field, compact=True
                )
            yield Label("Duration (min)")
            yield TextField(
                "" if impact.duration_minutes is None else str(impact.duration_minutes),
                id="duration",
                compact=True,
            )
            for field, label, hint in TEXT_FIELDS[1:]:
                yield Label(label)
                yield TextField(
                    getattr(impact, field), placeholder=hint, id=field, compact=True
                )
            yield Label("Data lost")
            yield Checkbox(
                "yes, data was lost", impact.data_lost, id="data_lost", compact=True
            )
            yield Label("What data")
            yield TextField(
                impact.data_lost_details,
                placeholder="If data was lost: what, and can it be recovered?",
                id="data_lost_details",
                compact=True,
            )
        yield Static(id="impact-error", classes="form-error")

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        derived = duration_minutes(self.retro)
        hint = (
            f"{derived} from the timeline (type to override)"
            if derived is not None
            else "minutes, e.g. 62"
        )
        self.query_one("#duration", Input).placeholder = hint

    def focus_main(self) -> None:
        # Nothing focused: n, p and space must move the session on, not type
        # into the first field. Tab walks into the fields.
        self.screen.set_focus(None)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        impact = self.retro.impact
        error = self.query_one("#impact-error", Static)
        if field == "duration":
            text = event.value.strip()
            if text and not (text.isdigit() and int(text) <= 1_000_000):
                error.update(
                    "Duration: a whole number of minutes, or empty to use the timeline"
                )
                return
            error.update("")
            new = int(text) if text else None
            if new == impact.duration_minutes:
                return
            impact.duration_minutes = new
        elif hasattr(impact, field):
            if getattr(impact, field) == event.value:
                return
            setattr(impact, field, event.value)
        else:
            return
        self.changed(typing=True)

    @on(Checkbox.Changed, "#data_lost")
    def _data_lost(self, event: Checkbox.Changed) -> None:
        if self.retro.impact.data_lost == event.value:
            return
        self.retro.impact.data_lost = event.value
        self.changed()
