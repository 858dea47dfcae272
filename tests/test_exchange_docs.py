"""docs/exchange-format.md's example is what the app writes today (issue 12, item 24)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tradesman.domain.settings import Settings
from tradesman.exchange.document import FORMAT_VERSION, from_document, to_document
from tradesman.exchange.json_text import dump_document

DOC = Path(__file__).parent.parent / "docs" / "exchange-format.md"


def example() -> dict[str, Any]:
    found = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert found is not None
    document: dict[str, Any] = json.loads(found.group(1))
    return document


def test_the_example_is_the_current_version_and_reads() -> None:
    document = example()
    assert document["version"] == FORMAT_VERSION
    from_document(document, Settings(), datetime(2026, 11, 20, tzinfo=UTC))


def test_the_example_has_every_key_the_app_writes_and_no_other() -> None:
    document = example()
    read = from_document(document, Settings(), datetime(2026, 11, 20, tzinfo=UTC))
    written = json.loads(dump_document(to_document(read)))  # in the order the file has
    assert list(document) == list(written)
    assert set(document["settings"]) == set(written["settings"])
    assert set(document["plan"]) == set(written["plan"])
    for key, items in written.items():
        if isinstance(items, list):
            assert items, f"the example shows no {key}"
            for shown, made in zip(document[key], items, strict=True):
                assert list(shown) == list(made), key
