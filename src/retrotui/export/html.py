"""The postmortem as a standalone HTML page, rendered from the Markdown.

markdown-it-py runs with raw HTML disabled, so nothing a user typed can
become markup; the stylesheet is embedded and prints cleanly.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from retrotui.export.markdown import render as render_markdown
from retrotui.model import Retrospective

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
tr:nth-child(even) td { background: #fafafa; }
code { background: #f3f3f3; padding: 0 .2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
"""


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render(retro: Retrospective) -> str:
    body = _parser().render(render_markdown(retro, with_front_matter=False))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="retrotui">\n'
        f"<title>{escape(retro.title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
