"""Hostile input: whatever is typed or imported is kept exactly, or refused in one sentence.

Three kinds of attack on the data promises:
- any text at all in every text field (markup, control characters, right-to-left text
  and its override marks, emoji, 10,000 characters, broken Unicode): it is stored and
  read back as it was typed (titles and names without their outer spaces), and comes
  back the same through export and import; or it is refused with a sentence and
  nothing is stored;
- any JSON at all, and valid exports with one thing broken, given to import: the file
  imports whole, or nothing changes and one sentence says why;
- dates and times at the edges (midnight, DST change days, 29 February, New Year,
  ISO week 53): the week's split matches sums done by hand, before and after a round
  trip through a file, and on the command line.

Lone surrogates (half of a UTF-16 pair, which a paste from a broken source can carry)
cannot be written as UTF-8, so no file or database can hold them: the app refuses
them with a sentence, wherever they come from.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli, without_ids, write_json
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import SEEDED_SOURCES, LeadSettings, Source
from tradesman.domain.plan import HandOff, HandOffWay, Plan
from tradesman.domain.purposes import Purpose
from tradesman.domain.series import Series
from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import InvalidInput
from tradesman.domain.weeks import Week, parse_week, week_containing
from tradesman.errors import UserError
from tradesman.exchange.document import DataSet, from_document, to_document
from tradesman.exchange.leads_codec import LEAD_SETTING_KEYS
from tradesman.paths import prepare_data_folder
from tradesman.services import edits, plan, task_edits
from tradesman.services.export_file import export_text, export_to_file
from tradesman.services.lead_settings import default_lead_settings, save_lead_settings
from tradesman.services.plan_rows import all_hand_offs
from tradesman.services.series import attached_blocks
from tradesman.services.settings import default_settings, load_settings, save_settings
from tradesman.services.summary import week_split
from tradesman.services.task_rules import all_rules
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store, open_store
from tradesman.store.reads import blocks_from, dbapi_connection
from tradesman.store.series_rows import all_records
from tradesman.store.tables import TASKS

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() splits on
LONGEST_SENTENCE = 400


@contextmanager
def fresh_store() -> Iterator[tuple[Store, Path]]:
    """A new, empty data file in a folder of its own (hypothesis runs many examples)."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(prepare_data_folder(Path(folder) / "data"))
        try:
            yield store, Path(folder)
        finally:
            store.close()


def everything(store: Store) -> str:
    """The whole data file as its export says it: the "before and after" of every test."""
    return export_text(store, None)[0]


def backups(store: Store) -> list[str]:
    return sorted(p.name for p in store.backups.iterdir()) if store.backups.exists() else []


def assert_one_sentence(message: str) -> None:
    """What the owner reads: one short line of plain words, not a traceback."""
    assert message.strip(), "an empty message"
    assert not any(mark in message for mark in LINE_BREAKS), f"more than one line: {message!r}"
    assert len(message) <= LONGEST_SENTENCE, f"{len(message)} characters: {message[:120]!r}..."
    assert message.endswith((".", ".)")), message
    assert "Traceback" not in message, message
    message.encode("utf-8")  # no broken Unicode in the message itself


# ---------------------------------------------------------------------------------------
# Any text in every text field
# ---------------------------------------------------------------------------------------

SPECIMENS = [
    "<b>Bold</b> & <i>brave</i>",
    "&amp; &lt;tag&gt; &#x41;",
    "x<y>z",
    "<script>alert(1)</script>",
    "Robert'); DROP TABLE block;--",
    "%s %d {0} {title} \\N \\n $HOME",
    "null",
    "\"quoted\" 'single' `back`",
    "שלום עולם",  # Hebrew
    "مرحبا بالعالم",  # Arabic
    "\u202eevif\u202c kitchen",  # right-to-left override, then pop
    "\u202dleft\u202c",  # left-to-right override
    "\u200fמטבח\u200e Patel",  # right-to-left and left-to-right marks
    "👩‍🔧 plumber 🔧🪛",  # zero-width joiner sequence
    "🏳️‍🌈🇬🇧",
    "e\u0301 cafe\u0301",  # combining accent
    "\u0301",  # only a combining mark
    "\u200b",  # zero-width space only: shows nothing
    "\ufeffBOM at the start",
    "\u00a0non-breaking\u00a0",
    "  padded  ",
    "\t",
    "",
    " ",
    "two\nlines",
    "windows\r\nline",
    "old mac\rline",
    "line\u2028separator",
    "para\u2029graph",
    "next\x85line",
    "nul\x00byte",
    "bell\x07",
    "delete\x7f",
    "escape\x1b[31mred",
    "half \ud800 a pair",  # lone surrogates
    "\udfff",
    "\U0010ffff private \ue000",
    "non\ufffecharacter\uffff",
    "Дерево – Ξύλο – 木",
    "x" * 200,
    "x" * 201,
    " " + "x" * 200 + " ",
    "x" * 10_000,
    "notes\n" * 3000,
    "y" * 20_000,
    "y" * 20_001,
]

