"""`retrotui stats` over 10,000 retrospectives: median wall time.

    python bench/stats.py [--runs 5] [--library 10000] [--folder DIR]

Times the whole command as a user runs it (a new process each time), with
and without --json, and `python -c pass` in the same runs as a floor.
Goal: <= 1 s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from library_open import ensure_library
from startup import compile_package, retrotui_command

GOAL_S = 1.0


CPU: dict[str, list[float]] = {}


def timed(command: list[str]) -> float:
    """Wall time; the child's CPU time (user + system) is kept in CPU, a
    steadier figure on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(" ".join(command[-2:]), []).append(cpu)
    return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", type=int, default=10_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/retrotui-bench-10k"))
    args = parser.parse_args()
    ensure_library(args.folder, args.library)
    compile_package()
    stats = [*retrotui_command(), "--data-dir", str(args.folder), "stats"]
    timed(stats)  # warm-up
    runs: dict[str, list[float]] = {
        "python -c pass": [],
        "stats": [],
        "stats --json": [],
    }
    for _ in range(args.runs):
        runs["python -c pass"].append(timed([sys.executable, "-c", "pass"]))
        runs["stats"].append(timed(stats))
        runs["stats --json"].append(timed([*stats, "--json"]))
    for name, values in runs.items():
        print(
            f"{name}: median {statistics.median(values):.3f} s "
            f"(runs: {', '.join(f'{v:.3f}' for v in values)})"
        )
    for name, values in CPU.items():
        if len(values) > 1:
            print(
                f"  cpu time of '... {name}': median {statistics.median(values):.3f} s"
            )
    worst = max(
        statistics.median(runs["stats"]), statistics.median(runs["stats --json"])
    )
    print(f"goal <= {GOAL_S} s: {'met' if worst <= GOAL_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
