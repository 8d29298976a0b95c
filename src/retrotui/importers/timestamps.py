"""Timestamps as they appear in logs, exports and spreadsheets."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_ISOISH = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(?:([Zz])(?!\w)|\s*([+-]\d{2}:?\d{2}))?"
)
_SYSLOG = re.compile(r"^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})")
MONTHS = {
    m: n
    for n, m in enumerate(
        (
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ),
        start=1,
    )
}


class TimestampError(ValueError):
    pass


def _aware(naive: datetime, zone: tzinfo) -> datetime:
    local = naive.replace(tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise TimestampError(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks jumped)"
        )
    return local.astimezone(UTC)


def parse_timestamp(text: str, zone: tzinfo, year: int) -> tuple[datetime, int]:
    """A timestamp at the start of `text`: (UTC datetime, characters used).

    ISO 8601 / RFC 3339, `YYYY-MM-DD HH:MM[:SS]`, syslog `Nov 26 14:03:12`
    (in `year`), epoch seconds or milliseconds. Times without an offset are
    read in `zone`.
    """
    match = _ISOISH.match(text)
    if match:
        y, mo, d, h, mi, s, frac, zulu, offset = match.groups()
        offset = zulu or offset
        try:
            micro = int((frac or "0").ljust(6, "0")[:6])
            naive = datetime(
                int(y), int(mo), int(d), int(h), int(mi), int(s or 0), micro
            )
        except ValueError as error:
            raise TimestampError(f"{match.group(0)!r}: {error}") from None
        if offset:
            if offset in ("Z", "z"):
                return naive.replace(tzinfo=UTC), match.end()
            sign = 1 if offset[0] == "+" else -1
            digits = offset[1:].replace(":", "")
            from datetime import timedelta, timezone

            delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if delta >= timedelta(hours=24):
                raise TimestampError(f"{offset!r} is not a UTC offset (at most +23:59)")
            return naive.replace(tzinfo=timezone(sign * delta)).astimezone(
                UTC
            ), match.end()
        return _aware(naive, zone), match.end()
    match = _SYSLOG.match(text)
    if match:
        month = MONTHS.get(match.group(1))
        if month is None:
            raise TimestampError(f"{match.group(1)!r} is not a month")
        try:
            naive = datetime(
                year, month, int(match.group(2)), *map(int, match.group(3, 4, 5))
            )
        except ValueError as error:
            raise TimestampError(f"{match.group(0)!r}: {error}") from None
        return _aware(naive, zone), match.end()
    token = text.split(None, 1)[0] if text.strip() else ""
    if _EPOCH.match(token):
        value = float(token)
        if value > 1e11:  # milliseconds
            value /= 1000
        return datetime.fromtimestamp(value, UTC), len(token)
    shown = text[:40] + ("…" if len(text) > 40 else "")
    raise TimestampError(f"no timestamp at the start: {shown!r}")
