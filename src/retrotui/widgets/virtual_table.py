"""A table that renders only the rows on screen.

Textual's DataTable measures every cell of every row before its first frame
(about 0.5 s for 1,000 rows here), so the library and the timeline use this
Line-API table instead: opening it and moving the cursor cost the same for
50 rows as for 10,000. Rows are produced on demand by `render_row(index)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None  # None: takes the width the fixed columns leave
    justify: str = "left"


class VirtualTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--stripe",
    }
    DEFAULT_CSS = """
    VirtualTable {
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
    }
    VirtualTable > .virtual-table--header { color: $primary; text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $primary 35%; }
    VirtualTable:focus > .virtual-table--cursor { background: $primary; color: $background; text-style: bold; }
    VirtualTable > .virtual-table--stripe { background: $foreground 4%; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, table: VirtualTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self,
        columns: list[Column],
        render_row: Callable[[int], list[Text]],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.render_row = render_row
        self.row_count = 0
        # Rendered rows, reused while nothing they show changes: the first
        # frame lays the screen out several times (Textual re-sizes the
        # screen while starting), and scrolling redraws the same rows.
        self._strips: dict[tuple[int, bool, bool, int], Strip] = {}

    # -- data --------------------------------------------------------------
    def set_row_count(self, count: int, cursor: int | None = None) -> None:
        """The rows changed: redraw, keeping the cursor at `cursor` if given."""
        self.row_count = count
        self._strips.clear()
        self.virtual_size = Size(self.size.width, count + 1)
        target = self.cursor if cursor is None else cursor
        self.cursor = max(0, min(target, count - 1))
        self.refresh()

    def refresh_rows(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    # -- geometry ----------------------------------------------------------
    def _widths(self, total: int) -> list[int]:
        fixed = sum(c.width or 0 for c in self.columns) + len(self.columns) * 2
        flex = max(8, total - fixed)
        return [c.width if c.width is not None else flex for c in self.columns]

    @property
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self._body_height:
            self.scroll_to(
                y=self.cursor - self._body_height + 1, animate=False, immediate=True
            )

    def watch_cursor(self, old: int, new: int) -> None:
        if self.row_count:
            self._scroll_cursor_into_view()
            self.post_message(self.Highlighted(self, new))
        self.refresh()

    # -- rendering ---------------------------------------------------------
    def _line(self, cells: list[Text], widths: list[int]) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for cell, width, column in zip(cells, widths, self.columns, strict=False):
            piece = cell.copy()
            piece.truncate(width, overflow="ellipsis", pad=True)
            if column.justify == "right":
                piece = Text(" " * (width - piece.cell_len)) + piece.copy()
                piece.truncate(width, pad=True)
            line.append(" ")
            line.append_text(piece)
            line.append(" ")
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y - 1 if y else -1
        if index >= self.row_count:
            return Strip.blank(width, self.rich_style)
        key = (index, index == self.cursor, self.has_focus, width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4096:
                self._strips.clear()
            strip = self._strips[key] = self._render_row_strip(index, width)
        return strip

    def _render_row_strip(self, index: int, width: int) -> Strip:
        widths = self._widths(width)
        base = self.rich_style
        if index < 0:
            style = self.get_component_rich_style("virtual-table--header")
            text = self._line([Text(c.label) for c in self.columns], widths)
            return self._strip(text, width, base + style)
        cells = self.render_row(index)
        style = base
        if index == self.cursor:
            # One colour for the whole cursor row: cell colours (amber, red)
            # on the cursor background are unreadable on a shared screen.
            cells = [Text(cell.plain) for cell in cells]
            style = base + self.get_component_rich_style("virtual-table--cursor")
        elif index % 2:
            style = base + self.get_component_rich_style("virtual-table--stripe")
        return self._strip(self._line(cells, widths), width, style)

    def _strip(self, text: Text, width: int, style) -> Strip:
        segments = list(text.render(self.app.console, end=""))
        strip = Strip(segments).adjust_cell_length(width)
        return strip.apply_style(style)

    def on_resize(self, _event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, self.row_count + 1)

    # -- keys and mouse ----------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.row_count - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * self._body_height)

    def action_jump(self, where: int) -> None:
        if self.row_count:
            self.cursor = where if where >= 0 else self.row_count - 1

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            index = round(self.scroll_y) + event.y - 1
            if index < self.row_count:
                self.cursor = index
