"""Lazy opening: the first page comes from the head of the sorted index, the
rest (and the check of every file) when something needs it."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

from store_helpers import START, make_retro

from retrotui.store import Store, index


def _library(data_dir: Path, count: int) -> list[str]:
    """`count` retrospectives one day apart; ids newest first."""
    with Store(data_dir, mode="write") as store:
        for n in range(count):
            retro = make_retro(
                f"incident {n}", retro_id=f"{n:08x}", started=START + timedelta(n)
            )
            store.save(retro)
    Store(data_dir, mode="write").close()  # compacts the journal, sorted
    return [f"{n:08x}" for n in reversed(range(count))]


def test_compaction_writes_a_sorted_head_with_its_size(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 70)
    header, *lines = (isolated_data_dir / index.JOURNAL_NAME).read_bytes().split(b"\n")
    meta = json.loads(header)
    assert meta["sorted"] == 70
    assert meta["bytes"] == sum(len(line) + 1 for line in lines if line)
    assert [json.loads(line)["summary"]["id"] for line in lines if line] == newest


def test_first_page_before_loading_reads_the_head_only(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 70)
    store = Store(isolated_data_dir, mode="write", lazy=True)
    assert not store.loaded
    assert [s.id for s in store.first_page(5)] == newest[:5]
    assert not store.loaded  # nothing else was read
    assert [s.id for s in store.summaries()] == newest
    assert store.loaded
    store.close()


def test_first_page_sees_saves_and_deletes_appended_since(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 70)
    with Store(isolated_data_dir, mode="write") as store:
        store.delete(newest[0])
        moved = store.load(newest[5])
        moved.started = START + timedelta(days=500)  # now the newest of all
        store.save(moved)
        renamed = store.load(newest[1])
        renamed.title = "renamed since compaction"
        store.save(renamed)
    lazy = Store(isolated_data_dir, mode="read", lazy=True)
    page = lazy.first_page(4)
    assert [s.id for s in page] == [newest[5], newest[1], newest[2], newest[3]]
    assert page[1].title == "renamed since compaction"
    assert [s.id for s in page] == [s.id for s in lazy.summaries()[:4]]


def test_first_page_without_a_header_reads_everything(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 3)
    journal = isolated_data_dir / index.JOURNAL_NAME
    journal.write_bytes(journal.read_bytes().split(b"\n", 1)[1])  # an old journal
    store = Store(isolated_data_dir, mode="read", lazy=True)
    assert [s.id for s in store.first_page(2)] == newest[:2]
    assert store.loaded


def test_first_page_from_a_damaged_head_falls_back(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 3)
    journal = isolated_data_dir / index.JOURNAL_NAME
    header, rest = journal.read_bytes().split(b"\n", 1)
    journal.write_bytes(header + b"\n" + b"{not json\n" + rest)
    store = Store(isolated_data_dir, mode="write", lazy=True)
    assert [s.id for s in store.first_page(3)] == newest
    assert store.problems == []
    store.close()


def test_first_page_is_corrected_by_the_full_load(isolated_data_dir: Path):
    """A file removed behind the index's back is still on the first page (the
    head is not verified) and gone once the library is loaded."""
    newest = _library(isolated_data_dir, 4)
    (isolated_data_dir / "retros" / f"{newest[0]}.json").unlink()
    store = Store(isolated_data_dir, mode="write", lazy=True)
    assert store.first_page(1)[0].id == newest[0]
    store.ensure_loaded()
    assert [s.id for s in store.summaries()] == newest[1:]
    assert store.first_page(1)[0].id == newest[1]
    store.close()


def test_loading_from_a_thread_while_the_ui_reads(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 20)
    store = Store(isolated_data_dir, mode="write", lazy=True)
    loader = threading.Thread(target=store.ensure_loaded)
    loader.start()
    # Whatever the interleaving, a reader waits for the whole index.
    assert [s.id for s in store.summaries()] == newest
    loader.join()
    assert len(store) == 20
    store.close()


def test_a_save_before_loading_loads_first(isolated_data_dir: Path):
    _library(isolated_data_dir, 3)
    store = Store(isolated_data_dir, mode="write", lazy=True)
    store.save(make_retro("fresh", retro_id="ffffffff", started=START))
    assert store.loaded and len(store) == 4
    store.close()


def test_many_appended_lines_are_folded_into_the_head(isolated_data_dir: Path):
    newest = _library(isolated_data_dir, 3)
    with Store(isolated_data_dir, mode="write") as store:
        retro = store.load(newest[0])
        for n in range(index.HEAD_TAIL_LINES + 1):
            retro.title = f"edit {n}"
            store.save(retro)
    Store(isolated_data_dir, mode="write").close()
    header, *lines = (isolated_data_dir / index.JOURNAL_NAME).read_bytes().split(b"\n")
    assert json.loads(header)["sorted"] == 3 == len([line for line in lines if line])
