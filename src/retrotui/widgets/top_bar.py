"""The one-line bar at the top: app name, where you are, and a read-only badge."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TopBar(Static):
    # The badge comes before the (possibly long) folder path so it is never cut.
    def show(self, place: str, detail: str = "", read_only: bool = False) -> None:
        line = Text()
        line.append(" retrotui ", style="bold reverse")
        if read_only:
            line.append(" READ-ONLY ", style="bold #000000 on #FFB000")
        line.append(f"  {place}", style="bold")
        if detail:
            line.append(f"  {detail}", style="dim")
        self.update(line)
