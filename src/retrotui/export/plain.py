"""Plain-text views for the terminal (`retrotui list` and `retrotui show`)."""

from __future__ import annotations

from datetime import date

from retrotui.model import ActionStatus, Marker, Retrospective, RetroSummary
from retrotui.model.text import one_line, printable
from retrotui.model.timeparse import local
from retrotui.model.timer import spent_label


def _when(retro: Retrospective, moment: object) -> str:
    if moment is None:
        return "-"
    return local(moment, retro.timezone).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]


def open_actions_label(summary: RetroSummary, today: date) -> str:
    if not summary.open_actions:
        return "-"
    overdue = summary.overdue_actions(today)
    return (
        f"{summary.open_actions} ({overdue} overdue)"
        if overdue
        else str(summary.open_actions)
    )


def list_table(summaries: list[RetroSummary], today: date) -> str:
    header = ("ID", "DATE", "SEV", "KIND", "STATUS", "OPEN", "TITLE")
    rows = [header]
    for s in summaries:
        rows.append(
            (
                s.id,
                s.sort_key.date().isoformat(),
                s.severity.value,
                s.kind.value,
                s.status.value,
                open_actions_label(s, today),
                one_line(s.title, 80),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    ]
    return "\n".join(lines)


def show_text(retro: Retrospective, today: date) -> str:
    out: list[str] = []
    add = out.append
    add(printable(retro.title))
    add("=" * min(len(retro.title), 80))
    add(
        f"id {retro.id} · {retro.kind.value} · {retro.severity.value} · {retro.status.value}"
    )
    add(
        f"started {_when(retro, retro.started)} · ended {_when(retro, retro.ended)} ({retro.timezone})"
    )
    if retro.tags:
        add("tags: " + ", ".join(one_line(t) for t in retro.tags))
    if retro.participants:
        add("participants: " + ", ".join(one_line(p) for p in retro.participants))
    if retro.criteria:
        add(
            "why a retrospective: "
            + ", ".join(c.value.replace("-", " ") for c in retro.criteria)
        )
    if retro.summary:
        add("")
        add(printable(retro.summary))
    impact = retro.impact
    rows = [
        ("users affected", impact.users_affected),
        (
            "duration",
            f"{impact.duration_minutes} min"
            if impact.duration_minutes is not None
            else "",
        ),
        ("business cost", impact.business_cost),
        ("data lost", ("yes: " + impact.data_lost_details) if impact.data_lost else ""),
        ("SLO breached", impact.slo_breached),
        ("customer reports", impact.customer_reports),
        ("where we got lucky", impact.lucky),
    ]
    if any(value for _, value in rows):
        add("")
        add("Impact")
        for label, value in rows:
            if value:
                add(f"  {label}: {one_line(value, 300)}")
    if retro.timeline:
        add("")
        add(f"Timeline ({len(retro.timeline)} events)")
        for event in sorted(retro.timeline, key=lambda e: e.time):
            mark = (
                ""
                if event.marker is Marker.NONE
                else f"  [{event.marker.value.upper()}]"
            )
            add(
                f"  {_when(retro, event.time)}  {event.source.value:<8} {one_line(event.text)}{mark}"
            )
    if retro.surprised:
        add("")
        add("Why were we surprised? " + one_line(retro.surprised, 300))
    if retro.factors:
        add("")
        add("Contributing factors")
        for factor in retro.factors:
            add(
                f"  {factor.stage.value}/{factor.effect.value} ({one_line(factor.category)}): {one_line(factor.text)}"
            )
    for chain in retro.why_chains:
        add("")
        add(f"5 Whys: {one_line(chain.problem)}")
        for n, why in enumerate(chain.whys, start=1):
            add(f"  {n}. {one_line(why)}")
    if retro.actions:
        add("")
        add("Action items")
        for item in retro.actions:
            due = item.due.isoformat() if item.due else "no due date"
            owner = one_line(item.owner) or "no owner"
            flag = " OVERDUE" if item.is_overdue(today) else ""
            wish = (
                " (a wish: needs an owner and a due date)"
                if item.is_wish and item.status is ActionStatus.OPEN
                else ""
            )
            add(
                f"  [{item.status.value}] {one_line(item.title)} — {owner}, {due}, {item.category.value}{flag}{wish}"
            )
    if retro.review_log:
        add("")
        add("Earlier action items reviewed")
        for outcome in retro.review_log:
            reason = f" ({one_line(outcome.reason)})" if outcome.reason else ""
            add(f"  [{outcome.status.value}] {one_line(outcome.title)}{reason}")
    spent = [r for r in retro.phases if r.spent_s > 0 or r.skipped]
    if spent:
        add("")
        add(
            "Time spent: "
            + ", ".join(
                f"{r.phase.value} {spent_label(r)}{' (skipped)' if r.skipped else ''}"
                for r in spent
            )
        )
    return "\n".join(out)
