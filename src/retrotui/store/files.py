"""Files outside the library: exports written and Markdown files read."""

from __future__ import annotations

from pathlib import Path

from retrotui.store.atomic import write_atomic
from retrotui.store.errors import StoreError


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise StoreError(f"{path}: {error.strerror or error}") from None


def write_if_changed(path: Path, text: str) -> bool:
    """Write atomically unless the file already holds exactly this text, so a
    re-export leaves unchanged files (and their timestamps) alone."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as error:
        raise StoreError(f"{path}: {error.strerror or error}") from None
    try:
        write_atomic(path, data)
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error.strerror or error}") from None
    return True


def remove_stale(folder: Path, names: set[str]) -> int:
    """Remove files of an earlier export (named by its index) that this one
    no longer writes. Nothing else in the folder is touched."""
    removed = 0
    for name in names:
        path = folder / name
        if path.parent == folder and path.is_file():
            path.unlink()
            removed += 1
    return removed


def prepare_export_dir(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create {folder}: {error.strerror or error}") from None


def read_import_source(path: Path) -> list[tuple[str, str]]:
    """(name, text) for a file, or for every day file (*.json) of a Slack
    export folder, in name order."""
    if path.is_dir():
        # Day files live in channel folders; channels.json, users.json and
        # the like at the top of an export are not messages.
        files = sorted(
            p for p in path.rglob("*.json") if p.is_file() and p.parent != path
        )
        if not files:
            files = sorted(
                p
                for p in path.glob("*.json")
                if p.is_file() and p.name not in SLACK_META
            )
        if not files:
            raise StoreError(
                f"{path}: a folder with no .json day files (not a Slack export)"
            )
        return [(str(p), _decode(p)) for p in files]
    return [(str(path), _decode(path))]


SLACK_META = {
    "channels.json",
    "users.json",
    "integration_logs.json",
    "groups.json",
    "dms.json",
    "mpims.json",
    "canvases.json",
}


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(f"{path}: {error.strerror or error}") from None
    if b"\x00" in raw[:65536]:
        raise StoreError(f"{path}: a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreError(f"{path}: not UTF-8 text (byte {error.start})") from None
