"""Export and copy from inside the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select
from ui_support import TODAY, screen_text

from retrotui.app import RetroApp, make_app
from retrotui.dialogs.export import ExportDialog
from retrotui.export.markdown import render
from retrotui.importers.markdown import parse
from retrotui.store import Store

SIZE = (100, 30)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def test_export_from_the_library_with_the_default_path(
    demo_app: RetroApp, demo_store: Store, in_tmp: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        dialog = demo_app.screen
        assert isinstance(dialog, ExportDialog)
        path = dialog.query_one("#path", Input)
        assert path.value == str(in_tmp / "2026-11-26-checkout-5xx-after-deploy.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(str(in_tmp) in str(n.message) for n in demo_app._notifications)
    written = in_tmp / "2026-11-26-checkout-5xx-after-deploy.md"
    assert parse(written.read_text()) == demo_store.load("c4e7a2d9")


async def test_export_as_html_to_a_typed_path(demo_app: RetroApp, in_tmp: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "e")
        dialog = demo_app.screen
        dialog.query_one("#format", Select).value = "html"
        await pilot.pause()
        path = dialog.query_one("#path", Input)
        assert path.value.endswith("2026-10-17-search-index-rebuild-stalled.html")
        path.value = "reports/search.html"
        await pilot.press("ctrl+s")
        await pilot.pause()
    html = (in_tmp / "reports" / "search.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Search index rebuild stalled" in html


async def test_an_unwritable_path_is_said_plainly(
    demo_app: RetroApp, in_tmp: Path
) -> None:
    (in_tmp / "occupied").write_text("a file, not a folder")
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        demo_app.screen.query_one("#path", Input).value = str(
            in_tmp / "occupied" / "x.md"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = " ".join(str(n.message) for n in demo_app._notifications)
        assert "occupied" in messages


async def test_copy_markdown_from_the_summary(demo_store: Store) -> None:
    app = make_app(demo_store, today=lambda: TODAY, open_retro="c4e7a2d9", mode="draft")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        assert "c copy markdown" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
    assert copied == [render(demo_store.load("c4e7a2d9"))]
