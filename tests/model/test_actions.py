"""Action-item rules: at most 5, owned and dated, or it is a wish."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retrotui.model.actions import (
    CAP_MESSAGE,
    CATEGORY_LABELS,
    MAX_ACTIONS,
    MIN_ACTIONS,
    ActionCapReached,
    add_action,
    build_action,
    can_add,
    counted,
    parse_due,
    set_status,
    undone_immediate_fixes,
)
from retrotui.model.create import FormError
from retrotui.model.entities import ActionItem
from retrotui.model.enums import ActionCategory, ActionStatus
from retrotui.model.retrospective import Retrospective

TODAY = date(2026, 11, 27)


def item(
    title: str = "Add a timeout",
    category: ActionCategory = ActionCategory.PROCESS,
    status: ActionStatus = ActionStatus.OPEN,
    owner: str = "Priya",
    due: date | None = TODAY,
) -> ActionItem:
    return ActionItem(
        title=title, category=category, status=status, owner=owner, due=due
    )


def test_limits() -> None:
    assert (MIN_ACTIONS, MAX_ACTIONS) == (3, 5)
    assert set(CATEGORY_LABELS) == set(ActionCategory)
    assert CATEGORY_LABELS[ActionCategory.IMMEDIATE] == "immediate fix"
    assert CATEGORY_LABELS[ActionCategory.SYSTEMIC] == "systemic investment"


# -- parse_due -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-10", date(2026, 12, 10)),
        ("  2026-12-10 ", date(2026, 12, 10)),
        ("+10d", date(2026, 12, 7)),
        ("+2w", date(2026, 12, 11)),
        ("+2W", date(2026, 12, 11)),
        ("+10D", date(2026, 12, 7)),
        ("10d", date(2026, 12, 7)),
        ("+0d", TODAY),
        ("+1 d", date(2026, 11, 28)),
        ("+5d", date(2026, 12, 2)),
        ("+999d", TODAY + timedelta(days=999)),
        ("+52w", date(2027, 11, 26)),
        # Past dates are allowed: a review may record what was agreed.
        ("2026-01-01", date(2026, 1, 1)),
    ],
)
def test_parse_due_accepts(text: str, expected: date) -> None:
    assert parse_due(text, TODAY) == expected


def test_relative_due_crosses_month_and_year_ends() -> None:
    assert parse_due("+5d", date(2026, 12, 29)) == date(2027, 1, 3)
    assert parse_due("+1d", date(2028, 2, 28)) == date(2028, 2, 29)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_due_means_none(text: str) -> None:
    assert parse_due(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow",
        "next week",
        "-3d",
        "+3m",
        "+3y",
        "+1000d",
        "+d",
        "+2.5w",
        "++2d",
        "2026-13-01",
        "2026-02-30",
        "10/12/2026",
        "2026-12-10; rm -rf /",
        "2026-12-10\x1b[2J",
        "x" * 10_000,
    ],
)
def test_parse_due_rejects_junk_on_the_due_field(text: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_due(text, TODAY)
    assert caught.value.field == "due"
    assert "2026-12-10" in caught.value.message
    assert "+10d" in caught.value.message
    assert "+2w" in caught.value.message


# -- build_action --------------------------------------------------------------


def test_build_action_normalises_what_was_typed() -> None:
    made = build_action(
        "  Alert on   checkout\tsuccess rate ",
        "detection",
        "  Marco   Rossi ",
        "+2w",
        "  SRE-870 ",
        today=TODAY,
    )
    assert made.title == "Alert on checkout success rate"
    assert made.category is ActionCategory.DETECTION
    assert made.owner == "Marco Rossi"
    assert made.due == date(2026, 12, 11)
    assert made.ticket == "SRE-870"
    assert made.status is ActionStatus.OPEN
    assert not made.is_wish


@pytest.mark.parametrize("category", [c.value for c in ActionCategory])
def test_build_action_accepts_every_category(category: str) -> None:
    made = build_action("x", category, today=TODAY)
    assert made.category.value == category


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_build_action_needs_a_title(title: str) -> None:
    with pytest.raises(FormError) as caught:
        build_action(title, "process", today=TODAY)
    assert caught.value.field == "title"


@pytest.mark.parametrize("category", ["", "fix", "IMMEDIATE ", "immediate fix"])
def test_build_action_rejects_unknown_category(category: str) -> None:
    with pytest.raises(FormError) as caught:
        build_action("x", category, today=TODAY)
    assert caught.value.field == "category"
    assert "immediate" in caught.value.message


def test_build_action_bad_due_names_due() -> None:
    with pytest.raises(FormError) as caught:
        build_action("x", "process", "Priya", "soon", today=TODAY)
    assert caught.value.field == "due"


@pytest.mark.parametrize(
    ("owner", "due", "wish"),
    [
        ("Priya", "+10d", False),
        ("", "+10d", True),
        ("   ", "+10d", True),
        ("Priya", "", True),
        ("", "", True),
    ],
)
def test_without_owner_or_due_date_it_is_a_wish(
    owner: str, due: str, wish: bool
) -> None:
    assert build_action("x", "process", owner, due, today=TODAY).is_wish is wish


def test_is_wish_on_a_hand_built_item_with_a_blank_owner() -> None:
    assert item(owner=" \t ").is_wish
    assert item(due=None).is_wish
    assert not item().is_wish


# -- the cap -------------------------------------------------------------------


def test_add_action_appends_and_records_the_origin() -> None:
    retro = Retrospective(title="t", id="r1")
    first = item("one")
    add_action(retro, first)
    assert retro.actions == [first]
    assert first.origin == "r1"


def test_a_sixth_item_is_refused() -> None:
    retro = Retrospective(title="t")
    for n in range(5):
        assert can_add(retro)
        add_action(retro, item(f"item {n}"))
    assert not can_add(retro)
    extra = item("sixth")
    with pytest.raises(ActionCapReached) as caught:
        add_action(retro, extra)
    assert len(retro.actions) == 5
    assert extra not in retro.actions
    message = str(caught.value)
    assert message == CAP_MESSAGE
    assert "5" in message
    for word in ("Prioritise", "drop", "merge"):
        assert word in message


def test_the_cap_is_a_value_error() -> None:
    assert issubclass(ActionCapReached, ValueError)


def test_dropped_items_do_not_count_against_the_cap() -> None:
    retro = Retrospective(title="t")
    for n in range(5):
        add_action(retro, item(f"item {n}"))
    set_status(retro.actions[0], ActionStatus.DROPPED, TODAY, "merged into item 1")
    assert len(counted(retro)) == 4
    assert can_add(retro)
    add_action(retro, item("replacement"))
    assert len(retro.actions) == 6
    assert len(counted(retro)) == 5
    with pytest.raises(ActionCapReached):
        add_action(retro, item("one more"))


def test_done_items_still_count_against_the_cap() -> None:
    retro = Retrospective(title="t")
    for n in range(5):
        add_action(retro, item(f"item {n}", status=ActionStatus.DONE))
    assert not can_add(retro)


def test_counted_keeps_order_and_skips_only_dropped() -> None:
    retro = Retrospective(title="t")
    retro.actions = [
        item("a", status=ActionStatus.OPEN),
        item("b", status=ActionStatus.DROPPED),
        item("c", status=ActionStatus.DONE),
    ]
    assert [a.title for a in counted(retro)] == ["a", "c"]


# -- set_status ----------------------------------------------------------------


def test_done_records_closed_on() -> None:
    thing = item()
    set_status(thing, ActionStatus.DONE, TODAY)
    assert thing.status is ActionStatus.DONE
    assert thing.closed_on == TODAY
    assert thing.drop_reason == ""


def test_dropped_needs_a_reason() -> None:
    thing = item()
    for reason in ("", "   ", "\n"):
        with pytest.raises(FormError) as caught:
            set_status(thing, ActionStatus.DROPPED, TODAY, reason)
        assert caught.value.field == "reason"
        assert "why" in caught.value.message
    # A refused change leaves the item as it was.
    assert thing.status is ActionStatus.OPEN
    assert thing.closed_on is None


def test_dropped_records_reason_and_closed_on() -> None:
    thing = item()
    set_status(thing, ActionStatus.DROPPED, TODAY, "  superseded by SRE-870 ")
    assert thing.status is ActionStatus.DROPPED
    assert thing.drop_reason == "superseded by SRE-870"
    assert thing.closed_on == TODAY


def test_reopening_clears_closed_on_and_reason() -> None:
    thing = item()
    set_status(thing, ActionStatus.DROPPED, TODAY, "not needed")
    set_status(thing, ActionStatus.OPEN, date(2026, 12, 1))
    assert thing.status is ActionStatus.OPEN
    assert thing.closed_on is None
    assert thing.drop_reason == ""


def test_done_after_dropped_forgets_the_drop_reason() -> None:
    thing = item()
    set_status(thing, ActionStatus.DROPPED, TODAY, "not needed")
    set_status(thing, ActionStatus.DONE, date(2026, 12, 2), "ignored")
    assert thing.drop_reason == ""
    assert thing.closed_on == date(2026, 12, 2)


# -- immediate fixes -------------------------------------------------------------


def test_undone_immediate_fixes() -> None:
    retro = Retrospective(title="t")
    retro.actions = [
        item("open fix", ActionCategory.IMMEDIATE),
        item("done fix", ActionCategory.IMMEDIATE, ActionStatus.DONE),
        item("dropped fix", ActionCategory.IMMEDIATE, ActionStatus.DROPPED),
        item("open process", ActionCategory.PROCESS),
        item("second open fix", ActionCategory.IMMEDIATE, owner="", due=None),
    ]
    assert [a.title for a in undone_immediate_fixes(retro)] == [
        "open fix",
        "second open fix",
    ]
    assert undone_immediate_fixes(Retrospective(title="t")) == []