HOSTILE_TEXT = st.one_of(
    st.sampled_from(SPECIMENS),
    st.lists(st.sampled_from(SPECIMENS[:40]), min_size=1, max_size=4).map("".join),
    st.text(max_size=30),
    st.text(
        st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp", "Mn", "Lo", "So"]),
        max_size=12,
    ),
    st.builds(
        lambda piece, count: piece * count,
        st.sampled_from(["ab ", "👩‍🔧", "ש", "\n", " ", "<b>"]),
        st.integers(0, 10_500),
    ),
)


def _shows(char: str) -> bool:
    return unicodedata.category(char)[0] not in "ZC"


def plain(text: str) -> bool:
    """Text anyone might type: letters, digits, marks, punctuation, symbols, spaces and
    invisible formatting (bidi marks, joiners); no line breaks, controls or broken halves."""
    return all(
        unicodedata.category(c)[0] in "LMNPS" or unicodedata.category(c) in ("Zs", "Cf", "Co")
        for c in text
    )


@dataclass(frozen=True)
class TextField:
    name: str
    kind: str  # "title", "notes" or "name": the rules it follows
    save: Callable[[Store, str], None]
    read: Callable[[Store], str | None]  # None: nothing stored


DAY_OF_TITLE, DAY_OF_NOTES = date(2026, 11, 23), date(2026, 11, 24)


def _one(values: list[str]) -> str | None:
    assert len(values) <= 1, values
    return values[0] if values else None


def _save_block(day: date, field: str) -> Callable[[Store, str], None]:
    def save(store: Store, text: str) -> None:
        block = TimeBlock(day, 7 * 60, 9 * 60, Area.PRODUCTION, "Kitchen").with_changes(
            **{field: text}
        )
        with store.writing() as session:
            edits.add_blocks(session, [block])

    return save


def _read_block(day: date, field: str) -> Callable[[Store], str | None]:
    def read(store: Store) -> str | None:
        with store.reading() as session:
            blocks = blocks_from(dbapi_connection(session), day, day)
        return _one([getattr(b, field) for b in blocks if b.series_id is None])

    return read


def _save_task(area: Area, field: str) -> Callable[[Store, str], None]:
    def save(store: Store, text: str) -> None:
        with store.writing() as session:
            task_edits.add_tasks(session, [Task("Quote", area).with_changes(**{field: text})])

    return save


def _read_task(area: Area, field: str) -> Callable[[Store], str | None]:
    def read(store: Store) -> str | None:
        with store.reading() as session:
            tasks = TASKS.all(session)
        return _one([getattr(t, field) for t in tasks if t.area is area and t.rule_id is None])

    return read


def _save_setting(field: str) -> Callable[[Store, str], None]:
    def save(store: Store, text: str) -> None:
        with store.writing() as session:
            save_settings(session, load_settings(session, None).with_changes(**{field: text}))

    return save


def _read_setting(field: str) -> Callable[[Store], str | None]:
    def read(store: Store) -> str | None:
        with store.reading() as session:
            value: str = getattr(load_settings(session, None), field)
        return value

    return read


def _save_series(area: Area, field: str) -> Callable[[Store, str], None]:
    def save(store: Store, text: str) -> None:
        first = date(2026, 12, 1) if area is Area.MARKETING else date(2026, 12, 2)
        series = Series("Newsletter", area, 6 * 60, 7 * 60, frozenset({first.weekday()}), first)
        with store.writing() as session:
            edits.add_series(session, series.with_changes(until=first, **{field: text}), TODAY)

    return save


def _read_series(area: Area, field: str) -> Callable[[Store], str | None]:
    def read(store: Store) -> str | None:
        with store.reading() as session:
            records = all_records(session)
        return _one([getattr(r.series, field) for r in records if r.series.area is area])

    return read


def _save_rule(area: Area, field: str) -> Callable[[Store, str], None]:
    def save(store: Store, text: str) -> None:
        rule = TaskRule("Chase invoices", area, Every.MONTHS, 1, date(2027, 3, 1))
        with store.writing() as session:
            task_edits.add_rule(session, rule.with_changes(**{field: text}), TODAY)

    return save


def _read_rule(area: Area, field: str) -> Callable[[Store], str | None]:
    def read(store: Store) -> str | None:
        with store.reading() as session:
            rules = all_rules(session)
        return _one([getattr(r, field) for r in rules if r.area is area])

    return read


def _save_hand_off(store: Store, text: str) -> None:
    with store.writing() as session:
        plan.add_hand_off(session, HandOff(text, Area.ADMIN, HandOffWay.SUBCONTRACT, 120))


def _read_hand_off(store: Store) -> str | None:
    with store.reading() as session:
        return _one([h.title for h in all_hand_offs(session)])


