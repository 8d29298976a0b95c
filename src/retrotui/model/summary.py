"""The one-line view of a retrospective that the library lists.

The store keeps these in its index so that listing a large library does not
mean reading every retrospective.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from retrotui.model.enums import ActionStatus, Effect, Kind, Severity, Status
from retrotui.model.fields import ValidationError

if TYPE_CHECKING:
    from retrotui.model.retrospective import Retrospective

BLURB_LENGTH = 300


# Not frozen: with slots, creating 10,000 of these at start-up is ~2x faster.
@dataclass(slots=True, kw_only=True)
class RetroSummary:
    id: str
    title: str
    kind: Kind
    severity: Severity
    status: Status
    started: datetime | None
    created: datetime
    updated: datetime
    tags: tuple[str, ...] = ()
    # The start of the written summary, for a preview without loading the file.
    blurb: str = ""
    timezone: str = "UTC"
    open_due: tuple[date | None, ...] = field(default=())
    actions_done: int = 0
    actions_dropped: int = 0
    # For the library's insights without reading every file: minutes to
    # detect and to resolve, the contributing factors that made it worse as
    # (category, text) (a factor that helped is nothing to escalate), and
    # days from the incident to each done action item's closing.
    ttd: float | None = None
    ttr: float | None = None
    factors: tuple[tuple[str, str], ...] = ()
    closed_days: tuple[int, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        """Factor categories, lower-case, each once."""
        return tuple({k: None for c, _ in self.factors if (k := c.strip().lower())})

    @property
    def sort_key(self) -> datetime:
        return self.started or self.created

    @property
    def local_start(self) -> datetime:
        """When it happened, in the retrospective's own zone."""
        return _in_zone(self.sort_key, self.timezone)

    @property
    def open_actions(self) -> int:
        return len(self.open_due)

    def overdue_actions(self, today: date) -> int:
        return sum(1 for due in self.open_due if due is not None and due < today)


_ZONES: dict[str, ZoneInfo | None] = {}


def _zone(name: str) -> ZoneInfo | None:
    """ZoneInfo by name, remembered (the insights ask 10,000 times)."""
    try:
        return _ZONES[name]
    except KeyError:
        pass
    try:
        zone: ZoneInfo | None = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    _ZONES[name] = zone
    return zone


def _in_zone(moment: datetime, name: str) -> datetime:
    """`moment` in zone `name`; unchanged when the zone is unknown."""
    zone = _zone(name)
    return moment if zone is None else moment.astimezone(zone)


def summarize(retro: Retrospective) -> RetroSummary:
    from retrotui.model.metrics import metrics

    times = metrics(retro)
    # The incident's date where it happened, as months and filters use.
    since = _in_zone(retro.started or retro.created, retro.timezone).date()
    return RetroSummary(
        id=retro.id,
        title=retro.title,
        kind=retro.kind,
        severity=retro.severity,
        status=retro.status,
        started=retro.started,
        created=retro.created,
        updated=retro.updated,
        tags=tuple(retro.tags),
        blurb=retro.summary[:BLURB_LENGTH],
        timezone=retro.timezone,
        open_due=tuple(a.due for a in retro.open_actions()),
        actions_done=sum(a.status is ActionStatus.DONE for a in retro.actions),
        actions_dropped=sum(a.status is ActionStatus.DROPPED for a in retro.actions),
        ttd=times.to_detect,
        ttr=times.to_resolve,
        factors=tuple(
            (f.category, f.text) for f in retro.factors if f.effect is Effect.WORSE
        ),
        closed_days=tuple(
            max(0, (a.closed_on - since).days)
            for a in retro.actions
            if a.status is ActionStatus.DONE and a.closed_on is not None
        ),
    )


def newest_first(summaries: list[RetroSummary]) -> list[RetroSummary]:
    return sorted(summaries, key=lambda s: (s.sort_key, s.id), reverse=True)


def summary_to_dict(summary: RetroSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "kind": summary.kind.value,
        "severity": summary.severity.value,
        "status": summary.status.value,
        "started": summary.started.isoformat() if summary.started else None,
        "created": summary.created.isoformat(),
        "updated": summary.updated.isoformat(),
        "tags": list(summary.tags),
        "blurb": summary.blurb,
        "timezone": summary.timezone,
        "open_due": [d.isoformat() if d else None for d in summary.open_due],
        "actions_done": summary.actions_done,
        "actions_dropped": summary.actions_dropped,
        "ttd": summary.ttd,
        "ttr": summary.ttr,
        "worse_factors": [list(pair) for pair in summary.factors],
        "closed_days": list(summary.closed_days),
    }


_KINDS = {k.value: k for k in Kind}
_SEVERITIES = {s.value: s for s in Severity}
_STATUSES = {s.value: s for s in Status}


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)  # type: ignore[arg-type]
    if moment.tzinfo is None:
        raise ValueError("date-time without offset")
    return moment


def _minutes(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _pairs(items: list[Any]) -> list[tuple[str, str]]:
    pairs = [(c, x) for c, x in items]
    "".join(map("".join, pairs))  # TypeError unless every part is a str
    return pairs


def summary_from_dict(data: dict[str, Any]) -> RetroSummary:
    """Read an index entry. The index is the store's own cache, read on every
    start-up, so this checks types with plain Python rather than field by
    field; any problem raises ValidationError and the entry is recomputed."""
    try:
        created = _moment(data["created"])
        updated = _moment(data["updated"])
        assert created is not None and updated is not None
        tags = data.get("tags", [])
        dues = data.get("open_due", [])
        "".join(tags)  # TypeError unless every tag is a str (checked in C)
        summary = RetroSummary(
            id=str(data["id"]),
            title=str(data["title"]),
            kind=_KINDS[data["kind"]],
            severity=_SEVERITIES[data["severity"]],
            status=_STATUSES[data["status"]],
            started=_moment(data.get("started")),
            created=created,
            updated=updated,
            tags=tuple(tags),
            blurb=str(data.get("blurb", "")),
            timezone=str(data.get("timezone", "UTC")),
            open_due=tuple(None if d is None else date.fromisoformat(d) for d in dues),
            actions_done=int(data.get("actions_done", 0)),
            actions_dropped=int(data.get("actions_dropped", 0)),
            ttd=_minutes(data["ttd"]),
            ttr=_minutes(data["ttr"]),
            factors=tuple(_pairs(data["worse_factors"])),
            closed_days=tuple(map(int, data["closed_days"])),
        )
    except (KeyError, TypeError, ValueError, AssertionError) as error:
        raise ValidationError("index entry", f"unreadable ({error})") from None
    return summary
