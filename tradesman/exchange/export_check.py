"""What is exported must import: each line of an export read back as the import reads it.

`document.from_document` checks a whole document at once; an export written as it is
read (document_out.py) cannot hold one, so this checks it piece by piece with the same
decoders and the same sentences: the head (settings and plan) through `from_document`
itself, then every item from its very text as it is written. Links need no look: the
export writes only links to items the file holds, so an item's links are read as
"some item" here. Sources and takings are checked against the earlier ones, as on
import (two sources of one name, one month twice).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from tradesman.domain.leads import LeadSettings, Source, Takings
from tradesman.domain.settings import Settings
from tradesman.domain.validation import InvalidInput
from tradesman.exchange.codec import (
    JsonObject,
    decode_block,
    decode_hand_off,
    decode_rule,
    decode_series,
    decode_task,
)
from tradesman.exchange.document import from_document
from tradesman.exchange.json_text import LIST_KINDS, BadDocument, item_label, load_document
from tradesman.exchange.leads_codec import (
    decode_lead,
    decode_source,
    decode_spend,
    decode_takings,
)

_SOME_ITEM = 0  # what a link is read as: the export links only to items it holds


class ImportCheck:
    """Reads an export's lines back as the import would, raising its `BadDocument`."""

    def __init__(
        self, head: JsonObject, defaults: Settings, lead_defaults: LeadSettings, now: datetime
    ) -> None:
        from_document(
            load_document(json.dumps(head, ensure_ascii=False)), defaults, now, lead_defaults
        )
        self._now = now
        self._positions: Counter[str] = Counter()
        self._sources: list[Source] = []
        self._takings: list[Takings] = []
        self._readers: dict[str, Callable[[Mapping[str, Any]], object]] = {
            "task_rules": decode_rule,
            "tasks": self._task,
            "series": lambda raw: decode_series(raw, _link(raw, "task"), _link(raw, "source")),
            "blocks": lambda raw: decode_block(
                raw, _link(raw, "task"), _link(raw, "series"), _link(raw, "source")
            ),
            "hand_offs": decode_hand_off,
            "sources": self._source,
            "leads": lambda raw: decode_lead(raw, _link(raw, "source")),
            "spend": lambda raw: decode_spend(raw, _link(raw, "source")),
            "takings": self._month,
        }

    def check(self, key: str, line: str) -> None:
        """Read one item of list `key` from its text; BadDocument names it if it fails."""
        position = self._positions[key]
        self._positions[key] += 1
        raw = load_document(line)
        kind = LIST_KINDS[key]
        if not isinstance(raw, dict):
            raise BadDocument(f"{kind} {position + 1} is not an object with named fields.")
        try:
            self._readers[key](raw)
        except InvalidInput as exc:
            label = item_label(kind, position, raw)
            raise BadDocument(f'{label}, field "{exc.field}": {exc.message}') from None

    def _task(self, raw: Mapping[str, Any]) -> object:
        return decode_task(
            raw, self._now, _link(raw, "rule"), _link(raw, "source"), _link(raw, "lead")
        )

    def _source(self, raw: Mapping[str, Any]) -> object:
        source = decode_source(raw, self._sources)
        self._sources.append(source)
        return source

    def _month(self, raw: Mapping[str, Any]) -> object:
        takings = decode_takings(raw, self._takings)
        self._takings.append(takings)
        return takings


def _link(raw: Mapping[str, Any], key: str) -> int | None:
    return None if raw.get(key) is None else _SOME_ITEM
