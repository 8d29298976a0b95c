"""Linting a 5,000-line document for blame-shaped language.

    python bench/lint.py [--lines 5000] [--runs 7]

The document mixes blame-shaped and neutral postmortem sentences. Prints the
median time of retrotui.model.language.lint over the runs. Goal: <= 200 ms.
Interleaved with each run, the rules alone (the tone model off) time the
same text: a baseline for how busy the machine is, and the tone model's
share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "language"))

from corpus import BLAME, NEUTRAL, PARTICIPANTS

from retrotui.model.language import lint
from retrotui.model.tone import ToneModel

RULES_ONLY = ToneModel(0.0, {}, 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sentences = [*NEUTRAL, *NEUTRAL, *NEUTRAL, *BLAME]  # mostly clean, as real text is
    document = "\n".join(sentences[n % len(sentences)] for n in range(args.lines))
    lint(document, PARTICIPANTS)  # load the tone weights outside the clock
    times, rules_times, found = [], [], 0
    for _ in range(args.runs):
        began = time.perf_counter()
        found = len(lint(document, PARTICIPANTS))
        times.append(time.perf_counter() - began)
        began = time.perf_counter()
        lint(document, PARTICIPANTS, tone=RULES_ONLY)
        rules_times.append(time.perf_counter() - began)
    print(
        f"{args.lines} lines ({len(document) // 1024} KiB), {found} findings: "
        f"median {statistics.median(times) * 1000:.0f} ms "
        f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)} ms); goal <= 200 ms"
    )
    print(
        f"rules alone, same runs: median {statistics.median(rules_times) * 1000:.0f} ms"
        f" (runs: {', '.join(f'{t * 1000:.0f}' for t in rules_times)} ms)"
    )


if __name__ == "__main__":
    main()
