"""`retrotui export` and `retrotui import-markdown` as users run them:
`python -m retrotui ...` in a subprocess against a library seeded in-process."""

from __future__ import annotations

import copy
import json
import os
from datetime import date
from pathlib import Path

from cli_runner import assert_error, ok, run, run_all

from retrotui.demo import build_demo
from retrotui.export.html import render as render_html
from retrotui.export.markdown import export_markdown
from retrotui.model import Retrospective, Status
from retrotui.model.serialize import to_document
from retrotui.store import Store

DEMO_DAY = date(2026, 11, 27)
NAMES = {
    "c4e7a2d9": "2026-11-26-checkout-5xx-after-deploy",
    "5ea4c1b0": "2026-10-17-search-index-rebuild-stalled",
    "9b3f07e1": "2026-08-23-near-miss-partner-api-certificate-nearly-expired",
}


def seed(data_dir: Path, *retros: Retrospective) -> list[Retrospective]:
    """Save copies; returns them as stored (with their timestamps)."""
    with Store(data_dir, mode="write") as store:
        for retro in retros:
            store.save(copy.deepcopy(retro))
        return [store.load(r.id) for r in retros]


def seed_demo(data_dir: Path) -> list[Retrospective]:
    return seed(data_dir, *build_demo(DEMO_DAY))


