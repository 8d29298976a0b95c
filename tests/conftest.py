"""Shield every test from the developer's machine: a fresh data dir, no
user config, and a fixed clock where a test asks for one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("RETROTUI_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield data_dir
