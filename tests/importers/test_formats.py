"""Each import format, read from realistic samples written for these tests
(tests/importers/samples): what comes out, to the microsecond and letter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from importer_helpers import SAMPLES, options, read, rows

from retrotui.importers.timeline import detect_format, read_timeline
from retrotui.store.files import read_import_source

DEPLOY_LOG = [
    # Out of order in the file (a UTC line from another tool): sorted here.
    ("2026-11-26 12:50:00", "deploy", "none", "db-migrate: 0042_add_index finished"),
    (
        "2026-11-26 12:58:02",
        "deploy",
        "none",
        "deploy api v2.31 requested by ci (pipeline #88213)",
    ),
    # " - " and " | " after the time are separators, not text.
    ("2026-11-26 13:01:40", "deploy", "none", "canary api-7f9c healthy, promoting"),
    (
        "2026-11-26 13:03:12",
        "deploy",
        "none",
        "rollout api v2.31 to 100% [green]done[/green]",
    ),
    # syslog, year from the incident, read in Berlin (CET, +01:00)
    (
        "2026-11-26 13:05:30",
        "deploy",
        "none",
        "config-sync[812]: feature flag checkout.v3=on",
    ),
    (
        "2026-11-26 13:20:00",
        "deploy",
        "none",
        "autoscaler: api replicas 6 -> 12",
    ),  # epoch s
    (
        "2026-11-26 13:30:15",
        "deploy",
        "none",
        "autoscaler: api replicas 12 -> 20",
    ),  # epoch ms
    ("2026-11-26 14:12:00.250000", "deploy", "none", "rollback api to v2.30 started"),
    ("2026-11-26 14:19:00", "deploy", "none", "rollback api to v2.30 finished"),
]

ALERTS_CSV = [
    (
        "2026-11-26 13:47:05",
        "alert",
        "detection",
        "Checkout 5xx rate above 5% (p95 over 5 min)",
    ),
    (
        "2026-11-26 13:49:30",
        "customer",
        "none",
        "Support: 12 tickets about failed payments, error rate 5,3 %",
    ),
    (
        "2026-11-26 13:52:02",
        "alert",
        "none",
        "DB pool saturated; 98 % of 200 connections in use",
    ),
    ("2026-11-26 14:10:00", "alert", "mitigation", "Checkout 5xx rate back below 1%"),
]

PAGER_JSONL = [
    (
        "2026-11-26 13:47:05",
        "alert",
        "detection",
        "Triggered: Checkout 5xx rate above 5%",
    ),
    (
        "2026-11-26 13:47:06.512000",
        "alert",
        "none",
        "Notified Dana Ortiz via push and SMS",
    ),
    (
        "2026-11-26 13:52:40",
        "on-call",
        "none",
        "Acknowledged by Dana Ortiz",
    ),  # "oncall"
    # "time" as epoch seconds (a JSON number) instead of "timestamp"
    ("2026-11-26 13:55:10", "on-call", "mitigation", "Note: rolling back api to v2.30"),
    ("2026-11-26 14:31:00", "on-call", "resolution", "Resolved by Dana Ortiz"),
]

SLACK_DAY = [
    (
        "2026-11-26 13:49:30.000200",
        "chat",
        "none",
        "Dana Ortiz: checkout is throwing 500s, looking",
    ),
    (
        "2026-11-26 13:50:00.000300",
        "chat",
        "none",
        "Sam Lee (thread reply): deploy of api v2.31 went out at 14:03",
    ),
    (
        "2026-11-26 13:52:02.000400",
        "chat",
        "none",
        "Dana Ortiz (thread reply): db pool is at 98%",
    ),
    # no user_profile: the user id stands in for the name
    (
        "2026-11-26 13:58:00.000600",
        "chat",
        "none",
        "U04KIM: rollback to v2.30 started :rewind:",
    ),
]


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_a_deploy_log_in_every_timestamp_style() -> None:
    result = read(sample("deploy.log"), "log", source="deploy")
    assert rows(result) == DEPLOY_LOG
    assert (result.skipped, result.duplicates) == ([], 0)
    assert result.first == result.events[0].time
    assert result.last == result.events[-1].time


def test_an_alert_csv_with_semicolons_and_extra_columns() -> None:
    result = read(sample("alerts.csv"), "csv")
    assert rows(result) == ALERTS_CSV


def test_a_json_lines_pager_export() -> None:
    result = read(sample("pager.jsonl"), "jsonl")
    assert rows(result) == PAGER_JSONL


def test_a_slack_day_file_skips_joins_leaves_and_topics_and_keeps_replies() -> None:
    result = read(sample("slack_day.json"), "slack")
    assert rows(result) == SLACK_DAY
    # Housekeeping is skipped silently: neither invalid nor a duplicate.
    assert (result.skipped, result.duplicates) == ([], 0)


def test_slack_times_ignore_the_zone_given() -> None:
    from zoneinfo import ZoneInfo

    far = read(sample("slack_day.json"), "slack", zone=ZoneInfo("Pacific/Auckland"))
    assert rows(far) == SLACK_DAY


@pytest.mark.parametrize(
    ("name", "fmt", "source"),
    [
        ("deploy.log", "log", "deploy"),
        ("alerts.csv", "csv", None),
        ("pager.jsonl", "jsonl", None),
        ("slack_day.json", "slack", None),
        ("method_example.csv", "csv", None),
    ],
)
def test_auto_detects_each_sample(name: str, fmt: str, source: str | None) -> None:
    text = sample(name)
    assert detect_format(text) == fmt
    assert rows(read(text, "auto", source)) == rows(read(text, fmt, source))


def slack_export_rows(
    folder: Path,
) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """What the command line does with a folder: each day file in name order."""
    return [
        (
            str(Path(name).relative_to(folder)),
            rows(read_timeline(text, "auto", options(name=name))),
        )
        for name, text in read_import_source(folder)
    ]


SLACK_EXPORT = [
    (
        "inc-checkout/2026-11-26.json",
        [
            (
                "2026-11-26 13:49:30.000200",
                "chat",
                "none",
                "Dana Ortiz: checkout is throwing 500s, looking",
            ),
            (
                "2026-11-26 23:10:00.000300",
                "chat",
                "none",
                "Sam Lee: error rate flat since the rollback, going offline",
            ),
        ],
    ),
    (
        "inc-checkout/2026-11-27.json",
        [
            (
                "2026-11-27 07:45:00.000200",
                "chat",
                "none",
                "Lee Park: retro scheduled for Monday 10:00",
            )
        ],
    ),
    (
        "ops-alerts/2026-11-26.json",
        [
            (
                "2026-11-26 13:47:05.000100",
                "chat",
                "none",
                "Ops Rota: FIRING checkout-5xx (api-3) see #inc-checkout",
            ),
            (
                "2026-11-26 13:49:50.000200",
                "chat",
                "none",
                "Dana Ortiz (thread reply): ack, on it",
            ),
        ],
    ),
]


def test_a_slack_export_folder_with_two_channels_and_two_days() -> None:
    assert slack_export_rows(SAMPLES / "slack_export") == SLACK_EXPORT


def test_an_empty_folder_is_not_a_slack_export(tmp_path: Path) -> None:
    from retrotui.store import StoreError

    with pytest.raises(StoreError) as raised:
        read_import_source(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}: a folder with no .json day files (not a Slack export)"
    )


def test_a_real_slack_export_has_metadata_files_at_its_top(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(SAMPLES / "slack_export", folder)
    (folder / "channels.json").write_text(
        '[{"id": "C01INC", "name": "inc-checkout", "created": 1795700800, '
        '"creator": "U01DANA", "members": ["U01DANA", "U02SAM"]}, '
        '{"id": "C02OPS", "name": "ops-alerts", "created": 1700000000}]',
        encoding="utf-8",
    )
    (folder / "users.json").write_text(
        '[{"id": "U01DANA", "name": "dana", "real_name": "Dana Ortiz", '
        '"profile": {"real_name": "Dana Ortiz"}}]',
        encoding="utf-8",
    )
    (folder / "integration_logs.json").write_text("[]", encoding="utf-8")
    found = slack_export_rows(folder)
    assert [day for day in found if day[1]] == SLACK_EXPORT
