"""A retrospective in progress: one phase fills the screen, the clock and the
phase's guidance sit in a narrow column that never moves.

Facilitated mode runs the timeboxes; drafting mode hides the clock and lets
the author jump freely between sections. Every change is saved as it happens.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Static

from retrotui.model import Phase, Retrospective, Source
from retrotui.model.guidance import PROMPTS, TITLES
from retrotui.model.metrics import blind_spots, detected_by, metrics, minutes_label
from retrotui.model.serialize import to_document
from retrotui.model.timeparse import local
from retrotui.model.timer import ClockState, PhaseClock
from retrotui.panels.actions import ActionsPanel
from retrotui.panels.base import Panel
from retrotui.panels.factors import FactorsPanel
from retrotui.panels.impact import ImpactPanel
from retrotui.panels.review import ReviewPanel
from retrotui.panels.summary import SummaryPanel
from retrotui.panels.timeline import TimelinePanel
from retrotui.resources import stylesheet
from retrotui.screens.base import RetroScreen
from retrotui.screens.publishing import copy_markdown, export_with_dialog
from retrotui.store import StoreError
from retrotui.widgets.clock import ClockPanel
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.language_hint import LanguageHint
from retrotui.widgets.phase_header import SECTION_LABELS, PhaseHeader

Mode = Literal["facilitate", "draft"]
SECTIONS: list[str] = [*(p.value for p in Phase), "summary"]
PANELS = {
    "review": ReviewPanel,
    "timeline": TimelinePanel,
    "impact": ImpactPanel,
    "factors": FactorsPanel,
    "actions": ActionsPanel,
    "summary": SummaryPanel,
}
CHECKPOINT_S = 10.0
TYPING_PAUSE_S = 0.4


class SessionScreen(RetroScreen):
    CSS_PATH = [stylesheet("dialogs.tcss"), stylesheet("session.tcss")]
    BINDINGS = [
        Binding("space", "toggle_clock", "start/pause", id="session.toggle"),
        Binding(
            "plus,equals_sign", "extend", "5 min", key_display="+", id="session.extend"
        ),
        Binding("n", "next", "next", id="session.next"),
        Binding("p", "previous", "prev", id="session.previous"),
        # The same moves while typing in a field, where n and p are letters.
        # Priority: a text field would take them as word jumps otherwise.
        Binding(
            "ctrl+right",
            "next",
            "next",
            show=False,
            priority=True,
            id="session.next-typing",
        ),
        Binding(
            "ctrl+left",
            "previous",
            "prev",
            show=False,
            priority=True,
            id="session.previous-typing",
        ),
        Binding("s", "skip", "skip", id="session.skip"),
        Binding("escape", "unfocus_or_leave", "library", id="session.leave"),
        Binding("ctrl+e", "details", "details", show=False, id="session.details"),
        Binding(
            "ctrl+l",
            "rewrite",
            "rewrite",
            show=False,
            priority=True,
            id="session.rewrite",
        ),
        *(
            Binding(str(n), f"jump({n - 1})", f"Go to section {n}", show=False)
            for n in range(1, len(SECTIONS) + 1)
        ),
    ]

    def __init__(self, retro: Retrospective, mode: Mode = "facilitate") -> None:
        super().__init__()
        self.retro = retro
        self.mode: Mode = mode
        self.clock: PhaseClock | None = None
        self._announced: set[Phase] = set()
        self._save_timer: Timer | None = None
        self._since_checkpoint = 0.0
        # What is on disk: a save with nothing changed would still move the
        # "updated" time, so only reading a retrospective must not save it.
        self._saved = to_document(retro)

    @property
    def drafting(self) -> bool:
        return self.mode == "draft"

    def compose(self) -> ComposeResult:
        yield PhaseHeader(id="session-header")
        with Horizontal(id="session-body"):
            with ContentSwitcher(id="phase-content", initial="timeline"):
                for name, panel in PANELS.items():
                    yield panel(self.retro, id=name)
            with Vertical(id="side"):
                if not self.drafting:
                    yield ClockPanel(id="clock")
                yield Static(id="guidance")
                yield Static(id="side-metrics")
        yield LanguageHint(self.retro.participants, id="language-hint")
        yield KeyBar()

    @on(Input.Changed)
    def _language(self, event: Input.Changed) -> None:
        self.query_one(LanguageHint).typed(event.input)

    def on_descendant_focus(self) -> None:
        focused = self.app.focused
        self.query_one(LanguageHint).check(
            focused if isinstance(focused, Input) else None
        )

    def action_rewrite(self) -> None:
        hint = self.query_one(LanguageHint)
        if hint.finding is None:
            self.notify("No blame-shaped wording here.", timeout=3)
        elif hint.apply():
            self.notify("Rewritten: edit it to fit.", timeout=3)

    def on_mount(self) -> None:
        # A crash while running leaves the clock "running" on disk; resume paused
        # at the last checkpoint rather than guess how long the app was down.
        if self.retro.timer.running:
            self.retro.timer.running = False
            self.retro.timer.started_at = None
        if self.drafting:
            # Drafting never moves the facilitated session's place or clock.
            self._show(0)
            return
        self.clock = PhaseClock(self.retro, self.retro_app.clock)
        self._show(SECTIONS.index(self.clock.phase.value))
        self.set_interval(0.25, self.tick)

    # -- which section ---------------------------------------------------
    @property
    def current(self) -> int:
        switcher = self.query_one(ContentSwitcher)
        return SECTIONS.index(switcher.current or "timeline")

    def _show(self, index: int) -> None:
        name = SECTIONS[index]
        switcher = self.query_one(ContentSwitcher)
        switcher.current = name
        panel = self.query_one(f"#{name}", Panel)
        panel.refresh_view()
        panel.focus_main()
        self.query_one(PhaseHeader).show(
            self.retro, index, self.drafting, self.store.read_only
        )
        self._show_side()
        self.refresh_bindings()

    def _move_to(self, index: int) -> None:
        index = max(0, min(len(SECTIONS) - 1, index))
        if self.clock is not None:
            if index < len(Phase):
                self.clock.go_to(Phase(SECTIONS[index]))
            else:
                self.clock.finish()
        self._show(index)
        self.save()

    def _show_side(self) -> None:
        name = SECTIONS[self.current]
        guidance = Text()
        if name == "summary":
            guidance.append("Read it through together.\n", style="bold")
            guidance.append("Warnings are listed first; fix what matters, then export.")
        else:
            phase = Phase(name)
            guidance.append(TITLES[phase] + "\n", style="bold")
            for prompt in PROMPTS[phase]:
                guidance.append("• ", style="#00D7FF")
                guidance.append(prompt + "\n")
            guidance.rstrip()
        self.query_one("#guidance", Static).update(guidance)
        self.query_one("#side-metrics", Static).update(self._metrics_text())
        self.tick()

    def _metrics_text(self) -> Text:
        if SECTIONS[self.current] not in ("timeline", "impact", "summary"):
            return Text()
        m = metrics(self.retro)
        text = Text()
        for label, value, missing in (
            ("To detect", m.to_detect, "no marker yet"),
            ("To mitigate", m.to_mitigate, "no marker yet"),
            ("To resolve", m.to_resolve, "no marker yet"),
        ):
            text.append(f"{label:<13}", style="dim")
            text.append(
                minutes_label(value, missing) + "\n",
                style="bold" if value is not None else "#FFB000",
            )
        source = detected_by(self.retro)
        if source is not None:
            text.append(f"{'Detected by':<13}", style="dim")
            text.append(source.value + "\n", style="bold")
            if source is Source.CUSTOMER:
                text.append(
                    "Customers found it first: add a detection improvement.\n",
                    style="#FFB000",
                )
        gaps = blind_spots(self.retro)
        if gaps:
            text.append("Blind spots\n", style="dim")
            zone_name = self.retro.timezone
            for gap in sorted(gaps, key=lambda g: g.minutes, reverse=True)[:3]:
                start = local(gap.before.time, zone_name).strftime("%H:%M")
                end = local(gap.after.time, zone_name).strftime("%H:%M")
                text.append(f" {start}→{end} ", style="bold #FFB000")
                text.append(f"{round(gap.minutes)} min {gap.why}\n")
        text.rstrip()
        return text

    # -- the clock ---------------------------------------------------------
    def tick(self) -> None:
        """Redraw the clock from the model; announce the end of a timebox once."""
        if self.clock is None or self.drafting or self.current >= len(Phase):
            if not self.drafting and self.is_mounted:
                self.query_one(ClockPanel).display = self.current < len(Phase)
            return
        self.query_one(ClockPanel).display = True
        reading = self.clock.reading()
        self.query_one(ClockPanel).show(reading)
        if (
            reading.state is ClockState.OVERTIME
            and reading.phase not in self._announced
        ):
            self._announced.add(reading.phase)
            if reading.running:
                self.app.bell()
                self.notify(
                    f"Time is up for {TITLES[reading.phase]}: wrap up, +5 min, or n for next.",
                    title="Time",
                )
        if reading.running:
            self._since_checkpoint += 0.25
            if self._since_checkpoint >= CHECKPOINT_S:
                self._since_checkpoint = 0.0
                self.clock.checkpoint()
                self.save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False hides the key from the key bar: there is nothing to do with it.
        no_clock = self.drafting or self.current >= len(Phase)
        if action in ("toggle_clock", "extend", "skip") and (
            no_clock or self.store.read_only
        ):
            return False
        if action == "details" and self.store.read_only:
            return False
        if action == "next":
            return self.current < len(SECTIONS) - 1
        if action == "previous":
            return self.current > 0
        return True

    def key_description(self, action: str, description: str) -> str:
        """What the key bar says for a key, given where the focus is."""
        if action == "unfocus_or_leave" and isinstance(self.app.focused, Input):
            return "done typing"
        return description

    def action_toggle_clock(self) -> None:
        if self.clock and not self.store.read_only:
            self.clock.toggle()
            self.tick()
            self.save()

    def action_extend(self) -> None:
        if self.clock and not self.store.read_only:
            self.clock.extend()
            self._announced.discard(self.clock.phase)
            self.tick()
            self.save()
            self.notify("+5 minutes", timeout=2)

    def action_next(self) -> None:
        self._move_to(self.current + 1)

    def action_previous(self) -> None:
        self._move_to(self.current - 1)

    def action_skip(self) -> None:
        if self.clock and self.current < len(Phase):
            self.clock.record().skipped = True
        self._move_to(self.current + 1)

    def action_details(self) -> None:
        """Edit title, times, zone, tags, people and the written summary."""
        if self.store.read_only:
            self.notify(
                self.store.read_only_reason, title="Read-only", severity="warning"
            )
            return
        from retrotui.dialogs.details import DetailsDialog

        def done(result: Retrospective | None) -> None:
            if result is not None:
                self._show(self.current)
                self.save()

        self.app.push_screen(DetailsDialog(self.retro), done)

    def action_jump(self, index: int) -> None:
        self._move_to(index)

    def action_unfocus_or_leave(self) -> None:
        if isinstance(self.app.focused, Input):
            self.query_one(f"#{SECTIONS[self.current]}", Panel).focus_main()
            if isinstance(self.app.focused, Input):
                self.set_focus(None)
            return
        if self.clock is not None and self.clock.running:
            self.clock.pause()
            self.notify("The clock is paused; it resumes where it stopped.", timeout=4)
        self.save()
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        if not self.drafting and self.current < len(Phase):
            yield SystemCommand(
                "Start or pause the clock", "space", self.action_toggle_clock
            )
            yield SystemCommand(
                "Add 5 minutes", "to this phase's timebox (+)", self.action_extend
            )
            yield SystemCommand(
                "Skip this phase",
                "record it as skipped and move on (s)",
                self.action_skip,
            )
        yield SystemCommand(
            "Edit details",
            "title, times, zone, tags, people, summary (ctrl+e)",
            self.action_details,
        )
        yield SystemCommand("Next section", "n", self.action_next)
        yield SystemCommand("Previous section", "p", self.action_previous)
        for index, label in enumerate(SECTION_LABELS):
            yield SystemCommand(
                f"Go to {label}", f"key {index + 1}", partial(self.action_jump, index)
            )
        yield SystemCommand(
            "Export",
            "Markdown, HTML or JSON to a file",
            partial(export_with_dialog, self.app, self.retro),
        )
        yield SystemCommand(
            "Copy Markdown",
            "to the clipboard, for a wiki",
            partial(copy_markdown, self.app, self.retro),
        )
        yield SystemCommand(
            "Back to the library",
            "esc; everything is saved",
            self.action_unfocus_or_leave,
        )

    # -- saving ------------------------------------------------------------
    @on(Panel.Changed)
    def _changed(self, event: Panel.Changed) -> None:
        event.stop()
        self.query_one("#side-metrics", Static).update(self._metrics_text())
        if event.typing:
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(TYPING_PAUSE_S, self.save)
        else:
            self.save()

    def save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.store.read_only:
            return
        if to_document(self.retro) == self._saved:
            return
        try:
            self._saved = self.store.save(self.retro)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)

    def on_unmount(self) -> None:
        if self.clock is not None and self.clock.running:
            self.clock.pause()
        self.save()
