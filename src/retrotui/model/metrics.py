"""Timeline metrics: time to detect, mitigate and resolve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from retrotui.model.entities import TimelineEvent
from retrotui.model.enums import Marker, Source
from retrotui.model.retrospective import Retrospective


@dataclass(frozen=True)
class Metrics:
    start: datetime | None
    detected: datetime | None
    mitigated: datetime | None
    resolved: datetime | None

    @staticmethod
    def _minutes(begin: datetime | None, end: datetime | None) -> float | None:
        if begin is None or end is None or end < begin:
            return None
        return (end - begin).total_seconds() / 60

    @property
    def to_detect(self) -> float | None:
        return self._minutes(self.start, self.detected)

    @property
    def to_mitigate(self) -> float | None:
        return self._minutes(self.start, self.mitigated)

    @property
    def to_resolve(self) -> float | None:
        return self._minutes(self.start, self.resolved)


def _first(retro: Retrospective, marker: Marker) -> datetime | None:
    # The earliest, not the first listed: a hand-edited file may be unsorted.
    return min((e.time for e in retro.timeline if e.marker is marker), default=None)


def metrics(retro: Retrospective) -> Metrics:
    """From the first trigger marker (else the incident start) to each marker."""
    return Metrics(
        start=_first(retro, Marker.TRIGGER) or retro.started,
        detected=_first(retro, Marker.DETECTION),
        mitigated=_first(retro, Marker.MITIGATION),
        resolved=_first(retro, Marker.RESOLUTION),
    )


def minutes_label(minutes: float | None, missing: str) -> str:
    if minutes is None:
        return missing
    whole = round(minutes)
    if whole < 120:
        return f"{whole} min"
    return f"{whole // 60} h {whole % 60:02d} min"


DEFAULT_GAP_MINUTES = 15


@dataclass(frozen=True)
class Gap:
    """A stretch of the timeline with no event: often the real finding."""

    before: TimelineEvent
    after: TimelineEvent
    why: str = ""  # "trigger → detection" for the gap the method names

    @property
    def minutes(self) -> float:
        return (self.after.time - self.before.time).total_seconds() / 60


def blind_spots(
    retro: Retrospective, threshold_minutes: float = DEFAULT_GAP_MINUTES
) -> list[Gap]:
    """Every gap of at least `threshold_minutes` between consecutive events,
    and always the gap from the trigger to the first detection."""
    events = sorted(retro.timeline, key=lambda e: e.time)
    found = [
        Gap(before, after)
        for before, after in pairwise(events)
        if (after.time - before.time).total_seconds() >= threshold_minutes * 60
    ]
    trigger = next((e for e in events if e.marker is Marker.TRIGGER), None)
    detection = next((e for e in events if e.marker is Marker.DETECTION), None)
    if trigger and detection and detection.time > trigger.time:
        found = [g for g in found if not (g.before is trigger and g.after is detection)]
        found.append(Gap(trigger, detection, why="trigger → detection"))
    return sorted(found, key=lambda g: g.before.time)


def detected_by(retro: Retrospective) -> Source | None:
    first = next(
        (
            e
            for e in sorted(retro.timeline, key=lambda e: e.time)
            if e.marker is Marker.DETECTION
        ),
        None,
    )
    return first.source if first else None


def metrics_json(
    retro: Retrospective, threshold_minutes: float = DEFAULT_GAP_MINUTES
) -> dict[str, object]:
    """The figures `retrotui show --json` reports (null where unknown)."""
    m = metrics(retro)

    def seconds(value: float | None) -> int | None:
        return None if value is None else round(value * 60)

    source = detected_by(retro)
    return {
        "time_to_detect_s": seconds(m.to_detect),
        "time_to_mitigate_s": seconds(m.to_mitigate),
        "time_to_resolve_s": seconds(m.to_resolve),
        "detected_by": source.value if source else None,
        "gaps": [
            {
                "start": g.before.time.isoformat(),
                "end": g.after.time.isoformat(),
                "minutes": round(g.minutes, 1),
            }
            for g in blind_spots(retro, threshold_minutes)
        ],
    }
