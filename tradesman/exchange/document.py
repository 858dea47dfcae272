"""A whole data set as one JSON document: what `export` writes and `import` reads.

Ids inside a file belong to the file ("t1", "b7", "src3", "l12"): blocks point at tasks
by them, enquiries and marketing work at sources, tasks at enquiries; and
import gives everything new database ids. Reading is all-or-nothing: the first bad
item stops it with a sentence naming the item and the field, before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.imported_appointments import ImportedAppointment
from tradesman.domain.leads import Lead, LeadSettings, Source, Spend, Takings
from tradesman.domain.plan import HandOff, Plan
from tradesman.domain.series import SeriesRecord
from tradesman.domain.settings import Settings
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.domain.validation import InvalidInput, quoted
from tradesman.exchange.codec import (
    JsonObject,
    decode_block,
    decode_hand_off,
    decode_plan,
    decode_rule,
    decode_series,
    decode_settings,
    decode_task,
    encode_block,
    encode_hand_off,
    encode_plan,
    encode_rule,
    encode_series,
    encode_settings,
    encode_task,
)
from tradesman.exchange.json_text import (
    LIST_KINDS,
    BadDocument,
    item_label,
)
from tradesman.exchange.leads_codec import (
    decode_lead,
    decode_lead_settings,
    decode_source,
    decode_spend,
    decode_takings,
    encode_lead,
    encode_lead_settings,
    encode_source,
    encode_spend,
    encode_takings,
)

FORMAT_NAME = "tradesman"
# 2 added repeating series, 3 recurring tasks, 4 the plan and its hand-off list, 5
# whether a task is a customer's job, 6 work coming in (sources, enquiries, spend,
# takings, and the source or enquiry that blocks, series and tasks are for), 7 the
# settings of work coming in (currency, when a quote stands out, the hourly rate) and
# the asks marketing work is marked as ("purpose"), 8 the plan's marketing floor (the
# part of each week's business hours that must be marketing); older files still read.
# (A newer key means a newer version: an older Tradesman would drop it on import
# without a word.)
FORMAT_VERSION = 8


@dataclass(frozen=True)
class DataSet:
    """Settings, tasks, series and blocks, and the work coming in. A block's `task_id`
    and `series_id` (and a series' `task_id`), the `source_id` of anything and a task's
    `lead_id` are the ids of items in this same data set."""

    settings: Settings
    tasks: Sequence[Task] = field(default_factory=tuple)
    blocks: Sequence[TimeBlock] = field(default_factory=tuple)
    series: Sequence[SeriesRecord] = field(default_factory=tuple)
    rules: Sequence[TaskRule] = field(default_factory=tuple)
    plan: Plan | None = None
    hand_offs: Sequence[HandOff] = field(default_factory=tuple)
    sources: Sequence[Source] = field(default_factory=tuple)
    leads: Sequence[Lead] = field(default_factory=tuple)
    spend: Sequence[Spend] = field(default_factory=tuple)
    takings: Sequence[Takings] = field(default_factory=tuple)
    # None: the file did not say (format 6 and older), so the owner's own are kept.
    lead_settings: LeadSettings | None = None
    # Blocks made from a phone calendar (their `block_id`s are of `blocks`). Carried
    # by a backup restored, not by the JSON file: an import of a JSON file starts
    # with none, so a calendar imported again afterwards adds its appointments again.
    imported: Sequence[ImportedAppointment] = field(default_factory=tuple)


def to_document(data: DataSet) -> JsonObject:
    """The JSON document for a data set; items keep the order they are given in."""
    task_ids = {task.id: f"t{task.id}" for task in data.tasks}
    series_ids = {record.series.id: f"s{record.series.id}" for record in data.series}
    rule_ids = {rule.id: f"r{rule.id}" for rule in data.rules}
    # ("src", not "s": series have "s1" already, and a reader should not mix them up.)
    # Sources by their place in the list, not their id in the database: every data file
    # starts with the same ten, so ids there say nothing, and an export of an import then
    # says what the file it came from did.
    source_ids = {source.id: f"src{n}" for n, source in enumerate(data.sources, start=1)}
    lead_ids = {lead.id: f"l{lead.id}" for lead in data.leads}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": {
            **encode_settings(data.settings),
            **({} if data.lead_settings is None else encode_lead_settings(data.lead_settings)),
        },
        "task_rules": [encode_rule(rule, rule_ids[rule.id]) for rule in data.rules],
        "tasks": [
            encode_task(
                task,
                task_ids[task.id],
                rule_ids.get(task.rule_id),
                source_ids.get(task.source_id),
                lead_ids.get(task.lead_id),
            )
            for task in data.tasks
        ],
        "series": [
            encode_series(
                record,
                series_ids[record.series.id],
                task_ids.get(record.series.task_id),
                source_ids.get(record.series.source_id),
            )
            for record in data.series
        ],
        "blocks": [
            encode_block(
                block,
                # (A block not yet saved has no id: its place in the list tells it apart.)
                f"b{block.id}" if block.id is not None else f"b-unsaved-{number}",
                task_ids.get(block.task_id),
                series_ids.get(block.series_id),
                source_ids.get(block.source_id),
            )
            for number, block in enumerate(data.blocks, start=1)
        ],
        "plan": None if data.plan is None else encode_plan(data.plan),
        "hand_offs": [encode_hand_off(hand_off) for hand_off in data.hand_offs],
        "sources": [encode_source(source, source_ids[source.id]) for source in data.sources],
        "leads": [
            encode_lead(lead, lead_ids[lead.id], source_ids.get(lead.source_id))
            for lead in data.leads
        ],
        "spend": [encode_spend(spend, source_ids.get(spend.source_id)) for spend in data.spend],
        "takings": [encode_takings(takings) for takings in data.takings],
    }


def from_document(
    document: Any,
    defaults: Settings,
    now: datetime,
    lead_defaults: LeadSettings | None = None,
    step: Callable[[], None] | None = None,
) -> DataSet:
    """Check a whole document and turn it into a DataSet (items numbered 1, 2, 3, ...).

    `defaults` (and `lead_defaults`, for the settings of work coming in) fill settings
    the file leaves out; `now` is the created time of tasks
    that do not say. Raises BadDocument naming the first bad item and field. `step` is
    called after each item read (for a progress bar; `items_in` counts them).
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise BadDocument('This is not a Tradesman export: it lacks "format": "tradesman".')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BadDocument('The file has no valid "version" number.')
    if version > FORMAT_VERSION:
        shown = quoted(version)[1:-1]  # (a number 400 digits long is cut short)
        raise BadDocument(
            f"The file was written by a newer Tradesman (format version {shown}; this "
            f"version reads up to {FORMAT_VERSION}). Update Tradesman to import it."
        )
    raw_settings = document.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise BadDocument('"settings" must be an object with named values.')
    try:
        settings = decode_settings(raw_settings, defaults)
        lead_settings = decode_lead_settings(raw_settings, lead_defaults or LeadSettings())
    except InvalidInput as exc:
        raise BadDocument(f'Settings, field "{exc.field}": {exc.message}') from None

    source_numbers: dict[str, int] = {}
    sources = [
        source.with_changes(id=number)
        for number, source in _read_items(
            document, "sources", source_numbers, _each_checked_against_earlier(decode_source), step
        )
    ]

    def read_lead(raw: Mapping[str, Any], label: str) -> Lead:
        return decode_lead(raw, _link(raw, "source", source_numbers, label))

    lead_numbers: dict[str, int] = {}
    leads = [
        lead.with_changes(id=number)
        for number, lead in _read_items(document, "leads", lead_numbers, read_lead, step)
    ]

    rule_numbers: dict[str, int] = {}
    rules = [
        rule.with_changes(id=number)
        for number, rule in _read_items(
            document, "task_rules", rule_numbers, lambda raw, _: decode_rule(raw), step
        )
    ]

    def read_task(raw: Mapping[str, Any], label: str) -> Task:
        rule = _link(raw, "rule", rule_numbers, label)
        source = _link(raw, "source", source_numbers, label)
        return decode_task(raw, now, rule, source, _link(raw, "lead", lead_numbers, label))

    task_numbers: dict[str, int] = {}
    tasks = [
        task.with_changes(id=number)
        for number, task in _read_items(document, "tasks", task_numbers, read_task, step)
    ]

    def read_series(raw: Mapping[str, Any], label: str) -> SeriesRecord:
        task = _link(raw, "task", task_numbers, label)
        return decode_series(raw, task, _link(raw, "source", source_numbers, label))

    series_numbers: dict[str, int] = {}
    series = [
        SeriesRecord(record.series.with_changes(id=number), record.made_through, record.skipped)
        for number, record in _read_items(document, "series", series_numbers, read_series, step)
    ]

    def read_block(raw: Mapping[str, Any], label: str) -> TimeBlock:
        task = _link(raw, "task", task_numbers, label)
        series = _link(raw, "series", series_numbers, label)
        return decode_block(raw, task, series, _link(raw, "source", source_numbers, label))

    # (No item links to a block, but a block listed twice is refused as a task is.)
    block_numbers: dict[str, int] = {}
    blocks = [
        block for _, block in _read_items(document, "blocks", block_numbers, read_block, step)
    ]
    hand_offs = [
        hand_off.with_changes(id=number)
        for number, hand_off in _read_items(
            document, "hand_offs", None, lambda raw, _: decode_hand_off(raw), step
        )
    ]

    def read_spend(raw: Mapping[str, Any], label: str) -> Spend:
        return decode_spend(raw, _link(raw, "source", source_numbers, label))

    spend = [
        item.with_changes(id=n)
        for n, item in _read_items(document, "spend", None, read_spend, step)
    ]
    takings = [
        month.with_changes(id=number)
        for number, month in _read_items(
            document, "takings", None, _each_checked_against_earlier(decode_takings), step
        )
    ]
    return DataSet(
        settings, tuple(tasks), tuple(blocks), tuple(series), tuple(rules),
        _read_plan(document), tuple(hand_offs), tuple(sources), tuple(leads), tuple(spend),
        tuple(takings), lead_settings,
    )  # fmt: skip


def items_in(document: Any) -> int:
    """How many items the lists of a document hold (what `from_document` steps through)."""
    if not isinstance(document, dict):
        return 0
    return sum(len(items) for key in LIST_KINDS if isinstance(items := document.get(key), list))


def _each_checked_against_earlier(
    decode: Callable[[Mapping[str, Any], Sequence[_Item]], _Item],
) -> Callable[[Mapping[str, Any], str], _Item]:
    """A reader for `_read_items` that checks each item against those read before it
    (two sources of one name, two takings for one month)."""
    earlier: list[_Item] = []

    def read(raw: Mapping[str, Any], _: str) -> _Item:
        item = decode(raw, earlier)
        earlier.append(item)
        return item

    return read


def _read_plan(document: Mapping[str, Any]) -> Plan | None:
    raw = document.get("plan")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise BadDocument('"plan" must be an object with named values, or null.')
    try:
        return decode_plan(raw)
    except InvalidInput as exc:
        raise BadDocument(f'The plan, field "{exc.field}": {exc.message}') from None


_Item = TypeVar("_Item")


def _read_items(
    document: Mapping[str, Any],
    key: str,
    numbers: dict[str, int] | None,
    read: Callable[[Mapping[str, Any], str], _Item],
    step: Callable[[], None] | None = None,
) -> list[tuple[int, _Item]]:
    """Read every item of one list, numbering them 1, 2, 3...; with `numbers`, also
    note which file id became which number (for the links of later items)."""
    kind = LIST_KINDS[key]
    items = document.get(key, [])
    if not isinstance(items, list):
        raise BadDocument(f'"{key}" must be a list.')
    read_items = []
    for position, raw in enumerate(items):
        if not isinstance(raw, dict):
            raise BadDocument(f"{kind} {position + 1} is not an object with named fields.")
        label = item_label(kind, position, raw)
        try:
            item = read(raw, label)
        except InvalidInput as exc:
            raise BadDocument(f'{label}, field "{exc.field}": {exc.message}') from None
        number = position + 1
        if numbers is not None:
            file_id = _file_id(raw, label)
            if file_id is not None:
                if file_id in numbers:
                    raise BadDocument(
                        f"{label}: the id {quoted(file_id)} is used by an earlier "
                        f"{kind.lower()} too."
                    )
                numbers[file_id] = number
        read_items.append((number, item))
        if step is not None:
            step()
    return read_items


def _link(raw: Mapping[str, Any], key: str, numbers: dict[str, int], label: str) -> int | None:
    """The number of the item that `raw[key]` points at, or None when it points nowhere."""
    reference = raw.get(key)
    if reference is None:
        return None
    number = numbers.get(_reference_key(reference))
    if number is None:
        what = {
            "task": "task", "series": "series", "rule": "recurring task",
            "source": "source of work", "lead": "enquiry",
        }[key]  # fmt: skip
        raise BadDocument(
            f'{label}, field "{key}": the file has no {what} with the id {quoted(reference)}.'
        )
    return number


def _reference_key(reference: object) -> str:
    """Ids may be written as text or numbers; either way, "7" and 7 name the same item."""
    if isinstance(reference, str):
        return reference
    if isinstance(reference, int) and not isinstance(reference, bool):
        return str(reference)
    return repr(reference)  # matches no id, so the caller reports it


def _file_id(raw: Mapping[str, Any], label: str) -> str | None:
    file_id = raw.get("id")
    if file_id is None:
        return None
    if isinstance(file_id, bool) or not isinstance(file_id, str | int):
        raise BadDocument(f'{label}, field "id": an id must be text like "t1".')
    return str(file_id)