TEXT_FIELDS = [
    TextField("block title", "title", _save_block(DAY_OF_TITLE, "title"), _read_block(DAY_OF_TITLE, "title")),
    TextField("block notes", "notes", _save_block(DAY_OF_NOTES, "notes"), _read_block(DAY_OF_NOTES, "notes")),
    TextField("task title", "title", _save_task(Area.SALES, "title"), _read_task(Area.SALES, "title")),
    TextField("task notes", "notes", _save_task(Area.ADMIN, "notes"), _read_task(Area.ADMIN, "notes")),
    TextField("business name", "name", _save_setting("business_name"), _read_setting("business_name")),
    TextField("owner name", "name", _save_setting("owner_name"), _read_setting("owner_name")),
    TextField("series title", "title", _save_series(Area.MARKETING, "title"), _read_series(Area.MARKETING, "title")),
    TextField("series notes", "notes", _save_series(Area.ADMIN, "notes"), _read_series(Area.ADMIN, "notes")),
    TextField("task rule title", "title", _save_rule(Area.SALES, "title"), _read_rule(Area.SALES, "title")),
    TextField("task rule notes", "notes", _save_rule(Area.ADMIN, "notes"), _read_rule(Area.ADMIN, "notes")),
    TextField("hand-off title", "title", _save_hand_off, _read_hand_off),
]  # fmt: skip


def kept_as(kind: str, text: str) -> str:
    """How a value is kept: titles and names lose their outer spaces, notes stay as typed."""
    return text if kind == "notes" else text.strip()


def check_kept(field: TextField, text: str, kept: str | None) -> None:
    """What the rules for each kind of field promise, whatever the app's own checks say.
    `kept` is what was stored, None when the text was refused."""
    shown = f"{field.name} {text[:60]!r}"
    if kept is None:
        if field.kind == "title" and plain(text.strip()) and 1 <= len(text.strip()) <= 200:
            assert not any(map(_shows, text.strip())), f"{shown}: a plain title was refused"
        if field.kind == "notes" and plain(text.replace("\n", "").replace("\t", "")):
            assert len(text) > 20_000, f"{shown}: plain notes were refused"
        if field.kind == "name" and plain(text.strip()):
            assert len(text.strip()) > 200, f"{shown}: a plain name was refused"
        return
    assert kept == kept_as(field.kind, text), f"{shown} came back as {kept[:60]!r}"
    kept.encode("utf-8")  # never broken Unicode in the file
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in kept), shown
    if field.kind == "notes":
        assert len(kept) <= 20_000, shown
        return
    assert not any(mark in kept for mark in LINE_BREAKS), f"{shown}: a one-line field kept a break"
    assert len(kept) <= 200, shown
    if field.kind == "title":
        assert any(map(_shows, kept)), f"{shown}: a title that shows nothing"


@settings(
    max_examples=70,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=HOSTILE_TEXT)
def test_any_text_in_any_field_is_kept_exactly_through_export_and_import_or_refused_in_a_sentence(
    text: str,
) -> None:
    with fresh_store() as (store, folder):
        found: dict[str, str | None] = {}
        for field in TEXT_FIELDS:
            before = everything(store)
            try:
                field.save(store, text)
            except InvalidInput as exc:
                assert_one_sentence(exc.message)
                assert everything(store) == before, f"{field.name}: refused, but something changed"
                check_kept(field, text, None)
            else:
                check_kept(field, text, field.read(store))
            found[field.name] = field.read(store)
        exported = folder / "export.json"
        export_to_file(store, exported, None)
        first = everything(store)
        import_from_file(store, exported, None, NOW)
        assert without_ids(json.loads(everything(store))) == without_ids(json.loads(first))
        for field in TEXT_FIELDS:
            assert field.read(store) == found[field.name], f"{field.name} changed on the way"


@pytest.mark.parametrize("broken", ["\ud800", "Kitchen \udc00 Patel", "\udfff\udbff"])
def test_broken_unicode_is_refused_with_a_sentence_wherever_it_comes_from(
    store: Store, tmp_path: Path, broken: str
) -> None:
    """A lone surrogate is refused: typed into a field, or written into a file as \\ud800."""
    for field in TEXT_FIELDS:
        with pytest.raises(InvalidInput) as typed:
            field.save(store, broken)
        assert_one_sentence(typed.value.message)
    before = everything(store)
    doc = {"format": "tradesman", "version": 4, "blocks": [
        {"date": "2026-11-23", "start": "07:00", "end": "08:00", "area": "sales", "title": "Quote", "notes": broken}
    ]}  # fmt: skip
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="ascii")  # json writes "\ud800" as an escape
    with pytest.raises(UserError) as imported:
        import_from_file(store, path, None, NOW)
    assert_one_sentence(imported.value.message)
    assert "broken characters" in imported.value.message
    assert everything(store) == before


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("\ud800", "The title contains broken characters that cannot be saved."),
        ("\x00", "The title cannot contain line breaks or control characters."),
        ("\x1b\x07", "The title cannot contain line breaks or control characters."),
        ("\u200b", "Give it a title."),  # invisible, but nothing wrong with it
        ("  ", "Give it a title."),
    ],
)
def test_a_title_of_broken_or_control_characters_is_told_what_is_wrong_with_it(
    store: Store, title: str, said: str
) -> None:
    """Not "Give it a title": there is something in it, and it cannot be saved."""
    with pytest.raises(InvalidInput) as refused, store.writing() as session:
        edits.add_blocks(session, [TimeBlock(TODAY, 420, 480, Area.SALES, title)])
    assert refused.value.message == said


