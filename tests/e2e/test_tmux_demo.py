"""End to end: `retrotui demo` in a real 100x30 terminal, read like a person.

Runs the installed console script inside tmux, types keys with send-keys and
reads the screen with capture-pane. .ci/run installs tmux.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_support import Terminal, terminal_running

pytestmark = pytest.mark.tmux


@pytest.fixture
def terminal(isolated_data_dir: Path) -> Iterator[Terminal]:
    with terminal_running(isolated_data_dir, "demo") as terminal:
        yield terminal


def test_demo_opens_and_navigates_in_a_real_terminal(
    terminal: Terminal, isolated_data_dir: Path
) -> None:
    screen = terminal.wait_for(
        "Incident library", "Checkout 5xx after deploy", "Search index rebuild stalled"
    )
    assert "1 overdue" in screen
    lines = screen.splitlines()
    assert len(lines) <= 30 and max(len(line) for line in lines) <= 100

    terminal.keys("r")  # draft: no clock
    terminal.wait_for("DRAFTING", "Review previous action items")
    terminal.keys("2")
    terminal.wait_for("Deploy of api v2.31 to production st", "TRIGGER")

    terminal.keys("Escape")
    terminal.wait_for("Preview")
    terminal.keys("q")
    deadline = time.monotonic() + 10
    while "Incident library" in terminal.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Incident library" not in terminal.screen()
    # The demo ran in a throwaway folder: the user's library was not created.
    assert not isolated_data_dir.exists()


def test_search_as_you_type_and_insights_in_a_real_terminal(terminal: Terminal) -> None:
    terminal.wait_for("Incident library", "Checkout 5xx after deploy")
    terminal.press("/")
    terminal.type("canary")
    screen = terminal.wait_for("1 match", "Near miss: partner API certificate")
    assert "Checkout 5xx after deploy" not in screen  # the table narrowed
    assert "canary check" in screen  # the matching text, previewed
    terminal.press("Escape")
    terminal.wait_for("Checkout 5xx after deploy", "Search index rebuild stalled")
    terminal.press("s")
    screen = terminal.wait_for("Insights", "3 retrospectives", "Time to detect")
    lines = screen.splitlines()
    assert len(lines) <= 30 and max(len(line) for line in lines) <= 100
    terminal.press("End")
    terminal.wait_for("ESCALATE", "seen in 2")
    terminal.press("Escape")
    terminal.wait_for("Incident library")
