"""printable/one_line: user text made safe for a terminal line."""

from __future__ import annotations

import pytest

from retrotui.model.text import one_line, printable


def test_escape_codes_become_visible() -> None:
    shown = printable("\x1b[31mred\x1b[0m")
    assert shown == "\\x1b[31mred\\x1b[0m"
    assert "\x1b" not in shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x00", "\\x00"),
        ("\x07", "\\x07"),
        ("\x08", "\\x08"),
        ("\r", "\\x0d"),
        ("\x0b", "\\x0b"),
        ("\x0c", "\\x0c"),
        ("\x7f", "\\x7f"),
        ("\x9b", "\\x9b"),  # C1 CSI: an escape sequence in one character
        ("\x85", "\\x85"),
    ],
)
def test_control_characters_are_replaced(raw: str, shown: str) -> None:
    assert printable(f"a{raw}b") == f"a{shown}b"


def test_no_control_character_survives() -> None:
    every_control = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)])
    shown = printable(every_control)
    left = {c for c in shown if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0}
    assert left <= {"\t", "\n"}


@pytest.mark.parametrize(
    "text",
    [
        "plain text",
        "tab\tand\nnewline",
        "[red]markup is left to the display layer[/red] [bold",
        "👩‍🔥 e\u0301 漢字 ä | pipes |",
        "",
    ],
)
def test_printable_keeps_ordinary_text(text: str) -> None:
    assert printable(text) == text


def test_one_line_collapses_newlines_and_runs_of_space() -> None:
    assert one_line("first\nsecond\r\nthird\t\tfourth   fifth") == (
        "first second\\x0d third fourth fifth"
    )
    assert one_line("  padded \n") == "padded"


def test_one_line_shows_escape_codes() -> None:
    line = one_line("alert \x1b[2J fired")
    assert line == "alert \\x1b[2J fired"
    assert "\x1b" not in line and "\n" not in line


def test_one_line_limit_adds_an_ellipsis() -> None:
    line = one_line("x" * 50, limit=10)
    assert line == "x" * 9 + "…"
    assert len(line) == 10


def test_one_line_at_the_limit_is_kept_whole() -> None:
    assert one_line("x" * 10, limit=10) == "x" * 10
    assert one_line("x" * 11, limit=10) == "x" * 9 + "…"


def test_one_line_default_limit_is_200() -> None:
    line = one_line("word " * 100)
    assert len(line) == 200
    assert line.endswith("…")


def test_one_line_limit_counts_visible_escapes() -> None:
    # The limit applies to what is shown, after escapes are made visible.
    line = one_line("\x1b" * 10, limit=12)
    assert len(line) == 12
    assert line.endswith("…")
    assert "\x1b" not in line
