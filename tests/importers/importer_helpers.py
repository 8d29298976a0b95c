"""Shared bits for the timeline importer tests: the sample files, options in
the incident's zone, and the command line run as users run it."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from retrotui.importers.timeline import ImportResult, Options, read_timeline
from retrotui.model import Retrospective, Source, TimelineEvent
from retrotui.store import Store

SAMPLES = Path(__file__).parent / "samples"
BERLIN = ZoneInfo("Europe/Berlin")

# `show --json` metrics for samples/method_example.csv in incident().
METHOD_JSON = {
    "time_to_detect_s": 44 * 60,
    "time_to_mitigate_s": 67 * 60,
    "time_to_resolve_s": 82 * 60,
    "detected_by": "alert",
    "gaps": [
        {
            "start": "2026-11-26T13:03:00+00:00",
            "end": "2026-11-26T13:47:00+00:00",
            "minutes": 44.0,
        },
        {
            "start": "2026-11-26T13:52:00+00:00",
            "end": "2026-11-26T14:10:00+00:00",
            "minutes": 18.0,
        },
        # exactly the 15-minute threshold: reported
        {
            "start": "2026-11-26T14:10:00+00:00",
            "end": "2026-11-26T14:25:00+00:00",
            "minutes": 15.0,
        },
    ],
}


def utc(text: str) -> datetime:
    """`"2026-11-26 13:03:12"` as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def options(
    source: Source | str | None = None,
    *,
    zone: ZoneInfo = BERLIN,
    year: int = 2026,
    skip_invalid: bool = False,
    name: str = "",
) -> Options:
    return Options(
        zone=zone,
        year=year,
        source=Source(source) if source else None,
        skip_invalid=skip_invalid,
        name=name,
    )


def read(
    text: str,
    fmt: str = "auto",
    source: Source | str | None = None,
    existing: list[TimelineEvent] | None = None,
    **kwargs: object,
) -> ImportResult:
    return read_timeline(text, fmt, options(source, **kwargs), existing)  # type: ignore[arg-type]


def rows(result: ImportResult) -> list[tuple[str, str, str, str]]:
    """(UTC time, source, marker, text) of every event, in the order given."""
    return [
        (
            e.time.astimezone(UTC).isoformat(sep=" ").removesuffix("+00:00"),
            e.source.value,
            e.marker.value,
            e.text,
        )
        for e in result.events
    ]


def incident(**kwargs: object) -> Retrospective:
    """The method's example incident: 26 Nov 2026 from 14:03 in Berlin."""
    fields: dict[str, object] = {
        "title": "Checkout 5xx after api v2.31",
        "timezone": "Europe/Berlin",
        "started": utc("2026-11-26 13:03:00"),
    }
    fields.update(kwargs)
    return Retrospective(**fields)  # type: ignore[arg-type]


def seed(data_dir: Path, *retros: Retrospective) -> None:
    with Store(data_dir, mode="write") as store:
        for retro in retros:
            store.save(retro)
    # Opened again, as any library in use has been: its index is compacted,
    # so a later open that must change nothing leaves every byte alone.
    Store(data_dir, mode="write").close()


def load(data_dir: Path, retro_id: str) -> Retrospective:
    with Store(data_dir, mode="read") as store:
        return store.load(retro_id)


# -- the command line in a subprocess ----------------------------------------


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """Exit 2 and exactly one line on stderr, no traceback: that line."""
    where = (result.args[3:], result.stdout, result.stderr)
    assert result.returncode == 2, where
    assert "Traceback" not in result.stdout + result.stderr, where
    lines = result.stderr.splitlines()
    assert len(lines) == 1, where
    return lines[0]
