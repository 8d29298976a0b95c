"""The library index: an append-only journal of retrospective summaries.

Rewriting one index file on every save would make a save cost grow with the
library. Appending one line keeps it constant; the journal is compacted when
the library is opened and the journal has grown well past the live entries.
Every entry carries the (mtime, size) of its file, so an entry that does not
match the file on disk is simply recomputed: the index is a cache, never the
only copy of anything.

Compaction writes the entries newest first under a header line
`{"sorted": N, "bytes": B}` (N entries in B bytes; appended lines follow).
That lets the library screen show its first page after reading a few lines,
whatever the library's size (`read_head`), and verify the rest after the
first frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from retrotui.model.summary import (
    RetroSummary,
    newest_first,
    summary_from_dict,
    summary_to_dict,
)
from retrotui.store.atomic import append_durable, write_atomic

JOURNAL_NAME = "index.jsonl"


@dataclass(frozen=True)
class Entry:
    summary: RetroSummary
    stamp: tuple[int, int]  # (st_mtime_ns, st_size) of the retrospective file


@dataclass
class Journal:
    entries: dict[str, Entry]
    unsorted_lines: int  # lines outside the sorted head (all, if no header)
    damaged: bool
    headed: bool = False  # written by `compact`, so `read_head` can be used


def stamp_of(path: Path) -> tuple[int, int]:
    status = path.stat()
    return (status.st_mtime_ns, status.st_size)


def entry_line(entry: Entry) -> bytes:
    record = {"stamp": list(entry.stamp), "summary": summary_to_dict(entry.summary)}
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def tombstone_line(retro_id: str) -> bytes:
    return json.dumps({"deleted": retro_id}).encode("utf-8") + b"\n"


def _records(lines: list[bytes]) -> tuple[list[object], bool]:
    """Parse every line; one json.loads over the whole journal is several
    times faster than one per line, so that is tried first."""
    try:
        return json.loads(b"[" + b",".join(lines) + b"]"), False
    except ValueError:
        pass
    records: list[object] = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            continue  # a torn append from a crash, or a hand edit
    return records, True


def read_journal(path: Path) -> Journal:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Journal({}, 0, damaged=False)
    lines = [line for line in raw.split(b"\n") if line.strip()]
    records, damaged = _records(lines)
    entries: dict[str, Entry] = {}
    unsorted = len(lines)
    headed = False
    for record in records:
        try:
            if "sorted" in record:  # type: ignore[operator]
                unsorted -= 1 + int(record["sorted"])  # type: ignore[index]
                headed = True
                continue
            if "deleted" in record:  # type: ignore[operator]
                entries.pop(record["deleted"], None)  # type: ignore[index]
                continue
            mtime, size = record["stamp"]  # type: ignore[index]
            stamp = (int(mtime), int(size))
            summary = summary_from_dict(record["summary"])  # type: ignore[index]
        except (ValueError, KeyError, TypeError, OverflowError):
            damaged = True  # recomputed from the files
            continue
        entries[summary.id] = Entry(summary, stamp)
    return Journal(entries, max(unsorted, 0), damaged, headed)


def append_entry(path: Path, entry: Entry) -> None:
    append_durable(path, entry_line(entry))


def append_tombstone(path: Path, retro_id: str) -> None:
    append_durable(path, tombstone_line(retro_id))


def compact(path: Path, entries: dict[str, Entry]) -> None:
    by_id = {entry.summary.id: entry for entry in entries.values()}
    ordered = newest_first([entry.summary for entry in entries.values()])
    body = b"".join(entry_line(by_id[summary.id]) for summary in ordered)
    header = json.dumps({"sorted": len(ordered), "bytes": len(body)}).encode()
    write_atomic(path, header + b"\n" + body)


# Appended lines are parsed whole by read_head; past this it is no longer
# cheap, and the caller reads the whole index instead. Opening the library
# compacts a journal with more appended lines than HEAD_TAIL_LINES.
HEAD_TAIL_LIMIT = 256 * 1024
HEAD_TAIL_LINES = 64


def read_head(path: Path, count: int) -> list[RetroSummary] | None:
    """The newest `count` summaries, reading only the first lines of a
    compacted journal and the lines appended since. None when that shortcut
    does not apply (no header, a long or damaged tail): read the journal."""
    try:
        with path.open("rb") as journal:
            first = journal.readline()
            header = json.loads(first)
            sorted_count, body_bytes = int(header["sorted"]), int(header["bytes"])
            journal.seek(len(first) + body_bytes)
            tail = journal.read(HEAD_TAIL_LIMIT + 1)
            if len(tail) > HEAD_TAIL_LIMIT or (tail and not tail.endswith(b"\n")):
                return None
            replaced: set[str] = set()
            newer: dict[str, RetroSummary] = {}
            for line in tail.splitlines():
                record = json.loads(line)
                if "deleted" in record:
                    replaced.add(record["deleted"])
                    newer.pop(record["deleted"], None)
                    continue
                summary = summary_from_dict(record["summary"])
                replaced.add(summary.id)
                newer[summary.id] = summary
            journal.seek(len(first))
            head: list[RetroSummary] = []
            for _ in range(min(sorted_count, count + len(replaced))):
                line = journal.readline()
                if not line.endswith(b"\n"):
                    return None
                summary = summary_from_dict(json.loads(line)["summary"])
                if summary.id not in replaced:
                    head.append(summary)
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return None
    return newest_first([*head, *newer.values()])[:count]
