"""Library insights checked against figures worked out by hand.

The fixture (today is 2026-06-15; minutes are from the trigger marker, else
the incident start, to the first detection / resolution marker):

    id  date        kind       tags                detect resolve  factor categories
    r1  2026-01-10  incident   deploy, database     10      60     monitoring x2, code
    r2  2026-02-05  near-miss  deploy (twice)       20      90     monitoring
    r3  2026-04-20  incident   network              45     120     capacity
    r4  2026-04-25  near-miss  -                     -       -     -
    r5  2026-06-01  incident   Database              -      30     -

    detect: 10, 20, 45 -> mean 25, median 20 (3 of 5)
    resolve: 60, 90, 120, 30 -> mean 75, median 75 (4 of 5)
    tags: database 2/5, deploy 2/5, network 1/5
    categories: monitoring 2/5, capacity 1/5, code 1/5

    action items      r1                     r2         r3                      r4       r5
    done (closed_on)  01-15 (5 days)         02-25 (20) 04-21 (1)               -        one, no date
    open (due)        02-01 (overdue)        none       12-31, 06-15 (= today)  -        06-10 (overdue)
    dropped           1                      -          -                       1        -

    done 4, open 5, dropped 2 -> completion 4/9; overdue 2;
    days to close 5, 20, 1 -> median 5
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import pytest

from retrotui.model.entities import (
    ActionItem,
    ContributingFactor,
    TimelineEvent,
)
from retrotui.model.enums import (
    ActionCategory,
    ActionStatus,
    Effect,
    Kind,
    Marker,
    Source,
    Stage,
)
from retrotui.model.insights import (
    TREND_MONTHS,
    Figure,
    Insights,
    Month,
    Share,
    anniversary,
    compute_insights,
    insights_json,
)
from retrotui.model.retrospective import Retrospective
from retrotui.model.summary import RetroSummary, summarize

TODAY = date(2026, 6, 15)


def done(closed: date | None) -> ActionItem:
    return ActionItem(
        title="done item",
        category=ActionCategory.PROCESS,
        status=ActionStatus.DONE,
        closed_on=closed,
    )


def still_open(due: date | None) -> ActionItem:
    return ActionItem(title="open item", category=ActionCategory.PROCESS, due=due)


def dropped() -> ActionItem:
    return ActionItem(
        title="dropped item",
        category=ActionCategory.PROCESS,
        status=ActionStatus.DROPPED,
        drop_reason="not worth it",
    )


def make(
    retro_id: str,
    started: datetime,
    *,
    kind: Kind = Kind.INCIDENT,
    tags: Sequence[str] = (),
    markers: Sequence[tuple[float, Marker]] = (),
    factors: Sequence[tuple[str, str]] = (),
    actions: Sequence[ActionItem] = (),
    timezone: str = "UTC",
    title: str | None = None,
) -> Retrospective:
    return Retrospective(
        id=retro_id,
        title=title or f"Retro {retro_id}",
        started=started,
        kind=kind,
        tags=list(tags),
        timezone=timezone,
        timeline=[
            TimelineEvent(
                time=started + timedelta(minutes=minute),
                source=Source.NOTE,
                text=f"{marker.value} at {minute}",
                marker=marker,
            )
            for minute, marker in markers
        ],
        factors=[
            ContributingFactor(
                stage=Stage.DETECTION, effect=Effect.WORSE, category=c, text=t
            )
            for c, t in factors
        ],
        actions=list(actions),
    )


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def fixture() -> list[RetroSummary]:
    retros = [
        make(
            "r1",
            at(2026, 1, 10),
            tags=["deploy", "database"],
            markers=[
                (0, Marker.TRIGGER),
                (10, Marker.DETECTION),
                (25, Marker.MITIGATION),
                (60, Marker.RESOLUTION),
            ],
            factors=[
                ("monitoring", "No alert on the canary error rate"),
                ("Monitoring", "Dashboards lacked the error budget"),
                ("code", "Retry loop had no backoff"),
            ],
            actions=[done(date(2026, 1, 15)), still_open(date(2026, 2, 1)), dropped()],
        ),
        make(
            "r2",
            at(2026, 2, 5),
            kind=Kind.NEAR_MISS,
            tags=["deploy", "DEPLOY"],
            # The trigger comes 5 minutes after the recorded start.
            markers=[
                (5, Marker.TRIGGER),
                (25, Marker.DETECTION),
                (95, Marker.RESOLUTION),
            ],
            factors=[("monitoring", "Canary error rate had no alerting")],
            actions=[done(date(2026, 2, 25)), still_open(None)],
        ),
        make(
            "r3",
            at(2026, 4, 20),
            tags=["network"],
            # No trigger marker: measured from the incident start.
            markers=[(45, Marker.DETECTION), (120, Marker.RESOLUTION)],
            factors=[("capacity", "Connection pool too small for the peak")],
            actions=[
                done(date(2026, 4, 21)),
                still_open(date(2026, 12, 31)),
                still_open(TODAY),  # due today: not overdue yet
            ],
        ),
        make("r4", at(2026, 4, 25), kind=Kind.NEAR_MISS, actions=[dropped()]),
        make(
            "r5",
            at(2026, 6, 1),
            tags=["Database"],
            markers=[(0, Marker.TRIGGER), (30, Marker.RESOLUTION)],
            actions=[done(None), still_open(date(2026, 6, 10))],
        ),
    ]
    return [summarize(r) for r in retros]


@pytest.fixture
def found() -> Insights:
    return compute_insights(fixture(), TODAY)


# -- the summary carries what insights need ------------------------------------------
def test_summaries_carry_minutes_categories_and_closing_days() -> None:
    s = {x.id: x for x in fixture()}
    assert (s["r1"].ttd, s["r1"].ttr) == (10, 60)
    assert (s["r2"].ttd, s["r2"].ttr) == (20, 90)
    assert (s["r3"].ttd, s["r3"].ttr) == (45, 120)
    assert (s["r4"].ttd, s["r4"].ttr) == (None, None)
    assert (s["r5"].ttd, s["r5"].ttr) == (None, 30)
    assert s["r1"].categories == ("monitoring", "code")
    assert s["r1"].closed_days == (5,)
    assert s["r5"].closed_days == ()
    assert (s["r1"].actions_done, s["r1"].open_actions, s["r1"].actions_dropped) == (
        1,
        1,
        1,
    )
    assert s["r3"].overdue_actions(TODAY) == 0
    assert s["r5"].overdue_actions(TODAY) == 1


# -- the figures ------------------------------------------------------------------------
def test_counts(found: Insights) -> None:
    assert (found.total, found.incidents, found.near_misses) == (5, 3, 2)
    assert found.since is None


def test_time_to_detect_and_resolve(found: Insights) -> None:
    assert found.ttd == Figure(count=3, mean=25.0, median=20.0)
    assert found.ttr == Figure(count=4, mean=75.0, median=75.0)


def test_trends_compare_later_months_with_earlier_ones(found: Insights) -> None:
    # Detect: months 01, 02, 04 -> early [10], late [20, 45]: 32.5 - 10.
    assert found.ttd_trend == pytest.approx(22.5)
    # Resolve: months 01, 02, 04, 06 -> early [60, 90], late [120, 30]: 75 - 75.
    assert found.ttr_trend == pytest.approx(0.0)


def test_tag_shares(found: Insights) -> None:
    assert found.tags == (
        Share("database", 2, 0.4),
        Share("deploy", 2, 0.4),
        Share("network", 1, 0.2),
    )


def test_category_shares_count_each_retrospective_once(found: Insights) -> None:
    assert found.categories == (
        Share("monitoring", 2, 0.4),
        Share("capacity", 1, 0.2),
        Share("code", 1, 0.2),
    )


def test_action_items(found: Insights) -> None:
    assert found.actions_done == 4
    assert found.actions_open == 5
    assert found.actions_dropped == 2
    assert found.actions_overdue == 2
    assert found.completion == pytest.approx(4 / 9)
    assert found.median_days_to_close == 5


def test_overdue_depends_on_today() -> None:
    summaries = fixture()
    assert compute_insights(summaries, date(2026, 1, 1)).actions_overdue == 0
    assert compute_insights(summaries, date(2026, 6, 11)).actions_overdue == 2
    # The day after r3's item was due, it is overdue too.
    assert compute_insights(summaries, date(2026, 6, 16)).actions_overdue == 3
    assert compute_insights(summaries, date(2027, 1, 1)).actions_overdue == 4


def test_months_run_to_today_including_empty_ones(found: Insights) -> None:
    assert found.months == (
        Month("2026-01", incidents=1, near_misses=0, ttd_median=10, ttr_median=60),
        Month("2026-02", incidents=0, near_misses=1, ttd_median=20, ttr_median=90),
        Month("2026-03", incidents=0, near_misses=0, ttd_median=None, ttr_median=None),
        Month("2026-04", incidents=1, near_misses=1, ttd_median=45, ttr_median=120),
        Month("2026-05", incidents=0, near_misses=0, ttd_median=None, ttr_median=None),
        Month("2026-06", incidents=1, near_misses=0, ttd_median=None, ttr_median=30),
    )
    assert [m.total for m in found.months] == [1, 1, 0, 2, 0, 1]


def test_months_span_a_year_end() -> None:
    summaries = [
        summarize(make("a", at(2025, 11, 30))),
        summarize(make("b", at(2026, 2, 1))),
    ]
    months = compute_insights(summaries, date(2026, 2, 3)).months
    assert [m.month for m in months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [m.total for m in months] == [1, 0, 0, 1]


def test_a_month_holds_the_median_of_its_retrospectives() -> None:
    summaries = [
        summarize(
            make(f"m{n}", at(2026, 3, n + 1), markers=[(minutes, Marker.DETECTION)])
        )
        for n, minutes in enumerate([5, 50, 8, 12])
    ]
    (march,) = compute_insights(summaries, date(2026, 3, 31)).months
    assert march.ttd_median == 10  # median of 5, 8, 12, 50
    assert march.incidents == 4


def test_only_the_last_months_are_listed_but_all_are_counted() -> None:
    summaries = [
        summarize(make("old", at(2023, 1, 15))),
        summarize(make("new", at(2026, 6, 1))),
    ]
    found = compute_insights(summaries, TODAY)
    assert len(found.months) == TREND_MONTHS == 24
    assert found.months[0].month == "2024-07"
    assert found.months[-1].month == "2026-06"
    assert found.total == 2
    assert sum(m.total for m in found.months) == 1


def test_months_use_the_incident_day_in_its_own_zone() -> None:
    # 03:00 UTC on 1 February is still 31 January in New York.
    summaries = [
        summarize(
            make(
                "ny",
                datetime(2026, 2, 1, 3, 0, tzinfo=UTC),
                timezone="America/New_York",
            )
        )
    ]
    found = compute_insights(summaries, date(2026, 2, 10))
    assert [(m.month, m.total) for m in found.months] == [
        ("2026-01", 1),
        ("2026-02", 0),
    ]
    assert (
        compute_insights(summaries, date(2026, 2, 10), since=date(2026, 2, 1)).total
        == 0
    )


# -- since -------------------------------------------------------------------------------
def test_since_keeps_retrospectives_from_that_day_on() -> None:
    found = compute_insights(fixture(), TODAY, since=date(2026, 4, 1))
    assert found.since == date(2026, 4, 1)
    assert (found.total, found.incidents, found.near_misses) == (3, 2, 1)
    assert found.ttd == Figure(1, 45.0, 45.0)
    assert found.ttr == Figure(2, 75.0, 75.0)
    assert found.tags == (
        Share("database", 1, pytest.approx(1 / 3)),
        Share("network", 1, pytest.approx(1 / 3)),
    )
    assert found.categories == (Share("capacity", 1, pytest.approx(1 / 3)),)
    assert (found.actions_done, found.actions_open, found.actions_dropped) == (2, 3, 1)
    assert found.actions_overdue == 1
    assert found.completion == pytest.approx(0.4)
    assert found.median_days_to_close == 1
    assert [m.month for m in found.months] == ["2026-04", "2026-05", "2026-06"]
    assert found.repeats == ()


def test_since_is_inclusive() -> None:
    assert compute_insights(fixture(), TODAY, since=date(2026, 4, 20)).total == 3
    assert compute_insights(fixture(), TODAY, since=date(2026, 4, 21)).total == 2


def test_an_empty_library_or_period() -> None:
    for found in (
        compute_insights([], TODAY),
        compute_insights(fixture(), TODAY, since=date(2027, 1, 1)),
    ):
        assert found.total == 0
        assert found.months == ()
        assert found.tags == () and found.categories == ()
        assert found.ttd == Figure(0, None, None)
        assert found.completion is None
        assert found.median_days_to_close is None
        assert found.ttd_trend is None
        assert found.repeats == ()


def test_no_action_items_means_no_completion_rate() -> None:
    found = compute_insights([summarize(make("x", at(2026, 6, 1)))], TODAY)
    assert found.completion is None
    assert found.median_days_to_close is None
    assert found.ttd_trend is None and found.ttr_trend is None


# -- repeats -----------------------------------------------------------------------------
def test_repeat_factors_across_retrospectives_are_escalated(found: Insights) -> None:
    assert len(found.repeats) == 1
    (group,) = found.escalations
    assert group.category == "monitoring"
    assert group.retro_ids == ("r1", "r2")
    assert group.retro_titles == ("Retro r1", "Retro r2")


# -- JSON ----------------------------------------------------------------------------------
def test_insights_json_keys_and_numbers(found: Insights) -> None:
    data = insights_json(found)
    assert set(data) == {
        "since",
        "retrospectives",
        "incidents",
        "near_misses",
        "per_month",
        "tags",
        "categories",
        "time_to_detect",
        "time_to_resolve",
        "action_items",
        "repeat_factors",
    }
    assert data["since"] is None
    assert (data["retrospectives"], data["incidents"], data["near_misses"]) == (5, 3, 2)
    assert data["time_to_detect"] == {
        "count": 3,
        "mean_minutes": 25.0,
        "median_minutes": 20.0,
        "trend_minutes": 22.5,
    }
    assert data["time_to_resolve"] == {
        "count": 4,
        "mean_minutes": 75.0,
        "median_minutes": 75.0,
        "trend_minutes": 0.0,
    }
    assert data["tags"] == [
        {"tag": "database", "count": 2, "share": 0.4},
        {"tag": "deploy", "count": 2, "share": 0.4},
        {"tag": "network", "count": 1, "share": 0.2},
    ]
    assert data["categories"] == [
        {"category": "monitoring", "count": 2, "share": 0.4},
        {"category": "capacity", "count": 1, "share": 0.2},
        {"category": "code", "count": 1, "share": 0.2},
    ]
    assert data["action_items"] == {
        "done": 4,
        "open": 5,
        "dropped": 2,
        "overdue": 2,
        "completion_rate": 0.4444,
        "median_days_to_close": 5,
    }
    assert data["per_month"][0] == {
        "month": "2026-01",
        "incidents": 1,
        "near_misses": 0,
        "median_minutes_to_detect": 10,
        "median_minutes_to_resolve": 60,
    }
    assert [m["month"] for m in data["per_month"]] == [
        f"2026-{n:02d}" for n in range(1, 7)
    ]
    assert data["per_month"][2]["median_minutes_to_detect"] is None
    (repeat,) = data["repeat_factors"]
    assert repeat["category"] == "monitoring"
    assert repeat["escalate"] is True
    assert repeat["text"] in {
        "No alert on the canary error rate",
        "Canary error rate had no alerting",
    }
    assert repeat["seen_in"] == 2
    assert repeat["retrospective_ids"] == ["r1", "r2"]


def test_insights_json_rounds_and_names_since() -> None:
    summaries = [
        summarize(make(f"x{n}", at(2026, 5, n + 1), markers=[(m, Marker.DETECTION)]))
        for n, m in enumerate([1, 2, 2])
    ]
    data = insights_json(compute_insights(summaries, TODAY, since=date(2026, 5, 1)))
    assert data["since"] == "2026-05-01"
    assert data["time_to_detect"]["mean_minutes"] == 1.7  # 5 / 3
    assert data["time_to_detect"]["median_minutes"] == 2
    assert data["tags"] == [] and data["action_items"]["completion_rate"] is None


def test_insights_json_of_nothing() -> None:
    data = insights_json(compute_insights([], TODAY))
    assert data["retrospectives"] == 0
    assert data["per_month"] == []
    assert data["time_to_detect"] == {
        "count": 0,
        "mean_minutes": None,
        "median_minutes": None,
        "trend_minutes": None,
    }


# -- days to close -----------------------------------------------------------------------
def test_days_to_close_never_go_below_zero() -> None:
    retro = make("x", at(2026, 3, 10), actions=[done(date(2026, 3, 1))])
    assert summarize(retro).closed_days == (0,)


def test_days_to_close_count_from_the_incident_day_in_its_zone() -> None:
    # 20:00 UTC on 26 November is 09:00 on 27 November in Auckland.
    retro = make(
        "nz",
        datetime(2026, 11, 26, 20, 0, tzinfo=UTC),
        timezone="Pacific/Auckland",
        actions=[done(date(2026, 11, 30))],
    )
    summary = summarize(retro)
    assert summary.local_start.date() == date(2026, 11, 27)
    assert summary.closed_days == (3,)


# -- anniversary -------------------------------------------------------------------------
def on(retro_id: str, day: date, timezone: str = "UTC") -> RetroSummary:
    return summarize(
        make(
            retro_id,
            datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
            timezone=timezone,
        )
    )


def test_anniversary_lists_those_about_a_year_ago_closest_first() -> None:
    summaries = [
        on("exact", date(2025, 6, 15)),
        on("minus5", date(2025, 6, 10)),
        on("plus3", date(2025, 6, 18)),
        on("plus14", date(2025, 6, 29)),
        on("minus14", date(2025, 6, 1)),
        on("plus15", date(2025, 6, 30)),
        on("minus15", date(2025, 5, 31)),
        on("thisyear", date(2026, 6, 15)),
        on("twoyears", date(2024, 6, 15)),
    ]
    found = anniversary(summaries, TODAY)
    assert [s.id for s in found] == ["exact", "plus3", "minus5", "minus14", "plus14"]


def test_anniversary_window_can_be_narrowed() -> None:
    summaries = [on("a", date(2025, 6, 15)), on("b", date(2025, 6, 18))]
    assert [s.id for s in anniversary(summaries, TODAY, window_days=2)] == ["a"]
    assert anniversary([], TODAY) == []


def test_anniversary_on_29_february() -> None:
    summaries = [
        on("feb28", date(2027, 2, 28)),
        on("mar14", date(2027, 3, 14)),
        on("mar15", date(2027, 3, 15)),
        on("feb14", date(2027, 2, 14)),
        on("feb13", date(2027, 2, 13)),
    ]
    found = anniversary(summaries, date(2028, 2, 29))
    assert [s.id for s in found] == ["feb28", "feb14", "mar14"]


def test_anniversary_of_a_29_february_incident() -> None:
    summaries = [on("leap", date(2028, 2, 29)), on("far", date(2028, 4, 1))]
    assert [s.id for s in anniversary(summaries, date(2029, 3, 1))] == ["leap"]
    assert [s.id for s in anniversary(summaries, date(2029, 2, 28))] == ["leap"]


def test_anniversary_uses_the_incident_day_in_its_zone() -> None:
    # 20:00 UTC on 31 May 2025 is 05:00 on 1 June in Tokyo: 14 days from
    # 2025-06-15 there, 15 in UTC.
    late = summarize(
        make("late", datetime(2025, 5, 31, 20, 0, tzinfo=UTC), timezone="Asia/Tokyo")
    )
    assert late.local_start.date() == date(2025, 6, 1)
    assert [s.id for s in anniversary([late], TODAY)] == ["late"]
