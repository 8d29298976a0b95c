"""The domain model: plain dataclasses and pure functions, no UI and no I/O."""

from retrotui.model.entities import (
    ActionItem,
    ContributingFactor,
    Impact,
    PhaseRecord,
    TimelineEvent,
    TimerState,
    WhyChain,
    new_id,
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
from retrotui.model.fields import ValidationError
from retrotui.model.retrospective import EPOCH, Retrospective
from retrotui.model.serialize import (
    SCHEMA_VERSION,
    from_dict,
    from_document,
    to_dict,
    to_document,
)
from retrotui.model.summary import RetroSummary, newest_first, summarize

__all__ = [
    "EPOCH",
    "SCHEMA_VERSION",
    "ActionCategory",
    "ActionItem",
    "ActionStatus",
    "ContributingFactor",
    "Criterion",
    "Effect",
    "Impact",
    "Kind",
    "Marker",
    "Phase",
    "PhaseRecord",
    "RetroSummary",
    "Retrospective",
    "Severity",
    "Source",
    "Stage",
    "Status",
    "TimelineEvent",
    "TimerState",
    "ValidationError",
    "WhyChain",
    "from_dict",
    "from_document",
    "new_id",
    "newest_first",
    "summarize",
    "to_dict",
    "to_document",
]
