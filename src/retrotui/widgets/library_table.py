"""The library's table of retrospectives: one row each, user text literal."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from retrotui.model import Kind, RetroSummary
from retrotui.model.text import one_line
from retrotui.widgets.virtual_table import Column, VirtualTable

SEVERITY_STYLE = {
    "SEV1": "bold #FF5F5F",
    "SEV2": "bold #FFB000",
    "SEV3": "",
    "SEV4": "dim",
}
COLUMNS = [
    Column("Date", 10),
    Column("Sev", 4),
    Column("Kind", 9),
    Column("Title"),
    Column("Status", 9),
    Column("Action items", 17),
]


def actions_cell(summary: RetroSummary, today: date) -> Text:
    if not summary.open_actions:
        return Text("none open", style="dim")
    overdue = summary.overdue_actions(today)
    cell = Text(f"{summary.open_actions} open")
    if overdue:
        cell.append(f", {overdue} overdue", style="bold #FF5F5F")
    return cell


class LibraryTable(VirtualTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(COLUMNS, self._cells, id=id)
        self.summaries: list[RetroSummary] = []
        self.today = date.today()

    def _cells(self, index: int) -> list[Text]:
        s = self.summaries[index]
        return [
            Text(s.local_start.date().isoformat()),
            Text(s.severity.value, style=SEVERITY_STYLE[s.severity.value]),
            Text("near miss" if s.kind is Kind.NEAR_MISS else "incident"),
            Text(one_line(s.title, 300)),
            Text(s.status.value),
            actions_cell(s, self.today),
        ]

    def show(
        self, summaries: list[RetroSummary], today: date, keep: str | None = None
    ) -> None:
        """Replace the rows; keep the cursor on `keep` (an id) if still there."""
        self.summaries = summaries
        self.today = today
        index = next((i for i, s in enumerate(summaries) if s.id == keep), None)
        self.set_row_count(len(summaries), index)

    @property
    def row_ids(self) -> list[str]:
        return [s.id for s in self.summaries]

    @property
    def selected(self) -> RetroSummary | None:
        if not self.summaries:
            return None
        return self.summaries[self.cursor]

    @property
    def selected_id(self) -> str | None:
        selected = self.selected
        return selected.id if selected else None
