"""The text of an exchange file: JSON written one item per line, and read back with
every break said in words (where the text breaks, a key named twice and where, a number
a float cannot hold) before any field is looked at (document.py reads the fields)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from tradesman.domain.validation import quoted
from tradesman.errors import UserError

JsonObject = dict[str, Any]


# The lists of a document, and what one of their items is called in a sentence.
LIST_KINDS = {
    "sources": "Source",
    "leads": "Enquiry",
    "task_rules": "Recurring task",
    "tasks": "Task",
    "series": "Series",
    "blocks": "Block",
    "hand_offs": "Hand-off",
    "spend": "Spend",
    "takings": "Takings",
}


class BadDocument(UserError):
    """A file to import cannot be used; nothing has been changed."""


def dump_document(document: JsonObject) -> str:
    """JSON text with one task, series or block per line: small, and readable."""
    lines = ["{"]
    head = [(key, value) for key, value in document.items() if not isinstance(value, list)]
    lists = [(key, value) for key, value in document.items() if isinstance(value, list)]
    for key, value in head:
        lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for number, (key, items) in enumerate(lists):
        comma = "," if number < len(lists) - 1 else ""
        if not items:
            lines.append(f" {json.dumps(key)}: []{comma}")
            continue
        lines.append(f" {json.dumps(key)}: [")
        body = [f"  {json.dumps(item, ensure_ascii=False)}" for item in items]
        lines.append(",\n".join(body))
        lines.append(f" ]{comma}")
    if not lists and len(lines) > 1:
        lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def load_document(text: str | bytes) -> Any:
    """Parse JSON text, or raise BadDocument saying where it breaks.

    Refused too, so that what is imported is what the file says: a key named twice in
    one object (a JSON reader keeps one value and silently drops the other). A number
    that a float cannot hold exactly comes back as a Decimal, for the field that reads
    it to refuse with a sentence (see `exact_number`).
    """
    named_twice: list[tuple[str, int, dict[str, Any]]] = []

    def named_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        holder = dict(pairs)
        if len(holder) < len(pairs) and not named_twice:
            counts = Counter(key for key, _ in pairs)
            key, times = next((key, n) for key, n in counts.items() if n > 1)
            named_twice.append((key, times, holder))
        return holder

    try:
        document = json.loads(text, object_pairs_hook=named_once, parse_float=exact_number)
    except UnicodeDecodeError:
        raise BadDocument("The file is not text: it cannot be a Tradesman export.") from None
    except json.JSONDecodeError as exc:
        raise BadDocument(_not_json(exc)) from None
    except RecursionError:
        raise BadDocument("The file is nested too deeply to be a Tradesman export.") from None
    except ValueError:  # a number with thousands of digits, say
        raise BadDocument("The file holds a number too long to be a Tradesman export.") from None
    if named_twice:
        key, times, holder = named_twice[0]
        how_often = "twice" if times == 2 else f"{times} times"
        raise BadDocument(
            f"The file names {quoted(key)} {how_often} {_where(document, holder, key)}."
        )
    return document


def _not_json(exc: json.JSONDecodeError) -> str:
    """Where the file stops being JSON, in words (Python's own words for it, "Expecting
    property name enclosed in double quotes", say nothing to an owner)."""
    if not exc.doc.strip():
        return "The file is empty: it cannot be a Tradesman export."
    # (Cut short: nothing after the place it broke, or a string never closed.)
    if not exc.doc[exc.pos :].strip() or exc.msg.startswith("Unterminated string"):
        return (
            "The file ends too soon: it was cut short (while being copied or saved, "
            "perhaps). Export it again, or use another copy."
        )
    return (
        f"The file is not valid JSON at line {exc.lineno}, column {exc.colno}: it is "
        "damaged, or not a Tradesman export."
    )


def exact_number(text: str) -> float | Decimal:
    """A JSON number with a fraction or an exponent, as a float when the float holds it
    exactly: when writing the float back gives the same number. Otherwise (more digits
    than a float keeps, or too big or too small for one) the number as the file wrote
    it, a Decimal, which no field takes as it is."""
    number = float(text)
    if math.isfinite(number) and Decimal(repr(number)) == Decimal(text):
        return number
    return Decimal(text)


def _where(document: Any, holder: dict[str, Any], key: str) -> str:
    """Where `holder` sits in the document, in words: 'in block 12 (id "b7")'."""
    path = _path_to(document, holder) or []
    if not path:
        return "at the top level"
    head, rest = "", path
    if path[0] in ("settings", "plan"):
        head, rest = f"in the {path[0]}", path[1:]
    elif path[0] in LIST_KINDS and len(path) > 1 and isinstance(path[1], int):
        item = _value_at(document, path[:2])
        # (An item whose own id is named twice is not labelled by either of them.)
        named = item if isinstance(item, dict) and (item is not holder or key != "id") else {}
        label = item_label(LIST_KINDS[str(path[0])], path[1], named)
        head, rest = f"in {label[0].lower()}{label[1:]}", path[2:]
    steps = [f"item {step + 1}" if isinstance(step, int) else quoted(step) for step in rest]
    inside = "inside " + ", ".join(steps) if steps else ""
    return ", ".join(part for part in (head, inside) if part)


def _path_to(document: Any, target: object) -> list[str | int] | None:
    """The keys and positions that lead from the top of `document` to `target`."""
    # Without recursion: a file may nest as deeply as the JSON reader allows.
    waiting: list[tuple[Any, list[str | int]]] = [(document, [])]
    while waiting:
        value, path = waiting.pop()
        if value is target:
            return path
        if isinstance(value, dict):
            waiting.extend((inner, [*path, key]) for key, inner in value.items())
        elif isinstance(value, list):
            waiting.extend((inner, [*path, index]) for index, inner in enumerate(value))
    return None


def _value_at(document: Any, path: Sequence[str | int]) -> Any:
    for step in path:
        document = document[step]
    return document


def item_label(kind: str, position: int, raw: Mapping[str, Any]) -> str:
    """'Block 12 (id "b7")': the position counts from 1, as a person would."""
    file_id = raw.get("id")
    if isinstance(file_id, str | int) and not isinstance(file_id, bool):
        return f"{kind} {position + 1} (id {quoted(file_id)})"
    return f"{kind} {position + 1}"
