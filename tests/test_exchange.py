"""The JSON exchange format: what a file must say, and the sentences for what it gets wrong."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from helpers import orm_writing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus
from tradesman.domain.settings import Settings, WeekStart
from tradesman.exchange.document import DataSet, from_document, to_document
from tradesman.exchange.json_text import BadDocument, dump_document, load_document

if TYPE_CHECKING:
    from tradesman.store.database import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def document(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "format": "tradesman",
        "version": 1,
        "settings": {"business_name": "Oak & Sons", "week_start": "sunday"},
        "tasks": [
            {"id": "t1", "title": "Ask Mrs Patel for a review", "area": "marketing", "due": "2026-11-27"}
        ],
        "blocks": [
            {"id": "b1", "date": "2026-11-23", "start": "07:00", "end": "12:00",
             "area": "production", "title": "Kitchen job", "status": "done", "actual_minutes": 300},
            {"id": "b2", "date": "2026-11-24", "start": "13:00", "end": "14:00",
             "area": "marketing", "title": "Photos", "task": "t1"},
        ],
    }  # fmt: skip
    base.update(changes)
    return base


def read(doc: Any) -> DataSet:
    return from_document(doc, Settings(), NOW)


def test_a_minimal_version_1_file_reads_with_defaults() -> None:
    data = read(document())
    assert data.settings.business_name == "Oak & Sons"
    assert data.settings.week_start is WeekStart.SUNDAY
    assert data.settings.day_start == 7 * 60  # not in the file: the default
    task = data.tasks[0]
    assert (task.id, task.area, task.due, task.created) == (
        1,
        Area.MARKETING,
        date(2026, 11, 27),
        NOW,
    )
    first, second = data.blocks
    assert first.status is BlockStatus.DONE and first.actual_minutes == 300
    assert second.task_id == 1 and second.status is BlockStatus.PLANNED


def test_write_then_read_gives_the_same_data() -> None:
    data = read(document())
    again = read(json.loads(dump_document(to_document(data))))
    assert again == data


def block_with(**fields: Any) -> dict[str, Any]:
    first = document()["blocks"][0]
    return document(blocks=[{**first, **fields}])


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"format": "other"}, 'This is not a Tradesman export: it lacks "format": "tradesman".'),
        (document(version=99), "newer Tradesman (format version 99"),
        (document(version="1"), 'no valid "version"'),
        (block_with(area="marketting"), 'Block 1 (id "b1"), field "area": "marketting" is not an area'),
        (block_with(end="06:00"), 'Block 1 (id "b1"), field "end": The end time (06:00) is before'),
        (block_with(start="07:00", end="07:00"), "no length"),
        (block_with(date="2026-02-30"), 'field "date": "2026-02-30" is not a date'),
        (block_with(start=700), 'field "start": "start" must be a time of day'),
        (block_with(title=""), 'field "title": Give it a title.'),
        (block_with(task="t9"), 'field "task": the file has no task with the id "t9"'),
        (block_with(status="finished"), '"finished" is not a status'),
        (block_with(actual_minutes=True), '"actual_minutes" must be a whole number'),
        (document(tasks=[{"id": "t1", "title": "A", "area": "sales"}] * 2), 'the id "t1" is used by an earlier task'),
        (document(blocks=[document()["blocks"][0]] * 2), 'Block 2 (id "b1"): the id "b1" is used by an earlier block'),
        (document(tasks=[{"id": "t1", "title": "A", "area": "sales", "estimate_minutes": -5}]), 'Task 1 (id "t1"), field "estimate_minutes"'),
        (document(settings={"target_business_share": 1.5}), 'Settings, field "target_business_share": The target business share must be between 0 and 100 %.'),
        (document(settings={"week_start": "friday"}), '"friday" is not a week_start'),
        (document(blocks={"b1": {}}), '"blocks" must be a list.'),
        (document(blocks=[["a list"]]), "Block 1 is not an object with named fields."),
    ],
)  # fmt: skip
def test_bad_documents_name_the_item_and_field(doc: Any, message: str) -> None:
    with pytest.raises(BadDocument) as caught:
        read(doc)
    assert message in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "tradesman", "blocks": [', "The file ends too soon: it was cut short"),
        ('{"format": "tradesman", "blocks": [}', "not valid JSON at line 1, column 36"),
        ("", "The file is empty: it cannot be a Tradesman export."),
        (" \n", "The file is empty"),
        (b"\x80\x81 not utf-8", "not text"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_text_is_refused_in_plain_words(text: str | bytes, message: str) -> None:
    with pytest.raises(BadDocument, match=re.escape(message)):
        load_document(text)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    ["date", "start", "end", "area", "title", "status", "actual_minutes", "task", "notes", "id"]
)


@settings(max_examples=300, deadline=None)
@given(field=FIELDS, value=JSON)
def test_any_value_in_any_block_field_is_read_or_refused_with_a_sentence(
    field: str, value: Any
) -> None:
    doc = block_with(**{field: value})
    try:
        data = read(doc)
    except BadDocument as exc:
        assert exc.message.startswith(("Block 1", "Settings", "Task"))
    else:
        assert len(data.blocks) == 1  # it was good after all: it reads whole


@settings(max_examples=200, deadline=None)
@given(value=JSON)
def test_any_document_at_all_is_read_or_refused_with_a_sentence(value: Any) -> None:
    try:
        read(value)
    except BadDocument as exc:
        assert exc.message and "\n" not in exc.message


ITEM_FIELDS = st.sampled_from(
    ["title", "area", "status", "due", "estimate_minutes", "notes", "created", "completed", "id"]
)
EDGY = st.one_of(
    JSON,
    st.sampled_from(
        [
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-05:00",
            "2024-02-29",
            "2026-02-29",
            "24:00",
            "23:55",
            "",
            "\u2028",
            "x" * 201,
            10**30,
            -1,
            0,
            "AT&T <b>",
            "Дерево",
        ]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.one_of(FIELDS, ITEM_FIELDS), value=EDGY, where=st.sampled_from(["tasks", "blocks"]))
def test_whatever_the_reader_accepts_saves_whole(
    store: Store, field: str, value: Any, where: str
) -> None:
    """No file may pass the checks and then fail on the way into the database."""
    from tradesman.services.data_set import read_data_set, replace_data_set

    doc = document()
    doc[where][0] = {**doc[where][0], field: value}
    try:
        data = read(doc)
    except BadDocument:
        return
    with orm_writing(store) as session:
        replace_data_set(session, data, NOW)
    with store.reading() as session:
        saved = read_data_set(session, None)
    assert [b.title for b in saved.blocks] == [b.title for b in data.blocks]
    assert [t.title for t in saved.tasks] == [t.title for t in data.tasks]