def test_broken_notes_are_refused_in_good_english(store: Store) -> None:
    with pytest.raises(InvalidInput) as refused, store.writing() as session:
        task_edits.add_tasks(session, [Task("Quote", Area.SALES, notes="Patel \udc00")])
    assert refused.value.message == "The notes contain broken characters that cannot be saved."


# ---------------------------------------------------------------------------------------
# Any JSON given to import
# ---------------------------------------------------------------------------------------


def seed_everything(store: Store) -> None:
    """A small data set with one of everything, every link and every optional field."""
    with store.writing() as session:
        save_settings(
            session,
            Settings(business_name="Oak & Sons", owner_name="Sam", week_start=WeekStart.SUNDAY),
        )
        save_lead_settings(session, LeadSettings("EUR", stale_quote_days=21, hourly_rate=4550))
        rule = task_edits.add_rule(
            session, TaskRule("VAT return", Area.ADMIN, Every.WEEKDAY_OF_MONTH, 3, date(2026, 11, 1), 90, nth=-1, weekday=4), TODAY
        ).after_rules[0]  # fmt: skip
        tasks = task_edits.add_tasks(session, [
            Task("Fit kitchen", Area.PRODUCTION, TaskStatus.DOING, date(2026, 11, 27), 600, "Bring the level"),
            Task("Ask for a review", Area.MARKETING, TaskStatus.DONE, created=NOW, completed=NOW, purpose=Purpose.REVIEW_ASK),
            Task("Send quote", Area.SALES, rule_id=rule.id),
        ]).after_tasks  # fmt: skip
        series = edits.add_series(session, Series(
            "Newsletter", Area.MARKETING, 6 * 60, 7 * 60, frozenset({1, 3}), date(2026, 11, 24),
            every_weeks=2, until=date(2026, 12, 31), notes="Photos first", task_id=tasks[1].id,
            purpose=Purpose.REVIEW_ASK,
        ), TODAY).after_series[0].series  # fmt: skip
        made = edits.add_blocks(session, [
            TimeBlock(date(2026, 11, 23), 0, 5, Area.ADMIN, "Midnight check"),
            TimeBlock(date(2026, 11, 23), 7 * 60, 12 * 60, Area.PRODUCTION, "Kitchen", "Patel",
                      BlockStatus.DONE, 290, tasks[0].id),
            TimeBlock(date(2026, 11, 29), 23 * 60 + 55, 24 * 60, Area.SALES, "Late call", status=BlockStatus.SKIPPED),
        ]).after_blocks  # fmt: skip
    assert len(made) == 3
    with store.writing() as session:  # the series leaves one of its days empty
        edits.delete_occurrence(session, attached_blocks(session, series.id or 0)[1].id or 0)
        plan.save_plan(session, Plan(date(2026, 11, 29), 26, 0.4, 45 * 60, 0.2))
        plan.add_hand_off(session, HandOff("Bookkeeping", Area.ADMIN, HandOffWay.DELEGATE, 180))
        plan.add_hand_off(
            session, HandOff("Tiling", Area.PRODUCTION, HandOffWay.SUBCONTRACT, done=True)
        )


@pytest.fixture(scope="module")
def valid_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = open_store(prepare_data_folder(tmp_path_factory.mktemp("valid") / "data"))
    try:
        seed_everything(store)
        document: dict[str, Any] = json.loads(everything(store))
    finally:
        store.close()
    for key in ("task_rules", "tasks", "series", "blocks", "hand_offs"):
        assert document[key], f"the valid export has no {key}"
    assert document["plan"] and document["series"][0]["skipped"]
    return document


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)
SECTIONS = ["settings", "task_rules", "tasks", "series", "blocks", "plan", "hand_offs"]
EDGY_VALUES = st.one_of(
    JSON,
    st.sampled_from([
        None, True, 0, -1, 1, 10**400, -(10**400), 1e308, -1e308, float("inf"), float("nan"),
        0.1, 59.99, "2026-02-29", "2028-02-29", "1899-12-31", "0001-01-01", "9999-12-31",
        "24:00", "23:55", "00:00", "07:03", "t1", "s1", "r1", "b1", "monday", "sunday", "done",
        "planned", "weekday_of_month", "production", [], {}, ["monday"], ["2026-11-24"],
        "2026-11-23T09:00:00+14:00", "2026-11-23T09:00:00",
    ]),
    st.sampled_from(SPECIMENS),  # text that is long, on two lines, broken, right to left
)  # fmt: skip


def import_says(store: Store, path: Path) -> str | None:
    """Import `path`; None if it imported, else the sentence, after checking that a
    refused import changed nothing and left no new backup."""
    before, saved = everything(store), backups(store)
    try:
        import_from_file(store, path, None, NOW)
    except UserError as exc:
        assert_one_sentence(exc.message)
        assert everything(store) == before, f"a refused import changed the data: {exc.message}"
        assert backups(store) == saved
        return exc.message
    return None


