"""Run the real `retrotui` command line as a subprocess, as users do.

Shared by the CLI, export and importer tests (pytest puts tests/ on the path).
"""

from __future__ import annotations

import os
import subprocess
import sys

TIMEOUT = 60


def run_all(
    *argvs: list[str], env: dict[str, str] | None = None
) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once, then collect them in order."""
    environment = dict(os.environ)  # RETROTUI_DATA_DIR from the autouse fixture
    environment.update(env or {})
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "retrotui", *argv],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
        )
        for argv in argvs
    ]
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
        results.append(
            subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        )
    return results


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return run_all(list(argv))[0]


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stdout


def assert_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, one line on stderr starting with "retrotui", no traceback."""
    where = (result.args[3:], result.stdout, result.stderr)
    assert result.returncode == 2, where
    assert "Traceback" not in result.stdout + result.stderr, where
    lines = result.stderr.splitlines()
    assert len(lines) == 1, where
    assert lines[0].startswith("retrotui"), where
    for fragment in fragments:
        assert fragment in lines[0], (fragment, where)
    return lines[0]
