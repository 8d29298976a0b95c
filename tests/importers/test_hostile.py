"""Hostile and awkward input: each is refused with the exact reason and line,
or read exactly as written. Never a crash, never a guess."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from importer_helpers import BERLIN, options, read, rows, utc

from retrotui.importers.timeline import (
    MAX_TEXT,
    TimelineImportError,
    read_timeline,
)
from retrotui.importers.timestamps import TimestampError, parse_timestamp
from retrotui.store import StoreError
from retrotui.store.files import read_import_source


def refused(text: str, fmt: str = "auto", source: str | None = None) -> str:
    with pytest.raises(TimelineImportError) as raised:
        read(text, fmt, source, name="in.txt")
    return str(raised.value)


# -- empty and binary ---------------------------------------------------------
@pytest.mark.parametrize("fmt", ["auto", "csv", "jsonl", "slack", "log"])
@pytest.mark.parametrize("text", ["", "\n", "  \n\t\n\n"])
def test_an_empty_file(fmt: str, text: str) -> None:
    assert refused(text, fmt, "deploy") == "in.txt: line 1: the file is empty"


@pytest.mark.parametrize("fmt", ["auto", "csv", "jsonl", "slack", "log"])
def test_binary_garbage_is_refused_as_binary(fmt: str) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 4
    assert refused(garbage, fmt, "deploy") == (
        "in.txt: line 1: this is a binary file, not text"
    )


def test_binary_and_non_utf8_files_on_disk(tmp_path: Path) -> None:
    binary = tmp_path / "core.dump"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + os.urandom(512))
    latin = tmp_path / "alerts-latin1.csv"
    latin.write_bytes(b"timestamp,source,text\n2026-11-26 14:03,alert,St\xf6rung\n")
    with pytest.raises(StoreError) as raised:
        read_import_source(binary)
    assert str(raised.value) == f"{binary}: a binary file, not text"
    with pytest.raises(StoreError) as raised:
        read_import_source(latin)
    offset = len(b"timestamp,source,text\n2026-11-26 14:03,alert,St")
    assert str(raised.value) == f"{latin}: not UTF-8 text (byte {offset})"
    missing = tmp_path / "nope.log"
    with pytest.raises(StoreError) as raised:
        read_import_source(missing)
    assert str(raised.value) == f"{missing}: No such file or directory"


def test_a_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    excel = tmp_path / "excel.csv"
    excel.write_bytes(
        "\ufefftimestamp;source;text\r\n2026-11-26 14:47;alert;First alert\r\n".encode()
    )
    [(_, text)] = read_import_source(excel)
    assert rows(read(text)) == [("2026-11-26 13:47:00", "alert", "none", "First alert")]


# -- wrong columns and fields --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "timestamp,who,what\n2026-11-26 14:03,alert,x\n",
            "line 1: the header needs timestamp, source and text columns "
            "(missing: source, text)",
        ),
        (
            "time;source;text\n2026-11-26 14:03;alert;x\n",
            "line 1: the header needs timestamp, source and text columns "
            "(missing: timestamp)",
        ),
        (
            "timestamp,source,text\n2026-11-26 14:03,alert,ok\n2026-11-26 14:04,alert\n",
            "line 3: 2 columns, the header has 3",
        ),
        (
            "timestamp,source,text\n2026-11-26 14:03,pagerduty,x\n",
            "line 2: source 'pagerduty' is not one of: "
            "alert, deploy, chat, customer, on-call, note",
        ),
        (
            "timestamp,source,text,marker\n2026-11-26 14:03,alert,x,root-cause\n",
            "line 2: marker 'root-cause' is not one of: "
            "trigger, detection, mitigation, resolution",
        ),
        (
            "timestamp,source,text\n2026-11-26 14:03,alert,   \n",
            "line 2: the text is empty",
        ),
    ],
)
def test_wrong_csv_columns_and_fields(text: str, reason: str) -> None:
    assert refused(text, "csv") == f"in.txt: {reason}"
    if text.startswith("timestamp"):
        assert refused(text) == f"in.txt: {reason}"  # auto finds the CSV header


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            '{"timestamp": "2026-11-26T13:03Z", "source": "alert"',
            "not JSON (Expecting ',' delimiter)",
        ),
        ('["2026-11-26T13:03Z", "alert", "x"]', "expected an object"),
        ('{"source": "alert", "text": "x"}', "no timestamp"),
        ('{"timestamp": true, "source": "alert", "text": "x"}', "no timestamp"),
        ('{"timestamp": "2026-11-26T13:03Z", "source": "alert"}', "the text is empty"),
        (
            '{"timestamp": "2026-11-26T13:03Z", "text": "x"}',
            "source '' is not one of: alert, deploy, chat, customer, on-call, note",
        ),
    ],
)
def test_wrong_json_lines(line: str, reason: str) -> None:
    good = '{"timestamp": "2026-11-26T13:00Z", "source": "alert", "text": "ok"}'
    assert refused(f"{good}\n\n{line}\n", "jsonl") == f"in.txt: line 3: {reason}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '[{"ts": "1795700970.1", "text": "x"',
            "line 1: not a Slack export (Expecting ',' delimiter)",
        ),
        (
            '{"messages": []}',
            "line 1: not a Slack export (expected a list of messages)",
        ),
        (
            '[{"ts": "1795700970.1", "text": "ok"}, "hi"]',
            "message 2: a message is not an object",
        ),
        (
            '[{"ts": "yesterday", "text": "x"}]',
            "message 1: message has no valid ts ('yesterday')",
        ),
        ('[{"text": "x"}]', "message 1: message has no valid ts (None)"),
        ('[{"ts": "nan", "text": "x"}]', "message 1: Invalid value NaN (not a number)"),
    ],
)
def test_wrong_slack_messages(text: str, reason: str) -> None:
    assert refused(text, "slack") == f"in.txt: {reason}"


@pytest.mark.parametrize("ts", ["inf", "1e300"])
def test_a_slack_ts_out_of_range_is_a_precise_error(ts: str) -> None:
    text = f'[{{"ts": "{ts}", "user": "U1", "text": "x"}}]'
    assert refused(text, "slack").startswith("in.txt: message 1: ")


def test_a_slack_user_profile_that_is_not_an_object_is_ignored() -> None:
    text = '[{"ts": "1795700970.1", "user": "U1", "user_profile": "Dana", "text": "x"}]'
    assert [e.text for e in read(text, "slack").events] == ["U1: x"]


def test_a_bad_slack_message_is_named_by_its_line_or_as_a_message() -> None:
    messages = [
        {"type": "message", "ts": "1795700970.000200", "user": "U1", "text": "ok"},
        {"type": "message", "ts": "1795701000.000300", "user": "U2", "text": "ok too"},
        {"type": "message", "ts": "soon", "user": "U3", "text": "bad"},
    ]
    text = json.dumps(messages, indent=4)
    bad_line = text.splitlines().index('        "ts": "soon",') + 1  # line 15
    reason = refused(text, "slack")
    assert f"line {bad_line}:" in reason or "message 3" in reason, reason


# -- unparseable dates ----------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "yesterday at 2pm deploy",
            "no timestamp at the start: 'yesterday at 2pm deploy'",
        ),
        (
            "26/11/2026 14:03 deploy",
            "no timestamp at the start: '26/11/2026 14:03 deploy'",
        ),
        ("14:03:12 deploy", "no timestamp at the start: '14:03:12 deploy'"),
        ("Foo 26 14:03:12 deploy", "'Foo' is not a month"),
        ("Feb 30 14:03:12 deploy", "'Feb 30 14:03:12': day is out of range for month"),
        ("2026-11-26 14:03:12", "the text is empty"),
    ],
)
def test_unparseable_dates_in_log_lines(line: str, reason: str) -> None:
    text = f"2026-11-26 14:00:00 ok\n{line}\n"
    assert refused(text, "log", "deploy") == f"in.txt: line 2: {reason}"


@pytest.mark.parametrize(
    ("stamp", "reason"),
    [
        # The quoted text may or may not keep the blank the pattern swallowed.
        ("2026-02-30 10:00", r"'2026-02-30 10:00 ?': day is out of range for month"),
        ("2026-11-26 25:00", r"'2026-11-26 25:00 ?': hour must be in 0\.\.23"),
        ("2026-13-01 10:00", r"'2026-13-01 10:00 ?': month must be in 1\.\.12"),
    ],
)
def test_impossible_dates(stamp: str, reason: str) -> None:
    import re

    found = refused(f"{stamp} deploy\n", "log", "deploy")
    assert re.fullmatch(f"in\\.txt: line 1: {reason}", found), found


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("26.11.2026 14:03", "no timestamp at the start: '26.11.2026 14:03'"),
        (
            "2026-11-26 14:03 CET",
            "unexpected text after the timestamp: '2026-11-26 14:03 CET'",
        ),
        ("", "no timestamp"),
        ("next tuesday", "no timestamp at the start: 'next tuesday'"),
    ],
)
def test_unparseable_dates_in_csv(cell: str, reason: str) -> None:
    text = f"timestamp;source;text\n2026-11-26 14:00;alert;ok\n{cell};alert;x\n"
    assert refused(text, "csv") == f"in.txt: line 3: {reason}"


def test_epoch_seconds_milliseconds_and_fractions_agree() -> None:
    text = (
        "1795698192 a\n1795698192000 b\n1795698192.5 c\n1795698192500 d\n"
        "2026-11-26T13:03:12Z e\n2026-11-26T13:03:12,5Z f\n"
    )
    assert rows(read(text, "log", "deploy")) == [
        ("2026-11-26 13:03:12", "deploy", "none", "a"),
        ("2026-11-26 13:03:12", "deploy", "none", "b"),
        ("2026-11-26 13:03:12", "deploy", "none", "e"),
        ("2026-11-26 13:03:12.500000", "deploy", "none", "c"),
        ("2026-11-26 13:03:12.500000", "deploy", "none", "d"),
        ("2026-11-26 13:03:12.500000", "deploy", "none", "f"),
    ]


# -- a 10 MB single line ------------------------------------------------------
TEN_MB = 10 * 1024 * 1024


@pytest.mark.parametrize("fmt", ["log", "jsonl", "slack"])
def test_a_10_mb_line_is_read_quickly_and_its_text_capped(fmt: str) -> None:
    body = "A" * TEN_MB
    text = {
        "log": f"2026-11-26 14:03:12 {body}",
        "jsonl": json.dumps(
            {"timestamp": "2026-11-26T13:03:12Z", "source": "deploy", "text": body}
        ),
        "slack": json.dumps([{"ts": "1795698192.0", "user": "U1", "text": body}]),
    }[fmt]
    began = time.perf_counter()
    result = read(text, fmt, "deploy")
    assert time.perf_counter() - began < 2
    [event] = result.events
    assert event.time == utc("2026-11-26 13:03:12")
    assert len(event.text) == MAX_TEXT
    assert set(event.text) <= set("AU1: ")


def test_a_10_mb_line_without_a_timestamp_gives_a_short_error() -> None:
    reason = refused("x" * TEN_MB, "log", "deploy")
    assert reason == f"in.txt: line 1: no timestamp at the start: '{'x' * 40}…'"


def test_a_10_mb_csv_field_is_capped_or_refused_precisely() -> None:
    text = f"timestamp,source,text\n2026-11-26 14:03:12,deploy,{'A' * TEN_MB}\n"
    try:
        result = read(text, "csv")
    except TimelineImportError as error:
        assert str(error).startswith("line 2: ")
    else:
        assert len(result.events[0].text) == MAX_TEXT


# -- markup and escape sequences are text -----------------------------------
HOSTILE = "[red]boom[/red] [bold]x[/] \x1b[31mred\x1b[0m \x1b]0;title\x07 [@click=quit]q[/] *md* <b>"


def test_markup_and_escapes_are_kept_literally_in_every_format() -> None:
    log = read(f"2026-11-26 14:03:12 {HOSTILE}\n", "log", "deploy")
    csv_text = read(
        'timestamp,source,text\n2026-11-26 14:03:12,alert,"' + HOSTILE + '"\n', "csv"
    )
    jsonl = read(
        json.dumps(
            {"timestamp": "2026-11-26 14:03:12", "source": "note", "text": HOSTILE}
        ),
        "jsonl",
    )
    slack = read(
        json.dumps([{"ts": "1795698192", "user": "U1", "text": HOSTILE}]), "slack"
    )
    assert [e.text for e in log.events] == [HOSTILE]
    assert [e.text for e in csv_text.events] == [HOSTILE]
    assert [e.text for e in jsonl.events] == [HOSTILE]
    assert [e.text for e in slack.events] == [f"U1: {HOSTILE}"]


def test_whitespace_inside_text_is_collapsed_to_single_blanks() -> None:
    result = read("2026-11-26 14:03:12\tdeploy\t  api   v2.31\t\t\n", "log", "deploy")
    assert [e.text for e in result.events] == ["deploy api v2.31"]


# -- offsets, order ---------------------------------------------------------
def test_mixed_offsets_become_one_utc_instant() -> None:
    text = (
        "2026-11-26T14:03:00+01:00 berlin\n"
        "2026-11-26T13:03:00Z utc\n"
        "2026-11-26T18:33:00+05:30 kolkata\n"
        "2026-11-26T05:03:00-08:00 los angeles\n"
        "2026-11-26T14:03:00+0100 compact offset\n"
        "2026-11-26 14:03:00 naive, read in the --tz zone\n"
        "Nov 26 14:03:00 syslog, read in the --tz zone\n"
        "1795698180 epoch\n"
    )
    result = read(text, "log", "deploy")
    assert {e.time for e in result.events} == {utc("2026-11-26 13:03:00")}
    # Equal times keep the file's order.
    assert [e.text.split()[0] for e in result.events] == [
        "berlin",
        "utc",
        "kolkata",
        "los",
        "compact",
        "naive,",
        "syslog,",
        "epoch",
    ]


def test_out_of_order_lines_are_sorted_and_errors_name_the_file_line() -> None:
    text = "2026-11-26T15:00:00Z c\n2026-11-26T13:00:00Z a\n\n2026-11-26T14:00:00Z b\n"
    assert [e.text for e in read(text, "log", "deploy").events] == ["a", "b", "c"]
    assert refused(text + "oops\n", "log", "deploy") == (
        "in.txt: line 5: no timestamp at the start: 'oops'"
    )


def test_the_zone_given_applies_to_naive_times_only() -> None:
    from zoneinfo import ZoneInfo

    text = "2026-11-26 14:03:00 naive\n2026-11-26T14:03:00+01:00 offset\n"
    tokyo = read(text, "log", "deploy", zone=ZoneInfo("Asia/Tokyo"))
    assert rows(tokyo) == [
        ("2026-11-26 05:03:00", "deploy", "none", "naive"),
        ("2026-11-26 13:03:00", "deploy", "none", "offset"),
    ]


def test_syslog_takes_the_year_given() -> None:
    result = read("Nov 26 14:03:12 x\n", "log", "deploy", year=2031)
    assert [e.time for e in result.events] == [utc("2031-11-26 13:03:12")]


@pytest.mark.parametrize("word", ["Zabbix: disk full", "zookeeper restarted"])
def test_a_word_starting_with_z_is_not_a_utc_designator(word: str) -> None:
    result = read(f"2026-11-26 14:03:12 {word}\n", "log", "alert")
    assert rows(result) == [("2026-11-26 13:03:12", "alert", "none", word)]


def test_a_line_separator_inside_a_json_string_is_not_a_line_break() -> None:
    record = {"timestamp": "2026-11-26T13:03:12Z", "source": "chat", "text": "a\u2028b"}
    text = json.dumps(record, ensure_ascii=False) + "\n"
    assert len(read(text, "jsonl").events) == 1


def test_log_line_numbers_count_newlines_only() -> None:
    text = "2026-11-26T13:00:00Z page\x0cbreak\n2026-11-26T13:01:00Z ok\noops\n"
    assert refused(text, "log", "deploy") == (
        "in.txt: line 3: no timestamp at the start: 'oops'"
    )


def test_csv_line_numbers_after_a_multiline_field() -> None:
    text = (
        "timestamp,source,text\n"
        '2026-11-26 14:03,alert,"Checkout 5xx\nrunbook: wiki/5xx"\n'
        "2026-11-26 14:04,alert,\n"
    )
    assert refused(text, "csv") == "in.txt: line 4: the text is empty"


def test_a_log_line_mentioning_timestamp_is_not_a_csv_header() -> None:
    text = (
        "2026-11-26 13:58:02 db-migrate: backfill created_at timestamp, 3 tables\n"
        "2026-11-26 14:03:12 rollout api v2.31\n"
    )
    assert len(read(text, "auto", "deploy").events) == 2


# -- daylight saving time in Europe/Berlin ----------------------------------------
@pytest.mark.parametrize(
    ("fmt", "text", "shown"),
    [
        ("log", "2026-03-29 02:30:00 deploy\n", "2026-03-29 02:30"),
        ("log", "Mar 29 02:15:00 deploy\n", "2026-03-29 02:15"),
        ("log", "2026-03-29T02:00 deploy\n", "2026-03-29 02:00"),
        (
            "csv",
            "timestamp,source,text\n2026-03-29 02:59:59,alert,x\n",
            "2026-03-29 02:59",
        ),
    ],
)
def test_a_wall_time_skipped_by_the_clocks_is_refused(
    fmt: str, text: str, shown: str
) -> None:
    line = 2 if fmt == "csv" else 1
    assert refused(text, fmt, "deploy") == (
        f"in.txt: line {line}: {shown} does not exist in Europe/Berlin (the clocks jumped)"
    )


def test_around_the_spring_gap_and_with_an_offset_inside_it_times_are_fine() -> None:
    text = (
        "2026-03-29 01:59:59 before\n"
        "2026-03-29 03:00:00 after\n"
        "2026-03-29T02:30:00+01:00 offset given\n"
    )
    assert rows(read(text, "log", "deploy")) == [
        ("2026-03-29 00:59:59", "deploy", "none", "before"),
        ("2026-03-29 01:00:00", "deploy", "none", "after"),
        ("2026-03-29 01:30:00", "deploy", "none", "offset given"),
    ]


def test_an_ambiguous_autumn_wall_time_is_accepted() -> None:
    # 02:30 happens twice on 25 Oct 2026 (at 00:30 and 01:30 UTC).
    result = read(
        "2026-10-25 02:30:00 ambiguous\nOct 25 02:45:00 syslog\n", "log", "deploy"
    )
    first, second = result.events
    assert first.time in (utc("2026-10-25 00:30:00"), utc("2026-10-25 01:30:00"))
    assert second.time in (utc("2026-10-25 00:45:00"), utc("2026-10-25 01:45:00"))
    # With offsets the two 02:30s are told apart.
    both = read(
        "2026-10-25T02:30:00+02:00 first\n2026-10-25T02:30:00+01:00 second\n",
        "log",
        "deploy",
    )
    assert [e.time for e in both.events] == [
        utc("2026-10-25 00:30:00"),
        utc("2026-10-25 01:30:00"),
    ]


def test_parse_timestamp_reports_what_it_used() -> None:
    moment, used = parse_timestamp("Nov 26 14:03:12 sshd[1]: x", BERLIN, 2026)
    assert (moment, used) == (utc("2026-11-26 13:03:12"), len("Nov 26 14:03:12"))
    with pytest.raises(TimestampError):
        parse_timestamp("", BERLIN, 2026)


def test_log_lines_need_a_source() -> None:
    assert refused("2026-11-26 14:03 deploy\n", "log") == (
        "in.txt: line 1: log lines need a source (e.g. --source deploy)"
    )
    with pytest.raises(TimelineImportError):
        read_timeline("2026-11-26 14:03 x\n", "auto", options())
