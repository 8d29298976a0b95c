"""Import timeline events from a file, with a preview before anything changes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from retrotui.importers.timeline import (
    ImportResult,
    Options,
    TimelineImportError,
    read_timeline,
)
from retrotui.model import Retrospective, Source
from retrotui.model.text import one_line, quantity
from retrotui.model.timeparse import TimeParseError, local, zone
from retrotui.resources import stylesheet
from retrotui.store import StoreError
from retrotui.widgets.key_bar import KeyBar
from retrotui.widgets.text_field import TextField

FORMATS = [
    ("detect", "auto"),
    ("CSV", "csv"),
    ("JSON Lines", "jsonl"),
    ("Slack export", "slack"),
    ("log lines", "log"),
]
SOURCES = [("from the file", ""), *((s.value, s.value) for s in Source)]


class ImportDialog(ModalScreen[ImportResult | None]):
    CSS_PATH = [stylesheet("dialogs.tcss")]
    """Preview first (in a worker, with progress); import only on a second
    confirmation, so a wrong file changes nothing."""

    BINDINGS = [
        Binding("ctrl+r", "preview", "preview"),
        Binding("ctrl+s", "commit", "import"),
        Binding("escape", "cancel", "cancel"),
    ]

    def __init__(self, retro: Retrospective) -> None:
        super().__init__(classes="dialog")
        self.retro = retro
        self.result: ImportResult | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="import-box"):
            yield Static(
                Text("Import timeline events", style="bold"), classes="dialog-title"
            )
            with Grid(classes="form-grid"):
                yield Label("File")
                yield TextField(
                    placeholder="path to a CSV, JSON Lines, Slack export or log file",
                    id="path",
                    compact=True,
                )
                yield Label("Format")
                yield Select(
                    FORMATS, value="auto", allow_blank=False, id="format", compact=True
                )
                yield Label("Source")
                yield Select(
                    SOURCES, value="", allow_blank=False, id="source", compact=True
                )
                yield Label("Time zone")
                yield TextField(self.retro.timezone, id="tz", compact=True)
                yield Label("")
                yield Checkbox(
                    "skip invalid lines (and list them)", id="skip", compact=True
                )
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static(id="preview")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Preview (ctrl+r)", variant="primary", id="preview-button")
                yield Button("Import (ctrl+s)", id="commit", disabled=True)
                yield Button("Cancel (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False
        self.query_one("#path", Input).focus()

    def _options(self) -> Options:
        try:
            tz = zone(self.query_one("#tz", Input).value.strip() or self.retro.timezone)
        except TimeParseError as error:
            raise ValueError(f"Time zone: {error}") from None
        source = self.query_one("#source", Select).value
        return Options(
            zone=tz,
            year=(self.retro.started or self.retro.created).astimezone(tz).year,
            source=Source(source) if source else None,
            skip_invalid=self.query_one("#skip", Checkbox).value,
            source_hint="choose one under Source",
        )

    def action_preview(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self._say(Text("File: say which file to import", style="bold #FF5F5F"))
            return
        try:
            options = self._options()
        except ValueError as error:
            self._say(Text(str(error), style="bold #FF5F5F"))
            return
        self.query_one("#commit", Button).disabled = True
        self.result = None
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._say(Text("Reading…"))
        self._read(
            Path(path).expanduser(),
            str(self.query_one("#format", Select).value),
            options,
        )

    @work(thread=True, exclusive=True)
    def _read(self, path: Path, fmt: str, options: Options) -> None:
        from retrotui.store.files import read_import_source

        bar = self.query_one("#import-progress", ProgressBar)
        options.progress = lambda done, total: self.app.call_from_thread(
            bar.update, total=total, progress=done
        )
        result = ImportResult()
        try:
            for name, text in read_import_source(path):
                options.name = name
                part = read_timeline(
                    text, fmt, options, [*self.retro.timeline, *result.events]
                )
                result.events += part.events
                result.skipped += part.skipped
                result.duplicates += part.duplicates
        except (TimelineImportError, StoreError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._previewed, result)

    def _failed(self, message: str) -> None:
        self.query_one("#import-progress").display = False
        self._say(
            Text.assemble(("Nothing will be imported: ", "bold #FF5F5F"), message)
        )

    def _previewed(self, result: ImportResult) -> None:
        self.query_one("#import-progress").display = False
        self.result = result
        text = Text()
        if result.events:
            first = local(result.first, self.retro.timezone).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]
            last = local(result.last, self.retro.timezone).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]
            text.append(quantity(len(result.events), "event"), style="bold #5FFF87")
            text.append(f", {first} to {last} ({self.retro.timezone})\n")
        else:
            text.append("No new events in this file.\n", style="bold #FFB000")
        if result.duplicates:
            text.append(f"{quantity(result.duplicates, 'exact duplicate')} skipped\n")
        if result.skipped:
            text.append(
                f"{quantity(len(result.skipped), 'invalid line')} skipped:\n",
                style="#FFB000",
            )
            for skipped in result.skipped[:5]:
                text.append(f"  line {skipped.line}: {one_line(skipped.reason, 70)}\n")
            if len(result.skipped) > 5:
                text.append(f"  … and {len(result.skipped) - 5} more\n")
        text.rstrip()
        self._say(text)
        self.query_one("#commit", Button).disabled = not result.events

    def _say(self, text: Text) -> None:
        self.query_one("#preview", Static).update(text)

    def action_commit(self) -> None:
        if self.result is not None and self.result.events:
            self.dismiss(self.result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_preview()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        # A preview describes the inputs it was made from; any change voids it.
        self.result = None
        self.query_one("#commit", Button).disabled = True

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        {"preview-button": self.action_preview, "commit": self.action_commit}.get(
            event.button.id or "", self.action_cancel
        )()
