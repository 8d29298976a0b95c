"""End to end: `retrotui demo` in a real 100x30 terminal, read like a person.

Runs the installed console script inside tmux, types keys with send-keys and
reads the screen with capture-pane. .ci/run installs tmux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux


def _retrotui() -> str:
    script = Path(sys.executable).with_name("retrotui")
    return str(script) if script.exists() else f"{sys.executable} -m retrotui"


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout

    def wait_for(self, *texts: str, timeout: float = 20.0) -> str:
        """The screen once every one of `texts` is on it (frames paint in parts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.05)
        raise AssertionError(
            f"{texts!r} never all appeared; the screen was:\n{self.screen()}"
        )

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def alive(self) -> bool:
        probe = ["tmux", "has-session", "-t", self.name]
        return subprocess.run(probe, capture_output=True, check=False).returncode == 0


@pytest.fixture
def terminal(isolated_data_dir: Path) -> Iterator[Terminal]:
    assert shutil.which("tmux"), "tmux is required (.ci/run installs it)"
    name = f"retrotui-e2e-{uuid.uuid4().hex[:8]}"
    env_prefix = f"RETROTUI_DATA_DIR={isolated_data_dir} TERM=xterm-256color"
    command = f"env {env_prefix} {_retrotui()} demo; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    try:
        yield Terminal(name)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


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
