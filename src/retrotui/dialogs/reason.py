"""Ask why an action item is dropped: the next review needs to know."""

from __future__ import annotations

from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, text_input
from retrotui.model.create import FormError
from retrotui.model.text import one_line


class ReasonDialog(FormDialog[str]):
    SUBMIT_LABEL = "Drop"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.TITLE_TEXT = f"Drop “{one_line(title, 50)}”: why?"

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            (
                "Reason",
                text_input("reason", placeholder="e.g. superseded by automated checks"),
            )
        ]

    def build(self) -> str:
        reason = " ".join(self.value("reason").split())
        if not reason:
            raise FormError("reason", "say why it is dropped, so the next review knows")
        return reason
