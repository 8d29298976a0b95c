"""kill -9 a writer at random moments: the library is always whole."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import time
from pathlib import Path

import pytest
from store_helpers import (
    MAIN_ID,
    extra_retro,
    main_version,
    spawn_writer,
    temp_files,
)

from retrotui.store import Store, index
from retrotui.store import storage as storage_module

ITERATIONS = 30
TIME_BUDGET_S = 12.0
# The longest a writer runs before its kill, doubled while kills land before
# it has saved anything new: a busy machine saves slower (CI once saw none).
FIRST_MAX_SLEEP_S = 0.25
LONGEST_SLEEP_S = 4.0


def check_library(data_dir: Path) -> tuple[int, str | None]:
    """Everything on disk reads; returns (retros, which main version)."""
    files = sorted((data_dir / "retros").glob("*.json"))
    for path in files:
        document = json.loads(path.read_bytes())  # every file parses
        assert set(document) == {"retrospective"}, path
    large, small = main_version(large=True), main_version(large=False)
    seen = None
    with Store(data_dir, mode="read") as store:
        assert store.problems == []
        assert len(store) == len(files)
        for summary in store.summaries():
            retro = store.load(summary.id)
            if retro.id == MAIN_ID:
                assert retro in (large, small), "main retro is neither version"
                seen = "large" if retro == large else "small"
            else:
                n = int(retro.title.removeprefix("extra "))
                assert retro == extra_retro(n)
    return len(files), seen


@pytest.mark.slow
def test_library_survives_kill_9_at_random_moments(isolated_data_dir: Path) -> None:
    rng = random.Random(20261126)
    began = time.monotonic()
    kills = 0
    seen: set[str | None] = set()
    counts: list[int] = []
    max_sleep = FIRST_MAX_SLEEP_S
    for i in range(ITERATIONS):
        saved = bool(counts) and counts[-1] > 1
        if kills >= 5 and saved and time.monotonic() - began > TIME_BUDGET_S:
            break
        writer = spawn_writer(isolated_data_dir, start=i * 100_000)
        try:
            assert writer.stdout is not None
            ready = writer.stdout.readline()
            assert ready == "ready\n", writer.stderr.read() if writer.stderr else ""
            time.sleep(rng.uniform(0.005, max_sleep))
            assert writer.poll() is None, f"writer died: {writer.stderr.read()}"
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=30)
            assert writer.returncode == -signal.SIGKILL
            kills += 1
        finally:
            if writer.poll() is None:
                writer.kill()
            writer.communicate(timeout=30)
        count, version = check_library(isolated_data_dir)
        if counts and count <= counts[-1]:
            max_sleep = min(max_sleep * 2, LONGEST_SLEEP_S)
        counts.append(count)
        seen.add(version)

    assert kills >= 5
    assert counts[-1] > 1, "the writer never got to save anything"
    assert counts == sorted(counts), "a retrospective disappeared"
    assert seen & {"large", "small"}
    # A writer opening afterwards cleans up temp files and keeps everything.
    with Store(isolated_data_dir, mode="write") as store:
        assert store.problems == []
        assert len(store) == counts[-1]
        live = {s.id: s for s in store.summaries()}
    assert temp_files(isolated_data_dir) == []
    # The index on disk now describes exactly the live retrospectives.
    journal = index.read_journal(isolated_data_dir / index.JOURNAL_NAME)
    assert not journal.damaged
    assert {i: e.summary for i, e in journal.entries.items()} == live


def test_crash_during_first_save_leaves_no_unreadable_file(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[bytes] = []
    real_write = storage_module.write_atomic

    def write_then_die(path: Path, data: bytes) -> None:
        writes.append(data)
        if len(writes) > 1:
            raise KeyboardInterrupt("killed between two writes of one save")
        real_write(path, data)

    monkeypatch.setattr(storage_module, "write_atomic", write_then_die)
    # The simulated kill surfaces as KeyboardInterrupt out of the save.
    with Store(isolated_data_dir) as store, contextlib.suppress(KeyboardInterrupt):
        store.save(extra_retro(1))
    monkeypatch.undo()
    with Store(isolated_data_dir) as store:
        assert store.problems == [], [str(p) for p in store.problems]
    assert len(writes) == 1, "a save should be one atomic write"
