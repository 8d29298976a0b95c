"""Search through a real Store: every part is found, edits and deletes show,
and the search journal (search.tsv) is a cache that rebuilds itself."""

from __future__ import annotations

import json
import os
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import START, StepClock, make_retro, snapshot

from retrotui.model import (
    Impact,
    Retrospective,
    WhyChain,
)
from retrotui.model.search import Hit, SearchRecord, parse_query
from retrotui.store import Store

JOURNAL = "search.tsv"


def library_retros() -> list[Retrospective]:
    """Three retrospectives; the first has a unique word in every part."""
    first = make_retro("Checkout 5xx after deploy", retro_id="aaaaaaaaaaaa")
    first.timeline[2].text = "quokka sightings in the error log"
    first.factors[0].text = "Wombat cache had no eviction limit"
    first.why_chains = [
        WhyChain(problem="Why did it page?", whys=["Because the platypus queue grew"])
    ]
    first.actions[0].title = "Put an echidna in front of the cache"
    first.impact = Impact(users_affected="every dingo customer in the EU")
    first.summary = "A summary mentioning the numbat."
    first.facilitator = "zanzibar"
    second = make_retro(
        "Database failover stalled",
        retro_id="bbbbbbbbbbbb",
        started=START - timedelta(days=30),
        summary="The replica was promoted by hand.",
    )
    third = make_retro(
        "Expired certificate",
        retro_id="cccccccccccc",
        started=START - timedelta(days=60),
        summary="A renewal cron had stopped; caught before expiry.",
    )
    return [first, second, third]


def seed(data_dir: Path) -> list[Retrospective]:
    retros = library_retros()
    with Store(data_dir, mode="write", clock=StepClock()) as store:
        for retro in retros:
            store.save(retro)
    return retros


def find(store: Store, text: str) -> list[str]:
    return [hit.id for hit in store.search(parse_query(text))]


def results(store: Store, *queries: str) -> list[list[Hit]]:
    """Hits with their snippets, which Hit equality leaves out."""
    found = []
    for text in queries:
        hits = store.search(parse_query(text))
        found.append([(h.id, h.score, h.snippet) for h in hits])
    return found


QUERIES = (
    "quokka",
    "wombat",
    "platypus",
    "echidna",
    "dingo",
    "numbat",
    "zanzibar",
    "deploy",
    "replica",
    "canary",
    "",
    "tag:deploy",
)


@pytest.mark.parametrize(
    ("word", "where"),
    [
        ("quokka", "timeline 3"),
        ("wombat", "factor 1"),
        ("platypus", "5 whys 1, why 1"),
        ("echidna", "action 1"),
        ("dingo", "impact, users affected"),
        ("numbat", "summary"),
        ("zanzibar", "facilitator"),
        ("checkout", "title"),
    ],
)
def test_search_finds_text_from_every_part(
    isolated_data_dir: Path, word: str, where: str
) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as store:
        hits = store.search(parse_query(word))
        assert [h.id for h in hits] == ["aaaaaaaaaaaa"]
        assert hits[0].snippet is not None
        assert hits[0].snippet.where == where
        assert word in hits[0].snippet.text.lower()


def test_search_in_the_store_that_saved(isolated_data_dir: Path) -> None:
    with Store(isolated_data_dir, mode="write", clock=StepClock()) as store:
        for retro in library_retros():
            store.save(retro)
        assert find(store, "quokka") == ["aaaaaaaaaaaa"]
        assert find(store, "") == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]
        assert find(store, "replica") == ["bbbbbbbbbbbb"]


@pytest.mark.parametrize("searched_first", [False, True])
def test_an_edit_is_found_and_the_old_text_is_not(
    isolated_data_dir: Path, searched_first: bool
) -> None:
    retros = seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write", clock=StepClock()) as store:
        if searched_first:  # the in-memory records are then updated on save
            assert find(store, "quokka") == ["aaaaaaaaaaaa"]
        retro = store.load(retros[0].id)
        retro.timeline[2].text = "a kookaburra in the error log"
        retro.title = "Checkout errors after a release"
        store.save(retro)
        assert find(store, "quokka") == []
        assert find(store, "kookaburra") == ["aaaaaaaaaaaa"]
        assert find(store, "checkout release") == ["aaaaaaaaaaaa"]
        assert find(store, '"after deploy"') == []
    with Store(isolated_data_dir, mode="read") as reopened:
        assert find(reopened, "quokka") == []
        assert find(reopened, "kookaburra") == ["aaaaaaaaaaaa"]
        assert find(reopened, '"after deploy"') == []


