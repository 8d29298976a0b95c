"""Action-item rules: 3 to 5 items, each owned and dated, or it is a wish."""

from __future__ import annotations

import re
from datetime import date, timedelta

from retrotui.model.create import FormError
from retrotui.model.entities import ActionItem
from retrotui.model.enums import ActionCategory, ActionStatus
from retrotui.model.retrospective import Retrospective

MAX_ACTIONS = 5
MIN_ACTIONS = 3
CAP_MESSAGE = (
    "At most 5 action items: a postmortem with 15 items completes none. "
    "Prioritise, drop or merge one before adding another."
)
CATEGORY_LABELS = {
    ActionCategory.IMMEDIATE: "immediate fix",
    ActionCategory.DETECTION: "detection improvement",
    ActionCategory.PROCESS: "process change",
    ActionCategory.SYSTEMIC: "systemic investment",
}

_RELATIVE = re.compile(r"^\+?(\d{1,3})\s*([dw])$", re.IGNORECASE)


class ActionCapReached(ValueError):
    pass


def parse_due(text: str, today: date) -> date | None:
    """`2026-12-10`, `+10d` or `+2w`; empty means no due date (a wish)."""
    raw = text.strip()
    if not raw:
        return None
    relative = _RELATIVE.match(raw)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2).lower()
        return today + timedelta(days=amount * (7 if unit == "w" else 1))
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise FormError(
            "due", f"{raw!r} is not a date (try 2026-12-10, +10d or +2w)"
        ) from None


def counted(retro: Retrospective) -> list[ActionItem]:
    """The items that count against the cap: dropped ones do not."""
    return [a for a in retro.actions if a.status is not ActionStatus.DROPPED]


def can_add(retro: Retrospective) -> bool:
    return len(counted(retro)) < MAX_ACTIONS


def build_action(
    title: str,
    category: str,
    owner: str = "",
    due: str = "",
    ticket: str = "",
    *,
    today: date,
) -> ActionItem:
    clean = " ".join(title.split())
    if not clean:
        raise FormError("title", "say what will be done")
    try:
        category_value = ActionCategory(category)
    except ValueError:
        raise FormError(
            "category", "choose immediate, detection, process or systemic"
        ) from None
    return ActionItem(
        title=clean,
        category=category_value,
        owner=" ".join(owner.split()),
        due=parse_due(due, today),
        ticket=ticket.strip(),
    )


def add_action(retro: Retrospective, item: ActionItem) -> None:
    if not can_add(retro):
        raise ActionCapReached(CAP_MESSAGE)
    item.origin = retro.id
    retro.actions.append(item)


def set_status(
    item: ActionItem, status: ActionStatus, today: date, reason: str = ""
) -> None:
    if status is ActionStatus.DROPPED and not reason.strip():
        raise FormError("reason", "say why it is dropped, so the next review knows")
    item.status = status
    item.drop_reason = reason.strip() if status is ActionStatus.DROPPED else ""
    item.closed_on = today if status is not ActionStatus.OPEN else None


def undone_immediate_fixes(retro: Retrospective) -> list[ActionItem]:
    """Immediate fixes are expected to be done already; these are not."""
    return [
        a
        for a in retro.actions
        if a.category is ActionCategory.IMMEDIATE and a.status is ActionStatus.OPEN
    ]
