"""Whatever a user types, the Markdown keeps its shape and the HTML gets no
markup from it (property tests over every free-text field at once)."""

from __future__ import annotations

from export_helpers import (
    full_retro,
    html_tags,
    md_parser,
    slot_count,
    structure,
    table_cells,
    table_shapes,
    text_slots,
    with_texts,
)
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from retrotui.export.html import render as render_html
from retrotui.export.markdown import export_markdown, render
from retrotui.importers.markdown import parse

SLOTS = slot_count()
assert next(text_slots(full_retro()))[1] == "title"

# Characters that mean something to Markdown, HTML, YAML, JSON or a terminal,
# and multi-character sequences that do; mixed with arbitrary characters.
SPECIAL = list("|`\n\r\t#<>\\*_[]~&!-=+.:()'\" \x00\x1b\x7f\x85\u2028\ufeff😀")
CHUNKS = [
    "-->",
    "<!--",
    "--",
    "---",
    "```",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "<https://example.com>",
    "&amp;",
    "&#60;b&#62;",
    "1. ",
    "- ",
    "> ",
    "    ",
    "|---|---|",
    "\n\n",
    "\r\n",
    "👩‍💻",
    "\x1b[31m",
    "retrotui:data",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(SPECIAL),
        st.sampled_from(CHUNKS),
        st.characters(codec="utf-8"),
    ),
    max_size=24,
).map("".join)


def plain_twin(texts: list[str]) -> list[str]:
    """The same retrospective with harmless words; blank stays blank, since a
    blank summary (say) legitimately leaves its section out."""
    return [f"plain{n}" if text.strip() else text for n, text in enumerate(texts)]


ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    ("html", "lang"),
    ("meta", "charset"),
    ("meta", "name"),
    ("meta", "content"),
}

TEXT_HEAVY = ["| a | b |\n|---|---|\n| c | d |"] * SLOTS
MARKUP = ['<img src=x onerror="alert(1)"> `x` **b** [l](javascript:1) -->'] * SLOTS


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(texts=st.lists(hostile_text, min_size=SLOTS, max_size=SLOTS))
@example(texts=TEXT_HEAVY)
@example(texts=MARKUP)
@example(texts=["\\"] * SLOTS)
@example(texts=["\\|"] * SLOTS)
@example(texts=["#"] * SLOTS)
def test_user_text_never_changes_the_shape_nor_injects_markup(
    texts: list[str],
) -> None:
    if not texts[0].strip():  # slot 0 is the title, which must not be blank
        texts = ["T" + texts[0], *texts[1:]]
    hostile = with_texts(texts)
    plain = with_texts(plain_twin(texts))
    exported, plain_exported = export_markdown(hostile), export_markdown(plain)

    # Tables in the file as a front-matter-aware renderer sees it (everything
    # after the front matter, data block included): same count, same rows
    # per table, same cells per row. (For the front matter itself, which a
    # plain CommonMark parser reads as text, see the test below.)
    shape = table_shapes(after_front_matter(exported))
    assert shape == table_shapes(after_front_matter(plain_exported))
    assert len(shape) == 4  # timeline, actions, review, time spent

    # The body (what the HTML export renders): every cell is literal text, no
    # code span, link, emphasis or HTML; and outside the tables the same
    # headings, lists, items and bold labels as with plain text.
    body = render(hostile, with_front_matter=False)
    for table in table_cells(body):
        for row in table:
            for kinds in row:
                assert kinds in ("", "text"), (kinds, body)
    assert structure(body) == structure(render(plain, with_front_matter=False))

    # HTML: only the template's tags and attributes, whatever was typed.
    page = render_html(hostile)
    found = html_tags(page)
    assert set(found.tags) <= ALLOWED_TAGS, set(found.tags) - ALLOWED_TAGS
    for tag, name, value in found.attrs:
        assert (tag, name) in ALLOWED_ATTRIBUTES, (tag, name, value)
        assert "javascript" not in (value or "").lower()
    assert not found.comments
    plain_tags = html_tags(render_html(plain)).tags
    # Paragraph counts follow blank lines in the text; nothing else may move.
    assert {k: v for k, v in found.tags.items() if k != "p"} == {
        k: v for k, v in plain_tags.items() if k != "p"
    }

    # And the exporter's file reads back as exactly this retrospective.
    assert parse(exported) == hostile


def after_front_matter(exported: str) -> str:
    assert exported.startswith("---\n")
    return exported.split("\n---\n", 1)[1]


def test_a_backslash_pipe_in_an_author_does_not_make_a_table_of_the_front_matter() -> (
    None
):
    def names(pipe: str) -> list[str]:
        return [f"Ana {pipe} SRE" for _ in range(SLOTS)]

    hostile = export_markdown(with_texts(names("\\|")))
    plain = export_markdown(with_texts(names("/")))
    assert table_shapes(hostile) == table_shapes(plain)


def test_the_parser_under_test_does_see_markup_when_it_is_not_escaped() -> None:
    """Guard against a vacuous property: unescaped, the same text would break."""
    raw = "| Time | What |\n|---|---|\n| 1 | a `c` <b>x</b> |\n"
    tokens = [t.type for t in md_parser().parse(raw)]
    assert "table_open" in tokens
    cells = table_cells(raw)[0][1]
    assert any(kind not in ("", "text") for kind in cells)
