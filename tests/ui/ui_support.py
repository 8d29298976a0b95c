"""Helpers shared by the UI tests."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from textual.app import App

TODAY = date(2026, 11, 27)


def screen_text(app: App[object]) -> str:
    """The screen as plain text, one line per terminal row.

    This is what `App.export_screenshot` renders, exported as text instead of
    SVG, so assertions read the screen the way a person does.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens
        )
    )
    return console.export_text(styles=False)
