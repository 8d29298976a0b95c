"""Shared builders for store tests (imported by the tests and by the writer
subprocesses, which get this folder on sys.path)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from retrotui.model import (
    ActionCategory,
    ActionItem,
    ContributingFactor,
    Effect,
    Marker,
    Retrospective,
    Source,
    Stage,
    TimelineEvent,
)

HERE = Path(__file__).parent
FIXED = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
START = datetime(2026, 11, 26, 14, 3, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


class StepClock:
    """A clock that moves one minute per call, so created/updated differ."""

    def __init__(self, start: datetime = FIXED) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def make_retro(
    title: str = "Checkout 5xx after deploy",
    *,
    retro_id: str | None = None,
    started: datetime | None = START,
    summary: str = "Deploy of api v2.31 raised the 5xx rate.",
    events: int = 5,
) -> Retrospective:
    kinds = [Source.DEPLOY, Source.ALERT, Source.ON_CALL, Source.CHAT, Source.NOTE]
    retro = Retrospective(
        title=title,
        started=started,
        summary=summary,
        tags=["deploy"],
        participants=["ana", "bo"],
        timeline=[
            TimelineEvent(
                time=(started or START) + timedelta(minutes=4 * i),
                source=kinds[i % len(kinds)],
                text=f"event {i}: something observable happened",
                marker=Marker.TRIGGER if i == 0 else Marker.NONE,
                id=f"e{i:07d}",
            )
            for i in range(events)
        ],
        factors=[
            ContributingFactor(
                stage=Stage.DETECTION,
                effect=Effect.WORSE,
                category="monitoring",
                text="No alert on the canary error rate.",
                id="f0000001",
            )
        ],
        actions=[
            ActionItem(
                title="Alert on canary 5xx",
                category=ActionCategory.DETECTION,
                owner="ana",
                due=date(2026, 12, 10),
                id="a0000001",
            )
        ],
    )
    if retro_id is not None:
        retro.id = retro_id
    return retro


# -- the kill -9 writer ----------------------------------------------------

MAIN_ID = "0a1b2c3d"
LARGE_SUMMARY = ("The large version. " * 11_000)[:200_000]
SMALL_SUMMARY = "The small version."


def main_version(large: bool) -> Retrospective:
    """The retrospective the writer saves over and over, as stored."""
    retro = make_retro(
        "The one saved over and over",
        retro_id=MAIN_ID,
        summary=LARGE_SUMMARY if large else SMALL_SUMMARY,
        events=15,
    )
    retro.created = retro.updated = FIXED
    return retro


def extra_retro(n: int) -> Retrospective:
    """The n-th new retrospective the writer creates, as stored."""
    retro = make_retro(f"extra {n}", retro_id=f"ee{n:06d}", events=3)
    retro.created = retro.updated = FIXED
    return retro


WRITER = """
import itertools, sys
from pathlib import Path
sys.path.insert(0, {helpers!r})
import store_helpers as h
from retrotui.store import Store

store = Store(Path(sys.argv[1]), mode="write", clock=h.fixed_clock)
start = int(sys.argv[2])
print("ready", flush=True)
for n in itertools.count():
    store.save(h.main_version(large=n % 2 == 0))
    if n % 3 == 0:
        store.save(h.extra_retro(start + n))
"""


def spawn_writer(data_dir: Path, start: int) -> subprocess.Popen[str]:
    script = WRITER.format(helpers=str(HERE))
    return subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


HOLDER = """
import os, sys
from pathlib import Path
from retrotui.store import Store

store = Store(Path(sys.argv[1]), mode="write")
print("locked", os.getpid(), flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


def spawn_holder(data_dir: Path) -> subprocess.Popen[str]:
    """A second process that holds the library's lock until told to exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("locked"):
        proc.kill()
        raise AssertionError(f"holder failed: {line!r} {proc.stderr.read()}")
    assert int(line.split()[1]) == proc.pid
    return proc


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file below `folder`: bytes, mode and mtime, to prove nothing changed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            found[str(path.relative_to(folder))] = (
                path.read_bytes(),
                status.st_mode,
                status.st_mtime_ns,
            )
    return found


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(".tmp-*"))


def mode_of(path: Path) -> int:
    return os.stat(path).st_mode & 0o777
