"""The tone model: words, the gate, training, and its findings in lint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from language.sets import neutral, participants, training

from retrotui.model.language import apply_rewrite, lint, shipped_tone
from retrotui.model.tone import (
    PERSON,
    ToneModel,
    features,
    mentions_person,
    tokens,
    train,
)

ROOT = Path(__file__).resolve().parents[2]
TEAM = ["Gareth Lewis (platform engineer)", "Nia Evans (night editor)"]
NAMES = {"gareth", "lewis", "nia", "evans"}


def test_names_become_one_token_and_contractions_are_split() -> None:
    words = tokens("Gareth didn't check Nia's “runbook” [red]again[/red]", NAMES)
    assert words[:4] == [PERSON, "did", "not", "check"]
    assert f"{PERSON}'s" in words
    assert "red" in words and "[" not in "".join(words)


def test_curly_apostrophes_read_as_straight_ones() -> None:
    assert tokens("He didn\u2019t", set()) == tokens("He didn't", set())


def test_only_sentences_that_name_someone_are_scored() -> None:
    assert not mentions_person(tokens("The backup job had silently failed.", NAMES))
    assert mentions_person(tokens("Gareth restarted it.", NAMES))
    assert mentions_person(tokens("The on-call engineer restarted it.", set()))
    assert shipped_tone().score("The backup job had silently failed.", NAMES) is None


def test_features_are_words_and_pairs_with_the_ends() -> None:
    assert features(["a", "b"]) == {"<s>", "a", "b", "</s>", "<s> a", "a b", "b </s>"}


def test_training_weighs_words_by_where_they_were_seen() -> None:
    examples = [
        ("Gareth clearly broke it again", True, NAMES),
        ("Gareth clearly ignored it again", True, NAMES),
        ("Gareth restored it", False, NAMES),
        ("Gareth restored the cache", False, NAMES),
    ]
    model = train(examples, threshold=0.0)
    assert model.weights["again"] > 0 > model.weights["restored"]
    assert "broke" not in model.weights  # seen once: one writer's word
    assert train(examples, 0.0) == model  # counting, no randomness


def test_the_shipped_weights_are_what_the_sets_train() -> None:
    """tools/train_tone.py --check exits 1 when the labelled sets changed
    and the weights module was not written again."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "train_tone.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run: python tools/train_tone.py"


def test_a_blame_sentence_no_rule_lists_is_found_with_its_words() -> None:
    text = "09:14 Gareth paged the vendor. Gareth was clearly more interested in the football than the outage."
    [finding] = lint(text, TEAM)
    assert finding.rule == "blame-tone"
    assert finding.text.startswith("Gareth was clearly")
    assert text[finding.column - 1 : finding.end_column - 1] == finding.text
    assert '"clearly"' in finding.message
    # The rewrite replaces that sentence only.
    rewritten = apply_rewrite(text, finding)
    assert rewritten.startswith("09:14 Gareth paged the vendor. ")
    assert "football" not in rewritten


@pytest.mark.parametrize(
    "sentence",
    [
        "Gareth rolled back the release, which restored service.",
        "Thanks to Nia for staying late to run the fallback.",
        "Nia was paged at 02:10 and joined the bridge at 02:14.",
        "I assumed the canary covered the homepage, so I did not check it.",
        "The backup job had silently failed.",
    ],
)
def test_neutral_and_helpful_sentences_are_left_alone(sentence: str) -> None:
    assert lint(sentence, TEAM) == []


def test_ordinary_retrospective_text_it_never_learnt_from_is_rarely_flagged() -> None:
    """300 sentences of plain retrospective text, never trained on."""
    people = participants("ordinary_unseen")
    flagged = [
        s
        for s in neutral("ordinary_unseen")
        if any(f.rule == "blame-tone" for f in lint(s, people))
    ]
    assert len(flagged) <= 3, flagged  # 1%


def test_the_ordinary_pool_is_not_in_the_training() -> None:
    unseen = set(neutral("ordinary_unseen"))
    assert not unseen & {sentence for sentence, _, _ in training()}


def test_hostile_text_does_not_break_it() -> None:
    text = "\n".join(
        [
            "\x1b[31mGareth\x1b[0m broke | the [bold]build[/bold] \u0000 again?!",
            "Gareth " * 5000,
            "İstanbul Gareth ǅ \ufeff" * 50,
            "",
        ]
    )
    for finding in lint(text, TEAM):
        assert 1 <= finding.column < finding.end_column


def test_a_model_without_weights_leaves_the_rules_alone() -> None:
    rules_only = ToneModel(0.0, {}, 0.0)
    text = "Gareth was clearly more interested in the football than the outage."
    assert lint(text, TEAM, tone=rules_only) == []
    assert [f.rule for f in lint(text, TEAM)] == ["blame-tone"]


def test_the_cli_reports_tone_findings_like_any_other(tmp_path: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text(
        "Gareth was clearly more interested in the football than the outage.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "retrotui",
            "lint",
            str(note),
            "--json",
            "--participant",
            "Gareth (platform)",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert finding["rule"] == "blame-tone" and finding["line"] == 1
    assert finding["column"] == 1 and finding["suggestion"]


def test_he_and_she_weigh_the_same() -> None:
    model = shipped_tone()
    he = model.score("He merged it at 5pm and went home again.", NAMES)
    she = model.score("She merged it at 5pm and went home again.", NAMES)
    assert he == she


def test_names_outside_ascii_are_names() -> None:
    assert tokens("Tomás merged it", {"tomás"})[0] == PERSON


def test_sentences_split_at_end_marks_before_spaces() -> None:
    from retrotui.model.language import _sentences

    line = ". Raj broke it.  Then v1.2 shipped!! ok"
    assert [line[a:b] for a, b in _sentences(line)] == [
        "Raj broke it.",
        "Then v1.2 shipped!!",
        "ok",
    ]
    # A run of end marks is read once, however long.
    long_line = "Raj said " + "." * 30000 + "x. Then he left."
    spans = _sentences(long_line)
    assert len(spans) == 2
    assert long_line[spans[1][0] : spans[1][1]] == "Then he left."


def test_a_sentence_after_a_stray_mark_is_scored_on_its_own_words() -> None:
    assert lint(". Raj restored the replica from the 02:00 snapshot.", TEAM) == []
    assert lint("!! Thanks to Nia for the quick failover.", TEAM) == []


@pytest.mark.parametrize(
    "name", ["heldout_v", "heldout_ae", "heldout_ax", "neutral_pool"]
)
def test_lines_found_by_the_word_index_are_the_lines_the_gate_passes(
    name: str,
) -> None:
    """lint tokenises only the lines whose words include a person's (found
    in its word index); reading every line must give the same findings."""
    import re

    from language.sets import blame

    from retrotui.model.language import _tone, _Words, participant_names

    text = "\n".join([*blame(name), *neutral(name), "Min-jun ignored it again."])
    names = participant_names([*participants(name), "Min-jun Park (firmware)"])
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    lower = text.lower()
    model = shipped_tone()
    every_line = _tone(text, lower, starts, names, set(), model)
    indexed = _tone(text, lower, starts, names, set(), model, _Words(lower))
    assert indexed == every_line
    assert every_line  # the comparison saw findings