def imported_whole(store: Store, document: Any, before: Mapping[str, Any]) -> None:
    """After an import, the data is exactly what the file said (ids aside); `before`: the
    export the store held, whose settings of work coming in stay if the file names none."""
    read = from_document(document, default_settings(None), NOW, default_lead_settings(None))
    expected = to_document(read)
    if read.lead_settings is None:
        expected["settings"].update({key: before["settings"][key] for key in LEAD_SETTING_KEYS})
    if not expected.get("sources"):  # a file from before sources: the list a new file starts with
        seeded = [Source(name, kind, id=n) for n, (name, kind) in enumerate(SEEDED_SOURCES, 1)]
        expected["sources"] = to_document(DataSet(default_settings(None), sources=seeded))[
            "sources"
        ]
    for task in expected["tasks"]:  # a done task without a finish time is finished now,
        if task["status"] == "done" and task["completed"] is None:
            task["completed"] = NOW.isoformat(timespec="seconds")
        elif task["status"] != "done":  # and a task not done has not been finished
            task["completed"] = None
    found = without_ids(json.loads(everything(store)))
    wanted = without_ids(expected)
    by_content = lambda item: json.dumps(item, sort_keys=True)  # noqa: E731
    for key in ("blocks", "hand_offs"):
        found[key], wanted[key] = (
            sorted(found[key], key=by_content),
            sorted(wanted[key], key=by_content),
        )
    assert found == wanted


@pytest.fixture
def store_with_everything(store: Store, valid_export: dict[str, Any], tmp_path: Path) -> Store:
    import_from_file(store, write_json(tmp_path / "valid.json", valid_export), None, NOW)
    return store


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.one_of(
        JSON,
        st.fixed_dictionaries(
            {"format": st.just("tradesman"), "version": st.integers(0, 5)},
            optional={key: JSON for key in SECTIONS},
        ),
        st.fixed_dictionaries(
            {"format": st.just("tradesman"), "version": st.just(4)},
            optional={key: st.lists(st.dictionaries(st.sampled_from(
                ["id", "title", "area", "date", "start", "end", "status", "task", "series", "rule", "weekdays",
                 "first_day", "first_due", "every", "weeks", "hours_a_week", "target_business_share", "way"]
            ), EDGY_VALUES, max_size=8), max_size=2) for key in SECTIONS},
        ),
    )
)  # fmt: skip
def test_any_json_imports_whole_or_changes_nothing_and_says_why(
    store_with_everything: Store, valid_export: dict[str, Any], tmp_path: Path, value: Any
) -> None:
    store = store_with_everything
    path = tmp_path / "any.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    said = import_says(store, path)
    event("imported" if said is None else "refused")
    if said is None:
        imported_whole(store, json.loads(path.read_text(encoding="utf-8")), valid_export)
        import_from_file(store, write_json(tmp_path / "back.json", valid_export), None, NOW)


def value_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where every value in a JSON document sits: ("blocks", 2, "title") and so on."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from value_paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from value_paths(inner, (*prefix, index))


def value_at(document: Any, where: tuple[Any, ...]) -> Any:
    for step in where:
        document = document[step]
    return document


def mutated(document: dict[str, Any], where: tuple[Any, ...], how: str, new: Any) -> Any:
    """A copy of `document` with the value at `where` replaced, removed or cut short."""
    copy = json.loads(json.dumps(document))
    if not where:
        return new
    *parents, last = where
    holder = copy
    for step in parents:
        holder = holder[step]
    if how == "remove" and isinstance(holder, dict):
        del holder[last]
    elif how == "remove":
        holder.pop(last)
    elif how == "truncate" and isinstance(holder[last], list | str):
        holder[last] = holder[last][: len(holder[last]) // 2]
    elif how == "duplicate" and isinstance(holder[last], list) and holder[last]:
        holder[last] = holder[last] + holder[last][-1:]
    else:
        holder[last] = new
    return copy


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_valid_export_with_one_thing_broken_imports_whole_or_changes_nothing(
    store_with_everything: Store, valid_export: dict[str, Any], tmp_path: Path, data: st.DataObject
) -> None:
    store = store_with_everything
    every_path = list(value_paths(valid_export))
    leaves = [p for p in every_path if not isinstance(value_at(valid_export, p), dict | list)]
    where = data.draw(st.sampled_from(leaves) | st.sampled_from(every_path), label="where")
    how = data.draw(
        st.sampled_from(["replace", "replace", "remove", "truncate", "duplicate"]), label="how"
    )
    new = data.draw(EDGY_VALUES, label="new") if how == "replace" else None
    document = mutated(valid_export, where, how, new)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="ascii")  # broken Unicode as \ud800
    said = import_says(store, path)
    event("imported" if said is None else "refused")
    if said is None:
        imported_whole(store, json.loads(path.read_text(encoding="ascii")), valid_export)
        import_from_file(store, write_json(tmp_path / "back.json", valid_export), None, NOW)
        return
    # The sentence names the item and the field that is wrong, in the file's own words.
    section, depth = (where or ("",))[0], 2 if where[:1] in (("settings",), ("plan",)) else 3
    if len(where) < depth or where[depth - 1] == "id":
        return  # a whole item, or an id that other items point at: said in other words
    item = valid_export[section] if depth == 2 else valid_export[section][where[1]]
    assert KINDS[section] in said, said
    named = said.split('field "')[1].split('"')[0] if 'field "' in said else None
    assert named is None or named in item, f"{said!r} names a field the file does not have"


