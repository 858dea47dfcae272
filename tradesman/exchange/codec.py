"""Turning settings, tasks and blocks into JSON values and back.

Decoding checks every value and raises `InvalidInput` naming the field, with a
sentence a person can act on. The same codec stores settings in the database, so a
setting is written one way everywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock, parse_clock
from tradesman.domain.plan import (
    LONGEST_WEEK_MINUTES,
    HandOff,
    HandOffWay,
    Plan,
    check_hand_off,
    check_plan,
)
from tradesman.domain.series import Series, SeriesRecord
from tradesman.domain.settings import WEEKDAY_NAMES, AfterJob, Settings, WeekStart
from tradesman.domain.task_rules import Every, TaskRule, first_occurrence
from tradesman.domain.tasks import Task, TaskStatus, customer_job_by_default
from tradesman.domain.validation import (
    InvalidInput,
    check_block,
    check_day,
    check_series,
    check_settings,
    check_task,
    check_task_rule,
    quoted,
)
from tradesman.domain.weeks import MAX_YEAR, MIN_YEAR

JsonObject = dict[str, Any]
_Choice = TypeVar("_Choice", bound=StrEnum)
_Item = TypeVar("_Item")


def encode_settings(settings: Settings) -> JsonObject:
    return {
        "business_name": settings.business_name,
        "owner_name": settings.owner_name,
        "week_start": settings.week_start.value,
        "work_days": [WEEKDAY_NAMES[d] for d in sorted(settings.work_days)],
        "day_start": format_clock(settings.day_start),
        "day_end": format_clock(settings.day_end),
        "target_business_share": settings.target_business_share,
        "after_job": settings.after_job.value,
    }


def decode_settings(raw: Mapping[str, Any], defaults: Settings) -> Settings:
    """Settings from JSON values; a missing key keeps its value from `defaults`."""
    changes: dict[str, object] = {}
    for key in ("business_name", "owner_name"):
        if key in raw:
            changes[key] = _text(raw, key, allow_empty=True)
    if "week_start" in raw:
        changes["week_start"] = _choice(raw, "week_start", WeekStart, "monday or sunday")
    if "after_job" in raw:
        changes["after_job"] = _choice(raw, "after_job", AfterJob, "ask, automatic or off")
    if "work_days" in raw:
        days = raw["work_days"]
        if not isinstance(days, list) or not all(isinstance(d, str) for d in days):
            raise InvalidInput("work_days", 'Work days must be a list like ["monday", "tuesday"].')
        unknown = [d for d in days if d.lower() not in WEEKDAY_NAMES]
        if unknown:
            raise InvalidInput("work_days", f"{quoted(unknown[0])} is not a day of the week.")
        changes["work_days"] = frozenset(WEEKDAY_NAMES.index(d.lower()) for d in days)
    for key in ("day_start", "day_end"):
        if key in raw:
            changes[key] = _clock(raw, key)
    share = _number(
        raw, "target_business_share", "The target business share must be a number from 0 to 1."
    )
    if share is not None:
        changes["target_business_share"] = share
    return check_settings(defaults.with_changes(**changes))


def encode_task(task: Task, file_id: str, rule_file_id: str | None = None) -> JsonObject:
    return {
        "id": file_id,
        "title": task.title,
        "area": task.area.value,
        "status": task.status.value,
        "due": None if task.due is None else task.due.isoformat(),
        "estimate_minutes": task.estimate_minutes,
        "notes": task.notes,
        "created": None if task.created is None else task.created.isoformat(timespec="seconds"),
        "completed": (
            None if task.completed is None else task.completed.isoformat(timespec="seconds")
        ),
        "rule": rule_file_id,
        "customer_job": task.customer_job,
    }


def decode_task(raw: Mapping[str, Any], now: datetime, rule_id: int | None = None) -> Task:
    """A task from JSON; `now` is its created time when the file does not say, and
    `rule_id` the decoded rule its "rule" reference names."""
    due = _optional_date(raw, "due")
    estimate = _optional_whole(raw, "estimate_minutes")
    created = _optional_timestamp(raw, "created") or now
    task = Task(
        title=_text(raw, "title"),
        area=_required(raw, "area"),
        status=_choice(raw, "status", TaskStatus, "open, doing or done", TaskStatus.OPEN),
        due=due,
        estimate_minutes=estimate,
        notes=_notes(raw),
        created=created,
        completed=_optional_timestamp(raw, "completed"),
        rule_id=rule_id,
    )
    return _with_customer_job(raw, check_task(task))


_Job = TypeVar("_Job", Task, TaskRule)


def _with_customer_job(raw: Mapping[str, Any], item: _Job) -> _Job:
    """A task or rule with "customer_job" as the file says; a file from before the key
    (format 4 and older) counts production work as a customer's, except the library's
    own-shop tasks."""
    value = raw.get("customer_job")
    if value is None:
        return item.with_changes(customer_job=customer_job_by_default(item.area, item.title))
    if not isinstance(value, bool):
        raise InvalidInput("customer_job", '"customer_job" must be true or false.')
    return item.with_changes(customer_job=value)


def encode_rule(rule: TaskRule, file_id: str) -> JsonObject:
    return {
        "id": file_id,
        "title": rule.title,
        "area": rule.area.value,
        "every": rule.every.value,
        "interval": rule.interval,
        "first_due": rule.first_due.isoformat(),
        "estimate_minutes": rule.estimate_minutes,
        "notes": rule.notes,
        "nth": rule.nth,
        "weekday": WEEKDAY_NAMES[rule.weekday],
        "until": None if rule.until is None else rule.until.isoformat(),
        "lead_days": rule.lead_days,
        "next_due": (rule.next_due or first_occurrence(rule)).isoformat(),
        "customer_job": rule.customer_job,
    }


def decode_rule(raw: Mapping[str, Any]) -> TaskRule:
    """A recurring task rule from JSON. Without "next_due" it starts from its first due
    date, and the app makes its tasks as they come due."""
    first_due = _optional_date(raw, "first_due")
    if first_due is None:
        raise InvalidInput("first_due", '"first_due" is missing.')
    weekday = raw.get("weekday", "monday")
    if not isinstance(weekday, str) or weekday.lower() not in WEEKDAY_NAMES:
        raise InvalidInput("weekday", f"{quoted(weekday)} is not a day of the week.")
    numbers = {}
    for key, default in (("interval", 1), ("nth", 1), ("lead_days", 7)):
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(key, f'"{key}" must be a whole number.')
        numbers[key] = value
    rule = TaskRule(
        title=_text(raw, "title"),
        area=_required(raw, "area"),
        every=_choice(raw, "every", Every, "days, weeks, months or weekday_of_month"),
        interval=numbers["interval"],
        first_due=first_due,
        estimate_minutes=_optional_whole(raw, "estimate_minutes"),
        notes=_notes(raw),
        nth=numbers["nth"],
        weekday=WEEKDAY_NAMES.index(weekday.lower()),
        until=_optional_date(raw, "until"),
        lead_days=numbers["lead_days"],
        next_due=_optional_date(raw, "next_due"),
    )
    if rule.next_due is not None:  # (its tasks would be made with that due date)
        check_day(rule.next_due, field="next_due")
    # A rule is checked as the task it makes, whose "due" is the file's "first_due".
    checked = _in_file_words(check_task_rule, rule, {"due": "first_due"})
    return _with_customer_job(raw, checked)


def encode_series(record: SeriesRecord, file_id: str, task_file_id: str | None) -> JsonObject:
    series = record.series
    return {
        "id": file_id,
        "title": series.title,
        "area": series.area.value,
        "start": format_clock(series.start),
        "end": format_clock(series.end),
        "weekdays": [WEEKDAY_NAMES[d] for d in sorted(series.weekdays)],
        "every_weeks": series.every_weeks,
        "weeks_from": WEEKDAY_NAMES[series.weeks_from],
        "first_day": series.first_day.isoformat(),
        "until": None if series.until is None else series.until.isoformat(),
        "notes": series.notes,
        "task": task_file_id,
        "made_through": record.made_through.isoformat(),
        "skipped": sorted(day.isoformat() for day in record.skipped),
    }


def decode_series(raw: Mapping[str, Any], task_id: int | None) -> SeriesRecord:
    """A series from JSON. Without "made_through" its blocks are taken to be made up to
    the day before it starts, so the app makes them (files written by hand)."""
    first_day = _optional_date(raw, "first_day")
    if first_day is None:
        raise InvalidInput("first_day", '"first_day" is missing.')
    names = raw.get("weekdays")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InvalidInput("weekdays", 'Weekdays must be a list like ["tuesday"].')
    unknown = [n for n in names if n.lower() not in WEEKDAY_NAMES]
    if unknown:
        raise InvalidInput("weekdays", f"{quoted(unknown[0])} is not a day of the week.")
    every = raw.get("every_weeks", 1)
    if isinstance(every, bool) or not isinstance(every, int):
        raise InvalidInput("every_weeks", '"every_weeks" must be a whole number.')
    weeks_from = raw.get("weeks_from", "monday")
    if weeks_from not in ("monday", "sunday"):
        raise InvalidInput("weeks_from", '"weeks_from" must be "monday" or "sunday".')
    series = _in_file_words(
        check_series,
        Series(
            title=_text(raw, "title"),
            area=_required(raw, "area"),
            start=_clock(raw, "start"),
            end=_clock(raw, "end"),
            weekdays=frozenset(WEEKDAY_NAMES.index(n.lower()) for n in names),
            first_day=first_day,
            every_weeks=every,
            weeks_from=WEEKDAY_NAMES.index(weeks_from),
            until=_optional_date(raw, "until"),
            notes=_notes(raw),
            task_id=task_id,
        ),
        {"date": "first_day"},  # a series is checked as the block it makes on its first day
    )
    made_through = _optional_date(raw, "made_through") or first_day - timedelta(days=1)
    skipped = raw.get("skipped", [])
    if not isinstance(skipped, list):
        raise InvalidInput("skipped", '"skipped" must be a list of dates.')
    days = frozenset(_optional_date({"skipped": day}, "skipped") for day in skipped)
    return SeriesRecord(series, made_through, frozenset(d for d in days if d is not None))


def encode_block(
    block: TimeBlock,
    file_id: str,
    task_file_id: str | None,
    series_file_id: str | None = None,
) -> JsonObject:
    return {
        "id": file_id,
        "date": block.day.isoformat(),
        "start": format_clock(block.start),
        "end": format_clock(block.end),
        "area": block.area.value,
        "title": block.title,
        "status": block.status.value,
        "actual_minutes": block.actual_minutes,
        "task": task_file_id,
        "series": series_file_id,
        "notes": block.notes,
    }


def decode_block(
    raw: Mapping[str, Any], task_id: int | None, series_id: int | None = None
) -> TimeBlock:
    """A block from JSON; the caller has already turned its "task" and "series"
    references into the ids of the decoded task and series."""
    day = _optional_date(raw, "date")
    if day is None:
        raise InvalidInput("date", "The date is missing.")
    block = TimeBlock(
        day=day,
        start=_clock(raw, "start"),
        end=_clock(raw, "end"),
        area=_required(raw, "area"),
        title=_text(raw, "title"),
        notes=_notes(raw),
        status=_choice(raw, "status", BlockStatus, "planned, done or skipped", BlockStatus.PLANNED),
        actual_minutes=_optional_whole(raw, "actual_minutes"),
        task_id=task_id,
        series_id=series_id,
    )
    return check_block(block)


def encode_plan(plan: Plan) -> JsonObject:
    return {
        "start": plan.start.isoformat(),
        "weeks": plan.weeks,
        "target_business_share": plan.target_share,
        "hours_a_week": plan.capacity_minutes / 60,
        "typed_baseline": plan.typed_baseline,
    }


def decode_plan(raw: Mapping[str, Any]) -> Plan:
    start = _optional_date(raw, "start")
    if start is None:
        raise InvalidInput("start", '"start" is missing.')
    weeks = raw.get("weeks")
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise InvalidInput("weeks", '"weeks" must be a whole number.')
    hours = _number(raw, "hours_a_week", '"hours_a_week" must be a number of hours.')
    if hours is None:
        raise InvalidInput("hours_a_week", '"hours_a_week" is missing.')
    target = _number(
        raw, "target_business_share", '"target_business_share" must be a number from 0 to 1.'
    )
    if target is None:
        raise InvalidInput("target_business_share", '"target_business_share" is missing.')
    plan = Plan(
        start=start,
        weeks=weeks,
        target_share=target,
        capacity_minutes=_whole_minutes(hours),
        typed_baseline=_number(
            raw, "typed_baseline", '"typed_baseline" must be a number from 0 to 1.'
        ),
    )
    return _in_file_words(check_plan, plan, _PLAN_FIELDS)


# check_plan names the fields as the plan dialog does; a file names them like this.
_PLAN_FIELDS = {
    "capacity": "hours_a_week",
    "target_share": "target_business_share",
    "baseline": "typed_baseline",
}


def _in_file_words(
    check: Callable[[_Item], _Item], item: _Item, fields: Mapping[str, str]
) -> _Item:
    """`check(item)`, with the field its InvalidInput names put in the file's words."""
    try:
        return check(item)
    except InvalidInput as exc:
        if exc.field not in fields:
            raise
        raise InvalidInput(fields[exc.field], exc.message) from None


