"""Phase 6: the whole postmortem as it will be exported, with its warnings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from retrotui.export.markdown import render
from retrotui.model.checks import retro_warnings
from retrotui.model.language import lint, retro_text
from retrotui.model.text import one_line, quantity
from retrotui.panels.base import Panel, panel_title

SCREEN_EVENTS = 150


class SummaryPanel(Panel):
    """Rendered when shown (the session calls refresh_view), never at mount."""

    BINDINGS = [
        Binding("e", "export", "export", id="summary.export"),
        Binding("c", "copy", "copy markdown", id="summary.copy"),
    ]

    def action_export(self) -> None:
        from retrotui.screens.publishing import export_with_dialog

        export_with_dialog(self.app, self.retro)

    def action_copy(self) -> None:
        from retrotui.screens.publishing import copy_markdown

        copy_markdown(self.app, self.retro)

    def compose(self) -> ComposeResult:
        yield panel_title("Summary", "the postmortem as it will be exported")
        with VerticalScroll(id="summary-scroll"):
            yield Static(id="warnings")
            yield Markdown(id="summary-markdown")

    def refresh_view(self) -> None:
        warnings = [
            w.message for w in retro_warnings(self.retro, self.retro_app.clock())
        ]
        # Blame-shaped wording, with where it is: the method's "language
        # shapes culture" check before anything is published.
        for where, text in retro_text(self.retro):
            for finding in lint(text, self.retro.participants):
                warnings.append(
                    f"Language in {where}: {finding.message} (“{one_line(finding.text, 40)}”)"
                    f" — try: {finding.suggestion}"
                )
        box = self.query_one("#warnings", Static)
        if warnings:
            text = Text()
            text.append(
                f"{quantity(len(warnings), 'thing')} to look at before publishing\n",
                style="bold #FFB000",
            )
            for message in warnings:
                text.append(" • ", style="#FFB000")
                text.append(message + "\n")
            text.rstrip()
            box.update(text)
        else:
            box.update(Text("No warnings: ready to publish.", style="bold #5FFF87"))
        # Long timelines are cut on screen (the export keeps every event):
        # Textual's Markdown builds a widget per table cell.
        markdown = render(
            self.retro, with_front_matter=False, timeline_limit=SCREEN_EVENTS
        )
        self.query_one(Markdown).update(markdown)

    def focus_main(self) -> None:
        self.query_one("#summary-scroll").focus()
