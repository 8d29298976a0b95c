"""Retrospective <-> plain JSON-ready dicts, with a schema version.

A round trip is exact: `from_document(to_document(r)) == r`. Reading checks
every field and raises `ValidationError` naming the one that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from retrotui.model.entities import (
    ActionItem,
    ContributingFactor,
    Impact,
    PhaseRecord,
    ReviewOutcome,
    TimelineEvent,
    TimerState,
    WhyChain,
)
from retrotui.model.enums import (
    ActionCategory,
    ActionStatus,
    Criterion,
    Effect,
    Kind,
    Marker,
    Phase,
    Severity,
    Source,
    Stage,
    Status,
)
from retrotui.model.fields import Fields, ValidationError
from retrotui.model.retrospective import Retrospective

SCHEMA_VERSION = 1
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

# Upgrades a document from version N to N+1. Add an entry (and bump
# SCHEMA_VERSION) whenever the stored shape changes; old files are upgraded
# as they are read and written back in the new shape on their next save.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


def _plain(value: object) -> object:
    if type(value) is TimelineEvent:
        # The generic branch below, spelled out: a timeline may hold 100,000
        # imported events, and reflection over their fields cost most of a save.
        return {
            "time": value.time.isoformat(),
            "source": value.source._value_,
            "text": value.text,
            "marker": value.marker._value_,
            "id": value.id,
        }
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclass_fields(value)}
    return value


def to_dict(retro: Retrospective) -> dict[str, Any]:
    data = _plain(retro)
    assert isinstance(data, dict)
    return data


def to_document(retro: Retrospective) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "retrospective": to_dict(retro)}


def migrate(document: dict[str, Any], path: str = "") -> dict[str, Any]:
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError(
            f"{path}schema_version", f"expected a whole number, got {version!r}"
        )
    if version > SCHEMA_VERSION:
        raise ValidationError(
            f"{path}schema_version",
            f"written by a newer retrotui (schema {version}; "
            f"this version reads up to {SCHEMA_VERSION})",
        )
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["schema_version"] = version
    return document


def from_document(document: object) -> Retrospective:
    if not isinstance(document, dict):
        raise ValidationError("", "expected a retrospective document (an object)")
    document = migrate(document)
    unknown = sorted(set(document) - {"schema_version", "retrospective"})
    if unknown:
        raise ValidationError("", f"unknown field {unknown[0]!r}")
    return from_dict(document.get("retrospective"), "retrospective")


_EVENT_FIELDS = {"time", "source", "text", "marker", "id"}
_SOURCES = {source.value: source for source in Source}
_MARKERS = {marker.value: marker for marker in Marker}


def _event(data: object, path: str) -> TimelineEvent:
    # A well-formed event is read with a few lookups: a timeline may hold
    # 100,000 imported events. Anything else goes to the field-by-field
    # reader, which names what is wrong.
    try:
        if type(data) is dict and data.keys() <= _EVENT_FIELDS:
            stamp, text, event_id = data["time"], data.get("text", ""), data["id"]
            if type(stamp) is str and type(text) is str and type(event_id) is str:
                moment = datetime.fromisoformat(stamp)
                if moment.tzinfo is not None:
                    return TimelineEvent(
                        time=moment,
                        source=_SOURCES[data["source"]],
                        text=text,
                        marker=_MARKERS[data.get("marker", "none")],
                        id=event_id,
                    )
    except (KeyError, TypeError, ValueError):
        pass
    return _checked_event(data, path)


def _checked_event(data: object, path: str) -> TimelineEvent:
    f = Fields(data, path, {"time", "source", "text", "marker", "id"})
    return TimelineEvent(
        time=f.moment("time", required=True),  # type: ignore[arg-type]
        source=f.enum("source", Source),
        text=f.text("text"),
        marker=f.enum("marker", Marker, Marker.NONE),
        id=f.required_text("id"),
    )


def _impact(data: object, path: str) -> Impact:
    f = Fields(data, path, {x.name for x in dataclass_fields(Impact)})
    return Impact(
        users_affected=f.text("users_affected"),
        duration_minutes=f.optional_int("duration_minutes"),
        business_cost=f.text("business_cost"),
        data_lost=f.flag("data_lost"),
        data_lost_details=f.text("data_lost_details"),
        slo_breached=f.text("slo_breached"),
        customer_reports=f.text("customer_reports"),
        lucky=f.text("lucky"),
    )


def _factor(data: object, path: str) -> ContributingFactor:
    f = Fields(data, path, {"stage", "effect", "category", "text", "id"})
    return ContributingFactor(
        stage=f.enum("stage", Stage),
        effect=f.enum("effect", Effect),
        category=f.text("category"),
        text=f.text("text"),
        id=f.required_text("id"),
    )


def _chain(data: object, path: str) -> WhyChain:
    f = Fields(data, path, {"problem", "whys", "id"})
    return WhyChain(
        problem=f.text("problem"), whys=f.texts("whys"), id=f.required_text("id")
    )


def _action(data: object, path: str) -> ActionItem:
    f = Fields(data, path, {x.name for x in dataclass_fields(ActionItem)})
    return ActionItem(
        title=f.text("title"),
        category=f.enum("category", ActionCategory),
        owner=f.text("owner"),
        due=f.day("due"),
        status=f.enum("status", ActionStatus, ActionStatus.OPEN),
        ticket=f.text("ticket"),
        drop_reason=f.text("drop_reason"),
        closed_on=f.day("closed_on"),
        origin=f.text("origin"),
        id=f.required_text("id"),
    )


def _outcome(data: object, path: str) -> ReviewOutcome:
    f = Fields(data, path, {x.name for x in dataclass_fields(ReviewOutcome)})
    return ReviewOutcome(
        retro_id=f.required_text("retro_id"),
        item_id=f.required_text("item_id"),
        title=f.text("title"),
        status=f.enum("status", ActionStatus),
        reason=f.text("reason"),
    )


def _phase(data: object, path: str) -> PhaseRecord:
    f = Fields(data, path, {x.name for x in dataclass_fields(PhaseRecord)})
    return PhaseRecord(
        phase=f.enum("phase", Phase),
        planned_s=int(f.number("planned_s")),
        extended_s=int(f.number("extended_s")),
        spent_s=f.number("spent_s"),
        skipped=f.flag("skipped"),
    )


def _timer(data: object, path: str) -> TimerState:
    f = Fields(data, path, {x.name for x in dataclass_fields(TimerState)})
    phase = f.data.get("phase")
    return TimerState(
        phase=None if phase is None else f.enum("phase", Phase),
        running=f.flag("running"),
        started_at=f.moment("started_at"),
    )


def _criterion(data: object, path: str) -> Criterion:
    try:
        return Criterion(data)
    except ValueError:
        allowed = ", ".join(c.value for c in Criterion)
        raise ValidationError(path, f"{data!r} is not one of: {allowed}") from None


def _zone(name: str, path: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(path, f"unknown time zone {name!r}") from None
    return name


def from_dict(data: object, path: str = "") -> Retrospective:
    f = Fields(data, path, {x.name for x in dataclass_fields(Retrospective)})
    retro_id = f.required_text("id")
    if not _ID.fullmatch(retro_id):
        raise ValidationError(
            f.at("id"), "use 1-64 letters, digits, '-' or '_' (it names a file)"
        )
    title = f.required_text("title")
    if not title.strip():
        raise ValidationError(f.at("title"), "must not be empty")
    retro = Retrospective(
        id=retro_id,
        title=title,
        kind=f.enum("kind", Kind, Kind.INCIDENT),
        severity=f.enum("severity", Severity, Severity.SEV3),
        started=f.moment("started"),
        detected=f.moment("detected"),
        ended=f.moment("ended"),
        timezone=_zone(f.text("timezone", "UTC"), f.at("timezone")),
        tags=f.texts("tags"),
        criteria=f.items("criteria", _criterion),
        participants=f.texts("participants"),
        facilitator=f.text("facilitator"),
        summary=f.text("summary"),
        surprised=f.text("surprised"),
        status=f.enum("status", Status, Status.DRAFT),
        timeline=f.items("timeline", _event),
        factors=f.items("factors", _factor),
        why_chains=f.items("why_chains", _chain),
        actions=f.items("actions", _action),
        review_log=f.items("review_log", _outcome),
        created=f.moment("created", required=True),  # type: ignore[arg-type]
        updated=f.moment("updated", required=True),  # type: ignore[arg-type]
    )
    if "impact" in f.data:
        retro.impact = _impact(f.data["impact"], f.at("impact"))
    if "phases" in f.data:
        retro.phases = f.items("phases", _phase)
    if "timer" in f.data:
        retro.timer = _timer(f.data["timer"], f.at("timer"))
    return retro
