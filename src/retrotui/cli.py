"""The command line: `retrotui [--data-dir DIR] [COMMAND]`.

Errors are one line on stderr and exit status 2, never a traceback. Textual
is imported only by the commands that open the app, so `list` and `show`
start fast.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NoReturn

from retrotui import __version__
from retrotui.model.enums import Kind, Severity, Source
from retrotui.store import Store, StoreError, resolve_data_dir

if TYPE_CHECKING:
    import argparse

EXIT_USAGE = 2


class CliError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    # argparse is imported only when there are arguments to parse.
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $RETROTUI_DATA_DIR, else the user data folder)",
    )
    parser = Parser(
        prog="retrotui",
        description="Run blameless incident retrospectives in the terminal.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"retrotui {__version__}"
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser
    )
    commands.add_parser("open", parents=[common], help="open the library (the default)")
    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="open a throwaway demo library (yours is untouched)",
    )
    demo.add_argument(
        "--keep", action="store_true", help="keep the demo folder afterwards"
    )
    new = commands.add_parser(
        "new", parents=[common], help="create a retrospective, print its id"
    )
    new.add_argument("--title", required=True)
    new.add_argument(
        "--kind",
        choices=[k.value for k in Kind],
        default=Kind.INCIDENT.value,
        # "near miss", "near_miss" and "Near-Miss" all mean near-miss.
        type=lambda text: "-".join(text.lower().replace("_", " ").split()),
    )
    new.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default=Severity.SEV3.value,
        type=str.upper,
    )
    new.add_argument(
        "--started",
        default="",
        metavar="TIME",
        help="e.g. 2026-11-26 14:03 or ISO 8601",
    )
    new.add_argument(
        "--ended",
        default="",
        metavar="TIME",
        help="same forms; 15:10 means the start day",
    )
    new.add_argument(
        "--tz",
        default="UTC",
        metavar="ZONE",
        help="zone for times without offset (IANA)",
    )
    new.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="repeatable"
    )
    for name, what in (
        ("facilitate", "with the clock"),
        ("draft", "without the clock"),
    ):
        session = commands.add_parser(
            name,
            parents=[common],
            help=f"open a retrospective {what}",
            description=f"Open a stored retrospective straight into a session {what}.",
        )
        session.add_argument(
            "id", metavar="ID", help="an id or an unambiguous prefix of one"
        )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write a retrospective (or all) as Markdown, HTML or JSON",
        description="Export one retrospective to stdout or a file, or the whole "
        "library to a folder (one file each plus an index; unchanged files are "
        "not rewritten).",
    )
    export.add_argument(
        "id", metavar="ID", nargs="?", help="an id or an unambiguous prefix"
    )
    export.add_argument("--format", choices=["md", "html", "json"], default="md")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout"
    )
    export.add_argument(
        "--all",
        metavar="DIR",
        dest="all_dir",
        help="export every retrospective into DIR",
    )
    importing = commands.add_parser(
        "import-markdown",
        parents=[common],
        help="load postmortems written by `retrotui export`",
        description="Read Markdown files written by `retrotui export` into the library. "
        "A file that is not in that format is named with the line at fault, and "
        "nothing is imported from it.",
    )
    importing.add_argument("files", metavar="FILE", nargs="+")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="overwrite a retrospective that differs in the library",
    )
    timeline = commands.add_parser(
        "import-timeline",
        parents=[common],
        help="add timeline events from CSV, JSON Lines, a Slack export or log lines",
        description="Import events into a retrospective's timeline. All or nothing: "
        "an invalid line stops the import (file, line, reason) unless --skip-invalid. "
        "Exact duplicates are skipped and counted.",
    )
    timeline.add_argument("id", metavar="ID")
    timeline.add_argument(
        "file", metavar="FILE", help="a file, or a Slack export folder"
    )
    timeline.add_argument(
        "--format", choices=["auto", "csv", "jsonl", "slack", "log"], default="auto"
    )
    timeline.add_argument(
        "--source", choices=[s.value for s in Source], help="source of log lines"
    )
    timeline.add_argument(
        "--tz",
        metavar="ZONE",
        help="zone of times without an offset (default: the retrospective's)",
    )
    timeline.add_argument(
        "--skip-invalid", action="store_true", help="skip invalid lines and list them"
    )
    linting = commands.add_parser(
        "lint",
        parents=[common],
        help="flag blame-shaped sentences and suggest system-centred ones",
        description="Check text for blame-shaped language (exit 1 when there are "
        "findings, 0 when clean, 2 on error). Reads FILE, - for stdin, or a stored "
        "retrospective with --retro.",
    )
    linting.add_argument(
        "file", metavar="FILE", nargs="?", help="a text file, or - for stdin"
    )
    linting.add_argument("--retro", metavar="ID", help="lint a stored retrospective")
    linting.add_argument(
        "--participant",
        metavar="NAME",
        action="append",
        default=[],
        help="a person named in the text (repeatable); --retro uses its own",
    )
    linting.add_argument(
        "--json", action="store_true", help="machine-readable findings"
    )
    listing = commands.add_parser(
        "list", parents=[common], help="list retrospectives, newest first"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = commands.add_parser("show", parents=[common], help="print one retrospective")
    show.add_argument("id", metavar="ID", help="an id or an unambiguous prefix of one")
    show.add_argument("--json", action="store_true", help="the full stored document")
    search = commands.add_parser(
        "search",
        parents=[common],
        help="full-text search over every retrospective, best match first",
        description='Every word and "quoted phrase" must appear (any case) in '
        "some field: title, summary, timeline, impact, factors, whys, actions. "
        "Filters can also be written in QUERY: tag:deploy sev:SEV1 "
        "kind:near-miss status:draft category:monitoring since:2026-01-01. "
        "Exit status 1 when nothing matches.",
    )
    search.add_argument("query", metavar="QUERY", nargs="*", default=[])
    search.add_argument("--tag", action="append", default=[], help="repeatable")
    search.add_argument("--severity", action="append", default=[], help="SEV1-SEV4")
    search.add_argument("--kind", help="incident or near-miss")
    search.add_argument("--status", help="draft, reviewed or published")
    search.add_argument(
        "--category", action="append", default=[], help="a contributing-factor category"
    )
    search.add_argument("--since", metavar="DATE", help="incidents on or after DATE")
    search.add_argument("--until", metavar="DATE", help="incidents on or before DATE")
    search.add_argument("--limit", type=int, default=20, help="at most N (default 20)")
    search.add_argument("--json", action="store_true")
    stats = commands.add_parser(
        "stats",
        parents=[common],
        help="insights over the library: trends, shares, action items, repeats",
    )
    stats.add_argument("--since", metavar="DATE", help="incidents on or after DATE")
    stats.add_argument("--json", action="store_true")
    return parser


def _report_problems(store: Store) -> None:
    for problem in store.problems:
        print(f"retrotui: warning: {problem}", file=sys.stderr)


def _cmd_new(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.model.create import FormError, NewRetro, build_retrospective

    form = NewRetro(
        title=args.title,
        kind=args.kind,
        severity=args.severity,
        started=args.started,
        ended=args.ended,
        timezone=args.tz,
        tags=args.tag,
    )
    try:
        retro = build_retrospective(form)
    except FormError as error:
        raise CliError(
            f"--{error.field.replace('timezone', 'tz')}: {error.message}"
        ) from None
    with Store(data_dir, mode="write") as store:
        store.save(retro)
    print(retro.id)
    return 0


def _cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.plain import list_table
    from retrotui.model.summary import summary_to_dict

    with Store(data_dir, mode="read") as store:
        _report_problems(store)
        summaries = store.summaries()
    if args.json:
        print(
            json.dumps(
                [summary_to_dict(s) for s in summaries], ensure_ascii=False, indent=2
            )
        )
    elif summaries:
        print(list_table(summaries, date.today()))
    else:
        print(
            f"No retrospectives in {data_dir} yet. Create one with `retrotui new --title ...`."
        )
    return 0


def _search_query(args: argparse.Namespace):  # -> Query
    from retrotui.model.search import QueryError, parse_query, with_flags

    try:
        # `search checkout deploy` and `search "checkout deploy"` alike; a
        # phrase is quoted inside: `search '"rate limit"' dns`.
        query = with_flags(
            parse_query(" ".join(args.query)),
            tags=args.tag,
            severities=args.severity,
            kinds=[args.kind] if args.kind else [],
            statuses=[args.status] if args.status else [],
            categories=args.category,
            since=args.since,
            until=args.until,
        )
    except QueryError as error:
        raise CliError(str(error)) from None
    if args.limit < 1:
        raise CliError("--limit: give 1 or more")
    return query


def _cmd_search(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.library_text import search_json, search_lines

    query = _search_query(args)
    # "auto" lets search compact its journal; a missing library is not made.
    with Store(data_dir, mode="auto" if data_dir.is_dir() else "read") as store:
        _report_problems(store)
        hits = store.search(query, limit=args.limit)
        summaries = {hit.id: store.summary(hit.id) for hit in hits}
    if args.json:
        print(json.dumps(search_json(hits, summaries), ensure_ascii=False, indent=2))
    elif hits:
        print(search_lines(hits, summaries, color=sys.stdout.isatty()))
    else:
        print("No retrospective matches.", file=sys.stderr)
    return 0 if hits else 1


def _cmd_stats(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.library_text import stats_text
    from retrotui.model.insights import compute_insights, insights_json

    try:
        since = date.fromisoformat(args.since.strip()) if args.since else None
    except ValueError:
        raise CliError(
            f"--since: {args.since!r} is not a date like 2026-03-31"
        ) from None
    with Store(data_dir, mode="read") as store:
        _report_problems(store)
        found = compute_insights(store.summaries(), date.today(), since)
    if args.json:
        print(json.dumps(insights_json(found), ensure_ascii=False, indent=2))
    else:
        print(stats_text(found))
    return 0


def _cmd_show(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.plain import show_text
    from retrotui.model.serialize import to_document

    with Store(data_dir, mode="read") as store:
        retro = store.load(args.id)
    if args.json:
        from retrotui.model.metrics import metrics_json

        document = to_document(retro)
        document["metrics"] = metrics_json(retro)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(show_text(retro, date.today()))
    return 0


def _cmd_lint(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.model.language import Finding, lint, retro_text

    if (args.file is None) == (args.retro is None):
        raise CliError("give a FILE (or - for stdin), or --retro ID")
    findings: list[tuple[str, Finding]] = []
    if args.retro is not None:
        with Store(data_dir, mode="read") as store:
            retro = store.load(args.retro)
        for where, text in retro_text(retro):
            people = [*retro.participants, *args.participant]
            findings += [(where, f) for f in lint(text, people)]
    else:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            from retrotui.store.files import read_text

            text = read_text(Path(args.file))
        findings = [("", f) for f in lint(text, args.participant)]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        **({"where": where} if where else {}),
                        "line": f.line,
                        "column": f.column,
                        "end_column": f.end_column,
                        "rule": f.rule,
                        "message": f.message,
                        "suggestion": f.suggestion,
                    }
                    for where, f in findings
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for where, f in findings:
            prefix = f"{where}: " if where else ""
            print(
                f"{prefix}{f.line}:{f.column} {f.rule}: {f.message} — try: {f.suggestion}"
            )
    return 1 if findings else 0


def _cmd_import_timeline(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.importers.timeline import (
        ImportResult,
        Options,
        TimelineImportError,
        read_timeline,
    )
    from retrotui.model.text import quantity
    from retrotui.model.timeline import sort_timeline
    from retrotui.model.timeparse import TimeParseError, local, zone
    from retrotui.store.files import read_import_source

    with Store(data_dir, mode="write") as store:
        retro = store.load(args.id)
        try:
            tz = zone(args.tz or retro.timezone)
        except TimeParseError as error:
            raise CliError(f"--tz: {error}") from None
        year = (retro.started or retro.created).astimezone(tz).year
        total = ImportResult()
        for name, text in read_import_source(Path(args.file)):
            options = Options(
                zone=tz,
                year=year,
                source=Source(args.source) if args.source else None,
                skip_invalid=args.skip_invalid,
                name=name,
            )
            try:
                part = read_timeline(
                    text, args.format, options, [*retro.timeline, *total.events]
                )
            except TimelineImportError as error:
                raise CliError(f"{error} (nothing was imported)") from None
            total.events += part.events
            total.skipped += part.skipped
            total.duplicates += part.duplicates
        retro.timeline.extend(total.events)
        sort_timeline(retro)
        store.save(retro)
    if total.events:
        first = local(total.first, retro.timezone).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]
        last = local(total.last, retro.timezone).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]
        print(
            f"Imported {quantity(len(total.events), 'event')}, {first} to {last} "
            f"({retro.timezone})."
        )
    else:
        print("Imported no events.")
    if total.duplicates:
        print(f"Skipped {quantity(total.duplicates, 'exact duplicate')}.")
    if total.skipped:
        print(f"Skipped {quantity(len(total.skipped), 'invalid line')}:")
        for skipped in total.skipped:
            print(f"  {skipped.name}: line {skipped.line}: {skipped.reason}")
    return 0


def _cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.formats import renderer
    from retrotui.store.files import write_if_changed

    if args.all_dir is not None:
        if args.id or args.output:
            raise CliError("--all exports every retrospective: give no ID and no -o")
        if args.format == "json":
            raise CliError(
                "--all writes md or html (use `export ID --format json` for JSON)"
            )
        return _export_all(Path(args.all_dir), args.format, data_dir)
    if not args.id:
        raise CliError("give a retrospective ID, or --all DIR")
    with Store(data_dir, mode="read") as store:
        retro = store.load(args.id)
    text = renderer(args.format)(retro)
    if args.output:
        write_if_changed(Path(args.output), text)
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _export_all(folder: Path, fmt: str, data_dir: Path) -> int:
    from retrotui.export.formats import renderer
    from retrotui.export.index import index_html, index_markdown, listed_files
    from retrotui.export.names import file_names
    from retrotui.store.files import (
        prepare_export_dir,
        read_text,
        remove_stale,
        write_if_changed,
    )

    render = renderer(fmt)
    prepare_export_dir(folder)
    written = unchanged = 0
    with Store(data_dir, mode="read") as store:
        _report_problems(store)
        summaries = store.summaries()
        names = file_names(summaries, fmt)
        for summary in summaries:
            try:
                retro = store.load(summary.id)
            except StoreError as problem:
                print(f"retrotui: warning: skipped: {problem}", file=sys.stderr)
                continue
            if write_if_changed(folder / names[summary.id], render(retro)):
                written += 1
            else:
                unchanged += 1
    index = (
        index_markdown(summaries, names)
        if fmt == "md"
        else index_html(summaries, names)
    )
    index_path = folder / f"index.{fmt}"
    # Files the previous export wrote under names no longer used (a retitled
    # or deleted retrospective) go, or the folder would hold both versions.
    previous = listed_files(read_text(index_path)) if index_path.is_file() else set()
    removed = remove_stale(folder, previous - set(names.values()))
    if write_if_changed(index_path, index):
        written += 1
    else:
        unchanged += 1
    gone = f", {removed} removed" if removed else ""
    print(
        f"Exported {len(summaries)} retrospectives to {folder}: "
        f"{written} files written, {unchanged} unchanged{gone}."
    )
    return 0


def _cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    from retrotui.export.index import INDEX_HEADING
    from retrotui.importers.markdown import MarkdownImportError, parse
    from retrotui.store.files import read_text

    failed = 0
    with Store(data_dir, mode="write") as store:
        for name in args.files:
            path = Path(name)
            try:
                text = read_text(path)
                if text.startswith(INDEX_HEADING):
                    print(f"{path}: skipped (the index of an exported library)")
                    continue
                retro = parse(text)
            except MarkdownImportError as error:
                print(
                    f"retrotui: error: {path}: {error} (nothing imported from it)",
                    file=sys.stderr,
                )
                failed += 1
                continue
            except StoreError as error:
                print(f"retrotui: error: {error}", file=sys.stderr)
                failed += 1
                continue
            if retro.id in store:
                existing = store.load(retro.id)
                if existing == retro:
                    print(f"{path}: already in the library, unchanged ({retro.id})")
                    continue
                if not args.replace:
                    print(
                        f"retrotui: error: {path}: {retro.id} is in the library with different "
                        "content; use --replace to overwrite it",
                        file=sys.stderr,
                    )
                    failed += 1
                    continue
            store.save(retro, keep_timestamps=True)
            print(f"{path}: imported {retro.id} “{retro.title}”")
    return EXIT_USAGE if failed else 0


def _cmd_open(
    data_dir: Path, retro_id: str | None = None, mode: str = "facilitate"
) -> int:
    from retrotui.app import make_app

    # Lazy: the library screen draws its first page before the whole index
    # is read (see LibraryScreen.on_mount).
    store = Store(data_dir, mode="auto", lazy=True)
    try:
        if retro_id is not None:
            retro_id = store.resolve(retro_id)
            store.load(retro_id)  # fail here, with one clear line, if unreadable
        make_app(store, open_retro=retro_id, mode=mode).run()
    finally:
        store.close()
    return 0


DEMO_PREFIX = "retrotui-demo-"


def _sweep_old_demos(tmp: Path) -> None:
    """Remove demo folders whose retrotui is gone (killed, terminal closed).

    A running demo holds its folder's lock, so its folder is left alone."""
    import shutil

    from retrotui.store.lock import DirectoryLock

    for folder in tmp.glob(f"{DEMO_PREFIX}*"):
        lock = DirectoryLock(folder)
        if folder.is_dir() and lock.path.exists() and lock.try_acquire():
            lock.release()
            shutil.rmtree(folder, ignore_errors=True)


