"""The search journal: each retrospective's text, flattened, one line each.

Search reads this one file rather than every retrospective. Like the index
it is a cache keyed by each file's (mtime, size): an entry that does not
match is rebuilt from the file, so the journal is appended to without an
fsync (a line lost in a crash is simply rebuilt) and compacted when the
search first needs it after it has grown.

A line is `id TAB mtime_ns TAB size TAB title TAB body`; a deleted
retrospective is `id TAB -`. Titles and bodies hold no tabs or newlines
(search_fields replaced control characters with spaces).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from retrotui.store.atomic import write_atomic

SEARCH_NAME = "search.tsv"


@dataclass(frozen=True, slots=True)
class SearchLine:
    stamp: tuple[int, int]
    title: str
    body: str


def record_line(retro_id: str, stamp: tuple[int, int], title: str, body: str) -> bytes:
    return f"{retro_id}\t{stamp[0]}\t{stamp[1]}\t{title}\t{body}\n".encode()


def tombstone_line(retro_id: str) -> bytes:
    return f"{retro_id}\t-\n".encode()


def read_search(path: Path) -> tuple[dict[str, SearchLine], int]:
    """Every live entry, and how many lines the journal has."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return {}, 0
    entries: dict[str, SearchLine] = {}
    lines = text.split("\n")
    # The last line is torn (a crash while appending) unless a newline ends
    # it: leaving it out has it rebuilt from the file.
    for line in lines[:-1]:
        parts = line.split("\t", 4)
        if len(parts) == 2 and parts[1] == "-":
            entries.pop(parts[0], None)
        elif len(parts) == 5:
            try:
                stamp = (int(parts[1]), int(parts[2]))
            except ValueError:
                continue  # a torn line: rebuilt from the file
            entries[parts[0]] = SearchLine(stamp, parts[3], parts[4])
    return entries, len(lines)


def append(path: Path, line: bytes) -> None:
    # No fsync: the journal is a cache checked against the files (see above).
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "ab") as journal:
        journal.write(line)


def compact(path: Path, entries: dict[str, SearchLine]) -> None:
    write_atomic(
        path,
        b"".join(
            record_line(retro_id, e.stamp, e.title, e.body)
            for retro_id, e in entries.items()
        ),
    )