@pytest.mark.parametrize("searched_first", [False, True])
def test_a_deleted_retrospective_is_not_found(
    isolated_data_dir: Path, searched_first: bool
) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as store:
        if searched_first:
            assert find(store, "replica") == ["bbbbbbbbbbbb"]
        store.delete("bbbbbbbbbbbb")
        assert find(store, "replica") == []
        assert find(store, "") == ["aaaaaaaaaaaa", "cccccccccccc"]
    with Store(isolated_data_dir, mode="read") as reopened:
        assert find(reopened, "replica") == []
        assert "bbbbbbbbbbbb" not in reopened.search_records()
    with Store(isolated_data_dir, mode="write") as writer:
        assert find(writer, "replica") == []
        assert find(writer, "") == ["aaaaaaaaaaaa", "cccccccccccc"]


def test_a_saved_again_after_delete_is_found_again(isolated_data_dir: Path) -> None:
    retros = seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as store:
        store.delete("bbbbbbbbbbbb")
        store.save(retros[1])
        assert find(store, "replica") == ["bbbbbbbbbbbb"]
    with Store(isolated_data_dir, mode="read") as reopened:
        assert find(reopened, "replica") == ["bbbbbbbbbbbb"]


def test_a_deleted_journal_is_rebuilt_with_the_same_results(
    isolated_data_dir: Path,
) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="read") as store:
        before = results(store, *QUERIES)
    journal = isolated_data_dir / JOURNAL
    journal.unlink()
    with Store(isolated_data_dir, mode="write") as store:
        assert results(store, *QUERIES) == before
    assert journal.is_file()
    lines = journal.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 4  # one line each, complete
    with Store(isolated_data_dir, mode="read") as store:
        assert results(store, *QUERIES) == before


def cut_points(journal: Path) -> dict[str, int]:
    """Offsets inside the journal's last line: in its stamp, its title, its body."""
    raw = journal.read_bytes()
    start = raw.rstrip(b"\n").rfind(b"\n") + 1
    tabs = [start + i for i, c in enumerate(raw[start:]) if c == 9]
    return {
        "stamp": tabs[0] + 3,
        "title": tabs[2] + 3,
        "body": len(raw) - 20,
    }


@pytest.mark.parametrize(
    "where",
    [
        "stamp",
        "title",
        "body",
    ],
)
def test_a_journal_torn_mid_line_is_rebuilt_with_the_same_results(
    isolated_data_dir: Path, where: str
) -> None:
    seed(isolated_data_dir)
    # The first retrospective is saved again last: its line ends the journal
    # and its facilitator ("zanzibar") ends the line.
    with Store(isolated_data_dir, mode="write", clock=StepClock()) as store:
        retro = store.load("aaaaaaaaaaaa")
        store.save(retro)
        before = results(store, *QUERIES)
    journal = isolated_data_dir / JOURNAL
    assert journal.read_bytes().rstrip(b"\n").endswith(b"zanzibar")
    raw = journal.read_bytes()
    journal.write_bytes(raw[: cut_points(journal)[where]])  # a crash mid-append
    with Store(isolated_data_dir, mode="read") as store:
        assert results(store, *QUERIES) == before
    with Store(isolated_data_dir, mode="write") as store:
        assert results(store, *QUERIES) == before
    with Store(isolated_data_dir, mode="read") as store:
        assert results(store, *QUERIES) == before


def test_garbage_in_the_journal_is_ignored(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="read") as store:
        before = results(store, *QUERIES)
    journal = isolated_data_dir / JOURNAL
    with journal.open("ab") as f:
        f.write(b"\xff\xfe not a line\n\t\t\t\t\nzzzz\tx\ty\tt\tb\nnoid\t-\n\n")
    with Store(isolated_data_dir, mode="write") as store:
        assert results(store, *QUERIES) == before
    with Store(isolated_data_dir, mode="read") as store:
        assert results(store, *QUERIES) == before


def test_a_stale_journal_line_is_not_trusted(isolated_data_dir: Path) -> None:
    """A line whose stamp does not match its file is rebuilt from the file."""
    seed(isolated_data_dir)
    journal = isolated_data_dir / JOURNAL
    raw = journal.read_text(encoding="utf-8")
    forged = raw.replace("Database failover stalled", "Forged title")
    forged = forged.replace("bbbbbbbbbbbb\t", "bbbbbbbbbbbb\t1", 1)  # another mtime
    journal.write_text(forged, encoding="utf-8")
    with Store(isolated_data_dir, mode="read") as store:
        assert find(store, "forged") == []
        assert find(store, "failover") == ["bbbbbbbbbbbb"]