def _cmd_demo(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from retrotui.demo import build_demo

    if getattr(args, "data_dir", None) is not None:
        raise CliError("demo always uses a throwaway folder; --data-dir does not apply")
    _sweep_old_demos(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    try:
        with Store(folder, mode="write") as store:
            for retro in build_demo(date.today()):
                store.save(retro)
        _cmd_open(folder)
    finally:
        if args.keep:
            print(f"The demo library is kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


# Not export: rendering HTML leaves cycles behind for each retrospective.
_ONE_SHOT = {"list", "show", "search", "stats"}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments:
        args = _parser().parse_args(arguments)
    else:
        # `retrotui` alone, the command run most: open the library without
        # building every subcommand's parser (~15 ms of start-up).
        args = SimpleNamespace(command=None)
    collecting = gc.isenabled()
    try:
        if args.command == "demo":
            return _cmd_demo(args)
        flag = getattr(args, "data_dir", None)
        if flag is not None and not flag.strip():
            raise CliError("--data-dir: give a folder (it was empty)")
        data_dir = resolve_data_dir(flag)
        if args.command in _ONE_SHOT:
            # These read a whole library, print and exit: 10,000 summaries
            # and their parts set the cyclic GC off again and again, each
            # pass walking everything read so far, and a process about to
            # exit has no cycles worth collecting (a tenth of `stats`). Set
            # back below for callers that go on (the tests call main()).
            gc.disable()
        if args.command == "new":
            return _cmd_new(args, data_dir)
        if args.command == "list":
            return _cmd_list(args, data_dir)
        if args.command == "show":
            return _cmd_show(args, data_dir)
        if args.command == "search":
            return _cmd_search(args, data_dir)
        if args.command == "stats":
            return _cmd_stats(args, data_dir)
        if args.command == "lint":
            return _cmd_lint(args, data_dir)
        if args.command == "import-timeline":
            return _cmd_import_timeline(args, data_dir)
        if args.command == "export":
            return _cmd_export(args, data_dir)
        if args.command == "import-markdown":
            return _cmd_import(args, data_dir)
        if args.command in ("facilitate", "draft"):
            return _cmd_open(data_dir, args.id, args.command)
        return _cmd_open(data_dir)
    except (CliError, StoreError) as error:
        print(f"retrotui: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `retrotui show ID | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"retrotui: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if collecting:
            gc.enable()
