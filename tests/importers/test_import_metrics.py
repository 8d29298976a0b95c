"""The method's example, imported: the deploy at 14:03 triggers, the first
alert at 14:47 detects, so time to detect is 44 minutes and the silence
between them is a flagged blind spot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from importer_helpers import METHOD_JSON, SAMPLES, incident, read, utc

from retrotui.model import Marker, Retrospective, Source, TimelineEvent
from retrotui.model.metrics import blind_spots, detected_by, metrics, metrics_json
from retrotui.model.timeline import sort_timeline


def imported(
    name: str, source: str | None = None, retro: Retrospective | None = None
) -> Retrospective:
    retro = retro or incident()
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = read(text, "auto", source, retro.timeline)
    retro.timeline.extend(result.events)
    sort_timeline(retro)
    return retro


def test_the_method_example_through_the_model() -> None:
    retro = imported("method_example.csv")
    found = metrics(retro)
    assert found.start == utc("2026-11-26 13:03:00")
    assert found.to_detect == 44
    assert found.to_mitigate == 67
    assert found.to_resolve == 82
    assert detected_by(retro) is Source.ALERT
    gaps = blind_spots(retro)
    assert [(g.before.text, g.after.text, g.minutes, g.why) for g in gaps] == [
        (
            "Deploy of api v2.31 to 100%",
            "First alert: checkout 5xx rate above 5%",
            44,
            "trigger → detection",
        ),
        ("Dana acknowledges the page", "Rollback to v2.30 finished", 18, ""),
        ("Rollback to v2.30 finished", "Error rate back to baseline", 15, ""),
    ]
    assert metrics_json(retro) == METHOD_JSON


def test_the_trigger_to_detection_gap_is_flagged_even_below_the_threshold() -> None:
    retro = imported("method_example.csv")
    [gap] = blind_spots(retro, threshold_minutes=60)
    assert (gap.why, gap.minutes) == ("trigger → detection", 44)
    # Events in between: the consecutive gaps are reported and the
    # trigger → detection stretch is still flagged on its own.
    imported("deploy.log", "deploy", retro)
    gaps = blind_spots(retro)
    flagged = [g for g in gaps if g.why]
    assert [(g.before.time, g.after.time, g.minutes) for g in flagged] == [
        (utc("2026-11-26 13:03:00"), utc("2026-11-26 13:47:00"), 44)
    ]
    assert all(g.minutes >= 15 for g in gaps)
    # 13:05:30 to 13:20:00 is 14.5 minutes: under the threshold, not a gap.
    assert [(g.before.time, g.after.time) for g in gaps if not g.why] == [
        (utc("2026-11-26 13:30:15"), utc("2026-11-26 13:47:00")),
        (utc("2026-11-26 13:52:00"), utc("2026-11-26 14:10:00")),
    ]


def test_every_sample_together_keeps_the_first_detection() -> None:
    retro = imported("method_example.csv")
    for name, source in [
        ("deploy.log", "deploy"),
        ("alerts.csv", None),
        ("pager.jsonl", None),
        ("slack_day.json", None),
    ]:
        imported(name, source, retro)
    found = metrics(retro)
    # First detection: the 14:47:00 alert of the example, not the 14:47:05 ones.
    assert found.to_detect == 44
    assert detected_by(retro) is Source.ALERT
    # First mitigation: the pager note at 14:55:10; first resolution 15:25.
    assert found.to_mitigate == pytest.approx(52 + 10 / 60)
    assert found.to_resolve == 82
    assert metrics_json(retro)["time_to_mitigate_s"] == 52 * 60 + 10


def test_detected_by_is_the_source_of_the_first_detection() -> None:
    retro = incident()
    text = (
        '{"timestamp": "2026-11-26 14:03", "source": "deploy", "text": "deploy", "marker": "trigger"}\n'
        '{"timestamp": "2026-11-26 14:30", "source": "customer", "text": "ticket", "marker": "detection"}\n'
        '{"timestamp": "2026-11-26 14:47", "source": "alert", "text": "alert", "marker": "detection"}\n'
    )
    retro.timeline.extend(read(text, "jsonl").events)
    assert detected_by(retro) is Source.CUSTOMER
    assert metrics_json(retro)["time_to_detect_s"] == 27 * 60


def test_missing_markers_are_null_not_guessed() -> None:
    retro = imported("deploy.log", "deploy", incident(started=None))
    assert metrics_json(retro) == {
        "time_to_detect_s": None,
        "time_to_mitigate_s": None,
        "time_to_resolve_s": None,
        "detected_by": None,
        "gaps": [
            {
                "start": "2026-11-26T13:30:15+00:00",
                "end": "2026-11-26T14:12:00.250000+00:00",
                "minutes": 41.8,
            },
        ],
    }


def test_without_a_trigger_the_incident_start_is_used() -> None:
    retro = imported("alerts.csv")  # detection 14:47:05, started 14:03
    assert metrics_json(retro)["time_to_detect_s"] == 44 * 60 + 5
    # No trigger event, so no gap is flagged as trigger → detection.
    assert [g.why for g in blind_spots(retro)] == [""]


def test_metrics_use_the_earliest_marker_even_in_an_unsorted_timeline() -> None:
    t0 = utc("2026-11-26 13:03:00")
    retro = incident(
        timeline=[
            TimelineEvent(
                time=t0 + timedelta(minutes=50),
                source=Source.ALERT,
                text="late",
                marker=Marker.DETECTION,
            ),
            TimelineEvent(
                time=t0, source=Source.DEPLOY, text="deploy", marker=Marker.TRIGGER
            ),
            TimelineEvent(
                time=t0 + timedelta(minutes=44),
                source=Source.CUSTOMER,
                text="ticket",
                marker=Marker.DETECTION,
            ),
        ]
    )
    assert detected_by(retro) is Source.CUSTOMER
    assert [g.minutes for g in blind_spots(retro) if g.why] == [44]
    assert metrics(retro).to_detect == 44
