"""What the summary warns about before a postmortem is published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from retrotui.model.actions import MIN_ACTIONS, counted, undone_immediate_fixes
from retrotui.model.enums import ActionStatus, Marker
from retrotui.model.retrospective import Retrospective
from retrotui.model.timer import ran_over, spent_label
from retrotui.model.whys import chain_hint

FRESHNESS = timedelta(hours=48)


@dataclass(frozen=True)
class Warning:
    code: str
    message: str


def staleness_warning(retro: Retrospective, now: datetime) -> Warning | None:
    if retro.ended is None or now - retro.ended <= FRESHNESS:
        return None
    hours = int((now - retro.ended).total_seconds() // 3600)
    age = f"{hours // 24} days" if hours >= 72 else f"{hours} hours"
    return Warning(
        "stale",
        f"The incident ended {age} ago: memories get revised by hindsight. "
        "Lean on the timeline's sources.",
    )


def criteria_warning(retro: Retrospective) -> Warning | None:
    if retro.criteria:
        return None
    return Warning(
        "no-criteria",
        "No 'when to run' criterion is ticked: is a full retrospective needed?",
    )


def retro_warnings(retro: Retrospective, now: datetime) -> list[Warning]:
    found: list[Warning] = []
    for check in (criteria_warning(retro), staleness_warning(retro, now)):
        if check:
            found.append(check)
    for chain in retro.why_chains:
        hint = chain_hint(chain, retro.participants)
        if hint:
            found.append(Warning("short-chain", f"5 Whys “{chain.problem}”: {hint}"))
    for marker, what in (
        (Marker.TRIGGER, "no trigger marker: the clock starts at the incident start"),
        (Marker.DETECTION, "no detection marker: time to detect unknown"),
        (Marker.RESOLUTION, "no resolution marker: time to resolve unknown"),
    ):
        missing = retro.timeline and not any(e.marker is marker for e in retro.timeline)
        # Without a trigger the incident start serves, when there is one.
        if missing and (marker is not Marker.TRIGGER or retro.started is None):
            found.append(Warning(f"no-{marker.value}", f"Timeline: {what}."))
    if not retro.timeline:
        found.append(
            Warning("no-timeline", "The timeline is empty: what happened, and when?")
        )
    if not retro.factors:
        found.append(
            Warning(
                "no-factors",
                "No contributing factors yet: what made it worse, what made it better?",
            )
        )
    if not retro.why_chains:
        found.append(
            Warning("no-whys", "No 5-Whys chain yet: go past the proximate cause.")
        )
    live = counted(retro)
    if len(live) < MIN_ACTIONS:
        found.append(
            Warning(
                "few-actions",
                f"{len(live)} action item{'' if len(live) == 1 else 's'}: "
                "aim for 3 to 5 owned, dated ones.",
            )
        )
    for item in retro.actions:
        if item.status is ActionStatus.OPEN and item.is_wish:
            missing = " and ".join(
                part
                for part, absent in (
                    ("an owner", not item.owner.strip()),
                    ("a due date", item.due is None),
                )
                if absent
            )
            found.append(
                Warning("wish", f"“{item.title}” is a wish: it needs {missing}.")
            )
    for item in undone_immediate_fixes(retro):
        found.append(
            Warning(
                "immediate-open",
                f"Immediate fix “{item.title}” is still open: is it done?",
            )
        )
    for record in retro.phases:
        if ran_over(record):
            found.append(
                Warning(
                    "overtime",
                    f"{record.phase.value.capitalize()} ran over: {spent_label(record)}.",
                )
            )
    return found
