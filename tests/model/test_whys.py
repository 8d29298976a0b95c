"""chain_hint: a gentle question when a 5-Whys chain stops too soon."""

from __future__ import annotations

from datetime import date

import pytest

from retrotui.demo import build_demo
from retrotui.model.entities import WhyChain
from retrotui.model.whys import chain_hint

# The method's own chain, one "why?" answered per line.
METHOD_CHAIN = [
    "The API returned 500 errors for 20 minutes",
    "The database connection pool was exhausted",
    "A query was running without a timeout and holding connections",
    "The query was added in a recent PR without a performance review",
    "There is no required performance review step for database-touching changes",
]
FOUR = METHOD_CHAIN[:4]
PARTICIPANTS = ["Priya (payments)", "Marco (SRE)", "Lena (eng manager)", "Tomás"]


def hint(*whys: str, participants: list[str] | None = None) -> str | None:
    return chain_hint(
        WhyChain(problem="Checkout failed", whys=list(whys)), participants
    )


def ending(last: str, participants: list[str] | None = None) -> str | None:
    """The hint for a full-length chain that ends on `last`."""
    return hint(*FOUR, last, participants=participants)


def is_person(text: str | None) -> bool:
    return text is not None and "about a person" in text


def is_symptom(text: str | None) -> bool:
    return text is not None and "technical symptom" in text


def test_the_method_chain_gets_no_hint() -> None:
    assert hint(*METHOD_CHAIN) is None
    assert hint(*METHOD_CHAIN, participants=PARTICIPANTS) is None


def test_the_demo_chain_gets_no_hint() -> None:
    checkout = build_demo(date(2026, 11, 27))[0]
    for chain in checkout.why_chains:
        assert chain_hint(chain, checkout.participants) is None


def test_a_longer_chain_that_ends_at_the_system_level_is_fine() -> None:
    assert hint(*METHOD_CHAIN, "Review gates were never budgeted for") is None


# -- length ------------------------------------------------------------------------


def test_no_whys_yet() -> None:
    for whys in ([], ["", "   ", "\n"]):
        message = hint(*whys)
        assert message is not None
        assert "No whys yet" in message


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_fewer_than_five_whys_is_flagged(count: int) -> None:
    good_end = "There is no required performance review step for database changes"
    whys = ["Something happened"] * (count - 1) + [good_end]
    message = hint(*whys)
    assert message is not None
    assert message.startswith("Stopped at the proximate cause?")
    assert f"{count} of 5 whys" in message


def test_blank_whys_do_not_count() -> None:
    message = hint(*FOUR, "   ", "")
    assert message is not None
    assert "4 of 5 whys" in message


def test_a_blank_last_line_does_not_hide_the_real_last_why() -> None:
    assert is_person(hint(*FOUR, "Someone forgot to run the migration", "  "))


# -- ending on a person ----------------------------------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "The engineer did not run the load test",
        "Someone forgot to update the config",
        "somebody skipped the checklist",
        "The developer made a mistake",
        "Human error",
        "The on-call engineer was asleep",
        "He did not check the dashboard",
        "She didn't review the diff",
        "The reviewer was careless",
        "The intern had production access",
    ],
)
def test_ending_on_a_person_is_flagged(last: str) -> None:
    message = ending(last)
    assert is_person(message)
    assert message is not None
    assert "what about the system" in message


@pytest.mark.parametrize(
    "last",
    [
        "Priya merged it without waiting for CI",
        "because Marco was on holiday",
        "Lena approved the change",
        "Tomás restarted the wrong pod",
    ],
)
def test_ending_on_a_participant_first_name_is_flagged(last: str) -> None:
    assert is_person(ending(last, PARTICIPANTS))
    # Without the participant list the name is just a word.
    assert not is_person(ending(last))


def test_participant_entries_without_words_are_ignored() -> None:
    assert ending("Deploys are not gated on a canary stage", ["", "  ", "()"]) is None


def test_a_name_inside_another_word_is_not_a_person() -> None:
    # "Marco" is a participant, "Marcos" and "marcopolo" are not that word.
    assert ending("The marcopolo service has no owner", PARTICIPANTS) is None


@pytest.mark.parametrize(
    "last",
    [
        "The engineers skipped the load test",
        "Developers did not run the migration locally",
    ],
)
def test_plural_roles_are_people_too(last: str) -> None:
    assert is_person(ending(last))


# -- ending on a technical symptom ----------------------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "The server ran out of memory",
        "A null check was missing",
        "The query had no timeout",
        "The request timed out",
        "The database connection pool was exhausted",
        "The API returned 503",
        "A typo in the migration",
        "The pod was OOM-killed",
        "A wrong config value was deployed",
    ],
)
def test_ending_on_a_technical_symptom_is_flagged(last: str) -> None:
    message = ending(last)
    assert is_symptom(message)
    assert message is not None
    assert "why the system allowed it" in message


@pytest.mark.parametrize(
    "last",
    [
        "A config value was wrong",
        "The worker processes ran out of memory",
        "The API gateway timed out",
    ],
)
def test_symptoms_the_method_names_are_flagged(last: str) -> None:
    assert is_symptom(ending(last))


@pytest.mark.parametrize(
    "last",
    [
        "Timeouts are not part of the code review standard",
        "Memory limits are not part of the design review",
        "No automated check for null handling in the pipeline",
        "5xx errors are not covered by the runbook",
    ],
)
def test_a_symptom_word_with_a_system_level_word_is_fine(last: str) -> None:
    assert ending(last) is None


# -- precision: neutral, system-level endings -----------------------------------


@pytest.mark.parametrize(
    "last",
    [
        "There is no required performance review step for database-touching changes",
        "The review checklist predates the split of the payments database",
        "Deploys are not gated on a canary stage",
        "Nothing in the deploy pipeline checks query plans",
        "The team has no shared definition of a database-touching change",
        "Alert routing for support tickets was never designed",
        "The dashboard does not show connection pool saturation",
        "Support tickets have no route to the escalation policy",
        "The on-call rotation has no secondary for nights",
        "The dev environment has a hundredth of production's data",
        "The admin console has no confirmation step for bulk deletes",
        "The Kubernetes operator restarts pods without draining them",
        "Capacity planning does not account for disk growth",
    ],
)
def test_system_level_endings_are_not_flagged(last: str) -> None:
    assert ending(last, PARTICIPANTS) is None


def test_a_name_that_is_also_a_common_word_needs_its_capital() -> None:
    assert (
        ending("Nothing will page anyone before the queue is full", ["Will (SRE)"])
        is None
    )