KINDS = {
    "settings": "Settings", "task_rules": "Recurring task", "tasks": "Task", "series": "Series",
    "blocks": "Block", "plan": "The plan", "hand_offs": "Hand-off", "sources": "Source",
    "leads": "Enquiry", "spend": "Spend", "takings": "Takings",
}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda doc: doc["blocks"][0].update(area="plumbing\n" + "x" * 10_000), "is not an area"),
        (lambda doc: doc["plan"].update(hours_a_week=1e308), "hours"),
        (
            lambda doc: doc["settings"].update(target_business_share=10**400),
            "target business share",
        ),
    ],
    ids=["a ten-thousand-character area with a line break", "an endless week", "a huge share"],
)
def test_the_command_line_refuses_a_hostile_file_in_one_line_and_changes_nothing(
    tmp_path: Path,
    valid_export: dict[str, Any],
    change: Callable[[dict[str, Any]], None],
    said: str,
) -> None:
    data = tmp_path / "data"
    store = open_store(prepare_data_folder(data))
    import_from_file(store, write_json(tmp_path / "valid.json", valid_export), None, NOW)
    before, saved = everything(store), backups(store)
    store.close()
    document = json.loads(json.dumps(valid_export))
    change(document)
    result = run_cli("import", write_json(tmp_path / "hostile.json", document), data_dir=data)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("tradesman: Nothing was imported from hostile.json.")
    assert result.stderr.count("\n") == 1 and said in result.stderr, result.stderr
    assert "bug" not in result.stderr, result.stderr
    store = open_store(prepare_data_folder(data))
    try:
        assert everything(store) == before and backups(store) == saved
    finally:
        store.close()


@pytest.mark.parametrize(
    ("section", "change", "said"),
    [
        ("plan", {"hours_a_week": 0.5}, 'The plan, field "hours_a_week": The hours in a week must be between 1 and 100.'),
        ("plan", {"target_business_share": 1.5}, 'The plan, field "target_business_share": The target share must be between 0 % and 100 %.'),
        ("plan", {"typed_baseline": -0.1}, 'The plan, field "typed_baseline": Where you stand today must be'),
        ("plan", {"marketing_floor": 1.5}, 'The plan, field "marketing_floor": The marketing part of the business hours must be between 0 % and 100 %.'),
        ("plan", {"marketing_floor": "half"}, 'The plan, field "marketing_floor": "marketing_floor" must be a number from 0 to 1.'),
        ("series", {"first_day": "1899-12-26"}, 'Series 1 (id "s1"), field "first_day": 1899-12-26 is too far'),
        ("task_rules", {"first_due": "1899-12-26"}, 'Recurring task 1 (id "r1"), field "first_due": 1899-12-26 is too far'),
        # Imported, such a rule would fail at every start: its next task is due in year 5.
        ("task_rules", {"next_due": "0005-01-01"}, 'Recurring task 1 (id "r1"), field "next_due": 0005-01-01 is too far'),
    ],
)  # fmt: skip
def test_a_refused_import_names_the_field_as_the_file_writes_it(
    store_with_everything: Store,
    valid_export: dict[str, Any],
    tmp_path: Path,
    section: str,
    change: dict[str, Any],
    said: str,
) -> None:
    document = json.loads(json.dumps(valid_export))
    (document[section] if section == "plan" else document[section][0]).update(change)
    message = import_says(store_with_everything, write_json(tmp_path / "named.json", document))
    assert message is not None and said in message, message


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (
            "plumbing\n" + "x" * 10_000,
            '"plumbing\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not an area',
        ),
        ("\u202eevif\u202c", '"\\u202eevif\\u202c" is not an area'),  # no text turned right to left
        ("\ud800", '"\\ud800" is not an area'),
        ({"area": ["sales"]}, "\"{'area': ['sales']}\" is not an area"),
        (10**400, '"1000000000000000000000000000000000000000…" is not an area'),
    ],
    ids=["long, on two lines", "right-to-left override", "broken", "an object", "a huge number"],
)
def test_a_bad_value_is_repeated_short_on_one_line_and_as_it_reads(
    valid_export: dict[str, Any], value: Any, shown: str
) -> None:
    document = json.loads(json.dumps(valid_export))
    document["blocks"][0]["area"] = value
    with pytest.raises(UserError) as refused:
        from_document(document, Settings(), NOW)
    assert_one_sentence(refused.value.message)
    assert shown in refused.value.message


def test_a_hand_off_without_its_way_is_told_the_way_is_missing(
    valid_export: dict[str, Any],
) -> None:
    document = json.loads(json.dumps(valid_export))
    del document["hand_offs"][0]["way"]
    with pytest.raises(UserError) as refused:
        from_document(document, Settings(), NOW)
    assert refused.value.message == 'Hand-off 1, field "way": "way" is missing.'


