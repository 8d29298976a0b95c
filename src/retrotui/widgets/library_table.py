"""The library's table of retrospectives: one row each, user text literal."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from retrotui.model import Kind, RetroSummary
from retrotui.model.text import one_line

SEVERITY_STYLE = {
    "SEV1": "bold #FF5F5F",
    "SEV2": "bold #FFB000",
    "SEV3": "#FFFFFF",
    "SEV4": "#A8A8A8",
}
# Fixed widths of every column but the title, which takes what is left.
WIDTHS = {"date": 10, "sev": 4, "kind": 9, "status": 9, "open": 17}


def actions_cell(summary: RetroSummary, today: date) -> Text:
    if not summary.open_actions:
        return Text("none open", style="dim")
    overdue = summary.overdue_actions(today)
    cell = Text(f"{summary.open_actions} open")
    if overdue:
        cell.append(f", {overdue} overdue", style="bold #FF5F5F")
    return cell


class LibraryTable(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def _title_width(self) -> int:
        spare = self.size.width or self.app.size.width - 4
        padding = 2 * self.cell_padding * (len(WIDTHS) + 1)
        return max(20, spare - sum(WIDTHS.values()) - padding - 2)

    def show(
        self, summaries: list[RetroSummary], today: date, keep: str | None = None
    ) -> None:
        """Replace the rows; keep the cursor on `keep` (an id) if still there."""
        self.clear(columns=True)
        title_width = self._title_width()
        self.add_column("Date", key="date", width=WIDTHS["date"])
        self.add_column("Sev", key="sev", width=WIDTHS["sev"])
        self.add_column("Kind", key="kind", width=WIDTHS["kind"])
        self.add_column("Title", key="title", width=title_width)
        self.add_column("Status", key="status", width=WIDTHS["status"])
        self.add_column("Action items", key="open", width=WIDTHS["open"])
        for s in summaries:
            near_miss = s.kind is Kind.NEAR_MISS
            self.add_row(
                Text(s.local_start.date().isoformat()),
                Text(s.severity.value, style=SEVERITY_STYLE[s.severity.value]),
                Text("near miss" if near_miss else "incident"),
                Text(one_line(s.title, title_width)),
                Text(s.status.value),
                actions_cell(s, today),
                key=s.id,
            )
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep))

    @property
    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return key.value
