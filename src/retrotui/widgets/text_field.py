"""A one-line text field that never selects its text on focus.

Textual's Input selects everything when focused, so the first key typed
after Tab replaced a whole field (and autosave kept the loss). Here focus
puts the cursor at the end instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input

# Where the prose is in a field's value, for the language hint: a quick-add
# line also holds a time, a source and a marker.
Span = Callable[[str], tuple[int, int]]


class TextField(Input):
    def __init__(self, *args: Any, prose: Span | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("compact", True)
        super().__init__(*args, **kwargs)
        self.prose = prose
