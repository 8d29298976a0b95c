"""PhaseClock: the facilitation clock, deadline-based, driven by a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from retrotui.model.entities import PhaseRecord, TimerState
from retrotui.model.enums import DEFAULT_MINUTES, Phase
from retrotui.model.retrospective import Retrospective
from retrotui.model.timer import (
    ENDING_S,
    EXTENSION_S,
    ClockState,
    PhaseClock,
    Reading,
    ran_over,
    spent_label,
)

T0 = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


class FakeClock:
    """A wall clock that only moves when the test says so."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return self.now

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> None:
        self.now += timedelta(seconds=seconds, minutes=minutes)


def make(retro: Retrospective | None = None) -> tuple[PhaseClock, FakeClock]:
    fake = FakeClock()
    return PhaseClock(retro or Retrospective(title="t"), fake), fake


def reading(remaining_s: float, running: bool = True, budget_s: int = 900) -> Reading:
    return Reading(
        phase=Phase.TIMELINE,
        elapsed_s=budget_s - remaining_s,
        budget_s=budget_s,
        running=running,
    )


# -- the default plan ---------------------------------------------------------


def test_default_plan_is_5_15_10_20_15_in_phase_order() -> None:
    retro = Retrospective(title="t")
    assert [(r.phase, r.planned_s) for r in retro.phases] == [
        (Phase.REVIEW, 5 * 60),
        (Phase.TIMELINE, 15 * 60),
        (Phase.IMPACT, 10 * 60),
        (Phase.FACTORS, 20 * 60),
        (Phase.ACTIONS, 15 * 60),
    ]
    assert all(r.spent_s == 0 and r.extended_s == 0 for r in retro.phases)
    assert sum(DEFAULT_MINUTES.values()) == 65


def test_new_clock_starts_on_first_phase_paused_with_full_budget() -> None:
    clock, _ = make()
    r = clock.reading()
    assert clock.phase is Phase.REVIEW
    assert r.phase is Phase.REVIEW
    assert not clock.running
    assert r.elapsed_s == 0
    assert r.budget_s == 300
    assert r.display == "05:00"
    assert r.state is ClockState.PAUSED


def test_clock_keeps_a_saved_phase() -> None:
    retro = Retrospective(title="t", timer=TimerState(phase=Phase.FACTORS))
    clock, _ = make(retro)
    assert clock.phase is Phase.FACTORS
    assert clock.reading().budget_s == 20 * 60


# -- counting down ---------------------------------------------------------------


def test_running_clock_counts_down_from_the_injected_clock() -> None:
    clock, fake = make()
    clock.start()
    assert clock.running
    assert clock.retro.timer.started_at == T0
    fake.advance(61)
    r = clock.reading()
    assert r.elapsed_s == 61
    assert r.remaining_s == 239
    assert r.display == "03:59"
    assert r.state is ClockState.RUNNING


def test_reading_does_not_depend_on_how_often_it_is_read() -> None:
    """Deadline-based: many redraws do not add time, one big jump does."""
    once, fake_once = make()
    many, fake_many = make()
    once.start()
    many.start()
    for _ in range(300):
        fake_many.advance(0.2)
        many.reading()
    fake_once.advance(60)
    assert many.reading().elapsed_s == pytest.approx(once.reading().elapsed_s)
    assert once.reading().display == many.reading().display == "04:00"


def test_start_twice_does_not_restart_the_run() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(30)
    clock.start()
    assert clock.retro.timer.started_at == T0
    assert clock.reading().elapsed_s == 30


def test_clock_going_backwards_never_gives_negative_elapsed_time() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(-3600)
    assert clock.reading().elapsed_s == 0
    assert clock.reading().display == "05:00"


def test_started_at_in_another_offset_is_compared_correctly() -> None:
    plus_two = timezone(timedelta(hours=2))
    fake = FakeClock(T0.astimezone(plus_two))
    clock = PhaseClock(Retrospective(title="t"), fake)
    clock.start()
    fake.now = T0 + timedelta(seconds=90)  # same instant line, UTC this time
    assert clock.reading().elapsed_s == 90


