"""Precision and recall of the linter on sentences written for it blind.

Each set was written by someone who had not read the rules or the other
tests, and scored at first sight before anyone read it. Rounds of reading
and generalising the rules:
- A, B, D, E (first sight B 0.71, D 0.64, E 0.58);
- F, G, H (first sight 0.58, 0.69, 0.52);
- M, N (first sight 0.60, 0.52), which led to the person-negative check,
  whose addition was decided once on C, I, K and L together;
- K, L (first sight 0.67, 0.57; 0.74 and 0.62 after the M/N round);
- P (first sight 0.67), after a review's 74 neutral sentences were fixed.
The read sets now guard against regressions.

Never read: C (0.73 at first sight, now 0.93) and I (0.77, now 0.87) pass.
O was written after the K/L round: 0.76 at first sight, 0.71 after the
review's precision fixes, and still 0.71 after the P round. Q was written
after the P round: 0.66 at first sight. Both are below the 0.85 goal: each
new writer phrases blame in ways the rules have not met.
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
    "heldout_i",
    "heldout_k",
    "heldout_l",
    "heldout_m",
    "heldout_n",
    pytest.param("heldout_o", marks=_unseen("precision 1.00, recall 0.71")),
    "heldout_p",
    pytest.param("heldout_q", marks=_unseen("precision 1.00, recall 0.66")),
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
