"""The retrospective: everything one postmortem records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from retrotui.model.entities import (
    ActionItem,
    ContributingFactor,
    Impact,
    PhaseRecord,
    ReviewOutcome,
    TimelineEvent,
    TimerState,
    WhyChain,
    as_utc,
    new_id,
)
from retrotui.model.enums import (
    DEFAULT_MINUTES,
    ActionStatus,
    Criterion,
    Kind,
    Severity,
    Status,
)


def default_phases() -> list[PhaseRecord]:
    return [
        PhaseRecord(phase=phase, planned_s=minutes * 60)
        for phase, minutes in DEFAULT_MINUTES.items()
    ]


# "Not saved yet": the store stamps `created` on the first save.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _epoch() -> datetime:
    return EPOCH


@dataclass(kw_only=True)
class Retrospective:
    title: str
    kind: Kind = Kind.INCIDENT
    severity: Severity = Severity.SEV3
    started: datetime | None = None
    detected: datetime | None = None
    ended: datetime | None = None
    # IANA zone name the timeline is shown in; times are stored in UTC.
    timezone: str = "UTC"
    tags: list[str] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    facilitator: str = ""
    summary: str = ""
    surprised: str = ""
    status: Status = Status.DRAFT
    timeline: list[TimelineEvent] = field(default_factory=list)
    impact: Impact = field(default_factory=Impact)
    factors: list[ContributingFactor] = field(default_factory=list)
    why_chains: list[WhyChain] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    review_log: list[ReviewOutcome] = field(default_factory=list)
    phases: list[PhaseRecord] = field(default_factory=default_phases)
    timer: TimerState = field(default_factory=TimerState)
    created: datetime = field(default_factory=_epoch)
    updated: datetime = field(default_factory=_epoch)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        for name in ("started", "detected", "ended"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, as_utc(value))
        self.created = as_utc(self.created)
        self.updated = as_utc(self.updated)

    @property
    def sort_key(self) -> datetime:
        """When the incident happened, for newest-first listings."""
        return self.started or self.created

    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.status is ActionStatus.OPEN]

    def overdue_actions(self, today: date) -> list[ActionItem]:
        return [a for a in self.actions if a.is_overdue(today)]
