"""The postmortem as Markdown: one template for every retrospective.

Deterministic (the same retrospective gives the same bytes, nothing depends
on today's date) so that a git repository of postmortems diffs cleanly.
"""

from __future__ import annotations

import json
from datetime import datetime

from retrotui.export.escape import block, cell, inline, yaml_string
from retrotui.model import ActionStatus, Effect, Kind, Marker, Retrospective, Stage
from retrotui.model.actions import CATEGORY_LABELS
from retrotui.model.guidance import TITLES
from retrotui.model.metrics import blind_spots, detected_by, metrics, minutes_label
from retrotui.model.timeline import duration_minutes
from retrotui.model.timeparse import local
from retrotui.model.timer import spent_label


def _when(retro: Retrospective, moment: datetime | None) -> str:
    if moment is None:
        return "unknown"
    return local(moment, retro.timezone).strftime("%Y-%m-%d %H:%M")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return lines


def front_matter(retro: Retrospective) -> list[str]:
    def iso(moment: datetime | None) -> str:
        return yaml_string(moment.isoformat()) if moment else "null"

    authors = (
        [retro.facilitator, *retro.participants]
        if retro.facilitator
        else retro.participants
    )
    return [
        "---",
        f"id: {yaml_string(retro.id)}",
        f"title: {yaml_string(retro.title)}",
        f"kind: {retro.kind.value}",
        f"severity: {retro.severity.value}",
        f"status: {retro.status.value}",
        f"started: {iso(retro.started)}",
        f"detected: {iso(retro.detected)}",
        f"ended: {iso(retro.ended)}",
        f"timezone: {yaml_string(retro.timezone)}",
        "tags: [" + ", ".join(yaml_string(t) for t in retro.tags) + "]",
        "authors: [" + ", ".join(yaml_string(a) for a in authors) + "]",
        "---",
    ]


def _details(retro: Retrospective) -> list[str]:
    kind = "near miss" if retro.kind is Kind.NEAR_MISS else "incident"
    lines = [
        f"- **Kind:** {kind}",
        f"- **Severity:** {retro.severity.value}",
        f"- **Status:** {retro.status.value}",
        f"- **Started:** {_when(retro, retro.started)} ({inline(retro.timezone)})",
        f"- **Ended:** {_when(retro, retro.ended)}",
    ]
    if retro.tags:
        lines.append("- **Tags:** " + ", ".join(inline(t) for t in retro.tags))
    if retro.criteria:
        lines.append(
            "- **Why a retrospective:** "
            + ", ".join(c.value.replace("-", " ") for c in retro.criteria)
        )
    if retro.facilitator:
        lines.append(f"- **Facilitator:** {inline(retro.facilitator)}")
    if retro.participants:
        lines.append(
            "- **Participants:** " + ", ".join(inline(p) for p in retro.participants)
        )
    return lines


def _impact(retro: Retrospective) -> list[str]:
    i = retro.impact
    duration = (
        i.duration_minutes
        if i.duration_minutes is not None
        else duration_minutes(retro)
    )
    rows = [
        ("Users affected", i.users_affected),
        ("Duration", f"{duration} min" if duration is not None else ""),
        ("Business cost", i.business_cost),
        ("Data lost", ("yes: " + i.data_lost_details) if i.data_lost else "no"),
        ("SLO breached", i.slo_breached),
        ("Customer reports", i.customer_reports),
    ]
    lines = [f"- **{name}:** {inline(value) or 'not recorded'}" for name, value in rows]
    return lines


def _timeline(retro: Retrospective, limit: int | None = None) -> list[str]:
    if not retro.timeline:
        return ["No events recorded."]
    shown = retro.timeline if limit is None else retro.timeline[:limit]
    zone = inline(retro.timezone)
    rows = [
        [
            local(e.time, retro.timezone).strftime("%Y-%m-%d %H:%M"),
            e.source.value,
            "" if e.marker is Marker.NONE else e.marker.value,
            e.text,
        ]
        for e in shown
    ]
    lines = _table([f"Time ({zone})", "Source", "Marker", "What happened"], rows)
    if len(shown) < len(retro.timeline):
        lines += [
            "",
            f"*… and {len(retro.timeline) - len(shown)} more events (all are in the export).*",
        ]
    m = metrics(retro)
    lines += [
        "",
        f"- **Time to detect:** {minutes_label(m.to_detect, 'unknown (no detection marker)')}",
        f"- **Time to mitigate:** {minutes_label(m.to_mitigate, 'unknown (no mitigation marker)')}",
        f"- **Time to resolve:** {minutes_label(m.to_resolve, 'unknown (no resolution marker)')}",
    ]
    source = detected_by(retro)
    if source is not None:
        lines.append(f"- **Detected by:** {source.value}")
    for gap in blind_spots(retro):
        start = local(gap.before.time, retro.timezone).strftime("%H:%M")
        end = local(gap.after.time, retro.timezone).strftime("%H:%M")
        why = f" ({gap.why})" if gap.why else ""
        lines.append(
            f"- **Blind spot:** {start} to {end}, {round(gap.minutes)} min{why}"
        )
    return lines


