"""The previous-actions review: open items of other retrospectives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retrotui.demo import build_demo
from retrotui.model.entities import ActionItem
from retrotui.model.enums import ActionCategory, ActionStatus
from retrotui.model.retrospective import Retrospective
from retrotui.model.review import Completion, ReviewItem, completion, open_items

TODAY = date(2026, 11, 27)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def item(
    title: str, due: date | None, status: ActionStatus = ActionStatus.OPEN
) -> ActionItem:
    return ActionItem(
        title=title,
        category=ActionCategory.PROCESS,
        owner="Jun",
        due=due,
        status=status,
    )


def library() -> list[Retrospective]:
    current = Retrospective(
        id="now",
        title="Today's incident",
        actions=[item("current overdue", days(-100)), item("current open", days(1))],
    )
    search = Retrospective(
        id="search",
        title="Search index rebuild stalled",
        actions=[
            item("search overdue", days(-20)),
            item("search later", days(10)),
            item("search no date", None),
            item("search done", days(-50), ActionStatus.DONE),
            item("search dropped", days(-50), ActionStatus.DROPPED),
        ],
    )
    cert = Retrospective(
        id="cert",
        title="Certificate near miss",
        actions=[
            item("cert very overdue", days(-60)),
            item("cert due today", TODAY),
            item("another no date", None),
        ],
    )
    return [current, search, cert]


def titles(found: list[ReviewItem]) -> list[str]:
    return [entry.item.title for entry in found]


def test_open_items_of_other_retrospectives_overdue_first_then_by_due_date() -> None:
    found = open_items(library(), "now", TODAY)
    assert titles(found) == [
        "cert very overdue",
        "search overdue",
        "cert due today",
        "search later",
        "another no date",
        "search no date",
    ]


def test_open_items_say_which_retrospective_they_came_from() -> None:
    found = {e.item.title: e for e in open_items(library(), "now", TODAY)}
    assert found["search overdue"].retro_id == "search"
    assert found["search overdue"].retro_title == "Search index rebuild stalled"
    assert found["cert due today"].retro_id == "cert"
    assert found["cert due today"].retro_title == "Certificate near miss"


def test_open_items_skip_done_dropped_and_the_current_retrospective() -> None:
    found = titles(open_items(library(), "now", TODAY))
    assert "search done" not in found
    assert "search dropped" not in found
    assert not any(title.startswith("current") for title in found)


def test_without_exclusion_every_retrospective_is_reviewed() -> None:
    found = titles(open_items(library(), None, TODAY))
    assert found[0] == "current overdue"
    assert "current open" in found
    assert len(found) == 8


def test_due_today_is_not_overdue_but_yesterday_is() -> None:
    found = open_items(library(), "now", TODAY)
    by_title = {e.item.title: e for e in found}
    assert not by_title["cert due today"].overdue(TODAY)
    assert by_title["cert due today"].overdue(days(1))
    assert by_title["search overdue"].overdue(TODAY)
    assert not by_title["search no date"].overdue(TODAY)


def test_what_is_overdue_depends_on_today() -> None:
    # Seen from 30 days earlier, nothing but the oldest item is overdue, and
    # the order follows due dates.
    found = open_items(library(), "now", days(-30))
    assert titles(found)[:3] == [
        "cert very overdue",
        "search overdue",
        "cert due today",
    ]
    assert [e.overdue(days(-30)) for e in found[:2]] == [True, False]


def test_no_open_items() -> None:
    assert open_items([], None, TODAY) == []
    only_current = library()[:1]
    assert open_items(only_current, "now", TODAY) == []


def test_demo_review_lists_overdue_items_first() -> None:
    demo = build_demo(TODAY)
    checkout = demo[0]
    found = open_items(demo, checkout.id, TODAY)
    assert [(e.retro_title, e.item.id, e.overdue(TODAY)) for e in found] == [
        ("Near miss: partner API certificate nearly expired", "ca1", True),
        ("Search index rebuild stalled", "sa1", True),
        ("Search index rebuild stalled", "sa3", False),
    ]


# -- completion -----------------------------------------------------------------


def test_completion_excludes_dropped_items() -> None:
    result = completion(library()[1:])
    assert result == Completion(done=1, open=6, dropped=1)
    assert result.rate == pytest.approx(1 / 7)
    assert result.label == "14% done (1 of 7; 1 dropped)"


@pytest.mark.parametrize(
    ("done", "open_", "dropped", "rate", "label"),
    [
        (2, 1, 1, 2 / 3, "67% done (2 of 3; 1 dropped)"),
        (3, 0, 0, 1.0, "100% done (3 of 3; 0 dropped)"),
        (0, 4, 2, 0.0, "0% done (0 of 4; 2 dropped)"),
        (1, 1, 0, 0.5, "50% done (1 of 2; 0 dropped)"),
    ],
)
def test_completion_rate_and_label(
    done: int, open_: int, dropped: int, rate: float, label: str
) -> None:
    result = Completion(done=done, open=open_, dropped=dropped)
    assert result.rate == pytest.approx(rate)
    assert result.label == label


def test_completion_with_no_items() -> None:
    result = completion([])
    assert result.rate is None
    assert result.label == "no action items yet"


def test_demo_completion() -> None:
    demo = build_demo(TODAY)
    earlier = completion(demo[1:])
    assert earlier == Completion(done=1, open=3, dropped=1)
    assert earlier.label == "25% done (1 of 4; 1 dropped)"
    everything = completion(demo)
    assert everything == Completion(done=2, open=6, dropped=1)


def test_completion_label_with_only_dropped_items_mentions_them() -> None:
    result = Completion(done=0, open=0, dropped=3)
    assert result.rate is None
    assert "3 dropped" in result.label
