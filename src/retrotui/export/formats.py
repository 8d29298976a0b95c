"""One retrospective in each export format."""

from __future__ import annotations

import json
from collections.abc import Callable

from retrotui.model import Retrospective

FORMATS = ("md", "html", "json")


def renderer(fmt: str) -> Callable[[Retrospective], str]:
    if fmt == "md":
        from retrotui.export.markdown import export_markdown

        return export_markdown
    if fmt == "html":
        from retrotui.export.html import render

        return render
    if fmt == "json":
        return to_json
    raise ValueError(f"unknown format {fmt!r}")


def to_json(retro: Retrospective) -> str:
    from retrotui.model.serialize import to_document

    return (
        json.dumps(to_document(retro), ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    )
