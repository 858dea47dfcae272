"""An export written as it is read: the same text as `dump_document(to_document(...))`,
item by item, so fifty years of blocks never sit in memory at once.

The long lists (tasks, blocks, enquiries, spend, takings) come in as iterables, read
from the database while the file is written; each item is encoded, checked as the
import will read it (`ImportCheck`, when asked) and written on its line. The order of
the keys, the spaces and the line breaks are those of `json_text.dump_document`, which
tests/test_export_stream.py holds the two to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import Lead, LeadSettings, Source, Spend, Takings
from tradesman.domain.plan import HandOff, Plan
from tradesman.domain.series import SeriesRecord
from tradesman.domain.settings import Settings
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.exchange.codec import (
    JsonObject,
    encode_block,
    encode_hand_off,
    encode_plan,
    encode_rule,
    encode_series,
    encode_settings,
    encode_task,
)
from tradesman.exchange.document import FORMAT_NAME, FORMAT_VERSION
from tradesman.exchange.leads_codec import (
    encode_lead,
    encode_lead_settings,
    encode_source,
    encode_spend,
    encode_takings,
)


class TextOut(Protocol):
    def write(self, text: str, /) -> object: ...


class ItemCheck(Protocol):
    """What checks each item's line as the import will read it (`ImportCheck`)."""

    def check(self, key: str, line: str) -> None: ...


@dataclass(frozen=True)
class ExportParts:
    """A data set as an export reads it: the short parts whole, the long ones as
    iterables taken once, while the file is written. `lead_ids` are the enquiries' ids,
    which tasks name before the enquiries themselves come in the file."""

    settings: Settings
    lead_settings: LeadSettings | None
    plan: Plan | None
    rules: Sequence[TaskRule]
    tasks: Iterable[Task]
    series: Sequence[SeriesRecord]
    blocks: Iterable[TimeBlock]
    hand_offs: Sequence[HandOff]
    sources: Sequence[Source]
    leads: Iterable[Lead]
    spend: Iterable[Spend]
    takings: Iterable[Takings]
    lead_ids: Collection[int | None]


def head_of(parts: ExportParts) -> JsonObject:
    """The values before the lists, in the order `dump_document` writes them."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": {
            **encode_settings(parts.settings),
            **({} if parts.lead_settings is None else encode_lead_settings(parts.lead_settings)),
        },
        "plan": None if parts.plan is None else encode_plan(parts.plan),
    }


def write_document(
    out: TextOut,
    parts: ExportParts,
    check: ItemCheck | None = None,
    step: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Write the document for `parts` to `out`; returns how many items each list had.

    `step` is called after each item written (for a progress bar)."""
    out.write("{\n")
    for key, value in head_of(parts).items():
        out.write(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    lists = _lists(parts)
    counts: dict[str, int] = {}
    for number, (key, items) in enumerate(lists):
        comma = "," if number < len(lists) - 1 else ""
        out.write(f" {json.dumps(key)}: [")
        count = 0
        for item in items:
            line = json.dumps(item, ensure_ascii=False)
            if check is not None:
                check.check(key, line)
            out.write(f"\n  {line}" if count == 0 else f",\n  {line}")
            count += 1
            if step is not None:
                step()
        out.write(f"\n ]{comma}\n" if count else f"]{comma}\n")
        counts[key] = count
    out.write("}\n")
    return counts


def _lists(parts: ExportParts) -> list[tuple[str, Iterator[JsonObject]]]:
    """Each list's key and its items encoded as they are taken, with the file ids of
    `document.to_document`: links name only items the file holds."""
    rule_ids = {rule.id: f"r{rule.id}" for rule in parts.rules}
    # ("src" by their place in the list: see document.to_document.)
    source_ids = {source.id: f"src{n}" for n, source in enumerate(parts.sources, start=1)}
    lead_ids = frozenset(parts.lead_ids)
    # Filled as the tasks and series are written, before the series and blocks that
    # name them come.
    task_ids: set[int | None] = set()
    series_ids: set[int | None] = set()

    def tasks() -> Iterator[JsonObject]:
        for task in parts.tasks:
            task_ids.add(task.id)
            yield encode_task(
                task, f"t{task.id}", rule_ids.get(task.rule_id), source_ids.get(task.source_id),
                _file_id("l", lead_ids, task.lead_id),
            )  # fmt: skip

    def series() -> Iterator[JsonObject]:
        for record in parts.series:
            series_ids.add(record.series.id)
            yield encode_series(
                record, f"s{record.series.id}", _file_id("t", task_ids, record.series.task_id),
                source_ids.get(record.series.source_id),
            )  # fmt: skip

    def blocks() -> Iterator[JsonObject]:
        for block in parts.blocks:
            yield encode_block(
                block, f"b{block.id}", _file_id("t", task_ids, block.task_id),
                _file_id("s", series_ids, block.series_id), source_ids.get(block.source_id),
            )  # fmt: skip

    def leads() -> Iterator[JsonObject]:
        for lead in parts.leads:
            yield encode_lead(lead, f"l{lead.id}", source_ids.get(lead.source_id))

    return [
        ("task_rules", (encode_rule(rule, rule_ids[rule.id]) for rule in parts.rules)),
        ("tasks", tasks()),
        ("series", series()),
        ("blocks", blocks()),
        ("hand_offs", (encode_hand_off(hand_off) for hand_off in parts.hand_offs)),
        ("sources", (encode_source(s, source_ids[s.id]) for s in parts.sources)),
        ("leads", leads()),
        ("spend", (encode_spend(s, source_ids.get(s.source_id)) for s in parts.spend)),
        ("takings", (encode_takings(takings) for takings in parts.takings)),
    ]


def _file_id(prefix: str, ids: Collection[Any], link: int | None) -> str | None:
    """The file id of the item `link` names, when the file holds it (else no link)."""
    return f"{prefix}{link}" if link is not None and link in ids else None