def encode_hand_off(hand_off: HandOff) -> JsonObject:
    return {
        "title": hand_off.title,
        "area": hand_off.area.value,
        "way": hand_off.way.value,
        "minutes_a_week": hand_off.minutes_a_week,
        "done": hand_off.done,
    }


def decode_hand_off(raw: Mapping[str, Any]) -> HandOff:
    done = raw.get("done", False)
    if not isinstance(done, bool):
        raise InvalidInput("done", '"done" must be true or false.')
    hand_off = HandOff(
        title=_text(raw, "title"),
        area=_required(raw, "area"),
        way=_choice(raw, "way", HandOffWay, "delegate, subcontract or systemise"),
        minutes_a_week=_optional_whole(raw, "minutes_a_week"),
        done=done,
    )
    return check_hand_off(hand_off)


def _whole_minutes(hours: float) -> int:
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


def _number(raw: Mapping[str, Any], key: str, wrong: str) -> float | None:
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


def _required(raw: Mapping[str, Any], key: str) -> Any:
    if raw.get(key) is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    return raw[key]


def _text(raw: Mapping[str, Any], key: str, allow_empty: bool = False) -> str:
    value = raw.get(key)
    if value is None and allow_empty:
        return ""
    if value is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    if not isinstance(value, str):
        raise InvalidInput(key, f'"{key}" must be text.')
    return value


def _notes(raw: Mapping[str, Any]) -> str:
    return _text(raw, "notes", allow_empty=True)


def _clock(raw: Mapping[str, Any], key: str) -> int:
    value = raw.get(key)
    if not isinstance(value, str):
        raise InvalidInput(key, f'"{key}" must be a time of day written like "07:30".')
    try:
        return parse_clock(value)
    except ValueError as exc:  # (the clock's sentence, with the value as a sentence shows it)
        raise InvalidInput(key, str(exc).replace(f'"{value}"', quoted(value), 1)) from None


def _choice(
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


def _optional_date(raw: Mapping[str, Any], key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(key, f'{quoted(value)} is not a date; write it like "2026-11-23".')


def _optional_whole(raw: Mapping[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(key, f'"{key}" must be a whole number of minutes.')
    return value


def _optional_timestamp(raw: Mapping[str, Any], key: str) -> datetime | None:
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
