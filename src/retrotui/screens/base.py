"""What every retrotui screen can reach: the store and today's date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from retrotui.store import Store

if TYPE_CHECKING:
    from retrotui.app import RetroApp


class RetroScreen(Screen[Any]):
    @property
    def retro_app(self) -> RetroApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.retro_app.store

    def today(self) -> date:
        return self.retro_app.today()
