"""Drive retrotui in a real tmux terminal, as a person would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def retrotui_command() -> str:
    """The installed console script (what users run), else the module."""
    script = Path(sys.executable).with_name("retrotui")
    return str(script) if script.exists() else f"{sys.executable} -m retrotui"


def tmux(name: str, *arguments: str) -> list[str]:
    """A tmux command on the test's own server (-L): a shared default server
    exits when its last session is killed, and a session started while it
    was exiting failed with "server exited unexpectedly"."""
    return ["tmux", "-L", name, *arguments]


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def screen(self) -> str:
        result = subprocess.run(
            tmux(self.name, "capture-pane", "-p", "-t", self.name),
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
        subprocess.run(tmux(self.name, "send-keys", "-t", self.name, *keys), check=True)

    def type(self, text: str) -> None:
        """Type text and pause: a burst followed at once by a key reads as a
        paste (or an escape sequence), which is not how people type."""
        self.keys("-l", text)
        time.sleep(0.3)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.keys(key)
            time.sleep(0.3)

    def type_line(self, text: str) -> None:
        self.type(text)
        self.press("Enter")

    def alive(self) -> bool:
        probe = tmux(self.name, "has-session", "-t", self.name)
        return subprocess.run(probe, capture_output=True, check=False).returncode == 0


@contextmanager
def terminal_running(data_dir: Path, arguments: str) -> Iterator[Terminal]:
    """`retrotui ARGUMENTS` in a 100x30 tmux session; killed afterwards."""
    assert shutil.which("tmux"), "tmux is required (.ci/run installs it)"
    name = f"retrotui-e2e-{uuid.uuid4().hex[:8]}"
    env_prefix = f"RETROTUI_DATA_DIR={data_dir} TERM=xterm-256color"
    # The sleep keeps the pane open after a crash, so its output can be read.
    command = f"env {env_prefix} {retrotui_command()} {arguments}; sleep 30"
    subprocess.run(
        tmux(name, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command),
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    try:
        yield Terminal(name)
    finally:
        subprocess.run(tmux(name, "kill-server"), capture_output=True)
