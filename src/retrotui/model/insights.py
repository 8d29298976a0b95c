"""What the library says as a whole: the method's "searchable library".

Pure: computed from the summaries the store's index holds, so 10,000
retrospectives need no file reads. Definitions (the stats screen and
`retrotui stats` say the same):
- time to detect / resolve: from the trigger marker (else the incident
  start) to the first detection / resolution marker; retrospectives without
  those markers are left out of the figure, and counted as such;
- action-item completion: done / (done + open); dropped items were decided
  against, so they count in neither;
- days to close: from the incident's date to the item's closing date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from retrotui.model.enums import Kind
from retrotui.model.repeats import RepeatGroup, group_factors, library_factors
from retrotui.model.summary import RetroSummary


def median(values: Sequence[float]) -> float:
    """The statistics module's median, without its import cost (~6 ms of a
    `retrotui stats` that must stay under a second on 10,000)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def fmean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


# Months shown in the per-month series (the trend plots); older ones still
# count in the totals.
TREND_MONTHS = 24


@dataclass(frozen=True)
class Share:
    name: str
    count: int
    share: float  # of all retrospectives in the period, 0..1


@dataclass(frozen=True)
class Figure:
    """Mean and median of a duration in minutes, over `count` retrospectives."""

    count: int
    mean: float | None
    median: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Figure:
        if not values:
            return cls(0, None, None)
        return cls(len(values), fmean(values), median(values))


@dataclass(frozen=True)
class Month:
    month: str  # "2026-03"
    incidents: int
    near_misses: int
    ttd_median: float | None
    ttr_median: float | None

    @property
    def total(self) -> int:
        return self.incidents + self.near_misses


@dataclass(frozen=True)
class Insights:
    since: date | None
    total: int
    incidents: int
    near_misses: int
    months: tuple[Month, ...]
    tags: tuple[Share, ...]
    categories: tuple[Share, ...]
    ttd: Figure
    ttr: Figure
    ttd_trend: float | None  # recent median minus earlier median (minutes)
    ttr_trend: float | None
    actions_done: int
    actions_open: int
    actions_dropped: int
    actions_overdue: int
    completion: float | None  # done / (done + open)
    median_days_to_close: float | None
    repeats: tuple[RepeatGroup, ...] = field(default=())

    @property
    def escalations(self) -> tuple[RepeatGroup, ...]:
        return tuple(g for g in self.repeats if g.escalate)


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _month_range(first: date, last: date) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _shares(counts: Counter[str], total: int) -> tuple[Share, ...]:
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return tuple(Share(name, count, count / total) for name, count in ordered)