def edit_behind_the_back(data_dir: Path, retro_id: str, old: str, new: str) -> None:
    path = data_dir / "retros" / f"{retro_id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data)
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    # Make sure the file's stamp changes even on a coarse clock.
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def test_a_file_edited_behind_the_stores_back_is_read_again(
    isolated_data_dir: Path,
) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="read") as store:
        assert find(store, "replica") == ["bbbbbbbbbbbb"]
    edit_behind_the_back(
        isolated_data_dir,
        "bbbbbbbbbbbb",
        "The replica was promoted by hand.",
        "The standby was promoted by a very tired script.",
    )
    for mode in ("read", "write", "read"):
        with Store(isolated_data_dir, mode=mode) as store:  # type: ignore[arg-type]
            assert find(store, "replica") == [], mode
            assert find(store, "standby tired") == ["bbbbbbbbbbbb"], mode


def test_a_second_reading_store_sees_the_same_results(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as writer:
        mine = results(writer, *QUERIES)
        with Store(isolated_data_dir, mode="read") as reader:
            assert reader.read_only
            assert results(reader, *QUERIES) == mine
        # A reader opened before any search journal exists builds the same.
        (isolated_data_dir / JOURNAL).unlink()
        with Store(isolated_data_dir, mode="read") as reader:
            assert results(reader, *QUERIES) == mine
            assert not (isolated_data_dir / JOURNAL).exists()  # it never writes


def test_a_reading_store_changes_no_file(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir)
    journal = isolated_data_dir / JOURNAL
    journal.write_bytes(journal.read_bytes()[:-30])
    before = snapshot(isolated_data_dir)
    with Store(isolated_data_dir, mode="read") as store:
        results(store, *QUERIES)
    assert snapshot(isolated_data_dir) == before


def test_search_records_is_safe_to_call_twice(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir)
    with Store(isolated_data_dir, mode="write") as store:
        first = store.search_records()
        size = (isolated_data_dir / JOURNAL).stat().st_size
        second = store.search_records()
        assert first == second
        assert set(first) == {"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}
        assert all(isinstance(r, SearchRecord) for r in first.values())
        assert first["aaaaaaaaaaaa"].title == "Checkout 5xx after deploy"
        # The caller's copy is its own: changing it changes nothing in the store.
        first.clear()
        assert store.search_records() == second
        assert (isolated_data_dir / JOURNAL).stat().st_size == size
        assert find(store, "quokka") == ["aaaaaaaaaaaa"]


def test_search_records_from_several_threads_at_once(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir)
    (isolated_data_dir / JOURNAL).unlink()
    with Store(isolated_data_dir, mode="write", lazy=True) as store:
        found: list[dict[str, SearchRecord]] = []
        errors: list[BaseException] = []

        def work() -> None:
            try:
                found.append(store.search_records())
            except BaseException as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert not errors
        assert len(found) == 8
        assert all(records == found[0] for records in found)
        assert len(found[0]) == 3


def test_an_empty_library_searches_to_nothing(isolated_data_dir: Path) -> None:
    with Store(isolated_data_dir, mode="write") as store:
        assert store.search_records() == {}
        assert find(store, "anything") == []
        assert find(store, "") == []
    with Store(isolated_data_dir / "never-made", mode="read") as store:
        assert find(store, "") == []


def test_hostile_text_survives_the_journal(isolated_data_dir: Path) -> None:
    retro = make_retro(
        "Tab\there\nnewline \x1b[31mred | pipe [b]bold[/b]", retro_id="dddddddddddd"
    )
    retro.summary = (
        "line one\nline two\ttabbed\r\n\x1e\x1f end\u2028sep " + "x" * 100_000
    )
    with Store(isolated_data_dir, mode="write") as store:
        store.save(retro)
    journal = (isolated_data_dir / JOURNAL).read_bytes()
    assert journal.count(b"\n") == 1
    with Store(isolated_data_dir, mode="read") as store:
        record = store.search_records()["dddddddddddd"]
        assert record.title == "Tab here newline  [31mred | pipe [b]bold[/b]"
        assert find(store, '"line two tabbed"') == ["dddddddddddd"]
        assert find(store, "[b]bold[/b]") == ["dddddddddddd"]
        hit = store.search(parse_query("sep"))[0]
        assert hit.snippet is not None and hit.snippet.where == "summary"
