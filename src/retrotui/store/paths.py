"""Where the library lives: --data-dir, then RETROTUI_DATA_DIR, then the
platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "RETROTUI_DATA_DIR"
DIR_MODE = 0o700


def resolve_data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: it is not needed when a folder is given

    return Path(platformdirs.user_data_dir("retrotui"))


def prepare_dir(folder: Path) -> None:
    """Create the folder 0700; an existing one only loses group/other access
    (never gains write access a person took away on purpose)."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    mode = folder.stat().st_mode & 0o777
    if mode & 0o077:
        folder.chmod(mode & 0o700)
