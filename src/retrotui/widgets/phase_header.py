"""The session's top line: what is being discussed and where the group is."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from retrotui.model import Kind, Phase, Retrospective
from retrotui.model.text import one_line

SECTION_LABELS = ["Review", "Timeline", "Impact", "Factors", "Actions", "Summary"]


class PhaseHeader(Static):
    def show(
        self,
        retro: Retrospective,
        current: int,
        drafting: bool,
        read_only: bool = False,
    ) -> None:
        skipped = {list(Phase).index(r.phase) for r in retro.phases if r.skipped}
        steps = Text(no_wrap=True)
        for index, label in enumerate(SECTION_LABELS):
            if index in skipped and index != current:
                steps.append(f" ↷{label}", style="#FFB000")
            elif index < current and not drafting:
                steps.append(f" ✓{label}", style="#5FFF87")
            elif index == current:
                steps.append(f" ●{label}", style="bold reverse")
            else:
                steps.append(f" ○{label}", style="dim")
        kind = "near miss" if retro.kind is Kind.NEAR_MISS else "incident"
        badge = f" {retro.severity.value} {kind}" + ("  DRAFTING" if drafting else "")
        badge += "  READ-ONLY" if read_only else ""
        width = self.size.width or self.app.size.width
        # The steps never move; the title gets what is left.
        room = max(8, width - steps.cell_len - len(badge) - 13)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(" retrotui ", style="bold reverse")
        line.append(" " + one_line(retro.title, room), style="bold")
        line.append(
            badge,
            style="bold #FFB000"
            if read_only
            else "bold #5FAFFF"
            if drafting
            else "dim",
        )
        line.append(" " * max(1, width - line.cell_len - steps.cell_len - 1))
        line.append_text(steps)
        self.update(line)