# -- amber and red ---------------------------------------------------------------


def test_amber_in_the_last_two_minutes_while_running() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(300 - ENDING_S - 1)  # 2:01 left
    assert clock.reading().state is ClockState.RUNNING
    assert clock.reading().display == "02:01"
    fake.advance(1)  # exactly 2:00 left
    assert clock.reading().state is ClockState.ENDING
    assert clock.reading().display == "02:00"
    fake.advance(119)
    assert clock.reading().state is ClockState.ENDING
    assert clock.reading().display == "00:01"


def test_paused_in_the_last_two_minutes_is_paused_not_amber() -> None:
    assert reading(60, running=False).state is ClockState.PAUSED
    assert reading(60, running=True).state is ClockState.ENDING


def test_red_overtime_counts_up() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(minutes=7, seconds=5)
    r = clock.reading()
    assert r.state is ClockState.OVERTIME
    assert r.remaining_s == -125
    assert r.display == "+02:05"


def test_paused_phase_already_over_budget_stays_red() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(330)
    clock.pause()
    fake.advance(3600)
    r = clock.reading()
    assert not r.running
    assert r.state is ClockState.OVERTIME
    assert r.display == "+00:30"


# -- display edges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "display", "state"),
    [
        (0.0, "00:00", ClockState.ENDING),
        (0.5, "00:01", ClockState.ENDING),
        (0.001, "00:01", ClockState.ENDING),
        (-0.5, "+00:00", ClockState.OVERTIME),
        (-0.999, "+00:00", ClockState.OVERTIME),
        (-1.0, "+00:01", ClockState.OVERTIME),
        (59.5, "01:00", ClockState.ENDING),
        (60.0, "01:00", ClockState.ENDING),
        (899.5, "15:00", ClockState.RUNNING),
        (-59.0 * 60, "+59:00", ClockState.OVERTIME),
        (-(59 * 60 + 59.9), "+59:59", ClockState.OVERTIME),
        (-3600.0, "+60:00", ClockState.OVERTIME),
        (-(99 * 60 + 59), "+99:59", ClockState.OVERTIME),
        (-6000.0, "+100:00", ClockState.OVERTIME),
    ],
)
def test_display_edges(remaining: float, display: str, state: ClockState) -> None:
    r = reading(remaining, budget_s=2 * 3600)
    assert r.display == display
    assert r.state is state
    assert "-" not in r.display


def test_display_of_a_long_budget_has_more_than_59_minutes() -> None:
    assert reading(90 * 60, running=False, budget_s=90 * 60).display == "90:00"
    assert reading(59 * 60 + 59.5, budget_s=90 * 60).display == "60:00"


# -- pause -------------------------------------------------------------------------


def test_pause_holds_the_time() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(100)
    clock.pause()
    assert not clock.running
    assert clock.retro.timer.started_at is None
    assert clock.record().spent_s == 100
    before = clock.reading()
    fake.advance(minutes=45)
    after = clock.reading()
    assert after == before
    assert after.display == "03:20"
    assert after.state is ClockState.PAUSED


def test_resume_after_pause_continues_from_the_held_time() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(100)
    clock.pause()
    fake.advance(999)
    clock.start()
    fake.advance(20)
    assert clock.reading().elapsed_s == 120


def test_pause_when_paused_changes_nothing() -> None:
    clock, fake = make()
    fake.advance(50)
    clock.pause()
    assert clock.record().spent_s == 0
    assert not clock.running


def test_toggle_starts_and_pauses() -> None:
    clock, fake = make()
    clock.toggle()
    assert clock.running
    fake.advance(42)
    clock.toggle()
    assert not clock.running
    assert clock.record().spent_s == 42


def test_finish_stops_the_clock_and_keeps_the_time() -> None:
    clock, fake = make()
    clock.go_to(Phase.ACTIONS)
    clock.start()
    fake.advance(minutes=16)
    clock.finish()
    fake.advance(minutes=30)
    assert not clock.running
    assert clock.record(Phase.ACTIONS).spent_s == 16 * 60


