"""A TinyDB storage that writes atomically and reads with clear errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from retrotui.store.atomic import write_atomic
from retrotui.store.errors import UnreadableFile


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise UnreadableFile(self.path, error.strerror or str(error)) from None
        if not raw.strip():
            raise UnreadableFile(self.path, "the file is empty")
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            raise UnreadableFile(self.path, "the file is not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise UnreadableFile(
                self.path,
                f"not valid JSON (line {error.lineno}, column {error.colno}: "
                f"{error.msg})",
            ) from None
        if not isinstance(data, dict):
            raise UnreadableFile(self.path, "not a retrotui data file")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.path, payload.encode("utf-8") + b"\n")

    def close(self) -> None:
        pass
