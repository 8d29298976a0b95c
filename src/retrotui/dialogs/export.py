"""Export one retrospective: choose a format and where the file goes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.widget import Widget
from textual.widgets import Input, Select

from retrotui.dialogs.form import FormDialog, choice, text_input
from retrotui.export.names import file_names
from retrotui.model import Retrospective, summarize
from retrotui.model.create import FormError

FORMAT_LABELS = [
    ("Markdown (wikis, git)", "md"),
    ("HTML page", "html"),
    ("JSON (scripts)", "json"),
]


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    path: Path


def default_path(retro: Retrospective, fmt: str, folder: Path) -> Path:
    return folder / file_names([summarize(retro)], fmt)[retro.id]


class ExportDialog(FormDialog[ExportChoice]):
    TITLE_TEXT = "Export"
    SUBMIT_LABEL = "Export"

    def __init__(self, retro: Retrospective, folder: Path) -> None:
        super().__init__()
        self.retro = retro
        self.folder = folder

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            ("Format", choice("format", FORMAT_LABELS, "md")),
            (
                "File",
                text_input("path", str(default_path(self.retro, "md", self.folder))),
            ),
        ]

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        # Keep a path the user typed; only swap the extension.
        path_input = self.query_one("#path", Input)
        current = Path(
            path_input.value.strip() or default_path(self.retro, "md", self.folder)
        )
        path_input.value = str(current.with_suffix(f".{event.value}"))

    def build(self) -> ExportChoice:
        text = self.value("path").strip()
        if not text:
            raise FormError("path", "say where the file goes")
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.is_dir():
            path = default_path(self.retro, self.value("format"), path)
        return ExportChoice(self.value("format"), path)
