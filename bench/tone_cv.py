"""How the linter does on writers it has not seen: leave-one-set-out figures.

    python bench/tone_cv.py [--thresholds 4,6,8,10] [--sets heldout_o,...]

For each blind set in tests/language, the tone model is trained on every
other set and the neutral pools, and the whole linter (rules and tone) is
scored on the left-out set. The rules were written after reading most sets
(test_heldout.py says which), so only the tone part is unseen for those;
for the never-read sets both are. Also prints how many sentences of the
unseen ordinary-text pool the tone check flags. Not a timing bench.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from language.sets import BLIND, blame, neutral, participants, training  # noqa: E402

from retrotui.model.language import lint  # noqa: E402
from retrotui.model.tone import ToneModel, train  # noqa: E402


def score(model: ToneModel, name: str) -> tuple[float, float, int]:
    """Recall, precision and false flags of lint with `model` on a set."""
    people = participants(name)
    caught = sum(bool(lint(s, people, tone=model)) for s in blame(name))
    false = sum(bool(lint(s, people, tone=model)) for s in neutral(name))
    precision = caught / (caught + false) if caught + false else 0.0
    return caught / len(blame(name)), precision, false


def ordinary_flags(model: ToneModel) -> int:
    people = participants("ordinary_unseen")
    return sum(
        any(f.rule == "blame-tone" for f in lint(s, people, tone=model))
        for s in neutral("ordinary_unseen")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="4,6,8,10")
    parser.add_argument("--sets", default=",".join(BLIND))
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    names = args.sets.split(",")
    figures: dict[float, dict[str, tuple[float, float, int]]] = {
        t: {} for t in thresholds
    }
    for name in names:
        model = train(training(leave_out=name), 0.0)
        for t in thresholds:
            figures[t][name] = score(dataclasses.replace(model, threshold=t), name)
    full = train(training(), 0.0)
    total = len(neutral("ordinary_unseen"))
    for t in thresholds:
        row = figures[t]
        ordinary = ordinary_flags(dataclasses.replace(full, threshold=t))
        print(
            f"threshold {t:g}: lowest recall {min(r for r, _, _ in row.values()):.2f}, "
            f"lowest precision {min(p for _, p, _ in row.values()):.2f}, "
            f"false flags {sum(f for _, _, f in row.values())}; "
            f"ordinary text flagged {ordinary}/{total}"
        )
        for name, (recall, precision, _) in row.items():
            print(f"    {name:<12} recall {recall:.2f}  precision {precision:.2f}")


if __name__ == "__main__":
    main()
