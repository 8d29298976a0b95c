"""The model stays pure: no UI, no storage, no I/O."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import retrotui.model

MODEL_DIR = Path(retrotui.model.__file__).parent

FORBIDDEN_MODULES = (
    "textual",
    "rich",
    "tinydb",
    "platformdirs",
    "retrotui.store",
    "retrotui.app",
    "retrotui.screens",
    "retrotui.widgets",
    "retrotui.dialogs",
    "retrotui.cli",
    # I/O modules: the model receives text and returns values. (`os` itself
    # is allowed, e.g. for os.urandom; its file functions are not, see below.)
    "io",
    "pathlib",
    "shutil",
    "subprocess",
    "socket",
    "tempfile",
    "sqlite3",
)
FORBIDDEN_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "mkdir",
    "unlink",
    "rename",
    "touch",
    "rmdir",
}


# File and process functions of the os module.
FORBIDDEN_OS = {
    "open",
    "fdopen",
    "remove",
    "unlink",
    "rename",
    "replace",
    "listdir",
    "scandir",
    "walk",
    "mkdir",
    "makedirs",
    "rmdir",
    "chmod",
    "stat",
    "system",
    "popen",
}


def _forbidden(module: str) -> bool:
    return any(
        module == bad or module.startswith(bad + ".") for bad in FORBIDDEN_MODULES
    )


def violations(source: str, filename: str = "<src>") -> list[str]:
    """Forbidden imports and file-access calls in one source file."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [
                f"{filename}:{node.lineno} import {a.name}"
                for a in node.names
                if _forbidden(a.name)
            ]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against retrotui.model
                base = "retrotui" if node.level >= 2 else "retrotui.model"
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names = [module] + [f"{module}.{a.name}" for a in node.names]
            os_names = {a.name for a in node.names} if module == "os" else set()
            if any(_forbidden(n) for n in names) or os_names & FORBIDDEN_OS:
                found.append(f"{filename}:{node.lineno} from {module} import")
        elif isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            on_os = (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "os"
            )
            if (
                name in FORBIDDEN_CALLS
                or name == "__import__"
                or (on_os and name in FORBIDDEN_OS)
            ):
                found.append(f"{filename}:{node.lineno} call {name}()")
    return found


def test_importing_the_model_loads_no_ui_or_storage_modules() -> None:
    script = (
        "import json, sys\n"
        "import retrotui.model\n"
        "bad = sorted(m for m in sys.modules\n"
        "    if m.split('.')[0] in ('textual', 'rich', 'tinydb', 'platformdirs')\n"
        "    or m == 'retrotui.store' or m.startswith('retrotui.store.')\n"
        "    or m.startswith(('retrotui.app', 'retrotui.cli', 'retrotui.screens')))\n"
        "print(json.dumps(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout) == []


def test_model_sources_have_no_forbidden_imports_or_file_access() -> None:
    files = sorted(MODEL_DIR.rglob("*.py"))
    assert len(files) >= 5
    found: list[str] = []
    for path in files:
        found += violations(path.read_text(encoding="utf-8"), path.name)
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import textual.app",
        "from tinydb import TinyDB",
        "import platformdirs",
        "from retrotui.store import Store",
        "from retrotui import store",
        "from ..store import library",
        "from pathlib import Path",
        "import shutil",
        "from os import listdir",
        "os.replace('a', 'b')",
        "os.scandir('.')",
        "data = open('x').read()",
        "Path('x').read_text()",
        "p.write_bytes(b'')",
        "with path.open() as f: pass",
    ],
)
def test_the_scanner_catches_violations(source: str) -> None:
    # Keeps the scan above honest: it must see each kind of violation.
    assert violations(source) != []


def test_the_scanner_allows_pure_code() -> None:
    source = (
        "from __future__ import annotations\n"
        "import os\n"
        "import re\n"
        "from datetime import UTC, datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from retrotui.model.enums import Kind\n"
        "from .fields import Fields\n"
        "text = ' '.join('a b'.split()).replace('a', 'b')\n"
        "token = os.urandom(4).hex()\n"
        "items = [1, 2]\n"
        "items.remove(1)\n"
    )
    assert violations(source) == []
