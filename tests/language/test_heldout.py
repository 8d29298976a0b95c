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

- AQ 0.88, AR 0.82, AS 0.93, AT 0.75 at precision 0.99, 0.97, 1.00, 0.97
  (rules alone 0.66, 0.61, 0.71, 0.55), added. Pooled over the last two
  rounds (eight writers, 640 blame sentences): recall 0.85, precision 0.99.
- Then the threshold went back to 6: at 4, a plain sentence of the demo
  ("It happened mid-afternoon with the whole payments team online.") was
  flagged, and 3 of 300 ordinary sentences against 1 at 6. Left out at 6,
  the last two rounds pool to recall 0.845, precision 0.99 (0.858 at 4).

- AU 0.85, AV 0.84, AW 0.82, AX 0.93 at precision 0.99, 0.97, 1.00, 1.00
  (rules alone 0.65, 0.65, 0.69, 0.61), scored once with the shipped
  linter (threshold 6): pooled recall 0.859, precision 0.989. These four
  (sets.UNSEEN) are kept out of training and unread, as the standing
  measure of the goal.

The tests below guard what was learnt (the shipped model has seen every
set) and measure the tone model on writers it has not seen, each set left
out of its training in turn. The rules were read on most sets, so for
those only the tone part is unseen there.
"""

from __future__ import annotations

from functools import cache

import pytest
from language.sets import BLIND, UNSEEN, blame, neutral, participants, training

from retrotui.model.language import lint
from retrotui.model.tone import ToneModel, train
from retrotui.model.tone_weights import THRESHOLD

GOAL_PRECISION = 0.9
GOAL_RECALL = 0.85
# No writer may fall below these: a change that does has broken something.
FLOOR_TRAINED = 0.75
FLOOR_LEFT_OUT = 0.7


def _count(name: str, tone: ToneModel | None = None) -> tuple[int, int, int]:
    """Blame sentences caught, neutral ones flagged, blame sentences."""
    people = participants(name)
    missed = [s for s in blame(name) if not lint(s, people, tone=tone)]
    nagged = [s for s in neutral(name) if lint(s, people, tone=tone)]
    print(f"\n{name}: missed blame ({len(missed)}):", *missed, sep="\n  ")
    print(f"{name}: flagged neutral ({len(nagged)}):", *nagged, sep="\n  ")
    return len(blame(name)) - len(missed), len(nagged), len(blame(name))


def _figures(caught: int, nagged: int, total: int) -> tuple[float, float]:
    precision = caught / (caught + nagged) if caught + nagged else 0.0
    return precision, caught / total


@pytest.mark.parametrize("name", BLIND)
def test_the_linter_on_each_set(name: str) -> None:
    assert len(blame(name)) >= 40 and len(neutral(name)) >= 40
    precision, recall = _figures(*_count(name))
    assert precision >= GOAL_PRECISION
    assert recall >= FLOOR_TRAINED


@cache
def _left_out() -> dict[str, tuple[int, int, int]]:
    """Each set scored by a tone model trained on every other set."""
    counts = {}
    for name in BLIND:
        examples = training(leave_out=name)
        assert not set(blame(name)) & {sentence for sentence, _, _ in examples}
        counts[name] = _count(name, train(examples, THRESHOLD))
    return counts


def test_writers_left_out_of_the_tone_model() -> None:
    counts = _left_out()
    for name, figures in counts.items():
        precision, recall = _figures(*figures)
        assert precision >= GOAL_PRECISION, name
        assert recall >= FLOOR_LEFT_OUT, name
    pooled = [sum(column) for column in zip(*counts.values(), strict=True)]
    precision, recall = _figures(*pooled)
    print(f"\npooled: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= GOAL_PRECISION
    assert recall >= GOAL_RECALL


@pytest.mark.xfail(
    strict=True,
    reason="formal reports and unfamiliar fields stay below 0.85 left out "
    "(bench/tone_cv.py lists them)",
)
def test_every_writer_left_out_reaches_the_goal() -> None:
    below = {
        name: round(_figures(*figures)[1], 2)
        for name, figures in _left_out().items()
        if _figures(*figures)[1] < GOAL_RECALL
    }
    assert not below


def test_the_goal_on_writers_never_trained_on_nor_read() -> None:
    """The issue's goal, on the sets kept unseen (sets.UNSEEN)."""
    trained = {sentence for sentence, _, _ in training()}
    counts = []
    for name in UNSEEN:
        assert not {*blame(name), *neutral(name)} & trained, name
        counts.append(_count(name))
        assert _figures(*counts[-1])[0] >= GOAL_PRECISION, name
    precision, recall = _figures(*(sum(c) for c in zip(*counts, strict=True)))
    print(f"\nunseen, pooled: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= GOAL_PRECISION
    assert recall >= GOAL_RECALL
