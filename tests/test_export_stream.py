"""The export written as it is read: the same bytes as the whole-document writer, and
nothing kept from data that would not import back."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from helpers import benchmark_generator, orm_writing, write_json
from test_exchange_leads import full_data_set

from tradesman.errors import UserError
from tradesman.exchange.document import to_document
from tradesman.exchange.json_text import dump_document
from tradesman.paths import DataPaths
from tradesman.services.data_set import read_data_set, replace_data_set
from tradesman.services.export_file import export_text, export_to_file, export_to_stream
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store


def whole_document_bytes(store: Store, locale_name: str | None) -> bytes:
    """The export as it was made before it was streamed: the whole document in memory."""
    with store.reading() as session:
        data = read_data_set(session, locale_name)
    return dump_document(to_document(data)).encode("utf-8")


def test_an_empty_data_file_exports_the_same_bytes(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "empty.json"
    export_to_file(store, target, "en_GB")
    assert target.read_bytes() == whole_document_bytes(store, "en_GB")
    assert b'"tasks": [],\n' in target.read_bytes()


def test_a_year_of_generated_weeks_exports_the_same_bytes(store: Store, tmp_path: Path) -> None:
    source = write_json(
        tmp_path / "year.json", benchmark_generator().build_document(1, date(2026, 6, 1), 3)
    )
    import_from_file(store, source, "en_GB")
    target = tmp_path / "year-out.json"
    counts = export_to_file(store, target, "en_GB")
    expected = whole_document_bytes(store, "en_GB")
    assert target.read_bytes() == expected
    assert counts.blocks > 2000 and counts.tasks > 500 and counts.leads > 50
    assert export_text(store, "en_GB")[0].encode("utf-8") == expected


def test_every_kind_of_item_and_link_exports_the_same_bytes(store: Store, tmp_path: Path) -> None:
    with orm_writing(store) as session:  # (rules, plan, hand-offs, series, enquiries, money…)
        replace_data_set(session, full_data_set(), datetime(2026, 11, 20, tzinfo=UTC))
    target = tmp_path / "full.json"
    export_to_file(store, target, None)
    assert target.read_bytes() == whole_document_bytes(store, None)
    pipe = io.BytesIO()
    export_to_stream(store, pipe, None)
    assert pipe.getvalue() == target.read_bytes()


def _a_block_that_would_not_import(store: Store, paths: DataPaths, tmp_path: Path) -> None:
    source = write_json(tmp_path / "one.json", {
        "format": "tradesman", "version": 1,
        "blocks": [{"date": "2026-11-26", "start": "09:00", "end": "11:00", "area": "admin",
                    "title": "Books"}],
    })  # fmt: skip
    import_from_file(store, source, None)
    db = sqlite3.connect(paths.database)  # (a bell in a title: the database takes it)
    with db:
        db.execute("UPDATE block SET title = 'Bo\aoks'")
    db.close()


def test_data_that_would_not_import_back_leaves_the_file_as_it_was(
    store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    _a_block_that_would_not_import(store, paths, tmp_path)
    target = tmp_path / "out" / "kept.json"
    target.parent.mkdir()
    target.write_bytes(b"the export of last week")
    with pytest.raises(UserError) as refused:
        export_to_file(store, target, None)
    assert refused.value.message.startswith(
        'Nothing was exported: your data would not import back (Block 1 (id "b1"), field '
        '"title": The title cannot contain line breaks or control characters.)'
    )
    assert target.read_bytes() == b"the export of last week"
    assert [p.name for p in target.parent.iterdir()] == ["kept.json"]  # (no temporary file)


def test_a_pipe_gets_nothing_from_data_that_would_not_import_back(
    store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    _a_block_that_would_not_import(store, paths, tmp_path)
    pipe = io.BytesIO()
    with pytest.raises(UserError, match="would not import back"):
        export_to_stream(store, pipe, None)
    assert pipe.getvalue() == b""


def test_the_export_tells_its_progress_up_to_the_end(store: Store, tmp_path: Path) -> None:
    source = write_json(
        tmp_path / "year.json", benchmark_generator().build_document(1, date(2026, 6, 1), 4)
    )
    import_from_file(store, source, None)
    heard: list[float] = []
    export_to_file(store, tmp_path / "out.json", None, heard.append)
    assert heard == sorted(heard) and 20 <= len(heard) <= 110
    assert heard[-1] == pytest.approx(1.0)
    heard.clear()
    export_to_stream(store, io.BytesIO(), None, heard.append)  # (checked, then written)
    assert heard == sorted(heard) and heard[-1] == pytest.approx(1.0)
