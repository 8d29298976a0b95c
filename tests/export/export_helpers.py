"""Shared helpers for the export tests: hostile retrospectives, the shape of a
Markdown document as markdown-it-py sees it, the tags of an HTML page, and
`python -m retrotui` in a subprocess (the same conventions as tests/cli)."""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from enum import Enum
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).parent.parent / "model"))
from model_factories import NOT_FREE_TEXT, full_retro

from retrotui.model import Retrospective

# -- free-text fields ----------------------------------------------------------
Slot = tuple[object, str, int | None]


def text_slots(value: object) -> Iterator[Slot]:
    """(owner, attribute, list index or None) for every free-text value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name not in NOT_FREE_TEXT:
                if isinstance(item, str) and not isinstance(item, Enum):
                    yield value, f.name, None
                elif isinstance(item, list):
                    for i, element in enumerate(item):
                        if isinstance(element, str) and not isinstance(element, Enum):
                            yield value, f.name, i
            yield from text_slots(item)
    elif isinstance(value, list):
        for item in value:
            yield from text_slots(item)


def slot_count() -> int:
    return sum(1 for _ in text_slots(full_retro()))


def with_texts(texts: list[str] | Callable[[int], str]) -> Retrospective:
    """full_retro (timeline, factors, whys, actions, review log, phases) with
    free-text value number n set to texts[n] (or texts(n))."""
    retro = full_retro()
    for n, (owner, name, index) in enumerate(list(text_slots(retro))):
        text = texts(n) if callable(texts) else texts[n]
        if index is None:
            setattr(owner, name, text)
        else:
            getattr(owner, name)[index] = text
    return retro


# -- Markdown shape ------------------------------------------------------------
def md_parser() -> MarkdownIt:
    """The parser the spec names: CommonMark plus GFM tables."""
    return MarkdownIt("commonmark").enable("table")


def table_shapes(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row (header row first)."""
    tables: list[list[int]] = []
    for token in md_parser().parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return tables


def table_cells(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cells; a cell is the types of its inline tokens."""
    tables: list[list[list[str]]] = []
    in_cell = False
    for token in md_parser().parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif in_cell and token.type == "inline":
            kinds = {child.type for child in token.children or []}
            tables[-1][-1].append(",".join(sorted(kinds)))
    return tables


# Paragraph and text tokens vary with the text itself (blank lines start a
# new paragraph); every other token is template structure.
_TEXTUAL = {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}


def structure(markdown: str) -> Counter[str]:
    """How many of each block and inline token, leaving out plain text."""
    counts: Counter[str] = Counter()
    for token in md_parser().parse(markdown):
        if token.type not in _TEXTUAL:
            counts[f"{token.type}:{token.tag}"] += 1
        for child in token.children or []:
            if child.type not in _TEXTUAL:
                counts[f"{child.type}:{child.tag}"] += 1
    return counts


# -- HTML tags -----------------------------------------------------------------
class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attrs: list[tuple[str, str, str | None]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attrs += [(tag, name, value) for name, value in attrs]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def html_tags(page: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(page)
    collector.close()
    return collector


# -- the command line ------------------------------------------------------------
