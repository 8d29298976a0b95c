"""Timebox presets: the method's 60-minute format, scaled by severity."""

from __future__ import annotations

from retrotui.model.entities import PhaseRecord
from retrotui.model.enums import DEFAULT_MINUTES, Kind, Phase, Severity

# Total minutes for each preset; the default plan's proportions are kept.
PRESET_TOTALS: dict[str, int] = {
    Severity.SEV1.value: 90,
    Severity.SEV2.value: 60,
    Severity.SEV3.value: 45,
    Severity.SEV4.value: 45,
    Kind.NEAR_MISS.value: 30,
}


def scaled_minutes(total: int) -> dict[Phase, int]:
    """Split `total` minutes in the default plan's proportions.

    Largest-remainder rounding, so the phases add up to exactly `total` and
    none gets less than one minute.
    """
    base = sum(DEFAULT_MINUTES.values())
    exact = {
        phase: minutes * total / base for phase, minutes in DEFAULT_MINUTES.items()
    }
    plan = {phase: max(1, int(value)) for phase, value in exact.items()}
    order = sorted(exact, key=lambda p: exact[p] - int(exact[p]), reverse=True)
    i = 0
    while sum(plan.values()) < total:
        plan[order[i % len(order)]] += 1
        i += 1
    while sum(plan.values()) > total:
        biggest = max(plan, key=lambda p: plan[p])
        plan[biggest] -= 1
    return plan


def preset_for(kind: Kind, severity: Severity) -> tuple[str, dict[Phase, int]]:
    """The preset's name and minutes for a retrospective of this kind."""
    key = Kind.NEAR_MISS.value if kind is Kind.NEAR_MISS else severity.value
    total = PRESET_TOTALS[key]
    name = "near miss" if kind is Kind.NEAR_MISS else severity.value
    return f"{name}: {total} min", scaled_minutes(total)


def apply_plan(phases: list[PhaseRecord], minutes: dict[Phase, int]) -> None:
    """Set planned minutes; time already spent and extensions are kept."""
    for phase, value in minutes.items():
        if value < 1 or value > 600:
            raise ValueError(f"{phase.value}: minutes must be between 1 and 600")
    by_phase = {record.phase: record for record in phases}
    for phase, value in minutes.items():
        if phase in by_phase:
            by_phase[phase].planned_s = value * 60
        else:
            phases.append(PhaseRecord(phase=phase, planned_s=value * 60))
    order = list(Phase)
    phases.sort(key=lambda r: order.index(r.phase))
