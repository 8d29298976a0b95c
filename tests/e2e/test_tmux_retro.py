"""End to end: type a short retrospective through keys in a real terminal."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_support import Terminal, terminal_running

pytestmark = pytest.mark.tmux


def cli(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "retrotui", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture
def drafting(isolated_data_dir: Path) -> Iterator[tuple[Terminal, str]]:
    retro_id = cli("new", "--title", "Queue backlog", "--started", "2026-11-26 09:00")
    with terminal_running(isolated_data_dir, f"draft {retro_id}") as terminal:
        yield terminal, retro_id


def test_type_a_short_retrospective(drafting: tuple[Terminal, str]) -> None:
    terminal, retro_id = drafting
    terminal.wait_for("DRAFTING", "Review previous action items")

    terminal.keys("2")
    terminal.wait_for("Timeline — facts only")
    terminal.keys("a")
    terminal.wait_for("done typing")  # as a person waits for the cursor
    # A person's Enter comes a moment after the text; in the same write, a
    # terminal burst reads as one paste.
    terminal.type_line("09:07 alert Queue depth above 10k !detection")
    terminal.type_line("09:00 deploy Consumer v3 rolled out !trigger")
    terminal.keys("Escape")
    terminal.wait_for("a add")  # a lone ESC, not the start of an escape sequence
    screen = terminal.wait_for("Queue depth above 10k", "Consumer v3 rolled out")
    lines = screen.splitlines()
    deploy = next(i for i, line in enumerate(lines) if "Consumer v3" in line)
    alert = next(i for i, line in enumerate(lines) if "Queue depth" in line)
    assert deploy < alert  # typed second, shown first: chronological
    assert "TRIGGER" in lines[deploy] and "DETECTION" in lines[alert]
    assert "To detect    7 min" in screen

    terminal.keys("5")
    terminal.wait_for("Action items — specific")
    terminal.keys("a")
    terminal.wait_for("Action item", "ctrl+s")
    terminal.type("Alert on consumer lag")
    terminal.press("Tab")
    terminal.type("Jun")
    terminal.press("Tab")
    terminal.type("+7d")
    terminal.press("C-s")
    screen = terminal.wait_for("Alert on consumer l", "1 item: aim for 3 to 5")
    row = next(line for line in screen.splitlines() if "Alert on consumer l" in line)
    assert "Jun" in row and "detection" in row and "open" in row

    terminal.press("6")
    screen = terminal.wait_for(
        "Summary — the postmortem", "to look at before publishing"
    )
    assert "1 action item: aim for 3 to 5 owned, dated ones." in screen

    terminal.keys("Escape")
    terminal.wait_for("Incident library", "Queue backlog")
    terminal.keys("q")

    shown = cli("show", retro_id)
    assert "Consumer v3 rolled out  [TRIGGER]" in shown
    assert "Alert on consumer lag — Jun" in shown
