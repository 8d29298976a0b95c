"""Persistence: the only part of retrotui that touches the data files."""

from retrotui.store.errors import (
    LibraryLocked,
    NotFound,
    ReadOnly,
    StoreError,
    UnreadableFile,
)
from retrotui.store.library import Store
from retrotui.store.paths import ENV_VAR, resolve_data_dir

__all__ = [
    "ENV_VAR",
    "LibraryLocked",
    "NotFound",
    "ReadOnly",
    "Store",
    "StoreError",
    "UnreadableFile",
    "resolve_data_dir",
]
