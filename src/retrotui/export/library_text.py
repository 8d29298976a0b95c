"""Plain-text views of the library as a whole: `retrotui search` and
`retrotui stats`. User text goes through `printable`: a title holding an
escape sequence prints as visible characters, never as a terminal command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from retrotui.model.text import one_line, printable, quantity

if TYPE_CHECKING:
    from retrotui.model.insights import Figure, Insights, Share
    from retrotui.model.search import Hit, Snippet
    from retrotui.model.summary import RetroSummary

SPARK = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 30


def sparkline(values: Sequence[float | None]) -> str:
    """One block character per value, scaled to the largest; gaps as spaces."""
    known = [v for v in values if v is not None]
    top = max(known, default=0)
    if top <= 0:
        return "".join(" " if v is None else SPARK[0] for v in values)
    return "".join(
        " "
        if v is None
        else SPARK[min(len(SPARK) - 1, round(v / top * (len(SPARK) - 1)))]
        for v in values
    )


def bar(share: float, width: int = BAR_WIDTH) -> str:
    filled = round(share * width)
    return "█" * filled + "·" * (width - filled)


def highlighted(snippet: Snippet, mark: Callable[[str], str]) -> str:
    """The snippet's text with each match passed through `mark`."""
    text = snippet.text
    out, last = [], 0
    for start, end in snippet.spans:
        out.append(printable(text[last:start]))
        out.append(mark(printable(text[start:end])))
        last = end
    out.append(printable(text[last:]))
    return "".join(out)


def search_lines(
    hits: Sequence[Hit], summaries: dict[str, RetroSummary], color: bool
) -> str:
    if color:

        def mark(text: str) -> str:
            return f"\x1b[1;33m{text}\x1b[0m"
    else:

        def mark(text: str) -> str:
            return f"**{text}**"

    lines = []
    for hit in hits:
        s = summaries[hit.id]
        lines.append(
            f"{s.id}  {s.local_start.date().isoformat()}  {s.severity.value:<4}  "
            f"{one_line(s.title, 90)}"
        )
        if hit.snippet is not None:
            where = printable(hit.snippet.where)
            lines.append(f"    {where}: {highlighted(hit.snippet, mark)}")
    return "\n".join(lines)


def search_json(hits: Sequence[Hit], summaries: dict[str, RetroSummary]) -> list[Any]:
    found = []
    for hit in hits:
        s = summaries[hit.id]
        found.append(
            {
                "id": s.id,
                "title": s.title,
                "date": s.local_start.date().isoformat(),
                "severity": s.severity.value,
                "kind": s.kind.value,
                "status": s.status.value,
                "tags": list(s.tags),
                "score": hit.score,
                "snippet": None
                if hit.snippet is None
                else {
                    "where": hit.snippet.where,
                    "text": hit.snippet.text,
                    "highlights": [list(span) for span in hit.snippet.spans],
                },
            }
        )
    return found


def _figure(name: str, figure: Figure, trend: float | None) -> str:
    # Imported here: metrics brings the whole model, which stats never needs.
    from retrotui.model.metrics import minutes_label

    if not figure.count:
        return f"  {name}: no retrospective has the markers for it"
    change = ""
    if trend is not None and round(trend):
        word = "slower" if trend > 0 else "faster"
        change = f"; recent months {minutes_label(abs(trend), '')} {word}"
    return (
        f"  {name}: median {minutes_label(figure.median, '-')}, mean "
        f"{minutes_label(figure.mean, '-')} over {figure.count}{change}"
    )


def _shares(title: str, shares: Sequence[Share], limit: int = 8) -> list[str]:
    if not shares:
        return []
    width = max(len(one_line(s.name, 24)) for s in shares[:limit])
    lines = [title]
    for s in shares[:limit]:
        lines.append(
            f"  {one_line(s.name, 24):<{width}}  {bar(s.share)}  {s.share:>4.0%}  ({s.count})"
        )
    if len(shares) > limit:
        lines.append(f"  … and {len(shares) - limit} more")
    return lines


def kinds_line(found: Insights) -> str:
    """'12 incidents, 1 near miss': the insights' heading, here and on screen."""
    incidents = quantity(found.incidents, "incident")
    return f"{incidents}, {quantity(found.near_misses, 'near miss', 'near misses')}"


def stats_text(found: Insights) -> str:
    if not found.total:
        return "No retrospectives" + (f" since {found.since}." if found.since else ".")
    months = found.months
    since = f" since {found.since}" if found.since else ""
    lines = [
        f"{quantity(found.total, 'retrospective')}{since}: {kinds_line(found)}",
        "",
        f"Per month ({months[0].month} to {months[-1].month}, peak "
        f"{max(m.total for m in months)}):",
        f"  all          {sparkline([m.total for m in months])}",
        f"  near misses  {sparkline([m.near_misses for m in months])}",
        "",
        "Time to detect and to resolve:",
        _figure("detect", found.ttd, found.ttd_trend),
        f"    per month  {sparkline([m.ttd_median for m in months])}",
        _figure("resolve", found.ttr, found.ttr_trend),
        f"    per month  {sparkline([m.ttr_median for m in months])}",
        "",
    ]
    lines += _shares("Share by tag:", found.tags)
    lines += ["", *_shares("Share by contributing-factor category:", found.categories)]
    done, still_open = found.actions_done, found.actions_open
    completion = "-" if found.completion is None else f"{found.completion:.0%}"
    close = (
        "-"
        if found.median_days_to_close is None
        else quantity(found.median_days_to_close, "day")
    )
    lines += [
        "",
        "Action items:",
        f"  completion {completion} ({done} done of {done + still_open}; "
        f"{found.actions_dropped} dropped)",
        f"  open {still_open}, overdue {found.actions_overdue}, "
        f"median time to close {close}",
    ]
    escalations = found.escalations
    lines += ["", f"Repeat contributing factors: {len(escalations)} to escalate"]
    for group in escalations[:10]:
        titles = ", ".join(one_line(t, 40) for t in group.retro_titles[:3])
        more = len(group.retro_ids) - 3
        lines.append(
            f"  ESCALATE [{one_line(group.category, 20)}] {one_line(group.text, 70)}"
        )
        lines.append(
            f"    seen in {len(group.retro_ids)}: {titles}"
            + (f" and {more} more" if more > 0 else "")
        )
    if len(escalations) > 10:
        lines.append(f"  … and {len(escalations) - 10} more (see --json)")
    return "\n".join(lines)
