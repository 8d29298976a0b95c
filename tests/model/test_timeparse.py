"""parse_moment: the times people type, always returned in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from retrotui.model.timeparse import TimeParseError, local, parse_moment

DAY = date(2026, 11, 26)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_clock_time_with_day_in_utc() -> None:
    moment = parse_moment("14:03", day=DAY)
    assert moment == utc(2026, 11, 26, 14, 3)
    assert moment.tzinfo is UTC


def test_clock_time_with_seconds_and_single_digit_hour() -> None:
    assert parse_moment("9:05:07", day=DAY) == utc(2026, 11, 26, 9, 5, 7)


def test_clock_time_with_day_in_a_zone_is_converted_to_utc() -> None:
    # November: Berlin is UTC+1.
    assert parse_moment("14:03", "Europe/Berlin", DAY) == utc(2026, 11, 26, 13, 3)


def test_clock_time_without_day_is_rejected() -> None:
    with pytest.raises(TimeParseError, match="has no date"):
        parse_moment("14:03")


def test_date_and_time() -> None:
    assert parse_moment("2026-11-26 14:03") == utc(2026, 11, 26, 14, 3)
    # The day argument does not override an explicit date.
    assert parse_moment("2026-11-26 14:03", day=date(2020, 1, 1)) == utc(
        2026, 11, 26, 14, 3
    )


def test_iso_with_offset() -> None:
    moment = parse_moment("2026-11-26T14:03:00+01:00", "America/New_York")
    assert moment == utc(2026, 11, 26, 13, 3)
    assert moment.tzinfo is UTC


@pytest.mark.parametrize("text", ["2026-11-26T14:03:00Z", "2026-11-26T14:03:00z"])
def test_z_suffix_means_utc(text: str) -> None:
    assert parse_moment(text, "Europe/Berlin") == utc(2026, 11, 26, 14, 3)


def test_surrounding_whitespace_is_ignored() -> None:
    assert parse_moment("  2026-11-26 14:03\n") == utc(2026, 11, 26, 14, 3)


def test_naive_time_in_a_zone_is_converted_to_utc() -> None:
    # Summer: Berlin is UTC+2; winter: UTC+1.
    summer = parse_moment("2026-07-01 14:03", "Europe/Berlin")
    winter = parse_moment("2026-01-15 14:03", "Europe/Berlin")
    assert summer == utc(2026, 7, 1, 12, 3)
    assert winter == utc(2026, 1, 15, 13, 3)
    assert summer.tzinfo is UTC and winter.tzinfo is UTC


def test_result_round_trips_through_local() -> None:
    moment = parse_moment("2026-07-01 14:03", "Europe/Berlin")
    shown = local(moment, "Europe/Berlin")
    assert (shown.hour, shown.minute) == (14, 3)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-03-29 02:30", None), ("02:30", date(2026, 3, 29))],
)
def test_time_in_dst_gap_is_rejected_with_a_clear_message(
    text: str, day: date | None
) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_moment(text, "Europe/Berlin", day)
    message = str(caught.value)
    assert "does not exist" in message
    assert "Europe/Berlin" in message
    assert text in message


def test_times_either_side_of_the_dst_gap_are_fine() -> None:
    assert parse_moment("2026-03-29 01:59", "Europe/Berlin") == utc(2026, 3, 29, 0, 59)
    assert parse_moment("2026-03-29 03:00", "Europe/Berlin") == utc(2026, 3, 29, 1, 0)


def test_ambiguous_time_in_dst_overlap_gives_one_of_the_two_instants() -> None:
    moment = parse_moment("2026-10-25 02:30", "Europe/Berlin")
    assert moment in {utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)}


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_input_is_rejected(text: str) -> None:
    with pytest.raises(TimeParseError, match="no time given"):
        parse_moment(text, day=DAY)


@pytest.mark.parametrize("text", ["25:00", "14:60", "24:00", "14:03:61"])
def test_impossible_clock_time_is_rejected(text: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_moment(text, day=DAY)
    assert "not a valid time" in str(caught.value)
    assert text in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "soon",
        "yesterday 14:03",
        "2026-13-01 10:00",
        "2026-02-30",
        "14h03",
        "14:3",
        "[red]14:03[/red]",
        "\x1b[31m14:03",
        "2026-11-26T14:03:00+25:00",
    ],
)
def test_garbage_is_rejected_with_examples(text: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_moment(text, day=DAY)
    message = str(caught.value)
    assert repr(text.strip()) in message
    assert "14:03" in message  # shows the accepted forms


def test_time_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_moment("soon")


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../etc/passwd", "Europe"])
def test_unknown_zone_is_rejected(zone: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_moment("2026-11-26 14:03", zone)
    assert "unknown time zone" in str(caught.value)
    assert repr(zone) in str(caught.value)


def test_unknown_zone_is_rejected_even_for_offset_input() -> None:
    with pytest.raises(TimeParseError, match="unknown time zone"):
        parse_moment("2026-11-26T14:03:00Z", "Nowhere/Land")
