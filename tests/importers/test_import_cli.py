"""`retrotui import-timeline` and `retrotui show --json`: a few runs in a
subprocess, as users run them; the rest through `main()` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import ok, run
from importer_helpers import (
    METHOD_JSON,
    SAMPLES,
    error_line,
    incident,
    load,
    seed,
    utc,
)

from retrotui.cli import main
from retrotui.model import Marker, Source, TimelineEvent

INVALID = "oops, no time here\n2026-03-29 02:30:00 cron ran\n"


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file of the library but the lock (which names its holder)."""
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


def seeded(data_dir: Path, *events: TimelineEvent) -> str:
    retro = incident(timeline=list(events))
    seed(data_dir, retro)
    return retro.id


def test_all_or_nothing_then_skip_invalid_then_duplicates(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    retro_id = seeded(
        isolated_data_dir,
        TimelineEvent(
            time=utc("2026-11-26 13:03:12"),
            source=Source.DEPLOY,
            text="rollout api v2.31 to 100% [green]done[/green]",
            marker=Marker.TRIGGER,
        ),
        TimelineEvent(
            time=utc("2026-11-26 13:10:00"), source=Source.NOTE, text="Dana is on call"
        ),
    )
    bad = tmp_path / "deploy-with-junk.log"
    bad.write_text(
        (SAMPLES / "deploy.log").read_text(encoding="utf-8") + INVALID, encoding="utf-8"
    )
    before = snapshot(isolated_data_dir)
    argv = ["import-timeline", retro_id, str(bad), "--source", "deploy"]

    refused = run(*argv)
    assert error_line(refused) == (
        f"retrotui: error: {bad}: line 11: no timestamp at the start: "
        "'oops, no time here' (nothing was imported)"
    )
    assert refused.stdout == ""
    assert snapshot(isolated_data_dir) == before  # byte-identical

    skipping = ok(run(*argv, "--skip-invalid"))
    invalid = (
        "Skipped 2 invalid lines:\n"
        f"  {bad}: line 11: no timestamp at the start: 'oops, no time here'\n"
        f"  {bad}: line 12: 2026-03-29 02:30 does not exist in Europe/Berlin "
        "(the clocks jumped)\n"
    )
    assert skipping == (
        "Imported 8 events, 2026-11-26 13:50 to 2026-11-26 15:19 (Europe/Berlin).\n"
        "Skipped 1 exact duplicate.\n" + invalid
    )
    stored = load(isolated_data_dir, retro_id)
    assert [e.time for e in stored.timeline] == sorted(e.time for e in stored.timeline)
    assert len(stored.timeline) == 10
    assert stored.timeline[0].time == utc("2026-11-26 12:50:00")
    # The existing trigger kept its marker; its imported twin was not added.
    [rollout] = [e for e in stored.timeline if e.text.startswith("rollout")]
    assert rollout.marker is Marker.TRIGGER

    again = ok(run(*argv, "--skip-invalid"))
    assert again == "Imported no events.\nSkipped 9 exact duplicates.\n" + invalid
    assert len(load(isolated_data_dir, retro_id).timeline) == 10


def test_the_method_example_through_show_json(isolated_data_dir: Path) -> None:
    retro_id = seeded(isolated_data_dir)
    imported = ok(run("import-timeline", retro_id, str(SAMPLES / "method_example.csv")))
    assert imported == (
        "Imported 5 events, 2026-11-26 14:03 to 2026-11-26 15:25 (Europe/Berlin).\n"
    )
    document = json.loads(ok(run("show", retro_id, "--json")))
    assert document["metrics"] == METHOD_JSON
    assert len(document["retrospective"]["timeline"]) == 5


# -- in-process -----------------------------------------------------------------
def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_naive_times_are_read_in_the_retros_zone_unless_tz_is_given(
    isolated_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    berlin, utc_zone = seeded(isolated_data_dir), seeded(isolated_data_dir)
    log = tmp_path / "one.log"
    log.write_text("2026-11-26 14:03:00 rollout api v2.31\n", encoding="utf-8")
    assert (
        cli(capsys, "import-timeline", berlin, str(log), "--source", "deploy")[0] == 0
    )
    code, out, _ = cli(
        capsys,
        "import-timeline",
        utc_zone,
        str(log),
        "--source",
        "deploy",
        "--tz",
        "UTC",
    )
    assert code == 0
    # The summary shows the retrospective's zone whatever --tz was.
    assert (
        out
        == "Imported 1 event, 2026-11-26 15:03 to 2026-11-26 15:03 (Europe/Berlin).\n"
    )
    assert [e.time for e in load(isolated_data_dir, berlin).timeline] == [
        utc("2026-11-26 13:03:00")
    ]
    assert [e.time for e in load(isolated_data_dir, utc_zone).timeline] == [
        utc("2026-11-26 14:03:00")
    ]


def test_a_slack_export_folder_from_the_command_line(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    retro_id = seeded(isolated_data_dir)
    folder = SAMPLES / "slack_export"
    code, out, err = cli(
        capsys, "import-timeline", retro_id, str(folder), "--format", "slack"
    )
    assert (code, err) == (0, "")
    assert (
        out
        == "Imported 5 events, 2026-11-26 14:47 to 2026-11-27 08:45 (Europe/Berlin).\n"
    )
    stored = load(isolated_data_dir, retro_id).timeline
    assert {e.source for e in stored} == {Source.CHAT}
    assert stored[0].text == "Ops Rota: FIRING checkout-5xx (api-3) see #inc-checkout"


def test_markup_and_escapes_survive_the_store_and_show_json(
    isolated_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    retro_id = seeded(isolated_data_dir)
    text = "[red]boom[/red] \x1b[31mred\x1b[0m [@click=quit]q[/]"
    jsonl = tmp_path / "pager.jsonl"
    jsonl.write_text(
        json.dumps(
            {"timestamp": "2026-11-26T13:50:00Z", "source": "alert", "text": text}
        )
        + "\n",
        encoding="utf-8",
    )
    assert cli(capsys, "import-timeline", retro_id, str(jsonl))[0] == 0
    code, out, _ = cli(capsys, "show", retro_id, "--json")
    assert code == 0
    assert [e["text"] for e in json.loads(out)["retrospective"]["timeline"]] == [text]


@pytest.mark.parametrize(
    ("content", "extra", "reason"),
    [
        (b"", [], "{path}: line 1: the file is empty (nothing was imported)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [], "{path}: a binary file, not text"),
        (
            b"2026-11-26 14:03 x\n",
            [],
            "{path}: line 1: log lines need a source (e.g. --source deploy) (nothing was imported)",
        ),
        (
            b"2026-11-26 14:03 x\n",
            ["--source", "deploy", "--tz", "Mars/Olympus"],
            "--tz: ",
        ),
        (None, [], "{path}: No such file or directory"),
    ],
)
def test_errors_are_one_line_and_store_nothing(
    isolated_data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    extra: list[str],
    reason: str,
) -> None:
    retro_id = seeded(isolated_data_dir)
    path = tmp_path / "input.log"
    if content is not None:
        path.write_bytes(content)
    before = snapshot(isolated_data_dir)
    code, out, err = cli(capsys, "import-timeline", retro_id, str(path), *extra)
    assert (code, out) == (2, "")
    assert err.startswith(f"retrotui: error: {reason.format(path=path)}"), err
    assert err.count("\n") == 1
    assert snapshot(isolated_data_dir) == before
