"""Full-text search over 10,000 retrospectives against `grep -ri`.

    python bench/search.py [--runs 5] [--library 10000] [--folder DIR]

The library (gen_library.py, reused from --folder) is also exported as one
Markdown file per retrospective; each query then runs, interleaved, as
- `grep -ril QUERY` over those Markdown files (a process per query);
- `retrotui search QUERY` (a process per query: start-up, reading the
  search journal, ranking, snippets, printing);
- `Store.search` in a process that already has the library open, as the
  library screen's search-as-you-type does.
- a floor: a bare Python process that reads the search journal and keeps
  the lines holding the query, with nothing else (what no Python `search`
  command can beat without an index on disk).
Each figure is the median over all queries and runs. Goal: retrotui
<= 0.5x grep.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from library_open import ensure_library
from startup import compile_package, retrotui_command

from retrotui.model.search import parse_query
from retrotui.store import Store

GOAL = 0.5
QUERIES = [
    "canary",
    "connection pool",
    "certificate",
    "rollback",
    "dns",
    "runbook",
    "rate limit",
    "disk",
]


def export_markdown(folder: Path, target: Path) -> None:
    if target.exists() and any(target.iterdir()):
        return
    command = [*retrotui_command(), "--data-dir", str(folder), "export", "--all"]
    subprocess.run([*command, str(target)], check=True, capture_output=True)


# The least a Python process can do to answer a query from the search
# journal: start, read it, lower-case it, keep the lines holding the words.
# No imports, no ranking, no checks: a floor for `retrotui search` as a
# process, not a search anyone should use.
FLOOR = """
import sys
term = sys.argv[2].lower().encode()
data = open(sys.argv[1], "rb").read().lower()
sys.stdout.write(str(sum(term in line for line in data.split(b"\\n"))))
"""


def timed(command: list[str]) -> tuple[float, int]:
    begin = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - begin, result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", type=int, default=10_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/retrotui-bench-10k"))
    args = parser.parse_args()
    ensure_library(args.folder, args.library)
    compile_package()
    markdown = args.folder.parent / (args.folder.name + "-markdown")
    export_markdown(args.folder, markdown)
    files = len(list(markdown.glob("*.md")))
    size = sum(p.stat().st_size for p in markdown.glob("*.md"))
    print(f"{files} Markdown files, {size / 1e6:.1f} MB, for grep")
    store = Store(args.folder, mode="read")
    began = time.perf_counter()
    store.search_records()
    print(f"search journal read once in {time.perf_counter() - began:.3f} s")
    grep_times, cli_times, warm_times, floor_times = [], [], [], []
    floor = [sys.executable, "-c", FLOOR, str(args.folder / "search.tsv")]
    cli = [*retrotui_command(), "--data-dir", str(args.folder), "search"]
    for query in QUERIES:
        for _ in range(args.runs):
            seconds, code = timed(["grep", "-ril", "--", query, str(markdown)])
            grep_times.append(seconds)
            seconds, mine = timed([*cli, f'"{query}"', "--limit", "20"])
            cli_times.append(seconds)
            floor_times.append(timed([*floor, query])[0])
            if (code == 0) != (mine == 0):
                print(f"  note: {query!r}: grep and retrotui disagree on any match")
            begin = time.perf_counter()
            hits = store.search(parse_query(f'"{query}"'), limit=20)
            warm_times.append(time.perf_counter() - begin)
        print(f"  {query!r}: {len(hits)} shown (of the best 20)")
    store.close()
    grep = statistics.median(grep_times)
    cli_median = statistics.median(cli_times)
    warm = statistics.median(warm_times)
    print(f"median per query: grep -ril {grep * 1000:.0f} ms")
    print(
        f"  retrotui search (new process): {cli_median * 1000:.0f} ms = "
        f"{cli_median / grep:.2f}x grep"
    )
    bare = statistics.median(floor_times)
    print(
        f"  floor, a bare Python scan of the journal (new process): "
        f"{bare * 1000:.0f} ms = {bare / grep:.2f}x grep"
    )
    print(
        f"  library open, search as you type: {warm * 1000:.1f} ms = "
        f"{warm / grep:.3f}x grep (goal <= {GOAL}x: "
        f"{'met' if warm / grep <= GOAL else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
