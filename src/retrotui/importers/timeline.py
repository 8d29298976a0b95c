"""Timeline events from objective sources: CSV, JSON Lines, Slack, log lines.

Pure: text in, events or a precise error out. All or nothing: the first
invalid line stops the import with its line number and reason, unless
`skip_invalid`, which lists every skipped line instead.
"""

from __future__ import annotations

import bisect
import csv
import gc
import io
import json
import operator
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from itertools import islice, repeat
from operator import attrgetter, itemgetter

from retrotui.importers import bulk
from retrotui.importers.tidy import MAX_TEXT, tidy_text
from retrotui.importers.timestamps import TimestampError, parse_timestamp
from retrotui.model import Marker, Source, TimelineEvent
from retrotui.model.text import one_line

FORMATS = ("auto", "csv", "jsonl", "slack", "log")
# Lines per chunk of the fast path, and between two progress reports.
CHUNK = 5000
_SOURCES = {s.value: s for s in Source} | {
    "oncall": Source.ON_CALL,
    "on_call": Source.ON_CALL,
}
_MARKERS = {m.value: m for m in Marker} | {"": Marker.NONE}
_SLACK_HOUSEKEEPING = {
    "channel_join",
    "channel_leave",
    "channel_topic",
    "channel_purpose",
    "channel_name",
    "channel_archive",
    "channel_unarchive",
    "group_join",
    "group_leave",
    "pinned_item",
    "unpinned_item",
    "bot_add",
    "bot_remove",
    "reminder_add",
}


class TimelineImportError(ValueError):
    def __init__(
        self, line: int, reason: str, name: str = "", unit: str = "line"
    ) -> None:
        where = f"{name}: {unit} {line}" if name else f"{unit} {line}"
        super().__init__(f"{where}: {reason}")
        self.line = line
        self.reason = reason
        self.name = name


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str
    name: str = ""


@dataclass
class ImportResult:
    events: list[TimelineEvent] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0

    @property
    def first(self) -> datetime | None:
        return min((e.time for e in self.events), default=None)

    @property
    def last(self) -> datetime | None:
        return max((e.time for e in self.events), default=None)


@dataclass
class Options:
    zone: tzinfo
    year: int
    source: Source | None = None  # for log lines (required there)
    skip_invalid: bool = False
    name: str = ""
    # Called now and then with (lines done, lines in all), for a progress bar.
    progress: Callable[[int, int], None] | None = None
    # How to give log lines a source, in the words of the caller's interface.
    source_hint: str = "e.g. --source deploy"


def detect_format(text: str) -> str:
    head = text[:65536].lstrip()[:2000]
    if head.startswith("["):
        return "slack"
    if head.startswith("{"):
        return "jsonl"
    first = head.split("\n", 1)[0].lower() if head else ""
    cells = {cell.strip().strip('"') for cell in re.split(r"[,;\t|]", first)}
    if "timestamp" in cells:  # a header cell, not a log line mentioning it
        return "csv"
    return "log"


def _source(value: object, default: Source | None) -> Source:
    text = str(value or "").strip().lower()
    if not text and default is not None:
        return default
    try:
        return _SOURCES[text]
    except KeyError:
        allowed = ", ".join(s.value for s in Source)
        raise ValueError(f"source {text!r} is not one of: {allowed}") from None


def _marker(value: object) -> Marker:
    text = str(value or "").strip().lower()
    try:
        return _MARKERS[text]
    except KeyError:
        raise ValueError(
            f"marker {text!r} is not one of: trigger, detection, mitigation, resolution"
        ) from None


def _text(value: object) -> str:
    text = tidy_text(value if isinstance(value, str) else str(value or ""))
    if not text:
        raise ValueError("the text is empty")
    return text[:MAX_TEXT]


def _fast_when(stamp: str, options: Options) -> datetime:
    """ISO 8601 stamps through the C parser; anything else the slow way."""
    if len(stamp) >= 16 and stamp[4] == "-" and stamp[10] in "T ":
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            pass
        else:
            if moment.tzinfo is None:
                return _localise(moment, options)
            return moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    moment, used = parse_timestamp(stamp, options.zone, options.year)
    if stamp[used:].strip():
        raise ValueError(
            f"unexpected text after the timestamp: {one_line(stamp, 40)!r}"
        )
    return moment


def _localise(naive: datetime, options: Options) -> datetime:
    aware = naive.replace(tzinfo=options.zone)
    utc = aware.astimezone(UTC)
    if utc.astimezone(options.zone).replace(tzinfo=None) != naive:
        raise ValueError(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {options.zone} (the clocks jumped)"
        )
    return utc


