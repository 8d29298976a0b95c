"""Builders for model tests: a retrospective with every entity and every field set.

`full_retro(text)` puts `text` into every free-text field (ids and the time
zone, which are validated, keep their normal values), so a hostile string can
be pushed through everything a retrospective stores in one go.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum

from retrotui.model import (
    ActionCategory,
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Criterion,
    Effect,
    Impact,
    Kind,
    Marker,
    Phase,
    PhaseRecord,
    Retrospective,
    ReviewOutcome,
    Severity,
    Source,
    Stage,
    Status,
    TimelineEvent,
    TimerState,
    WhyChain,
)

BASE = datetime(2026, 11, 26, 14, 3, 7, 123456, tzinfo=UTC)
# A non-UTC offset on input: the model normalises to UTC, round trips stay exact.
PLUS_ONE = timezone(timedelta(hours=1))

# Fields that hold validated identifiers rather than free text.
NOT_FREE_TEXT = {"id", "timezone", "retro_id", "item_id"}


def full_retro(text: str = "text", *, title: str | None = None) -> Retrospective:
    """Every entity type present, every field away from its default."""
    markers = [
        Marker.TRIGGER,
        Marker.DETECTION,
        Marker.NONE,
        Marker.MITIGATION,
        Marker.RESOLUTION,
    ]
    sources = list(Source)
    timeline = [
        TimelineEvent(
            time=(BASE + timedelta(minutes=11 * i)).astimezone(PLUS_ONE),
            source=sources[i % len(sources)],
            text=text,
            marker=marker,
            id=f"ev{i:06d}",
        )
        for i, marker in enumerate(markers)
    ]
    return Retrospective(
        title=text if title is None else title,
        kind=Kind.NEAR_MISS,
        severity=Severity.SEV1,
        started=BASE,
        detected=BASE + timedelta(minutes=44),
        ended=BASE + timedelta(hours=1, seconds=1),
        timezone="Europe/Berlin",
        tags=[text, text],
        criteria=[Criterion.CUSTOMER_IMPACT, Criterion.NOVEL_FAILURE],
        participants=[text, text],
        facilitator=text,
        summary=text,
        surprised=text,
        status=Status.PUBLISHED,
        timeline=timeline,
        impact=Impact(
            users_affected=text,
            duration_minutes=67,
            business_cost=text,
            data_lost=True,
            data_lost_details=text,
            slo_breached=text,
            customer_reports=text,
            lucky=text,
        ),
        factors=[
            ContributingFactor(
                stage=Stage.DETECTION,
                effect=Effect.BETTER,
                category=text,
                text=text,
                id="fa000001",
            ),
            ContributingFactor(
                stage=Stage.CAUSE,
                effect=Effect.WORSE,
                category=text,
                text=text,
                id="fa000002",
            ),
        ],
        why_chains=[WhyChain(problem=text, whys=[text, text], id="wc000001")],
        actions=[
            ActionItem(
                title=text,
                category=ActionCategory.SYSTEMIC,
                owner=text,
                due=date(2026, 12, 24),
                status=ActionStatus.DROPPED,
                ticket=text,
                drop_reason=text,
                closed_on=date(2026, 12, 1),
                origin=text,
                id="ac000001",
            ),
            ActionItem(
                title=text,
                category=ActionCategory.DETECTION,
                owner=text,
                due=date(2026, 12, 2),
                status=ActionStatus.DONE,
                ticket=text,
                drop_reason=text,
                closed_on=date(2026, 12, 3),
                origin=text,
                id="ac000002",
            ),
        ],
        review_log=[
            ReviewOutcome(
                retro_id="re000002",
                item_id="ac000009",
                title=text,
                status=ActionStatus.DROPPED,
                reason=text,
            )
        ],
        phases=[
            PhaseRecord(
                phase=Phase.TIMELINE,
                planned_s=900,
                extended_s=300,
                spent_s=1234.5,
                skipped=True,
            ),
            PhaseRecord(phase=Phase.ACTIONS, planned_s=60, extended_s=5, spent_s=0.25),
        ],
        timer=TimerState(
            phase=Phase.FACTORS,
            running=True,
            started_at=(BASE + timedelta(days=2)).astimezone(PLUS_ONE),
        ),
        created=BASE + timedelta(days=1),
        updated=BASE + timedelta(days=3, microseconds=1),
        id="re000001",
    )


def walk(value: object, path: str = "retro"):
    """Yield (path, field, value) for every dataclass field, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            yield f"{path}.{f.name}", f, item
            yield from walk(item, f"{path}.{f.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")


def text_values(retro: Retrospective) -> dict[str, str]:
    """Every free-text value in the retrospective, by its path."""
    found: dict[str, str] = {}
    for path, f, value in walk(retro):
        if f.name in NOT_FREE_TEXT:
            continue
        if isinstance(value, str) and not isinstance(value, Enum):
            found[path] = value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str) and not isinstance(item, Enum):
                    found[f"{path}[{i}]"] = item
    return found
