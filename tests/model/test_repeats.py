"""Contributing factors that recur across retrospectives ("escalate it")."""

from __future__ import annotations

import random

from retrotui.model.enums import FACTOR_CATEGORIES
from retrotui.model.repeats import (
    FactorRef,
    RepeatGroup,
    content_words,
    group_factors,
    normal_category,
    seen_before,
)

CANARY = [
    "No alert on the canary error rate",
    "Canary error rate had no alerting",
    "no alerts for canary error rates",
]


def ref(retro: str, category: str, text: str) -> FactorRef:
    return FactorRef(retro, f"Title of {retro}", category, text)


# -- content words ------------------------------------------------------------------------
def test_content_words_drop_stop_words_case_and_punctuation() -> None:
    words = content_words("The alert on the canary error rate.")
    assert words == content_words("ALERT, canary; error... rate")
    assert len(words) == 4
    assert "canary" in words
    assert content_words("The, AND; of! with") == frozenset()
    # Negations are kept: "the alert fired" is not "the alert did not fire".
    assert "not" in content_words("the alert didn't fire")
    assert "no" in content_words("No alert on the canary error rate.")
    assert content_words("") == frozenset()


def test_content_words_fold_plurals_and_endings() -> None:
    assert content_words("Canary error rate had no alerting") == content_words(
        "No alert on the canary error rate"
    )
    assert content_words("alerts retries deployed") == content_words(
        "alert retry deploy"
    )
    assert content_words("alerted alerting alerts") == content_words("alert")
    # Short words are left alone.
    assert content_words("bus ted") == {"bus", "ted"}


def test_content_words_keep_numbers() -> None:
    words = content_words("Timeout of 30 seconds on api v2")
    assert words == content_words("timeout 30 second api v2")
    assert {"30", "api", "v2"} <= words


def test_normal_category() -> None:
    assert normal_category("  Monitoring   Gaps ") == "monitoring gaps"


# -- grouping --------------------------------------------------------------------------------
def test_true_repeats_across_three_retrospectives_are_one_group() -> None:
    factors = [
        ref("r1", "monitoring", CANARY[0]),
        ref("r1", "process", "Runbook for the payments failover was out of date"),
        ref("r2", "Monitoring", CANARY[1]),
        ref("r2", "capacity", "Connection pool too small for the peak"),
        ref("r3", " monitoring ", CANARY[2]),
        ref("r3", "code", "Retry loop had no backoff"),
    ]
    groups = group_factors(factors)
    assert len(groups) == 1
    (group,) = groups
    assert isinstance(group, RepeatGroup)
    assert group.retro_ids == ("r1", "r2", "r3")
    assert group.retro_titles == ("Title of r1", "Title of r2", "Title of r3")
    assert [f.text for f in group.factors] == CANARY
    assert group.escalate is True
    assert normal_category(group.category) == "monitoring"
    # Every wording is used once: the earliest names the group.
    assert group.text == CANARY[0]


def test_unrelated_factors_in_one_category_are_not_grouped() -> None:
    factors = [
        ref("r1", "monitoring", "No alert on the canary error rate"),
        ref("r2", "monitoring", "Disk usage dashboard was missing for the replicas"),
        ref("r3", "monitoring", "Pager rotation had a gap over the holidays"),
        ref("r4", "monitoring", "Synthetic checks only covered the home page"),
        ref("r5", "monitoring", "Alert fired but went to an unused channel"),
    ]
    assert group_factors(factors) == []


def test_the_same_text_in_different_categories_is_not_grouped() -> None:
    factors = [
        ref("r1", "monitoring", "Retry storm against the payments database"),
        ref("r2", "capacity", "Retry storm against the payments database"),
        ref("r3", "code", "Retry storm against the payments database"),
    ]
    assert group_factors(factors) == []


def test_two_factors_of_one_retrospective_form_a_group_without_escalation() -> None:
    factors = [
        ref("r1", "monitoring", CANARY[0]),
        ref("r1", "monitoring", CANARY[1]),
        ref("r2", "monitoring", "Pager rotation had a gap over the holidays"),
    ]
    (group,) = group_factors(factors)
    assert group.retro_ids == ("r1",)
    assert len(group.factors) == 2
    assert group.escalate is False


def test_group_text_and_category_are_the_most_used() -> None:
    factors = [
        ref("r1", "Monitoring", CANARY[1]),
        ref("r2", "monitoring", CANARY[0]),
        ref("r3", "monitoring", CANARY[0]),
        ref("r4", "monitoring", CANARY[2]),
    ]
    (group,) = group_factors(factors)
    assert group.text == CANARY[0]
    assert group.category == "monitoring"


def test_groups_seen_in_more_retrospectives_come_first() -> None:
    factors = [
        ref("a", "process", "Runbook for failover out of date"),
        ref("b", "process", "Failover runbook was out of date"),
        ref("c", "monitoring", CANARY[0]),
        ref("d", "monitoring", CANARY[1]),
        ref("e", "monitoring", CANARY[2]),
    ]
    groups = group_factors(factors)
    assert [g.retro_ids for g in groups] == [("c", "d", "e"), ("a", "b")]
    assert all(g.escalate for g in groups)


def test_identical_texts_group_and_a_lone_factor_does_not() -> None:
    assert group_factors([ref("r1", "code", "Retry loop had no backoff")]) == []
    assert group_factors([]) == []
    (group,) = group_factors(
        [
            ref("r1", "code", "Retry loop had no backoff"),
            ref("r2", "code", "retry loop had NO backoff!"),
        ]
    )
    assert group.retro_ids == ("r1", "r2")


