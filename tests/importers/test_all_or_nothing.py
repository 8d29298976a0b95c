"""All or nothing unless skip_invalid; exact duplicates skipped and counted,
within the file and against the events already in the timeline."""

from __future__ import annotations

import pytest
from importer_helpers import read, rows, utc

from retrotui.importers.timeline import Skipped, TimelineImportError
from retrotui.model import Marker, Source, TimelineEvent

LOG = (
    "2026-11-26 14:01:40 canary healthy\n"  # 1
    "2026-11-26 14:03:12 rollout api v2.31\n"  # 2
    "14:05 config-sync done\n"  # 3: no date
    "\n"  # 4: blank lines are not invalid
    "2026-11-26 14:07:00\n"  # 5: no text
    "2026-03-29 02:30:00 cron ran\n"  # 6: a skipped wall time
    "2026-11-26 14:09:00 rollout verified\n"  # 7
)
SKIPPED = [
    Skipped(3, "no timestamp at the start: '14:05 config-sync done'", "deploy.log"),
    Skipped(5, "the text is empty", "deploy.log"),
    Skipped(
        6,
        "2026-03-29 02:30 does not exist in Europe/Berlin (the clocks jumped)",
        "deploy.log",
    ),
]


def test_the_first_invalid_line_stops_the_import() -> None:
    with pytest.raises(TimelineImportError) as raised:
        read(LOG, "log", "deploy", name="deploy.log")
    error = raised.value
    assert str(error) == (
        "deploy.log: line 3: no timestamp at the start: '14:05 config-sync done'"
    )
    assert (error.line, error.name) == (3, "deploy.log")
    assert error.reason == "no timestamp at the start: '14:05 config-sync done'"


def test_skip_invalid_lists_every_skipped_line_and_keeps_the_rest() -> None:
    result = read(LOG, "log", "deploy", name="deploy.log", skip_invalid=True)
    assert result.skipped == SKIPPED
    assert [e.text for e in result.events] == [
        "canary healthy",
        "rollout api v2.31",
        "rollout verified",
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "line"),
    [
        ("csv", "timestamp,source,text\n2026-11-26 14:03,alert,a\nbad,alert,b\n", 3),
        (
            "jsonl",
            '{"timestamp": "2026-11-26 14:03", "source": "alert", "text": "a"}\n{oops\n',
            2,
        ),
        ("slack", '[{"ts": "1795698192", "user": "U1", "text": "a"}, {"ts": "x"}]', 2),
    ],
)
def test_every_format_is_all_or_nothing(fmt: str, text: str, line: int) -> None:
    with pytest.raises(TimelineImportError) as raised:
        read(text, fmt)
    assert raised.value.line == line
    kept = read(text, fmt, skip_invalid=True)
    assert [e.text for e in kept.events] == ["U1: a" if fmt == "slack" else "a"]
    assert [s.line for s in kept.skipped] == [line]


def test_a_file_level_problem_is_refused_even_with_skip_invalid() -> None:
    with pytest.raises(TimelineImportError) as raised:
        read("timestamp,who\n2026-11-26 14:03,x\n", "csv", skip_invalid=True)
    assert raised.value.line == 1
    with pytest.raises(TimelineImportError):
        read("", "log", "deploy", skip_invalid=True)


def test_exact_duplicates_within_the_file_are_skipped_and_counted() -> None:
    text = (
        "timestamp,source,text,marker\n"
        "2026-11-26 14:47,alert,First alert,detection\n"
        "2026-11-26 14:47,alert,First alert,detection\n"
        "2026-11-26T13:47:00Z,alert,First  alert,\n"  # same instant and text
        "2026-11-26 14:47,on-call,First alert,\n"  # another source: kept
        "2026-11-26 14:47:01,alert,First alert,\n"  # another second: kept
        "2026-11-26 14:47,alert,first alert,\n"  # other case: kept
    )
    result = read(text, "csv")
    assert result.duplicates == 2
    assert rows(result) == [
        ("2026-11-26 13:47:00", "alert", "detection", "First alert"),
        ("2026-11-26 13:47:00", "on-call", "none", "First alert"),
        ("2026-11-26 13:47:00", "alert", "none", "first alert"),
        ("2026-11-26 13:47:01", "alert", "none", "First alert"),
    ]


def test_duplicates_of_existing_events_are_skipped_and_counted() -> None:
    existing = [
        TimelineEvent(
            time=utc("2026-11-26 13:03:12"),
            source=Source.DEPLOY,
            text="rollout api v2.31",
            marker=Marker.TRIGGER,
        ),
        TimelineEvent(
            time=utc("2026-11-26 13:09:00"), source=Source.NOTE, text="rollout verified"
        ),
    ]
    result = read(LOG, "log", "deploy", existing, skip_invalid=True)
    # The marker is not part of "exact": the existing trigger stays the only one.
    assert result.duplicates == 1
    assert [e.text for e in result.events] == ["canary healthy", "rollout verified"]
    assert existing[0].marker is Marker.TRIGGER


def test_reimporting_the_same_file_imports_nothing() -> None:
    first = read(LOG, "log", "deploy", skip_invalid=True)
    again = read(LOG, "log", "deploy", first.events, skip_invalid=True)
    assert again.events == []
    assert again.duplicates == len(first.events) == 3
    assert again.first is None and again.last is None
