"""A TinyDB storage that writes atomically and reads with clear errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from retrotui.store.atomic import write_atomic
from retrotui.store.errors import UnreadableFile

_compact = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(", ", ": ")
).encode


def readable_json(value: object, indent: str = "") -> str:
    """JSON with objects indented and each list item on one line of its own:
    a timeline reads one event per line and diffs one event per line.

    json.dumps(indent=...) runs the pure-Python encoder, which took seconds
    for a timeline of 100,000 imported events; this indents the few outer
    objects in Python and encodes each list item with the C encoder."""
    if isinstance(value, dict) and value:
        inner = indent + " "
        items = [
            f"{inner}{_compact(key)}: {readable_json(value[key], inner)}"
            for key in sorted(value)
        ]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list) and value:
        inner = "\n" + indent + " "
        return "[" + inner + ("," + inner).join(map(_compact, value)) + f"\n{indent}]"
    return _compact(value)


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
        write_atomic(self.path, readable_json(data).encode("utf-8") + b"\n")

    def close(self) -> None:
        pass
