"""The Textual application and the one factory the CLI and the tests use."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.theme import Theme

from retrotui.resources import stylesheet
from retrotui.store import Store
from retrotui.theme import HIGH_CONTRAST


def _utc_now() -> datetime:
    return datetime.now(UTC)


class RetroApp(App[None]):
    TITLE = "retrotui"
    # Only what the first screen needs: sessions and dialogs bring their own
    # stylesheets (CSS_PATH on those screens), parsed when first shown.
    CSS_PATH = [stylesheet("app.tcss"), stylesheet("library.tcss")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit"),
    ]

    # The theme is the default from the start: switching themes after mount
    # re-parses every stylesheet, which cost ~0.1 s of start-up.
    theme: Reactive[str] = Reactive(HIGH_CONTRAST.name)

    def get_theme(self, theme_name: str) -> Theme | None:
        # App.__init__ reads the theme before any theme can be registered.
        if theme_name == HIGH_CONTRAST.name:
            return HIGH_CONTRAST
        return super().get_theme(theme_name)

    def __init__(
        self,
        store: Store,
        today: Callable[[], date] = date.today,
        clock: Callable[[], datetime] = _utc_now,
        start: Callable[[], Screen] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.today = today
        # Wall clock for the facilitation timer; tests pass a fake one.
        self.clock = clock
        self._start = start
        self.register_theme(HIGH_CONTRAST)

    def get_default_screen(self) -> Screen:
        # The library is the base screen itself: one screen fewer to build.
        from retrotui.screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        if self._start is not None:
            self.push_screen(self._start())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from getattr(screen, "palette_commands", list)()
        yield from super().get_system_commands(screen)


def make_app(
    store: Store,
    today: Callable[[], date] = date.today,
    clock: Callable[[], datetime] = _utc_now,
    open_retro: str | None = None,
    mode: str = "facilitate",
) -> RetroApp:
    """Build the app exactly as users run it; tests pass a fixed `today` and
    a fake `clock`. With `open_retro`, the app starts in that retrospective
    (`retrotui facilitate ID` / `retrotui draft ID`)."""
    start = None
    if open_retro is not None:
        retro = store.load(open_retro)

        def start() -> Screen:
            from retrotui.screens.session import SessionScreen

            return SessionScreen(retro, mode=mode)

    return RetroApp(store, today=today, clock=clock, start=start)