def _trend(values_by_month: list[tuple[str, float]]) -> float | None:
    """Median of the later half of the months minus that of the earlier
    half: negative means getting faster. None without data in both."""
    months = sorted({m for m, _ in values_by_month})
    if len(months) < 2:
        return None
    cut = months[len(months) // 2]
    early = [v for m, v in values_by_month if m < cut]
    late = [v for m, v in values_by_month if m >= cut]
    if not early or not late:
        return None
    return median(late) - median(early)


def compute_insights(
    summaries: Iterable[RetroSummary], today: date, since: date | None = None
) -> Insights:
    # The incident's month where it happened, computed once per summary.
    month_of: dict[str, str] = {}
    day_of: dict[str, date] = {}
    chosen = []
    for s in summaries:
        day = s.local_start.date()
        if since is None or day >= since:
            chosen.append(s)
            day_of[s.id] = day
            month_of[s.id] = _month(day)
    total = len(chosen)
    near = sum(1 for s in chosen if s.kind is Kind.NEAR_MISS)
    # Each counted once per retrospective: "share of incidents with ...".
    tags = Counter(tag for s in chosen for tag in {t.lower() for t in s.tags})
    categories = Counter(c for s in chosen for c in s.categories)
    ttds = [(s, s.ttd) for s in chosen if s.ttd is not None]
    ttrs = [(s, s.ttr) for s in chosen if s.ttr is not None]
    months: list[Month] = []
    if chosen:
        last = max(today, *day_of.values())
        first = min(day_of.values())
        names = _month_range(first, last)[-TREND_MONTHS:]
        per: dict[str, list[RetroSummary]] = {name: [] for name in names}
        for s in chosen:
            per.get(month_of[s.id], []).append(s)
        for name in names:
            group = per[name]
            ttd = [s.ttd for s in group if s.ttd is not None]
            ttr = [s.ttr for s in group if s.ttr is not None]
            months.append(
                Month(
                    name,
                    incidents=sum(1 for s in group if s.kind is not Kind.NEAR_MISS),
                    near_misses=sum(1 for s in group if s.kind is Kind.NEAR_MISS),
                    ttd_median=median(ttd) if ttd else None,
                    ttr_median=median(ttr) if ttr else None,
                )
            )
    done = sum(s.actions_done for s in chosen)
    still_open = sum(s.open_actions for s in chosen)
    closed = [d for s in chosen for d in s.closed_days]
    return Insights(
        since=since,
        total=total,
        incidents=total - near,
        near_misses=near,
        months=tuple(months),
        tags=_shares(tags, total) if total else (),
        categories=_shares(categories, total) if total else (),
        ttd=Figure.of([v for _, v in ttds]),
        ttr=Figure.of([v for _, v in ttrs]),
        ttd_trend=_trend([(month_of[s.id], v) for s, v in ttds]),
        ttr_trend=_trend([(month_of[s.id], v) for s, v in ttrs]),
        actions_done=done,
        actions_open=still_open,
        actions_dropped=sum(s.actions_dropped for s in chosen),
        actions_overdue=sum(s.overdue_actions(today) for s in chosen),
        completion=done / (done + still_open) if done + still_open else None,
        median_days_to_close=median(closed) if closed else None,
        repeats=tuple(group_factors(library_factors(chosen))),
    )


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def insights_json(found: Insights) -> dict[str, Any]:
    def figure(f: Figure) -> dict[str, Any]:
        return {
            "count": f.count,
            "mean_minutes": _round(f.mean),
            "median_minutes": _round(f.median),
        }

    return {
        "since": found.since.isoformat() if found.since else None,
        "retrospectives": found.total,
        "incidents": found.incidents,
        "near_misses": found.near_misses,
        "per_month": [
            {
                "month": m.month,
                "incidents": m.incidents,
                "near_misses": m.near_misses,
                "median_minutes_to_detect": _round(m.ttd_median),
                "median_minutes_to_resolve": _round(m.ttr_median),
            }
            for m in found.months
        ],
        "tags": [
            {"tag": s.name, "count": s.count, "share": round(s.share, 4)}
            for s in found.tags
        ],
        "categories": [
            {"category": s.name, "count": s.count, "share": round(s.share, 4)}
            for s in found.categories
        ],
        "time_to_detect": figure(found.ttd)
        | {"trend_minutes": _round(found.ttd_trend)},
        "time_to_resolve": figure(found.ttr)
        | {"trend_minutes": _round(found.ttr_trend)},
        "action_items": {
            "done": found.actions_done,
            "open": found.actions_open,
            "dropped": found.actions_dropped,
            "overdue": found.actions_overdue,
            "completion_rate": _round(found.completion, 4),
            "median_days_to_close": _round(found.median_days_to_close),
        },
        "repeat_factors": [
            {
                "category": g.category,
                "text": g.text,
                "escalate": g.escalate,
                "seen_in": len(g.retro_ids),
                "retrospective_ids": list(g.retro_ids),
            }
            for g in found.repeats
        ],
    }


def anniversary(
    summaries: Iterable[RetroSummary], today: date, window_days: int = 14
) -> list[RetroSummary]:
    """Retrospectives of incidents from about a year ago (within
    `window_days` of the same date last year), closest first: worth a re-read."""
    try:
        back = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        back = today.replace(year=today.year - 1, day=28)
    near = [
        (abs((s.local_start.date() - back).days), s)
        for s in summaries
        if abs((s.local_start.date() - back).days) <= window_days
    ]
    near.sort(key=lambda pair: (pair[0], pair[1].id))
    return [s for _, s in near]
