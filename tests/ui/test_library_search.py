"""Search as you type, the insights screen and the year-ago look-back,
driven through Pilot as a facilitator would."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static
from ui_support import TODAY, screen_text

from retrotui.app import RetroApp, make_app
from retrotui.model import Kind, Severity
from retrotui.screens.library import LibraryScreen
from retrotui.screens.session import SessionScreen
from retrotui.screens.stats import StatsScreen
from retrotui.store import Store
from retrotui.widgets.library_table import LibraryTable
from retrotui.widgets.month_plot import MonthPlot

SIZE = (100, 30)


def _rows(app: RetroApp) -> list[str]:
    return app.screen.query_one(LibraryTable).row_ids


async def _settle(pilot) -> None:
    await pilot.pause(0.3)  # past the typing pause
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_results_follow_the_typing(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        box = demo_app.screen.query_one("#search", Input)
        assert demo_app.focused is box
        await pilot.press(*"cert")
        await _settle(pilot)
        assert _rows(demo_app) == ["9b3f07e1"]
        table = demo_app.screen.query_one(LibraryTable)
        assert table.border_title == "1 match"
        details = str(demo_app.screen.query_one("#details").render())
        assert "certificate" in details.lower()
        # Wider again: every word must match, so deleting one widens it.
        await pilot.press(*"ificate partner")
        await _settle(pilot)
        assert _rows(demo_app) == ["9b3f07e1"]
        await pilot.press(*" zzzz")
        await _settle(pilot)
        assert _rows(demo_app) == []
        assert "Nothing matches" in screen_text(demo_app)
        # Letters typed in the box never trigger the screen's keys.
        assert isinstance(demo_app.screen, LibraryScreen)


async def test_filters_in_the_box_and_bad_ones_said(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"kind:near-miss")
        await _settle(pilot)
        assert _rows(demo_app) == ["9b3f07e1"]
        box = demo_app.screen.query_one("#search", Input)
        box.value = "sev:SEV9"
        await _settle(pilot)
        assert "unknown severity" in str(box.border_subtitle)
        # A filter still being typed keeps the last results on screen.
        assert _rows(demo_app) == ["9b3f07e1"]


async def test_emptying_the_box_shows_everything_again(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        everything = _rows(demo_app)
        await pilot.press("slash", *"deploy")
        await _settle(pilot)
        assert len(_rows(demo_app)) < len(everything)
        await pilot.press(*["backspace"] * 6)
        await _settle(pilot)
        assert _rows(demo_app) == everything  # newest first, as without a search
        assert demo_app.screen.query_one(LibraryTable).border_title is None
        assert not demo_app.workers._workers  # nothing left running


async def test_the_best_match_is_highlighted_and_down_reaches_it(
    demo_app: RetroApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the cursor away from the top
        await pilot.press("slash", *"customers")
        await _settle(pilot)
        table = demo_app.screen.query_one(LibraryTable)
        assert table.cursor == 0
        await pilot.press("down")
        assert demo_app.focused is table


async def test_escape_clears_and_enter_goes_to_the_results(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        everything = _rows(demo_app)
        await pilot.press("slash", *"search index")
        await _settle(pilot)
        assert _rows(demo_app) == ["5ea4c1b0"]
        await pilot.press("enter")
        assert isinstance(demo_app.focused, LibraryTable)
        assert isinstance(demo_app.screen, LibraryScreen)  # not opened yet
        await pilot.press("escape")
        await pilot.pause()
        assert not demo_app.screen.query("#search")
        assert _rows(demo_app) == everything


async def test_a_search_stays_applied_after_a_change(
    demo_app: RetroApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"stampede")
        await _settle(pilot)
        assert _rows(demo_app) == []
        retro = demo_store.load("5ea4c1b0")
        retro.summary += " A cache stampede followed."
        demo_store.save(retro)
        demo_app.screen.refresh_rows()
        await _settle(pilot)
        assert _rows(demo_app) == ["5ea4c1b0"]


async def test_stats_screen_shows_the_library(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = demo_app.screen
        assert isinstance(screen, StatsScreen)
        found = screen.found
        assert (found.total, found.incidents, found.near_misses) == (3, 2, 1)
        text = screen_text(demo_app)
        assert "3 retrospectives" in text and "Time to detect" in text
        assert "Share by tag" in str(screen.query_one("#tags", Static).render())
        assert "Action items" in str(screen.query_one("#actions", Static).render())
        assert "ESCALATE" in str(screen.query_one("#escalations", Static).render())
        months = screen.query_one("#plot-month", MonthPlot).values
        assert months == [m.total for m in found.months] and sum(months) == 3
        await pilot.press("escape")
        assert isinstance(demo_app.screen, LibraryScreen)


async def test_a_year_ago_is_offered_for_a_re_read(demo_store: Store) -> None:
    old = demo_store.load("5ea4c1b0")
    old.id = "0ld0ld0ld0ld"[:12]
    old.title = "Payments queue backlog"
    old.kind, old.severity = Kind.INCIDENT, Severity.SEV2
    old.started = old.started.replace(
        year=TODAY.year - 1, month=TODAY.month, day=TODAY.day
    ) + timedelta(days=3)
    for item in old.actions:
        item.origin = old.id
    demo_store.save(old)
    app = make_app(demo_store, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#anniversary", Static).render())
        assert "about a year ago" in line and "Payments queue backlog" in line
        before = (demo_store.retros_dir / f"{old.id}.json").read_bytes()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.retro.id == old.id
        await pilot.press("escape")
        await pilot.pause()
        # Re-reading changes nothing, not even the "updated" time.
        assert (demo_store.retros_dir / f"{old.id}.json").read_bytes() == before


async def test_no_look_back_without_one(demo_app: RetroApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not demo_app.screen.query("#anniversary")
        await pilot.press("y")
        assert isinstance(demo_app.screen, LibraryScreen)
