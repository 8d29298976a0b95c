"""Find the stylesheets: packaged inside the wheel, or the repo's `styles/`."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def styles_dir() -> Path:
    packaged = _HERE / "styles"
    if packaged.is_dir():
        return packaged
    # Editable install / source checkout: src/retrotui -> repo root.
    return _HERE.parent.parent / "styles"


def stylesheet(name: str) -> Path:
    return styles_dir() / name
