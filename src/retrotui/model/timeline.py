"""Timeline rules: typed input to events, and always chronological order."""

from __future__ import annotations

import bisect
import re

from retrotui.model.create import FormError
from retrotui.model.entities import TimelineEvent
from retrotui.model.enums import Marker, Source
from retrotui.model.retrospective import Retrospective
from retrotui.model.timeparse import TimeParseError, local, parse_moment

MAX_EVENT_TEXT = 2000


def incident_day_hint(retro: Retrospective) -> str:
    if retro.started is None:
        return "type a full date (the incident has no start time yet)"
    return f"14:03 means {local(retro.started, retro.timezone):%Y-%m-%d}"


def parse_event_time(retro: Retrospective, text: str):  # -> datetime
    day = local(retro.started, retro.timezone).date() if retro.started else None
    try:
        return parse_moment(text, retro.timezone, day)
    except TimeParseError as error:
        raise FormError("time", str(error)) from None


def build_event(
    retro: Retrospective,
    time_text: str,
    source: str,
    text: str,
    marker: str = Marker.NONE.value,
    event_id: str | None = None,
) -> TimelineEvent:
    """An event from what was typed, or FormError naming the wrong field."""
    moment = parse_event_time(retro, time_text)
    try:
        source_value = Source(source)
    except ValueError:
        raise FormError(
            "source", f"choose one of {', '.join(s.value for s in Source)}"
        ) from None
    try:
        marker_value = Marker(marker)
    except ValueError:
        raise FormError(
            "marker", f"choose one of {', '.join(m.value for m in Marker)}"
        ) from None
    clean = text.strip()
    if not clean:
        raise FormError("text", "say what happened")
    if len(clean) > MAX_EVENT_TEXT:
        raise FormError("text", f"keep it under {MAX_EVENT_TEXT} characters")
    event = TimelineEvent(
        time=moment, source=source_value, text=clean, marker=marker_value
    )
    if event_id is not None:
        event.id = event_id
    return event


def _times(retro: Retrospective) -> list:
    return [e.time for e in retro.timeline]


def add_event(retro: Retrospective, event: TimelineEvent) -> int:
    """Insert in time order (after any events at the same time); the index."""
    index = bisect.bisect_right(_times(retro), event.time)
    retro.timeline.insert(index, event)
    return index


def replace_event(retro: Retrospective, event: TimelineEvent) -> int:
    """Swap in an edited event; it moves only if its time changed."""
    for index, old in enumerate(retro.timeline):
        if old.id == event.id and old.time == event.time:
            retro.timeline[index] = event
            return index
    remove_event(retro, event.id)
    return add_event(retro, event)


def remove_event(retro: Retrospective, event_id: str) -> TimelineEvent:
    for index, event in enumerate(retro.timeline):
        if event.id == event_id:
            return retro.timeline.pop(index)
    raise KeyError(event_id)


def sort_timeline(retro: Retrospective) -> None:
    """Stable sort, for data that arrived out of order (imports, hand edits)."""
    retro.timeline.sort(key=lambda e: e.time)


def first_marked(retro: Retrospective, marker: Marker) -> TimelineEvent | None:
    return next((e for e in retro.timeline if e.marker is marker), None)


def duration_minutes(retro: Retrospective) -> int | None:
    """Trigger (else incident start) to resolution (else incident end)."""
    trigger = first_marked(retro, Marker.TRIGGER)
    resolution = first_marked(retro, Marker.RESOLUTION)
    start = trigger.time if trigger else retro.started
    end = resolution.time if resolution else retro.ended
    if start is None or end is None or end < start:
        return None
    return round((end - start).total_seconds() / 60)


QUICK_HELP = (
    "HH:MM [source] what happened [!trigger|!detection|!mitigation|!resolution]"
)


def parse_quick_event(retro: Retrospective, line: str) -> TimelineEvent:
    """One typed line, e.g. `15:25 alert 5xx back to baseline !resolution`.

    The time is `14:03`, `2026-11-26 14:03` or ISO 8601; the source is
    optional (default: note); a trailing `!marker` marks a key moment.
    """
    tokens = line.split()
    if not tokens:
        raise FormError("time", f"type {QUICK_HELP}")
    if len(tokens) >= 2 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", tokens[0]):
        time_text, rest = f"{tokens[0]} {tokens[1]}", tokens[2:]
    else:
        time_text, rest = tokens[0], tokens[1:]
    source = Source.NOTE.value
    sources = {s.value for s in Source} | {"oncall"}
    if rest and rest[0].lower() in sources:
        source = rest.pop(0).lower().replace("oncall", "on-call")
    marker = Marker.NONE.value
    if rest and rest[-1].startswith("!") and len(rest[-1]) > 1:
        word = rest.pop()[1:].lower()
        markers = [m.value for m in Marker if m is not Marker.NONE]
        if word not in markers:
            raise FormError(
                "marker", f"!{word} is not a marker: use !{', !'.join(markers)}"
            )
        marker = word
    return build_event(retro, time_text, source, " ".join(rest), marker)


# Any whitespace separates, as str.split() does for parse_quick_event.
_QUICK_PARTS = re.compile(
    r"\s*(?:\d{4}-\d{2}-\d{2}\s+(?=\S))?\S*\s*"  # the time
    r"(?:(?:alert|deploy|chat|customer|on-call|oncall|note)(?!\S)\s*)?",
    re.IGNORECASE,
)
_QUICK_MARKER = re.compile(r"\s+!\S+\s*$")


def quick_event_prose(line: str) -> tuple[int, int]:
    """Where "what happened" is in a quick-add line, as parse_quick_event
    reads it: after the time and the source, before a trailing !marker."""
    words = line.split(None, 1)
    if not words or not any(char.isdigit() for char in words[0]):
        start = 0  # no time typed yet: it is all prose so far
    else:
        start = _QUICK_PARTS.match(line).end()  # type: ignore[union-attr]
    marker = _QUICK_MARKER.search(line, start)
    return start, marker.start() if marker else len(line)


def next_marker(marker: Marker) -> Marker:
    """The marker after this one, for a key that cycles through them."""
    order = [
        Marker.NONE,
        Marker.TRIGGER,
        Marker.DETECTION,
        Marker.MITIGATION,
        Marker.RESOLUTION,
    ]
    return order[(order.index(marker) + 1) % len(order)]
