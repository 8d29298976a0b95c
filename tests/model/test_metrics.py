"""Time to detect, mitigate and resolve, from the timeline markers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from retrotui.demo import build_demo
from retrotui.model.entities import TimelineEvent
from retrotui.model.enums import Marker, Source
from retrotui.model.metrics import Metrics, metrics, minutes_label
from retrotui.model.retrospective import Retrospective
from retrotui.model.timeline import add_event, build_event

T0 = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)


def at(minute: float, marker: Marker, text: str = "x") -> TimelineEvent:
    return TimelineEvent(
        time=T0 + timedelta(minutes=minute),
        source=Source.NOTE,
        text=text,
        marker=marker,
    )


def retro_with(*events: TimelineEvent, **kwargs: object) -> Retrospective:
    retro = Retrospective(title="t", **kwargs)  # type: ignore[arg-type]
    for made in events:
        add_event(retro, made)
    return retro


def test_the_method_example_deploy_then_first_alert_is_44_minutes() -> None:
    retro = Retrospective(
        title="Checkout 5xx", timezone="Europe/Berlin", started=T0 + timedelta(hours=1)
    )
    for time_text, source, text, marker in [
        ("14:03", "deploy", "Deploy of api v2.31", "trigger"),
        ("14:47", "alert", "First alert", "detection"),
    ]:
        add_event(retro, build_event(retro, time_text, source, text, marker))
    found = metrics(retro)
    assert found.to_detect == 44
    assert minutes_label(found.to_detect, "–") == "44 min"
    assert found.to_mitigate is None
    assert found.to_resolve is None


def test_demo_checkout_metrics() -> None:
    found = metrics(build_demo(date(2026, 11, 27))[0])
    assert found.to_detect == 44
    assert found.to_mitigate == 67
    assert found.to_resolve == 82
    assert minutes_label(found.to_resolve, "?") == "82 min"


def test_all_three_from_the_first_trigger() -> None:
    retro = retro_with(
        at(0, Marker.TRIGGER),
        at(5, Marker.TRIGGER),
        at(30, Marker.DETECTION),
        at(45, Marker.MITIGATION),
        at(130, Marker.RESOLUTION),
        started=T0 - timedelta(hours=2),
    )
    found = metrics(retro)
    assert found.start == T0
    assert (found.to_detect, found.to_mitigate, found.to_resolve) == (30, 45, 130)
    assert minutes_label(found.to_resolve, "?") == "2 h 10 min"


def test_first_of_each_marker_counts() -> None:
    retro = retro_with(
        at(0, Marker.TRIGGER),
        at(20, Marker.DETECTION),
        at(10, Marker.DETECTION),
        at(40, Marker.MITIGATION),
        at(35, Marker.MITIGATION),
    )
    found = metrics(retro)
    assert found.to_detect == 10
    assert found.to_mitigate == 35


def test_without_a_trigger_the_incident_start_is_used() -> None:
    retro = retro_with(at(44, Marker.DETECTION), started=T0)
    found = metrics(retro)
    assert found.start == T0
    assert found.to_detect == 44


def test_without_trigger_or_start_nothing_is_known() -> None:
    found = metrics(retro_with(at(44, Marker.DETECTION), at(50, Marker.RESOLUTION)))
    assert found.start is None
    assert (found.to_detect, found.to_mitigate, found.to_resolve) == (None, None, None)


def test_missing_markers_give_none() -> None:
    found = metrics(retro_with(at(0, Marker.TRIGGER), at(60, Marker.RESOLUTION)))
    assert found.detected is None
    assert found.mitigated is None
    assert found.to_detect is None
    assert found.to_mitigate is None
    assert found.to_resolve == 60


def test_unmarked_events_are_ignored() -> None:
    found = metrics(retro_with(at(0, Marker.TRIGGER), at(3, Marker.NONE)))
    assert (found.detected, found.mitigated, found.resolved) == (None, None, None)


def test_markers_out_of_order_give_none() -> None:
    retro = retro_with(
        at(-10, Marker.DETECTION),
        at(-5, Marker.MITIGATION),
        at(0, Marker.TRIGGER),
        at(20, Marker.RESOLUTION),
    )
    found = metrics(retro)
    assert found.to_detect is None
    assert found.to_mitigate is None
    assert found.to_resolve == 20


def test_a_start_after_the_detection_gives_none() -> None:
    found = metrics(
        retro_with(at(10, Marker.DETECTION), started=T0 + timedelta(hours=1))
    )
    assert found.to_detect is None


def test_detection_at_the_trigger_is_zero_minutes() -> None:
    found = metrics(retro_with(at(0, Marker.TRIGGER), at(0, Marker.DETECTION)))
    assert found.to_detect == 0
    assert minutes_label(found.to_detect, "?") == "0 min"


def test_fractional_minutes_are_kept_until_the_label() -> None:
    found = Metrics(
        start=T0,
        detected=T0 + timedelta(minutes=44, seconds=30),
        mitigated=None,
        resolved=None,
    )
    assert found.to_detect == pytest.approx(44.5)
    assert minutes_label(44.6, "?") == "45 min"
    assert minutes_label(44.4, "?") == "44 min"


@pytest.mark.parametrize(
    ("minutes", "label"),
    [
        (0, "0 min"),
        (1, "1 min"),
        (44, "44 min"),
        (59.4, "59 min"),
        (62, "62 min"),
        (119, "119 min"),
        (120, "2 h 00 min"),
        (125, "2 h 05 min"),
        (130, "2 h 10 min"),
        (599, "9 h 59 min"),
        (1440, "24 h 00 min"),
        (3 * 1440 + 7, "72 h 07 min"),
    ],
)
def test_minutes_label(minutes: float, label: str) -> None:
    assert minutes_label(minutes, "unknown") == label


def test_minutes_label_for_unknown() -> None:
    assert minutes_label(None, "no detection marker") == "no detection marker"
    assert minutes_label(None, "") == ""
