"""Phase 5: 3 to 5 action items, each owned and dated."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from retrotui.model import ActionCategory, ActionItem, ActionStatus
from retrotui.model.actions import (
    MAX_ACTIONS,
    MIN_ACTIONS,
    ActionCapReached,
    add_action,
    can_add,
    counted,
    set_status,
    undone_immediate_fixes,
)
from retrotui.model.text import one_line, quantity
from retrotui.panels.base import ACTION_STATUS_STYLE, Panel, panel_title
from retrotui.widgets.virtual_table import Column, VirtualTable

COLUMNS = [
    Column("#", 1),
    Column("Action"),
    Column("Owner", 9),
    Column("Due", 10),
    Column("Category", 9),
    Column("Status", 7),
]
SHORT_CATEGORY = {
    ActionCategory.IMMEDIATE: "immediate",
    ActionCategory.DETECTION: "detection",
    ActionCategory.PROCESS: "process",
    ActionCategory.SYSTEMIC: "systemic",
}


class ActionsPanel(Panel):
    BINDINGS = [
        Binding("a", "add", "add", id="actions.add"),
        Binding("e,enter", "edit", "edit", id="actions.edit"),
        Binding("x", "toggle_done", "done", id="actions.done"),
        Binding("d,delete", "delete", "delete", id="actions.delete"),
    ]

    def compose(self) -> ComposeResult:
        yield panel_title("Action items", "specific, owned, time-bound; 3 to 5")
        yield VirtualTable(COLUMNS, self._cells, id="action-table")
        yield Static(classes="row-detail")
        yield Static(id="action-notes", classes="hint")

    def on_mount(self) -> None:
        self.refresh_view()

    def _cells(self, index: int) -> list[Text]:
        item = self.retro.actions[index]
        status = Text(item.status.value, style=ACTION_STATUS_STYLE[item.status])
        if item.status is ActionStatus.OPEN and item.is_wish:
            status = Text("a wish", style="bold #FFB000")
        elif item.is_overdue(self.today()):
            status = Text("overdue", style="bold #FF5F5F")
        return [
            Text(str(index + 1)),
            Text(one_line(item.title, 200)),
            Text(
                one_line(item.owner, 40) or "no owner",
                style="" if item.owner else "#FFB000",
            ),
            Text(
                item.due.isoformat() if item.due else "no date",
                style="" if item.due else "#FFB000",
            ),
            Text(SHORT_CATEGORY[item.category]),
            status,
        ]

    def refresh_view(self, cursor: int | None = None) -> None:
        self.query_one(VirtualTable).set_row_count(len(self.retro.actions), cursor)
        self.query_one("#action-notes", Static).update(self._notes())

    def _notes(self) -> Text:
        notes = Text()
        live = len(counted(self.retro))
        if live >= MAX_ACTIONS:
            notes.append(
                f"{live} of {MAX_ACTIONS}: the cap. Prioritise, drop or merge before adding.\n",
                style="#FFB000",
            )
        elif live < MIN_ACTIONS:
            notes.append(
                f"{quantity(live, 'item')}: aim for {MIN_ACTIONS} to {MAX_ACTIONS}.\n",
                style="#FFB000",
            )
        else:
            notes.append(f"{live} of at most {MAX_ACTIONS}.\n", style="dim")
        wishes = [
            a for a in self.retro.actions if a.status is ActionStatus.OPEN and a.is_wish
        ]
        if wishes:
            notes.append(
                f"{quantity(len(wishes), 'wish', 'wishes')}: an item without an owner "
                "and a due date is not a commitment.\n",
                style="#FFB000",
            )
        for item in undone_immediate_fixes(self.retro):
            notes.append(
                f"Immediate fix “{one_line(item.title, 40)}” should already be done: select it and press x.\n"
            )
        notes.rstrip()
        return notes

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def _selected(self) -> ActionItem | None:
        if not self.retro.actions:
            return None
        return self.retro.actions[self.query_one(VirtualTable).cursor]

    @on(VirtualTable.Highlighted)
    def _highlighted(self) -> None:
        item = self._selected()
        if item is None:
            self.show_detail("")
            return
        ticket = f" · {item.ticket}" if item.ticket else ""
        reason = f" ({item.drop_reason})" if item.drop_reason else ""
        self.show_detail(f"{item.title}{ticket} · {item.status.value}{reason}")

    def action_add(self) -> None:
        if not self.editable():
            return
        if not can_add(self.retro):
            self.notify(
                "At most 5 action items: a postmortem with 15 completes none. Prioritise, drop or merge one first.",
                title="Five is the limit",
                severity="warning",
                timeout=8,
            )
            return
        from retrotui.dialogs.action import ActionDialog

        def done(item: ActionItem | None) -> None:
            if item is None:
                return
            try:
                add_action(self.retro, item)
            except ActionCapReached as error:
                self.notify(str(error), severity="warning")
                return
            self.refresh_view(cursor=len(self.retro.actions) - 1)
            self.changed()

        self.open_dialog(ActionDialog(None, self.today()), done)

    def action_edit(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        from retrotui.dialogs.action import ActionDialog

        def done(item: ActionItem | None) -> None:
            if item is None:
                return
            current.title, current.owner, current.due = item.title, item.owner, item.due
            current.category, current.ticket = item.category, item.ticket
            self.refresh_view()
            self.changed()

        self.open_dialog(ActionDialog(current, self.today()), done)

    def action_toggle_done(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        new = (
            ActionStatus.OPEN
            if current.status is ActionStatus.DONE
            else ActionStatus.DONE
        )
        set_status(current, new, self.today())
        self.refresh_view()
        self.changed()

    def action_delete(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        question = f"Delete “{one_line(current.title, 60)}”?"
        self.confirm_delete(question, lambda: self.retro.actions.remove(current))
