"""The bottom line that teaches the keys of the current screen.

Textual's Footer builds a widget per key on a grid; on the library screen it
cost ~70 ms of start-up. This draws the same information as one line of text
and redraws when the screen's bindings change.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    KeyBar > .key-bar--key { color: $primary; text-style: bold; }
    KeyBar > .key-bar--disabled { color: $foreground 40%; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        off_style = self.get_component_rich_style("key-bar--disabled", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        seen: set[str] = set()
        palette = None
        # While typing, a text field takes printable keys: don't offer them.
        typing = isinstance(self.app.focused, Input)
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
            if not binding.show or binding.action in seen:
                continue
            if typing and _printable(binding.key):
                continue
            seen.add(binding.action)
            line.append(" ")
            line.append(
                self.app.get_key_display(binding),
                style=key_style if enabled else off_style,
            )
            describe = getattr(self.screen, "key_description", None)
            description = (
                describe(binding.action, binding.description)
                if describe
                else binding.description
            )
            line.append(f" {description} ", style="" if enabled else off_style)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = Text.assemble(
                (self.app.get_key_display(palette), key_style), " commands "
            )
            gap = self.size.width - line.cell_len - hint.cell_len
            if gap >= 1:  # the screen's own keys come first
                line.append(" " * gap)
                line.append_text(hint)
        return line


def _printable(key: str) -> bool:
    first = key.split(",")[0]
    return len(first) == 1 or first in ("space", "plus", "equals_sign", "minus")
