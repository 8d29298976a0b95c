"""Importing a 100,000-line log file and a 100,000-row CSV against a bare
parse of the same files with the standard library, in the same run.

    python bench/import_timeline.py [--rows 100000] [--runs 5]

The bare parse is what any importer must do at least: csv.reader (or
splitting lines) plus datetime.fromisoformat on every timestamp. retrotui's
figure is read_timeline (format detection, validation, duplicate detection,
events in UTC, sorted). Goal: <= 2x the bare parse.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from retrotui.importers.timeline import Options, read_timeline
from retrotui.model import Source

ZONE = ZoneInfo("Europe/Berlin")
SOURCES = ["alert", "deploy", "chat", "customer", "on-call", "note"]


def make_files(rows: int) -> tuple[str, str]:
    start = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    log_lines, csv_out = [], io.StringIO()
    writer = csv.writer(csv_out)
    writer.writerow(["timestamp", "source", "text", "marker", "host"])
    for n in range(rows):
        moment = start + timedelta(milliseconds=731 * n)
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        text = f"request {n} to checkout-api returned {500 + n % 4} after {n % 900} ms"
        log_lines.append(f"{stamp} {text}")
        writer.writerow([stamp, SOURCES[n % len(SOURCES)], text, "", f"web-{n % 12}"])
    return "\n".join(log_lines) + "\n", csv_out.getvalue()


def bare_log(text: str) -> int:
    count = 0
    for line in text.splitlines():
        stamp, _, rest = line.partition(" ")
        datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        count += bool(rest)
    return count


def bare_csv(text: str) -> int:
    rows = csv.reader(io.StringIO(text))
    next(rows)
    count = 0
    for row in rows:
        datetime.fromisoformat(row[0].replace("Z", "+00:00"))
        count += 1
    return count


def timed(function, *args) -> float:
    began = time.perf_counter()
    result = function(*args)
    took = time.perf_counter() - began
    del result  # freeing the events is not part of importing them
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    log_text, csv_text = make_files(args.rows)
    log_options = Options(zone=ZONE, year=2026, source=Source.ALERT)
    csv_options = Options(zone=ZONE, year=2026)
    assert len(read_timeline(log_text, "log", log_options).events) == args.rows
    assert len(read_timeline(csv_text, "csv", csv_options).events) == args.rows
    cases = {
        "log": (
            lambda: bare_log(log_text),
            lambda: read_timeline(log_text, "log", log_options),
        ),
        "csv": (
            lambda: bare_csv(csv_text),
            lambda: read_timeline(csv_text, "csv", csv_options),
        ),
    }
    for name, (bare, ours) in cases.items():
        bare_times, our_times = [], []
        for _ in range(args.runs):  # interleaved: both see the same noise
            bare_times.append(timed(bare))
            our_times.append(timed(ours))
        b, o = statistics.median(bare_times), statistics.median(our_times)
        # Each pair ran back to back, so its ratio is less moved by the noise
        # of a shared machine than the ratio of the two medians.
        paired = statistics.median(
            ours / bare for bare, ours in zip(bare_times, our_times, strict=True)
        )
        print(
            f"{name}: {args.rows:,} rows  bare parse {b:.3f} s  retrotui {o:.3f} s  "
            f"ratio {o / b:.2f}x, median of paired ratios {paired:.2f}x  "
            f"(runs: bare {[round(t, 3) for t in bare_times]}, "
            f"retrotui {[round(t, 3) for t in our_times]})"
        )
    print("goal: ratio <= 2x")


if __name__ == "__main__":
    main()
