"""retro_warnings: what the summary warns about before publishing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from retrotui.demo import build_demo
from retrotui.model.checks import (
    FRESHNESS,
    Warning,
    criteria_warning,
    retro_warnings,
    staleness_warning,
)
from retrotui.model.entities import (
    ActionItem,
    ContributingFactor,
    PhaseRecord,
    TimelineEvent,
    WhyChain,
)
from retrotui.model.enums import (
    ActionCategory,
    ActionStatus,
    Criterion,
    Effect,
    Marker,
    Phase,
    Source,
    Stage,
)
from retrotui.model.retrospective import Retrospective
from retrotui.model.timer import ran_over, spent_label

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
TODAY = NOW.date()

GOOD_CHAIN = WhyChain(
    problem="The API returned 500 errors",
    whys=[
        "The database connection pool was exhausted",
        "A query was running without a timeout and holding connections",
        "The query was added in a recent PR without a performance review",
        "There is no required performance review step for database changes",
        "The review checklist predates the database split",
    ],
)


def action(
    title: str,
    category: ActionCategory = ActionCategory.PROCESS,
    owner: str = "Priya",
    due: date | None = date(2026, 12, 10),
    status: ActionStatus = ActionStatus.OPEN,
) -> ActionItem:
    return ActionItem(
        title=title, category=category, owner=owner, due=due, status=status
    )


def clean_retro() -> Retrospective:
    """A retrospective that deserves no warning at NOW."""
    return Retrospective(
        title="Checkout 5xx after deploy",
        started=NOW - timedelta(hours=20),
        ended=NOW - timedelta(hours=19),
        criteria=[Criterion.CUSTOMER_IMPACT],
        participants=["Priya (payments)", "Marco (SRE)"],
        timeline=[
            TimelineEvent(
                time=NOW - timedelta(hours=20),
                source=Source.DEPLOY,
                text="Deploy",
                marker=Marker.TRIGGER,
            ),
            TimelineEvent(
                time=NOW - timedelta(hours=19, minutes=40),
                source=Source.ALERT,
                text="5xx alert",
                marker=Marker.DETECTION,
            ),
            TimelineEvent(
                time=NOW - timedelta(hours=19),
                source=Source.DEPLOY,
                text="Rollback",
                marker=Marker.RESOLUTION,
            ),
        ],
        factors=[
            ContributingFactor(
                stage=Stage.CAUSE,
                effect=Effect.WORSE,
                category="process",
                text="No query review",
            ),
        ],
        why_chains=[GOOD_CHAIN],
        actions=[
            action(
                "Add a statement timeout",
                ActionCategory.IMMEDIATE,
                status=ActionStatus.DONE,
            ),
            action("Alert on checkout success rate", ActionCategory.DETECTION),
            action("Require a query-plan review", ActionCategory.PROCESS),
        ],
    )


def codes(retro: Retrospective, now: datetime = NOW) -> list[str]:
    return [w.code for w in retro_warnings(retro, now)]


def messages(retro: Retrospective, code: str) -> list[str]:
    return [w.message for w in retro_warnings(retro, NOW) if w.code == code]


def test_a_clean_retrospective_has_no_warnings() -> None:
    assert retro_warnings(clean_retro(), NOW) == []


def test_demo_checkout_retrospective_has_no_warnings() -> None:
    checkout = build_demo(TODAY)[0]
    assert checkout.title == "Checkout 5xx after deploy"
    assert retro_warnings(checkout, NOW) == []


def test_demo_older_retrospectives_are_stale() -> None:
    _, search, cert = build_demo(TODAY)
    assert codes(search) == ["stale", "no-whys"]
    assert "40 days" in messages(search, "stale")[0]
    assert codes(cert)[:1] == ["stale"]
    assert "few-actions" in codes(cert)


# -- criteria ------------------------------------------------------------------


def test_no_criterion_ticked() -> None:
    retro = clean_retro()
    retro.criteria = []
    assert codes(retro) == ["no-criteria"]
    warning = criteria_warning(retro)
    assert warning is not None
    assert "criterion" in warning.message
    retro.criteria = [Criterion.NEAR_MISS]
    assert criteria_warning(retro) is None


# -- staleness -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("ended_ago", "stale", "age"),
    [
        (timedelta(hours=1), False, ""),
        (timedelta(hours=47), False, ""),
        (timedelta(hours=47, minutes=59, seconds=59), False, ""),
        (FRESHNESS, False, ""),
        (timedelta(hours=48, seconds=1), True, "48 hours"),
        (timedelta(hours=49), True, "49 hours"),
        (timedelta(hours=71, minutes=59), True, "71 hours"),
        (timedelta(hours=72), True, "3 days"),
        (timedelta(days=40, hours=5), True, "40 days"),
    ],
)
def test_staleness(ended_ago: timedelta, stale: bool, age: str) -> None:
    retro = clean_retro()
    retro.started = NOW - ended_ago - timedelta(hours=1)
    retro.ended = NOW - ended_ago
    warning = staleness_warning(retro, NOW)
    if not stale:
        assert warning is None
        assert "stale" not in codes(retro)
        return
    assert warning is not None
    assert warning.code == "stale"
    assert f"ended {age} ago" in warning.message
    assert "hindsight" in warning.message
    assert codes(retro) == ["stale"]


def test_no_end_time_or_an_end_in_the_future_is_not_stale() -> None:
    retro = clean_retro()
    retro.ended = None
    assert staleness_warning(retro, NOW) is None
    retro.ended = NOW + timedelta(hours=3)
    assert staleness_warning(retro, NOW) is None


def test_staleness_is_measured_from_the_end_not_the_start() -> None:
    retro = clean_retro()
    retro.started = NOW - timedelta(days=5)
    retro.ended = NOW - timedelta(hours=10)
    assert staleness_warning(retro, NOW) is None


# -- why chains ----------------------------------------------------------------


def test_short_chain_warning_names_the_problem() -> None:
    retro = clean_retro()
    retro.why_chains.append(
        WhyChain(problem="Support could not reach on-call", whys=["No route exists"])
    )
    found = messages(retro, "short-chain")
    assert len(found) == 1
    assert "“Support could not reach on-call”" in found[0]
    assert "1 of 5 whys" in found[0]


def test_chain_ending_on_a_participant_is_warned_about() -> None:
    retro = clean_retro()
    retro.why_chains = [
        WhyChain(problem="Bad deploy", whys=[*GOOD_CHAIN.whys[:4], "Priya merged it"])
    ]
    found = messages(retro, "short-chain")
    assert len(found) == 1
    assert "about a person" in found[0]


def test_one_warning_per_chain() -> None:
    retro = clean_retro()
    retro.why_chains = [
        WhyChain(problem="a", whys=[]),
        GOOD_CHAIN,
        WhyChain(problem="b", whys=["The server ran out of memory"]),
    ]
    assert codes(retro) == ["short-chain", "short-chain"]


# -- number of actions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 action items"), (2, "2 action items")]
)
def test_fewer_than_three_actions(count: int, text: str) -> None:
    retro = clean_retro()
    retro.actions = retro.actions[:count]
    found = messages(retro, "few-actions")
    assert found == [f"{text}: aim for 3 to 5 owned, dated ones."]


def test_one_action_is_singular() -> None:
    retro = clean_retro()
    retro.actions = retro.actions[:1]
    assert messages(retro, "few-actions")[0].startswith("1 action item:")


def test_three_to_five_actions_are_enough() -> None:
    retro = clean_retro()
    assert "few-actions" not in codes(retro)
    retro.actions += [action("four"), action("five")]
    assert "few-actions" not in codes(retro)


def test_dropped_actions_do_not_count_done_ones_do() -> None:
    retro = clean_retro()
    retro.actions[1].status = ActionStatus.DROPPED
    retro.actions[1].drop_reason = "merged"
    assert messages(retro, "few-actions") == [
        "2 action items: aim for 3 to 5 owned, dated ones."
    ]
    retro.actions[1].status = ActionStatus.DONE
    assert "few-actions" not in codes(retro)


# -- wishes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner", "due", "missing"),
    [
        ("", date(2026, 12, 10), "an owner"),
        ("   ", date(2026, 12, 10), "an owner"),
        ("Marco", None, "a due date"),
        ("", None, "an owner and a due date"),
    ],
)
def test_a_wish_names_what_is_missing(
    owner: str, due: date | None, missing: str
) -> None:
    retro = clean_retro()
    retro.actions[2].owner = owner
    retro.actions[2].due = due
    assert messages(retro, "wish") == [
        f"“Require a query-plan review” is a wish: it needs {missing}."
    ]


def test_closed_items_are_not_wishes_to_warn_about() -> None:
    retro = clean_retro()
    retro.actions[0].owner = ""
    retro.actions[0].due = None  # done
    retro.actions.append(
        action("Dropped idea", owner="", due=None, status=ActionStatus.DROPPED)
    )
    assert "wish" not in codes(retro)


# -- immediate fixes -----------------------------------------------------------


def test_open_immediate_fix_is_warned_about() -> None:
    retro = clean_retro()
    retro.actions[0].status = ActionStatus.OPEN
    assert messages(retro, "immediate-open") == [
        "Immediate fix “Add a statement timeout” is still open: is it done?"
    ]
    retro.actions[0].status = ActionStatus.DROPPED
    assert "immediate-open" not in codes(retro)


# -- overtime ------------------------------------------------------------------


def test_phases_that_ran_over_are_listed() -> None:
    retro = clean_retro()
    timeline = next(r for r in retro.phases if r.phase is Phase.TIMELINE)
    timeline.spent_s = 18 * 60
    factors = next(r for r in retro.phases if r.phase is Phase.FACTORS)
    factors.spent_s = 24 * 60
    factors.extended_s = 5 * 60  # extended in time: not over
    assert messages(retro, "overtime") == ["Timeline ran over: 18 of 15 min."]
    factors.spent_s = 26 * 60
    assert messages(retro, "overtime") == [
        "Timeline ran over: 18 of 15 min.",
        "Factors ran over: 26 of 25 min.",
    ]


def test_a_phase_exactly_on_time_did_not_run_over() -> None:
    retro = clean_retro()
    for record in retro.phases:
        record.spent_s = record.planned_s
    assert "overtime" not in codes(retro)


def test_an_overtime_warning_shows_more_spent_than_planned() -> None:
    record = PhaseRecord(phase=Phase.IMPACT, planned_s=600, spent_s=640)
    assert ran_over(record)
    assert not ran_over(PhaseRecord(phase=Phase.IMPACT, planned_s=600, spent_s=620))
    spent, planned = (
        int(n) for n in spent_label(record).split(" min")[0].split(" of ")
    )
    assert spent > planned


# -- all together ----------------------------------------------------------------


def test_everything_wrong_at_once_in_a_stable_order() -> None:
    retro = Retrospective(
        title="t",
        ended=NOW - timedelta(days=4),
        why_chains=[WhyChain(problem="p", whys=["Someone forgot"])],
        actions=[action("Patch it", ActionCategory.IMMEDIATE, owner="")],
        phases=[PhaseRecord(phase=Phase.TIMELINE, planned_s=900, spent_s=1200)],
    )
    found = retro_warnings(retro, NOW)
    assert all(isinstance(w, Warning) for w in found)
    assert [w.code for w in found] == [
        "no-criteria",
        "stale",
        "short-chain",
        "no-timeline",
        "no-factors",
        "few-actions",
        "wish",
        "immediate-open",
        "overtime",
    ]
    assert "4 days" in found[1].message
    assert found[-1].message == "Timeline ran over: 20 of 15 min."
