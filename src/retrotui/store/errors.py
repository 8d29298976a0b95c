"""What can go wrong with the library on disk, each with a message for people."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the data directory, said in one line."""


class UnreadableFile(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason} (the file was left untouched)")
        self.path = path
        self.reason = reason


class LibraryLocked(StoreError):
    def __init__(self, data_dir: Path, holder: str) -> None:
        super().__init__(
            f"the library {data_dir} is open in another retrotui ({holder}); "
            "close that one first"
        )
        self.data_dir = data_dir
        self.holder = holder


class ReadOnly(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"the library is read-only: {reason}")
        self.reason = reason


class NotFound(StoreError):
    pass