# -- extend ------------------------------------------------------------------------


def test_plus_five_minutes_extends_the_current_phase() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(60)
    clock.extend()
    assert EXTENSION_S == 300
    r = clock.reading()
    assert r.budget_s == 600
    assert r.display == "09:00"
    assert clock.record().planned_s == 300
    assert clock.record().extended_s == 300
    # Only the current phase is extended.
    assert clock.record(Phase.TIMELINE).extended_s == 0


def test_extend_from_overtime_back_to_countdown() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(490)
    assert clock.reading().display == "+03:10"
    assert clock.reading().state is ClockState.OVERTIME
    clock.extend()
    r = clock.reading()
    assert r.state is ClockState.ENDING
    assert r.display == "01:50"
    clock.extend()
    assert clock.reading().state is ClockState.RUNNING
    assert clock.reading().display == "06:50"


def test_extend_while_paused_and_custom_amount() -> None:
    clock, _ = make()
    clock.extend(90)
    assert clock.reading().display == "06:30"
    assert clock.reading().state is ClockState.PAUSED


# -- moving between phases ---------------------------------------------------------


def test_next_and_previous_walk_the_plan_order() -> None:
    clock, _ = make()
    seen = [clock.phase]
    while (moved := clock.next()) is not None:
        assert moved is clock.phase
        seen.append(moved)
    assert seen == list(Phase)
    assert clock.phase is Phase.ACTIONS
    assert clock.next() is None
    assert clock.phase is Phase.ACTIONS
    assert clock.previous() is Phase.FACTORS
    clock.go_to(Phase.REVIEW)
    assert clock.previous() is None
    assert clock.phase is Phase.REVIEW


def test_going_to_another_phase_keeps_the_clock_running() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(minutes=4)
    assert clock.next() is Phase.TIMELINE
    assert clock.running
    assert clock.record(Phase.REVIEW).spent_s == 240
    fake.advance(minutes=3)
    r = clock.reading()
    assert r.phase is Phase.TIMELINE
    assert r.elapsed_s == 180
    assert r.display == "12:00"
    # The phase left behind does not keep counting.
    assert clock.record(Phase.REVIEW).spent_s == 240


def test_going_to_another_phase_while_paused_stays_paused() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(30)
    clock.pause()
    clock.go_to(Phase.IMPACT)
    fake.advance(600)
    assert not clock.running
    assert clock.reading().elapsed_s == 0
    assert clock.record(Phase.REVIEW).spent_s == 30


def test_coming_back_continues_the_phase_own_spent_time() -> None:
    clock, fake = make()
    clock.go_to(Phase.TIMELINE)
    clock.start()
    fake.advance(minutes=10)
    clock.next()
    fake.advance(minutes=2)
    clock.previous()
    assert clock.phase is Phase.TIMELINE
    fake.advance(minutes=8)
    assert clock.reading().elapsed_s == 18 * 60
    assert clock.reading().display == "+03:00"
    assert clock.record(Phase.IMPACT).spent_s == 120


def test_go_to_the_current_phase_changes_nothing() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(10)
    clock.go_to(Phase.REVIEW)
    assert clock.retro.timer.started_at == T0
    assert clock.record().spent_s == 0
    assert clock.reading().elapsed_s == 10


def test_skip_marks_the_phase_and_moves_on() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(20)
    assert clock.skip() is Phase.TIMELINE
    assert clock.record(Phase.REVIEW).skipped
    assert clock.record(Phase.REVIEW).spent_s == 20
    assert not clock.record(Phase.TIMELINE).skipped
    assert clock.running


def test_skip_on_the_last_phase_marks_it_and_stays() -> None:
    clock, _ = make()
    clock.go_to(Phase.ACTIONS)
    assert clock.skip() is None
    assert clock.phase is Phase.ACTIONS
    assert clock.record().skipped


# -- checkpoint and resume -----------------------------------------------------


