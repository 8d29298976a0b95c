"""Timeline rules: typed times to events, always in chronological order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from retrotui.demo import build_demo
from retrotui.model.create import FormError
from retrotui.model.entities import TimelineEvent
from retrotui.model.enums import Marker, Source
from retrotui.model.retrospective import Retrospective
from retrotui.model.timeline import (
    MAX_EVENT_TEXT,
    add_event,
    build_event,
    duration_minutes,
    first_marked,
    incident_day_hint,
    parse_event_time,
    remove_event,
    replace_event,
    sort_timeline,
)
from retrotui.model.timeparse import local

BERLIN = ZoneInfo("Europe/Berlin")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def berlin_retro(**kwargs: object) -> Retrospective:
    fields: dict[str, object] = {
        "title": "Checkout 5xx after deploy",
        "timezone": "Europe/Berlin",
        "started": datetime(2026, 11, 26, 14, 3, tzinfo=BERLIN),
        "ended": datetime(2026, 11, 26, 15, 25, tzinfo=BERLIN),
    }
    fields.update(kwargs)
    return Retrospective(**fields)  # type: ignore[arg-type]


def event(
    minute: int, text: str = "x", marker: Marker = Marker.NONE, id: str = ""
) -> TimelineEvent:
    made = TimelineEvent(
        time=utc(2026, 11, 26, 13, 0) + timedelta(minutes=minute),
        source=Source.NOTE,
        text=text,
        marker=marker,
    )
    if id:
        made.id = id
    return made


def texts(retro: Retrospective) -> list[str]:
    return [e.text for e in retro.timeline]


# -- parsing the time ----------------------------------------------------------


def test_clock_time_takes_the_date_of_the_incident_start_in_its_zone() -> None:
    retro = berlin_retro()
    # November: Berlin is UTC+1.
    assert parse_event_time(retro, "14:03") == utc(2026, 11, 26, 13, 3)
    assert parse_event_time(retro, "9:05:07") == utc(2026, 11, 26, 8, 5, 7)


def test_clock_time_uses_the_local_date_not_the_utc_date() -> None:
    # 00:30 in Berlin on the 27th is still the 26th in UTC.
    retro = berlin_retro(started=datetime(2026, 11, 27, 0, 30, tzinfo=BERLIN))
    assert retro.started == utc(2026, 11, 26, 23, 30)
    assert parse_event_time(retro, "00:45") == utc(2026, 11, 26, 23, 45)
    # And the other way round, west of Greenwich.
    ny = Retrospective(
        title="t",
        timezone="America/New_York",
        started=datetime(2026, 11, 26, 21, 0, tzinfo=ZoneInfo("America/New_York")),
    )
    assert ny.started == utc(2026, 11, 27, 2, 0)
    assert parse_event_time(ny, "21:30") == utc(2026, 11, 27, 2, 30)


def test_full_date_and_time_is_taken_in_the_retrospective_zone() -> None:
    retro = berlin_retro()
    assert parse_event_time(retro, "2026-11-25 23:59") == utc(2026, 11, 25, 22, 59)
    assert parse_event_time(retro, "  2026-11-26 14:03  ") == utc(2026, 11, 26, 13, 3)


def test_iso_with_offset_keeps_its_own_offset() -> None:
    retro = berlin_retro()
    assert parse_event_time(retro, "2026-11-26T14:03:00+05:30") == utc(
        2026, 11, 26, 8, 33
    )
    assert parse_event_time(retro, "2026-11-26T14:03:00Z") == utc(2026, 11, 26, 14, 3)
    moment = parse_event_time(retro, "2026-11-26T14:03:00-08:00")
    assert moment == utc(2026, 11, 26, 22, 3)
    assert moment.tzinfo is UTC


def test_full_date_works_without_an_incident_start() -> None:
    retro = Retrospective(title="t", timezone="Europe/Berlin")
    assert parse_event_time(retro, "2026-07-01 12:00") == utc(2026, 7, 1, 10, 0)


def test_clock_time_without_an_incident_start_asks_for_a_date() -> None:
    retro = Retrospective(title="t")
    with pytest.raises(FormError) as caught:
        parse_event_time(retro, "14:03")
    assert caught.value.field == "time"
    assert "no date" in caught.value.message
    assert "YYYY-MM-DD" in caught.value.message


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "25:00",
        "14:60",
        "14:03:61",
        "14h03",
        "tomorrow",
        "2026-02-30 10:00",
        "2026-11-26 14:03 +01:00 extra",
        "14:03\x1b[31m",
        "'; DROP TABLE timeline; --",
    ],
)
def test_bad_times_raise_form_error_on_the_time_field(bad: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_event_time(berlin_retro(), bad)
    assert caught.value.field == "time"
    assert caught.value.message
    assert str(caught.value).startswith("time: ")


def test_a_long_run_of_digits_is_not_a_time() -> None:
    with pytest.raises(FormError) as caught:
        parse_event_time(berlin_retro(), "1" * 500)
    assert caught.value.field == "time"


def test_a_time_in_the_skipped_dst_hour_is_rejected() -> None:
    # 2026-03-29: Berlin jumps from 02:00 to 03:00.
    retro = berlin_retro(
        started=datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN),
        ended=None,
    )
    for text in ("02:30", "2026-03-29 02:30", "2026-03-29T02:00:00"):
        with pytest.raises(FormError) as caught:
            parse_event_time(retro, text)
        assert caught.value.field == "time"
        assert "does not exist in Europe/Berlin" in caught.value.message
    # Either side of the gap is fine.
    assert parse_event_time(retro, "01:59") == utc(2026, 3, 29, 0, 59)
    assert parse_event_time(retro, "03:00") == utc(2026, 3, 29, 1, 0)
    # An explicit offset is unambiguous even inside the gap.
    assert parse_event_time(retro, "2026-03-29T02:30:00+01:00") == utc(
        2026, 3, 29, 1, 30
    )


def test_a_time_in_the_repeated_dst_hour_is_accepted() -> None:
    # 2026-10-25: Berlin goes from 03:00 back to 02:00; 02:30 happens twice.
    retro = berlin_retro(started=datetime(2026, 10, 25, 1, 0, tzinfo=BERLIN))
    moment = parse_event_time(retro, "02:30")
    assert moment in (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30))


def test_incident_day_hint() -> None:
    assert incident_day_hint(berlin_retro()) == "14:03 means 2026-11-26"
    late = berlin_retro(started=datetime(2026, 11, 27, 0, 30, tzinfo=BERLIN))
    assert incident_day_hint(late) == "14:03 means 2026-11-27"
    assert "full date" in incident_day_hint(Retrospective(title="t"))


def test_times_are_stored_in_utc_and_displayed_in_the_retrospective_zone() -> None:
    retro = berlin_retro()
    made = build_event(retro, "14:03", "deploy", "Deploy of api v2.31")
    assert made.time.tzinfo is UTC
    assert made.time == utc(2026, 11, 26, 13, 3)
    assert f"{local(made.time, retro.timezone):%H:%M}" == "14:03"
    assert f"{local(made.time, 'America/New_York'):%H:%M}" == "08:03"
    summer = build_event(retro, "2026-07-01 14:03", "deploy", "x")
    assert f"{local(summer.time, retro.timezone):%H:%M %Z}" == "14:03 CEST"
    assert summer.time == utc(2026, 7, 1, 12, 3)


# -- build_event ---------------------------------------------------------------


def test_build_event_from_typed_values() -> None:
    made = build_event(
        berlin_retro(),
        "14:47",
        "alert",
        "  API 5xx above 5% for 5 min  ",
        "detection",
    )
    assert made.time == utc(2026, 11, 26, 13, 47)
    assert made.source is Source.ALERT
    assert made.marker is Marker.DETECTION
    assert made.text == "API 5xx above 5% for 5 min"
    assert made.id


def test_build_event_defaults_to_no_marker_and_fresh_ids() -> None:
    first = build_event(berlin_retro(), "14:52", "on-call", "Acknowledged")
    second = build_event(berlin_retro(), "14:52", "on-call", "Acknowledged")
    assert first.marker is Marker.NONE
    assert first.id != second.id


def test_build_event_keeps_a_given_id_for_edits() -> None:
    made = build_event(berlin_retro(), "14:52", "chat", "x", event_id="ev07")
    assert made.id == "ev07"


@pytest.mark.parametrize("source", [s.value for s in Source])
def test_every_source_is_accepted(source: str) -> None:
    assert build_event(berlin_retro(), "14:03", source, "x").source.value == source


@pytest.mark.parametrize("marker", [m.value for m in Marker])
def test_every_marker_is_accepted(marker: str) -> None:
    made = build_event(berlin_retro(), "14:03", "note", "x", marker)
    assert made.marker.value == marker


@pytest.mark.parametrize("source", ["", "slack", "ALERT ", "pager", "alert\n"])
def test_unknown_source_names_the_source_field(source: str) -> None:
    with pytest.raises(FormError) as caught:
        build_event(berlin_retro(), "14:03", source, "x")
    assert caught.value.field == "source"
    for known in ("alert", "deploy", "chat", "customer", "on-call", "note"):
        assert known in caught.value.message


@pytest.mark.parametrize("marker", ["", "root-cause", "TRIGGER!", "cause"])
def test_unknown_marker_names_the_marker_field(marker: str) -> None:
    with pytest.raises(FormError) as caught:
        build_event(berlin_retro(), "14:03", "note", "x", marker)
    assert caught.value.field == "marker"
    for known in ("trigger", "detection", "mitigation", "resolution"):
        assert known in caught.value.message


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_names_the_text_field(text: str) -> None:
    with pytest.raises(FormError) as caught:
        build_event(berlin_retro(), "14:03", "note", text)
    assert caught.value.field == "text"
    assert caught.value.message == "say what happened"


def test_text_length_limit() -> None:
    assert len(build_event(berlin_retro(), "14:03", "note", "a" * 2000).text) == 2000
    padded = build_event(berlin_retro(), "14:03", "note", f"  {'a' * 2000}  ")
    assert len(padded.text) == MAX_EVENT_TEXT
    with pytest.raises(FormError) as caught:
        build_event(berlin_retro(), "14:03", "note", "a" * 2001)
    assert caught.value.field == "text"
    assert "2000" in caught.value.message


def test_bad_time_is_reported_before_other_fields() -> None:
    with pytest.raises(FormError) as caught:
        build_event(berlin_retro(), "nope", "nope", "", "nope")
    assert caught.value.field == "time"


# -- order ---------------------------------------------------------------------


def test_add_event_inserts_in_time_order_and_returns_the_index() -> None:
    retro = Retrospective(title="t")
    assert add_event(retro, event(10, "b")) == 0
    assert add_event(retro, event(30, "d")) == 1
    assert add_event(retro, event(0, "a")) == 0
    assert add_event(retro, event(20, "c")) == 2
    assert texts(retro) == ["a", "b", "c", "d"]
    times = [e.time for e in retro.timeline]
    assert times == sorted(times)


def test_equal_times_keep_insertion_order() -> None:
    retro = Retrospective(title="t")
    add_event(retro, event(10, "first"))
    add_event(retro, event(20, "later"))
    assert add_event(retro, event(10, "second")) == 1
    assert add_event(retro, event(10, "third")) == 2
    assert texts(retro) == ["first", "second", "third", "later"]


def test_events_typed_in_other_offsets_are_ordered_by_instant() -> None:
    retro = berlin_retro()
    add_event(retro, build_event(retro, "14:10", "note", "berlin 14:10"))
    add_event(retro, build_event(retro, "2026-11-26T13:05:00Z", "note", "utc 13:05"))
    add_event(
        retro,
        build_event(retro, "2026-11-26T08:07:00-05:00", "note", "new york 08:07"),
    )
    assert texts(retro) == ["utc 13:05", "new york 08:07", "berlin 14:10"]


def test_remove_event() -> None:
    retro = Retrospective(title="t")
    for n in range(3):
        add_event(retro, event(n, str(n), id=f"e{n}"))
    removed = remove_event(retro, "e1")
    assert removed.id == "e1"
    assert texts(retro) == ["0", "2"]
    with pytest.raises(KeyError):
        remove_event(retro, "e1")
    with pytest.raises(KeyError):
        remove_event(retro, "")
    assert texts(retro) == ["0", "2"]


def test_replace_event_re_sorts_and_keeps_the_id() -> None:
    retro = Retrospective(title="t")
    for n in (0, 10, 20, 30):
        add_event(retro, event(n, f"at {n}", id=f"e{n}"))
    edited = event(25, "moved", id="e0")
    assert replace_event(retro, edited) == 2
    assert texts(retro) == ["at 10", "at 20", "moved", "at 30"]
    assert [e.id for e in retro.timeline] == ["e10", "e20", "e0", "e30"]
    assert len(retro.timeline) == 4


def test_replace_event_with_an_unknown_id_changes_nothing() -> None:
    retro = Retrospective(title="t")
    add_event(retro, event(0, "a", id="e0"))
    with pytest.raises(KeyError):
        replace_event(retro, event(5, "ghost", id="nope"))
    assert texts(retro) == ["a"]


def test_editing_text_only_keeps_the_place_among_equal_times() -> None:
    retro = Retrospective(title="t")
    add_event(retro, event(10, "first", id="a"))
    add_event(retro, event(10, "second", id="b"))
    replace_event(retro, event(10, "first, corrected", id="a"))
    assert texts(retro) == ["first, corrected", "second"]


def test_sort_timeline_is_stable() -> None:
    retro = Retrospective(title="t")
    retro.timeline = [event(20, "c"), event(10, "a"), event(20, "d"), event(10, "b")]
    sort_timeline(retro)
    assert texts(retro) == ["a", "b", "c", "d"]


# -- markers and duration --------------------------------------------------------


def test_first_marked_is_the_earliest() -> None:
    retro = Retrospective(title="t")
    for n, marker in [
        (5, Marker.DETECTION),
        (0, Marker.TRIGGER),
        (9, Marker.DETECTION),
    ]:
        add_event(retro, event(n, f"at {n}", marker))
    found = first_marked(retro, Marker.DETECTION)
    assert found is not None
    assert found.text == "at 5"
    assert first_marked(retro, Marker.RESOLUTION) is None


def test_duration_from_trigger_to_resolution_markers() -> None:
    retro = berlin_retro()  # 14:03 to 15:25 local
    add_event(retro, event(10, marker=Marker.TRIGGER))
    add_event(retro, event(55, marker=Marker.RESOLUTION))
    assert duration_minutes(retro) == 45


def test_duration_falls_back_to_incident_start_and_end() -> None:
    retro = berlin_retro()
    assert duration_minutes(retro) == 82
    add_event(retro, event(10, marker=Marker.TRIGGER))  # 14:10 local
    assert duration_minutes(retro) == 75
    retro.timeline = []
    add_event(retro, event(33, marker=Marker.RESOLUTION))  # 14:33 local
    assert duration_minutes(retro) == 30


def test_duration_is_none_when_unknown_or_backwards() -> None:
    assert duration_minutes(Retrospective(title="t")) is None
    assert duration_minutes(berlin_retro(ended=None)) is None
    assert duration_minutes(berlin_retro(started=None)) is None
    retro = berlin_retro()
    add_event(retro, event(0, marker=Marker.RESOLUTION))
    add_event(retro, event(30, marker=Marker.TRIGGER))
    assert duration_minutes(retro) is None


def test_duration_rounds_to_whole_minutes() -> None:
    start = utc(2026, 11, 26, 13, 0)
    retro = Retrospective(
        title="t", started=start, ended=start + timedelta(minutes=10, seconds=40)
    )
    assert duration_minutes(retro) == 11
    retro.ended = start + timedelta(minutes=10, seconds=20)
    assert duration_minutes(retro) == 10
    retro.ended = start
    assert duration_minutes(retro) == 0


def test_demo_checkout_timeline_is_chronological_with_an_82_minute_duration() -> None:
    checkout = build_demo(date(2026, 11, 27))[0]
    times = [e.time for e in checkout.timeline]
    assert times == sorted(times)
    assert duration_minutes(checkout) == 82
    trigger = first_marked(checkout, Marker.TRIGGER)
    assert trigger is not None
    assert f"{local(trigger.time, checkout.timezone):%Y-%m-%d %H:%M}" == (
        "2026-11-26 14:03"
    )


@pytest.mark.parametrize(
    "line",
    [
        "15:41 note the on-call engineer wasn't reachable",
        "2026-11-26 14:03 deploy Kwame broke it !trigger",
        "14:03 Kwame forgot",
        " 14:03   chat   hello   there  ",
        "14:03 ONCALL paged the DBA !Detection",
        "14:03 noted the alert",
        "14:03 alert",
        "14:03\u00a0deploy The team did not deploy",
    ],
)
def test_the_quick_prose_span_is_the_text_the_parser_reads(line: str) -> None:
    from retrotui.model.timeline import parse_quick_event, quick_event_prose

    retro = Retrospective(
        title="t", started=datetime(2026, 11, 26, 13, 0, tzinfo=UTC), timezone="UTC"
    )
    start, end = quick_event_prose(line)
    try:
        event = parse_quick_event(retro, line)
    except FormError:
        assert line[start:end].strip() == ""  # no text: nothing to lint either
        return
    assert " ".join(line[start:end].split()) == event.text


def test_a_quick_line_without_a_time_is_all_prose() -> None:
    from retrotui.model.timeline import quick_event_prose

    line = "Bob forgot to renew the cert !trigger"
    start, end = quick_event_prose(line)
    assert line[start:end] == "Bob forgot to renew the cert"
