"""The blameless-language linter: a labelled corpus, rules one by one, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import BLAME, NEUTRAL, PARTICIPANTS

from retrotui.model.language import lint


def flagged(sentence: str) -> bool:
    return bool(lint(sentence, PARTICIPANTS))


def test_precision_and_recall_on_the_corpus() -> None:
    assert len(BLAME) >= 40 and len(NEUTRAL) >= 40
    true_positive = sum(flagged(s) for s in BLAME)
    false_positive = sum(flagged(s) for s in NEUTRAL)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / len(BLAME)
    missed = [s for s in BLAME if not flagged(s)]
    nagged = [s for s in NEUTRAL if flagged(s)]
    print(f"precision {precision:.2f} recall {recall:.2f}")
    assert precision >= 0.9, nagged
    assert recall >= 0.85, missed


@pytest.mark.parametrize(
    "sentence",
    [
        "The backup job had silently failed.",
        "The health check should fail over within 30 seconds.",
        "Requests should time out after 5 seconds.",
        "We added fault injection to the staging environment.",
        "Fault tolerance kept reads available during the outage.",
        "The error budget for checkout was 41% spent.",
        "Priya rolled back the release, which restored service.",
        "Thanks to Marco for catching the certificate expiry early.",
    ],
)
def test_the_tricky_neutrals_are_left_alone(sentence: str) -> None:
    assert lint(sentence, PARTICIPANTS) == []


@pytest.mark.parametrize(
    ("sentence", "rule", "suggestion"),
    [
        (
            "John pushed a bad deploy",
            "person-failure",
            "The deploy introduced the regression",
        ),
        ("The team should have caught this", "should-have", "Our process did not"),
        (
            "Someone forgot to update the config",
            "person-failure",
            "The config was not updated as part of the process",
        ),
        (
            "Why didn't anyone notice?",
            "nobody-noticed",
            "What would have made this visible sooner?",
        ),
    ],
)
def test_the_methods_own_rewrites(sentence: str, rule: str, suggestion: str) -> None:
    (finding,) = lint(sentence)
    assert finding.rule == rule
    assert finding.suggestion.startswith(suggestion)


def test_positions_are_one_based_and_cover_the_phrase() -> None:
    text = "All fine here.\nAt 14:03 John pushed a bad deploy."
    (finding,) = lint(text)
    assert (finding.line, finding.column) == (2, 10)
    line = text.split("\n")[1]
    assert line[finding.column - 1 : finding.end_column - 1] == "John pushed a bad"


def test_hostile_text_does_not_break_the_linter() -> None:
    assert lint("[red]x[/red] \x1b[31m " + "a" * 100_000) == []
    assert lint("") == []


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "retrotui", "lint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_human_and_json_output_and_exit_codes() -> None:
    text = "John pushed a bad deploy.\nThe health check should fail over within 30 seconds.\n"
    human = _cli("-", stdin=text)
    assert human.returncode == 1
    assert human.stdout.startswith(
        "1:1 person-failure: a person as the subject of a failure — try: "
    )
    as_json = _cli("-", "--json", stdin=text)
    assert as_json.returncode == 1
    (finding,) = json.loads(as_json.stdout)
    assert set(finding) == {
        "line",
        "column",
        "end_column",
        "rule",
        "message",
        "suggestion",
    }
    clean = _cli("-", stdin="The deploy at 14:03 introduced the regression.\n")
    assert clean.returncode == 0 and clean.stdout == ""
    missing = _cli()
    assert missing.returncode == 2 and missing.stderr.startswith("retrotui: error:")


def test_cli_lints_a_stored_retrospective() -> None:
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "retrotui",
            "new",
            "--title",
            "Who approved this change?",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = _cli("--retro", created.stdout.strip(), "--json")
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)
    assert finding["where"] == "title" and finding["rule"] == "who-approved"


_TEAM = ["Bruno (SRE)", "Wanjiru (backend)", "Kwame (on-call)"]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("the alert was ignored by the on-call engineer all night", "person-passive"),
        ("The page was acked and then ignored by Bruno.", "person-passive"),
        ("Bruno is responsible for the outage.", "person-responsible"),
        ("The root cause was Wanjiru, who ran the script.", "person-responsible"),
        ("classic Wanjiru, merging on a friday afternoon", "person-habit"),
        ("someone needs to answer for the lost bookings", "accountable"),
        ("Disciplinary action is being discussed with HR.", "accountable"),
        ("the oncall could have just restarted the pod", "should-have"),
        ("Kwame was asleep and did not answer the page.", "person-failure-and"),
        ("The mistake is from the operator who typed the region.", "fault-by-person"),
        ("Ultimately the fault lies with Bruno.", "fault"),
        (
            "Proper checks by the support team would have prevented the refunds.",
            "person-would-have",
        ),
        (
            "The config was pushed by Wanjiru without a review.",
            "person-passive-without",
        ),
        ("this was a rookie mistake by the new hire", "careless"),
        ("user error by the dispatcher, nothing to fix", "human-error"),
        ("Who the hell okayed merging this on a Friday?", "who-approved"),
        ("How did nobody on the team spot the offline scanners?", "nobody-noticed"),
        (
            "if you'd read the alert we'd have had an hour of headroom",
            "person-counterfactual",
        ),
    ],
)
def test_later_blame_shapes_are_found(sentence: str, rule: str) -> None:
    assert rule in {finding.rule for finding in lint(sentence, _TEAM)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The retry storm was responsible for the outage.",
        "The culprit was a misconfigured load balancer.",
        "The root cause was Kafka's consumer rebalance.",
        "The page was acknowledged by Bruno at 14:02.",
        "We migrated off the classic load balancer last quarter.",
        "Kwame reviewed the change and then merged it at 14:02.",
        "The consequences for users were limited to slow searches.",
        "The query was slow; a performance review of the schema is planned.",
        "The user error rate rose to 3% during the release.",
        "Bruno deleted the obsolete indexes after approval from the change board.",
        "The deploy was merged by Wanjiru after two rounds of review.",
    ],
)
def test_later_neutral_shapes_are_left_alone(sentence: str) -> None:
    assert lint(sentence, _TEAM) == []
