"""Phase 1: review every open action item of earlier retrospectives."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from retrotui.model import ActionStatus
from retrotui.model.actions import set_status
from retrotui.model.review import (
    ReviewItem,
    library_completion,
    open_items,
    record_outcome,
)
from retrotui.model.text import one_line
from retrotui.panels.base import ACTION_STATUS_STYLE, Panel, panel_title
from retrotui.store import StoreError
from retrotui.widgets.virtual_table import Column, VirtualTable

COLUMNS = [
    Column("Due", 10),
    Column("Action item"),
    Column("Owner", 8),
    Column("From", 14),
    Column("Now", 7),
]


class ReviewPanel(Panel):
    BINDINGS = [
        Binding("x", "mark('done')", "done", id="review.done"),
        Binding("o", "mark('open')", "still open", id="review.open"),
        Binding("r", "mark('dropped')", "drop", id="review.drop"),
    ]

    def compose(self) -> ComposeResult:
        yield panel_title("Review previous action items", "before anything else")
        yield Static(id="completion")
        yield VirtualTable(COLUMNS, self._cells, id="review-table")
        yield Static(id="review-empty")
        yield Static(id="repeats", classes="hint")

    def on_mount(self) -> None:
        retros = self.store.load_with_open_actions(exclude=self.retro.id)
        loaded = {r.id for r in retros}
        for retro_id in {o.retro_id for o in self.retro.review_log} - loaded:
            try:
                retros.append(self.store.load(retro_id))
            except StoreError:
                continue  # deleted since: nothing left to show
        decided = {o.item_id for o in self.retro.review_log}
        self.items: list[ReviewItem] = open_items(
            retros, self.retro.id, self.today(), decided
        )
        self._by_retro = {r.id: r for r in retros}
        self._fill()
        self._find_repeats()

    @work(thread=True, exclusive=True, group="repeats")
    def _find_repeats(self) -> None:
        """Factors seen in two or more incidents: the method says escalate.
        Off the UI thread: a large library has tens of thousands of factors."""
        from retrotui.model.repeats import group_factors, library_factors

        refs = library_factors(self.store.summaries())
        groups = [g for g in group_factors(refs) if g.escalate]
        self.app.call_from_thread(self._show_repeats, groups)

    def _show_repeats(self, groups: list) -> None:
        line = self.query_one("#repeats", Static)
        if not groups:
            line.display = False
            return
        text = Text(f"Recurring contributing factors ({len(groups)}):\n", style="bold")
        for group in groups[:4]:
            text.append(" ESCALATE ", style="bold #000000 on #FFB000")
            text.append(f" {one_line(group.text, 60)}", style="")
            text.append(f" — seen in {len(group.retro_ids)}: ", style="dim")
            text.append(
                ", ".join(one_line(t, 30) for t in group.retro_titles[:2]), style="dim"
            )
            text.append("\n")
        if len(groups) > 4:
            text.append(
                f"… and {len(groups) - 4} more on the insights screen (s in the library)",
                style="dim",
            )
        line.update(text.rstrip() or text)
        line.display = True

    def _cells(self, index: int) -> list[Text]:
        entry = self.items[index]
        item = entry.item
        due = Text(item.due.strftime("%d %b") if item.due else "—")
        if entry.overdue(self.today()) and item.status is ActionStatus.OPEN:
            due.stylize("bold #FF5F5F")
        return [
            due,
            Text(one_line(item.title, 200)),
            Text(one_line(item.owner, 40) or "—"),
            Text(one_line(entry.retro_title, 60)),
            Text(item.status.value, style=ACTION_STATUS_STYLE[item.status]),
        ]

    def _fill(self) -> None:
        today = self.today()
        table = self.query_one(VirtualTable)
        table.set_row_count(len(self.items))
        table.display = bool(self.items)
        empty = self.query_one("#review-empty", Static)
        empty.display = not self.items
        empty.update(
            "No open action items from earlier retrospectives: nothing to review."
        )
        overdue = sum(
            e.overdue(today) for e in self.items if e.item.status is ActionStatus.OPEN
        )
        rate = library_completion(self.store.summaries())
        line = Text.assemble(("Library completion: ", "bold"), rate.label)
        if overdue:
            line.append(f" · {overdue} overdue", style="bold #FF5F5F")
        self.query_one("#completion", Static).update(line)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def action_mark(self, status: str) -> None:
        if not self.items or not self.editable():
            return
        entry = self.items[self.query_one(VirtualTable).cursor]
        wanted = ActionStatus(status)
        if wanted is ActionStatus.DROPPED:
            from retrotui.dialogs.reason import ReasonDialog

            def with_reason(reason: str | None) -> None:
                if reason:
                    self._apply(entry, wanted, reason)

            self.open_dialog(ReasonDialog(entry.item.title), with_reason)
            return
        self._apply(entry, wanted, "")

    def _apply(self, entry: ReviewItem, status: ActionStatus, reason: str) -> None:
        owner = self._by_retro[entry.retro_id]
        item = next(a for a in owner.actions if a.id == entry.item.id)
        before = (item.status, item.drop_reason, item.closed_on)
        set_status(item, status, self.today(), reason)
        try:
            self.store.save(owner)  # the change belongs to the earlier retrospective
        except StoreError as error:
            item.status, item.drop_reason, item.closed_on = before
            self.notify(str(error), title="Not saved", severity="error")
            return
        record_outcome(self.retro, entry)
        self._fill()
        self.changed()
