"""How long `retrotui export --all DIR` takes for a large library.

    python bench/export_all.py [--count 10000] [--format md|html] [--runs 3]

A library of `--count` realistic retrospectives is built through the Store
(the demo library's three retrospectives, varied: other services, titles,
severities, days, timeline lengths and ids; a one-off setup cost, printed).
Then `retrotui export --all` runs as a subprocess with this interpreter
(`sys.executable -m retrotui`), `--runs` times into a fresh folder each (the
median is reported), and once more into the last folder: the idempotent
re-run, which must write 0 files. Figures are wall-clock, process start-up
included.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from retrotui.demo import build_demo
from retrotui.model import Retrospective, Severity
from retrotui.store import ENV_VAR, Store

SERVICES = ["payments", "search", "cart", "auth", "billing", "ledger", "email"]
SEVERITIES = list(Severity)
WRITTEN = re.compile(r"(\d+) files written, (\d+) unchanged")


def varied(retro: Retrospective, n: int) -> Retrospective:
    """Copy `n` of a demo retrospective, reading like another incident."""
    service = SERVICES[n % len(SERVICES)]
    retro.id = f"{n:08x}"
    if n >= 3:
        title = retro.title[0].lower() + retro.title[1:]
        retro.title = f"{service}: {title} (#{n})"
        retro.severity = SEVERITIES[n % len(SEVERITIES)]
        retro.summary = retro.summary.replace("payments", service)
        retro.tags = [*retro.tags, service]
        # Some incidents have shorter timelines; keep the markers' events.
        keep = len(retro.timeline) - n % 5
        retro.timeline = [
            e
            for i, e in enumerate(retro.timeline)
            if i < keep or e.marker.value != "none"
        ]
        for event in retro.timeline:
            event.text = event.text.replace("payments", service)
    for item in retro.actions:
        item.origin = retro.id
    return retro


def build_library(folder: Path, count: int) -> None:
    today = date(2026, 11, 27)
    made = 0
    week = 0
    with Store(folder, mode="write") as store:
        while made < count:
            for retro in build_demo(today - timedelta(weeks=week)):
                if made == count:
                    break
                store.save(varied(retro, made))
                made += 1
            week += 1


def export_all(data_dir: Path, target: Path, fmt: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "retrotui", "export", "--all", str(target)]
    env = dict(os.environ, **{ENV_VAR: str(data_dir)})
    began = time.perf_counter()
    result = subprocess.run(
        [*command, "--format", fmt],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - began
    if result.returncode != 0:
        raise RuntimeError(f"export failed ({result.returncode}): {result.stderr}")
    return elapsed, result.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="retrospectives")
    parser.add_argument("--format", choices=["md", "html"], default="md")
    parser.add_argument("--runs", type=int, default=3, help="runs into fresh folders")
    args = parser.parse_args()
    count = max(1, args.count)
    work = Path(tempfile.mkdtemp(prefix="retrotui-bench-export-"))
    try:
        data_dir = work / "library"
        began = time.perf_counter()
        build_library(data_dir, count)
        print(
            f"setup: {count} retrospectives saved in {time.perf_counter() - began:.1f} s "
            f"({data_dir})"
        )
        times = []
        target = work / "export-0"
        for run in range(1, args.runs + 1):
            target = work / f"export-{run}"
            elapsed, message = export_all(data_dir, target, args.format)
            times.append(elapsed)
            files = sum(1 for _ in target.iterdir())
            print(
                f"run {run} (fresh folder): {elapsed:.2f} s, {files} files; {message}"
            )
        median = statistics.median(times)
        print(
            f"export --all ({args.format}), fresh folder: median {median:.2f} s, "
            f"{median / count * 1000:.2f} ms per retrospective"
        )
        again, message = export_all(data_dir, target, args.format)
        match = WRITTEN.search(message)
        written = int(match.group(1)) if match else -1
        print(
            f"export --all ({args.format}), re-run into the same folder: {again:.2f} s, "
            f"{again / count * 1000:.2f} ms per retrospective, {written} files written"
        )
        if written != 0:
            print("re-run was NOT idempotent", file=sys.stderr)
            return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
