"""The preview of the highlighted retrospective under the library table."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from retrotui.model import Kind, RetroSummary
from retrotui.model.text import one_line, printable
from retrotui.widgets.library_table import actions_cell

if TYPE_CHECKING:
    from retrotui.model.search import Snippet

MATCH_STYLE = "bold #000000 on #FFD75F"


def snippet_text(snippet: Snippet) -> Text:
    """'timeline 4: …text…' with every match marked, user text literal."""
    text = Text(f"{printable(snippet.where)}: ", style="dim")
    body = Text(printable(snippet.text))
    for start, end in snippet.spans:
        body.stylize(MATCH_STYLE, start, end)
    text.append_text(body)
    return text


def preview(summary: RetroSummary, today: date, snippet: Snippet | None = None) -> Text:
    text = Text(no_wrap=False)
    text.append(one_line(summary.title, 300) + "\n", style="bold")
    kind = "near miss" if summary.kind is Kind.NEAR_MISS else "incident"
    if summary.started is not None:
        when = summary.local_start.strftime("%Y-%m-%d %H:%M") + f" {summary.timezone}"
    else:
        when = "start not set (listed by when it was created)"
    text.append(f"{summary.severity.value} {kind} · {when}", style="dim")
    text.append(f" · {summary.status.value} · id {summary.id}\n", style="dim")
    if snippet is not None:
        text.append_text(snippet_text(snippet))
        text.append("\n")
    elif summary.blurb:
        text.append(one_line(summary.blurb, 240) + "\n")
    text.append("Action items: ")
    text.append_text(actions_cell(summary, today))
    tags = ", ".join(one_line(t, 30) for t in summary.tags)
    text.append(f"   Tags: {tags or 'none'}")
    return text
