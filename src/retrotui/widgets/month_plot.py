"""A per-month bar plot that starts at zero, with its month range and peak.

Textual's Sparkline scales from the lowest value to the highest, so a time
to detect that moves between 24 and 30 minutes looks like it went from
nothing to everything; on a shared screen that misleads. Months without
data are drawn as a dot, not as zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
ROWS = 3
BAR_STYLE = "#00D7FF"


class MonthPlot(Widget):
    DEFAULT_CSS = """
    MonthPlot {
        height: 4;
        width: 1fr;
    }
    """

    def __init__(
        self,
        label: Callable[[float], str] = lambda v: f"{v:g}",
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.values: list[float | None] = []
        self.months: list[str] = []

    def show(self, values: Sequence[float | None], months: Sequence[str]) -> None:
        self.values = list(values)
        self.months = list(months)
        self.refresh()

    def render(self) -> Text:
        width = max(1, self.size.width)
        values, months = self.values[-width:], self.months[-width:]
        known = [v for v in values if v is not None]
        if not known:
            return Text("no data yet", style="dim")
        top = max(known)
        steps = ROWS * 8
        levels = [
            None if v is None else (max(1, round(v / top * steps)) if v > 0 else 0)
            for v in values
        ]
        column = max(1, width // len(values))
        lines = []
        for row in range(ROWS):  # the top row first
            line = Text()
            floor = (ROWS - 1 - row) * 8
            for level in levels:
                if level is None:
                    line.append(("·" if row == ROWS - 1 else " ") * column, style="dim")
                else:
                    line.append(
                        BLOCKS[max(0, min(8, level - floor))] * column, BAR_STYLE
                    )
            lines.append(line)
        used = column * len(values)
        first, last = months[0], months[-1]
        peak = f"peak {self.label(top)}"
        gap = used - len(first) - len(last) - len(peak)
        if gap >= 4:
            left = gap // 2
            axis = f"{first}{' ' * left}{peak}{' ' * (gap - left)}{last}"
        else:
            axis = f"{first}{' ' * max(1, used - len(first) - len(last))}{last}"
        lines.append(Text(axis, style="dim"))
        return Text("\n").join(lines)
