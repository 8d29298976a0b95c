"""Unreadable files: reported with path and reason, never changed, never fatal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import START, make_retro

from retrotui.model import to_document
from retrotui.store import Store, UnreadableFile


def retro_path(data_dir: Path, retro_id: str) -> Path:
    return data_dir / "retros" / f"{retro_id}.json"


def tinydb_file(document: object) -> bytes:
    return json.dumps({"retrospective": {"1": document}}).encode()


def bad_fields_document() -> bytes:
    document = to_document(make_retro("bad fields", retro_id="badfield"))
    document["retrospective"]["created"] = "2026-11-26T00:00:00+00:00"
    document["retrospective"]["updated"] = "2026-11-26T00:00:00+00:00"
    document["retrospective"]["severity"] = "SEV9"
    return tinydb_file(document)


def newer_schema_document() -> bytes:
    document = to_document(make_retro("from the future", retro_id="newer001"))
    document["schema_version"] += 1
    return tinydb_file(document)


def wrong_id_document() -> bytes:
    document = to_document(make_retro("wrong id", retro_id="otherid1"))
    return tinydb_file(document)


# (file id, content builder, fragment of the reason)
BAD_FILES = {
    "truncate": (None, "not valid JSON"),
    "garbage0": (b"\x89PNG\r\n\x1a\n\x00\xff\xfe\xfd" * 64, "not UTF-8"),
    "emptyfil": (b"", "empty"),
    "blankfil": (b"  \n\n", "empty"),
    "badfield": (bad_fields_document(), "retrospective.severity"),
    "notanobj": (b"[1, 2, 3]", "not a retrotui data file"),
    "notable0": (b'{"other_table": {}}', "no retrospective"),
    "newer001": (newer_schema_document(), "newer retrotui"),
    "wrongid0": (wrong_id_document(), "'otherid1'"),
}


@pytest.fixture
def library(isolated_data_dir: Path) -> tuple[Path, list, dict[str, bytes]]:
    """Two good retrospectives and one bad file of each kind."""
    good = [
        make_retro("good one", started=START),
        make_retro("good two", started=START - timedelta(days=1)),
    ]
    truncated_source = make_retro("to be truncated", retro_id="truncate")
    with Store(isolated_data_dir) as store:
        for retro in [*good, truncated_source]:
            store.save(retro)
    full = retro_path(isolated_data_dir, "truncate").read_bytes()
    contents: dict[str, bytes] = {}
    for retro_id, (content, _reason) in BAD_FILES.items():
        data = full[: len(full) // 2] if content is None else content
        retro_path(isolated_data_dir, retro_id).write_bytes(data)
        contents[retro_id] = data
    return isolated_data_dir, good, contents


@pytest.mark.parametrize("mode", ["write", "read", "auto"])
def test_bad_files_are_listed_as_problems_and_others_still_open(
    library: tuple[Path, list, dict[str, bytes]], mode: str
) -> None:
    data_dir, good, contents = library
    with Store(data_dir, mode=mode) as store:
        assert [s.title for s in store.summaries()] == ["good one", "good two"]
        for retro in good:
            assert store.load(retro.id) == retro
        problems = {Path(p.path).stem: p for p in store.problems}
        assert set(problems) == set(BAD_FILES)
        for retro_id, (_content, reason) in BAD_FILES.items():
            problem = problems[retro_id]
            assert isinstance(problem, UnreadableFile)
            path = retro_path(data_dir, retro_id)
            assert problem.path == path
            assert str(path) in str(problem)
            assert reason in problem.reason, (retro_id, problem.reason)
            assert "left untouched" in str(problem)
    for retro_id, data in contents.items():
        assert retro_path(data_dir, retro_id).read_bytes() == data


def test_bad_files_are_untouched_by_later_saves_and_reopens(
    library: tuple[Path, list, dict[str, bytes]],
) -> None:
    data_dir, good, contents = library
    for _ in range(2):
        with Store(data_dir) as store:
            good[0].summary = "saved again"
            store.save(good[0])
            store.save(make_retro("another"))
            assert len(store.problems) == len(BAD_FILES)
    for retro_id, data in contents.items():
        assert retro_path(data_dir, retro_id).read_bytes() == data
    assert not any((data_dir / "trash").iterdir())


def test_load_of_a_bad_file_raises_unreadable_file(
    library: tuple[Path, list, dict[str, bytes]],
) -> None:
    data_dir, _good, contents = library
    with Store(data_dir) as store:
        for retro_id, (_content, reason) in BAD_FILES.items():
            with pytest.raises(UnreadableFile) as caught:
                store.load(retro_id)
            assert caught.value.path == retro_path(data_dir, retro_id)
            assert reason in caught.value.reason
        # A unique prefix of a bad file's id says why it cannot be read, too.
        with pytest.raises(UnreadableFile):
            store.load("trunc")
    for retro_id, data in contents.items():
        assert retro_path(data_dir, retro_id).read_bytes() == data


def test_file_corrupted_after_indexing_becomes_a_problem(
    isolated_data_dir: Path,
) -> None:
    good = make_retro("stays good")
    victim = make_retro("gets truncated")
    with Store(isolated_data_dir) as store:
        store.save(good)
        store.save(victim)
    path = retro_path(isolated_data_dir, victim.id)
    damaged = path.read_bytes()[:100]
    path.write_bytes(damaged)
    with Store(isolated_data_dir) as store:
        assert [s.id for s in store.summaries()] == [good.id]
        assert [p.path for p in store.problems] == [path]
        assert "not valid JSON" in str(store.problems[0])
        assert victim.id not in store
    assert path.read_bytes() == damaged


def test_huge_number_in_a_file_is_a_problem(isolated_data_dir: Path) -> None:
    good = make_retro("good")
    bad = make_retro("bad")
    with Store(isolated_data_dir) as store:
        store.save(good)
        store.save(bad)
    path = retro_path(isolated_data_dir, bad.id)
    text = path.read_text().replace('"planned_s": 300', '"planned_s": 1e400')
    path.write_text(text)
    with Store(isolated_data_dir) as store:
        assert [s.id for s in store.summaries()] == [good.id]
        assert [p.path for p in store.problems] == [path]


# -- the index -------------------------------------------------------------


def journal(data_dir: Path) -> Path:
    return data_dir / "index.jsonl"


def saved_library(data_dir: Path, count: int = 4) -> list:
    retros = [
        make_retro(f"r{i}", started=START + timedelta(hours=i)) for i in range(count)
    ]
    with Store(data_dir) as store:
        for retro in retros:
            store.save(retro)
    return retros


def assert_nothing_lost(data_dir: Path, retros: list) -> None:
    with Store(data_dir) as store:
        assert store.problems == []
        assert sorted(s.id for s in store.summaries()) == sorted(r.id for r in retros)
        for retro in retros:
            assert store.load(retro.id) == retro
    # The rebuilt index is clean again: a header, then one line per retro.
    header, *lines = journal(data_dir).read_bytes().splitlines()
    assert json.loads(header)["sorted"] == len(retros) == len(lines)
    assert {json.loads(line)["summary"]["id"] for line in lines} == {
        r.id for r in retros
    }


def test_torn_last_index_line_is_rebuilt(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    raw = journal(isolated_data_dir).read_bytes()
    journal(isolated_data_dir).write_bytes(raw[:-40])
    assert_nothing_lost(isolated_data_dir, retros)


def test_reader_leaves_a_torn_index_alone(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    torn = journal(isolated_data_dir).read_bytes()[:-40]
    journal(isolated_data_dir).write_bytes(torn)
    with Store(isolated_data_dir, mode="read") as reader:
        assert reader.problems == []
        assert len(reader) == len(retros)
    assert journal(isolated_data_dir).read_bytes() == torn
    assert_nothing_lost(isolated_data_dir, retros)


def test_append_onto_a_torn_line_loses_nothing(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    with Store(isolated_data_dir) as store:
        raw = journal(isolated_data_dir).read_bytes()
        journal(isolated_data_dir).write_bytes(raw[:-40])
        # The next appended line is glued to the torn fragment.
        extra = make_retro("saved after the tear")
        store.save(extra)
        retros[0].summary = "edited after the tear"
        store.save(retros[0])
    assert_nothing_lost(isolated_data_dir, [*retros, extra])


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xff\xfe garbage {{{\n",
        b'{"stamp": [1, 2]}\n',
        b'{"summary": {"id": "x"}}\n',
        b'[1, 2, 3]\n"just a string"\n42\nnull\n',
        b'{"deleted": ["not", "an", "id"]}\n',
        b'{"stamp": [1, 2], "summary": {"id": "zz", "kind": "weird"}}\n',
    ],
)
def test_garbage_in_the_middle_of_the_index_is_rebuilt(
    isolated_data_dir: Path, garbage: bytes
) -> None:
    retros = saved_library(isolated_data_dir)
    lines = journal(isolated_data_dir).read_bytes().splitlines(keepends=True)
    journal(isolated_data_dir).write_bytes(b"".join([*lines[:2], garbage, *lines[2:]]))
    assert_nothing_lost(isolated_data_dir, retros)


def test_non_numeric_stamp_in_the_index_is_rebuilt(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    lines = journal(isolated_data_dir).read_bytes().splitlines(keepends=True)
    record = json.loads(lines[1])
    record["stamp"] = ["yesterday", 1]
    lines[1] = json.dumps(record).encode() + b"\n"
    journal(isolated_data_dir).write_bytes(b"".join(lines))
    assert_nothing_lost(isolated_data_dir, retros)


def test_index_entries_for_missing_files_are_dropped(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    gone = retros.pop()
    retro_path(isolated_data_dir, gone.id).unlink()
    assert_nothing_lost(isolated_data_dir, retros)


def test_index_with_stale_summary_is_corrected(isolated_data_dir: Path) -> None:
    retros = saved_library(isolated_data_dir)
    lines = journal(isolated_data_dir).read_bytes().splitlines(keepends=True)
    record = json.loads(lines[0])
    record["summary"]["title"] = "a lie"
    record["stamp"] = [0, 0]
    lines[0] = json.dumps(record).encode() + b"\n"
    journal(isolated_data_dir).write_bytes(b"".join(lines))
    assert_nothing_lost(isolated_data_dir, retros)
    with Store(isolated_data_dir, mode="read") as store:
        assert "a lie" not in [s.title for s in store.summaries()]
