"""Precision and recall of the linter on sentences written for it blind.

Each set was written by someone who had not read the rules or the other
tests. Sets B to E were scored before anyone read them (first-sight recall
0.71, 0.73, 0.64 and 0.58); then A, B, D and E were read and the rules
generalised from what they missed, so they now guard against regressions.
C was scored, never read. F (first sight 0.58, then 0.62), G (0.69) and H
(0.52) were read next and the rules generalised again.

I and K are not read: they are the unseen figures. I scored 0.77 at first
sight and 0.81 after the G/H/F round; K was written after that round and
scored 0.67 at first sight (0.66 after a precision fix that followed). Both
are below the 0.85 recall goal, with precision 1.00: blame is phrased in
more ways than rules anticipate.
"""

from __future__ import annotations

import importlib

import pytest

from retrotui.model.language import lint


def _unseen(figures: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(
        strict=True,
        reason=f"unseen set: {figures} (goal 0.85); rules generalise only partly "
        "to a new writer's phrasing",
    )


SETS = [
    "heldout",
    "heldout_b",
    "heldout_c",
    "heldout_d",
    "heldout_e",
    "heldout_f",
    "heldout_g",
    "heldout_h",
    pytest.param("heldout_i", marks=_unseen("precision 1.00, recall 0.81")),
    pytest.param("heldout_k", marks=_unseen("precision 1.00, recall 0.66")),
]


@pytest.mark.parametrize("name", SETS)
def test_heldout_precision_recall(name: str) -> None:
    corpus = importlib.import_module(f"language.{name}")
    participants = corpus.PARTICIPANTS
    missed = [s for s in corpus.HELDOUT_BLAME if not lint(s, participants)]
    false_flags = [s for s in corpus.HELDOUT_NEUTRAL if lint(s, participants)]
    caught = len(corpus.HELDOUT_BLAME) - len(missed)
    flagged = caught + len(false_flags)
    precision = caught / flagged if flagged else 0.0
    recall = caught / len(corpus.HELDOUT_BLAME)
    print(f"\n{name}: precision={precision:.3f} recall={recall:.3f}")
    print(f"missed blame ({len(missed)}):", *missed, sep="\n  ")
    print(f"flagged neutral ({len(false_flags)}):", *false_flags, sep="\n  ")
    assert len(corpus.HELDOUT_BLAME) >= 40 and len(corpus.HELDOUT_NEUTRAL) >= 40
    assert precision >= 0.9
    assert recall >= 0.85
