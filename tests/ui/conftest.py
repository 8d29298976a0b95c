"""UI fixtures: a demo library on disk and the app built by the real factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_support import TODAY

from retrotui.app import RetroApp, make_app
from retrotui.demo import build_demo
from retrotui.store import Store


@pytest.fixture
def demo_store(isolated_data_dir: Path) -> Iterator[Store]:
    store = Store(isolated_data_dir, mode="write")
    for retro in build_demo(TODAY):
        store.save(retro)
    yield store
    store.close()


@pytest.fixture
def empty_store(isolated_data_dir: Path) -> Iterator[Store]:
    store = Store(isolated_data_dir, mode="write")
    yield store
    store.close()


@pytest.fixture
def demo_app(demo_store: Store) -> RetroApp:
    return make_app(demo_store, today=lambda: TODAY)
