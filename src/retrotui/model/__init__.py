"""The domain model: plain dataclasses and pure functions, no UI and no I/O.

Names are imported on first use (PEP 562) so that a command that needs only
part of the model (the library listing, at start-up) does not pay for all of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrotui.model.entities import (
        ActionItem,
        ContributingFactor,
        Impact,
        PhaseRecord,
        ReviewOutcome,
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

_WHERE: dict[str, str] = {
    "ActionItem": "retrotui.model.entities",
    "ContributingFactor": "retrotui.model.entities",
    "Impact": "retrotui.model.entities",
    "PhaseRecord": "retrotui.model.entities",
    "ReviewOutcome": "retrotui.model.entities",
    "TimelineEvent": "retrotui.model.entities",
    "TimerState": "retrotui.model.entities",
    "WhyChain": "retrotui.model.entities",
    "new_id": "retrotui.model.entities",
    "ActionCategory": "retrotui.model.enums",
    "ActionStatus": "retrotui.model.enums",
    "Criterion": "retrotui.model.enums",
    "Effect": "retrotui.model.enums",
    "Kind": "retrotui.model.enums",
    "Marker": "retrotui.model.enums",
    "Phase": "retrotui.model.enums",
    "Severity": "retrotui.model.enums",
    "Source": "retrotui.model.enums",
    "Stage": "retrotui.model.enums",
    "Status": "retrotui.model.enums",
    "ValidationError": "retrotui.model.fields",
    "EPOCH": "retrotui.model.retrospective",
    "Retrospective": "retrotui.model.retrospective",
    "SCHEMA_VERSION": "retrotui.model.serialize",
    "from_dict": "retrotui.model.serialize",
    "from_document": "retrotui.model.serialize",
    "to_dict": "retrotui.model.serialize",
    "to_document": "retrotui.model.serialize",
    "RetroSummary": "retrotui.model.summary",
    "newest_first": "retrotui.model.summary",
    "summarize": "retrotui.model.summary",
}


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
    "ReviewOutcome",
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
