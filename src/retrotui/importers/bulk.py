"""Clean chunks of an import, parsed at C speed.

Most files are clean: ISO 8601 stamps, one-line texts, no duplicates. A
chunk of such lines is parsed with map() over built-ins instead of a Python
loop per line, which made importing a 100,000-line file several times
faster. Each function here returns None as soon as anything in the chunk is
not plainly clean; the chunk then goes through the line-by-line readers,
which own every rule and every error message. The fast path only ever
accepts what they would accept, and to the same values.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import repeat
from operator import attrgetter, itemgetter, methodcaller
from typing import TypeVar

from retrotui.importers.tidy import MAX_TEXT, tidy_text
from retrotui.importers.timestamps import MONTHS

T = TypeVar("T")
_TZINFO = attrgetter("tzinfo")
_NAIVE = methodcaller("replace", tzinfo=None)
_FIRST, _LAST = itemgetter(0), itemgetter(2)


def first_words(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each line cut at its first space, as str.partition cuts it: the
    words before and the rest after. (Finding one shared column and slicing
    twice measured slower than one partition per line.)"""
    parts = list(map(str.partition, lines, repeat(" ")))
    return list(map(_FIRST, parts)), list(map(_LAST, parts))


def iso_times(stamps: Sequence[str], zone: tzinfo) -> list[datetime] | None:
    """UTC times for stamps like `2026-11-26T14:03:12Z` (or with a space
    before the time); naive ones are read in `zone`."""
    try:
        return _iso_times(stamps, zone)
    except OverflowError:  # a year near 1 or 9999: the careful reader names it
        return None


# "Nov" -> "11", for ISO stamps built from syslog ones.
_MONTH_NUMBERS = {name: f"{number:02d}" for name, number in MONTHS.items()}
MONTH_NAMES = frozenset(_MONTH_NUMBERS)
_MONTH, _DAY, _CLOCK = (
    itemgetter(slice(0, 3)),
    itemgetter(slice(4, 6)),
    itemgetter(slice(7, 15)),
)


def syslog_stamps(lines: Sequence[str], year: int) -> list[str] | None:
    """`Nov 26 14:03:12` (or `Nov  6 ...`: syslog pads the day to two) at
    the start of every line, as ISO 8601 stamps in `year`; None when a line
    has any other shape (the line-by-line reader takes those)."""
    if min(map(len, lines)) < 16:
        return None
    joined = "".join(map(itemgetter(slice(0, 16)), lines))
    count = len(lines)
    for at, char in ((3, " "), (6, " "), (9, ":"), (12, ":"), (15, " ")):
        if joined[at::16] != char * count:
            return None
    try:
        months = list(map(_MONTH_NUMBERS.__getitem__, map(_MONTH, lines)))
    except KeyError:
        return None
    days = map(str.replace, map(_DAY, lines), repeat(" "), repeat("0"))
    dates = map("{}-{}-{}T".format, repeat(year), months, days)
    return list(map(str.__add__, dates, map(_CLOCK, lines)))


def _iso_times(stamps: Sequence[str], zone: tzinfo) -> list[datetime] | None:
    if not stamps:
        return []
    if not _iso_shaped(stamps):
        return None
    try:
        moments = list(map(datetime.fromisoformat, stamps))
    except ValueError:
        return None
    zones = set(map(_TZINFO, moments))
    if zones == {UTC}:
        return moments
    if None not in zones:
        return list(map(datetime.astimezone, moments, repeat(UTC)))
    if len(zones) > 1:  # naive and aware stamps mixed
        return None
    offset = _steady_offset(min(moments), max(moments), zone)
    if offset is not None:
        # Read as UTC, then moved by the zone's one offset: attaching the
        # zone to each time and converting cost ten times as much.
        as_utc = map(datetime.fromisoformat, map(str.__add__, stamps, repeat("Z")))
        return list(map(operator.sub, as_utc, repeat(offset)))
    local = map(methodcaller("replace", tzinfo=zone), moments)
    utc = list(map(datetime.astimezone, local, repeat(UTC)))
    # A local time the clocks skipped does not come back the same; the
    # careful reader names the line.
    back = map(_NAIVE, map(datetime.astimezone, utc, repeat(zone)))
    return utc if list(back) == moments else None


def _steady_offset(first: datetime, last: datetime, zone: tzinfo) -> timedelta | None:
    """The zone's UTC offset if it is the same all through [first, last]
    (naive local times), else None. Offsets change at most twice a year, so
    equal offsets at both ends of a span under a week mean none in between;
    the ends must also exist (a time in a spring-forward gap does not)."""
    if last - first >= timedelta(days=7):
        return None
    offsets = set()
    for moment in (first, last):
        aware = moment.replace(tzinfo=zone)
        if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment:
            return None
        offsets.add(aware.utcoffset())
    return offsets.pop() if len(offsets) == 1 else None


def _iso_shaped(stamps: Sequence[str]) -> bool:
    """Whether every stamp has the shape the line-by-line reader hands to
    fromisoformat (which would also take a bare date or a week date):
    16 characters or more, "-" at [4] and "T" or " " at [10]."""
    widths = set(map(len, stamps))
    if min(widths) < 16:
        return False
    if len(widths) == 1:  # the usual case: one width, checked by slicing
        (width,) = widths
        joined = "".join(stamps)
        count = len(stamps)
        return (
            joined[4::width] == "-" * count
            and joined[10::width].replace(" ", "T") == "T" * count
        )
    return set(map(itemgetter(4), stamps)) == {"-"} and set(
        map(itemgetter(10), stamps)
    ) <= {"T", " "}


def texts(raw: Sequence[str]) -> list[str] | None:
    """Event texts as tidy_text makes them, or None if one is empty."""
    joined = "\x00".join(raw)
    if "  " in joined or "\t" in joined or "\n" in joined or "\r" in joined:
        tidied = list(map(tidy_text, raw))
    else:  # the common case: tidy_text would only strip
        tidied = list(map(str.strip, raw))
    if not tidied or "" in tidied:
        return None
    if max(map(len, tidied)) > MAX_TEXT:
        tidied = [text[:MAX_TEXT] for text in tidied]
    return tidied


def lookup(values: Sequence[str], convert: Callable[[str], T]) -> list[T] | None:
    """Each value converted, converting each distinct value once."""
    try:
        table = {value: convert(value) for value in set(values)}
    except ValueError:
        return None
    return list(map(table.__getitem__, values))
