"""Atomic writes: a crash mid-save leaves the old bytes and no temp file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_helpers import make_retro, snapshot, temp_files

from retrotui.store import Store, atomic


class Crash(Exception):
    pass


def crash_on_replace(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Make the rename step fail, as if the process died just before it."""
    attempts: list[tuple[str, str]] = []

    def failing_replace(src: object, dst: object) -> None:
        attempts.append((str(src), str(dst)))
        assert Path(str(src)).exists(), "the temp file is written before the rename"
        raise Crash("killed before rename")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    return attempts


def test_crash_before_replace_keeps_old_content(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    retro = make_retro("original")
    store = Store(isolated_data_dir)
    store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    before = snapshot(isolated_data_dir)

    retro.title = "edited"
    retro.summary = "a much longer summary " * 500
    attempts = crash_on_replace(monkeypatch)
    with pytest.raises(Crash):
        store.save(retro)
    monkeypatch.undo()

    assert len(attempts) == 1
    temp_name, target = attempts[0]
    assert Path(temp_name).parent == path.parent
    assert Path(temp_name).name.startswith(atomic.TEMP_PREFIX)
    assert target == str(path)
    assert temp_files(isolated_data_dir) == []
    # Nothing on disk changed: not the file, not the index.
    assert snapshot(isolated_data_dir) == before
    assert [s.title for s in store.summaries()] == ["original"]
    assert store.load(retro.id).title == "original"
    store.close()
    with Store(isolated_data_dir) as reopened:
        assert reopened.problems == []
        assert reopened.load(retro.id).title == "original"


def test_crash_before_replace_of_a_new_file_leaves_nothing(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(isolated_data_dir) as store:
        crash_on_replace(monkeypatch)
        retro = make_retro("never stored")
        with pytest.raises(Crash):
            store.save(retro)
        monkeypatch.undo()
        assert retro.id not in store
        assert list((isolated_data_dir / "retros").iterdir()) == []
        assert temp_files(isolated_data_dir) == []
        # The store still works afterwards.
        store.save(retro)
        assert store.load(retro.id) == retro


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic.write_atomic(target, b"x" * 100_000)
    atomic.write_atomic(target, b"small")
    assert target.read_bytes() == b"small"
    assert temp_files(tmp_path) == []


def test_write_atomic_failure_during_write_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        atomic.write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert temp_files(tmp_path) == []


def plant_stale_temps(data_dir: Path) -> list[Path]:
    stale = [
        data_dir / "retros" / f"{atomic.TEMP_PREFIX}abc123",
        data_dir / f"{atomic.TEMP_PREFIX}def456",
    ]
    for path in stale:
        path.write_bytes(b'{"half": "writ')
    return stale


def test_stale_temp_files_are_removed_when_a_writer_opens(
    isolated_data_dir: Path,
) -> None:
    retro = make_retro()
    with Store(isolated_data_dir) as store:
        store.save(retro)
    stale = plant_stale_temps(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as store:
        assert not any(p.exists() for p in stale)
        assert store.problems == []
        assert store.load(retro.id) == retro
    assert temp_files(isolated_data_dir) == []


def test_readers_leave_temp_files_alone(isolated_data_dir: Path) -> None:
    with Store(isolated_data_dir) as writer:
        writer.save(make_retro())
        # A temp file of the live writer must not be touched by readers.
        stale = plant_stale_temps(isolated_data_dir)
        with Store(isolated_data_dir, mode="read") as reader:
            assert reader.problems == []
            assert len(reader) == 1
        with Store(isolated_data_dir, mode="auto") as second:
            assert second.read_only
        assert all(p.exists() for p in stale)
        for path in stale:
            os.unlink(path)
