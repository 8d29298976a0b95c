"""Private files: the data folder is 0700 and every file in it 0600."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import make_retro, mode_of

from retrotui.store import Store


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    # With umask 0 the modes can only come from the store itself.
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def assert_private(data_dir: Path) -> None:
    for folder in (data_dir, data_dir / "retros", data_dir / "trash"):
        assert mode_of(folder) == 0o700, folder
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert mode_of(path) == 0o600, path


def test_new_library_is_private(isolated_data_dir: Path, umask: int) -> None:
    retro = make_retro()
    with Store(isolated_data_dir) as store:
        store.save(retro)
        path = isolated_data_dir / "retros" / f"{retro.id}.json"
        assert mode_of(path) == 0o600
        assert mode_of(isolated_data_dir / "index.jsonl") == 0o600
        assert mode_of(isolated_data_dir / "lock") == 0o600
        assert_private(isolated_data_dir)
        # Saving again replaces the file with a new one: still private.
        inode = path.stat().st_ino
        retro.summary = "edited"
        store.save(retro)
        assert path.stat().st_ino != inode
        assert mode_of(path) == 0o600
        store.delete(retro.id)
        assert mode_of(isolated_data_dir / "trash" / f"{retro.id}.json") == 0o600
    assert_private(isolated_data_dir)


def test_compacted_index_is_private(isolated_data_dir: Path, umask: int) -> None:
    with Store(isolated_data_dir) as store:
        store.save(make_retro())
    (isolated_data_dir / "index.jsonl").unlink()
    with Store(isolated_data_dir):
        pass  # rebuilds the index with write_atomic
    assert mode_of(isolated_data_dir / "index.jsonl") == 0o600
    assert_private(isolated_data_dir)


def test_open_folder_is_made_private(isolated_data_dir: Path) -> None:
    for folder in (isolated_data_dir, isolated_data_dir / "retros"):
        folder.mkdir(mode=0o755, exist_ok=True)
        folder.chmod(0o755)
    with Store(isolated_data_dir):
        pass
    assert mode_of(isolated_data_dir) == 0o700
    assert mode_of(isolated_data_dir / "retros") == 0o700


def test_save_makes_a_world_readable_file_private(isolated_data_dir: Path) -> None:
    retro = make_retro()
    with Store(isolated_data_dir) as store:
        store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    path.chmod(0o644)  # e.g. copied in with cp
    with Store(isolated_data_dir) as store:
        retro.summary = "edited"
        store.save(retro)
    assert mode_of(path) == 0o600


def test_an_existing_folder_that_is_not_a_library_keeps_its_mode(
    tmp_path: Path,
) -> None:
    # `--data-dir ~` must not lock down someone's home folder.
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o755)
    (home / "notes.txt").write_text("mine")
    with Store(home):
        pass
    assert mode_of(home) == 0o755
    assert mode_of(home / "retros") == 0o700
