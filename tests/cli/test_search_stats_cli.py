"""`retrotui search` and `retrotui stats`, run as users run them (a
subprocess, stdout not a terminal); libraries are seeded in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cli_runner import assert_error, ok, run, run_all

from retrotui.model import (
    ActionCategory,
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Effect,
    Kind,
    Marker,
    Retrospective,
    Severity,
    Source,
    Stage,
    Status,
    TimelineEvent,
)
from retrotui.store import Store

sys.path.insert(0, str(Path(__file__).parent.parent / "store"))
from store_helpers import START, make_retro

CANARY = "No alert on the canary error rate."


def seed(data_dir: Path, *retros: Retrospective) -> None:
    with Store(data_dir, mode="write") as store:
        for retro in retros:
            store.save(retro)


def search_library() -> list[Retrospective]:
    checkout = make_retro("Checkout 5xx after deploy", retro_id="aaaaaaaaaaaa")
    checkout.severity = Severity.SEV2
    cache = make_retro(
        "Cache stampede",
        retro_id="bbbbbbbbbbbb",
        started=START - timedelta(days=10),
        summary="Every node refilled the cache at once after a deploy.",
    )
    cache.kind = Kind.NEAR_MISS
    cache.severity = Severity.SEV1
    cache.status = Status.REVIEWED
    cache.tags = ["cache"]
    cache.factors[0].category = "capacity"
    cache.factors[0].text = "Cache tier sized for the average load"
    cache.actions[0].title = "Stagger the cache refills"
    dns = make_retro(
        "DNS resolver outage",
        retro_id="cccccccccccc",
        started=START - timedelta(days=40),
        summary="Internal names did not resolve.",
    )
    dns.tags = ["network"]
    dns.status = Status.PUBLISHED
    dns.factors[0].text = "Resolver health was not graphed"
    dns.actions[0].title = "Graph resolver health"
    return [checkout, cache, dns]


@pytest.fixture
def library(isolated_data_dir: Path) -> Path:
    seed(isolated_data_dir, *search_library())
    return isolated_data_dir


def search_json(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(ok(result))


# -- search: output ------------------------------------------------------------------
def test_search_prints_id_date_severity_title_and_a_marked_snippet(
    library: Path,
) -> None:
    result = run("search", "canary")
    assert ok(result).splitlines() == [
        "aaaaaaaaaaaa  2026-11-26  SEV2  Checkout 5xx after deploy",
        "    factor 1: No alert on the **canary** error rate.",
    ]
    assert result.stderr == ""
    assert "\x1b" not in result.stdout  # not a terminal: no colour


def test_search_lists_best_first_with_one_snippet_each(library: Path) -> None:
    lines = ok(run("search", "cache")).splitlines()
    # The title match ranks first; the snippet shows the body, not the title.
    assert lines[0].startswith("bbbbbbbbbbbb  2026-11-16  SEV1  Cache stampede")
    assert lines[1].startswith("    summary: ")
    assert "**cache**" in lines[1]
    assert len(lines) == 2


def test_search_json_shape(library: Path) -> None:
    (found,) = search_json(run("search", "canary", "--json"))
    assert set(found) == {
        "id",
        "title",
        "date",
        "severity",
        "kind",
        "status",
        "tags",
        "score",
        "snippet",
    }
    assert found["id"] == "aaaaaaaaaaaa"
    assert found["title"] == "Checkout 5xx after deploy"
    assert found["date"] == "2026-11-26"
    assert (found["severity"], found["kind"], found["status"]) == (
        "SEV2",
        "incident",
        "draft",
    )
    assert found["tags"] == ["deploy"]
    assert found["score"] == 2  # once in the factor, once in the action
    snippet = found["snippet"]
    assert set(snippet) == {"where", "text", "highlights"}
    assert snippet["where"] == "factor 1"
    assert snippet["text"] == CANARY
    start = CANARY.index("canary")
    assert snippet["highlights"] == [[start, start + len("canary")]]
    for begin, end in snippet["highlights"]:
        assert snippet["text"][begin:end].lower() == "canary"


def test_search_json_without_words_has_no_snippet(library: Path) -> None:
    found = search_json(run("search", "--json"))
    assert [f["id"] for f in found] == ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]
    assert all(f["snippet"] is None for f in found)


def test_search_limit(library: Path) -> None:
    found = search_json(run("search", "--json", "--limit", "2"))
    assert [f["id"] for f in found] == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]


def test_search_with_no_match_exits_1_with_a_message(library: Path) -> None:
    human, as_json, filtered = run_all(
        ["search", "nosuchwordanywhere"],
        ["search", "nosuchwordanywhere", "--json"],
        ["search", "canary", "--tag", "network"],
    )
    assert human.returncode == 1
    assert human.stdout == ""
    assert human.stderr.strip() == "No retrospective matches."
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == []
    assert filtered.returncode == 1
    assert "Traceback" not in human.stderr + as_json.stderr + filtered.stderr


def test_search_an_empty_library_exits_1(isolated_data_dir: Path) -> None:
    result = run("search", "anything")
    assert result.returncode == 1
    assert result.stderr.strip() == "No retrospective matches."


# -- search: bad filters -----------------------------------------------------------------
def test_bad_filters_exit_2_with_one_line(library: Path) -> None:
    severity, since, in_query, until, limit, order = run_all(
        ["search", "canary", "--severity", "SEV9"],
        ["search", "canary", "--since", "notadate"],
        ["search", "canary sev:SEV9"],
        ["search", "--until", "2026-02-30"],
        ["search", "canary", "--limit", "0"],
        ["search", "since:2026-06-01 until:2026-01-01"],
    )
    assert (
        assert_error(severity)
        == "retrotui: error: unknown severity 'SEV9' (SEV1 to SEV4)"
    )
    assert (
        assert_error(since)
        == "retrotui: error: --since: 'notadate' is not a date like 2026-03-31"
    )
    assert assert_error(in_query) == assert_error(severity)
    assert_error(until, "--until", "2026-02-30")
    assert_error(limit, "--limit")
    assert (
        assert_error(order)
        == "retrotui: error: since 2026-06-01 is after until 2026-01-01"
    )
    for result in (severity, since, in_query, until, limit, order):
        assert result.stdout == ""


# -- search: flags are the same filters as the query --------------------------------------
FLAG_PAIRS = [
    (["deploy", "--tag", "deploy"], ["deploy tag:deploy"]),
    (["--tag", "Cache"], ["tag:cache"]),
    (["--severity", "sev1"], ["sev:1"]),
    (["--severity", "SEV1", "--severity", "SEV2"], ["sev:SEV1 sev:SEV2"]),
    (["--kind", "near-miss"], ["kind:near-miss"]),
    (["--kind", "near_miss"], ["kind:near_miss"]),
    (["--status", "reviewed"], ["status:reviewed"]),
    (["--category", "capacity"], ["category:capacity"]),
    (["--since", "2026-11-16"], ["since:2026-11-16"]),
    (["--until", "2026-11-16"], ["until:2026-11-16"]),
    (
        [
            "cache",
            "--tag",
            "cache",
            "--severity",
            "SEV1",
            "--kind",
            "near-miss",
            "--status",
            "reviewed",
            "--category",
            "capacity",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-30",
        ],
        [
            "cache tag:cache sev:SEV1 kind:near-miss status:reviewed "
            "category:capacity since:2026-11-01 until:2026-11-30"
        ],
    ),
]


def test_filters_by_flag_equal_filters_in_the_query(library: Path) -> None:
    argvs = []
    for flags, query in FLAG_PAIRS:
        argvs += [["search", "--json", *flags], ["search", "--json", *query]]
    results = run_all(*argvs)
    expected_ids = [
        ["aaaaaaaaaaaa"],
        ["bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb"],
        ["aaaaaaaaaaaa", "bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb"],
        ["aaaaaaaaaaaa", "bbbbbbbbbbbb"],
        ["bbbbbbbbbbbb", "cccccccccccc"],
        ["bbbbbbbbbbbb"],
    ]
    for n, expected in enumerate(expected_ids):
        by_flag, by_query = results[2 * n], results[2 * n + 1]
        assert by_flag.returncode == by_query.returncode == 0, FLAG_PAIRS[n]
        assert by_flag.stdout == by_query.stdout, FLAG_PAIRS[n]
        assert [f["id"] for f in json.loads(by_flag.stdout)] == expected, FLAG_PAIRS[n]


def test_a_flag_adds_to_the_filters_of_the_query(library: Path) -> None:
    both, query_only = run_all(
        ["search", "--json", "tag:deploy", "--severity", "SEV1"],
        ["search", "--json", "tag:deploy"],
    )
    assert both.returncode == 1 and json.loads(both.stdout) == []
    assert [f["id"] for f in search_json(query_only)] == ["aaaaaaaaaaaa"]


def test_a_flag_value_with_a_space_is_one_value(library: Path) -> None:
    kind, category = run_all(
        ["search", "--json", "--kind", "near miss"],
        ["search", "--json", "--category", "capacity planning"],
    )
    assert [f["id"] for f in search_json(kind)] == ["bbbbbbbbbbbb"]
    # No factor has the category "capacity planning".
    assert category.returncode == 1


def test_since_after_until_by_flags_is_an_error(library: Path) -> None:
    assert_error(
        run("search", "--since", "2026-06-01", "--until", "2026-01-01"),
        "is after until",
    )


# -- stats ----------------------------------------------------------------------------------
def stats_library(today: date) -> list[Retrospective]:
    """Four retrospectives (dates relative to today, so months never age out):

    s1  90 days ago  incident   deploy            detect 10  resolve 60
    s2  60 days ago  near-miss  deploy, database  detect 30  resolve 90
    s3  30 days ago  incident   network           detect 20  -
    s4  10 days ago  incident   -                 -          -

    detect 10, 30, 20 -> mean 20, median 20; resolve 60, 90 -> mean 75, median 75
    tags deploy 2/4, database 1/4, network 1/4; categories monitoring 2/4, capacity 1/4
    items: done 2 (closed after 4 and 10 days), open 2 (one overdue), dropped 1
    """

    def at(days_ago: int) -> datetime:
        day = today - timedelta(days=days_ago)
        return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)

    def retro(
        retro_id: str,
        started: datetime,
        tags: list[str],
        markers: list[tuple[int, Marker]],
        factors: list[tuple[str, str]],
        actions: list[ActionItem],
    ) -> Retrospective:
        return Retrospective(
            id=retro_id,
            title=f"Stats {retro_id}",
            started=started,
            tags=tags,
            timeline=[
                TimelineEvent(
                    time=started + timedelta(minutes=minute),
                    source=Source.NOTE,
                    text=marker.value,
                    marker=marker,
                )
                for minute, marker in markers
            ],
            factors=[
                ContributingFactor(
                    stage=Stage.DETECTION, effect=Effect.WORSE, category=c, text=t
                )
                for c, t in factors
            ],
            actions=actions,
        )

    def item(status: ActionStatus, **fields: object) -> ActionItem:
        return ActionItem(
            title="item",
            category=ActionCategory.PROCESS,
            owner="ana",
            status=status,
            **fields,  # type: ignore[arg-type]
        )

    s1 = retro(
        "s1aaaaaaaaaa",
        at(90),
        ["deploy"],
        [(0, Marker.TRIGGER), (10, Marker.DETECTION), (60, Marker.RESOLUTION)],
        [("monitoring", "No alert on the canary error rate")],
        [
            item(ActionStatus.DONE, closed_on=at(90).date() + timedelta(days=4)),
            item(ActionStatus.OPEN, due=date(2020, 1, 1)),
        ],
    )
    s2 = retro(
        "s2bbbbbbbbbb",
        at(60),
        ["deploy", "database"],
        [(30, Marker.DETECTION), (90, Marker.RESOLUTION)],
        [("monitoring", "Canary error rate had no alerting")],
        [
            item(ActionStatus.OPEN, due=date(2099, 1, 1)),
            item(ActionStatus.DROPPED, drop_reason="superseded"),
        ],
    )
    s2.kind = Kind.NEAR_MISS
    s3 = retro(
        "s3cccccccccc",
        at(30),
        ["network"],
        [(0, Marker.TRIGGER), (20, Marker.DETECTION)],
        [("capacity", "Connection pool too small for the peak")],
        [item(ActionStatus.DONE, closed_on=at(30).date() + timedelta(days=10))],
    )
    s4 = retro("s4dddddddddd", at(10), [], [], [], [])
    return [s1, s2, s3, s4]


@pytest.fixture
def stats_dir(isolated_data_dir: Path) -> Path:
    seed(isolated_data_dir, *stats_library(date.today()))
    return isolated_data_dir


def test_stats_text_has_every_section_and_the_numbers(stats_dir: Path) -> None:
    text = ok(run("stats"))
    lines = text.splitlines()
    assert lines[0] == "4 retrospectives: 3 incidents, 1 near miss"
    for section in (
        "Per month (",
        "Time to detect and to resolve:",
        "Share by tag:",
        "Share by contributing-factor category:",
        "Action items:",
        "Repeat contributing factors: 1 to escalate",
    ):
        assert any(line.startswith(section) for line in lines), section
    assert any(
        line.startswith("  detect: median 20 min, mean 20 min over 3") for line in lines
    )
    assert any(
        line.startswith("  resolve: median 75 min, mean 75 min over 2")
        for line in lines
    )
    tag_lines = [line.split() for line in lines if line.startswith("  deploy ")]
    assert tag_lines and tag_lines[0][-2:] == ["50%", "(2)"]
    assert any(
        line.split()[-2:] == ["25%", "(1)"] for line in lines if "network" in line
    )
    category = [line.split() for line in lines if line.startswith("  monitoring ")]
    assert category and category[0][-2:] == ["50%", "(2)"]
    assert "  completion 50% (2 done of 4; 1 dropped)" in lines
    assert "  open 2, overdue 1, median time to close 7 days" in lines
    escalate = lines.index("Repeat contributing factors: 1 to escalate")
    assert lines[escalate + 1] in {
        "  ESCALATE [monitoring] No alert on the canary error rate",
        "  ESCALATE [monitoring] Canary error rate had no alerting",
    }
    assert lines[escalate + 2].startswith("    seen in 2: ")
    assert "Stats s1aaaaaaaaaa" in lines[escalate + 2]
    assert "Stats s2bbbbbbbbbb" in lines[escalate + 2]
    this_month = date.today().strftime("%Y-%m")
    assert f"to {this_month}, peak " in text


def test_stats_json_numbers(stats_dir: Path) -> None:
    data = json.loads(ok(run("stats", "--json")))
    assert (data["retrospectives"], data["incidents"], data["near_misses"]) == (
        4,
        3,
        1,
    )
    assert data["time_to_detect"]["count"] == 3
    assert data["time_to_detect"]["mean_minutes"] == 20
    assert data["time_to_detect"]["median_minutes"] == 20
    assert data["time_to_resolve"]["count"] == 2
    assert data["time_to_resolve"]["mean_minutes"] == 75
    assert data["time_to_resolve"]["median_minutes"] == 75
    assert data["tags"] == [
        {"tag": "deploy", "count": 2, "share": 0.5},
        {"tag": "database", "count": 1, "share": 0.25},
        {"tag": "network", "count": 1, "share": 0.25},
    ]
    assert data["categories"] == [
        {"category": "monitoring", "count": 2, "share": 0.5},
        {"category": "capacity", "count": 1, "share": 0.25},
    ]
    assert data["action_items"] == {
        "done": 2,
        "open": 2,
        "dropped": 1,
        "overdue": 1,
        "completion_rate": 0.5,
        "median_days_to_close": 7,
    }
    months = data["per_month"]
    assert months[-1]["month"] == date.today().strftime("%Y-%m")
    assert sum(m["incidents"] for m in months) == 3
    assert sum(m["near_misses"] for m in months) == 1
    (repeat,) = data["repeat_factors"]
    assert repeat["escalate"] is True
    assert repeat["category"] == "monitoring"


def test_stats_since(stats_dir: Path) -> None:
    since = (date.today() - timedelta(days=45)).isoformat()
    as_json, text = run_all(
        ["stats", "--json", "--since", since], ["stats", "--since", since]
    )
    data = json.loads(ok(as_json))
    assert data["since"] == since
    assert (data["retrospectives"], data["incidents"], data["near_misses"]) == (2, 2, 0)
    assert data["time_to_detect"]["count"] == 1
    assert data["time_to_detect"]["median_minutes"] == 20
    assert data["action_items"]["done"] == 1
    assert data["action_items"]["median_days_to_close"] == 10
    assert data["repeat_factors"] == []
    assert (
        ok(text).splitlines()[0]
        == f"2 retrospectives since {since}: 2 incidents, 0 near misses"
    )


def test_stats_bad_since_exits_2(stats_dir: Path) -> None:
    assert (
        assert_error(run("stats", "--since", "notadate"))
        == "retrotui: error: --since: 'notadate' is not a date like 2026-03-31"
    )


def test_stats_of_an_empty_library_says_so(isolated_data_dir: Path) -> None:
    text, as_json, since = run_all(
        ["stats"], ["stats", "--json"], ["stats", "--since", "2026-01-01"]
    )
    assert ok(text).strip() == "No retrospectives."
    data = json.loads(ok(as_json))
    assert data["retrospectives"] == 0
    assert data["per_month"] == [] and data["tags"] == []
    assert data["action_items"]["completion_rate"] is None
    assert ok(since).strip() == "No retrospectives since 2026-01-01."


def test_stats_since_after_everything_says_so(stats_dir: Path) -> None:
    assert ok(run("stats", "--since", "2999-01-01")).strip() == (
        "No retrospectives since 2999-01-01."
    )


# -- hostile text -----------------------------------------------------------------------------
HOSTILE = "Evil \x1b[2J\x1b[31mtitle\x1b]0;pwned\x07 \x9b31m [red]x[/red] end"


def hostile_library() -> list[Retrospective]:
    retros = []
    for n in range(2):
        retro = make_retro(HOSTILE, retro_id=f"{n}eeeeeeeeeee")
        retro.summary = "needle \x1b[31mred\x1b[0m needle \x1b]8;;http://x\x07link"
        retro.tags = ["\x1b[1mdeploy", "ok"]
        retro.factors[0].category = "mon\x1b[5mitoring"
        retro.factors[0].text = "\x1b[31mNo alert\x1b[0m on the canary error rate"
        retros.append(retro)
    return retros


def test_escape_codes_never_reach_stdout_raw(isolated_data_dir: Path) -> None:
    seed(isolated_data_dir, *hostile_library())
    human, filtered, as_json, stats, stats_json = run_all(
        ["search", "needle"],
        ["search", "--tag", "ok"],
        ["search", "needle", "--json"],
        ["stats"],
        ["stats", "--json"],
    )
    for result in (human, filtered, as_json, stats, stats_json):
        out = ok(result)
        assert "\x1b" not in out, result.args
        assert "\x07" not in out, result.args
    for result in (human, filtered, stats):
        assert "\x9b" not in result.stdout, result.args
    assert "[red]x[/red]" in human.stdout  # markup is printed as it was written
    assert "\\x1b" in human.stdout  # escapes are shown, visibly
    assert "ESCALATE" in stats.stdout
    found = json.loads(as_json.stdout)
    assert found[0]["title"] == HOSTILE  # JSON keeps the text, escaped
    for hit in found:
        text = hit["snippet"]["text"]
        assert "\x1b" not in text
        for begin, end in hit["snippet"]["highlights"]:
            assert text[begin:end].lower() == "needle"


def test_one_shot_commands_leave_the_garbage_collector_as_they_found_it(
    tmp_path,
) -> None:
    import gc

    from retrotui.cli import main

    assert gc.isenabled()
    main(["--data-dir", str(tmp_path), "stats"])
    assert gc.isenabled()
    gc.disable()
    try:
        main(["--data-dir", str(tmp_path), "stats"])
        assert not gc.isenabled()
    finally:
        gc.enable()
