"""The library on disk: save, load, list, resolve, delete, reopen, the index."""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import FIXED, START, StepClock, make_retro

from retrotui.model import EPOCH, Retrospective, summarize, to_document
from retrotui.store import ENV_VAR, NotFound, Store, resolve_data_dir
from retrotui.store import library as library_module

sys.path.insert(0, str(Path(__file__).parent.parent / "model"))
from model_factories import full_retro


def journal_records(data_dir: Path) -> list[dict]:
    """Entry and tombstone lines, without the compaction header."""
    raw = (data_dir / "index.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [record for record in records if "sorted" not in record]


def test_save_then_load_round_trips(isolated_data_dir: Path) -> None:
    retro = make_retro()
    with Store(isolated_data_dir, clock=StepClock()) as store:
        store.save(retro)
        loaded = store.load(retro.id)
    assert loaded == retro
    assert (isolated_data_dir / "retros" / f"{retro.id}.json").is_file()


def test_save_stamps_created_once_and_updated_every_time(
    isolated_data_dir: Path,
) -> None:
    clock = StepClock()
    retro = make_retro()
    assert retro.created == EPOCH
    with Store(isolated_data_dir, clock=clock) as store:
        store.save(retro)
        first = retro.created
        assert first == FIXED + timedelta(minutes=1)
        assert retro.updated == first
        store.save(retro)
        assert retro.created == first
        assert retro.updated == FIXED + timedelta(minutes=2)
        assert store.load(retro.id).updated == retro.updated


def test_fully_populated_hostile_retro_survives_the_store(
    isolated_data_dir: Path,
) -> None:
    hostile = "[red]x[/red] [bold \x1b[31m a\x00b 👩‍🔥 e\u0301 | a |\nline\r\n"
    retro = full_retro(hostile * 100)
    with Store(isolated_data_dir) as store:
        store.save(retro)
    with Store(isolated_data_dir) as store:
        assert store.problems == []
        assert store.load(retro.id) == retro
        assert store.summaries()[0].title == retro.title


def test_list_is_newest_incident_first(isolated_data_dir: Path) -> None:
    clock = StepClock()
    old = make_retro("old", started=START - timedelta(days=30))
    new = make_retro("new", started=START)
    middle = make_retro("middle", started=START - timedelta(days=2))
    # Not started: sorted by when it was created (the clock, after START).
    unstarted = make_retro("unstarted", started=None)
    with Store(isolated_data_dir, clock=clock) as store:
        for retro in (old, new, middle, unstarted):
            store.save(retro)
        titles = [s.title for s in store.summaries()]
    assert titles == ["unstarted", "new", "middle", "old"]
    with Store(isolated_data_dir, mode="read") as store:
        assert [s.title for s in store.summaries()] == titles


def test_summaries_match_the_saved_retrospectives(isolated_data_dir: Path) -> None:
    retros = [make_retro(f"r{i}", started=START + timedelta(hours=i)) for i in range(4)]
    with Store(isolated_data_dir) as store:
        for retro in retros:
            store.save(retro)
        assert len(store) == 4
        assert all(r.id in store for r in retros)
        expected = {r.id: summarize(r) for r in retros}
        assert {s.id: s for s in store.summaries()} == expected
    with Store(isolated_data_dir) as store:
        assert {s.id: s for s in store.summaries()} == expected


def test_reopen_sees_everything(isolated_data_dir: Path) -> None:
    retros = [make_retro(f"retro {i}", started=START + timedelta(i)) for i in range(6)]
    with Store(isolated_data_dir) as store:
        for retro in retros:
            store.save(retro)
    retros[2].summary = "edited later"
    with Store(isolated_data_dir) as store:
        store.save(retros[2])
    for mode in ("write", "read", "auto"):
        with Store(isolated_data_dir, mode=mode) as store:
            assert store.problems == []
            assert len(store) == 6
            for retro in retros:
                assert store.load(retro.id) == retro


def save_with_ids(data_dir: Path, *ids: str) -> Store:
    store = Store(data_dir)
    for i, retro_id in enumerate(ids):
        store.save(make_retro(f"title {i}", retro_id=retro_id))
    return store


def test_resolve_exact_and_unique_prefix(isolated_data_dir: Path) -> None:
    with save_with_ids(isolated_data_dir, "abc1", "abc12", "abd00000", "f00d") as s:
        assert s.resolve("f00d") == "f00d"
        assert s.resolve("f") == "f00d"
        assert s.resolve("abd") == "abd00000"
        assert s.resolve("  abd0 ") == "abd00000"
        # An exact id wins even when it is also a prefix of another id.
        assert s.resolve("abc1") == "abc1"
        assert s.resolve("abc12") == "abc12"
        assert s.load("abd").title == "title 2"


def test_resolve_ambiguous_prefix_lists_the_matches(isolated_data_dir: Path) -> None:
    with save_with_ids(isolated_data_dir, "abc12345", "abc19999", "def00000") as s:
        with pytest.raises(NotFound) as caught:
            s.resolve("abc")
        message = str(caught.value)
        assert "'abc' matches several retrospectives" in message
        assert "abc12345" in message and "abc19999" in message
        assert "def00000" not in message
        with pytest.raises(NotFound, match="several"):
            s.load("abc1")


@pytest.mark.parametrize("wanted", ["zzz", "", "   ", "abc123456", "../abc"])
def test_resolve_missing_says_so(isolated_data_dir: Path, wanted: str) -> None:
    with save_with_ids(isolated_data_dir, "abc12345") as s:
        with pytest.raises(NotFound) as caught:
            s.resolve(wanted)
        assert f"no retrospective with id {wanted.strip()!r}" in str(caught.value)
        with pytest.raises(NotFound):
            s.load(wanted)


def test_delete_moves_the_file_to_trash(isolated_data_dir: Path) -> None:
    keep = make_retro("keep", retro_id="keep0001")
    drop = make_retro("drop", retro_id="drop0001")
    with Store(isolated_data_dir) as store:
        store.save(keep)
        store.save(drop)
        source = isolated_data_dir / "retros" / "drop0001.json"
        before = source.read_bytes()
        target = store.delete("drop")  # a prefix works too
        assert target == isolated_data_dir / "trash" / "drop0001.json"
        assert target.read_bytes() == before
        assert not source.exists()
        assert "drop0001" not in store
        assert [s.id for s in store.summaries()] == ["keep0001"]
        with pytest.raises(NotFound):
            store.load("drop0001")
    assert journal_records(isolated_data_dir)[-1] == {"deleted": "drop0001"}
    with Store(isolated_data_dir) as store:
        assert [s.id for s in store.summaries()] == ["keep0001"]
        assert store.problems == []
        assert store.load("keep0001") == keep


def test_delete_missing_raises_not_found(isolated_data_dir: Path) -> None:
    with save_with_ids(isolated_data_dir, "abc12345") as store:
        before = sorted(p.name for p in isolated_data_dir.rglob("*"))
        with pytest.raises(NotFound):
            store.delete("nope")
        assert sorted(p.name for p in isolated_data_dir.rglob("*")) == before
        assert len(store) == 1


def test_empty_library(isolated_data_dir: Path) -> None:
    with Store(isolated_data_dir) as store:
        assert store.summaries() == []
        assert len(store) == 0
        assert store.problems == []
    assert (isolated_data_dir / "retros").is_dir()
    assert (isolated_data_dir / "trash").is_dir()


def test_read_mode_on_missing_folder_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    with Store(folder, mode="read") as store:
        assert store.read_only
        assert store.summaries() == []
    assert not folder.exists()


def test_summaries_come_from_the_index_without_reading_files(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    retros = [make_retro(f"r{i}") for i in range(5)]
    with Store(isolated_data_dir) as store:
        for retro in retros:
            store.save(retro)
    reads: list[Path] = []
    real_read = library_module.Store._read

    def counting_read(self: Store, path: Path) -> Retrospective:
        reads.append(path)
        return real_read(self, path)

    monkeypatch.setattr(library_module.Store, "_read", counting_read)
    with Store(isolated_data_dir) as store:
        assert len(store.summaries()) == 5
    assert reads == []
    assert len(journal_records(isolated_data_dir)) == 5


def test_index_is_trusted_while_the_file_stamp_matches(isolated_data_dir: Path) -> None:
    # Overwrite a file with same-size bytes and put its mtime back: the
    # store cannot tell, so it lists the indexed summary and reads nothing.
    retro = make_retro("indexed title")
    with Store(isolated_data_dir) as store:
        store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    status = path.stat()
    path.write_bytes(b" " * status.st_size)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    with Store(isolated_data_dir) as store:
        assert [s.title for s in store.summaries()] == ["indexed title"]
        assert store.problems == []


def _rewrite_behind_the_store(path: Path, retro: Retrospective) -> None:
    payload = {"retrospective": {"1": to_document(retro)}}
    path.write_text(json.dumps(payload), encoding="utf-8")


def test_file_edited_behind_the_stores_back_is_reread(isolated_data_dir: Path) -> None:
    retro = make_retro("before")
    with Store(isolated_data_dir) as store:
        store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    retro.title = "after, and longer"
    _rewrite_behind_the_store(path, retro)
    with Store(isolated_data_dir) as store:
        assert [s.title for s in store.summaries()] == ["after, and longer"]
        assert store.load(retro.id) == retro
    # The index was brought up to date with the new stamp.
    records = journal_records(isolated_data_dir)
    assert [r["summary"]["title"] for r in records] == ["after, and longer"]
    status = path.stat()
    assert records[0]["stamp"] == [status.st_mtime_ns, status.st_size]


def test_same_size_edit_with_new_mtime_is_reread(isolated_data_dir: Path) -> None:
    retro = make_retro("title AAAA")
    with Store(isolated_data_dir) as store:
        store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    before = path.stat()
    data = path.read_bytes()
    assert data.count(b"title AAAA") == 1
    path.write_bytes(data.replace(b"title AAAA", b"title BBBB"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 5_000_000_000))
    assert path.stat().st_size == before.st_size
    with Store(isolated_data_dir, mode="read") as store:
        assert [s.title for s in store.summaries()] == ["title BBBB"]


def test_journal_is_compacted_when_it_has_grown(isolated_data_dir: Path) -> None:
    retro = make_retro()
    with Store(isolated_data_dir) as store:
        for i in range(150):
            retro.summary = f"edit {i}"
            store.save(retro)
    assert len(journal_records(isolated_data_dir)) == 150
    # A reader never rewrites the index.
    with Store(isolated_data_dir, mode="read") as store:
        assert len(store) == 1
    assert len(journal_records(isolated_data_dir)) == 150
    with Store(isolated_data_dir) as store:
        assert store.load(retro.id).summary == "edit 149"
    records = journal_records(isolated_data_dir)
    assert len(records) == 1
    assert records[0]["summary"]["id"] == retro.id


def test_index_is_rebuilt_when_deleted(isolated_data_dir: Path) -> None:
    retros = [make_retro(f"r{i}", started=START + timedelta(i)) for i in range(3)]
    with Store(isolated_data_dir) as store:
        for retro in retros:
            store.save(retro)
        expected = store.summaries()
    (isolated_data_dir / "index.jsonl").unlink()
    with Store(isolated_data_dir) as store:
        assert store.summaries() == expected
    assert len(journal_records(isolated_data_dir)) == 3


def test_data_dir_comes_from_flag_then_environment(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_data_dir() == isolated_data_dir
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_data_dir("~/lib") == tmp_path / "lib"
    monkeypatch.delenv(ENV_VAR)
    fallback = resolve_data_dir()
    assert fallback.name == "retrotui"
    assert str(fallback).startswith(str(tmp_path / "xdg-data"))


def test_the_file_holds_one_timeline_event_per_line(isolated_data_dir: Path) -> None:
    """Readable and diffable by line; and it is plain JSON that reads back."""
    store = Store(isolated_data_dir)
    retro = full_retro()
    retro.timeline[0].text = 'quote " backslash \\ [red]x[/red] \x1b[31m é |'
    written = store.save(retro)
    path = isolated_data_dir / "retros" / f"{retro.id}.json"
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {"retrospective": {"1": written}}
    assert written == to_document(retro)
    for event in retro.timeline:
        lines = [line for line in text.splitlines() if f'"id": "{event.id}"' in line]
        assert len(lines) == 1
        assert json.loads(lines[0].strip().rstrip(",")) == {
            "id": event.id,
            "marker": event.marker.value,
            "source": event.source.value,
            "text": event.text,
            "time": event.time.isoformat(),
        }
    assert "\x1b" not in text  # escape codes stay escaped in the file
    assert Store(isolated_data_dir).load(retro.id) == retro
