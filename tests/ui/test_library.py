"""The library screen driven through Pilot, as a facilitator would use it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_support import TODAY, screen_text

from retrotui.app import RetroApp, make_app
from retrotui.dialogs.confirm import ConfirmDialog
from retrotui.dialogs.new_retro import NewRetroDialog
from retrotui.dialogs.start import StartDialog
from retrotui.model import Kind, Retrospective, Severity
from retrotui.screens.library import LOAD_DELAY_S, LibraryScreen
from retrotui.screens.session import SessionScreen
from retrotui.store import Store
from retrotui.widgets.library_table import LibraryTable

SIZE = (100, 30)


def _row_ids(app: RetroApp) -> list[str]:
    return app.screen.query_one(LibraryTable).row_ids


async def test_lists_newest_first_with_overdue_counts(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(demo_app.screen, LibraryScreen)
        assert _row_ids(demo_app) == ["c4e7a2d9", "5ea4c1b0", "9b3f07e1"]
        text = screen_text(demo_app)
        assert "Checkout 5xx after deploy" in text
        assert "1 overdue" in text
        # The preview follows the cursor.
        await pilot.press("down")
        assert "Search index rebuild stalled" in str(
            demo_app.screen.query_one("#details").render()
        )


async def test_create_through_the_form(demo_app: RetroApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(demo_app.screen, NewRetroDialog)
        await pilot.press(*"DNS")
        dialog = demo_app.screen
        dialog.query_one("#title", Input).value += " outage in eu-west"
        dialog.query_one("#started", Input).value = "2026-11-27 09:15"
        dialog.query_one("#ended", Input).value = "10:02"
        dialog.query_one("#timezone", Input).value = "Europe/Berlin"
        dialog.query_one("#tags", Input).value = "infrastructure, third-party"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, LibraryScreen)
        created = [
            s for s in demo_store.summaries() if s.title == "DNS outage in eu-west"
        ]
        assert len(created) == 1
        retro = demo_store.load(created[0].id)
        assert retro.tags == ["infrastructure", "third-party"]
        assert retro.started is not None and retro.started.hour == 8  # 09:15 CET
        # The new one is newest, so it is first and under the cursor.
        assert _row_ids(demo_app)[0] == retro.id
        assert demo_app.screen.query_one(LibraryTable).selected_id == retro.id
    # It is on disk, not only in memory.
    assert Store(demo_store.data_dir, mode="read").load(retro.id).title == retro.title


async def test_form_says_what_is_wrong_and_saves_nothing(
    demo_app: RetroApp, demo_store: Store
) -> None:
    before = len(demo_store)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.press("enter")  # empty title
        error = demo_app.screen.query_one("#form-error")
        assert "Title: a title is required" in str(error.render())
        demo_app.screen.query_one("#title", Input).value = "Queue backlog"
        demo_app.screen.query_one("#started", Input).value = "yesterday-ish"
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, NewRetroDialog)
        assert "Started: 'yesterday-ish' is not a time" in str(error.render())
        assert demo_app.screen.query_one("#started").has_class("invalid")
        demo_app.screen.query_one("#started", Input).value = "2026-11-27 10:00"
        demo_app.screen.query_one("#ended", Input).value = "09:00"
        await pilot.press("ctrl+s")
        assert "cannot end before it started" in str(error.render())
        await pilot.press("escape")
        assert isinstance(demo_app.screen, LibraryScreen)
    assert len(demo_store) == before


async def test_open_asks_how_to_run_it(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(demo_app.screen, StartDialog)
        assert demo_app.screen.retro.id == "c4e7a2d9"
        await pilot.press("escape")
        assert isinstance(demo_app.screen, LibraryScreen)
        await pilot.press("f")
        assert isinstance(demo_app.screen, SessionScreen)
        assert not demo_app.screen.drafting
        assert "Automate certifica" in screen_text(demo_app)
        await pilot.press("escape")
        assert isinstance(demo_app.screen, LibraryScreen)
        await pilot.press("r")
        assert isinstance(demo_app.screen, SessionScreen) and demo_app.screen.drafting


async def test_delete_asks_first(demo_app: RetroApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "d")
        assert isinstance(demo_app.screen, ConfirmDialog)
        assert "Search index rebuild stalled" in demo_app.screen.question
        await pilot.press("n")
        assert "5ea4c1b0" in demo_store
        await pilot.press("d", "y")
        await pilot.pause()
        assert "5ea4c1b0" not in demo_store
        assert _row_ids(demo_app) == ["c4e7a2d9", "9b3f07e1"]
        # The cursor stays where the deleted row was.
        assert demo_app.screen.query_one(LibraryTable).selected_id == "9b3f07e1"
    assert (demo_store.data_dir / "trash" / "5ea4c1b0.json").exists()
    assert "5ea4c1b0" not in Store(demo_store.data_dir, mode="read")


async def test_user_text_is_shown_literally(empty_store: Store) -> None:
    title = "[red]x[/red] [bold]not bold"
    empty_store.save(
        Retrospective(title=title, kind=Kind.NEAR_MISS, severity=Severity.SEV1)
    )
    app = make_app(empty_store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert title in screen_text(app)
        await pilot.press("r", "6")
        assert title in screen_text(app)  # the summary's heading


async def test_empty_library_explains_what_to_do(empty_store: Store) -> None:
    app = make_app(empty_store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No retrospectives yet" in text
        assert "Delete" not in text and "Open" not in text  # keys that do nothing
        await pilot.press("enter", "d", "f")  # nothing to open or delete: no crash
        assert isinstance(app.screen, LibraryScreen)


async def test_read_only_when_another_writer_holds_the_library(
    demo_store: Store,
) -> None:
    second = Store(demo_store.data_dir, mode="auto")
    assert second.read_only
    app = make_app(second, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "READ-ONLY" in screen_text(app)
        assert "another retrotui" in screen_text(app)
        assert "New" not in screen_text(app).splitlines()[-1]  # hidden keys
        await pilot.press("n")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("d")
        assert isinstance(app.screen, LibraryScreen)
        # Another writer adds a retrospective: the read-only view follows.
        demo_store.save(Retrospective(title="Added by the writer"))
        app.screen._watch_other_writer()
        assert "Added by the writer" in screen_text(app)
        # The writer closes the library: this one takes over.
        demo_store.close()
        app.screen._watch_other_writer()
        await pilot.pause()
        assert not app.store.read_only
        assert "READ-ONLY" not in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, NewRetroDialog)
    assert len(Store(demo_store.data_dir, mode="read")) == 4


async def test_many_unreadable_files_do_not_push_the_library_away(
    demo_store: Store,
) -> None:
    for n in range(25):
        (demo_store.data_dir / "retros" / f"bad{n:02d}.json").write_bytes(b"garbage")
    demo_store.close()
    store = Store(demo_store.data_dir, mode="write")
    app = make_app(store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Skipped 25 files that could not be read" in text
        assert "Checkout 5xx after deploy" in text
        assert "Incident library" in text
    store.close()


async def test_unreadable_file_is_named_and_the_rest_listed(demo_store: Store) -> None:
    bad = demo_store.data_dir / "retros" / "deadbeef.json"
    bad.write_bytes(b'{"retrospective": {"1": {"schema_version": 1, "retro')
    demo_store.close()
    store = Store(demo_store.data_dir, mode="write")
    app = make_app(store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notice = str(app.screen.query_one("#notice").render())
        assert "deadbeef.json" in notice and "not valid JSON" in notice
        assert len(_row_ids(app)) == 3
    store.close()
    assert bad.read_bytes().endswith(b'"retro')


async def test_command_palette_offers_the_main_actions(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"new retro")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, NewRetroDialog)


def test_styles_are_found(tmp_path: Path) -> None:
    for sheet in RetroApp.CSS_PATH:
        assert Path(sheet).is_file(), sheet


async def test_lazy_library_shows_the_first_page_then_everything(
    demo_store: Store,
) -> None:
    """As `retrotui` opens it: the newest rows first, the whole library and
    the check of every file just after, off the UI thread."""
    demo_store.close()
    Store(demo_store.data_dir, mode="write").close()  # the index, compacted
    bad = demo_store.data_dir / "retros" / "deadbeef.json"
    bad.write_bytes(b"{torn")
    store = Store(demo_store.data_dir, mode="write", lazy=True)
    app = make_app(store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert not store.loaded
        assert _row_ids(app) == ["c4e7a2d9", "5ea4c1b0", "9b3f07e1"]
        assert "Checkout 5xx after deploy" in screen_text(app)
        await pilot.pause(LOAD_DELAY_S + 0.1)  # the load starts after the frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.loaded
        assert "deadbeef.json" in str(app.screen.query_one("#notice").render())
        assert _row_ids(app) == ["c4e7a2d9", "5ea4c1b0", "9b3f07e1"]
    store.close()
