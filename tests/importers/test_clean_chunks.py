"""The fast path for clean chunks (importers/bulk.py) must import exactly what
the line-by-line readers import: the same events, duplicates, skipped lines
and errors. Each case is read twice, with chunks of a few lines (so chunk
borders fall everywhere) and with the fast path switched off."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from importer_helpers import BERLIN, options

from retrotui.importers import timeline
from retrotui.importers.timeline import (
    TimelineImportError,
    read_timeline,
)
from retrotui.model import Marker, Source, TimelineEvent

NEW_YORK = ZoneInfo("America/New_York")


def _outcome(text, fmt, opts, existing=None):
    try:
        result = read_timeline(text, fmt, opts, existing)
    except TimelineImportError as error:
        return ("error", str(error))
    return (
        [(e.time, e.source, e.text, e.marker) for e in result.events],
        result.duplicates,
        [(s.line, s.reason) for s in result.skipped],
    )


def _both(monkeypatch, text, fmt, opts, existing=None):
    """(fast, careful) outcomes; fast uses 3-line chunks."""
    monkeypatch.setattr(timeline, "CHUNK", 3)
    fast = _outcome(text, fmt, opts, existing)
    monkeypatch.setattr(timeline, "_clean_log_chunk", lambda *args: False)
    monkeypatch.setattr(timeline, "_clean_csv_chunk", lambda *args: False)
    careful = _outcome(text, fmt, opts, existing)
    monkeypatch.undo()
    return fast, careful


LOGS = {
    "utc": "2026-11-26T13:03:12Z deploy started\n2026-11-26T13:03:13Z done\n",
    "offsets": "2026-11-26T14:03:12+01:00 a\n2026-11-26T08:03:13-05:00 b\n",
    "naive in zone": "2026-11-26T14:03:12 a\n2026-11-26T14:03:13.250 b\n",
    "naive and aware mixed": "2026-11-26T14:03:12 a\n2026-11-26T13:03:13Z b\n",
    "space before the time": "2026-11-26 14:03:12 a\n2026-11-26 14:03:13 b\n",
    "date only": "2026-11-26 a\n2026-11-27 b\n",
    "hour only": "2026-11-26T14 a\n",
    "week date": "2026-W48-4T14:03:12 a\n",
    "basic format": "20261126T140312Z a\n",
    "lower-case t": "2026-11-26t14:03:12Z a\n",
    "syslog": "Nov 26 14:03:12 host cron[1]: ran\n",
    "syslog padded day": "Nov  6 14:03:12 host a\nNov  6 14:03:13 host b\n",
    "syslog zero day": "Nov 06 14:03:12 host a\nNov 16 14:03:13 host b\n",
    "syslog one space": "Nov 6 14:03:12 host a\n",
    "syslog bad day": "Feb 30 14:03:12 host a\n",
    "syslog lower month": "nov 26 14:03:12 host a\n",
    "syslog dst gap": "Mar 29 02:30:00 host a\nMar 29 03:30:00 host b\n",
    "syslog and iso": "Nov 26 14:03:12 host a\n2026-11-26T14:03:13Z b\n",
    "syslog no text": "Nov 26 14:03:12 \nNov 26 14:03:13\n",
    "syslog separators": "Nov 26 14:03:12 - a\nNov 26 14:03:13 | b\n",
    "syslog leading space": " Nov 26 14:03:12 host a\n",
    "syslog duplicates": "Nov 26 14:03:12 host a\n" * 3,
    "epoch": "1764162192 a\n1764162193000 b\n",
    "blank lines": "\n2026-11-26T13:03:12Z a\n\n   \n2026-11-26T13:03:13Z b\n\n",
    "crlf": "2026-11-26T13:03:12Z a\r\n2026-11-26T13:03:13Z b\r\n",
    "separators": "2026-11-26T13:03:12Z - a\n2026-11-26T13:03:13Z | b\n",
    "tabs and runs": "2026-11-26T13:03:12Z\ta\tb\n2026-11-26T13:03:13Z x    y  \n",
    "unicode spaces": "2026-11-26T13:03:12Z \xa0a\u2003\n2026-11-26T13:03:13Z b\u2028c\n",
    "no text": "2026-11-26T13:03:12Z\n2026-11-26T13:03:13Z   \n",
    "duplicates": "2026-11-26T13:03:12Z a\n" * 4 + "2026-11-26T13:03:13Z b\n",
    "same time, other text": "2026-11-26T13:03:12Z a\n2026-11-26T13:03:12Z b\n" * 3,
    "out of order": "2026-11-26T13:05:00Z c\n2026-11-26T13:03:00Z a\n"
    "2026-11-26T13:04:00Z b\n2026-11-26T13:03:00Z a\n",
    "dst gap": "2026-03-29T02:30:00 a\n2026-03-29T03:30:00 b\n",
    "dst fold": "2026-10-25T02:30:00 a\n2026-10-25T02:45:00 b\n",
    "naive across fall-back": "2026-10-25T01:30:00 a\n2026-10-25T02:30:00 b\n"
    "2026-10-25T03:30:00 c\n",
    "naive across spring-forward": "2026-03-29T01:30:00 a\n2026-03-29T03:30:00 b\n",
    "naive over weeks": "2026-03-01T12:00:00 a\n2026-04-01T12:00:00 b\n",
    "naive summer": "2026-07-01T12:00:00.250 a\n2026-07-02 13:00:00 b\n",
    "bad day": "2026-11-31T13:03:12Z a\n",
    "too long": "2026-11-26T13:03:12Z " + "x" * 5000 + "\n",
    "markup": "2026-11-26T13:03:12Z [red]x[/red] \x1b[31mred\x1b[0m\n",
    "nanoseconds": "2026-11-26T13:03:12.123456789Z a\n",
    "year one": "0001-01-01T00:30:00 typo year\n2026-11-26T14:05:00 ok\n",
    "year 9999": "9999-12-31T23:30:00-05:00 far\n",
}


@pytest.mark.parametrize("skip_invalid", [False, True])
@pytest.mark.parametrize("case", sorted(LOGS))
def test_a_log_reads_the_same_fast_and_careful(monkeypatch, case, skip_invalid):
    opts = options(Source.DEPLOY, skip_invalid=skip_invalid)
    fast, careful = _both(monkeypatch, LOGS[case], "log", opts)
    assert fast == careful


def test_the_fast_path_is_taken_for_clean_chunks(monkeypatch):
    calls = []
    real = timeline._read_log_lines
    monkeypatch.setattr(
        timeline, "_read_log_lines", lambda lines, *rest: calls.append(lines)
    )
    monkeypatch.setattr(timeline, "CHUNK", 2)
    text = (
        "2026-11-26T13:00:00Z a\n2026-11-26T13:01:00Z b\n"
        "Nov 26 14:02:00 c\n2026-11-26T13:03:00Z d\n"
        "2026-11-26T13:04:00Z e\n"
    )
    read_timeline(text, "log", options(Source.DEPLOY))
    # Only the chunk holding the syslog line went line by line.
    assert calls == [["Nov 26 14:02:00 c", "2026-11-26T13:03:00Z d"]]
    assert real is not None


def test_existing_events_count_as_duplicates_on_both_paths(monkeypatch):
    at = datetime(2026, 11, 26, 13, 3, 12, tzinfo=UTC)
    existing = [
        TimelineEvent(time=at, source=Source.DEPLOY, text="a"),
        TimelineEvent(time=at, source=Source.ALERT, text="b"),
        TimelineEvent(time=at + timedelta(hours=5), source=Source.DEPLOY, text="z"),
    ]
    text = "".join(
        f"2026-11-26T13:03:{second:02}Z {word}\n"
        for second, word in [(11, "x"), (12, "a"), (12, "b"), (13, "c"), (14, "d")]
    )
    fast, careful = _both(monkeypatch, text, "log", options(Source.DEPLOY), existing)
    assert fast == careful
    assert fast[1] == 1  # "a" at 13:03:12 from deploy; "b" came from alert


def _random_log(seed: int) -> str:
    chooser = random.Random(seed)
    start = datetime(2026, 3, 29, 0, 0)
    lines = []
    for n in range(60):
        moment = start + timedelta(minutes=chooser.choice([0, 1, 7, 30, 61]) * n)
        stamp = chooser.choice(
            [
                moment.strftime("%Y-%m-%dT%H:%M:%S"),
                moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                moment.strftime("%Y-%m-%dT%H:%M:%S+02:00"),
                moment.strftime("%b %d %H:%M:%S"),
            ]
            if chooser.random() < 0.2
            else [moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")]
        )
        text = chooser.choice(["deploy", "alert  fired", "x\ty", "", "same"])
        lines.append(f"{stamp} {text}")
        if chooser.random() < 0.1:
            lines.append(lines[chooser.randrange(len(lines))])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(25))
def test_random_logs_read_the_same_fast_and_careful(monkeypatch, seed):
    text = _random_log(seed)
    for zone in (BERLIN, NEW_YORK):
        opts = options(Source.ALERT, zone=zone, skip_invalid=True)
        fast, careful = _both(monkeypatch, text, "log", opts)
        assert fast == careful


def _csv(rows: list[list[str]], header=("timestamp", "source", "text", "marker")):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


CSVS = {
    "clean": _csv(
        [
            ["2026-11-26T13:03:12Z", "deploy", "rolled out", ""],
            ["2026-11-26 14:47:00", "alert", "5xx above 2%", "detection"],
            ["2026-11-26T15:10:00+01:00", "On_Call", "paged", "MITIGATION"],
        ]
    ),
    "multi-line field": _csv(
        [
            ["2026-11-26T13:03:12Z", "chat", "first\nsecond line", ""],
            ["2026-11-26T13:04:12Z", "chat", "third", ""],
            ["2026-11-26T13:05:12Z", "chat", "fourth", ""],
            ["2026-11-26T13:06:12Z", "chat", "fifth", "resolution"],
        ]
    ),
    "bad source late": _csv(
        [[f"2026-11-26T13:0{n}:00Z", "deploy", f"e{n}", ""] for n in range(7)]
        + [["2026-11-26T13:08:00Z", "pager", "who", ""]]
    ),
    "bad marker": _csv([["2026-11-26T13:03:12Z", "deploy", "x", "root-cause"]]),
    "short row": "timestamp,source,text,marker\n2026-11-26T13:03:12Z,deploy\n",
    "empty rows": _csv(
        [
            ["2026-11-26T13:03:12Z", "deploy", "a", ""],
            [],
            ["", "", "", ""],
            ["2026-11-26T13:04:12Z", "deploy", "b", ""],
        ]
    ),
    "padded stamps": _csv([[" 2026-11-26T13:03:12Z ", " deploy ", "  a  ", " "]]),
    "no source uses the default": _csv([["2026-11-26T13:03:12Z", "", "a", ""]]),
    "duplicates": _csv([["2026-11-26T13:03:12Z", "deploy", "a", ""]] * 5),
    "dst gap": _csv([["2026-03-29 02:30:00", "deploy", "a", ""]] * 2),
    "empty text": _csv([["2026-11-26T13:03:12Z", "deploy", " ", ""]]),
    "extra and reordered columns": _csv(
        [["web-1", "a", "2026-11-26T13:03:12Z", "deploy"]] * 2,
        header=("host", "text", "timestamp", "source"),
    ),
    "broken quote": 'timestamp,source,text\n2026-11-26T13:03:12Z,deploy,"a\n'
    "2026-11-26T13:04:12Z,deploy,b\n",
    "semicolons": "timestamp;source;text\n2026-11-26T13:03:12Z;deploy;a;b\n"
    "2026-11-26T13:04:12Z;deploy;c\n",
}


@pytest.mark.parametrize("skip_invalid", [False, True])
@pytest.mark.parametrize("case", sorted(CSVS))
def test_a_csv_reads_the_same_fast_and_careful(monkeypatch, case, skip_invalid):
    opts = options(Source.NOTE, skip_invalid=skip_invalid)
    fast, careful = _both(monkeypatch, CSVS[case], "csv", opts)
    assert fast == careful


def test_line_numbers_after_a_fast_chunk_count_from_the_file(monkeypatch):
    """The careful reader takes over after clean chunks and must still name
    the physical line, past a field that spans two lines."""
    monkeypatch.setattr(timeline, "CHUNK", 2)
    text = _csv(
        [
            ["2026-11-26T13:00:00Z", "chat", "one\ntwo", ""],
            ["2026-11-26T13:01:00Z", "chat", "three", ""],
            ["2026-11-26T13:02:00Z", "chat", "four", ""],
            ["tomorrow", "chat", "five", ""],
        ]
    )
    with pytest.raises(TimelineImportError, match=r"^line 6: "):
        read_timeline(text, "csv", options())


def test_many_builds_the_same_events_as_the_constructor():
    at = datetime(2026, 11, 26, 13, 3, tzinfo=UTC)
    built = TimelineEvent.many(
        [at, at + timedelta(seconds=1)],
        [Source.DEPLOY, Source.CHAT],
        ["a", "b"],
        [Marker.TRIGGER, Marker.NONE],
    )
    plain = [
        TimelineEvent(time=at, source=Source.DEPLOY, text="a", marker=Marker.TRIGGER),
        TimelineEvent(time=at + timedelta(seconds=1), source=Source.CHAT, text="b"),
    ]
    for event, expected in zip(built, plain, strict=True):
        expected.id = event.id
        assert event == expected
    assert len({e.id for e in built}) == 2
    assert all(len(e.id) == 12 for e in built)


def test_syslog_chunks_take_the_fast_path(monkeypatch):
    calls = []
    monkeypatch.setattr(
        timeline, "_read_log_lines", lambda lines, *rest: calls.append(lines)
    )
    text = "Nov 26 14:03:12 host a\nNov  6 09:00:00 host b\n"
    result = read_timeline(text, "log", options(Source.DEPLOY))
    assert calls == []
    assert [e.time for e in result.events] == [
        datetime(2026, 11, 6, 8, 0, tzinfo=UTC),  # Berlin, winter: UTC+1
        datetime(2026, 11, 26, 13, 3, 12, tzinfo=UTC),
    ]
