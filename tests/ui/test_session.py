"""A whole retrospective driven through Pilot with a fake clock (no sleeps)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import Digits, Input
from ui_support import TODAY, screen_text

from retrotui.app import RetroApp, make_app
from retrotui.dialogs.start import StartDialog
from retrotui.model import ActionStatus, Criterion, Phase, Retrospective
from retrotui.screens.library import LibraryScreen
from retrotui.screens.session import SessionScreen
from retrotui.store import Store
from retrotui.widgets.clock import ClockPanel

SIZE = (100, 30)
CHECKOUT = "c4e7a2d9"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def session_app(
    store: Store, clock: FakeClock, mode: str = "facilitate", retro: str = CHECKOUT
) -> RetroApp:
    return make_app(
        store, today=lambda: TODAY, clock=clock, open_retro=retro, mode=mode
    )


def clock_text(app: RetroApp) -> str:
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    screen.tick()
    return screen.query_one(Digits).value


def section(app: RetroApp) -> str:
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    return screen.query_one("#phase-content").current  # type: ignore[attr-defined]


async def test_a_facilitated_session_runs_on_the_clock(demo_store: Store) -> None:
    clock = FakeClock()
    app = session_app(demo_store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert section(app) == "review"
        assert clock_text(app) == "05:00"
        await pilot.press("space")
        clock.advance(60)
        assert clock_text(app) == "04:00"
        panel = app.screen.query_one(ClockPanel)
        assert panel.has_class("-running")

        clock.advance(3 * 60 + 30)  # 30 s left: amber
        assert clock_text(app) == "00:30"
        assert panel.has_class("-ending")

        clock.advance(45)  # 15 s over: red, counting up
        assert clock_text(app) == "+00:15"
        assert panel.has_class("-overtime")
        await pilot.pause()
        assert "Time is up" in " ".join(str(n.message) for n in app._notifications)

        await pilot.press("plus")  # +5 min
        assert clock_text(app) == "04:45"
        assert panel.has_class("-running")

        await pilot.press("space")  # pause holds
        clock.advance(600)
        assert clock_text(app) == "04:45"
        assert panel.has_class("-paused")

        await pilot.press("n")
        assert section(app) == "timeline"
        assert clock_text(app) == "15:00"
        review = next(r for r in app.screen.retro.phases if r.phase is Phase.REVIEW)
        assert review.spent_s == 315 and review.extended_s == 300

        await pilot.press("space")
        clock.advance(18 * 60)
        assert clock_text(app) == "+03:00"
        await pilot.press("n", "n", "n", "n")
        assert section(app) == "summary"
        assert not app.screen.query_one(ClockPanel).display
        text = screen_text(app)
        assert "Timeline ran over: 18 of 15 min" in text
    # Everything was saved as it happened.
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    timeline = next(r for r in saved.phases if r.phase is Phase.TIMELINE)
    assert round(timeline.spent_s) == 18 * 60
    assert saved.timer.running is False


async def test_the_clock_resumes_paused_after_a_restart(demo_store: Store) -> None:
    clock = FakeClock()
    app = session_app(demo_store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "space")
        clock.advance(7 * 60 + 5)
        app.screen.clock.checkpoint()  # what the 10-second checkpoint does
        app.screen.save()
        clock.advance(20)
        # Simulate a crash: the app goes away without pausing or saving.
        app.screen.save = lambda: None  # type: ignore[method-assign]
        app.screen.on_unmount = lambda: None  # type: ignore[method-assign]
    on_disk = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert on_disk.timer.running is True and on_disk.timer.phase is Phase.TIMELINE

    clock.advance(3600)  # reopened an hour later
    again = session_app(demo_store, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert section(again) == "timeline"
        assert clock_text(again) == "07:55"  # the last checkpoint, paused
        assert again.screen.query_one(ClockPanel).has_class("-paused")
        clock.advance(60)
        assert clock_text(again) == "07:55"


async def test_drafting_mode_has_no_clock_and_jumps_freely(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query(ClockPanel)
        assert "DRAFTING" in screen_text(app)
        await pilot.press("5")
        assert section(app) == "actions"
        await pilot.press("2")
        assert section(app) == "timeline"
        await pilot.press("space")  # no clock: nothing happens
        assert app.screen.retro.timer.running is False
        assert "start/pause" not in screen_text(app)


async def test_timeline_quick_add_parses_orders_and_refuses_bad_input(
    demo_store: Store,
) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    path = demo_store.data_dir / "retros" / f"{CHECKOUT}.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a")
        quick = app.screen.query_one("#quick-add", Input)
        assert app.focused is quick
        before = path.read_bytes()
        for bad, message in (
            ("25:99 alert broken", "is not a valid time"),
            ("yesterday alert x", "is not a time"),
            ("14:50 alert", "say what happened"),
        ):
            quick.value = bad
            await pilot.press("enter")
            assert message in str(app.screen.query_one("#quick-error").render())
            assert path.read_bytes() == before  # nothing saved
            assert quick.value == bad  # nothing lost either
        quick.value = "14:50 on-call Secondary paged !detection"
        await pilot.press("enter")
        quick.value = "2026-11-26 13:59 deploy Canary of api v2.31 started"
        await pilot.press("enter")
        quick.value = "2026-11-26T13:20:00+00:00 chat Someone asked about latency"
        await pilot.press("enter")
        await pilot.press("escape")
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    times = [e.time for e in saved.timeline]
    assert times == sorted(times)
    texts = [e.text for e in saved.timeline]
    assert texts[0] == "Canary of api v2.31 started"  # 13:59 Berlin, before 14:03
    assert "Someone asked about latency" in texts  # 14:20 Berlin
    paged = next(e for e in saved.timeline if e.text == "Secondary paged")
    assert paged.source.value == "on-call" and paged.marker.value == "detection"
    assert len(saved.timeline) == 23


async def test_marker_cycling_and_delete_are_saved(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "m")
        assert app.screen.retro.timeline[1].marker.value == "trigger"
        await pilot.press("d", "y")
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert len(saved.timeline) == 19
    assert all(e.id != "ev02" for e in saved.timeline)


async def test_the_sixth_action_item_is_refused(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.press("a")
        dialog = app.screen
        dialog.query_one(
            "#title", Input
        ).value = "Add pool metrics to the checkout dashboard"
        dialog.query_one("#owner", Input).value = "Marco"
        dialog.query_one("#due", Input).value = "+2w"
        await pilot.press("ctrl+s")
        retro = app.screen.retro
        assert len(retro.actions) == 5
        assert retro.actions[-1].due == TODAY + timedelta(days=14)
        await pilot.press("a")
        assert isinstance(app.screen, SessionScreen)  # no dialog for a 6th
        await pilot.pause()
        assert any(
            "Prioritise, drop or merge" in str(n.message) for n in app._notifications
        )
        assert len(retro.actions) == 5
        # Dropping one makes room again.
        await pilot.press("x")
        assert retro.actions[-1].status is ActionStatus.DONE
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert len(saved.actions) == 5


async def test_an_item_without_owner_or_date_is_a_wish(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "a")
        app.screen.query_one("#title", Input).value = "Be more careful with queries"
        await pilot.press("ctrl+s")
        assert "a wish" in screen_text(app)
        await pilot.press("6")
        warnings = str(app.screen.query_one("#warnings").render())
        assert (
            "“Be more careful with queries” is a wish: it needs an owner and a due date"
            in warnings
        )


async def test_review_marks_items_in_the_earlier_retrospective(
    demo_store: Store,
) -> None:
    app = session_app(demo_store, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert section(app) == "review"
        text = screen_text(app)
        assert "Automate certifica" in text and "2 overdue" in text
        await pilot.press("x")  # the first (most overdue) item is done
        await pilot.press("down", "r")
        app.screen.query_one(
            "#reason", Input
        ).value = "Replaced by the new alerting project"
        await pilot.press("enter")
        # 2 done + 1 now; 6 open - 2; 1 dropped + 1: 3 of 7 done.
        assert "Library completion: 43% done (3 of 7; 2 dropped)" in screen_text(app)
    store = Store(demo_store.data_dir, mode="read")
    certificate = store.load("9b3f07e1")
    assert certificate.actions[0].status is ActionStatus.DONE
    assert certificate.actions[0].closed_on == TODAY
    search = store.load("5ea4c1b0")
    dropped = next(a for a in search.actions if a.id == "sa1")
    assert dropped.status is ActionStatus.DROPPED
    assert dropped.drop_reason == "Replaced by the new alerting project"
    log = store.load(CHECKOUT).review_log
    assert [(o.item_id, o.status) for o in log] == [
        ("ca1", ActionStatus.DONE),
        ("sa1", ActionStatus.DROPPED),
    ]


async def test_impact_is_saved_while_typing(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert app.focused is None  # n and p still move on
        await pilot.press("tab", "end")
        await pilot.press(*" (est.)")
        await pilot.pause(0.6)  # the save waits for a pause in typing
        on_disk = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
        assert on_disk.impact.users_affected.endswith("traffic) (est.)")
        await pilot.press("escape", "n")
        assert section(app) == "factors"


async def test_start_dialog_sets_criteria_plan_and_mode(demo_store: Store) -> None:
    bare = Retrospective(title="Queue backlog", criteria=[])
    bare.ended = FakeClock().now - timedelta(days=5)
    demo_store.save(bare)
    app = make_app(demo_store, today=lambda: TODAY, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press(
            "enter"
        )  # the newest: "Queue backlog" has no start, sorts by created
        assert isinstance(app.screen, StartDialog)
        text = screen_text(app)
        assert "No 'when to run' criterion is ticked" in text
        assert "ended 5 days ago" in text
        app.screen.query_one("#c-repeat-pattern").value = True
        await pilot.pause()
        assert "No 'when to run'" not in screen_text(app)
        app.screen.query_one("#m-timeline", Input).value = "25"
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, SessionScreen) and app.screen.drafting
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
    saved = Store(demo_store.data_dir, mode="read").load(bare.id)
    assert saved.criteria == [Criterion.REPEAT_PATTERN]
    assert (
        next(r for r in saved.phases if r.phase is Phase.TIMELINE).planned_s == 25 * 60
    )


async def test_edit_an_event_through_its_dialog(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "e")
        dialog = app.screen
        dialog.query_one("#time", Input).value = "14:61"
        await pilot.press("ctrl+s")
        assert "Time: '14:61' is not a valid time" in str(
            dialog.query_one("#form-error").render()
        )
        dialog.query_one("#time", Input).value = "15:30"
        dialog.query_one("#text", Input).value = "Deploy finished (moved)"
        await pilot.press("ctrl+s")
        retro = app.screen.retro
        moved = next(e for e in retro.timeline if e.id == "ev02")
        assert moved.text == "Deploy finished (moved)"
        assert retro.timeline.index(moved) == 17  # after 15:25, before 15:40
        assert app.screen.query_one("#events").cursor == 17


async def test_factors_and_a_short_why_chain_get_a_hint(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        dialog = app.screen
        dialog.query_one("#category", Input).value = "capacity"
        dialog.query_one(
            "#text", Input
        ).value = "The payments-db pool size was set for last year's traffic"
        await pilot.press("ctrl+s")
        await pilot.press("w")
        dialog = app.screen
        dialog.query_one("#problem", Input).value = "Checkout failed"
        dialog.query_one("#why1", Input).value = "The pool was exhausted"
        dialog.query_one("#why3", Input).value = "A gap"
        await pilot.press("ctrl+s")
        assert "why 2 is empty" in str(dialog.query_one("#form-error").render())
        dialog.query_one("#why3", Input).value = ""
        await pilot.press("ctrl+s")
        hint = str(app.screen.query_one("#chain-hint").render())
        assert "“Checkout failed”: Stopped at the proximate cause?" in hint
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert saved.factors[-1].category == "capacity"
    assert saved.why_chains[-1].whys == ["The pool was exhausted"]


async def test_keys_that_work_while_typing_and_fields_that_keep_their_text(
    demo_store: Store,
) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "tab")
        await pilot.press(*"; more")  # appends: focus does not select the text
        field = app.screen.query_one("#users_affected", Input)
        assert field.value.endswith("traffic); more")
        assert "+ 5 min" not in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+right")  # moves on even inside a field
        assert section(app) == "factors"


async def test_details_are_editable_in_a_session(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        dialog.query_one("#participants", Input).value = "Priya, Marco, Jun"
        dialog.query_one("#ended", Input).value = "13:00"
        await pilot.press("ctrl+s")
        assert "cannot end before it started" in str(
            dialog.query_one("#form-error").render()
        )
        dialog.query_one("#ended", Input).value = "15:30"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SessionScreen)
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert saved.participants == ["Priya", "Marco", "Jun"]
    assert saved.ended == datetime(2026, 11, 26, 14, 30, tzinfo=UTC)


async def test_drafting_leaves_the_facilitated_place_alone(demo_store: Store) -> None:
    clock = FakeClock()
    app = session_app(demo_store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "x")  # facilitation reached the factors
    draft = session_app(demo_store, clock, mode="draft")
    async with draft.run_test(size=SIZE) as pilot:
        await pilot.press("2", "6")
    again = session_app(demo_store, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert section(again) == "factors"


async def test_review_decisions_stay_listed_after_reopening(demo_store: Store) -> None:
    app = session_app(demo_store, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
    again = session_app(demo_store, FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(again)
        assert "Automate certifica" in text and "done" in text
        await pilot.press("o")  # and can be taken back
    saved = Store(demo_store.data_dir, mode="read").load("9b3f07e1")
    assert saved.actions[0].status is ActionStatus.OPEN


async def test_import_previews_before_it_changes_anything(
    demo_store: Store, tmp_path
) -> None:
    sample = tmp_path / "alerts.csv"
    sample.write_text(
        "timestamp;source;text;marker;host\n"
        "2026-11-26 15:50;customer;Refund requests spike;;web-1\n"
        "2026-11-26 16:20;chat;Finance asks about refunds;;web-2\n"
        "nope;chat;not a time;;web-3\n"
    )
    app = session_app(demo_store, FakeClock(), mode="draft")
    path = demo_store.data_dir / "retros" / f"{CHECKOUT}.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "i")
        dialog = app.screen
        dialog.query_one("#path", Input).value = str(sample)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = str(dialog.query_one("#preview").render())
        assert "line 4: no timestamp at the start: 'nope'" in preview
        assert "Nothing will be imported" in preview
        assert dialog.query_one("#commit").disabled
        before = path.read_bytes()
        dialog.query_one("#skip").value = True
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = str(dialog.query_one("#preview").render())
        assert (
            "2 events, 2026-11-26 15:50 to 2026-11-26 16:20 (Europe/Berlin)" in preview
        )
        assert "1 invalid line skipped" in preview
        assert path.read_bytes() == before  # a preview changes nothing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    texts = [e.text for e in saved.timeline]
    assert "Refund requests spike" in texts and "Finance asks about refunds" in texts
    assert [e.time for e in saved.timeline] == sorted(e.time for e in saved.timeline)
    assert len(saved.timeline) == 22


async def test_a_log_import_without_a_source_says_where_to_choose_one(
    demo_store: Store, tmp_path
) -> None:
    sample = tmp_path / "deploy.log"
    sample.write_text("2026-11-26T13:03:12Z rollout api v2.31 to 100%\n")
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "i")
        dialog = app.screen
        dialog.query_one("#path", Input).value = str(sample)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = str(dialog.query_one("#preview").render())
        assert "log lines need a source (choose one under Source)" in preview
        assert "--source" not in preview  # that is the command line's word
        dialog.query_one("#source").value = "deploy"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = str(dialog.query_one("#preview").render())
        assert "1 event, 2026-11-26 14:03 to 2026-11-26 14:03" in preview


async def test_language_hints_while_typing_and_a_rewrite_on_request(
    demo_store: Store,
) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        dialog = app.screen
        text = dialog.query_one("#text", Input)
        text.value = "Someone forgot to update the config"
        await pilot.pause(0.5)  # the hint waits for a pause in typing
        hint = str(dialog.query_one("#language-hint").render())
        assert "a person as the subject of a failure" in hint
        assert (
            text.value == "Someone forgot to update the config"
        )  # never changed by itself
        await pilot.press("ctrl+l")
        assert text.value == "The config was not updated as part of the process."
        await pilot.press("ctrl+s")
        await pilot.press("6")
        retro = app.screen.retro
        retro.surprised = "Why didn't anyone notice the alert?"
        app.screen.query_one("#summary").refresh_view()
        warnings = str(app.screen.query_one("#warnings").render())
        assert (
            "Language in why were we surprised: asks who failed to notice" in warnings
        )
    saved = Store(demo_store.data_dir, mode="read").load(CHECKOUT)
    assert (
        saved.factors[-1].text == "The config was not updated as part of the process."
    )


async def test_the_quick_add_line_is_hinted_on_its_text_alone(
    demo_store: Store,
) -> None:
    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a")
        quick = app.screen.query_one("#quick-add", Input)
        quick.value = "15:41 note the on-call engineer wasn't reachable !detection"
        await pilot.pause(0.5)
        hint = str(app.screen.query_one("#language-hint").render())
        assert "something that went wrong" in hint
        await pilot.press("ctrl+l")
        # The time, the source and the marker stay; the prose is rewritten.
        assert quick.value == (
            "15:41 note Make the system the subject: what happened, and what "
            "allowed it? !detection"
        )


async def test_the_written_summary_gets_hints_too(demo_store: Store) -> None:
    from textual.widgets import TextArea

    app = session_app(demo_store, FakeClock(), mode="draft")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        summary = app.screen.query_one("#summary", TextArea)
        summary.text = "Checkout failed. It was human error."
        await pilot.pause(0.5)
        assert "human error" in str(app.screen.query_one("#language-hint").render())
        await pilot.press("ctrl+l")
        assert (
            summary.text
            == "Checkout failed. What about the system made this mistake easy to make?"
        )