def test_files_saved_with_a_byte_order_mark_or_as_utf16_import(
    store: Store, tmp_path: Path
) -> None:
    """Windows editors save JSON like this; it is still the same JSON."""
    document = {"format": "tradesman", "version": 4, "blocks": [
        {"date": "2026-11-23", "start": "07:00", "end": "08:00", "area": "sales", "title": "שלום 👋"}
    ]}  # fmt: skip
    text = json.dumps(document, ensure_ascii=False)
    for name, data in (
        ("bom.json", b"\xef\xbb\xbf" + text.encode()),
        ("utf16.json", text.encode("utf-16")),
    ):
        (tmp_path / name).write_bytes(data)
        assert import_from_file(store, tmp_path / name, None, NOW).counts.blocks == 1
        assert json.loads(everything(store))["blocks"][0]["title"] == "שלום 👋"


def test_a_file_name_with_a_line_break_still_gets_a_one_line_refusal(tmp_path: Path) -> None:
    path = tmp_path / "quote\nfor Patel.json"
    path.write_text('{"format": "tradesman", "version": 4, "blocks": [{}]}', encoding="utf-8")
    store = open_store(prepare_data_folder(tmp_path / "data"))
    try:
        with pytest.raises(UserError) as refused:
            import_from_file(store, path, None, NOW)
    finally:
        store.close()
    assert_one_sentence(refused.value.message)


# ---------------------------------------------------------------------------------------
# Dates and times at the edges
# ---------------------------------------------------------------------------------------

EDGE_DAYS = [
    date(2026, 3, 29), date(2026, 10, 25),  # Europe: clocks go forward, back (Sundays)
    date(2026, 3, 8), date(2026, 11, 1),  # United States: forward, back (Sundays)
    date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1),  # a leap day
    date(2026, 12, 27), date(2026, 12, 28), date(2026, 12, 31),  # ISO week 53 of 2026
    date(2027, 1, 1), date(2027, 1, 3), date(2027, 1, 4),
]  # fmt: skip
EDGE_TIMES = [
    (0, 5), (0, 60), (0, 1440), (1435, 1440), (1380, 1440), (1435 - 5, 1435),
    (7 * 60, 9 * 60),  # 2 h by the wall clock, even on the day the clocks change
    (60, 3 * 60), (115, 185),  # across the hour that is skipped or repeated
]  # fmt: skip


@st.composite
def edge_blocks(draw: st.DrawFn) -> TimeBlock:
    start, end = draw(st.sampled_from(EDGE_TIMES))
    status = draw(st.sampled_from(list(BlockStatus)))
    actual = draw(st.none() | st.integers(0, 1440)) if status is BlockStatus.DONE else None
    return TimeBlock(
        draw(st.sampled_from(EDGE_DAYS)), start, end, draw(st.sampled_from(list(Area))),
        draw(st.sampled_from(["Boiler", "Invoices – Q1", "📞 call"])), status=status,
        actual_minutes=actual,
    )  # fmt: skip


def split_by_hand(blocks: list[TimeBlock], week: Week) -> dict[str, dict[str, int]]:
    """Minutes per area the long way: planned counts every block's clock time; actual
    counts done blocks, at the time they really took when it was written down."""
    planned = dict.fromkeys((a.value for a in Area), 0)
    actual = dict.fromkeys((a.value for a in Area), 0)
    for block in blocks:
        if not week.start <= block.day <= week.start + timedelta(days=6):
            continue
        planned[block.area.value] += block.end - block.start
        if block.status is BlockStatus.DONE:
            took = block.actual_minutes
            actual[block.area.value] += block.end - block.start if took is None else took
    return {"planned": planned, "actual": actual}


def split_found(store: Store, week: Week) -> dict[str, dict[str, int]]:
    with store.reading() as session:
        split = week_split(session, week)
    return {
        side: {area.value: getattr(split, side).minutes(area) for area in Area}
        for side in ("planned", "actual")
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    blocks=st.lists(edge_blocks(), min_size=1, max_size=12),
    week_start=st.sampled_from(list(WeekStart)),
)
def test_the_split_of_weeks_at_the_edges_of_the_calendar_matches_sums_done_by_hand(
    blocks: list[TimeBlock], week_start: WeekStart
) -> None:
    weeks = sorted({week_containing(block.day, week_start) for block in blocks})
    with fresh_store() as (store, folder):
        with store.writing() as session:
            edits.add_blocks(session, blocks)
        for week in weeks:
            assert split_found(store, week) == split_by_hand(blocks, week), week
        export_to_file(store, folder / "edges.json", None)
        import_from_file(store, folder / "edges.json", None, NOW)
        for week in weeks:
            assert split_found(store, week) == split_by_hand(blocks, week), f"{week} after import"


def test_2026_has_a_week_53_that_crosses_the_new_year_and_2027_has_none() -> None:
    assert parse_week("2026-W53", WeekStart.MONDAY) == Week(date(2026, 12, 28))
    assert parse_week("2026-W53", WeekStart.SUNDAY) == Week(date(2026, 12, 27))
    assert parse_week("2026-12-31", WeekStart.MONDAY).iso_name == "2026-W53"
    assert parse_week("2027-01-03", WeekStart.MONDAY).iso_name == "2026-W53"
    assert parse_week("2027-01-04", WeekStart.MONDAY).iso_name == "2027-W01"
    assert Week(date(2026, 12, 28)).label == "Week 53 · 28 Dec 2026 – 3 Jan 2027"
    for missing in ("2027-W53", "2026-W54", "2026-W00"):
        with pytest.raises(ValueError, match="has no week"):
            parse_week(missing, WeekStart.MONDAY)


