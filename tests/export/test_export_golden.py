"""The demo retrospective's Markdown, byte for byte, plus the content the spec
asks of every export (checked independently of the golden file, so that a
careless regeneration cannot bless a wrong export).

To regenerate the golden file after an intended change to the template:

    RETROTUI_UPDATE_GOLDEN=1 .venv/bin/pytest tests/export/test_export_golden.py

then read the diff of tests/export/golden/demo-checkout.md before committing.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from export_helpers import full_retro, html_tags

from retrotui.demo import build_demo
from retrotui.export.formats import renderer, to_json
from retrotui.export.html import render as render_html
from retrotui.export.markdown import DATA_OPEN, export_markdown
from retrotui.model.serialize import SCHEMA_VERSION, from_document, to_document

GOLDEN = Path(__file__).parent / "golden" / "demo-checkout.md"
DEMO_DAY = date(2026, 11, 27)


def demo_checkout():
    return build_demo(DEMO_DAY)[0]


def test_demo_markdown_matches_the_golden_file() -> None:
    """Compare with golden/demo-checkout.md; RETROTUI_UPDATE_GOLDEN=1 rewrites it."""
    actual = export_markdown(demo_checkout()).encode("utf-8")
    if os.environ.get("RETROTUI_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(actual)
    expected = GOLDEN.read_bytes()
    assert actual == expected, (
        "the demo export changed; if intended, regenerate with "
        "RETROTUI_UPDATE_GOLDEN=1 and review the diff"
    )


def section(markdown: str, heading: str) -> list[str]:
    """The lines under `## heading`, up to the next heading or data block."""
    lines = markdown.split("\n")
    start = lines.index(f"## {heading}") + 1
    end = next(
        (
            n
            for n in range(start, len(lines))
            if lines[n].startswith("## ") or lines[n] == "<!--"
        ),
        len(lines),
    )
    return [line for line in lines[start:end] if line]


def test_the_demo_export_says_what_the_spec_asks() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    lines = text.split("\n")
    # YAML front matter with the listed keys, in a stable order.
    end = lines.index("---", 1)
    assert lines[0] == "---"
    keys = [line.split(":", 1)[0] for line in lines[1:end]]
    assert keys == [
        "id",
        "title",
        "kind",
        "severity",
        "status",
        "started",
        "detected",
        "ended",
        "timezone",
        "tags",
        "authors",
    ]
    front = {
        k: line.split(": ", 1)[1] for k, line in zip(keys, lines[1:end], strict=True)
    }
    assert json.loads(front["id"]) == "c4e7a2d9"
    assert json.loads(front["title"]) == "Checkout 5xx after deploy"
    assert (front["kind"], front["severity"], front["status"]) == (
        "incident",
        "SEV2",
        "draft",
    )
    assert json.loads(front["started"]) == "2026-11-26T13:03:00+00:00"
    assert json.loads(front["tags"]) == ["deploy", "payments"]
    assert json.loads(front["authors"])[0] == "Ana (SRE)"  # facilitator first
    assert len(json.loads(front["authors"])) == 5

    assert lines[end + 2] == "# Checkout 5xx after deploy"
    assert section(text, "Summary")[0].startswith("A deploy of api v2.31")
    assert "- **Started:** 2026-11-26 14:03 (Europe/Berlin)" in section(text, "Details")
    assert "- **Duration:** 82 min" in section(text, "Impact")

    # Timeline: local times with the zone named in the header, every event.
    timeline = section(text, "Timeline")
    assert timeline[0] == "| Time (Europe/Berlin) | Source | Marker | What happened |"
    rows = [line for line in timeline[2:] if line.startswith("| ")]
    assert len(rows) == 20
    assert rows[0].startswith("| 2026-11-26 14:03 | deploy | trigger | Deploy of")
    assert rows[6].startswith("| 2026-11-26 14:47 | alert | detection | API 5xx")
    assert rows[14].startswith("| 2026-11-26 15:10 | deploy | mitigation |")
    assert rows[17].startswith("| 2026-11-26 15:25 | alert | resolution |")
    # A leading "#" in user text is escaped; elsewhere it is harmless.
    assert "| \\#payments: " in rows[2]
    assert "- **Time to detect:** 44 min" in timeline
    assert "- **Time to mitigate:** 67 min" in timeline
    assert "- **Time to resolve:** 82 min" in timeline
    assert "- **Detected by:** alert" in timeline

    factors = section(text, "Contributing factors")
    headings = [line for line in factors if line.startswith("**")]
    assert headings == [
        "**Cause: made it worse**",
        "**Detection: made it worse**",
        "**Response: made it worse**",
        "**Response: made it better**",
        "**Resolution: made it better**",
    ]
    assert (
        "- The new saved-cards query ran without a timeout and held DB connections (code)"
        in factors
    )
    assert len([line for line in factors if line.startswith("- ")]) == 7

    whys = section(text, "5 Whys")
    assert whys[0] == "**The API returned 5xx errors for 61 minutes**"
    assert [line.split(".")[0] for line in whys[1:]] == ["1", "2", "3", "4", "5"]
    assert section(text, "Why were we surprised?") == [
        "The API alert fired 44 minutes after customers first reported failures."
    ]
    assert section(text, "Where we got lucky") == [
        "It happened mid-afternoon with the whole payments team online."
    ]
    actions = section(text, "Action items")
    assert actions[0] == "| Action | Owner | Due | Category | Status | Ticket |"
    assert (
        "| Add a 2 s statement timeout to the saved-cards query | Priya | "
        "2026-11-27 | immediate fix | done | PAY-2211 |"
    ) in actions
    assert len(actions) == 2 + 4
    assert text.count(DATA_OPEN) == 1 and text.endswith("\n-->\n")


def test_every_optional_section_appears_when_its_data_exists() -> None:
    text = export_markdown(full_retro("text"))
    review = section(text, "Previous action items reviewed")
    assert review == [
        "| Action | From | Outcome |",
        "|---|---|---|",
        "| text | re000002 | dropped (text) |",
    ]
    spent = section(text, "Time spent")
    assert spent[:2] == ["| Phase | Minutes |", "|---|---|"]
    assert "| Timeline | 21 of 20 min (skipped) |" in spent
    actions = section(text, "Action items")
    assert (
        "| text | text | 2026-12-24 | systemic investment | dropped (text) | text |"
        in actions
    )
    assert "- **Data lost:** yes: text" in section(text, "Impact")
    assert "**Detection: made it better**" in section(text, "Contributing factors")


def test_unknown_metrics_say_so() -> None:
    retro = demo_checkout()
    retro.timeline = [e for e in retro.timeline if e.marker.value != "detection"]
    timeline = section(export_markdown(retro), "Timeline")
    assert "- **Time to detect:** unknown (no detection marker)" in timeline


SUBPROCESS = """
import sys
from datetime import date
from retrotui.demo import build_demo
from retrotui.export.markdown import export_markdown
sys.stdout.buffer.write(export_markdown(build_demo(date(2026, 11, 27))[0]).encode())
"""


def test_the_same_retrospective_gives_the_same_bytes() -> None:
    retro = demo_checkout()
    first = export_markdown(retro)
    assert export_markdown(retro) == first
    assert export_markdown(copy.deepcopy(retro)) == first
    assert export_markdown(from_document(to_document(retro))) == first
    # Another process, another local zone, another hash seed: same bytes.
    env = dict(os.environ, TZ="Pacific/Auckland", PYTHONHASHSEED="123", LC_ALL="C")
    other = subprocess.run(
        [sys.executable, "-c", SUBPROCESS],
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert other.stdout == first.encode("utf-8")
    html = render_html(retro)
    assert render_html(copy.deepcopy(retro)) == html


def test_html_is_a_standalone_print_friendly_page() -> None:
    retro = demo_checkout()
    page = render_html(retro)
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in page
    assert "<title>Checkout 5xx after deploy</title>" in page
    assert "@media print" in page and "<style>" in page
    tags = html_tags(page)
    assert not {"script", "link", "img", "iframe"} & set(tags.tags)
    assert tags.tags["table"] == 2  # timeline, action items
    assert "<h1>Checkout 5xx after deploy</h1>" in page
    # Neither the front matter nor the data block reaches the page.
    assert "retrotui:data" not in page and "schema_version" not in page
    assert "authors:" not in page
    assert renderer("html") is render_html


def test_json_is_the_full_document_with_its_schema_version() -> None:
    retro = full_retro("x <b> | ` \x1b 😀")
    text = to_json(retro)
    document = json.loads(text)
    assert document["schema_version"] == SCHEMA_VERSION
    assert document == to_document(retro)
    assert from_document(document) == retro
    assert text == to_json(copy.deepcopy(retro)) and text.endswith("}\n")
