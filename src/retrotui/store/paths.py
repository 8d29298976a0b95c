"""Where the library lives: --data-dir, then RETROTUI_DATA_DIR, then the
platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "RETROTUI_DATA_DIR"
DIR_MODE = 0o700
# What a retrotui library folder contains; see library.py.
LIBRARY_MARKERS = ("retros", "index.jsonl", "lock")


def resolve_data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: it is not needed when a folder is given

    return Path(platformdirs.user_data_dir("retrotui"))


def prepare_dir(folder: Path, library_part: bool = False) -> None:
    """Create the folder 0700. An existing folder is only tightened (group and
    other access removed, never write access added) when it already holds a
    library: `--data-dir ~` must not lock down someone's home folder."""
    existed = folder.is_dir()
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    is_library = library_part or any(
        (folder / name).exists() for name in LIBRARY_MARKERS
    )
    if existed and not is_library:
        return
    mode = folder.stat().st_mode & 0o777
    if mode & 0o077:
        folder.chmod(mode & 0o700)
