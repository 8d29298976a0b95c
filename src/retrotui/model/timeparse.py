"""Parse the times people type: `14:03`, `2026-11-26 14:03`, ISO 8601."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
# fromisoformat also takes compact forms ("20261126", even "1111..."); people
# type dates with dashes, so only that shape is read.
_DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?)?"
    r"(?:[+-]\d{2}:?\d{2})?$"
)


class TimeParseError(ValueError):
    pass


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise TimeParseError(f"unknown time zone {name!r}") from None


def _localise(naive: datetime, tz: ZoneInfo, text: str) -> datetime:
    aware = naive.replace(tzinfo=tz)
    # A wall time skipped by a DST change does not survive a round trip.
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise TimeParseError(f"{text!r} does not exist in {tz.key} (the clocks jumped)")
    return aware.astimezone(UTC)


def parse_moment(text: str, tz_name: str = "UTC", day: date | None = None) -> datetime:
    """Read a point in time; naive input is taken in `tz_name`. Returns UTC.

    `day` lets a bare clock time such as `14:03` mean that time on the
    incident's date.
    """
    raw = text.strip()
    if not raw:
        raise TimeParseError("no time given")
    tz = zone(tz_name)
    clock = _CLOCK.match(raw)
    if clock:
        hour, minute, second = (int(g or 0) for g in clock.groups())
        try:
            wall = time(hour, minute, second)
        except ValueError as error:
            raise TimeParseError(f"{raw!r} is not a valid time: {error}") from None
        if day is None:
            raise TimeParseError(
                f"{raw!r} has no date here: type the date too (YYYY-MM-DD {raw})"
            )
        return _localise(datetime.combine(day, wall), tz, raw)
    candidate = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        if not _DATE_TIME.match(candidate):
            raise ValueError(candidate)
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        forms = "14:03, " if day is not None else ""
        raise TimeParseError(
            f"{raw!r} is not a time (try {forms}2026-11-26 14:03 or "
            "2026-11-26T14:03:00+01:00)"
        ) from None
    if moment.tzinfo is None:
        return _localise(moment, tz, raw)
    return moment.astimezone(UTC)


def local(moment: datetime, tz_name: str) -> datetime:
    """A stored UTC moment in the retrospective's zone, for display."""
    return moment.astimezone(zone(tz_name))
