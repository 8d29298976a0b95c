"""Time from launch to first useful frame: retrotui vs a bare Textual app.

    python bench/startup.py [--runs 5] [--library 1000]

Both apps start in a detached tmux session of 100x30 on a private tmux
server; the pane is captured every ~5 ms until a known string shows (for
retrotui: the newest retrospective's title in the library table; for the
baseline: "hello-baseline"). Runs alternate between the two apps so that
machine noise hits both alike. One untimed warm-up launch of each comes
first (bytecode compilation, cold file cache). Goal: retrotui's median is
at most 1.2x the bare app's.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from retrotui.demo import build_demo
from retrotui.store import ENV_VAR, Store

WIDTH, HEIGHT = 100, 30
POLL_S = 0.005
GOAL = 1.2
SERVICES = ["payments", "search", "cart", "auth", "billing", "ledger", "email"]
BASELINE_SOURCE = """\
from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello-baseline")


Hello().run()
"""


def build_library(folder: Path, size: int) -> str:
    """Save `size` demo-based retrospectives; returns the newest one's title."""
    today = date.today()
    retros = []
    week = 0
    while len(retros) < size:
        retros.extend(build_demo(today - timedelta(weeks=week)))
        week += 1
    newest, *older = retros[:size]
    for n, retro in enumerate([newest, *older]):
        retro.id = f"{n:08x}"
        if n:  # copies read like other services' incidents
            title = retro.title[0].lower() + retro.title[1:]
            retro.title = f"{SERVICES[n % len(SERVICES)]}: {title} ({n})"
        for item in retro.actions:
            item.origin = retro.id
    marker = newest.title
    assert not any(marker in retro.title for retro in older), "marker not unique"
    with Store(folder, mode="write") as store:
        for retro in retros[:size]:
            store.save(retro)
    # Opened once more, as any library in use has been: that compacts the
    # index into its sorted form, which the first frame reads the head of.
    Store(folder, mode="write").close()
    return marker


def compile_package() -> None:
    """Write retrotui's bytecode, as `pip install` does for an installed
    package. An editable install under PYTHONDONTWRITEBYTECODE (set on these
    machines) would otherwise compile every module on every launch, and
    textual's bytecode, written by pip, makes the baseline faster."""
    import compileall

    import retrotui

    compileall.compile_dir(Path(retrotui.__file__).parent, quiet=1)


def retrotui_command() -> list[str]:
    """The console script users run, else `python -m retrotui`."""
    script = Path(sys.executable).parent / "retrotui"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "retrotui"]


class Tmux:
    """A private tmux server (its own socket), so no other session interferes."""

    def __init__(self) -> None:
        self.socket = f"retrotui-bench-{os.getpid()}"
        self.socket_path: Path | None = None
        self.runs = 0

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode:
            raise RuntimeError(f"tmux {args[0]}: {result.stderr.strip()}")
        return result.stdout

    def start(self) -> None:
        # A keeper session keeps the server up between runs, so server start-up
        # is not part of any measurement; remain-on-exit keeps a crash visible.
        self("new-session", "-d", "-s", "keeper", "-x", "20", "-y", "5", "cat")
        self("set-option", "-g", "remain-on-exit", "on")
        self.socket_path = Path(self("display-message", "-p", "#{socket_path}").strip())

    def stop(self) -> None:
        self("kill-server", check=False)
        if self.socket_path is not None:  # tmux 3.3 leaves the socket file behind
            self.socket_path.unlink(missing_ok=True)

    def time_to_text(
        self, command: list[str], env: dict[str, str], marker: str, timeout: float
    ) -> float:
        self.runs += 1
        name = f"run{self.runs}-{os.getpid()}"
        assignments = [f"{key}={value}" for key, value in env.items()]
        shell = shlex.join(["env", *assignments, *command])
        pid = None
        begin = time.perf_counter()
        try:
            self(
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                str(WIDTH),
                "-y",
                str(HEIGHT),
                shell,
            )
            pid = int(self("display-message", "-p", "-t", name, "#{pane_pid}").strip())
            while True:
                screen = self("capture-pane", "-p", "-t", name, check=False)
                if marker in screen:
                    return time.perf_counter() - begin
                if time.perf_counter() - begin > timeout:
                    raise RuntimeError(
                        f"{marker!r} not shown after {timeout:.0f} s; the pane:\n{screen}"
                    )
                time.sleep(POLL_S)
        finally:
            self("kill-session", "-t", name, check=False)
            if pid is not None:
                wait_gone(pid)


def wait_gone(pid: int, limit: float = 3.0) -> None:
    """Let the killed app exit so it does not steal CPU from the next run."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)


App = tuple[list[str], dict[str, str], str]  # command, environment, text to wait for


def time_interleaved(
    tmux: Tmux, apps: dict[str, App], runs: int, timeout: float
) -> dict[str, list[float]]:
    """Each app's time to first show its text, `runs` times, in turn so that
    they share the machine's noise; one warm-up each, not counted."""
    for command, env, text in apps.values():
        tmux.time_to_text(command, env, text, timeout)
    times: dict[str, list[float]] = {name: [] for name in apps}
    for run in range(1, runs + 1):
        for name, (command, env, text) in apps.items():
            times[name].append(tmux.time_to_text(command, env, text, timeout))
        print(
            f"run {run}: "
            + "  ".join(f"{name} {times[name][-1]:.3f} s" for name in apps)
        )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each app")
    parser.add_argument("--library", type=int, default=1000, help="retrospectives")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per run")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("startup: tmux is needed", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="retrotui-bench-"))
    tmux = Tmux()
    try:
        data_dir = work / "library"
        began = time.perf_counter()
        marker = build_library(data_dir, max(1, args.library))
        print(
            f"library: {args.library} retrospectives in {data_dir} "
            f"(built in {time.perf_counter() - began:.1f} s); waiting for {marker!r}"
        )
        baseline = work / "hello_baseline.py"
        baseline.write_text(BASELINE_SOURCE, encoding="utf-8")
        apps = {
            "bare": ([sys.executable, str(baseline)], {}, "hello-baseline"),
            "retrotui": (retrotui_command(), {ENV_VAR: str(data_dir)}, marker),
        }
        print(f"retrotui command: {shlex.join(apps['retrotui'][0])}")
        compile_package()
        tmux.start()
        times = time_interleaved(tmux, apps, args.runs, args.timeout)
        bare = statistics.median(times["bare"])
        retro = statistics.median(times["retrotui"])
        ratio = retro / bare
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"median: bare {bare:.3f} s  retrotui {retro:.3f} s")
        print(f"ratio retrotui/bare: {ratio:.2f}x (goal <= {GOAL}x: {verdict})")
    finally:
        tmux.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
