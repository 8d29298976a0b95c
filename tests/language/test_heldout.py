"""Precision and recall of the linter on sentences written for it blind.

Each set in sets.BLIND was written by someone who had not read the rules or
the other sets, and scored at first sight before anyone read it. The goal
(issue 6) is precision >= 0.9 and recall >= 0.85 on writers not yet seen.

Rules alone, rounds of reading a set and generalising the rules:
- A, B, D, E (first sight B 0.71, D 0.64, E 0.58); F, G, H (0.58, 0.69,
  0.52); M, N (0.60, 0.52); K, L (0.67, 0.57); P (0.67). Never read after
  that: C (0.73), I (0.77), O (0.76), Q (0.66). Every new writer phrased
  blame in ways the rules had not met.

Rules and the tone model (model/tone.py: naive Bayes over words and word
pairs, trained on these sets and the neutral pools), first sight:
- R 0.88, S 0.85, T 0.41 (rules alone 0.74, 0.68, 0.23). T, a formal
  report that blames by nominalisation ("a failure on the part of"), was
  then read.
- U 0.64, V 0.86, W 0.72 (rules alone 0.53, 0.65, 0.62), then read.
- X 0.82, Y 0.80, Z 0.79, AA 0.80 (rules alone 0.55, 0.57, 0.66, 0.64),
  then read.
- AB 0.78, AC 0.82, AD 0.86, AE 0.74 (rules alone 0.59, 0.55, 0.71, 0.57),
  added unread.
- AF 0.76, AG 0.86, AH 0.74, AI 0.81 (rules alone 0.56, 0.70, 0.56, 0.65);
  AE and AH were then read. The threshold then went from 6 to 4, chosen by
  leaving each set out (bench/tone_cv.py): recall up 0.02, ordinary text
  flagged unchanged (2 of 300).
- AJ 0.81, AK 0.89, AL 0.75 at precision 0.98, 1.00, 0.91 (rules alone
  0.60, 0.65, 0.53), added; two of AL's false flags then fixed, then the
  fixes from a review (role words that name software, the gender of
  pronouns in the tone model, negation).
- AM 0.86, AN 0.85, AO 0.82, AP 0.89 at precision 1.00, 1.00, 0.96, 0.99
  (rules alone 0.62, 0.62, 0.66, 0.70), added.
Precision at first sight was 0.91 to 1.00 from round R on, but for T
(0.89, from rules that have since changed). Recall at first
sight rose to 0.82-0.89 in the last round, the goal for three of four new
writers; formal reports and unfamiliar fields stay below it.

test_the_linter_on_each_set guards what was learnt (the shipped model has
seen every set). test_a_writer_left_out measures the tone model on a writer
it has not seen: it is trained without that set. The rules were read on
most sets, so for those only the tone part is unseen.
"""

from __future__ import annotations

import pytest
from language.sets import BLIND, blame, neutral, participants, training

from retrotui.model.language import lint
from retrotui.model.tone import ToneModel, train
from retrotui.model.tone_weights import THRESHOLD

GOAL_PRECISION = 0.9
GOAL_RECALL = 0.85


def _score(name: str, tone: ToneModel | None = None) -> tuple[float, float]:
    people = participants(name)
    missed = [s for s in blame(name) if not lint(s, people, tone=tone)]
    nagged = [s for s in neutral(name) if lint(s, people, tone=tone)]
    caught = len(blame(name)) - len(missed)
    precision = caught / (caught + len(nagged)) if caught + len(nagged) else 0.0
    recall = caught / len(blame(name))
    print(f"\n{name}: precision={precision:.3f} recall={recall:.3f}")
    print(f"missed blame ({len(missed)}):", *missed, sep="\n  ")
    print(f"flagged neutral ({len(nagged)}):", *nagged, sep="\n  ")
    return precision, recall


def _sets(below_goal: dict[str, float]) -> list:
    """Every blind set, those below the goal as strict xfails with their
    recall: a set that reaches the goal must be moved out of the list."""
    return [
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                strict=True, reason=f"recall {below_goal[name]:.2f} (goal 0.85)"
            ),
        )
        if name in below_goal
        else name
        for name in BLIND
    ]


# Even trained on them, three sets stay just below the goal: their blame is
# in words the other sets use neutrally (AF, an offshore RCA in formal
# Indian English; AJ, hotel managers' polite-but-pointed emails; AL,
# minutes of a university review).
BELOW_GOAL_TRAINED = {"heldout_af": 0.84, "heldout_aj": 0.84, "heldout_al": 0.84}


@pytest.mark.parametrize("name", _sets(BELOW_GOAL_TRAINED))
def test_the_linter_on_each_set(name: str) -> None:
    assert len(blame(name)) >= 40 and len(neutral(name)) >= 40
    precision, recall = _score(name)
    assert precision >= GOAL_PRECISION
    assert recall >= GOAL_RECALL


# Left out of the tone model, these writers stay below the goal (recall at
# the shipped threshold, bench/tone_cv.py): formal reports (AF, AL, AO) and
# the vocabulary of a field no other set uses (AB airline operations, AJ
# hotels).
BELOW_GOAL_LEFT_OUT = {
    "heldout_ab": 0.84,
    "heldout_af": 0.79,
    "heldout_aj": 0.81,
    "heldout_al": 0.78,
    "heldout_ao": 0.84,
}


@pytest.mark.parametrize("name", _sets(BELOW_GOAL_LEFT_OUT))
def test_a_writer_left_out_of_the_tone_model(name: str) -> None:
    examples = training(leave_out=name)
    assert not set(blame(name)) & {sentence for sentence, _, _ in examples}
    precision, recall = _score(name, train(examples, THRESHOLD))
    assert precision >= GOAL_PRECISION
    assert recall >= GOAL_RECALL
