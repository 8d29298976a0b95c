"""Add or edit a 5-Whys chain: a problem and up to five answers."""

from __future__ import annotations

from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, text_input
from retrotui.model import WhyChain
from retrotui.model.factors import build_chain


class WhyChainDialog(FormDialog[WhyChain]):
    TITLE_TEXT = "5 Whys: keep asking until the answer is about the system"

    def __init__(self, chain: WhyChain | None) -> None:
        super().__init__()
        self.chain = chain

    def fields(self) -> list[tuple[str, Widget]]:
        whys = list(self.chain.whys) if self.chain else []
        whys += [""] * (5 - len(whys))
        rows: list[tuple[str, Widget]] = [
            (
                "Problem",
                text_input(
                    "problem",
                    self.chain.problem if self.chain else "",
                    "e.g. The API returned 500s for 20 minutes",
                ),
            ),
        ]
        rows += [
            (f"Why {n}?", text_input(f"why{n}", why))
            for n, why in enumerate(whys, start=1)
        ]
        return rows

    def build(self) -> WhyChain:
        count = len(self.query(".form-grid Input")) - 1
        return build_chain(
            self.value("problem"),
            [self.value(f"why{n}") for n in range(1, count + 1)],
            self.chain.id if self.chain else None,
        )
