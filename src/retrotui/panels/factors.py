"""Phase 4: contributing factors by stage, and 5-Whys chains."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from retrotui.model import ContributingFactor, Effect, Stage, WhyChain
from retrotui.model.repeats import FactorRef, library_factors, seen_before
from retrotui.model.text import one_line
from retrotui.model.whys import chain_hint
from retrotui.panels.base import Panel, panel_title
from retrotui.widgets.text_field import TextField
from retrotui.widgets.virtual_table import Column, VirtualTable

STAGE_ORDER = list(Stage)
FACTOR_COLUMNS = [
    Column("Stage", 10),
    Column("", 1),
    Column("Category", 13),
    Column("Factor"),
    Column("Repeat", 9),
]
CHAIN_COLUMNS = [Column("Problem", 24), Column("Whys", 4), Column("Last why")]


class FactorsPanel(Panel):
    BINDINGS = [
        Binding("a", "add_factor", "factor", id="factors.add"),
        Binding("w", "add_chain", "5 whys", id="factors.chain"),
        Binding("e,enter", "edit", "edit", id="factors.edit"),
        Binding("d,delete", "delete", "delete", id="factors.delete"),
    ]

    def compose(self) -> ComposeResult:
        yield panel_title(
            "Contributing factors", "what made it worse, what made it better"
        )
        yield VirtualTable(FACTOR_COLUMNS, self._factor_cells, id="factor-table")
        yield Static(classes="row-detail")
        yield Static("5 Whys", classes="section-title")
        yield VirtualTable(CHAIN_COLUMNS, self._chain_cells, id="chain-table")
        yield Static(id="chain-hint", classes="hint")
        yield Static("Why were we surprised?", classes="section-title")
        yield TextField(
            self.retro.surprised,
            placeholder="What did we believe that turned out not to be true?",
            id="surprised",
            compact=True,
        )

    def on_mount(self) -> None:
        # Factors of earlier incidents that made them worse, for "seen
        # before in: ...": a later incident is not "before", and a factor
        # that helped is nothing to escalate.
        own = self.retro.started or self.retro.created
        self._library = library_factors(
            s
            for s in self.store.summaries()
            if s.id != self.retro.id and s.sort_key < own
        )
        self._seen: dict[str, list[FactorRef]] = {}
        self.refresh_view()

    def _seen_before(self, factor: ContributingFactor) -> list[FactorRef]:
        if factor.effect is not Effect.WORSE:
            return []
        return seen_before(factor.category, factor.text, self._library, self.retro.id)

    def _sorted_factors(self) -> list[ContributingFactor]:
        return sorted(
            self.retro.factors,
            key=lambda f: (STAGE_ORDER.index(f.stage), f.effect is Effect.BETTER),
        )

    def _factor_cells(self, index: int) -> list[Text]:
        factor = self._sorted_factors()[index]
        better = factor.effect is Effect.BETTER
        return [
            Text(factor.stage.value),
            Text(
                "+" if better else "−",
                style="bold #5FFF87" if better else "bold #FFB000",
            ),
            Text(one_line(factor.category, 40) or "—"),
            Text(one_line(factor.text, 300)),
            self._seen_cell(factor),
        ]

    def _seen_cell(self, factor: ContributingFactor) -> Text:
        seen = self._seen.get(factor.id, [])
        if not seen:
            return Text("")
        return Text(f"seen {len(seen)}×", style="bold #FFB000")

    def _chain_cells(self, index: int) -> list[Text]:
        chain = self.retro.why_chains[index]
        whys = [w for w in chain.whys if w.strip()]
        return [
            Text(one_line(chain.problem, 200)),
            Text(f"{len(whys)}/5", style="" if len(whys) >= 5 else "#FFB000"),
            Text(one_line(whys[-1], 200) if whys else "—"),
        ]

    def refresh_view(self) -> None:
        self._seen = {f.id: self._seen_before(f) for f in self.retro.factors}
        self.query_one("#factor-table", VirtualTable).set_row_count(
            len(self.retro.factors)
        )
        self.query_one("#chain-table", VirtualTable).set_row_count(
            len(self.retro.why_chains)
        )
        hints = []
        for chain in self.retro.why_chains:
            hint = chain_hint(chain, self.retro.participants)
            if hint:
                hints.append(f"“{one_line(chain.problem, 40)}”: {hint}")
        if not self.retro.why_chains:
            hints.append("No 5-Whys chain yet: press w to start one.")
        self.query_one("#chain-hint", Static).update(Text("\n".join(hints)))

    def focus_main(self) -> None:
        self.query_one("#factor-table", VirtualTable).focus()

    def _focused_table(self) -> str:
        focused = self.app.focused
        return (
            "chain" if focused is not None and focused.id == "chain-table" else "factor"
        )

    @on(VirtualTable.Highlighted)
    def _highlighted(self) -> None:
        current = self._selected()
        if isinstance(current, WhyChain):
            whys = " → ".join(current.whys)
            self.show_detail(f"{current.problem}: {whys}")
        elif current is not None:
            effect = (
                "made it better" if current.effect is Effect.BETTER else "made it worse"
            )
            category = f" ({current.category})" if current.category else ""
            detail = f"{current.stage.value}, {effect}{category}: {current.text}"
            seen = self._seen.get(current.id, [])
            if seen:
                titles = "; ".join(one_line(ref.retro_title, 40) for ref in seen[:2])
                more = f" and {len(seen) - 2} more" if len(seen) > 2 else ""
                detail = (
                    f"Escalate: seen before in {len(seen)}: {titles}{more}\n" + detail
                )
            self.show_detail(detail)
        else:
            self.show_detail("")

    def action_add_factor(self) -> None:
        if not self.editable():
            return
        from retrotui.dialogs.factor import FactorDialog

        def done(factor) -> None:
            if factor is not None:
                self.retro.factors.append(factor)
                self.refresh_view()
                self.changed()

        self.open_dialog(FactorDialog(None), done)

    def action_add_chain(self) -> None:
        if not self.editable():
            return
        from retrotui.dialogs.why_chain import WhyChainDialog

        def done(chain) -> None:
            if chain is not None:
                self.retro.why_chains.append(chain)
                self.refresh_view()
                self.changed()

        self.open_dialog(WhyChainDialog(None), done)

    def _selected(self):
        if self._focused_table() == "chain":
            table = self.query_one("#chain-table", VirtualTable)
            items: list = self.retro.why_chains
        else:
            table = self.query_one("#factor-table", VirtualTable)
            items = self._sorted_factors()
        return items[table.cursor] if items else None

    def action_edit(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        from retrotui.dialogs.factor import FactorDialog
        from retrotui.dialogs.why_chain import WhyChainDialog

        def done(result) -> None:
            if result is None:
                return
            items = (
                self.retro.why_chains
                if isinstance(current, WhyChain)
                else self.retro.factors
            )
            items[items.index(current)] = result
            self.refresh_view()
            self.changed()

        dialog = (
            WhyChainDialog(current)
            if isinstance(current, WhyChain)
            else FactorDialog(current)
        )
        self.open_dialog(dialog, done)

    def action_delete(self) -> None:
        current = self._selected()
        if current is None or not self.editable():
            return
        if isinstance(current, WhyChain):
            label, items = current.problem, self.retro.why_chains
        else:
            label, items = current.text, self.retro.factors
        self.confirm_delete(
            f"Delete “{one_line(label, 60)}”?", lambda: items.remove(current)
        )

    @on(Input.Changed, "#surprised")
    def _surprised(self, event: Input.Changed) -> None:
        if event.value != self.retro.surprised:
            self.retro.surprised = event.value
            self.changed(typing=True)