def mtimes(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


# -- one retrospective -------------------------------------------------------------
def test_export_writes_each_format_to_stdout(isolated_data_dir: Path) -> None:
    checkout = seed_demo(isolated_data_dir)[0]
    default, md, html, as_json, by_prefix = run_all(
        ["export", "c4e7a2d9"],
        ["export", "c4e7a2d9", "--format", "md"],
        ["export", "c4e7a2d9", "--format", "html"],
        ["export", "c4e7a2d9", "--format", "json"],
        ["export", "c4e7"],
    )
    assert ok(default) == export_markdown(checkout)
    assert default.stderr == ""
    assert ok(md) == ok(by_prefix) == default.stdout
    assert ok(html) == render_html(checkout)
    document = json.loads(ok(as_json))
    assert document["schema_version"] == 1
    assert document == to_document(checkout)


def test_export_to_a_file(isolated_data_dir: Path, tmp_path: Path) -> None:
    checkout = seed_demo(isolated_data_dir)[0]
    target = tmp_path / "out" / "postmortem.html"
    target.parent.mkdir()
    result = run("export", "c4e7a2d9", "--format", "html", "-o", str(target))
    assert ok(result) == ""
    assert str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == render_html(checkout)
    md = tmp_path / "out" / "postmortem.md"
    ok(run("export", "c4e7a2d9", "--output", str(md)))
    assert md.read_bytes() == export_markdown(checkout).encode("utf-8")


def test_export_refuses_bad_ids_and_misused_options(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    seed_demo(isolated_data_dir)
    unknown, nothing, both, all_json, bad_format = run_all(
        ["export", "ffff"],
        ["export"],
        ["export", "c4e7a2d9", "--all", str(tmp_path / "x")],
        ["export", "--all", str(tmp_path / "y"), "--format", "json"],
        ["export", "c4e7a2d9", "--format", "pdf"],
    )
    assert_error(unknown, "'ffff'")
    assert_error(nothing, "ID", "--all")
    assert_error(both, "--all")
    assert_error(all_json, "json")
    assert_error(bad_format, "pdf")
    assert all(r.stdout == "" for r in (unknown, nothing, both, all_json))
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_export_into_an_unwritable_path_is_one_line(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    # Tests may run as root, so "unwritable" is a path under a regular file.
    seed_demo(isolated_data_dir)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine\n")
    target = blocker / "postmortem.md"
    into_file, into_dir = run_all(
        ["export", "c4e7a2d9", "-o", str(target)],
        ["export", "c4e7a2d9", "-o", str(tmp_path)],
    )
    assert_error(into_file, str(target))
    assert_error(into_dir, str(tmp_path))
    assert into_file.stdout == ""
    assert blocker.read_text() == "mine\n"


# -- the whole library -------------------------------------------------------------
def test_export_all_twice_writes_nothing_the_second_time(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    stored = seed_demo(isolated_data_dir)
    folder = tmp_path / "site"
    first = ok(run("export", "--all", str(folder)))
    assert first.strip() == (
        f"Exported 3 retrospectives to {folder}: 4 files written, 0 unchanged."
    )
    expected = {f"{name}.md" for name in NAMES.values()} | {"index.md"}
    assert {p.name for p in folder.iterdir()} == expected
    for retro in stored:
        written = (folder / f"{NAMES[retro.id]}.md").read_text(encoding="utf-8")
        assert written == export_markdown(retro)
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Incident library\n")
    # Newest first, each linking to its file.
    links = [f"]({NAMES[r.id]}.md)" for r in stored]
    assert [index.index(link) for link in links] == sorted(
        index.index(link) for link in links
    )
    before = mtimes(folder)

    second = ok(run("export", "--all", str(folder)))
    assert "0 files written, 4 unchanged" in second
    assert mtimes(folder) == before
    assert {p.name for p in folder.iterdir()} == expected


def test_export_all_as_html(isolated_data_dir: Path, tmp_path: Path) -> None:
    stored = seed_demo(isolated_data_dir)
    folder = tmp_path / "site"
    assert "4 files written" in ok(
        run("export", "--all", str(folder), "--format", "html")
    )
    assert {p.name for p in folder.iterdir()} == {
        f"{name}.html" for name in NAMES.values()
    } | {"index.html"}
    assert (folder / f"{NAMES['c4e7a2d9']}.html").read_text(
        encoding="utf-8"
    ) == render_html(stored[0])
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert f'href="{NAMES["5ea4c1b0"]}.html"' in index
    assert "0 files written" in ok(
        run("export", "--all", str(folder), "--format", "html")
    )


def test_a_changed_retrospective_rewrites_only_its_file_and_the_index(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    stored = seed_demo(isolated_data_dir)
    folder = tmp_path / "site"
    ok(run("export", "--all", str(folder)))
    # Old timestamps, so a rewrite shows even on a coarse clock.
    for path in folder.iterdir():
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = mtimes(folder)

    search = stored[1]
    search.status = Status.REVIEWED  # shown in the index too
    search.summary += " Updated after the review."
    seed(isolated_data_dir, search)
    result = ok(run("export", "--all", str(folder)))
    assert "2 files written, 2 unchanged" in result
    after = mtimes(folder)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {f"{NAMES['5ea4c1b0']}.md", "index.md"}

    # A change the index does not show rewrites only the one file.
    search.summary += " Again."
    seed(isolated_data_dir, search)
    assert "1 files written, 3 unchanged" in ok(run("export", "--all", str(folder)))


def test_a_retitled_retrospective_still_has_one_file(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    stored = seed_demo(isolated_data_dir)
    folder = tmp_path / "site"
    ok(run("export", "--all", str(folder)))
    stored[1].title = "Search index rebuild stalled on a full disk"
    seed(isolated_data_dir, stored[1])
    ok(run("export", "--all", str(folder)))
    assert len(list(folder.iterdir())) == 4


def test_export_all_into_a_file_is_refused(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    seed_demo(isolated_data_dir)
    blocker = tmp_path / "site"
    blocker.write_text("not a folder\n")
    assert_error(run("export", "--all", str(blocker)), str(blocker))
    assert blocker.read_text() == "not a folder\n"


# -- import-markdown -----------------------------------------------------------------
def exported_folder(data_dir: Path, folder: Path) -> list[Path]:
    seed_demo(data_dir)
    ok(run("export", "--all", str(folder)))
    return sorted(folder.iterdir())


def shown(data_dir: Path, *ids: str) -> list[dict]:
    results = run_all(
        *(["--data-dir", str(data_dir), "show", retro_id, "--json"] for retro_id in ids)
    )
    return [json.loads(ok(result)) for result in results]


def test_import_of_an_exported_library_gives_the_same_documents(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    files = exported_folder(isolated_data_dir, tmp_path / "site")
    fresh = tmp_path / "fresh"
    result = run("--data-dir", str(fresh), "import-markdown", *map(str, files))
    out = ok(result)
    assert result.stderr == ""
    assert "index.md: skipped" in out
    assert out.count(": imported ") == 3
    ids = list(NAMES)
    assert shown(fresh, *ids) == shown(isolated_data_dir, *ids)

    again = run("--data-dir", str(fresh), "import-markdown", *map(str, files))
    assert ok(again).count("unchanged") == 3
    assert shown(fresh, *ids) == shown(isolated_data_dir, *ids)


def test_a_file_not_in_the_format_is_named_with_its_line_and_skipped(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    files = exported_folder(isolated_data_dir, tmp_path / "site")
    good = [f for f in files if f.name != "index.md"]
    notes = tmp_path / "notes.md"
    notes.write_text("# Our notes\n\nNot from retrotui.\n")
    edited = tmp_path / "edited.md"
    lines = good[0].read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("## Impact"))
    lines.insert(number - 1, "Added in the wiki.")
    edited.write_text("\n".join(lines), encoding="utf-8")
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"---\n\xff\xfe\x00")
    missing = tmp_path / "missing.md"

    fresh = tmp_path / "fresh"
    result = run(
        "--data-dir",
        str(fresh),
        "import-markdown",
        str(notes),
        str(good[1]),
        str(edited),
        str(binary),
        str(missing),
        str(good[2]),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 4
    assert all(line.startswith("retrotui: error: ") for line in errors)
    assert str(notes) in errors[0] and "line 1:" in errors[0]
    assert "nothing imported" in errors[0]
    assert str(edited) in errors[1] and f"line {number}:" in errors[1]
    assert str(binary) in errors[2] and "UTF-8" in errors[2]
    assert str(missing) in errors[3]
    assert result.stdout.count(": imported ") == 2
    with Store(fresh, mode="read") as store:
        imported = sorted(s.id for s in store.summaries())
    id_of = {f"{name}.md": retro_id for retro_id, name in NAMES.items()}
    assert imported == sorted([id_of[good[1].name], id_of[good[2].name]])
    assert id_of[good[0].name] not in imported  # the edited copy of it


def test_a_differing_retrospective_is_replaced_only_with_replace(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    files = exported_folder(isolated_data_dir, tmp_path / "site")
    checkout_file = next(f for f in files if f.name.startswith(NAMES["c4e7a2d9"]))
    original = shown(isolated_data_dir, "c4e7a2d9")[0]
    with Store(isolated_data_dir, mode="write") as store:
        changed = store.load("c4e7a2d9")
        changed.summary = "Rewritten since the export."
        store.save(changed)
    changed_doc = shown(isolated_data_dir, "c4e7a2d9")[0]

    refused = run("import-markdown", str(checkout_file))
    assert_error(refused, str(checkout_file), "c4e7a2d9", "--replace")
    assert shown(isolated_data_dir, "c4e7a2d9")[0] == changed_doc

    replaced = run("import-markdown", "--replace", str(checkout_file))
    assert "imported c4e7a2d9" in ok(replaced)
    assert shown(isolated_data_dir, "c4e7a2d9")[0] == original
