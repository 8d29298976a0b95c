"""The bundled demo library: a deploy-caused checkout outage and two earlier
retrospectives with open and overdue action items.

Dates are built relative to `today` so the demo always looks recent (the
outage was yesterday, some earlier items are overdue); tests pass a fixed day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

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
    Retrospective,
    Severity,
    Source,
    Stage,
    Status,
    TimelineEvent,
    WhyChain,
)
from retrotui.model.timeparse import zone

TZ = "Europe/Berlin"

_CHECKOUT_EVENTS: list[tuple[str, Source, str, Marker]] = [
    (
        "14:03",
        Source.DEPLOY,
        "Deploy of api v2.31 to production started (pipeline #4812)",
        Marker.TRIGGER,
    ),
    (
        "14:09",
        Source.DEPLOY,
        "Deploy of api v2.31 completed on all 12 pods",
        Marker.NONE,
    ),
    (
        "14:15",
        Source.CHAT,
        '#payments: "checkout feels slow for me, anyone else?"',
        Marker.NONE,
    ),
    (
        "14:21",
        Source.CUSTOMER,
        "Support ticket #99120: card payment spinner never finishes",
        Marker.NONE,
    ),
    (
        "14:28",
        Source.CUSTOMER,
        'Support ticket #99131: "order failed, was I charged?"',
        Marker.NONE,
    ),
    (
        "14:33",
        Source.CHAT,
        "Support asks #incidents whether payments are degraded",
        Marker.NONE,
    ),
    (
        "14:47",
        Source.ALERT,
        "API 5xx above 5% for 5 min (checkout-api)",
        Marker.DETECTION,
    ),
    ("14:49", Source.ON_CALL, "Primary on-call paged", Marker.NONE),
    ("14:52", Source.ON_CALL, "Primary acknowledged the page", Marker.NONE),
    (
        "14:55",
        Source.CHAT,
        "Incident channel #inc-checkout opened, incident commander named",
        Marker.NONE,
    ),
    (
        "14:58",
        Source.ALERT,
        "Connection pool saturation 100% on payments-db",
        Marker.NONE,
    ),
    (
        "15:01",
        Source.CHAT,
        "Dashboard shows 5xx rising from 14:09, when the deploy finished",
        Marker.NONE,
    ),
    ("15:04", Source.NOTE, "Decision: roll back rather than fix forward", Marker.NONE),
    ("15:06", Source.DEPLOY, "Rollback to v2.30 started", Marker.NONE),
    ("15:10", Source.DEPLOY, "Rollback to v2.30 completed", Marker.MITIGATION),
    ("15:14", Source.ALERT, "API 5xx below 1%", Marker.NONE),
    ("15:18", Source.CUSTOMER, "Status page updated: checkout recovered", Marker.NONE),
    ("15:25", Source.ALERT, "API 5xx back to baseline for 10 min", Marker.RESOLUTION),
    ("15:40", Source.NOTE, "Retry queue drained: 312 orders replayed", Marker.NONE),
    (
        "16:05",
        Source.NOTE,
        "Incident closed; retrospective booked for tomorrow 10:00",
        Marker.NONE,
    ),
]


def _at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=zone(TZ))


def _checkout(today: date) -> Retrospective:
    day = today - timedelta(days=1)
    retro = Retrospective(
        id="c4e7a2d9",
        title="Checkout 5xx after deploy",
        kind=Kind.INCIDENT,
        severity=Severity.SEV2,
        started=_at(day, "14:03"),
        detected=_at(day, "14:47"),
        ended=_at(day, "15:25"),
        timezone=TZ,
        tags=["deploy", "payments"],
        criteria=[Criterion.CUSTOMER_IMPACT, Criterion.CROSS_TEAM],
        participants=[
            "Priya (payments)",
            "Marco (SRE)",
            "Lena (eng manager)",
            "Tomás (support)",
        ],
        facilitator="Ana (SRE)",
        summary=(
            "A deploy of api v2.31 added a saved-cards query without a timeout. Under "
            "afternoon load it held payments-db connections until the pool was "
            "exhausted, and checkout returned 5xx for an hour until a rollback."
        ),
        surprised="The API alert fired 44 minutes after customers first reported failures.",
        status=Status.DRAFT,
        timeline=[
            TimelineEvent(
                time=_at(day, clock),
                source=source,
                text=text,
                marker=marker,
                id=f"ev{n:02d}",
            )
            for n, (clock, source, text, marker) in enumerate(_CHECKOUT_EVENTS, start=1)
        ],
        impact=Impact(
            users_affected="About 4,200 failed checkout attempts (18% of checkout traffic)",
            duration_minutes=None,
            business_cost="Estimated EUR 38k of delayed or lost orders",
            data_lost=False,
            slo_breached="Checkout availability (99.9% monthly): 41% of the error budget spent",
            customer_reports="27 support tickets, 3 public social media posts",
            lucky="It happened mid-afternoon with the whole payments team online.",
        ),
        factors=[
            ContributingFactor(
                id="f1",
                stage=Stage.CAUSE,
                effect=Effect.WORSE,
                category="code",
                text="The new saved-cards query ran without a timeout and held DB connections",
            ),
            ContributingFactor(
                id="f2",
                stage=Stage.CAUSE,
                effect=Effect.WORSE,
                category="process",
                text="Database-touching changes have no performance review step",
            ),
            ContributingFactor(
                id="f3",
                stage=Stage.DETECTION,
                effect=Effect.WORSE,
                category="monitoring",
                text="The only alert watches API 5xx for 5 minutes, not checkout success rate",
            ),
            ContributingFactor(
                id="f4",
                stage=Stage.DETECTION,
                effect=Effect.WORSE,
                category="communication",
                text="Support tickets have no route to the on-call rotation",
            ),
            ContributingFactor(
                id="f5",
                stage=Stage.RESPONSE,
                effect=Effect.WORSE,
                category="tooling",
                text="Connection pool metrics are not on the checkout dashboard",
            ),
            ContributingFactor(
                id="f6",
                stage=Stage.RESPONSE,
                effect=Effect.BETTER,
                category="communication",
                text="The incident channel was open three minutes after the page",
            ),
            ContributingFactor(
                id="f7",
                stage=Stage.RESOLUTION,
                effect=Effect.BETTER,
                category="tooling",
                text="One-command rollback restored service in four minutes",
            ),
        ],
        why_chains=[
            WhyChain(
                id="w1",
                problem="The API returned 5xx errors for 61 minutes",
                whys=[
                    "The payments-db connection pool was exhausted",
                    "The saved-cards query ran without a timeout and held connections",
                    "The query was added in a PR without a performance review",
                    "There is no required performance review for database-touching changes",
                    "The review checklist predates the split of the payments database",
                ],
            ),
        ],
        actions=[
            ActionItem(
                id="a1",
                title="Add a 2 s statement timeout to the saved-cards query",
                category=ActionCategory.IMMEDIATE,
                owner="Priya",
                due=today,
                status=ActionStatus.DONE,
                closed_on=today,
                ticket="PAY-2211",
            ),
            ActionItem(
                id="a2",
                title="Alert on checkout success rate, not only API 5xx",
                category=ActionCategory.DETECTION,
                owner="Marco",
                due=today + timedelta(days=14),
                ticket="SRE-870",
            ),
            ActionItem(
                id="a3",
                title="Require a query-plan review for PRs touching payments-db",
                category=ActionCategory.PROCESS,
                owner="Lena",
                due=today + timedelta(days=21),
            ),
            ActionItem(
                id="a4",
                title="Isolate connection pools per route in the payments API",
                category=ActionCategory.SYSTEMIC,
                owner="Tomás",
                due=today + timedelta(days=45),
            ),
        ],
    )
    for item in retro.actions:
        item.origin = retro.id
    return retro


def _search(today: date) -> Retrospective:
    day = today - timedelta(days=41)
    retro = Retrospective(
        id="5ea4c1b0",
        title="Search index rebuild stalled",
        severity=Severity.SEV3,
        started=_at(day, "09:12"),
        detected=_at(day, "10:40"),
        ended=_at(day, "12:05"),
        timezone=TZ,
        tags=["infrastructure", "data"],
        criteria=[Criterion.CUSTOMER_IMPACT],
        participants=["Marco (SRE)", "Jun (search)"],
        facilitator="Ana (SRE)",
        summary="A nightly index rebuild stalled on a full disk; search served stale results for three hours.",
        status=Status.PUBLISHED,
        timeline=[
            TimelineEvent(
                id="s1",
                time=_at(day, "09:12"),
                source=Source.ALERT,
                text="Disk 92% on search-3",
                marker=Marker.TRIGGER,
            ),
            TimelineEvent(
                id="s2",
                time=_at(day, "10:40"),
                source=Source.CUSTOMER,
                text="Customer reports new products missing from search",
                marker=Marker.DETECTION,
            ),
            TimelineEvent(
                id="s3",
                time=_at(day, "11:30"),
                source=Source.NOTE,
                text="Old snapshots removed, rebuild resumed",
                marker=Marker.MITIGATION,
            ),
            TimelineEvent(
                id="s4",
                time=_at(day, "12:05"),
                source=Source.ALERT,
                text="Index lag back under 1 minute",
                marker=Marker.RESOLUTION,
            ),
        ],
        factors=[
            ContributingFactor(
                id="sf1",
                stage=Stage.DETECTION,
                effect=Effect.WORSE,
                category="monitoring",
                text="No alert on index lag; customers noticed first",
            ),
            # The same gap as in the checkout incident a month later: the
            # demo's repeat factor, flagged "escalate" across the app.
            ContributingFactor(
                id="sf2",
                stage=Stage.DETECTION,
                effect=Effect.WORSE,
                category="monitoring",
                text="The only alert watches indexer 5xx for 5 minutes, not search success rate",
            ),
        ],
        actions=[
            ActionItem(
                id="sa1",
                title="Alert when index lag exceeds 10 minutes",
                category=ActionCategory.DETECTION,
                owner="Jun",
                due=today - timedelta(days=20),
            ),
            ActionItem(
                id="sa2",
                title="Write the manual reindex runbook",
                category=ActionCategory.PROCESS,
                owner="Marco",
                due=today - timedelta(days=30),
                status=ActionStatus.DONE,
                closed_on=today - timedelta(days=33),
            ),
            ActionItem(
                id="sa3",
                title="Capacity plan for the search cluster disks",
                category=ActionCategory.SYSTEMIC,
                owner="Jun",
                due=today + timedelta(days=10),
            ),
        ],
    )
    for item in retro.actions:
        item.origin = retro.id
    return retro


def _certificate(today: date) -> Retrospective:
    day = today - timedelta(days=96)
    retro = Retrospective(
        id="9b3f07e1",
        title="Near miss: partner API certificate nearly expired",
        kind=Kind.NEAR_MISS,
        severity=Severity.SEV4,
        started=_at(day, "16:20"),
        ended=_at(day, "17:05"),
        timezone=TZ,
        tags=["third-party"],
        criteria=[Criterion.NEAR_MISS, Criterion.NOVEL_FAILURE],
        participants=["Lena (eng manager)", "Sam (platform)"],
        summary="A TLS certificate for the partner API was six hours from expiry when a canary check caught it.",
        status=Status.REVIEWED,
        actions=[
            ActionItem(
                id="ca1",
                title="Automate certificate renewal checks for partner endpoints",
                category=ActionCategory.DETECTION,
                owner="Sam",
                due=today - timedelta(days=60),
            ),
            ActionItem(
                id="ca2",
                title="Add certificate expiry to the weekly ops review",
                category=ActionCategory.PROCESS,
                owner="Lena",
                due=today - timedelta(days=70),
                status=ActionStatus.DROPPED,
                drop_reason="Superseded by automated renewal checks",
            ),
        ],
    )
    for item in retro.actions:
        item.origin = retro.id
    return retro


def build_demo(today: date) -> list[Retrospective]:
    """The demo library, newest incident first."""
    return [_checkout(today), _search(today), _certificate(today)]
