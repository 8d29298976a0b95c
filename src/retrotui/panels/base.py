"""What every phase panel shares: the retrospective, and a way to say it changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from retrotui.model import ActionStatus, Retrospective
from retrotui.model.text import printable

if TYPE_CHECKING:
    from retrotui.app import RetroApp
    from retrotui.store import Store


# Colour is meaning: done is green, dropped is grey, open is plain.
ACTION_STATUS_STYLE = {
    ActionStatus.DONE: "bold #5FFF87",
    ActionStatus.DROPPED: "#A8A8A8",
    ActionStatus.OPEN: "",
}


def panel_title(title: str, subtitle: str) -> Static:
    """The line that opens every phase: what it is, and its one rule."""
    return Static(
        Text.assemble((title, "bold"), f" — {subtitle}"), classes="panel-title"
    )


class Panel(Vertical):
    """One section of the retrospective. Panels change the model and post
    Changed; the session screen saves and redraws what depends on it."""

    class Changed(Message):
        def __init__(self, typing: bool = False) -> None:
            super().__init__()
            # While typing, the save waits for a pause in the keystrokes.
            self.typing = typing

    def __init__(self, retro: Retrospective, *, id: str) -> None:
        super().__init__(id=id, classes="panel")
        self.retro = retro

    @property
    def retro_app(self) -> RetroApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.retro_app.store

    def today(self) -> date:
        return self.retro_app.today()

    def changed(self, typing: bool = False) -> None:
        self.post_message(self.Changed(typing))

    def open_dialog(self, dialog: Screen[Any], callback: Callable[[Any], None]) -> None:
        """Show a dialog beside the clock column, never over it: the clock
        must stay readable while the group edits."""
        dialog.add_class("in-session")
        self.app.push_screen(dialog, callback)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Every panel key changes something: none of them is offered read-only.
        return not self.store.read_only

    def confirm_delete(self, question: str, remove: Callable[[], None]) -> None:
        """Ask first; on yes remove, redraw (the cursor stays on the same row,
        or the last one) and save."""
        from retrotui.dialogs.confirm import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if yes:
                remove()
                self.refresh_view()
                self.changed()

        self.open_dialog(ConfirmDialog(question, confirm_label="Delete"), confirmed)

    def editable(self) -> bool:
        """False (and says why) when the library is open read-only."""
        if self.store.read_only:
            self.notify(
                self.store.read_only_reason, title="Read-only", severity="warning"
            )
            return False
        return True

    def _on_mount(self) -> None:
        if self.store.read_only:
            for field in self.query("Input, TextArea, Checkbox"):
                field.disabled = True

    def show_detail(self, text: str) -> None:
        """The full text of the highlighted row, which the table cuts short."""
        for detail in self.query(".row-detail").results(Static):
            detail.update(Text(printable(text)))

    def refresh_view(self) -> None:
        """Redraw from the model (after a change elsewhere)."""

    def focus_main(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
