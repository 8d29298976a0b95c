"""The Textual application and the one factory the CLI and the tests use."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from retrotui.resources import stylesheet
from retrotui.store import Store
from retrotui.theme import HIGH_CONTRAST


class RetroApp(App[None]):
    TITLE = "retrotui"
    CSS_PATH = [
        stylesheet("app.tcss"),
        stylesheet("library.tcss"),
        stylesheet("dialogs.tcss"),
    ]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit"),
    ]

    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.store = store
        self.today = today

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name
        from retrotui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from getattr(screen, "palette_commands", list)()
        yield from super().get_system_commands(screen)


def make_app(store: Store, today: Callable[[], date] = date.today) -> RetroApp:
    """Build the app exactly as users run it; tests pass a fixed `today`."""
    return RetroApp(store, today=today)
