"""Snapshots of the key screens at the facilitator's 100x30.

The library shows its folder, so the snapshots use one fixed folder.
Update after an intended change with `pytest --snapshot-update`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ui_support import TODAY

from retrotui.app import RetroApp, make_app
from retrotui.demo import build_demo
from retrotui.store import Store

FOLDER = Path("/tmp/retrotui-snapshot-library")
SIZE = (100, 30)


@pytest.fixture
def snapshot_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[RetroApp]:
    monkeypatch.delenv("TZ", raising=False)  # the form's default zone
    shutil.rmtree(FOLDER, ignore_errors=True)
    store = Store(FOLDER, mode="write")
    for retro in build_demo(TODAY):
        store.save(retro)
    yield make_app(store, today=lambda: TODAY)
    store.close()
    shutil.rmtree(FOLDER, ignore_errors=True)


def test_library_screen(snap_compare, snapshot_app: RetroApp) -> None:
    assert snap_compare(snapshot_app, terminal_size=SIZE)


def test_new_retrospective_form(snap_compare, snapshot_app: RetroApp) -> None:
    async def fill(pilot) -> None:
        await pilot.pause()
        await pilot.press("n", *"Cache stampede", "tab", "tab", "tab", *"nope", "enter")

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=fill)


def _session_app(mode: str) -> Iterator[RetroApp]:
    shutil.rmtree(FOLDER, ignore_errors=True)
    store = Store(FOLDER, mode="write")
    for retro in build_demo(TODAY):
        store.save(retro)
    clock = lambda: datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # noqa: E731
    yield make_app(
        store, today=lambda: TODAY, clock=clock, open_retro="c4e7a2d9", mode=mode
    )
    store.close()
    shutil.rmtree(FOLDER, ignore_errors=True)


@pytest.fixture
def facilitated_app() -> Iterator[RetroApp]:
    yield from _session_app("facilitate")


@pytest.fixture
def drafting_app() -> Iterator[RetroApp]:
    yield from _session_app("draft")


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5", "6"])
def test_every_phase_facilitated(
    snap_compare, facilitated_app: RetroApp, key: str
) -> None:
    async def go(pilot) -> None:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()

    assert snap_compare(facilitated_app, terminal_size=SIZE, run_before=go)


def test_drafting_mode(snap_compare, drafting_app: RetroApp) -> None:
    async def go(pilot) -> None:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()

    assert snap_compare(drafting_app, terminal_size=SIZE, run_before=go)


def test_start_dialog(snap_compare, snapshot_app: RetroApp) -> None:
    async def go(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=go)


def test_stats_screen(snap_compare, snapshot_app: RetroApp) -> None:
    async def open_stats(pilot) -> None:
        await pilot.pause()
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=open_stats)


def test_library_search(snap_compare, snapshot_app: RetroApp) -> None:
    async def search(pilot) -> None:
        await pilot.pause()
        await pilot.press("slash", *"canary")
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=search)
