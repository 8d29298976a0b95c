"""The parts a retrospective is made of: plain dataclasses, no I/O."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from retrotui.model.enums import (
    ActionCategory,
    ActionStatus,
    Effect,
    Marker,
    Phase,
    Source,
    Stage,
)

# Random hex drawn from the OS in bulk: an import creates ids by the
# 100,000, and one os.urandom call per id cost more than building the event.
_pool = {"hex": "", "at": 0}


def new_id() -> str:
    """A random id of 48 bits: 100,000 events or retrospectives collide with
    a chance of about 1 in 50,000 (32 bits collided in real imports). People
    type only a prefix of it."""
    at = _pool["at"]
    if at >= len(_pool["hex"]):
        _pool["hex"], at = os.urandom(4092).hex(), 0
    _pool["at"] = at + 12
    return _pool["hex"][at : at + 12]


def new_ids(count: int) -> list[str]:
    """`count` ids like new_id's, from one read of the OS's randomness."""
    if count == 0:
        return []
    # hex() puts a space between each 6 bytes; split() then cuts in C.
    return os.urandom(6 * count).hex(" ", 6).split(" ")


def as_utc(moment: datetime) -> datetime:
    """Normalise an aware datetime to UTC so that round trips compare exactly."""
    if moment.tzinfo is UTC:
        return moment
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"datetime without a time zone: {moment.isoformat()}")
    return moment.astimezone(UTC)


# Slots: a timeline may hold 100,000 imported events, and a slotted event is
# both smaller and quicker to build in bulk (see `many`).
@dataclass(kw_only=True, slots=True)
class TimelineEvent:
    time: datetime
    source: Source
    text: str
    marker: Marker = Marker.NONE
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.time = as_utc(self.time)

    @classmethod
    def checked(
        cls, time: datetime, source: Source, text: str, marker: Marker
    ) -> TimelineEvent:
        """For importers that have already validated every field and hold a
        UTC time: the same event, built several times faster."""
        event = object.__new__(cls)
        event.time, event.source, event.text = time, source, text
        event.marker, event.id = marker, new_id()
        return event

    @classmethod
    def many(
        cls,
        times: list[datetime],
        sources: Iterable[Source],
        texts: Iterable[str],
        markers: Iterable[Marker],
    ) -> list[TimelineEvent]:
        """`checked` for a whole import at once. Every loop runs in C (map
        over built-ins): a Python loop per event was most of the time of
        importing a 100,000-line file."""
        events = list(map(object.__new__, [cls] * len(times)))
        columns = (
            ("time", times),
            ("source", sources),
            ("text", texts),
            ("marker", markers),
            ("id", new_ids(len(times))),
        )
        for name, values in columns:
            deque(map(setattr, events, [name] * len(events), values), maxlen=0)
        return events


@dataclass(kw_only=True)
class Impact:
    users_affected: str = ""
    # None means "derive it from the timeline markers".
    duration_minutes: int | None = None
    business_cost: str = ""
    data_lost: bool = False
    data_lost_details: str = ""
    slo_breached: str = ""
    customer_reports: str = ""
    lucky: str = ""


@dataclass(kw_only=True)
class ContributingFactor:
    stage: Stage
    effect: Effect
    category: str
    text: str
    id: str = field(default_factory=new_id)


@dataclass(kw_only=True)
class WhyChain:
    problem: str
    whys: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass(kw_only=True)
class ActionItem:
    title: str
    category: ActionCategory
    owner: str = ""
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    ticket: str = ""
    drop_reason: str = ""
    closed_on: date | None = None
    # The retrospective the item was agreed in; kept when items are listed
    # across the library so a review can say where each came from.
    origin: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_wish(self) -> bool:
        """An item without an owner or a due date is a wish, not a commitment."""
        return not self.owner.strip() or self.due is None

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is ActionStatus.OPEN
            and self.due is not None
            and self.due < today
        )


@dataclass(kw_only=True)
class ReviewOutcome:
    """What the previous-actions review decided about one earlier item."""

    retro_id: str
    item_id: str
    title: str
    status: ActionStatus
    reason: str = ""


@dataclass(kw_only=True)
class PhaseRecord:
    """One timeboxed phase: what was planned and what was actually spent."""

    phase: Phase
    planned_s: int
    extended_s: int = 0
    spent_s: float = 0.0
    skipped: bool = False


@dataclass(kw_only=True)
class TimerState:
    """Where a facilitated session stands, saved so a restart can resume it.

    Time spent is kept per phase (PhaseRecord.spent_s); while running, the
    time since `started_at` is added to the current phase's total."""

    phase: Phase | None = None
    running: bool = False
    # When running: the wall-clock instant the current run began.
    started_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.started_at is not None:
            self.started_at = as_utc(self.started_at)
