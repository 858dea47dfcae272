"""Reading one value out of an exchange file: a text, a time of day, a date, a number.

Each reader checks the value it takes and raises `InvalidInput` naming the field, with
a sentence a person can act on ("…is not a date; write it like "2026-11-23"."), so the
readers of whole items (codec.py) only say which keys an item has.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from tradesman.domain.clock import parse_clock
from tradesman.domain.money import MINOR_PER_MAJOR, MOST_MINOR, NOT_A_NUMBER, TOO_MUCH
from tradesman.domain.plan import LONGEST_WEEK_MINUTES
from tradesman.domain.validation import InvalidInput, quoted
from tradesman.domain.weeks import MAX_YEAR, MIN_YEAR

_Choice = TypeVar("_Choice", bound=StrEnum)
_Item = TypeVar("_Item")


def in_file_words(check: Callable[[_Item], _Item], item: _Item, fields: Mapping[str, str]) -> _Item:
    """`check(item)`, with the field its InvalidInput names put in the file's words."""
    try:
        return check(item)
    except InvalidInput as exc:
        if exc.field not in fields:
            raise
        raise InvalidInput(fields[exc.field], exc.message) from None


def whole_minutes(hours: float) -> int:
    """The hours of a week as the whole minutes a plan keeps; InvalidInput when they are
    not whole minutes, rather than rounding them. The hours written for whole minutes
    are exactly what `encode_plan` writes, so the app's own files always read back."""
    if not 0 <= hours <= LONGEST_WEEK_MINUTES / 60:
        return -1  # (maybe too big even to count in minutes): check_plan refuses it in words
    minutes = round(hours * 60)
    if minutes / 60 == hours:
        return minutes
    exact = Decimal(repr(hours)) * 60  # (what the file wrote, as decimals, not floats)
    low, high = math.floor(hours * 4) / 4, math.ceil(hours * 4) / 4
    raise InvalidInput(
        "hours_a_week",
        f"{hours!r} hours is {exact.normalize():f} minutes, but a plan keeps whole minutes; "
        f"write the hours to the quarter hour, such as {low:g} or {high:g}.",
    )


def number(raw: Mapping[str, Any], key: str, wrong: str) -> float | None:
    """The number at `key` (None when missing), kept exactly as the file writes it;
    `wrong` is the sentence for a value that is not a number at all."""
    value = raw.get(key)
    if value is None:
        return None
    # load_document leaves a number a float would change as a Decimal (one too big for
    # a float is simply not a number we could use).
    if isinstance(value, Decimal) and math.isfinite(float(value)):
        shown = quoted(str(value).lower())[1:-1]  # (cut short at hundreds of digits)
        raise InvalidInput(
            key,
            f"{shown} has more digits than Tradesman can keep; "
            f"the nearest number it keeps is {float(value)!r}.",
        )
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(_as_float(value))
    ):
        raise InvalidInput(key, wrong)
    return float(value)


def _as_float(number: int | float) -> float:
    """The number as a float; infinite when it is too big for one (JSON allows a whole
    number with hundreds of digits, and float() raises OverflowError on it)."""
    try:
        return float(number)
    except OverflowError:
        return math.inf


def amount(raw: Mapping[str, Any], key: str) -> int | None:
    """The amount of money at `key` in minor units (None when missing or null): a JSON
    number with at most 2 decimals, read exactly. Negatives, a third decimal and
    anything not a number are refused with the sentences the owner sees when typing
    one; whether 0 will do and the upper bound are the domain's checks."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidInput(key, NOT_A_NUMBER)
    # (A float is the shortest decimal that reads back as it, which is what the file
    # wrote: load_document keeps any other number as a Decimal.)
    if isinstance(value, Decimal):
        exact = value
    else:
        exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if not exact.is_finite() or exact < 0:
        raise InvalidInput(key, NOT_A_NUMBER)
    if exact > MOST_MINOR // MINOR_PER_MAJOR:  # (before counting digits, which may be many)
        raise InvalidInput(key, TOO_MUCH)
    _, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)  # (a finite number)
    kept = list(digits)
    while exponent < 0 and len(kept) > 1 and kept[-1] == 0:  # 3200.500 is 3200.5
        kept.pop()
        exponent += 1
    whole = int("".join(map(str, kept)))
    if whole == 0:
        return 0
    if exponent < -2:
        raise InvalidInput(key, NOT_A_NUMBER)
    return whole * int(10 ** (exponent + 2))


def encode_amount(minor: int | None) -> int | float | None:
    """Minor units as the JSON number `amount` reads back: 3200 or 3200.5. (Up to the
    largest amount, a float's shortest digits are these two decimals exactly.)"""
    if minor is None:
        return None
    major, cents = divmod(minor, MINOR_PER_MAJOR)
    if not cents:
        return major
    return float(Decimal(minor) / MINOR_PER_MAJOR)


def required(raw: Mapping[str, Any], key: str) -> Any:
    if raw.get(key) is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    return raw[key]


def text(raw: Mapping[str, Any], key: str, allow_empty: bool = False) -> str:
    value = raw.get(key)
    if value is None and allow_empty:
        return ""
    if value is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    if not isinstance(value, str):
        raise InvalidInput(key, f'"{key}" must be text.')
    return value


def notes(raw: Mapping[str, Any]) -> str:
    return text(raw, "notes", allow_empty=True)


def clock(raw: Mapping[str, Any], key: str) -> int:
    value = raw.get(key)
    if not isinstance(value, str):
        raise InvalidInput(key, f'"{key}" must be a time of day written like "07:30".')
    try:
        return parse_clock(value)
    except ValueError as exc:  # (the clock's sentence, with the value as a sentence shows it)
        raise InvalidInput(key, str(exc).replace(f'"{value}"', quoted(value), 1)) from None


def choice(
    raw: Mapping[str, Any],
    key: str,
    kind: type[_Choice],
    names: str,
    default: _Choice | None = None,
) -> _Choice:
    value = raw.get(key)
    if value is None and default is not None:
        return default
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    if value is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    raise InvalidInput(key, f"{quoted(value)} is not a {key}; use {names}.")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def optional_date(raw: Mapping[str, Any], key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(key, f'{quoted(value)} is not a date; write it like "2026-11-23".')


def optional_whole(raw: Mapping[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(key, f'"{key}" must be a whole number of minutes.')
    return value


def optional_timestamp(raw: Mapping[str, Any], key: str) -> datetime | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            written = datetime.fromisoformat(value)
            if written.tzinfo is not None:
                moment = written.astimezone(UTC)  # (overflows at the ends of time)
                if MIN_YEAR <= moment.year <= MAX_YEAR:
                    return _to_the_second(key, value, written, moment)
        except (ValueError, OverflowError):
            pass
    raise InvalidInput(
        key, f'{quoted(value)} is not a moment in time; write it like "2026-11-23T09:15:00+00:00".'
    )


def _to_the_second(key: str, value: str, written: datetime, moment: datetime) -> datetime:
    """`moment`, unless the file gives a fraction of a second: times are kept to the
    second, and cutting it off would change the time without a word."""
    if moment.microsecond == 0:
        return moment
    cut = written.replace(microsecond=0).isoformat()
    raise InvalidInput(
        key,
        f"{quoted(value)} has a fraction of a second, but times are kept to the second; "
        f"write it like {quoted(cut)}.",
    )
