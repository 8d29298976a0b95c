"""The one-line view of a retrospective that the library lists.

The store keeps these in its index so that listing a large library does not
mean reading every retrospective.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from retrotui.model.enums import Kind, Severity, Status
from retrotui.model.fields import Fields
from retrotui.model.retrospective import Retrospective

BLURB_LENGTH = 300


@dataclass(frozen=True, kw_only=True)
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

    @property
    def sort_key(self) -> datetime:
        return self.started or self.created

    @property
    def local_start(self) -> datetime:
        """When it happened, in the retrospective's own zone."""
        try:
            return self.sort_key.astimezone(ZoneInfo(self.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return self.sort_key

    @property
    def open_actions(self) -> int:
        return len(self.open_due)

    def overdue_actions(self, today: date) -> int:
        return sum(1 for due in self.open_due if due is not None and due < today)


def summarize(retro: Retrospective) -> RetroSummary:
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
    }


def summary_from_dict(data: object) -> RetroSummary:
    f = Fields(data, "", set(RetroSummary.__dataclass_fields__))
    dues = f.data.get("open_due", [])
    if not isinstance(dues, list):
        raise ValueError("open_due: expected a list")
    return RetroSummary(
        id=f.required_text("id"),
        title=f.text("title"),
        kind=f.enum("kind", Kind),
        severity=f.enum("severity", Severity),
        status=f.enum("status", Status),
        started=f.moment("started"),
        created=f.moment("created", required=True),  # type: ignore[arg-type]
        updated=f.moment("updated", required=True),  # type: ignore[arg-type]
        tags=tuple(f.texts("tags")),
        blurb=f.text("blurb"),
        timezone=f.text("timezone", "UTC"),
        open_due=tuple(None if d is None else date.fromisoformat(d) for d in dues),
    )
