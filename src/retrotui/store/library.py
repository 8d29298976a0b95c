"""The incident library on disk: one TinyDB file per retrospective + an index.

Layout of a data directory:
    retros/<id>.json   one retrospective (TinyDB format, table "retrospective")
    trash/<id>.json    deleted retrospectives, kept so a slip can be undone
    index.jsonl        summaries for listing, see index.py
    lock               held by the one process allowed to write
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from tinydb import TinyDB
from tinydb.table import Document

from retrotui.model import (
    EPOCH,
    Retrospective,
    RetroSummary,
    ValidationError,
    from_document,
    newest_first,
    summarize,
    to_document,
)
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
from retrotui.store.storage import AtomicJSONStorage

Mode = Literal["write", "read", "auto"]
TABLE = "retrospective"
DOC_ID = 1


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Open with mode "write" (refuse if another process writes), "read"
    (never write, take no lock) or "auto" (write if free, else read-only)."""

    def __init__(
        self,
        data_dir: Path,
        mode: Mode = "auto",
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.data_dir = data_dir
        self.retros_dir = data_dir / "retros"
        self.trash_dir = data_dir / "trash"
        self.journal_path = data_dir / index.JOURNAL_NAME
        self.clock = clock
        self.problems: list[StoreError] = []
        self.read_only_reason = ""
        self._lock = DirectoryLock(data_dir)
        self._entries: dict[str, index.Entry] = {}
        if mode != "read":
            self._open_for_writing(mode)
        else:
            self.read_only_reason = "opened for reading"
        self._load_index()

    # -- opening -----------------------------------------------------------
    def _open_for_writing(self, mode: Mode) -> None:
        for folder in (self.data_dir, self.retros_dir, self.trash_dir):
            prepare_dir(folder)
        if not self._lock.try_acquire():
            holder = self._lock.holder()
            if mode == "write":
                raise LibraryLocked(self.data_dir, holder)
            self.read_only_reason = f"another retrotui ({holder}) has it open"
            return
        remove_stale_temps(self.retros_dir)
        remove_stale_temps(self.data_dir)

    @property
    def read_only(self) -> bool:
        return not self._lock.held

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _path(self, retro_id: str) -> Path:
        return self.retros_dir / f"{retro_id}.json"

    def _load_index(self) -> None:
        journal = index.read_journal(self.journal_path)
        changed = journal.damaged
        files = (
            sorted(self.retros_dir.glob("*.json")) if self.retros_dir.is_dir() else []
        )
        for path in files:
            retro_id = path.stem
            entry = journal.entries.get(retro_id)
            try:
                stamp = index.stamp_of(path)
            except OSError:
                continue
            if entry is not None and entry.stamp == stamp:
                self._entries[retro_id] = entry
                continue
            changed = True
            try:
                retro = self._read(path)
            except StoreError as problem:
                self.problems.append(problem)
                continue
            self._entries[retro_id] = index.Entry(summarize(retro), stamp)
        changed = changed or len(journal.entries) != len(self._entries)
        grown = journal.lines > 2 * len(self._entries) + 64
        if (changed or grown) and not self.read_only:
            index.compact(self.journal_path, self._entries)

    # -- reading -----------------------------------------------------------
    def _read(self, path: Path) -> Retrospective:
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
        return newest_first([entry.summary for entry in self._entries.values()])

    def summary(self, retro_id: str) -> RetroSummary | None:
        entry = self._entries.get(retro_id)
        return entry.summary if entry else None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, retro_id: object) -> bool:
        return retro_id in self._entries

    def resolve(self, id_or_prefix: str) -> str:
        """A full id from an id or an unambiguous prefix of one (as git does)."""
        wanted = id_or_prefix.strip()
        if wanted in self._entries:
            return wanted
        matches = sorted(i for i in self._entries if wanted and i.startswith(wanted))
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFound(
                f"{wanted!r} matches several retrospectives: {', '.join(matches)}"
            )
        raise NotFound(f"no retrospective with id {wanted!r} (see `retrotui list`)")

    def load(self, retro_id: str) -> Retrospective:
        path = self._path(self.resolve(retro_id))
        return self._read(path)

    # -- writing -----------------------------------------------------------
    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnly(self.read_only_reason)

    def save(self, retro: Retrospective) -> None:
        """Write one retrospective; the cost does not grow with the library."""
        self._require_writable()
        now = self.clock()
        if retro.created == EPOCH:
            retro.created = now
        retro.updated = now
        path = self._path(retro.id)
        with TinyDB(path, storage=AtomicJSONStorage) as db:
            db.table(TABLE, cache_size=0).upsert(
                Document(to_document(retro), doc_id=DOC_ID)
            )
        entry = index.Entry(summarize(retro), index.stamp_of(path))
        index.append_entry(self.journal_path, entry)
        self._entries[retro.id] = entry

    def delete(self, retro_id: str) -> Path:
        """Move a retrospective to the trash folder; returns where it went."""
        self._require_writable()
        full_id = self.resolve(retro_id)
        target = self.trash_dir / f"{full_id}.json"
        self._path(full_id).replace(target)
        index.append_tombstone(self.journal_path, full_id)
        del self._entries[full_id]
        return target
