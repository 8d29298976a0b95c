"""The incident library on disk: one TinyDB file per retrospective + an index.

Layout of a data directory:
    retros/<id>.json   one retrospective (TinyDB format, table "retrospective")
    trash/<id>.json    deleted retrospectives, kept so a slip can be undone
    index.jsonl        summaries for listing, see index.py
    lock               held by the one process allowed to write
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from retrotui.model.fields import ValidationError
from retrotui.model.summary import RetroSummary, newest_first, summarize
from retrotui.store import index
from retrotui.store.atomic import remove_stale_temps
from retrotui.store.errors import (
    LibraryLocked,
    NotFound,
    ReadOnly,
    StoreError,
    UnreadableFile,
)
from retrotui.store.lock import DirectoryLock
from retrotui.store.paths import prepare_dir

if TYPE_CHECKING:
    from retrotui.model.retrospective import Retrospective
    from retrotui.model.search import Hit, Query, SearchRecord

Mode = Literal["write", "read", "auto"]
TABLE = "retrospective"
DOC_ID = 1


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Open with mode "write" (refuse if another process writes), "read"
    (never write, take no lock) or "auto" (write if free, else read-only).

    `lazy` defers reading and verifying the index until something needs it
    (or `ensure_loaded` is called, from any thread), so the app can draw its
    first page from `first_page` before the whole library is read."""

    def __init__(
        self,
        data_dir: Path,
        mode: Mode = "auto",
        clock: Callable[[], datetime] = _now,
        lazy: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.retros_dir = data_dir / "retros"
        self.trash_dir = data_dir / "trash"
        self.journal_path = data_dir / index.JOURNAL_NAME
        self.clock = clock
        self.problems: list[StoreError] = []
        self.read_only_reason = ""
        self._lock = DirectoryLock(data_dir)
        self._mode = mode
        self._journal_stamp: tuple[int, int] | None = None
        self._entries: dict[str, index.Entry] = {}
        self._unreadable: dict[str, StoreError] = {}
        self._loaded = False
        self._loading = threading.Lock()
        self._search: dict[str, SearchRecord] | None = None  # read when first searched
        if data_dir.exists() and not data_dir.is_dir():
            raise StoreError(
                f"{data_dir} is a file, not a folder: give a folder for the library"
            )
        if mode != "read":
            self._open_for_writing(mode)
        else:
            self.read_only_reason = "opened for reading"
        if not lazy:
            self.ensure_loaded()

    # -- opening -----------------------------------------------------------
    def _open_for_writing(self, mode: Mode) -> None:
        prepare_dir(self.data_dir)
        prepare_dir(self.retros_dir, library_part=True)
        prepare_dir(self.trash_dir, library_part=True)
        if not self._lock.try_acquire():
            holder = self._lock.holder()
            if mode == "write":
                raise LibraryLocked(self.data_dir, holder)
            self.read_only_reason = f"another retrotui ({holder}) has it open"

    def ensure_loaded(self) -> None:
        """Read and verify the index now, if that has not happened yet.
        Safe to call from a worker thread while the UI shows `first_page`."""
        if not self._loaded:
            self._reload(only_if_unloaded=True)

    def _reload(self, only_if_unloaded: bool = False) -> None:
        with self._loading:
            if only_if_unloaded and self._loaded:
                return  # another thread read it while this one waited
            if not self.read_only:
                remove_stale_temps(self.retros_dir)
                remove_stale_temps(self.data_dir)
            self._load_index()
            self._search = None  # re-read, against the new index, when next searched
            self._loaded = True

    @property
    def search_path(self) -> Path:
        # Imported here: the search journal is not needed to open a library.
        from retrotui.store.search_index import SEARCH_NAME

        return self.data_dir / SEARCH_NAME

    @property
    def loaded(self) -> bool:
        return self._loaded

    def first_page(self, count: int) -> list[RetroSummary]:
        """The newest `count` summaries, fast: before the index is loaded they
        come from the head of the compacted journal (unverified: the files
        are checked by `ensure_loaded`); otherwise from the loaded index."""
        if not self._loaded:
            head = index.read_head(self.journal_path, count)
            if head is not None:
                return head
        return self.summaries()[:count]

    def _stamp_journal(self) -> tuple[int, int] | None:
        try:
            return index.stamp_of(self.journal_path)
        except OSError:
            return None

    def try_upgrade(self) -> bool:
        """A read-only store opened in "auto" mode becomes writable once the
        other writer has gone; the library is re-read. True if it did."""
        if not self.read_only or self._mode != "auto" or not self._lock.try_acquire():
            return False
        self.read_only_reason = ""
        self._reload()
        return True

    def reload_if_changed(self) -> bool:
        """Re-read the index if another process changed it (read-only use)."""
        if self._loaded and self._stamp_journal() == self._journal_stamp:
            return False
        self._reload()
        return True

    @property
    def read_only(self) -> bool:
        return not self._lock.held

    def close(self) -> None:
        self._lock.release()
        self.read_only_reason = "the library was closed"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _path(self, retro_id: str) -> Path:
        return self.retros_dir / f"{retro_id}.json"

    def _retro_files(self) -> list[tuple[str, str, tuple[int, int]]]:
        try:
            entries = list(os.scandir(self.retros_dir))
        except FileNotFoundError:
            return []
        found = []
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                try:
                    status = entry.stat()
                except OSError:
                    continue
                stamp = (status.st_mtime_ns, status.st_size)
                found.append((entry.name[:-5], entry.path, stamp))
        return found

    def _load_index(self) -> None:
        # Built aside and swapped in at the end: readers never see half.
        entries: dict[str, index.Entry] = {}
        unreadable: dict[str, StoreError] = {}
        problems: list[StoreError] = []
        journal_stamp = self._stamp_journal()
        # Listing and stat-ing the files releases the GIL: it overlaps with
        # parsing the journal, which does not.
        listed: list[list[tuple[str, str, tuple[int, int]]]] = []
        lister = threading.Thread(target=lambda: listed.append(self._retro_files()))
        lister.start()
        try:
            journal = index.read_journal(self.journal_path)
        finally:
            lister.join()
        if not listed:  # the listing failed: do it here, where errors show
            listed.append(self._retro_files())
        files = listed[0]
        changed = journal.damaged
        for retro_id, path, stamp in files:
            entry = journal.entries.get(retro_id)
            if entry is not None and entry.stamp == stamp:
                entries[retro_id] = entry
                continue
            changed = True
            try:
                retro = self._read(Path(path))
            except StoreError as problem:
                problems.append(problem)
                unreadable[retro_id] = problem
                continue
            entries[retro_id] = index.Entry(summarize(retro), stamp)
        changed = changed or len(journal.entries) != len(entries)
        # Appended lines past the sorted head slow `first_page` down.
        unsorted = journal.unsorted_lines > index.HEAD_TAIL_LINES
        unsorted = unsorted or (bool(entries) and not journal.headed)
        if (changed or unsorted) and not self.read_only:
            index.compact(self.journal_path, entries)
            journal_stamp = self._stamp_journal()
        self._entries, self._unreadable = entries, unreadable
        self.problems, self._journal_stamp = problems, journal_stamp

    # -- reading -----------------------------------------------------------
    def _read(self, path: Path) -> Retrospective:
        # Imported here: listing the library at start-up needs neither.
        from tinydb import TinyDB

        from retrotui.model.serialize import from_document
        from retrotui.store.storage import AtomicJSONStorage

        with TinyDB(path, storage=AtomicJSONStorage) as db:
            document = db.table(TABLE, cache_size=0).get(doc_id=DOC_ID)
        if document is None:
            raise UnreadableFile(path, "no retrospective in this file")
        try:
            retro = from_document(dict(document))
        except ValidationError as error:
            raise UnreadableFile(path, str(error)) from None
        if retro.id != path.stem:
            raise UnreadableFile(
                path, f"holds retrospective {retro.id!r}, not {path.stem!r}"
            )
        return retro

    def summaries(self) -> list[RetroSummary]:
        """Every readable retrospective, newest incident first."""
        self.ensure_loaded()
        return newest_first([entry.summary for entry in self._entries.values()])

    def summary(self, retro_id: str) -> RetroSummary | None:
        self.ensure_loaded()
        entry = self._entries.get(retro_id)
        return entry.summary if entry else None

    def __len__(self) -> int:
        self.ensure_loaded()
        return len(self._entries)

    def __contains__(self, retro_id: object) -> bool:
        self.ensure_loaded()
        return retro_id in self._entries

    def resolve(self, id_or_prefix: str) -> str:
        """A full id from an id or an unambiguous prefix of one (as git does)."""
        self.ensure_loaded()
        wanted = id_or_prefix.strip()
        if wanted not in self._entries and wanted.lower() in self._entries:
            wanted = wanted.lower()  # ids are lower-case hex; people type either
        if wanted in self._entries:
            return wanted
        if wanted in self._unreadable:
            raise self._unreadable[wanted]
        known = [*self._entries, *self._unreadable]
        matches = sorted(
            i for i in known if wanted and i.lower().startswith(wanted.lower())
        )
        if len(matches) == 1:
            if matches[0] in self._unreadable:
                raise self._unreadable[matches[0]]
            return matches[0]
        if matches:
            raise NotFound(
                f"{wanted!r} matches several retrospectives: {', '.join(matches)}"
            )
        raise NotFound(f"no retrospective with id {wanted!r} (see `retrotui list`)")

    def load(self, retro_id: str) -> Retrospective:
        path = self._path(self.resolve(retro_id))
        return self._read(path)

    def load_with_open_actions(self, exclude: str | None = None) -> list[Retrospective]:
        """Every readable retrospective that has open action items (the
        index says which, so the others are not read)."""
        found = []
        for summary in self.summaries():
            if summary.open_actions and summary.id != exclude:
                try:
                    found.append(self.load(summary.id))
                except StoreError as problem:
                    self.problems.append(problem)
        return found

    # -- writing -----------------------------------------------------------
    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnly(self.read_only_reason)
        # A write before the index is read would race the reading of it.
        self.ensure_loaded()

    def save(
        self, retro: Retrospective, keep_timestamps: bool = False
    ) -> dict[str, Any]:
        """Write one retrospective; the cost does not grow with the library.
        Returns the document written (to_document of the retrospective).

        `keep_timestamps` is for imports, which must store what they read."""
        from retrotui.model.retrospective import EPOCH
        from retrotui.model.serialize import from_document, to_document
        from retrotui.store.storage import AtomicJSONStorage

        self._require_writable()
        if not keep_timestamps:
            now = self.clock()
            if retro.created == EPOCH:
                retro.created = now
            retro.updated = now
        document = to_document(retro)
        try:
            # Never write what could not be read back.
            from_document(document)
        except ValidationError as error:
            raise StoreError(f"not saved: {error}") from None
        path = self._path(retro.id)
        # One atomic write of the whole TinyDB-format file. TinyDB's upsert
        # would write a new file twice (an empty table first), and a crash
        # between the two would leave a file with no retrospective in it.
        AtomicJSONStorage(path).write({TABLE: {str(DOC_ID): document}})
        entry = index.Entry(summarize(retro), index.stamp_of(path))
        index.append_entry(self.journal_path, entry)
        self._journal_stamp = self._stamp_journal()
        self._entries[retro.id] = entry
        self._unreadable.pop(retro.id, None)
        self._index_text(retro, entry.stamp)
        return document

    def delete(self, retro_id: str) -> Path:
        """Move a retrospective to the trash folder; returns where it went."""
        self._require_writable()
        full_id = self.resolve(retro_id)
        target = self.trash_dir / f"{full_id}.json"
        self._path(full_id).replace(target)
        index.append_tombstone(self.journal_path, full_id)
        self._journal_stamp = self._stamp_journal()
        del self._entries[full_id]
        from retrotui.store import search_index

        search_index.append(self.search_path, search_index.tombstone_line(full_id))
        if self._search is not None:
            self._search.pop(full_id, None)
        return target

    # -- search ------------------------------------------------------------
    def _index_text(self, retro: Retrospective, stamp: tuple[int, int]) -> None:
        from retrotui.model.search import SearchRecord, record_text
        from retrotui.store import search_index

        title, body = record_text(retro)
        search_index.append(
            self.search_path, search_index.record_line(retro.id, stamp, title, body)
        )
        if self._search is not None:
            self._search[retro.id] = SearchRecord(retro.id, title, body)

    def search_records(self) -> dict[str, SearchRecord]:
        """Every readable retrospective's text, for search. Read from the
        search journal the first time; entries that do not match their file
        are rebuilt from it. Safe to call from a worker thread."""
        from retrotui.model.search import SearchRecord, record_text
        from retrotui.store import search_index

        self.ensure_loaded()
        with self._loading:
            if self._search is not None:
                return dict(self._search)
            lines, count = search_index.read_search(self.search_path)
            records: dict[str, SearchRecord] = {}
            fresh: dict[str, search_index.SearchLine] = {}
            changed = False
            for retro_id, entry in self._entries.items():
                line = lines.get(retro_id)
                if line is None or line.stamp != entry.stamp:
                    changed = True
                    try:
                        retro = self._read(self._path(retro_id))
                    except StoreError:
                        continue  # named by the index load already
                    title, body = record_text(retro)
                    line = search_index.SearchLine(entry.stamp, title, body)
                fresh[retro_id] = line
                records[retro_id] = SearchRecord(retro_id, line.title, line.body)
            grown = count > 2 * len(fresh) + 64
            if (changed or grown or len(lines) != len(fresh)) and not self.read_only:
                search_index.compact(self.search_path, fresh)
            self._search = records
            return dict(records)

    def search(self, query: Query, limit: int | None = None) -> list[Hit]:
        """Ranked hits with snippets (see model.search)."""
        from retrotui.model.search import search

        records = self.search_records()
        summaries = {i: e.summary for i, e in list(self._entries.items())}
        return search(records, summaries, query, limit)
