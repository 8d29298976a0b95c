"""The library index: an append-only journal of retrospective summaries.

Rewriting one index file on every save would make a save cost grow with the
library. Appending one line keeps it constant; the journal is compacted when
the library is opened and the journal has grown well past the live entries.
Every entry carries the (mtime, size) of its file, so an entry that does not
match the file on disk is simply recomputed: the index is a cache, never the
only copy of anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from retrotui.model.summary import RetroSummary, summary_from_dict, summary_to_dict
from retrotui.store.atomic import append_durable, write_atomic

JOURNAL_NAME = "index.jsonl"


@dataclass(frozen=True)
class Entry:
    summary: RetroSummary
    stamp: tuple[int, int]  # (st_mtime_ns, st_size) of the retrospective file


@dataclass
class Journal:
    entries: dict[str, Entry]
    lines: int
    damaged: bool


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
    for record in records:
        try:
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
    return Journal(entries, len(lines), damaged)


def append_entry(path: Path, entry: Entry) -> None:
    append_durable(path, entry_line(entry))


def append_tombstone(path: Path, retro_id: str) -> None:
    append_durable(path, tombstone_line(retro_id))


def compact(path: Path, entries: dict[str, Entry]) -> None:
    write_atomic(path, b"".join(entry_line(e) for e in entries.values()))