def _when(value: object, options: Options) -> datetime:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("no timestamp")
    return _fast_when(value.strip(), options)


class _Collector:
    def __init__(
        self, options: Options, existing: list[TimelineEvent], lines: int = 0
    ) -> None:
        self.options = options
        self.lines = lines
        self.result = ImportResult()
        self.events = self.result.events
        self.existing = existing
        self.existing_times = sorted(e.time for e in existing)
        self.latest: datetime | None = None  # of the events imported so far
        self.in_order = True  # were the events taken in time order?
        self._seen: set[tuple[datetime, str, str]] | None = None

    @property
    def seen(self) -> set[tuple[datetime, str, str]]:
        """Every event taken so far as (time, source, text), built when first
        needed. Keyed by the source's value: an Enum member hashes in Python
        code, which made this set the slowest part of a large import."""
        if self._seen is None:
            self._seen = {
                (e.time, e.source._value_, e.text)
                for events in (self.existing, self.events)
                for e in events
            }
        return self._seen

    def accept(self, time: datetime, source: Source, text: str, marker: Marker) -> None:
        key = (time, source._value_, text)
        seen = self.seen
        if key in seen:
            self.result.duplicates += 1
            return
        seen.add(key)
        if self.latest is None or time >= self.latest:
            self.latest = time
        else:
            self.in_order = False
        # Every field is validated and the time is UTC: the fast constructor.
        self.events.append(TimelineEvent.checked(time, source, text, marker))

    def accept_many(
        self,
        times: list[datetime],
        sources: list[Source] | Source,
        texts: list[str],
        markers: list[Marker] | Marker,
    ) -> bool:
        """A clean chunk at once; False, accepting nothing, if it repeats an
        event (the line-by-line path then counts the duplicates)."""
        if not times:
            return True
        fresh = self._all_new(times)
        if not fresh:
            self.in_order = False  # perhaps not; sorting will tell
            keys = set(zip(times, self._values(sources), texts, strict=False))
            if len(keys) != len(times) or not keys.isdisjoint(self.seen):
                return False
            self.seen.update(keys)
        elif self._seen is not None:
            self._seen.update(zip(times, self._values(sources), texts, strict=False))
        latest = times[-1] if fresh else max(times)
        if self.latest is None or latest > self.latest:
            self.latest = latest
        self.events.extend(
            TimelineEvent.many(
                times,
                repeat(sources) if isinstance(sources, Source) else sources,
                texts,
                repeat(markers) if isinstance(markers, Marker) else markers,
            )
        )
        return True

    def _all_new(self, times: list[datetime]) -> bool:
        """Whether a chunk's times cannot repeat an event: they strictly
        increase, come after every event imported so far, and no existing
        event falls between the first and the last. Nearly every log is in
        this order, and this needs only comparisons; checking (time, source,
        text) keys instead hashes each time, which for an aware datetime
        means working out its UTC offset: a fifth of a large import."""
        first, last = times[0], times[-1]
        if self.latest is not None and first <= self.latest:
            return False
        if not all(map(operator.lt, times, islice(times, 1, None))):
            return False
        existing = self.existing_times
        return bisect.bisect_left(existing, first) == bisect.bisect_right(
            existing, last
        )

    @staticmethod
    def _values(sources: list[Source] | Source) -> Iterable[str]:
        if isinstance(sources, Source):
            return repeat(sources._value_)
        return [source._value_ for source in sources]

    def reject(self, line: int, error: Exception, unit: str = "line") -> None:
        reason = str(error.args[0]) if error.args else error.__class__.__name__
        if not self.options.skip_invalid:
            raise TimelineImportError(line, reason, self.options.name, unit) from None
        where = reason if unit == "line" else f"{unit} {line}: {reason}"
        self.result.skipped.append(Skipped(line, where, self.options.name))

    def progress(self, line: int) -> None:
        if self.options.progress is not None:
            self.options.progress(line, self.lines)


_ROW_ERRORS = (
    ValueError,
    TimestampError,
    KeyError,
    TypeError,
    IndexError,
    OverflowError,
)


def _lines(text: str) -> list[str]:
    """Lines split at newlines only: str.splitlines also breaks at U+2028,
    form feeds and others, which may sit inside a JSON string or a log line."""
    lines = text.split("\n")
    if "\r" in text:
        return list(map(str.removesuffix, lines, repeat("\r")))
    return lines


