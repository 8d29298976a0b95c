"""The timeline screen with 5,000 events against the same screen with 50.

    python bench/timeline.py [--runs 5] [--keys 40]

Headless (Textual's run_test), in one process and one run, so the two sizes
see the same machine noise. Prints the median time to open the session on its
timeline and the median time per cursor key until the screen has settled.
Pilot's own idle waits cost tens of ms a key: compare the two rows, do not
quote the absolutes. Goal: both figures for 5,000 <= 1.5x those for 50.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from retrotui.app import make_app
from retrotui.model import Marker, Phase, Retrospective, Source, TimelineEvent
from retrotui.screens.session import SessionScreen
from retrotui.store import Store

SOURCES = list(Source)


def retro_with(events: int) -> Retrospective:
    start = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    retro = Retrospective(
        title=f"{events} events", started=start, timezone="Europe/Berlin"
    )
    retro.timeline = [
        TimelineEvent(
            time=start + timedelta(seconds=7 * n),
            source=SOURCES[n % len(SOURCES)],
            text=f"event {n}: connection pool at {n % 100}% on payments-db replica {n % 7}",
            marker=Marker.TRIGGER if n == 0 else Marker.NONE,
        )
        for n in range(events)
    ]
    retro.timer.phase = Phase.TIMELINE
    return retro


async def measure(store: Store, retro: Retrospective, keys: int) -> tuple[float, float]:
    app = make_app(store, today=lambda: date(2026, 11, 27))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        await app.push_screen(SessionScreen(retro, mode="draft"))
        await pilot.pause()
        opened = time.perf_counter() - began
        assert app.screen.query_one("#events").row_count == len(retro.timeline)
        per_key = []
        for n in range(keys):
            began = time.perf_counter()
            await pilot.press("down" if n % 10 < 7 else "up")
            await pilot.pause()
            per_key.append(time.perf_counter() - began)
        return opened, statistics.median(per_key)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--sizes", type=int, nargs=2, default=[50, 5000])
    args = parser.parse_args()
    small_n, large_n = args.sizes
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder), mode="write")
        retros = {n: retro_with(n) for n in (small_n, large_n)}
        for retro in retros.values():
            store.save(retro)
        results: dict[int, list[tuple[float, float]]] = {small_n: [], large_n: []}
        for run in range(args.runs):
            for n in (small_n, large_n):  # interleaved: same noise for both
                results[n].append(
                    await measure(store, store.load(retros[n].id), args.keys)
                )
            print(
                f"run {run + 1}: "
                + "  ".join(
                    f"{n} events open {results[n][-1][0] * 1000:.0f} ms, key {results[n][-1][1] * 1000:.1f} ms"
                    for n in (small_n, large_n)
                )
            )
        store.close()
    opened = {n: statistics.median(r[0] for r in results[n]) for n in results}
    keyed = {n: statistics.median(r[1] for r in results[n]) for n in results}
    print(
        f"\nmedian open:    {small_n}: {opened[small_n] * 1000:.0f} ms   {large_n}: {opened[large_n] * 1000:.0f} ms   ratio {opened[large_n] / opened[small_n]:.2f}x"
    )
    print(
        f"median per key: {small_n}: {keyed[small_n] * 1000:.1f} ms   {large_n}: {keyed[large_n] * 1000:.1f} ms   ratio {keyed[large_n] / keyed[small_n]:.2f}x"
    )
    print("goal: both ratios <= 1.5x")


if __name__ == "__main__":
    asyncio.run(main())
