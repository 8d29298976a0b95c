"""Serialisation: exact round trips, hostile text, and errors that name the field."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_factories import full_retro, text_values, walk

from retrotui.model import (
    Marker,
    Retrospective,
    ValidationError,
    from_dict,
    from_document,
    serialize,
    to_dict,
    to_document,
)

Doc = dict[str, Any]


def json_round_trip(retro: Retrospective, *, ascii_only: bool = True) -> Retrospective:
    text = json.dumps(to_document(retro), ensure_ascii=ascii_only)
    return from_document(json.loads(text))


def plain_doc() -> Doc:
    return json.loads(json.dumps(to_document(full_retro())))


# -- the fixture itself ----------------------------------------------------


def test_full_retro_sets_every_field_away_from_its_default() -> None:
    # Guards the round-trip tests: a field left at its default would round
    # trip even if the serialiser forgot it. A new field added to the model
    # without being set here fails this test.
    retro = full_retro()
    changed: dict[str, bool] = {}
    for path, f, value in walk(retro):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            continue
        # One entry per field of each entity type: "retro.timeline.marker".
        key = re.sub(r"\[\d+\]", "", path)
        changed[key] = changed.get(key, False) or value != default
    assert "retro.timeline.marker" in changed
    left_default = sorted(key for key, ok in changed.items() if not ok)
    assert left_default == []


def test_full_retro_puts_the_text_in_every_free_text_field() -> None:
    values = text_values(full_retro("HOSTILE"))
    assert len(values) >= 30
    assert set(values.values()) == {"HOSTILE"}


# -- round trips -----------------------------------------------------------


def test_round_trip_of_fully_populated_retrospective_is_exact() -> None:
    retro = full_retro("Deploy of api v2.31 to production")
    back = json_round_trip(retro)
    assert back == retro
    # The dict form is plain JSON (no datetimes or enums left in it).
    assert json.loads(json.dumps(to_dict(retro))) == to_dict(retro)
    assert from_dict(json.loads(json.dumps(to_dict(retro)))) == retro


def test_round_trip_normalises_times_to_utc() -> None:
    retro = full_retro()
    document = to_document(retro)
    first = document["retrospective"]["timeline"][0]["time"]
    assert first.endswith("+00:00")
    assert document["retrospective"]["timer"]["started_at"].endswith("+00:00")


def test_document_carries_the_schema_version() -> None:
    document = to_document(full_retro())
    assert document["schema_version"] == serialize.SCHEMA_VERSION
    assert set(document) == {"schema_version", "retrospective"}


def test_minimal_retrospective_round_trips_with_defaults() -> None:
    retro = Retrospective(title="Checkout 5xx after deploy")
    assert json_round_trip(retro) == retro
    # Optional parts can be left out of the document entirely.
    document = json.loads(json.dumps(to_document(retro)))
    for key in ("impact", "phases", "timer", "timeline", "tags", "kind"):
        del document["retrospective"][key]
    assert from_document(document) == retro


MEGABYTE_MIX = ("é🔥[b]\x1b[2J\x00|\n" * 200_000)[:1_000_000]

HOSTILE = [
    pytest.param("[red]x[/red]", id="rich-markup"),
    pytest.param("[bold", id="unclosed-markup"),
    pytest.param("[link=http://evil]click[/link] [/]", id="markup-link"),
    pytest.param("\x1b[31mred\x1b[0m \x1b]0;title\x07", id="ansi"),
    pytest.param("a\x00b\x00", id="nul"),
    pytest.param("\x7f\x9b\x85\x0b\x0c\r", id="c0-c1-controls"),
    pytest.param("x" * 1_000_000, id="1mb-ascii"),
    pytest.param(MEGABYTE_MIX, id="1mb-mixed"),
    pytest.param("👩‍🔥 🇩🇪 e\u0301 Z̤͔ͧ̑ 漢字 \u200b\u202e", id="emoji-combining"),
    pytest.param("| a | b |\n|---|---|\nline2\r\nline3\u2028end", id="pipes-newlines"),
    pytest.param('"quoted" \\back\\slash {"json": true}', id="json-like"),
    pytest.param("\ufeff\ufffd\U0010ffff", id="bom-replacement-max"),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_round_trip_keeps_hostile_text_in_every_text_field(text: str) -> None:
    retro = full_retro(text)
    assert set(text_values(retro).values()) == {text}
    assert json_round_trip(retro) == retro
    # The store writes with ensure_ascii=False: raw UTF-8 must survive too.
    assert json_round_trip(retro, ascii_only=False) == retro


# Surrogates cannot be encoded as UTF-8 and never come from a terminal.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=any_text, title=any_text.filter(lambda t: t.strip() != ""))
def test_round_trip_property_over_text_fields(text: str, title: str) -> None:
    retro = full_retro(text, title=title)
    assert json_round_trip(retro) == retro
    assert json_round_trip(retro, ascii_only=False) == retro


@settings(max_examples=50, deadline=None)
@given(
    tags=st.lists(any_text, max_size=6),
    people=st.lists(any_text, max_size=6),
    whys=st.lists(any_text, max_size=6),
)
def test_round_trip_property_over_text_lists(
    tags: list[str], people: list[str], whys: list[str]
) -> None:
    retro = full_retro()
    retro.tags = tags
    retro.participants = people
    retro.why_chains[0].whys = whys
    assert json_round_trip(retro) == retro


# -- validation errors name the field --------------------------------------


def test_bad_time_in_timeline_names_the_exact_field() -> None:
    document = plain_doc()
    assert len(document["retrospective"]["timeline"]) > 3
    document["retrospective"]["timeline"][3]["time"] = "half past two"
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == "retrospective.timeline[3].time"
    assert "half past two" in str(caught.value)
    assert str(caught.value).startswith("retrospective.timeline[3].time: ")


def test_time_without_offset_is_rejected() -> None:
    document = plain_doc()
    document["retrospective"]["started"] = "2026-11-26T14:03:00"
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == "retrospective.started"
    assert "no UTC offset" in caught.value.problem


@pytest.mark.parametrize(
    ("where", "key", "bad", "allowed"),
    [
        ((), "severity", "SEV9", ["SEV1", "SEV2", "SEV3", "SEV4"]),
        ((), "kind", "outage", ["incident", "near-miss"]),
        ((), "status", "done", ["draft", "reviewed", "published"]),
        (("timeline", 2), "marker", "cause", ["trigger", "detection", "none"]),
        (("timeline", 0), "source", "email", ["alert", "deploy", "on-call"]),
        (("factors", 1), "stage", "blame", ["cause", "detection", "response"]),
        (("factors", 0), "effect", "meh", ["worse", "better"]),
        (("actions", 1), "category", "wish", ["immediate", "systemic"]),
        (("actions", 0), "status", "closed", ["open", "done", "dropped"]),
        (("phases", 1), "phase", "lunch", ["review", "timeline", "actions"]),
        (("timer",), "phase", "lunch", ["review", "factors"]),
    ],
)
def test_unknown_enum_value_lists_the_allowed_values(
    where: tuple[Any, ...], key: str, bad: str, allowed: list[str]
) -> None:
    document = plain_doc()
    target = document["retrospective"]
    for step in where:
        target = target[step]
    target[key] = bad
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    expected_path = "retrospective" + "".join(
        f"[{step}]" if isinstance(step, int) else f".{step}" for step in where
    )
    assert caught.value.path == f"{expected_path}.{key}"
    assert repr(bad) in caught.value.problem
    for value in allowed:
        assert value in caught.value.problem


def test_unknown_criterion_lists_the_allowed_values() -> None:
    document = plain_doc()
    document["retrospective"]["criteria"][1] = "gut-feeling"
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path.startswith("retrospective.criteria[1]")
    assert "customer-impact" in caught.value.problem
    assert "gut-feeling" in caught.value.problem


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ((), "retrospective"),
        (("impact",), "retrospective.impact"),
        (("timeline", 1), "retrospective.timeline[1]"),
        (("factors", 0), "retrospective.factors[0]"),
        (("why_chains", 0), "retrospective.why_chains[0]"),
        (("actions", 1), "retrospective.actions[1]"),
        (("phases", 0), "retrospective.phases[0]"),
        (("timer",), "retrospective.timer"),
    ],
)
def test_unknown_field_is_rejected(where: tuple[Any, ...], path: str) -> None:
    document = plain_doc()
    target = document["retrospective"]
    for step in where:
        target = target[step]
    target["colour"] = "red"
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == path
    assert "unknown field 'colour'" in caught.value.problem


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ((), "retrospective.id"),
        (("timeline", 4), "retrospective.timeline[4].id"),
        (("factors", 1), "retrospective.factors[1].id"),
        (("why_chains", 0), "retrospective.why_chains[0].id"),
        (("actions", 0), "retrospective.actions[0].id"),
    ],
)
def test_missing_id_is_rejected(where: tuple[Any, ...], path: str) -> None:
    document = plain_doc()
    target = document["retrospective"]
    for step in where:
        target = target[step]
    del target["id"]
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == path
    assert caught.value.problem == "missing"


@pytest.mark.parametrize(
    "required", ["title", "created", "updated", ("timeline", 0, "time")]
)
def test_missing_required_field_is_named(required: str | tuple[Any, ...]) -> None:
    document = plain_doc()
    steps = (required,) if isinstance(required, str) else required
    target = document["retrospective"]
    for step in steps[:-1]:
        target = target[step]
    del target[steps[-1]]
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    expected = "retrospective" + "".join(
        f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps
    )
    assert caught.value.path == expected
    assert caught.value.problem == "missing"


def _set(path: tuple[Any, ...], value: object) -> Callable[[Doc], None]:
    def change(document: Doc) -> None:
        target = document["retrospective"]
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        (_set(("summary",), 3), "retrospective.summary", "expected text"),
        (_set(("title",), None), "retrospective.title", "expected text"),
        (_set(("title",), "   "), "retrospective.title", "must not be empty"),
        (_set(("tags",), "deploy"), "retrospective.tags", "expected a list"),
        (_set(("tags",), ["ok", 7]), "retrospective.tags[1]", "expected text"),
        (_set(("participants",), [None]), "retrospective.participants[0]", "text"),
        (_set(("timeline",), {}), "retrospective.timeline", "expected a list"),
        (_set(("timeline", 1), "x"), "retrospective.timeline[1]", "an object"),
        (_set(("timeline", 2, "time"), 1700000000), "", "a date-time"),
        (_set(("impact", "data_lost"), "yes"), "", "true/false"),
        (_set(("impact", "duration_minutes"), -5), "", "whole number"),
        (_set(("impact", "duration_minutes"), 1.5), "", "whole number"),
        (_set(("impact", "duration_minutes"), True), "", "whole number"),
        (_set(("impact",), []), "retrospective.impact", "an object"),
        (_set(("phases", 0, "planned_s"), "900"), "", "a number"),
        (_set(("phases", 0, "spent_s"), -1), "", "must be between 0 and"),
        (_set(("timer", "running"), 1), "", "true/false"),
        (_set(("timer", "started_at"), "soon"), "", "ISO 8601"),
        (_set(("actions", 0, "due"), "next week"), "", "YYYY-MM-DD"),
        (_set(("actions", 1, "closed_on"), 20261201), "", "expected a date"),
        (_set(("why_chains", 0, "whys"), [["nested"]]), "", "expected text"),
        (_set(("timezone",), "Mars/Olympus_Mons"), "", "unknown time zone"),
        (_set(("kind",), ["incident"]), "retrospective.kind", "not one of"),
    ],
)
def test_wrong_types_name_the_field(
    change: Callable[[Doc], None], path: str, fragment: str
) -> None:
    document = plain_doc()
    change(document)
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path.startswith("retrospective")
    if path:
        assert caught.value.path == path
    assert fragment in caught.value.problem


@pytest.mark.parametrize(
    ("path_suffix", "value", "expected_path"),
    [
        (("timeline", 2, "time"), 0, "retrospective.timeline[2].time"),
        (("impact", "data_lost"), "yes", "retrospective.impact.data_lost"),
        (("phases", 0, "planned_s"), "900", "retrospective.phases[0].planned_s"),
        (("actions", 0, "due"), "x", "retrospective.actions[0].due"),
        (("why_chains", 0, "whys", 1), 5, "retrospective.why_chains[0].whys[1]"),
        (("timer", "running"), 1, "retrospective.timer.running"),
    ],
)
def test_nested_paths_are_exact(
    path_suffix: tuple[Any, ...], value: object, expected_path: str
) -> None:
    document = plain_doc()
    _set(path_suffix, value)(document)
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == expected_path


@pytest.mark.parametrize(
    "document", [None, [], "retro", 42, {"schema_version": 1, "retrospective": []}]
)
def test_document_of_the_wrong_shape_is_rejected(document: object) -> None:
    with pytest.raises(ValidationError, match="expected"):
        from_document(document)


def test_document_without_retrospective_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        from_document({"schema_version": serialize.SCHEMA_VERSION})
    assert caught.value.path == "retrospective"


# -- schema versions and migrations ----------------------------------------


def test_newer_schema_version_gives_a_clear_error() -> None:
    document = plain_doc()
    document["schema_version"] = serialize.SCHEMA_VERSION + 1
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == "schema_version"
    message = str(caught.value)
    assert "newer retrotui" in message
    assert f"schema {serialize.SCHEMA_VERSION + 1}" in message


@pytest.mark.parametrize("version", [None, "1", 1.0, True, 0, -1])
def test_bad_schema_version_is_rejected(version: object) -> None:
    document = plain_doc()
    if version is None:
        del document["schema_version"]
    else:
        document["schema_version"] = version
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert caught.value.path == "schema_version"
    assert "whole number" in caught.value.problem


def _rename_headline(document: Doc) -> Doc:
    """A fake v1 -> v2 migration: v1 called the title `headline`."""
    retro = dict(document["retrospective"])
    retro["title"] = retro.pop("headline")
    return {**document, "retrospective": retro}


def test_migration_hook_upgrades_old_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def v1_to_v2(document: Doc) -> Doc:
        calls.append(document["schema_version"])
        return _rename_headline(document)

    monkeypatch.setattr(serialize, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(serialize, "MIGRATIONS", {1: v1_to_v2})
    retro = full_retro("migrated")
    current = to_document(retro)
    assert current["schema_version"] == 2

    old = json.loads(json.dumps(current))
    old["schema_version"] = 1
    old["retrospective"]["headline"] = old["retrospective"].pop("title")
    assert from_document(old) == retro
    assert calls == [1]

    # A current document is not migrated again.
    assert from_document(json.loads(json.dumps(current))) == retro
    assert calls == [1]

    # Without the migration, the old shape is rejected, naming the field.
    monkeypatch.setattr(serialize, "SCHEMA_VERSION", 1)
    with pytest.raises(ValidationError) as caught:
        from_document(old)
    assert caught.value.path == "retrospective"
    assert "headline" in caught.value.problem


def test_migrations_chain_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []

    def v1_to_v2(document: Doc) -> Doc:
        steps.append("1->2")
        return _rename_headline(document)

    def v2_to_v3(document: Doc) -> Doc:
        steps.append("2->3")
        assert document["schema_version"] == 2
        retro = dict(document["retrospective"])
        retro["summary"] = retro.pop("abstract")
        return {**document, "retrospective": retro}

    monkeypatch.setattr(serialize, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(serialize, "MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    retro = full_retro()
    old = json.loads(json.dumps(to_document(retro)))
    old["schema_version"] = 1
    old["retrospective"]["headline"] = old["retrospective"].pop("title")
    old["retrospective"]["abstract"] = old["retrospective"].pop("summary")
    assert from_document(old) == retro
    assert steps == ["1->2", "2->3"]


# -- the fast reader for timeline events ------------------------------------
# A well-formed event skips the field-by-field reader; everything else must
# still get that reader's exact error.

_GOOD_EVENT = {
    "time": "2026-11-26T13:03:00+00:00",
    "source": "deploy",
    "text": "rolled out",
    "marker": "trigger",
    "id": "abc123",
}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"time": "2026-11-26T13:03:00"}, "timeline[0].time: date-time has no UTC"),
        ({"time": "yesterday"}, "timeline[0].time: not an ISO 8601"),
        ({"time": 1764162180}, "timeline[0].time: expected a date-time"),
        ({"source": "pager"}, "timeline[0].source: 'pager' is not one of"),
        ({"source": ["deploy"]}, "timeline[0].source: ['deploy'] is not one of"),
        ({"marker": "root"}, "timeline[0].marker: 'root' is not one of"),
        ({"marker": None}, "timeline[0].marker: None is not one of"),
        ({"text": 5}, "timeline[0].text: expected text"),
        ({"id": 7}, "timeline[0].id: expected text"),
        ({"colour": "red"}, "timeline[0]: unknown field 'colour'"),
    ],
)
def test_a_bad_event_is_named_exactly(change, error):
    retro = Retrospective(title="t")
    document = to_document(retro)
    document["retrospective"]["timeline"] = [_GOOD_EVENT | change]
    with pytest.raises(ValidationError) as caught:
        from_document(document)
    assert str(caught.value).startswith(f"retrospective.{error}")


@pytest.mark.parametrize("missing", ["time", "source", "id"])
def test_an_event_missing_a_required_field_is_named(missing):
    document = to_document(Retrospective(title="t"))
    event = {k: v for k, v in _GOOD_EVENT.items() if k != missing}
    document["retrospective"]["timeline"] = [event]
    with pytest.raises(ValidationError, match=rf"timeline\[0\]\.{missing}: missing"):
        from_document(document)


def test_an_event_without_text_or_marker_takes_the_defaults():
    document = to_document(Retrospective(title="t"))
    event = {k: v for k, v in _GOOD_EVENT.items() if k not in ("text", "marker")}
    document["retrospective"]["timeline"] = [event]
    (read,) = from_document(document).timeline
    assert (read.text, read.marker) == ("", Marker.NONE)
    assert read.time == datetime(2026, 11, 26, 13, 3, tzinfo=UTC)


def test_an_event_in_another_offset_is_read_as_utc():
    document = to_document(Retrospective(title="t"))
    document["retrospective"]["timeline"] = [
        _GOOD_EVENT | {"time": "2026-11-26T14:03:00+01:00"}
    ]
    (read,) = from_document(document).timeline
    assert read.time == datetime(2026, 11, 26, 13, 3, tzinfo=UTC)
    assert read.time.tzinfo is UTC
