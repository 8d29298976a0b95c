"""Export and copy actions shared by the library and the session screens."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from retrotui.model import Retrospective
from retrotui.store import StoreError


def export_with_dialog(app: App[object], retro: Retrospective) -> None:
    """Ask for a format and a path, write the file, say where it went."""
    from retrotui.dialogs.export import ExportChoice, ExportDialog

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return
        from retrotui.export.formats import renderer
        from retrotui.store.files import write_if_changed

        try:
            choice.path.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(choice.path, renderer(choice.fmt)(retro))
        except (StoreError, OSError) as error:
            app.notify(str(error), title="Not exported", severity="error", timeout=10)
            return
        app.notify(str(choice.path), title="Exported", markup=False, timeout=8)

    app.push_screen(ExportDialog(retro, Path.cwd()), chosen)


def copy_markdown(app: App[object], retro: Retrospective) -> None:
    """Put the Markdown on the clipboard (OSC 52: works over SSH and tmux)."""
    from retrotui.export.markdown import render

    app.copy_to_clipboard(render(retro))
    app.notify(
        "Paste it into your wiki (GitHub, GitLab, Confluence, Notion).",
        title="Markdown copied",
        timeout=6,
    )