def test_checkpoint_folds_running_time_without_changing_the_reading() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(75)
    before = clock.reading()
    clock.checkpoint()
    assert clock.running
    assert clock.record().spent_s == 75
    assert clock.retro.timer.started_at == T0 + timedelta(seconds=75)
    assert clock.reading() == before
    fake.advance(5)
    assert clock.reading().elapsed_s == 80


def test_checkpoint_while_paused_changes_nothing() -> None:
    clock, fake = make()
    fake.advance(75)
    clock.checkpoint()
    assert not clock.running
    assert clock.retro.timer.started_at is None
    assert clock.record().spent_s == 0


def test_a_restart_resumes_a_running_clock_from_saved_state() -> None:
    clock, fake = make()
    clock.go_to(Phase.FACTORS)
    clock.start()
    fake.advance(minutes=5)
    clock.checkpoint()
    fake.advance(minutes=1)
    # The app crashes here; a new clock over the same saved retrospective.
    revived = PhaseClock(clock.retro, fake)
    assert revived.phase is Phase.FACTORS
    assert revived.running
    assert revived.reading().elapsed_s == 6 * 60
    assert revived.reading().display == "14:00"


def test_saved_timer_state_is_normalised_to_utc() -> None:
    plus_one = timezone(timedelta(hours=1))
    state = TimerState(
        phase=Phase.IMPACT, running=True, started_at=T0.astimezone(plus_one)
    )
    assert state.started_at == T0
    assert state.started_at.tzinfo is UTC
    fake = FakeClock(T0 + timedelta(seconds=30))
    clock = PhaseClock(Retrospective(title="t", timer=state), fake)
    assert clock.reading().elapsed_s == 30


def test_clock_over_a_partial_phase_list_does_not_crash() -> None:
    retro = Retrospective(
        title="t",
        phases=[PhaseRecord(phase=Phase.TIMELINE, planned_s=900)],
        timer=TimerState(phase=Phase.FACTORS),
    )
    clock, _ = make(retro)
    r = clock.reading()
    assert r.phase is Phase.FACTORS
    assert r.budget_s > 0


# -- spent_label and ran_over --------------------------------------------------


def test_spent_label_and_ran_over_after_a_real_run() -> None:
    clock, fake = make()
    clock.go_to(Phase.TIMELINE)
    clock.start()
    fake.advance(minutes=18)
    clock.pause()
    record = clock.record(Phase.TIMELINE)
    assert spent_label(record) == "18 of 15 min"
    assert ran_over(record)
    assert spent_label(clock.record(Phase.IMPACT)) == "0 of 10 min"
    assert not ran_over(clock.record(Phase.IMPACT))


@pytest.mark.parametrize(
    ("spent_s", "planned_s", "extended_s", "label", "over"),
    [
        (0, 900, 0, "0 of 15 min", False),
        (900, 900, 0, "15 of 15 min", False),
        (901, 900, 0, "15 of 15 min", False),  # not over until it shows
        (18 * 60, 900, 0, "18 of 15 min", True),
        (18 * 60, 900, 300, "18 of 20 min", False),
        (21 * 60, 900, 300, "21 of 20 min", True),
        (10 * 60 + 20, 600, 0, "10 of 10 min", False),
        (3 * 3600, 600, 0, "180 of 10 min", True),
    ],
)
def test_spent_label_and_ran_over_cases(
    spent_s: float, planned_s: int, extended_s: int, label: str, over: bool
) -> None:
    record = PhaseRecord(
        phase=Phase.TIMELINE,
        planned_s=planned_s,
        extended_s=extended_s,
        spent_s=spent_s,
    )
    assert spent_label(record) == label
    assert ran_over(record) is over


def test_pausing_an_overrun_phase_makes_it_ran_over() -> None:
    clock, fake = make()
    clock.start()
    fake.advance(minutes=5, seconds=31)
    assert not ran_over(clock.record())  # running time is not folded yet
    clock.pause()
    assert ran_over(clock.record())
