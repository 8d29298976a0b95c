"""export_markdown -> importers.markdown.parse gives back an equal
retrospective; anything else is refused with the line at fault."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from export_helpers import full_retro

from retrotui.demo import build_demo
from retrotui.export.formats import to_json
from retrotui.export.html import render as render_html
from retrotui.export.markdown import DATA_OPEN, export_markdown
from retrotui.importers.markdown import MarkdownImportError, parse
from retrotui.model import Retrospective
from retrotui.store import Store

DEMOS = build_demo(date(2026, 11, 27))

HOSTILE = {
    "markup": "<script>alert(1)</script> <img src=x onerror=alert(1)> **b** _i_ [l](u)",
    "comment-close": "-->",
    "comment-open": "<!-- hidden -->",
    "dashes": "-- --- ---- -",
    "data-marker": DATA_OPEN + "\n{}\n-->",
    "front-matter": "---\nid: evil\n---",
    "table": "| a | b |\n|---|---|\n| c | d |",
    "pipes-and-backslashes": "\\|\\\\| \\ |",
    "backticks": "``` ` ``x``",
    "headings": "# one\n## two\n===\n---",
    "escape-codes": "\x1b[31mred\x1b[0m \x00 \x07 \x7f \x9b",
    "line-ends": "a\r\nb\rc\n\nd\u2028e\u2029f\x85g\x0b\x0c",
    "bom-inside": "\ufeffstarts with a BOM",
    "emoji": "😀 👩‍💻 🇩🇪 e\u0301",
    "json": '{"schema_version": 1} "quoted" \\u002d',
    "whitespace": "  leading and trailing  \t",
    "entities": "&amp; &lt;b&gt; &#x3C;",
}


def round_trip(retro: Retrospective) -> Retrospective:
    return parse(export_markdown(retro))


@pytest.mark.parametrize("retro", DEMOS, ids=[r.id for r in DEMOS])
def test_the_demo_retrospectives_round_trip(retro: Retrospective) -> None:
    assert round_trip(retro) == retro


def test_a_stored_retrospective_round_trips_with_its_timestamps(
    isolated_data_dir: Path,
) -> None:
    with Store(isolated_data_dir, mode="write") as store:
        for retro in copy.deepcopy(DEMOS):
            store.save(retro)
        stored = [store.load(r.id) for r in DEMOS]
    for retro in stored:
        back = round_trip(retro)
        assert back == retro
        assert (back.created, back.updated) == (retro.created, retro.updated)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_in_every_field_round_trips(text: str) -> None:
    retro = full_retro(text, title="T " + text)
    assert round_trip(retro) == retro


def test_a_megabyte_of_text_round_trips() -> None:
    megabyte = ("<b>|`--> 😀 \x1b[0m\n# x\r\n" * 60_000)[:1_000_000]
    retro = full_retro("small <i>|")
    retro.summary = megabyte
    retro.timeline[0].text = megabyte
    retro.actions[0].title = megabyte
    exported = export_markdown(retro)
    assert len(exported) > 3_000_000
    assert parse(exported) == retro


@pytest.mark.parametrize(
    "transform",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: "\ufeff" + text,
        lambda text: "\ufeff" + text.replace("\n", "\r\n"),
        lambda text: text.rstrip("\n"),
        lambda text: text + "\n\n",
    ],
    ids=["crlf", "bom", "bom-crlf", "no-final-newline", "extra-newlines"],
)
@pytest.mark.parametrize("retro", [DEMOS[0], full_retro("a | b\n`c` -->")])
def test_line_endings_and_a_bom_are_accepted(transform, retro: Retrospective) -> None:
    assert parse(transform(export_markdown(retro))) == retro


# -- refusals ----------------------------------------------------------------------
def exported_lines() -> list[str]:
    return export_markdown(DEMOS[0]).split("\n")


def refusal(text: str) -> MarkdownImportError:
    with pytest.raises(MarkdownImportError) as caught:
        parse(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error).startswith(f"line {error.line}: ")
    return error


def line_of(lines: list[str], prefix: str) -> int:
    """1-based number of the first line starting with `prefix`."""
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(prefix))


@pytest.mark.parametrize(
    ("prefix", "old", "new"),
    [
        ("title: ", "Checkout", "Payment"),  # front matter
        ("# Checkout", "Checkout", "Payment"),  # the heading
        ("| 2026-11-26 14:09 |", "12 pods", "13 pods"),  # a table cell
        ("- **Time to detect:**", "44", "45"),  # a derived figure
        ("5. The review checklist", "checklist", "list"),  # last why
    ],
)
def test_an_edit_after_export_is_refused_naming_its_line(
    prefix: str, old: str, new: str
) -> None:
    lines = exported_lines()
    number = line_of(lines, prefix)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    error = refusal("\n".join(lines))
    assert error.line == number
    assert "edited after export" in error.message


def test_added_and_removed_lines_are_refused_at_the_first_difference() -> None:
    lines = exported_lines()
    number = line_of(lines, "## Impact")
    added = [
        *lines[: number - 1],
        "A note added in the wiki.",
        "",
        *lines[number - 1 :],
    ]
    assert refusal("\n".join(added)).line == number
    removed = lines[: number - 1] + lines[number:]
    assert refusal("\n".join(removed)).line == number


def test_an_edit_inside_the_data_block_is_refused_where_the_text_disagrees() -> None:
    text = export_markdown(DEMOS[0])
    data_at = text.index(DATA_OPEN)
    edited = text[:data_at] + text[data_at:].replace(
        '"title": "Checkout 5xx after deploy"', '"title": "Something else"'
    )
    assert edited != text
    error = refusal(edited)
    assert error.line == 3  # the front matter's title no longer matches


def test_two_exports_pasted_together_are_refused() -> None:
    text = export_markdown(DEMOS[0]) + export_markdown(DEMOS[1])
    assert refusal(text).line > 1


def test_a_truncated_file_is_refused() -> None:
    text = export_markdown(DEMOS[0])
    lines = text.split("\n")
    data_line = lines.index("<!--") + 1

    in_body = "\n".join(lines[:40])
    error = refusal(in_body)
    assert "no retrotui data block" in error.message and error.line == 40

    in_data = text[: text.index('"timeline"')]
    error = refusal(in_data)
    assert "not closed" in error.message and error.line == data_line

    without_close = text[: text.rindex("-->")]
    assert refusal(without_close).line == data_line


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "# My postmortem\n\nWritten by hand.\n",
        render_html(DEMOS[0]),
        to_json(DEMOS[0]),
        "\ufeff# Notes\r\n",
    ],
    ids=["empty", "blank", "hand-written", "html-export", "json-export", "bom-crlf"],
)
def test_a_file_without_front_matter_is_refused_at_line_1(text: str) -> None:
    error = refusal(text)
    assert error.line == 1
    assert "no front matter" in error.message
    assert "retrotui export" in error.message


def test_a_file_without_a_data_block_is_refused_at_its_end() -> None:
    text = export_markdown(DEMOS[0])
    body = text[: text.index(DATA_OPEN)].rstrip("\n") + "\n"
    error = refusal(body)
    assert "no retrotui data block" in error.message
    assert error.line == body.count("\n")  # the last line


def broken_json(replace: str, by: str) -> tuple[str, int]:
    """The demo export with one data-block line changed, and its number."""
    lines = exported_lines()
    number = lines.index(replace) + 1
    lines[number - 1] = by
    return "\n".join(lines), number


def test_broken_json_in_the_data_block_is_refused() -> None:
    text, number = broken_json('  "created": "1970-01-01T00:00:00+00:00",', "  nope,")
    error = refusal(text)
    assert "not valid JSON" in error.message
    data_line = exported_lines().index("<!--") + 1
    assert data_line < error.line <= number


@pytest.mark.parametrize(
    ("replace", "by"),
    [
        ('  "created": "1970-01-01T00:00:00+00:00",', '  "created": nope,'),
        ("{", "{oops"),
    ],
    ids=["middle", "first-line"],
)
def test_broken_json_is_refused_naming_the_bad_line(replace: str, by: str) -> None:
    text, number = broken_json(replace, by)
    assert refusal(text).line == number


@pytest.mark.parametrize(
    ("replace", "by", "field"),
    [
        (
            '  "created": "1970-01-01T00:00:00+00:00",',
            '  "created": "yesterday",',
            "retrospective.created",
        ),
        ('  "severity": "SEV2",', '  "severity": "SEV9",', "retrospective.severity"),
        (
            '  "title": "Checkout 5xx after deploy",',
            '  "title": "  ",',
            "retrospective.title",
        ),
        (' "schema_version": 1', ' "schema_version": "one"', "schema_version"),
        ('  "kind": "incident",', '  "kind": "incident", "extra": 1,', "extra"),
    ],
)
def test_a_data_block_with_an_invalid_retrospective_is_refused(
    replace: str, by: str, field: str
) -> None:
    text, number = broken_json(replace, by)
    error = refusal(text)
    assert "not a valid retrospective" in error.message
    assert field in error.message
    lines = text.split("\n")
    data_line = lines.index("<!--") + 1
    assert data_line <= error.line <= number


def test_the_data_block_is_json_that_never_closes_the_comment_early() -> None:
    retro = full_retro("--> -- <!-- --!> ---")
    text = export_markdown(retro)
    data = text[text.index(DATA_OPEN) + len(DATA_OPEN) :]
    assert data.count("--") == 1 and data.endswith("\n-->\n")
    payload = json.loads(data[: -len("-->\n")])
    assert payload["retrospective"]["summary"] == "--> -- <!-- --!> ---"
