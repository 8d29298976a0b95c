"""How long saving one edited retrospective takes as the library grows.

    python bench/save_latency.py                 # 10, 1,000 and 10,000 stored
    python bench/save_latency.py --sizes 10,200  # a quick run

For each library size a fresh library is filled through the Store (a one-off
setup cost, printed), reopened as the app would, and then one retrospective
is edited (its summary text changes) and saved `--saves` times. Figures are
wall-clock per `Store.save` call, fsyncs included.

Goal: median <= 10 ms with 10,000 stored, and <= 1.5x the 10-stored median.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from retrotui.model import (
    ActionCategory,
    ActionItem,
    ContributingFactor,
    Effect,
    Marker,
    Retrospective,
    Severity,
    Source,
    Stage,
    TimelineEvent,
)
from retrotui.store import Store

GOAL_MEDIAN_MS = 10.0
GOAL_RATIO = 1.5
SOURCES = list(Source)
MARKERS = {0: Marker.TRIGGER, 6: Marker.DETECTION, 10: Marker.MITIGATION}


def realistic_retro(n: int) -> Retrospective:
    """About 3 KB on disk: 15 timeline events, a few factors and actions."""
    started = datetime(2024, 1, 1, 9, 0, tzinfo=UTC) + timedelta(hours=7 * n)
    return Retrospective(
        title=f"Incident {n}: checkout 5xx after deploy of api v2.{n % 97}",
        severity=list(Severity)[n % 4],
        started=started,
        ended=started + timedelta(minutes=95),
        tags=["deploy", "third-party"] if n % 3 else ["data"],
        participants=["ana", "bo", "chen", "dara"],
        facilitator="ana",
        summary="A deploy shrank the connection pool; checkout failed at peak.",
        timeline=[
            TimelineEvent(
                time=started + timedelta(minutes=6 * i),
                source=SOURCES[i % len(SOURCES)],
                text=f"step {i}: pool at {50 + 3 * i}%",
                marker=MARKERS.get(i, Marker.NONE),
            )
            for i in range(15)
        ],
        factors=[
            ContributingFactor(
                stage=stage,
                effect=effect,
                category="monitoring",
                text="No alert on pool saturation.",
            )
            for stage, effect in [
                (Stage.CAUSE, Effect.WORSE),
                (Stage.DETECTION, Effect.WORSE),
                (Stage.RESPONSE, Effect.BETTER),
            ]
        ],
        actions=[
            ActionItem(
                title=f"Action {i}: alert on pool use",
                category=list(ActionCategory)[i],
                owner="bo",
                due=date(2026, 12, 1) + timedelta(days=7 * i),
            )
            for i in range(3)
        ],
    )


def fill(data_dir: Path, size: int) -> tuple[float, float]:
    """Store `size` retrospectives; returns (seconds, mean file size)."""
    began = time.perf_counter()
    with Store(data_dir, mode="write") as store:
        for n in range(size):
            store.save(realistic_retro(n))
    elapsed = time.perf_counter() - began
    files = list((data_dir / "retros").glob("*.json"))
    mean_bytes = sum(p.stat().st_size for p in files) / len(files)
    return elapsed, mean_bytes


def measure(data_dir: Path, saves: int) -> tuple[float, list[float]]:
    """Reopen the library, edit one retrospective and time each save (ms)."""
    began = time.perf_counter()
    store = Store(data_dir, mode="write")
    open_s = time.perf_counter() - began
    try:
        target = store.summaries()[len(store) // 2].id
        retro = store.load(target)
        for i in range(3):  # warm-up: caches, first append
            retro.summary = f"warm-up edit {i}"
            store.save(retro)
        timings: list[float] = []
        for i in range(saves):
            retro.summary = f"Edited summary, revision {i}: " + "more detail. " * (
                i % 5
            )
            began = time.perf_counter()
            store.save(retro)
            timings.append((time.perf_counter() - began) * 1000)
        assert store.load(target).summary == retro.summary
    finally:
        store.close()
    return open_s, timings


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive whole numbers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[10, 1_000, 10_000],
        help="comma-separated library sizes (default 10,1000,10000)",
    )
    parser.add_argument("--saves", type=int, default=50, help="saves per size")
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to make the temp libraries"
    )
    args = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="retrotui-bench-", dir=args.dir))
    print(f"save latency: {args.saves} saves per library size, in {base}")
    results: dict[int, float] = {}
    try:
        print(
            f"{'stored':>8} {'setup':>9} {'file':>8} {'open':>8} "
            f"{'median':>9} {'p90':>9} {'max':>9}"
        )
        for size in args.sizes:
            data_dir = base / f"lib-{size}"
            setup_s, mean_bytes = fill(data_dir, size)
            open_s, timings = measure(data_dir, args.saves)
            median = statistics.median(timings)
            results[size] = median
            print(
                f"{size:>8,} {setup_s:>8.1f}s {mean_bytes / 1024:>6.1f}KB "
                f"{open_s * 1000:>6.0f}ms {median:>7.2f}ms {p90(timings):>7.2f}ms "
                f"{max(timings):>7.2f}ms",
                flush=True,
            )
            shutil.rmtree(data_dir)
    finally:
        shutil.rmtree(base, ignore_errors=True)

    small, large = min(results), max(results)
    ratio = results[large] / results[small]
    print(f"\nratio of median at {large:,} to median at {small:,}: {ratio:.2f}x")
    print(
        f"goal: median <= {GOAL_MEDIAN_MS:g} ms at 10,000 stored and "
        f"<= {GOAL_RATIO:g}x the 10-stored figure"
    )
    if 10 in results and 10_000 in results:
        ok_abs = results[10_000] <= GOAL_MEDIAN_MS
        ok_ratio = results[10_000] / results[10] <= GOAL_RATIO
        print(
            f"  median at 10,000: {results[10_000]:.2f} ms "
            f"({'met' if ok_abs else 'NOT met'}); "
            f"ratio {results[10_000] / results[10]:.2f}x "
            f"({'met' if ok_ratio else 'NOT met'})"
        )
        return 0 if ok_abs and ok_ratio else 1
    print("  (run with sizes 10 and 10000 to check the goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
