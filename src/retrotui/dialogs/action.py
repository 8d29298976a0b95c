"""Add or edit one action item."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, choice, text_input
from retrotui.model import ActionCategory, ActionItem
from retrotui.model.actions import CATEGORY_LABELS, build_action


class ActionDialog(FormDialog[ActionItem]):
    TITLE_TEXT = "Action item"

    def __init__(self, item: ActionItem | None, today: date) -> None:
        super().__init__()
        self.item = item
        self.today = today

    def fields(self) -> list[tuple[str, Widget]]:
        i = self.item
        options = [
            (label, category.value) for category, label in CATEGORY_LABELS.items()
        ]
        return [
            ("Action", text_input("title", i.title if i else "", "What will be done?")),
            (
                "Owner",
                text_input(
                    "owner",
                    i.owner if i else "",
                    "Who owns it? (without an owner it is a wish)",
                ),
            ),
            (
                "Due",
                text_input(
                    "due",
                    i.due.isoformat() if i and i.due else "",
                    "2026-12-10, +10d or +2w",
                ),
            ),
            (
                "Category",
                choice(
                    "category",
                    options,
                    i.category.value if i else ActionCategory.DETECTION.value,
                ),
            ),
            (
                "Ticket",
                text_input(
                    "ticket",
                    i.ticket if i else "",
                    "optional link or key, e.g. SRE-870",
                ),
            ),
        ]

    def build(self) -> ActionItem:
        return build_action(
            self.value("title"),
            self.value("category"),
            self.value("owner"),
            self.value("due"),
            self.value("ticket"),
            today=self.today,
        )