def _factors(retro: Retrospective) -> list[str]:
    if not retro.factors:
        return ["None recorded."]
    lines: list[str] = []
    for stage in Stage:
        for effect, label in (
            (Effect.WORSE, "made it worse"),
            (Effect.BETTER, "made it better"),
        ):
            found = [
                f for f in retro.factors if f.stage is stage and f.effect is effect
            ]
            if not found:
                continue
            lines += ["", f"**{stage.value.capitalize()}: {label}**", ""]
            lines += [
                f"- {inline(f.text)} ({inline(f.category) or 'uncategorised'})"
                for f in found
            ]
    return lines[1:]


def _whys(retro: Retrospective) -> list[str]:
    lines: list[str] = []
    for chain in retro.why_chains:
        lines += ["", f"**{inline(chain.problem)}**", ""]
        lines += [f"{n}. {inline(why)}" for n, why in enumerate(chain.whys, start=1)]
    return lines[1:] if lines else ["None recorded."]


def _actions(retro: Retrospective) -> list[str]:
    if not retro.actions:
        return ["None yet."]
    rows = [
        [
            a.title,
            a.owner or "no owner",
            a.due.isoformat() if a.due else "no due date",
            CATEGORY_LABELS[a.category],
            a.status.value
            + (f" ({a.drop_reason})" if a.status is ActionStatus.DROPPED else ""),
            a.ticket,
        ]
        for a in retro.actions
    ]
    return _table(["Action", "Owner", "Due", "Category", "Status", "Ticket"], rows)


def _review(retro: Retrospective) -> list[str]:
    if not retro.review_log:
        return []
    rows = [
        [o.title, o.retro_id, o.status.value + (f" ({o.reason})" if o.reason else "")]
        for o in retro.review_log
    ]
    return [
        "",
        "## Previous action items reviewed",
        "",
        *_table(["Action", "From", "Outcome"], rows),
    ]


def _time_spent(retro: Retrospective) -> list[str]:
    spent = [r for r in retro.phases if r.spent_s > 0 or r.skipped]
    if not spent:
        return []
    rows = [
        [TITLES[r.phase], spent_label(r) + (" (skipped)" if r.skipped else "")]
        for r in spent
    ]
    return ["", "## Time spent", "", *_table(["Phase", "Minutes"], rows)]


def render(
    retro: Retrospective,
    *,
    with_front_matter: bool = True,
    timeline_limit: int | None = None,
) -> str:
    out: list[str] = [*front_matter(retro), ""] if with_front_matter else []
    out += [f"# {inline(retro.title)}", ""]
    if retro.summary.strip():
        out += ["## Summary", "", block(retro.summary), ""]
    out += ["## Details", "", *_details(retro), ""]
    out += ["## Impact", "", *_impact(retro), ""]
    out += ["## Timeline", "", *_timeline(retro, timeline_limit), ""]
    out += ["## Contributing factors", "", *_factors(retro), ""]
    out += ["## 5 Whys", "", *_whys(retro), ""]
    if retro.surprised.strip():
        out += ["## Why were we surprised?", "", block(retro.surprised), ""]
    if retro.impact.lucky.strip():
        out += ["## Where we got lucky", "", block(retro.impact.lucky), ""]
    out += ["## Action items", "", *_actions(retro)]
    out += _review(retro)
    out += _time_spent(retro)
    return "\n".join(out).rstrip() + "\n"


DATA_OPEN = "<!--\nretrotui:data (read by `retrotui import-markdown`; edit the text above in retrotui, not here)"
DATA_CLOSE = "-->"


def data_block(retro: Retrospective) -> str:
    """The whole document as JSON inside an HTML comment: wikis hide it, and
    `retrotui import-markdown` reads it back exactly. A comment ends at the
    first "--", which JSON text can only contain inside strings, so each "--"
    is written as "-\\u002d" (the same string to any JSON reader)."""
    from retrotui.model.serialize import to_document

    payload = json.dumps(
        to_document(retro), ensure_ascii=False, indent=1, sort_keys=True
    )
    safe = payload.replace("--", "-\\u002d")
    return f"{DATA_OPEN}\n{safe}\n{DATA_CLOSE}\n"


def export_markdown(retro: Retrospective) -> str:
    """The file `retrotui export` writes: front matter, the postmortem, and
    the data block that lets it be imported again unchanged."""
    return render(retro) + "\n" + data_block(retro)
