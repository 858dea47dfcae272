"""Turning settings, tasks and blocks into JSON values and back.

Decoding checks every value (values.py reads each one) and raises `InvalidInput`
naming the field, with a sentence a person can act on. The same codec stores settings
in the database, so a setting is written one way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, TypeVar

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock
from tradesman.domain.plan import (
    DEFAULT_MARKETING_FLOOR,
    HandOff,
    HandOffWay,
    Plan,
    check_hand_off,
    check_plan,
)
from tradesman.domain.purposes import Purpose
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
from tradesman.exchange import values

JsonObject = dict[str, Any]


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
            changes[key] = values.text(raw, key, allow_empty=True)
    if "week_start" in raw:
        changes["week_start"] = values.choice(raw, "week_start", WeekStart, "monday or sunday")
    if "after_job" in raw:
        changes["after_job"] = values.choice(raw, "after_job", AfterJob, "ask, automatic or off")
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
            changes[key] = values.clock(raw, key)
    share = values.number(
        raw, "target_business_share", "The target business share must be a number from 0 to 1."
    )
    if share is not None:
        changes["target_business_share"] = share
    return check_settings(defaults.with_changes(**changes))


def encode_task(
    task: Task,
    file_id: str,
    rule_file_id: str | None = None,
    source_file_id: str | None = None,
    lead_file_id: str | None = None,
) -> JsonObject:
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
        "source": source_file_id,
        "lead": lead_file_id,
        "purpose": _purpose_value(task.purpose),
    }


def decode_task(
    raw: Mapping[str, Any],
    now: datetime,
    rule_id: int | None = None,
    source_id: int | None = None,
    lead_id: int | None = None,
) -> Task:
    """A task from JSON; `now` is its created time when the file does not say, and
    `rule_id`, `source_id`, `lead_id` the decoded items its references name."""
    due = values.optional_date(raw, "due")
    estimate = values.optional_whole(raw, "estimate_minutes")
    created = values.optional_timestamp(raw, "created") or now
    task = Task(
        title=values.text(raw, "title"),
        area=values.required(raw, "area"),
        status=values.choice(raw, "status", TaskStatus, "open, doing or done", TaskStatus.OPEN),
        due=due,
        estimate_minutes=estimate,
        notes=values.notes(raw),
        created=created,
        completed=values.optional_timestamp(raw, "completed"),
        rule_id=rule_id,
        source_id=source_id,
        lead_id=lead_id,
        purpose=_purpose(raw),
    )
    checked = check_task(task)
    _check_marketing_only(checked.area is Area.MARKETING, raw, "task")
    return _with_customer_job(raw, checked)


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
    first_due = values.optional_date(raw, "first_due")
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
        title=values.text(raw, "title"),
        area=values.required(raw, "area"),
        every=values.choice(raw, "every", Every, "days, weeks, months or weekday_of_month"),
        interval=numbers["interval"],
        first_due=first_due,
        estimate_minutes=values.optional_whole(raw, "estimate_minutes"),
        notes=values.notes(raw),
        nth=numbers["nth"],
        weekday=WEEKDAY_NAMES.index(weekday.lower()),
        until=values.optional_date(raw, "until"),
        lead_days=numbers["lead_days"],
        next_due=values.optional_date(raw, "next_due"),
    )
    if rule.next_due is not None:  # (its tasks would be made with that due date)
        check_day(rule.next_due, field="next_due")
    # A rule is checked as the task it makes, whose "due" is the file's "first_due".
    checked = values.in_file_words(check_task_rule, rule, {"due": "first_due"})
    return _with_customer_job(raw, checked)


def encode_series(
    record: SeriesRecord,
    file_id: str,
    task_file_id: str | None,
    source_file_id: str | None = None,
) -> JsonObject:
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
        "source": source_file_id,
        "purpose": _purpose_value(series.purpose),
        "made_through": record.made_through.isoformat(),
        "skipped": sorted(day.isoformat() for day in record.skipped),
    }


def decode_series(
    raw: Mapping[str, Any], task_id: int | None, source_id: int | None = None
) -> SeriesRecord:
    """A series from JSON. Without "made_through" its blocks are taken to be made up to
    the day before it starts, so the app makes them (files written by hand)."""
    first_day = values.optional_date(raw, "first_day")
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
    series = values.in_file_words(
        check_series,
        Series(
            title=values.text(raw, "title"),
            area=values.required(raw, "area"),
            start=values.clock(raw, "start"),
            end=values.clock(raw, "end"),
            weekdays=frozenset(WEEKDAY_NAMES.index(n.lower()) for n in names),
            first_day=first_day,
            every_weeks=every,
            weeks_from=WEEKDAY_NAMES.index(weeks_from),
            until=values.optional_date(raw, "until"),
            notes=values.notes(raw),
            task_id=task_id,
            source_id=source_id,
            purpose=_purpose(raw),
        ),
        {"date": "first_day"},  # a series is checked as the block it makes on its first day
    )
    _check_marketing_only(series.area is Area.MARKETING, raw, "series")
    made_through = values.optional_date(raw, "made_through") or first_day - timedelta(days=1)
    skipped = raw.get("skipped", [])
    if not isinstance(skipped, list):
        raise InvalidInput("skipped", '"skipped" must be a list of dates.')
    days = frozenset(values.optional_date({"skipped": day}, "skipped") for day in skipped)
    return SeriesRecord(series, made_through, frozenset(d for d in days if d is not None))


def encode_block(
    block: TimeBlock,
    file_id: str,
    task_file_id: str | None,
    series_file_id: str | None = None,
    source_file_id: str | None = None,
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
        "source": source_file_id,
        "purpose": _purpose_value(block.purpose),
        "notes": block.notes,
    }


def decode_block(
    raw: Mapping[str, Any],
    task_id: int | None,
    series_id: int | None = None,
    source_id: int | None = None,
) -> TimeBlock:
    """A block from JSON; the caller has already turned its "task", "series" and
    "source" references into the ids of the decoded items."""
    day = values.optional_date(raw, "date")
    if day is None:
        raise InvalidInput("date", "The date is missing.")
    block = TimeBlock(
        day=day,
        start=values.clock(raw, "start"),
        end=values.clock(raw, "end"),
        area=values.required(raw, "area"),
        title=values.text(raw, "title"),
        notes=values.notes(raw),
        status=values.choice(
            raw, "status", BlockStatus, "planned, done or skipped", BlockStatus.PLANNED
        ),
        actual_minutes=values.optional_whole(raw, "actual_minutes"),
        task_id=task_id,
        series_id=series_id,
        source_id=source_id,
        purpose=_purpose(raw),
    )
    checked = check_block(block)
    _check_marketing_only(checked.area is Area.MARKETING, raw, "block")
    return checked


def encode_plan(plan: Plan) -> JsonObject:
    return {
        "start": plan.start.isoformat(),
        "weeks": plan.weeks,
        "target_business_share": plan.target_share,
        "hours_a_week": plan.capacity_minutes / 60,
        "typed_baseline": plan.typed_baseline,
        "marketing_floor": plan.marketing_floor,
    }


def decode_plan(raw: Mapping[str, Any]) -> Plan:
    start = values.optional_date(raw, "start")
    if start is None:
        raise InvalidInput("start", '"start" is missing.')
    weeks = raw.get("weeks")
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise InvalidInput("weeks", '"weeks" must be a whole number.')
    hours = values.number(raw, "hours_a_week", '"hours_a_week" must be a number of hours.')
    if hours is None:
        raise InvalidInput("hours_a_week", '"hours_a_week" is missing.')
    target = values.number(
        raw, "target_business_share", '"target_business_share" must be a number from 0 to 1.'
    )
    if target is None:
        raise InvalidInput("target_business_share", '"target_business_share" is missing.')
    floor = values.number(raw, "marketing_floor", '"marketing_floor" must be a number from 0 to 1.')
    plan = Plan(
        start=start,
        weeks=weeks,
        target_share=target,
        capacity_minutes=values.whole_minutes(hours),
        typed_baseline=values.number(
            raw, "typed_baseline", '"typed_baseline" must be a number from 0 to 1.'
        ),
        # A file from before the floor (format 7 and older) holds none: the default.
        marketing_floor=DEFAULT_MARKETING_FLOOR if floor is None else floor,
    )
    return values.in_file_words(check_plan, plan, _PLAN_FIELDS)


# check_plan names the fields as the plan dialog does; a file names them like this.
_PLAN_FIELDS = {
    "capacity": "hours_a_week",
    "target_share": "target_business_share",
    "baseline": "typed_baseline",
}


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
        title=values.text(raw, "title"),
        area=values.required(raw, "area"),
        way=values.choice(raw, "way", HandOffWay, "delegate, subcontract or systemise"),
        minutes_a_week=values.optional_whole(raw, "minutes_a_week"),
        done=done,
    )
    return check_hand_off(hand_off)


def _purpose_value(purpose: Purpose | None) -> str | None:
    return None if purpose is None else purpose.value


def _purpose(raw: Mapping[str, Any]) -> Purpose | None:
    """The ask a block, series or task is marked as (format 7); none when the file
    does not say."""
    value = raw.get("purpose")
    if value is None:
        return None
    if isinstance(value, str) and value in Purpose.__members__.values():
        return Purpose(value)
    names = ", ".join(purpose.value for purpose in Purpose)
    raise InvalidInput("purpose", f"{quoted(value)} is not a kind of ask; use {names} or null.")


def _check_marketing_only(area_is_marketing: bool, raw: Mapping[str, Any], kind: str) -> None:
    """Only marketing work names the source it is for, or is marked as an ask: either on
    anything else would be dropped on import, so it is refused (`kind`: "block",
    "series" or "task")."""
    if area_is_marketing:
        return
    if raw.get("source") is not None:
        raise InvalidInput(
            "source",
            f"Only marketing work names a source of work; this {kind} is not marketing. "
            'Leave "source" out, or null.',
        )
    if raw.get("purpose") is not None:
        raise InvalidInput(
            "purpose",
            f"Only marketing work is marked as an ask; this {kind} is not marketing. "
            'Leave "purpose" out, or null.',
        )