EDGE_WEEK_FILE = {
    "format": "tradesman", "version": 4, "settings": {"week_start": "monday"}, "tasks": [],
    "blocks": [
        # Week 53 of 2026: Monday 28 Dec to Sunday 3 Jan, over New Year's midnight.
        {"date": "2026-12-28", "start": "00:00", "end": "00:05", "area": "admin", "title": "First five minutes", "status": "done"},
        {"date": "2026-12-31", "start": "23:55", "end": "24:00", "area": "marketing", "title": "New Year post", "status": "done"},
        {"date": "2027-01-01", "start": "00:00", "end": "00:05", "area": "marketing", "title": "Reply", "status": "done", "actual_minutes": 30},
        {"date": "2027-01-01", "start": "07:00", "end": "09:00", "area": "production", "title": "Burst pipe", "status": "done"},
        {"date": "2027-01-03", "start": "00:00", "end": "24:00", "area": "production", "title": "Whole Sunday"},
        {"date": "2026-12-27", "start": "23:55", "end": "24:00", "area": "sales", "title": "Sunday before", "status": "done"},
        {"date": "2027-01-04", "start": "00:00", "end": "00:05", "area": "sales", "title": "Monday after", "status": "done"},
        # The days the clocks change: a 07:00-09:00 block is two hours all the same.
        {"date": "2026-03-29", "start": "00:00", "end": "03:00", "area": "production", "title": "Night shift", "status": "done"},
        {"date": "2026-03-29", "start": "07:00", "end": "09:00", "area": "sales", "title": "Quote", "status": "done"},
        {"date": "2026-10-25", "start": "01:00", "end": "02:00", "area": "admin", "title": "Twice an hour?", "status": "done"},
        {"date": "2026-03-08", "start": "07:00", "end": "09:00", "area": "marketing", "title": "US spring", "status": "done"},
        {"date": "2026-11-01", "start": "01:00", "end": "03:00", "area": "production", "title": "US fall", "status": "done"},
        # 29 February 2028, a Tuesday.
        {"date": "2028-02-29", "start": "23:55", "end": "24:00", "area": "admin", "title": "Leap day", "status": "done"},
    ],
}  # fmt: skip


def hours(production: int, marketing: int, sales: int, admin: int) -> dict[str, Any]:
    """What `summary --json` says for these minutes: hours to 2 places, share to 4."""
    business, total = marketing + sales + admin, production + marketing + sales + admin
    return {
        "production": round(production / 60, 2), "marketing": round(marketing / 60, 2),
        "sales": round(sales / 60, 2), "admin": round(admin / 60, 2),
        "technician": round(production / 60, 2), "business": round(business / 60, 2),
        "business_share": None if total == 0 else round(business / total, 4),
    }  # fmt: skip


EDGE_WEEKS = [
    # Week 53: 5 min admin, 5 + 5 min marketing (the Reply took 30), 2 h + 24 h production
    # of which the 2 h were done; the Sunday before and the Monday after stay out.
    ("2026-W53", "Europe/London", hours(1560, 10, 0, 5), hours(120, 35, 0, 5)),
    ("2026-W13", "Europe/Berlin", hours(180, 0, 120, 0), hours(180, 0, 120, 0)),  # 23-29 Mar
    ("2026-W43", "Europe/London", hours(0, 0, 0, 60), hours(0, 0, 0, 60)),  # 19-25 Oct
    ("2026-W10", "America/New_York", hours(0, 120, 0, 0), hours(0, 120, 0, 0)),  # 2-8 Mar
    ("2026-W44", "America/Chicago", hours(120, 0, 0, 0), hours(120, 0, 0, 0)),  # 26 Oct-1 Nov
    ("2028-W09", "Australia/Lord_Howe", hours(0, 0, 0, 5), hours(0, 0, 0, 5)),  # 28 Feb-5 Mar
]  # fmt: skip


def test_summary_json_at_the_edges_matches_the_hours_worked_out_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    store = open_store(prepare_data_folder(data))
    try:
        import_from_file(store, write_json(tmp_path / "edges.json", EDGE_WEEK_FILE), None, NOW)
    finally:
        store.close()
    for week, zone, planned, actual in EDGE_WEEKS:
        monkeypatch.setenv("TZ", zone)  # the local clock changes nothing: times are wall clock
        result = run_cli("summary", "--week", week, "--json", data_dir=data)
        assert result.returncode == 0, result.stderr
        found = json.loads(result.stdout)
        monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
        sunday = monday + timedelta(days=6)
        assert (found["week_start"], found["week_end"]) == (str(monday), str(sunday)), week
        assert (found["planned"], found["actual"]) == (planned, actual), week
