"""Add or edit one contributing factor."""

from __future__ import annotations

from textual.suggester import SuggestFromList
from textual.widget import Widget

from retrotui.dialogs.form import FormDialog, choice, text_input
from retrotui.model import ContributingFactor, Effect, Stage
from retrotui.model.enums import FACTOR_CATEGORIES
from retrotui.model.factors import build_factor
from retrotui.widgets.text_field import TextField


class FactorDialog(FormDialog[ContributingFactor]):
    TITLE_TEXT = "Contributing factor"

    def __init__(self, factor: ContributingFactor | None) -> None:
        super().__init__()
        self.factor = factor

    def fields(self) -> list[tuple[str, Widget]]:
        f = self.factor
        category = TextField(
            f.category if f else "",
            placeholder=", ".join(FACTOR_CATEGORIES[:5]) + "… or your own",
            suggester=SuggestFromList(list(FACTOR_CATEGORIES), case_sensitive=False),
            id="category",
            compact=True,
        )
        return [
            (
                "Stage",
                choice(
                    "stage",
                    [(s.value, s.value) for s in Stage],
                    f.stage.value if f else Stage.CAUSE.value,
                ),
            ),
            (
                "Effect",
                choice(
                    "effect",
                    [
                        ("made it worse", Effect.WORSE.value),
                        ("made it better", Effect.BETTER.value),
                    ],
                    f.effect.value if f else Effect.WORSE.value,
                ),
            ),
            ("Category", category),
            (
                "Factor",
                text_input(
                    "text",
                    f.text if f else "",
                    "What about the system made this worse or better?",
                ),
            ),
        ]

    def build(self) -> ContributingFactor:
        return build_factor(
            self.value("stage"),
            self.value("effect"),
            self.value("category"),
            self.value("text"),
            self.factor.id if self.factor else None,
        )
