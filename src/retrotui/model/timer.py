"""The facilitation clock: deadline-based, driven by an injected clock.

Nothing here counts ticks. Time spent in a phase is the saved total plus,
while running, the time since the current run began, read from `clock()`.
Tests pass a fake clock; the UI only redraws from `reading()`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from retrotui.model.entities import PhaseRecord
from retrotui.model.enums import DEFAULT_MINUTES, Phase
from retrotui.model.retrospective import Retrospective

EXTENSION_S = 5 * 60
ENDING_S = 2 * 60


class ClockState(StrEnum):
    PAUSED = "paused"
    RUNNING = "running"
    ENDING = "ending"  # running, less than two minutes left
    OVERTIME = "overtime"


@dataclass(frozen=True)
class Reading:
    phase: Phase
    elapsed_s: float
    budget_s: int
    running: bool

    @property
    def remaining_s(self) -> float:
        return self.budget_s - self.elapsed_s

    @property
    def state(self) -> ClockState:
        if self.remaining_s < 0:
            return ClockState.OVERTIME
        if not self.running:
            return ClockState.PAUSED
        if self.remaining_s <= ENDING_S:
            return ClockState.ENDING
        return ClockState.RUNNING

    @property
    def display(self) -> str:
        """MM:SS left, or +MM:SS over (whole seconds, never a negative zero)."""
        # Counting down, a started second still shows (00:00 only at zero);
        # in overtime whole seconds over are counted up.
        if self.remaining_s >= 0:
            seconds = math.ceil(self.remaining_s)
        else:
            seconds = int(-self.remaining_s)
        minutes, secs = divmod(seconds, 60)
        sign = "+" if self.remaining_s < 0 else ""
        return f"{sign}{minutes:02d}:{secs:02d}"


class PhaseClock:
    def __init__(self, retro: Retrospective, clock: Callable[[], datetime]) -> None:
        self.retro = retro
        self.clock = clock
        # A hand-edited or older file may lack phases: give them the defaults.
        have = {r.phase for r in retro.phases}
        for phase in Phase:
            if phase not in have:
                retro.phases.append(
                    PhaseRecord(phase=phase, planned_s=DEFAULT_MINUTES[phase] * 60)
                )
        retro.phases.sort(key=lambda r: list(Phase).index(r.phase))
        if retro.timer.phase is None:
            retro.timer.phase = retro.phases[0].phase

    # -- reading -------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        assert self.retro.timer.phase is not None
        return self.retro.timer.phase

    def record(self, phase: Phase | None = None) -> PhaseRecord:
        wanted = phase or self.phase
        return next(r for r in self.retro.phases if r.phase is wanted)

    @property
    def running(self) -> bool:
        return self.retro.timer.running

    def _run_so_far(self) -> float:
        timer = self.retro.timer
        if not timer.running or timer.started_at is None:
            return 0.0
        return max(0.0, (self.clock() - timer.started_at).total_seconds())

    def reading(self) -> Reading:
        record = self.record()
        return Reading(
            phase=record.phase,
            elapsed_s=record.spent_s + self._run_so_far(),
            budget_s=record.planned_s + record.extended_s,
            running=self.running,
        )

    # -- changing ------------------------------------------------------------
    def start(self) -> None:
        if not self.running:
            self.retro.timer.running = True
            self.retro.timer.started_at = self.clock()

    def pause(self) -> None:
        if self.running:
            self.record().spent_s += self._run_so_far()
            self.retro.timer.running = False
            self.retro.timer.started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def checkpoint(self) -> None:
        """Fold the running time into the saved total, so a crash loses little."""
        if self.running:
            self.pause()
            self.start()

    def extend(self, seconds: int = EXTENSION_S) -> None:
        self.record().extended_s += seconds

    def go_to(self, phase: Phase) -> None:
        """Move to another phase; the clock keeps running if it was."""
        if phase is self.phase:
            return
        was_running = self.running
        self.pause()
        self.retro.timer.phase = phase
        if was_running:
            self.start()

    def _neighbour(self, step: int) -> Phase | None:
        order = [r.phase for r in self.retro.phases]
        index = order.index(self.phase) + step
        return order[index] if 0 <= index < len(order) else None

    def next(self) -> Phase | None:
        target = self._neighbour(1)
        if target is not None:
            self.go_to(target)
        return target

    def previous(self) -> Phase | None:
        target = self._neighbour(-1)
        if target is not None:
            self.go_to(target)
        return target

    def skip(self) -> Phase | None:
        self.record().skipped = True
        return self.next()

    def finish(self) -> None:
        """Stop the clock at the end of the last phase."""
        self.pause()


def spent_label(record: PhaseRecord) -> str:
    """e.g. "18 of 15 min" (planned including extensions)."""
    spent = round(record.spent_s / 60)
    planned = (record.planned_s + record.extended_s) // 60
    return f"{spent} of {planned} min"


def ran_over(record: PhaseRecord) -> bool:
    """Over by at least the half minute that makes spent_label say so."""
    return round(record.spent_s / 60) > (record.planned_s + record.extended_s) // 60
