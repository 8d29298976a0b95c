"""One writer per library: a second opener is read-only or refused."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from store_helpers import make_retro, snapshot, spawn_holder

from retrotui.store import LibraryLocked, ReadOnly, Store


def test_second_store_in_auto_mode_is_read_only_naming_the_holder(
    isolated_data_dir: Path,
) -> None:
    with Store(isolated_data_dir, mode="write") as first:
        assert not first.read_only
        with Store(isolated_data_dir, mode="auto") as second:
            assert second.read_only
            assert f"pid {os.getpid()}" in second.read_only_reason
            assert "another retrotui" in second.read_only_reason


def test_second_store_in_write_mode_raises_library_locked(
    isolated_data_dir: Path,
) -> None:
    with (
        Store(isolated_data_dir, mode="write"),
        pytest.raises(LibraryLocked) as caught,
    ):
        Store(isolated_data_dir, mode="write")
    error = caught.value
    assert error.data_dir == isolated_data_dir
    assert f"pid {os.getpid()}" in error.holder
    assert str(isolated_data_dir) in str(error)
    assert "close that one first" in str(error)


def test_read_mode_takes_no_lock(isolated_data_dir: Path) -> None:
    with Store(isolated_data_dir, mode="read") as reader:
        assert reader.read_only
        assert reader.read_only_reason == "opened for reading"
        with Store(isolated_data_dir, mode="write") as writer:
            assert not writer.read_only


def test_closing_releases_the_lock(isolated_data_dir: Path) -> None:
    first = Store(isolated_data_dir, mode="write")
    first.close()
    assert first.read_only
    with Store(isolated_data_dir, mode="write") as second:
        assert not second.read_only


def assert_writes_refused(store: Store, data_dir: Path, existing_id: str) -> None:
    before = snapshot(data_dir)
    retro = store.load(existing_id)
    retro.title = "changed by a reader"
    with pytest.raises(ReadOnly) as caught:
        store.save(retro)
    assert store.read_only_reason in str(caught.value)
    assert caught.value.reason == store.read_only_reason
    with pytest.raises(ReadOnly):
        store.save(make_retro("brand new"))
    with pytest.raises(ReadOnly):
        store.delete(existing_id)
    assert snapshot(data_dir) == before
    assert existing_id in store
    assert store.load(existing_id).title != "changed by a reader"


def test_read_only_store_refuses_writes_and_changes_no_file(
    isolated_data_dir: Path,
) -> None:
    retro = make_retro("stored")
    with Store(isolated_data_dir, mode="write") as writer:
        writer.save(retro)
        with Store(isolated_data_dir, mode="auto") as second:
            assert_writes_refused(second, isolated_data_dir, retro.id)
    with Store(isolated_data_dir, mode="read") as reader:
        assert_writes_refused(reader, isolated_data_dir, retro.id)


def finish(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def test_lock_held_by_another_process(isolated_data_dir: Path) -> None:
    retro = make_retro("stored")
    with Store(isolated_data_dir) as store:
        store.save(retro)
    holder = spawn_holder(isolated_data_dir)
    try:
        with Store(isolated_data_dir, mode="auto") as second:
            assert second.read_only
            assert f"pid {holder.pid} " in second.read_only_reason
            assert second.load(retro.id) == retro
            assert_writes_refused(second, isolated_data_dir, retro.id)
        with pytest.raises(LibraryLocked) as caught:
            Store(isolated_data_dir, mode="write")
        assert f"pid {holder.pid} " in str(caught.value)

        # Tell the holder to close cleanly.
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        out, err = holder.communicate(timeout=30)
        assert holder.returncode == 0, err
        assert "closed" in out
    finally:
        finish(holder)
    with Store(isolated_data_dir, mode="write") as store:
        assert not store.read_only
        store.save(retro)


def test_lock_is_free_after_the_holder_is_killed(isolated_data_dir: Path) -> None:
    holder = spawn_holder(isolated_data_dir)
    try:
        with pytest.raises(LibraryLocked):
            Store(isolated_data_dir, mode="write")
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        assert holder.returncode == -signal.SIGKILL
    finally:
        finish(holder)
    with Store(isolated_data_dir, mode="write") as store:
        assert not store.read_only
        store.save(make_retro())
        lock_text = (isolated_data_dir / "lock").read_text()
        assert f"pid {os.getpid()} " in lock_text