def read_csv(text: str, options: Options, collector: _Collector) -> None:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(rows, None)
    except csv.Error as error:
        raise TimelineImportError(
            rows.line_num, f"not CSV ({error})", options.name
        ) from None
    if header is None:
        raise TimelineImportError(1, "the file is empty", options.name)
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in ("timestamp", "source", "text") if c not in columns]
    if missing:
        raise TimelineImportError(
            1,
            f"the header needs timestamp, source and text columns (missing: {', '.join(missing)})",
            options.name,
        )
    layout = _CsvLayout(
        columns["timestamp"],
        columns["source"],
        columns["text"],
        columns.get("marker"),
        len(header),
    )
    taken = 0  # rows the fast path took, after the header
    while True:
        try:
            chunk = list(islice(rows, CHUNK))
        except csv.Error:
            break
        if not chunk:
            return
        if not _clean_csv_chunk(chunk, layout, options, collector):
            break
        taken += len(chunk)
        collector.progress(rows.line_num)
    # The careful reader goes on from the first chunk that was not clean,
    # with a new reader: only one that has read every row itself knows
    # their line numbers (a quoted field may span lines).
    rows = csv.reader(io.StringIO(text), dialect)
    deque(islice(rows, taken + 1), maxlen=0)
    _read_csv_rows(rows, layout, options, collector)


@dataclass(frozen=True)
class _CsvLayout:
    """Where the fields are, from the header."""

    time: int
    source: int
    text: int
    marker: int | None
    columns: int

    @property
    def needs(self) -> int:
        """The fewest cells a row can have."""
        return max(self.time, self.source, self.text, self.marker or 0) + 1


def _clean_csv_chunk(
    chunk: list[list[str]],
    layout: _CsvLayout,
    options: Options,
    collector: _Collector,
) -> bool:
    if min(map(len, chunk)) < layout.needs:
        return False
    stamps = list(map(str.strip, map(itemgetter(layout.time), chunk)))
    times = bulk.iso_times(stamps, options.zone)
    if times is None:
        return False
    sources = bulk.lookup(
        list(map(itemgetter(layout.source), chunk)),
        lambda value: _source(value, options.source),
    )
    if sources is None:
        return False
    markers: list[Marker] | Marker | None = Marker.NONE
    if layout.marker is not None:
        markers = bulk.lookup(list(map(itemgetter(layout.marker), chunk)), _marker)
    if markers is None:
        return False
    texts = bulk.texts(list(map(itemgetter(layout.text), chunk)))
    return texts is not None and collector.accept_many(times, sources, texts, markers)


def _read_csv_rows(
    rows: Iterator[list[str]],
    layout: _CsvLayout,
    options: Options,
    collector: _Collector,
) -> None:
    t, s, x, m = layout.time, layout.source, layout.text, layout.marker
    accept, default = collector.accept, options.source
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            collector.reject(rows.line_num, ValueError(f"not CSV ({error})"))
            continue
        number = rows.line_num  # physical line: a quoted field may span lines
        if not number % CHUNK:
            collector.progress(number)
        if not row or not any(row):
            continue
        try:
            if len(row) < layout.needs:
                raise ValueError(f"{len(row)} columns, the header has {layout.columns}")
            accept(
                _when(row[t], options),
                _source(row[s], default),
                _text(row[x]),
                _marker(row[m]) if m is not None else Marker.NONE,
            )
        except _ROW_ERRORS as error:
            collector.reject(number, error)


def read_jsonl(text: str, options: Options, collector: _Collector) -> None:
    for number, line in enumerate(_lines(text), start=1):
        if not number % 5000:
            collector.progress(number)
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"not JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise ValueError("expected an object")
            collector.accept(
                _when(record.get("timestamp", record.get("time")), options),
                _source(record.get("source"), options.source),
                _text(record.get("text")),
                _marker(record.get("marker")),
            )
        except _ROW_ERRORS as error:
            collector.reject(number, error)


def read_slack(text: str, options: Options, collector: _Collector) -> None:
    try:
        messages = json.loads(text)
    except json.JSONDecodeError as error:
        raise TimelineImportError(
            error.lineno, f"not a Slack export ({error.msg})", options.name
        ) from None
    if not isinstance(messages, list):
        raise TimelineImportError(
            1, "not a Slack export (expected a list of messages)", options.name
        )
    for number, message in enumerate(messages, start=1):
        if isinstance(message, dict) and message.get("subtype") in _SLACK_HOUSEKEEPING:
            continue
        try:
            if not isinstance(message, dict):
                raise ValueError("a message is not an object")
            ts = message.get("ts")
            try:
                seconds = float(ts)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise ValueError(f"message has no valid ts ({ts!r})") from None
            profile = message.get("user_profile")
            profile = profile if isinstance(profile, dict) else {}
            who = (
                profile.get("real_name")
                or profile.get("display_name")
                or message.get("user")
                or "someone"
            )
            reply = (
                " (thread reply)" if message.get("thread_ts") not in (None, ts) else ""
            )
            collector.accept(
                datetime.fromtimestamp(seconds, UTC),
                Source.CHAT,
                _text(f"{who}{reply}: {message.get('text', '')}"),
                Marker.NONE,
            )
        except _ROW_ERRORS as error:
            collector.reject(number, error, unit="message")


