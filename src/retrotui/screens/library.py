"""Home: every retrospective, newest first; open, create, delete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from retrotui.model.text import one_line
from retrotui.screens.base import RetroScreen
from retrotui.store import Store, StoreError
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.library_table import LibraryTable
from retrotui.widgets.preview import preview
from retrotui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from textual.widgets import Input

    from retrotui.model.retrospective import Retrospective
    from retrotui.model.search import Hit
    from retrotui.model.summary import RetroSummary


def library_notice(store: Store) -> Text | None:
    """At most three lines, however many files could not be read: the
    library itself must stay on screen."""
    lines: list[str] = []
    if store.read_only:
        lines.append(f"Read-only: {store.read_only_reason}. Changes are disabled.")
    if len(store.problems) == 1:
        lines.append(f"Skipped: {store.problems[0]}")
    elif store.problems:
        lines.append(
            f"Skipped {len(store.problems)} files that could not be read (left untouched); "
            "`retrotui list` names each one."
        )
    return Text("\n".join(lines)) if lines else None


EMPTY_MESSAGE = Text.assemble(
    ("No retrospectives yet.\n\n", "bold"),
    "Press ",
    ("n", "bold #00D7FF"),
    " to start one, or run ",
    ("retrotui demo", "bold"),
    " to explore a sample library.",
)


# Rows drawn from the head of the index before the rest is read: more than
# any terminal shows, few enough to read in a millisecond.
FIRST_PAGE = 120
# The whole index is read this long after mounting: reading holds the GIL
# and, started sooner, delayed the first frame reaching the terminal by
# ~50 ms (measured with bench/startup.py). Nobody scrolls past the first page
# in a quarter of a second.
LOAD_DELAY_S = 0.25
# Search waits for a pause in typing this long, then runs off the UI thread.
SEARCH_DEBOUNCE_S = 0.15
SEARCH_LIMIT = 500
# "About a year ago": incidents within this many days of the date a year back.
ANNIVERSARY_DAYS = 14


NO_MATCH_MESSAGE = Text.assemble(
    ("Nothing matches.\n\n", "bold"),
    "Every word must appear somewhere in a retrospective. Press ",
    ("Esc", "bold #00D7FF"),
    " to clear the search.",
)


class LibraryScreen(RetroScreen):
    class Loaded(Message):
        """The whole index has been read and checked (posted from a thread)."""

    class Searched(Message):
        """Results of the query typed as `text` (posted from a thread)."""

        def __init__(self, text: str, hits: list[Hit] | None, error: str = "") -> None:
            super().__init__()
            self.text = text
            self.hits = hits
            self.error = error

    BINDINGS = [
        Binding("enter", "open", "Open", priority=True, id="library.open"),
        Binding(
            "f",
            "facilitate",
            "Facilitate",
            tooltip="Open with the clock",
            id="library.facilitate",
        ),
        Binding(
            "r", "draft", "Draft", tooltip="Open without the clock", id="library.draft"
        ),
        Binding(
            "n", "new", "New", tooltip="Start a new retrospective", id="library.new"
        ),
        Binding(
            "d",
            "delete",
            "Delete",
            tooltip="Move to the trash folder",
            id="library.delete",
        ),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="Markdown, HTML or JSON to a file",
            id="library.export",
        ),
        Binding(
            "c",
            "copy",
            "Copy",
            tooltip="Copy the Markdown to the clipboard",
            show=False,  # in the command palette: the key bar is full
            id="library.copy",
        ),
        Binding(
            "slash", "search", "Search", tooltip="Full-text search", id="library.search"
        ),
        Binding(
            "s",
            "stats",
            "Insights",
            tooltip="Trends, shares, repeats",
            id="library.stats",
        ),
        Binding(
            "y",
            "anniversary",
            "Year ago",
            tooltip="Re-read the retrospective from about a year ago",
            id="library.anniversary",
        ),
        Binding("escape", "clear_search", "Clear search", id="library.clear"),
        Binding("down", "to_results", "Results", show=False, id="library.results"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: dict[str, Hit] = {}
        self._query_text = ""
        self._shown_query = ""
        self._anniversary: RetroSummary | None = None

    def compose(self) -> ComposeResult:
        # Few widgets on purpose: each one costs start-up time, so the
        # notice and the empty-library message exist only when needed.
        yield TopBar(id="top-bar")
        notice = library_notice(self.store)
        if notice is not None:
            yield Static(notice, id="notice")
        yield LibraryTable(id="library-table")
        yield Static(id="details")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_top_bar()
        self.query_one("#details").border_title = "Preview"
        if self.store.loaded:
            self.refresh_rows()
        else:
            # First frame from the newest rows; the whole library (and the
            # check of every file against the index) follows off the UI
            # thread, once that frame is out: reading holds the GIL.
            self._show_rows(self.store.first_page(FIRST_PAGE))
            self.set_timer(LOAD_DELAY_S, self._load_library)
        self.query_one(LibraryTable).focus()
        if self.store.read_only:
            self.set_interval(2.0, self._watch_other_writer)

    @work(thread=True, exclusive=True, group="library-load")
    def _load_library(self) -> None:
        self.store.ensure_loaded()
        self.post_message(self.Loaded())

    def on_library_screen_loaded(self) -> None:
        self._show_notice()
        self.refresh_rows(keep=self.query_one(LibraryTable).selected_id)

    # -- search ------------------------------------------------------------
    def action_search(self) -> None:
        found = self.query("#search")
        if found:
            found.first().focus()
            return
        # Imported on first use: the Input widget's modules cost start-up time.
        from textual.widgets import Input

        box = Input(
            placeholder='words, "a phrase", tag:deploy sev:SEV1 kind:near-miss since:2026-01-01',
            id="search",
        )
        box.border_title = "Search"
        self.mount(box, before=self.query_one(LibraryTable))
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        self._query_text = event.value
        timer = getattr(self, "_search_timer", None)
        if timer is not None:
            timer.stop()
        self._search_timer = self.set_timer(
            SEARCH_DEBOUNCE_S, lambda: self._run_search(event.value)
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(LibraryTable).focus()

    @work(thread=True, exclusive=True, group="library-search")
    def _run_search(self, text: str) -> None:
        from retrotui.model.search import QueryError, parse_query

        if not text.strip():
            self.post_message(self.Searched(text, None))
            return
        try:
            query = parse_query(text)
        except QueryError as error:
            self.post_message(self.Searched(text, [], str(error)))
            return
        hits = self.store.search(query, limit=SEARCH_LIMIT)
        self.post_message(self.Searched(text, hits))

    def on_library_screen_searched(self, message: Searched) -> None:
        if message.text != self._query_text:
            return  # typing went on: a newer search is coming
        box = self.query("#search")
        table = self.query_one(LibraryTable)
        # A new query puts the cursor on its best match; the same query run
        # again after a change keeps the cursor where it was.
        keep = table.selected_id if message.text == self._shown_query else None
        if box:
            box.first().border_subtitle = message.error or None
        if message.error:
            return  # a filter being typed ("since:2026-0"): keep the last results
        self._shown_query = message.text
        if message.hits is None:  # the box was emptied: the whole library
            self.refresh_rows(keep)
            return
        self._hits = {hit.id: hit for hit in message.hits}
        summaries = [self.store.summary(hit.id) for hit in message.hits]
        self._show_rows([s for s in summaries if s is not None], keep)
        if keep is None and table.row_count:
            table.cursor = 0
        count = len(message.hits)
        plural = "es" if count != 1 else ""
        more = "+" if count >= SEARCH_LIMIT else ""
        table.border_title = f"{count}{more} match{plural}"

    def action_clear_search(self) -> None:
        box = self.query("#search")
        if not box:
            return
        self._query_text = self._shown_query = ""
        box.remove()
        table = self.query_one(LibraryTable)
        self.refresh_rows(keep=table.selected_id)
        table.focus()

    # -- insights and the year-ago look-back -----------------------------------
    def action_stats(self) -> None:
        from retrotui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def _show_anniversary(self, summaries: list[RetroSummary]) -> None:
        from datetime import timedelta

        from retrotui.model.insights import anniversary

        today = self.today()
        found = anniversary(summaries, today, ANNIVERSARY_DAYS)
        self._anniversary = found[0] if found else None
        line = self.query("#anniversary")
        if self._anniversary is None:
            line.remove()
            return
        s = self._anniversary
        ago = today - timedelta(days=365)
        when = (
            "a year ago"
            if abs((s.local_start.date() - ago).days) <= 1
            else "about a year ago"
        )
        text = Text.assemble(
            ("A look back: ", "bold"),
            f"{when}, {s.local_start.date().isoformat()}: ",
            (one_line(s.title, 48), "italic"),
            (" — press ", "dim"),
            ("y", "bold #00D7FF"),
            (" to re-read it", "dim"),
        )
        if len(found) > 1:
            text.append(f" (+{len(found) - 1} from then)", style="dim")
        if line:
            line.first(Static).update(text)
        else:
            self.mount(
                Static(text, id="anniversary"), before=self.query_one(LibraryTable)
            )

    def action_anniversary(self) -> None:
        if self._anniversary is None:
            return
        try:
            retro = self.store.load(self._anniversary.id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=8)
            return
        self._start_session(retro, "draft")

    def _show_notice(self) -> None:
        notice = library_notice(self.store)
        shown = self.query("#notice")
        if notice is None:
            shown.remove()
        elif shown:
            shown.first(Static).update(notice)
        else:
            self.mount(Static(notice, id="notice"), before=self.query_one(LibraryTable))

    def _show_top_bar(self) -> None:
        store = self.store
        self.query_one(TopBar).show(
            "Incident library", str(store.data_dir), store.read_only
        )

    def _watch_other_writer(self) -> None:
        """Read-only: follow the other writer's changes, and take over when it
        closes the library."""
        table = self.query_one(LibraryTable)
        if self.store.try_upgrade():
            self._show_notice()
            self._show_top_bar()
            self.refresh_rows(keep=table.selected_id)
            self.notify(
                "The other retrotui closed the library: you can edit now.",
                title="Writable",
            )
        elif self.store.reload_if_changed():
            self.refresh_rows(keep=table.selected_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide keys that cannot do anything here (False hides, None dims).
        empty = not self.query_one(LibraryTable).row_count
        if (
            action in ("open", "facilitate", "draft", "delete", "export", "copy")
            and empty
        ):
            return False
        if action == "anniversary":
            return self._anniversary is not None
        if action == "clear_search":
            return bool(self.query("#search"))
        return not (action in ("new", "delete") and self.store.read_only)

    def refresh_rows(self, keep: str | None = None) -> None:
        summaries = self.store.summaries()
        if self.query("#search") and self._query_text.strip():
            # A search is showing: run it again on the changed library.
            self._run_search(self._query_text)
        else:
            self._hits = {}
            self.query_one(LibraryTable).border_title = None
            self._show_rows(summaries, keep)
        self._show_anniversary(summaries)

    def _show_rows(
        self, summaries: list[RetroSummary], keep: str | None = None
    ) -> None:
        table = self.query_one(LibraryTable)
        table.show(summaries, self.today(), keep)
        table.display = bool(summaries)
        empty = self.query("#empty")
        message = NO_MATCH_MESSAGE if self.query("#search") else EMPTY_MESSAGE
        if not summaries and not empty:
            self.mount(Static(message, id="empty"), after=table)
        elif not summaries:
            empty.first(Static).update(message)
        elif summaries and empty:
            empty.remove()
        self._show_details()
        self.refresh_bindings()

    @on(LibraryTable.Highlighted)
    def _highlighted(self, event: LibraryTable.Highlighted) -> None:
        self._show_details()

    def _show_details(self) -> None:
        details = self.query_one("#details", Static)
        summary = self.query_one(LibraryTable).selected
        details.display = summary is not None
        if summary is not None:
            hit = self._hits.get(summary.id)
            snippet = hit.snippet if hit is not None else None
            details.update(preview(summary, self.today(), snippet))

    # -- actions -------------------------------------------------------------
    def _load_selected(self) -> Retrospective | None:
        retro_id = self.query_one(LibraryTable).selected_id
        if retro_id is None:
            return None
        try:
            return self.store.load(retro_id)
        except StoreError as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=8)
            return None

    def action_open(self) -> None:
        """Ask how to run it (criteria, timeboxes, mode), then start."""
        if self.focused is not None and self.focused.id == "search":  # Enter in it
            self.query_one(LibraryTable).focus()
            return
        retro = self._load_selected()
        if retro is None:
            return
        from retrotui.dialogs.start import StartChoice, StartDialog

        def chosen(choice: StartChoice | None) -> None:
            if choice is None:
                return
            from retrotui.model.plan import apply_plan

            retro.criteria = choice.criteria
            apply_plan(retro.phases, choice.minutes)
            if not self.store.read_only:
                try:
                    self.store.save(retro)  # the session saves only its own changes
                except StoreError as error:
                    self.notify(str(error), title="Not saved", severity="error")
            self._start_session(retro, choice.mode)

        self.app.push_screen(StartDialog(retro, self.retro_app.clock()), chosen)

    def action_export(self) -> None:
        retro = self._load_selected()
        if retro is not None:
            from retrotui.screens.publishing import export_with_dialog

            export_with_dialog(self.app, retro)

    def action_copy(self) -> None:
        retro = self._load_selected()
        if retro is not None:
            from retrotui.screens.publishing import copy_markdown

            copy_markdown(self.app, retro)

    def action_facilitate(self) -> None:
        retro = self._load_selected()
        if retro is not None:
            self._start_session(retro, "facilitate")

    def action_draft(self) -> None:
        retro = self._load_selected()
        if retro is not None:
            self._start_session(retro, "draft")

    def _start_session(self, retro: Retrospective, mode: str) -> None:
        from retrotui.screens.session import SessionScreen

        keep = retro.id
        self.app.push_screen(
            SessionScreen(retro, mode=mode),  # type: ignore[arg-type]
            lambda _result: self.refresh_rows(keep=keep),
        )

    def action_new(self) -> None:
        if self._refuse_if_read_only():
            return
        from retrotui.dialogs.new_retro import NewRetroDialog

        self.app.push_screen(NewRetroDialog(), self._created)

    def _created(self, retro: Retrospective | None) -> None:
        if retro is None:
            return
        try:
            self.store.save(retro)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        self.refresh_rows(keep=retro.id)
        self.notify(
            f"Created {one_line(retro.title, 60)!s}", title="Saved", markup=False
        )

    def action_delete(self) -> None:
        if self._refuse_if_read_only():
            return
        table = self.query_one(LibraryTable)
        retro_id = table.selected_id
        if retro_id is None:
            return
        summary = self.store.summary(retro_id)
        title = summary.title if summary else retro_id
        question = f"Delete “{one_line(title, 60)}”?"
        detail = "It moves to the library's trash folder; nothing else changes."

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            next_row = min(table.cursor, table.row_count - 2)
            try:
                where = self.store.delete(retro_id)
            except StoreError as error:
                self.notify(
                    str(error), title="Not deleted", severity="error", timeout=8
                )
                return
            self.refresh_rows()
            if next_row >= 0:
                table.cursor = next_row
            self.notify(f"Moved to {where}", title="Deleted", markup=False)

        from retrotui.dialogs.confirm import ConfirmDialog

        dialog = ConfirmDialog(question, detail, confirm_label="Delete")
        self.app.push_screen(dialog, confirmed)

    def _refuse_if_read_only(self) -> bool:
        store = self.store
        if store.read_only:
            self.notify(
                store.read_only_reason, title="Read-only library", severity="warning"
            )
        return bool(store.read_only)

    def action_to_results(self) -> None:
        """Down from the search box: into the results."""
        self.query_one(LibraryTable).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Search the library", "Full text, as you type (/)", self.action_search
        )
        yield SystemCommand(
            "Insights",
            "Trends, shares, action items, repeat factors (s)",
            self.action_stats,
        )
        if self._anniversary is not None:
            yield SystemCommand(
                "Re-read from a year ago",
                one_line(self._anniversary.title, 60),
                self.action_anniversary,
            )
        yield SystemCommand(
            "New retrospective", "Start a new retrospective", self.action_new
        )
        yield SystemCommand(
            "Facilitate retrospective",
            "Open the highlighted retrospective with the clock",
            self.action_facilitate,
        )
        yield SystemCommand(
            "Draft retrospective",
            "Open the highlighted retrospective without the clock",
            self.action_draft,
        )
        yield SystemCommand(
            "Open retrospective", "Open the highlighted retrospective", self.action_open
        )
        yield SystemCommand(
            "Export retrospective",
            "Markdown, HTML or JSON to a file",
            self.action_export,
        )
        yield SystemCommand(
            "Copy Markdown",
            "The highlighted retrospective, to the clipboard",
            self.action_copy,
        )
        yield SystemCommand(
            "Delete retrospective",
            "Move the highlighted one to the trash",
            self.action_delete,
        )
