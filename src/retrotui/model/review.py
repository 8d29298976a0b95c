"""The previous-actions review: every open item of earlier retrospectives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrotui.model.entities import ActionItem, ReviewOutcome
from retrotui.model.enums import ActionStatus
from retrotui.model.retrospective import Retrospective
from retrotui.model.summary import RetroSummary


@dataclass(frozen=True)
class ReviewItem:
    retro_id: str
    retro_title: str
    item: ActionItem

    def overdue(self, today: date) -> bool:
        return self.item.is_overdue(today)


def open_items(
    retros: list[Retrospective],
    exclude: str | None,
    today: date,
    decided: set[str] | None = None,
) -> list[ReviewItem]:
    """Open items of every other retrospective: overdue first, then by due
    date. Items in `decided` (already reviewed in this session) stay listed
    whatever their status, so the group still sees what it decided."""
    keep = decided or set()
    found = [
        ReviewItem(r.id, r.title, item)
        for r in retros
        if r.id != exclude
        for item in r.actions
        if item.status is ActionStatus.OPEN or item.id in keep
    ]

    def key(entry: ReviewItem) -> tuple[int, date, str]:
        # By due date, not status: a decided item keeps its place in the list.
        due = entry.item.due or date.max
        return (0 if due < today else 1, due, entry.item.title)

    return sorted(found, key=key)


@dataclass(frozen=True)
class Completion:
    done: int
    open: int
    dropped: int

    @property
    def rate(self) -> float | None:
        """Done out of done + open; dropped items are neither."""
        considered = self.done + self.open
        return self.done / considered if considered else None

    @property
    def label(self) -> str:
        if self.rate is None:
            if self.dropped:
                return f"no open or done items ({self.dropped} dropped)"
            return "no action items yet"
        return f"{self.rate:.0%} done ({self.done} of {self.done + self.open}; {self.dropped} dropped)"


def completion(retros: list[Retrospective]) -> Completion:
    statuses = [item.status for r in retros for item in r.actions]
    return Completion(
        done=statuses.count(ActionStatus.DONE),
        open=statuses.count(ActionStatus.OPEN),
        dropped=statuses.count(ActionStatus.DROPPED),
    )


def library_completion(summaries: list[RetroSummary]) -> Completion:
    """The same figure from the library index, without loading every file."""
    return Completion(
        done=sum(s.actions_done for s in summaries),
        open=sum(s.open_actions for s in summaries),
        dropped=sum(s.actions_dropped for s in summaries),
    )


def record_outcome(retro: Retrospective, entry: ReviewItem) -> None:
    """Note in this retrospective what the review decided (latest wins)."""
    retro.review_log = [o for o in retro.review_log if o.item_id != entry.item.id]
    retro.review_log.append(
        ReviewOutcome(
            retro_id=entry.retro_id,
            item_id=entry.item.id,
            title=entry.item.title,
            status=entry.item.status,
            reason=entry.item.drop_reason,
        )
    )
