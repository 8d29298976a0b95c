"""The command line, driven as users run it: `python -m retrotui ...` in a
subprocess. Independent runs of one test start together (see `run_all`) so
the file stays fast; libraries are seeded through the Store API in-process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cli_runner import assert_error, ok, run, run_all

from retrotui.model import Retrospective, Severity
from retrotui.store import Store

TIMEOUT = 30
ID = re.compile(r"[0-9a-f]{12}")
BERLIN = [
    "--title",
    "T",
    "--kind",
    "near-miss",
    "--severity",
    "sev2",
    "--started",
    "2026-11-26 14:03",
    "--ended",
    "15:10",
    "--tz",
    "Europe/Berlin",
    "--tag",
    "deploy",
    "--tag",
    "data, x",
]


def seed(data_dir: Path, *retros: Retrospective) -> None:
    with Store(data_dir, mode="write") as store:
        for retro in retros:
            store.save(retro)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


# -- help and version --------------------------------------------------------
def test_version_and_help_exit_0_and_name_their_options() -> None:
    version, top, new, listing, show = run_all(
        ["--version"],
        ["--help"],
        ["new", "--help"],
        ["list", "--help"],
        ["show", "--help"],
    )
    from retrotui import __version__

    assert ok(version).strip() == f"retrotui {__version__}"
    top_text = ok(top)
    for word in ("--data-dir", "--version", "new", "list", "show", "demo"):
        assert word in top_text
    new_text = ok(new)
    for option in (
        "--title",
        "--kind",
        "--severity",
        "--started",
        "--ended",
        "--tz",
        "--tag",
        "--data-dir",
    ):
        assert option in new_text
    assert "--json" in ok(listing) and "--data-dir" in listing.stdout
    show_text = ok(show)
    assert "--json" in show_text and "ID" in show_text and "prefix" in show_text


# -- new / show ----------------------------------------------------------------
def test_new_prints_only_the_id_and_show_returns_the_stored_document(
    isolated_data_dir: Path,
) -> None:
    created = run("new", *BERLIN)
    assert created.stderr == ""
    retro_id = ok(created).strip()
    assert ID.fullmatch(retro_id) and created.stdout == retro_id + "\n"

    as_json, by_prefix = run_all(["show", retro_id, "--json"], ["show", retro_id[:3]])
    document = json.loads(ok(as_json))
    stored = document["retrospective"]
    assert document["schema_version"] == 1
    assert stored["id"] == retro_id
    assert stored["title"] == "T"
    assert stored["kind"] == "near-miss"
    assert stored["severity"] == "SEV2"
    assert stored["started"] == "2026-11-26T13:03:00+00:00"
    assert stored["ended"] == "2026-11-26T14:10:00+00:00"
    assert stored["timezone"] == "Europe/Berlin"
    assert stored["tags"] == ["deploy", "data", "x"]
    # The file on disk is what `show --json` printed, plus computed metrics.
    on_disk = json.loads(
        (isolated_data_dir / "retros" / f"{retro_id}.json").read_text()
    )
    metrics = document.pop("metrics")
    assert on_disk["retrospective"]["1"] == document
    assert metrics == {
        "time_to_detect_s": None,
        "time_to_mitigate_s": None,
        "time_to_resolve_s": None,
        "detected_by": None,
        "gaps": [],
    }

    text = ok(by_prefix)
    assert text.splitlines()[0] == "T"
    assert f"id {retro_id}" in text
    assert "started 2026-11-26 14:03 · ended 2026-11-26 15:10 (Europe/Berlin)" in text
    assert "tags: deploy, data, x" in text


# -- list ------------------------------------------------------------------------
def test_list_is_newest_first_in_columns_and_as_json(isolated_data_dir: Path) -> None:
    seed(
        isolated_data_dir,
        Retrospective(id="11111111", title="Oldest outage", started=at(1, 9)),
        Retrospective(
            id="33333333",
            title="Newest [bold]outage[/bold]",
            started=at(20, 9),
            severity=Severity.SEV1,
        ),
        Retrospective(id="22222222", title="Middle \x1b[31mred", started=at(10, 9)),
    )
    human, as_json, show_escape = run_all(
        ["list"], ["list", "--json"], ["show", "2222"]
    )

    lines = ok(human).splitlines()
    assert human.stderr == ""
    assert lines[0].split() == ["ID", "DATE", "SEV", "KIND", "STATUS", "OPEN", "TITLE"]
    assert [line.split()[0] for line in lines[1:]] == [
        "33333333",
        "22222222",
        "11111111",
    ]
    assert lines[1].split()[:6] == [
        "33333333",
        "2026-11-20",
        "SEV1",
        "incident",
        "draft",
        "-",
    ]
    assert lines[1].endswith("Newest [bold]outage[/bold]")  # markup shown literally
    title_column = lines[0].index("TITLE")
    assert all(line[title_column - 2 : title_column] == "  " for line in lines)
    # An escape code stored by some other route is never sent to the terminal.
    assert "\x1b" not in human.stdout and "Middle \\x1b[31mred" in human.stdout

    listed = json.loads(ok(as_json))
    assert [item["id"] for item in listed] == ["33333333", "22222222", "11111111"]
    assert listed[0]["title"] == "Newest [bold]outage[/bold]"
    assert listed[1]["title"] == "Middle \x1b[31mred"
    assert listed[0]["started"] == "2026-11-20T09:00:00+00:00"
    assert {"id", "title", "kind", "severity", "status", "started", "tags"} <= set(
        listed[0]
    )

    assert "\x1b" not in ok(show_escape)
    assert show_escape.stdout.splitlines()[0] == "Middle \\x1b[31mred"


def test_list_on_a_missing_library_gives_a_hint_and_creates_nothing(
    isolated_data_dir: Path,
) -> None:
    human, as_json = run_all(["list"], ["list", "--json"])
    assert "No retrospectives" in ok(human) and "retrotui new" in human.stdout
    assert str(isolated_data_dir) in human.stdout
    assert json.loads(ok(as_json)) == []
    assert not isolated_data_dir.exists()


def test_data_dir_flag_overrides_the_env_var_before_or_after_the_command(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    made_before, made_after = run_all(
        ["--data-dir", str(before), "new", "--title", "Before"],
        ["new", "--title", "After", "--data-dir", str(after)],
    )
    id_before, id_after = ok(made_before).strip(), ok(made_after).strip()
    assert not isolated_data_dir.exists()  # the env var's folder was not used
    listed_before = run("list", "--json", "--data-dir", str(before))
    assert [(r["id"], r["title"]) for r in json.loads(ok(listed_before))] == [
        (id_before, "Before")
    ]
    with Store(after, mode="read") as store:
        assert [(s.id, s.title) for s in store.summaries()] == [(id_after, "After")]


# -- errors: one line, exit 2, nothing stored ------------------------------------
def test_bad_input_is_one_line_exit_2_and_stores_nothing(
    isolated_data_dir: Path,
) -> None:
    start = ["--started", "2026-11-26 14:03"]
    results = run_all(
        ["new", "--title", "   "],
        ["new", "--title", "x", "--started", "yesterday-ish"],
        ["new", "--title", "x", *start, "--ended", "13:00"],
        ["new", "--title", "x", *start, "--tz", "Mars/Olympus_Mons"],
        ["new", "--title", "x", "--severity", "sev9"],
        ["new", "--title", "[red]x[/red] \x1b[31m"],
        ["frobnicate"],
    )
    empty, bad_start, backwards, zone, severity, escape, unknown = results
    assert_error(empty, "--title", "required")
    assert_error(bad_start, "--started", "yesterday-ish")
    assert_error(backwards, "--ended", "before it started")
    assert_error(zone, "--tz", "Mars/Olympus_Mons")
    assert_error(severity, "--severity", "SEV9")
    assert_error(escape, "--title", "control characters")
    assert_error(unknown, "frobnicate")
    assert all(r.stdout == "" for r in results)
    assert not isolated_data_dir.exists()


def test_unknown_and_ambiguous_ids(isolated_data_dir: Path) -> None:
    seed(
        isolated_data_dir,
        Retrospective(id="ab12cd34", title="One"),
        Retrospective(id="ab99cd34", title="Two"),
    )
    unknown, ambiguous = run_all(["show", "ffff"], ["show", "a"])
    assert_error(unknown, "'ffff'", "retrotui list")
    assert_error(ambiguous, "several", "ab12cd34", "ab99cd34")


def test_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "library"
    not_a_folder.write_bytes(b"my notes\n")
    listing, creating = run_all(
        ["--data-dir", str(not_a_folder), "list"],
        ["--data-dir", str(not_a_folder), "new", "--title", "x"],
    )
    assert_error(listing, str(not_a_folder))
    assert_error(creating, str(not_a_folder))
    assert not_a_folder.read_bytes() == b"my notes\n"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: file permissions do not stop root from writing",
)
def test_a_library_that_cannot_be_created(tmp_path: Path) -> None:
    # A folder whose parent is read-only. (A read-only data dir itself is
    # chmod-ed back to 0700 by store.paths.prepare_dir, since its owner may.)
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        result = run("--data-dir", str(parent / "data"), "new", "--title", "x")
        assert_error(result, str(parent / "data"))
        assert not (parent / "data").exists()
    finally:
        parent.chmod(0o700)


# -- concurrency and damaged files --------------------------------------------------
HOLDER = """
import sys
from pathlib import Path
from retrotui.store import Store
with Store(Path(sys.argv[1]), mode="write"):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_a_second_writer_is_refused_while_readers_still_work(
    isolated_data_dir: Path,
) -> None:
    seed(isolated_data_dir, Retrospective(id="0a0a0a0a", title="Already here"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(isolated_data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        creating, listing = run_all(["new", "--title", "Second"], ["list"])
        assert_error(creating, "open in another retrotui", f"pid {holder.pid}")
        assert "Already here" in ok(listing)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        try:
            holder.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
    with Store(isolated_data_dir, mode="read") as store:
        assert [s.title for s in store.summaries()] == ["Already here"]


CORRUPT = b'{"retrospective": {"1": {"title": "half a wri'


def test_a_corrupt_file_is_reported_and_left_alone(isolated_data_dir: Path) -> None:
    seed(
        isolated_data_dir,
        Retrospective(id="aaaa0001", title="Good one", started=at(2, 9)),
        Retrospective(id="aaaa0002", title="Good two", started=at(3, 9)),
    )
    bad = isolated_data_dir / "retros" / "bad00001.json"
    bad.write_bytes(CORRUPT)
    human, as_json = run_all(["list"], ["list", "--json"])

    for result in (human, as_json):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        warnings = result.stderr.splitlines()
        assert len(warnings) == 1
        assert warnings[0].startswith("retrotui: warning:")
        assert str(bad) in warnings[0] and "not valid JSON" in warnings[0]
    assert [line.split()[0] for line in human.stdout.splitlines()[1:]] == [
        "aaaa0002",
        "aaaa0001",
    ]
    assert [r["id"] for r in json.loads(as_json.stdout)] == ["aaaa0002", "aaaa0001"]
    assert bad.read_bytes() == CORRUPT


def test_show_of_a_corrupt_file_names_the_file(isolated_data_dir: Path) -> None:
    isolated_data_dir.joinpath("retros").mkdir(parents=True)
    bad = isolated_data_dir / "retros" / "bad00001.json"
    bad.write_bytes(CORRUPT)
    assert_error(run("show", "bad00001"), str(bad))
    assert bad.read_bytes() == CORRUPT


# -- hostile text ---------------------------------------------------------------
def test_markup_in_a_title_round_trips_literally() -> None:
    title = "[red]x[/red] [bold]$(rm -rf /)[/] `code` <b>&amp;"
    retro_id = ok(run("new", "--title", title)).strip()
    shown = run("show", retro_id, "--json")
    assert json.loads(ok(shown))["retrospective"]["title"] == title


def test_session_commands_refuse_bad_ids_and_misused_flags(
    isolated_data_dir: Path,
) -> None:
    seed(isolated_data_dir, Retrospective(id="ab12cd34", title="Known"))
    facilitate, draft, empty_dir, demo_dir, kind = run_all(
        ["facilitate", "zz"],
        ["draft", "--help"],
        ["--data-dir", "", "list"],
        ["demo", "--data-dir", str(isolated_data_dir)],
        ["new", "--title", "Alias", "--kind", "Near Miss"],
    )
    assert_error(facilitate, "no retrospective with id 'zz'")
    assert "without the clock" in ok(draft)
    assert_error(empty_dir, "--data-dir: give a folder")
    assert_error(demo_dir, "throwaway folder")
    new_id = ok(kind).strip()
    assert (
        json.loads(ok(run("show", new_id.upper(), "--json")))["retrospective"]["kind"]
        == "near-miss"
    )


def test_demo_removes_folders_left_by_a_killed_demo(tmp_path: Path) -> None:
    from retrotui.cli import DEMO_PREFIX, _sweep_old_demos
    from retrotui.store.lock import DirectoryLock

    stale = tmp_path / f"{DEMO_PREFIX}stale"
    live = tmp_path / f"{DEMO_PREFIX}live"
    other = tmp_path / "someone-elses"
    for folder in (stale, live, other):
        Store(folder, mode="write").close()
    holder = DirectoryLock(live)
    assert holder.try_acquire()  # a demo still running
    try:
        _sweep_old_demos(tmp_path)
    finally:
        holder.release()
    assert not stale.exists()
    assert live.exists() and other.exists()


def test_a_reader_that_leaves_early_is_not_an_error(isolated_data_dir: Path) -> None:
    """`retrotui list | head -1`: BrokenPipeError is an OSError, and the
    generic OSError handler used to catch it first ("Broken pipe", exit 2)."""
    seed(
        isolated_data_dir,
        *(Retrospective(title=f"incident {n} " + "x" * 200) for n in range(400)),
    )
    command = (
        f"{sys.executable} -m retrotui --data-dir {isolated_data_dir} list | head -1;"
        " echo exit=${PIPESTATUS[0]}"
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert "exit=0" in done.stdout, done
    assert "Broken pipe" not in done.stderr
