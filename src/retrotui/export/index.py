"""The index page of an exported library."""

from __future__ import annotations

import re
from html import escape

from retrotui.export.escape import cell
from retrotui.model import Kind, RetroSummary, newest_first

INDEX_HEADING = "# Incident library\n"
_LINKS = re.compile(r"\]\(([^)\s/\\]+)\)|href=\"([^\"/\\]+)\"")


def listed_files(index_text: str) -> set[str]:
    """The file names an index written by `export --all` links to."""
    return {a or b for a, b in _LINKS.findall(index_text)}


def index_markdown(summaries: list[RetroSummary], names: dict[str, str]) -> str:
    lines = [
        INDEX_HEADING.strip(),
        "",
        f"{len(summaries)} retrospectives, newest first.",
        "",
        "| Date | Severity | Kind | Title | Status | Open action items |",
        "|---|---|---|---|---|---|",
    ]
    for s in newest_first(summaries):
        kind = "near miss" if s.kind is Kind.NEAR_MISS else "incident"
        title = cell(s.title).replace("](", "]\\(")
        lines.append(
            f"| {s.local_start.date().isoformat()} | {s.severity.value} | {kind} | "
            f"[{title}]({names[s.id]}) | {s.status.value} | {s.open_actions} |"
        )
    return "\n".join(lines) + "\n"


def index_html(summaries: list[RetroSummary], names: dict[str, str]) -> str:
    rows = "\n".join(
        f"<tr><td>{s.local_start.date().isoformat()}</td><td>{s.severity.value}</td>"
        f'<td><a href="{escape(names[s.id])}">{escape(s.title)}</a></td>'
        f"<td>{s.status.value}</td><td>{s.open_actions}</td></tr>"
        for s in newest_first(summaries)
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Incident library</title>\n</head>\n<body>\n<h1>Incident library</h1>\n"
        "<table>\n<tr><th>Date</th><th>Severity</th><th>Title</th><th>Status</th>"
        f"<th>Open action items</th></tr>\n{rows}\n</table>\n</body>\n</html>\n"
    )
