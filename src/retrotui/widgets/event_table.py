"""The timeline as a virtual table: 5,000 events open as fast as 50."""

from __future__ import annotations

from rich.text import Text

from retrotui.model import Marker, Retrospective
from retrotui.model.text import one_line
from retrotui.model.timeparse import zone
from retrotui.widgets.virtual_table import Column, VirtualTable

MARKER_STYLE = {
    Marker.TRIGGER: "bold #FF5F5F",
    Marker.DETECTION: "bold #FFB000",
    Marker.MITIGATION: "bold #5FAFFF",
    Marker.RESOLUTION: "bold #5FFF87",
}
SOURCE_STYLE = {
    "alert": "#FFB000",
    "deploy": "#D787FF",
    "customer": "#FF87AF",
    "on-call": "#5FAFFF",
}


class EventTable(VirtualTable):
    def __init__(self, retro: Retrospective, *, id: str | None = None) -> None:
        columns = [
            Column("Time", 5),
            Column("Source", 8),
            Column("What happened"),
            Column("Marker", 10),
        ]
        super().__init__(columns, self._cells, id=id)
        self.retro = retro
        self._zone = zone(retro.timezone)
        self._many_days = False

    def _cells(self, index: int) -> list[Text]:
        event = self.retro.timeline[index]
        local = event.time.astimezone(self._zone)
        marker = "" if event.marker is Marker.NONE else event.marker.value.upper()
        when = local.strftime("%m-%d %H:%M" if self._many_days else "%H:%M")
        return [
            Text(when),
            Text(event.source.value, style=SOURCE_STYLE.get(event.source.value, "")),
            Text(one_line(event.text, 400)),
            Text(marker, style=MARKER_STYLE.get(event.marker, "")),
        ]

    def reload(self, cursor: int | None = None) -> None:
        self._zone = zone(self.retro.timezone)
        # Across midnight a bare 01:10 after 23:50 reads as out of order.
        timeline = self.retro.timeline
        self._many_days = bool(timeline) and (
            timeline[0].time.astimezone(self._zone).date()
            != timeline[-1].time.astimezone(self._zone).date()
        )
        self.columns[0] = Column("Time", 11 if self._many_days else 5)
        self.set_row_count(len(self.retro.timeline), cursor)