def read_log(text: str, options: Options, collector: _Collector) -> None:
    source = options.source
    if source is None:
        raise TimelineImportError(
            1, f"log lines need a source ({options.source_hint})", options.name
        )
    lines = _lines(text)
    collector.lines = len(lines)
    for start in range(0, len(lines), CHUNK):
        chunk = lines[start : start + CHUNK]
        if not _clean_log_chunk(chunk, source, options, collector):
            _read_log_lines(chunk, start + 1, source, options, collector)
        collector.progress(start + len(chunk))


def _clean_log_chunk(
    chunk: list[str], source: Source, options: Options, collector: _Collector
) -> bool:
    # The newline at the end of a file leaves an empty last line. Blank lines
    # elsewhere fail the timestamp checks below, for the careful reader.
    end = len(chunk)
    while end and not chunk[end - 1]:
        end -= 1
    if not end:
        return True
    chunk = chunk[:end] if end < len(chunk) else chunk
    found = _iso_lines(chunk, options) or _syslog_lines(chunk, options)
    if found is None:
        return False
    times, rests = found
    texts = bulk.texts(list(map(str.lstrip, rests, repeat(_LOG_PUNCTUATION))))
    return texts is not None and collector.accept_many(
        times, source, texts, Marker.NONE
    )


def _iso_lines(
    chunk: list[str], options: Options
) -> tuple[list[datetime], Iterable[str]] | None:
    """UTC times and the rest of each line, for lines that open with an
    ISO 8601 stamp; None otherwise."""
    stamps, rests = bulk.first_words(chunk)
    times = bulk.iso_times(stamps, options.zone)
    return None if times is None else (times, rests)


def _syslog_lines(
    chunk: list[str], options: Options
) -> tuple[list[datetime], Iterable[str]] | None:
    """The same for lines that open with a syslog stamp, `Nov 26 14:03:12`."""
    if chunk[0][:3] not in bulk.MONTH_NAMES:
        return None
    stamps = bulk.syslog_stamps(chunk, options.year)
    times = None if stamps is None else bulk.iso_times(stamps, options.zone)
    return None if times is None else (times, map(itemgetter(slice(15, None)), chunk))


# What separates a log line's timestamp from its text: "14:03:12 - text".
_LOG_PUNCTUATION = " \t-|:]"


def _read_log_lines(
    lines: list[str],
    first: int,
    source: Source,
    options: Options,
    collector: _Collector,
) -> None:
    accept = collector.accept
    for number, line in enumerate(lines, start=first):
        try:
            stamp, _, rest = line.partition(" ")
            try:
                # Fast path: an ISO 8601 stamp as the first word.
                moment = _fast_when(stamp, options) if len(stamp) >= 16 else None
            except (ValueError, TimestampError):
                moment = None
            if moment is None:
                if not line.strip():
                    continue
                stripped = line.strip()
                moment, used = parse_timestamp(stripped, options.zone, options.year)
                rest = stripped[used:]
            accept(moment, source, _text(rest.lstrip(_LOG_PUNCTUATION)), Marker.NONE)
        except _ROW_ERRORS as error:
            collector.reject(number, error)


READERS = {"csv": read_csv, "jsonl": read_jsonl, "slack": read_slack, "log": read_log}


def read_timeline(
    text: str, fmt: str, options: Options, existing: list[TimelineEvent] | None = None
) -> ImportResult:
    if "\x00" in text[:65536]:
        raise TimelineImportError(1, "this is a binary file, not text", options.name)
    if not text or text.isspace():  # no stripped copy of a large file
        raise TimelineImportError(1, "the file is empty", options.name)
    chosen = detect_format(text) if fmt == "auto" else fmt
    # The line count is for the progress bar; the log reader counts its own
    # lines, as it splits them anyway.
    lines = 0 if chosen == "log" else text.count("\n") + 1
    collector = _Collector(options, existing or [], lines)
    # Building 100,000 events set off the cyclic garbage collector again and
    # again, each pass walking every event built so far: a third of the
    # import's time. Importing makes no reference cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        READERS[chosen](text, options, collector)
    finally:
        if collecting:
            gc.enable()
    if not collector.in_order:
        collector.result.events.sort(key=_TIME)
    return collector.result


_TIME = attrgetter("time")