def test_grouping_does_not_depend_on_input_order() -> None:
    factors = [
        ref("r1", "monitoring", CANARY[0]),
        ref("r2", "monitoring", CANARY[1]),
        ref("r3", "monitoring", "Pager rotation had a gap over the holidays"),
        ref("r4", "monitoring", "Gap in the pager rotation over holidays"),
        ref("r5", "monitoring", "Synthetic checks only covered the home page"),
    ]

    def shape(groups: list[RepeatGroup]) -> set[frozenset[str]]:
        return {frozenset(g.retro_ids) for g in groups}

    expected = {frozenset({"r1", "r2"}), frozenset({"r3", "r4"})}
    assert shape(group_factors(factors)) == expected
    assert shape(group_factors(list(reversed(factors)))) == expected


def test_a_plural_ending_in_es_matches_its_singular() -> None:
    assert content_words("releases caches rates") == content_words("release cache rate")
    factors = [
        ref("r1", "process", "Release checklist missing"),
        ref("r2", "process", "No checklist for releases"),
    ]
    assert [g.retro_ids for g in group_factors(factors)] == [("r1", "r2")]


# -- seen before --------------------------------------------------------------------------
def test_seen_before_finds_other_retrospectives_and_not_its_own() -> None:
    others = [
        ref("mine", "monitoring", CANARY[1]),
        ref("r2", "monitoring", CANARY[1]),
        ref("r2", "monitoring", CANARY[2]),  # r2 is named once
        ref("r3", "Monitoring ", CANARY[2]),
        ref("r4", "capacity", CANARY[0]),  # another category
        ref("r5", "monitoring", "Pager rotation had a gap over the holidays"),
    ]
    found = seen_before("monitoring", CANARY[0], others, exclude="mine")
    assert [f.retro_id for f in found] == ["r2", "r3"]
    assert found[0] == others[1]
    assert seen_before("monitoring", CANARY[0], others, exclude="r2")[0].retro_id == (
        "mine"
    )


def test_seen_before_nothing_similar() -> None:
    others = [ref("r2", "monitoring", "Pager rotation had a gap over the holidays")]
    assert seen_before("monitoring", CANARY[0], others, exclude="mine") == []
    assert seen_before("monitoring", CANARY[0], [], exclude="mine") == []


# -- a large library -------------------------------------------------------------------------
COMPONENTS = [
    "canary",
    "checkout api",
    "payments database",
    "search cluster",
    "auth service",
    "cdn edge",
    "message queue",
    "cache tier",
    "billing cron job",
    "dns resolver",
    "load balancer",
    "feature flag service",
    "image resizer",
    "email relay",
    "kafka consumer",
    "object storage",
    "session store",
    "rate limiter",
    "deploy pipeline",
    "config service",
]
SIGNALS = [
    "error rate",
    "p99 latency",
    "queue depth",
    "disk usage",
    "cpu saturation",
    "connection count",
    "replication lag",
    "cache hit ratio",
    "retry volume",
    "memory pressure",
]
TEMPLATES = [
    "No alert on the {c} {s}",
    "{c} {s} had no alerting",
    "Dashboard for {c} {s} was missing",
    "Runbook for the {c} was out of date",
    "Retry storm against the {c} amplified the {s}",
    "The {c} connection pool was exhausted",
    "Config drift between regions in the {c}",
    "Manual failover of the {c} took {n} minutes",
    "No load test of the {c} before launch",
    "On-call engineer could not find the {c} owner",
    "{c} deploy skipped the canary stage",
    "Timeout on the {c} was set to {n} seconds",
    "Alert on {c} {s} fired {n} minutes late",
    "Capacity plan for the {c} ignored peak traffic",
    "Vendor status page for the {c} lagged by {n} minutes",
]


def many_factors(count: int, seed: int = 7) -> list[FactorRef]:
    rng = random.Random(seed)
    found = []
    for n in range(count):
        text = rng.choice(TEMPLATES).format(
            c=rng.choice(COMPONENTS), s=rng.choice(SIGNALS), n=rng.randint(2, 90)
        )
        retro = f"r{n // 4:05d}"
        found.append(
            FactorRef(retro, f"Retro {retro}", rng.choice(FACTOR_CATEGORIES), text)
        )
    return found


def test_twenty_thousand_factors_group() -> None:
    factors = many_factors(20_000)
    groups = group_factors(factors)
    assert groups
    seen: set[int] = set()
    for group in groups:
        assert len(group.factors) >= 2
        assert len({normal_category(f.category) for f in group.factors}) == 1
        ids = {id(f) for f in group.factors}
        assert not ids & seen  # no factor in two groups
        seen |= ids
    assert len(seen) <= len(factors)
    # Factors with the same category and the same content words are always
    # in one group together, whatever else joined it.
    group_of: dict[int, int] = {}
    for n, group in enumerate(groups):
        for f in group.factors:
            group_of[id(f)] = n
    by_key: dict[tuple[str, frozenset[str]], list[FactorRef]] = {}
    for f in factors:
        by_key.setdefault(
            (normal_category(f.category), content_words(f.text)), []
        ).append(f)
    repeated = [same for same in by_key.values() if len(same) > 1]
    assert repeated
    for same in repeated:
        assert len({group_of.get(id(f)) for f in same}) == 1
        assert id(same[0]) in group_of
