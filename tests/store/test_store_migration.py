"""Older files are upgraded as they are read and rewritten on the next save."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_helpers import make_retro

from retrotui.model import serialize, to_document
from retrotui.store import Store

Doc = dict[str, Any]


def v1_to_v2(document: Doc) -> Doc:
    """The fake v1 stored the title under `headline`."""
    retro = dict(document["retrospective"])
    retro["title"] = retro.pop("headline")
    return {**document, "retrospective": retro}


def write_v1_file(data_dir: Path) -> tuple[Path, Any]:
    retro = make_retro("Checkout 5xx after deploy")
    with Store(data_dir) as store:
        store.save(retro)  # stamps created/updated
    document = to_document(retro)
    document["schema_version"] = 1
    document["retrospective"]["headline"] = document["retrospective"].pop("title")
    path = data_dir / "retros" / f"{retro.id}.json"
    path.write_text(json.dumps({"retrospective": {"1": document}}), encoding="utf-8")
    return path, retro


def stored_document(path: Path) -> Doc:
    return json.loads(path.read_text(encoding="utf-8"))["retrospective"]["1"]


@pytest.fixture
def schema_v2(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def migration(document: Doc) -> Doc:
        calls.append(document["schema_version"])
        return v1_to_v2(document)

    monkeypatch.setattr(serialize, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(serialize, "MIGRATIONS", {1: migration})
    return calls


def test_old_file_is_upgraded_on_read(
    isolated_data_dir: Path, schema_v2: list[int]
) -> None:
    path, retro = write_v1_file(isolated_data_dir)
    before = path.read_bytes()
    with Store(isolated_data_dir, mode="read") as store:
        # The file changed behind the index, so it was read (and migrated).
        assert store.problems == []
        assert [s.title for s in store.summaries()] == [retro.title]
        assert store.load(retro.id) == retro
    assert schema_v2 and set(schema_v2) == {1}
    # Reading alone never rewrites the file.
    assert path.read_bytes() == before


def test_upgraded_file_is_written_in_the_new_shape_on_save(
    isolated_data_dir: Path, schema_v2: list[int]
) -> None:
    path, retro = write_v1_file(isolated_data_dir)
    with Store(isolated_data_dir) as store:
        loaded = store.load(retro.id)
        assert loaded == retro
        loaded.summary = "edited after the upgrade"
        store.save(loaded)
    document = stored_document(path)
    assert document["schema_version"] == 2
    assert "headline" not in document["retrospective"]
    assert document["retrospective"]["title"] == retro.title
    calls_before = len(schema_v2)
    with Store(isolated_data_dir) as store:
        assert store.load(retro.id).summary == "edited after the upgrade"
    assert len(schema_v2) == calls_before  # no migration needed any more


def test_old_file_without_its_migration_is_a_problem(isolated_data_dir: Path) -> None:
    path, retro = write_v1_file(isolated_data_dir)
    before = path.read_bytes()
    with Store(isolated_data_dir) as store:
        assert retro.id not in store
        assert [p.path for p in store.problems] == [path]
        assert "headline" in str(store.problems[0])
    assert path.read_bytes() == before
