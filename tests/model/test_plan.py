"""Timebox presets and editing the plan before the session starts."""

from __future__ import annotations

import pytest

from retrotui.model.entities import PhaseRecord
from retrotui.model.enums import DEFAULT_MINUTES, Kind, Phase, Severity
from retrotui.model.plan import PRESET_TOTALS, apply_plan, preset_for, scaled_minutes
from retrotui.model.retrospective import Retrospective, default_phases


def minutes_of(phases: list[PhaseRecord]) -> dict[Phase, int]:
    return {r.phase: r.planned_s // 60 for r in phases}


def test_preset_totals() -> None:
    assert PRESET_TOTALS == {
        "SEV1": 90,
        "SEV2": 60,
        "SEV3": 45,
        "SEV4": 45,
        "near-miss": 30,
    }


@pytest.mark.parametrize(
    ("kind", "severity", "name", "total"),
    [
        (Kind.INCIDENT, Severity.SEV1, "SEV1: 90 min", 90),
        (Kind.INCIDENT, Severity.SEV2, "SEV2: 60 min", 60),
        (Kind.INCIDENT, Severity.SEV3, "SEV3: 45 min", 45),
        (Kind.INCIDENT, Severity.SEV4, "SEV4: 45 min", 45),
        # A near miss gets the short format whatever its severity.
        (Kind.NEAR_MISS, Severity.SEV1, "near miss: 30 min", 30),
        (Kind.NEAR_MISS, Severity.SEV4, "near miss: 30 min", 30),
    ],
)
def test_preset_for(kind: Kind, severity: Severity, name: str, total: int) -> None:
    label, plan = preset_for(kind, severity)
    assert label == name
    assert list(plan) == list(Phase)
    assert sum(plan.values()) == total
    assert all(minutes >= 1 for minutes in plan.values())


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (90, [7, 21, 14, 27, 21]),
        (60, [5, 14, 9, 18, 14]),
        (45, [4, 10, 7, 14, 10]),
        (30, [2, 7, 5, 9, 7]),
        (65, [5, 15, 10, 20, 15]),
        (130, [10, 30, 20, 40, 30]),
    ],
)
def test_scaled_minutes_known_values(total: int, expected: list[int]) -> None:
    assert list(scaled_minutes(total).values()) == expected


def test_scaled_minutes_sums_exactly_and_stays_proportional() -> None:
    base = sum(DEFAULT_MINUTES.values())
    for total in range(5, 601):
        plan = scaled_minutes(total)
        assert list(plan) == list(Phase)
        assert sum(plan.values()) == total, total
        for phase, minutes in plan.items():
            exact = DEFAULT_MINUTES[phase] * total / base
            assert minutes >= 1, (total, phase)
            if total >= 13:  # every phase's exact share is at least one minute
                assert abs(minutes - exact) < 1, (total, phase, minutes, exact)


def test_scaled_minutes_keeps_the_order_of_the_phases() -> None:
    plan = scaled_minutes(90)
    assert plan[Phase.FACTORS] == max(plan.values())
    assert plan[Phase.REVIEW] == min(plan.values())
    assert plan[Phase.TIMELINE] >= plan[Phase.IMPACT]


def test_scaled_minutes_does_not_touch_the_defaults() -> None:
    before = dict(DEFAULT_MINUTES)
    scaled_minutes(90)
    scaled_minutes(30)
    assert before == DEFAULT_MINUTES


# -- apply_plan ----------------------------------------------------------------


def test_apply_a_preset_to_a_new_retrospective() -> None:
    retro = Retrospective(title="t", severity=Severity.SEV1)
    _, plan = preset_for(retro.kind, retro.severity)
    apply_plan(retro.phases, plan)
    assert minutes_of(retro.phases) == plan
    assert sum(r.planned_s for r in retro.phases) == 90 * 60
    assert [r.phase for r in retro.phases] == list(Phase)


def test_apply_plan_edits_some_phases_only() -> None:
    phases = default_phases()
    apply_plan(phases, {Phase.TIMELINE: 25})
    assert minutes_of(phases) == {**DEFAULT_MINUTES, Phase.TIMELINE: 25}


def test_apply_plan_keeps_spent_time_extensions_and_skips() -> None:
    phases = default_phases()
    phases[1].spent_s = 123.5
    phases[1].extended_s = 300
    phases[1].skipped = True
    apply_plan(phases, {Phase.TIMELINE: 30})
    record = phases[1]
    assert record.phase is Phase.TIMELINE
    assert record.planned_s == 1800
    assert record.spent_s == 123.5
    assert record.extended_s == 300
    assert record.skipped


def test_apply_plan_adds_missing_phases_in_phase_order() -> None:
    phases = [PhaseRecord(phase=Phase.ACTIONS, planned_s=60)]
    apply_plan(phases, {Phase.REVIEW: 3, Phase.FACTORS: 12})
    assert [(r.phase, r.planned_s) for r in phases] == [
        (Phase.REVIEW, 180),
        (Phase.FACTORS, 720),
        (Phase.ACTIONS, 60),
    ]


def test_apply_plan_bounds_are_inclusive() -> None:
    phases = default_phases()
    apply_plan(phases, {Phase.REVIEW: 1, Phase.FACTORS: 600})
    assert phases[0].planned_s == 60
    assert phases[3].planned_s == 600 * 60


@pytest.mark.parametrize("bad", [0, -5, 601, 10_000])
def test_apply_plan_rejects_minutes_out_of_bounds(bad: int) -> None:
    phases = default_phases()
    with pytest.raises(ValueError, match=r"^impact: minutes must be between 1 and 600"):
        apply_plan(phases, {Phase.IMPACT: bad})
    assert minutes_of(phases) == DEFAULT_MINUTES


def test_apply_plan_rejects_a_bad_plan_without_changing_anything() -> None:
    phases = default_phases()
    with pytest.raises(ValueError, match="impact"):
        apply_plan(phases, {Phase.TIMELINE: 25, Phase.IMPACT: 0})
    assert minutes_of(phases) == DEFAULT_MINUTES
