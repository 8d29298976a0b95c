"""Timeline metrics: time to detect, mitigate and resolve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from retrotui.model.enums import Marker
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
    return next((e.time for e in retro.timeline if e.marker is marker), None)


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
