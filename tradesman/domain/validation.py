"""The checks on what the owner types, each failing with one plain sentence.

Every check raises `InvalidInput`, which names the field so that a dialog can show
the sentence next to it and an import can say which item and field was wrong.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum
from typing import TypeVar

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, STEP_MINUTES, format_clock
from tradesman.domain.purposes import Purpose
from tradesman.domain.series import Series
from tradesman.domain.settings import AfterJob, Settings, WeekStart
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.weeks import MAX_YEAR, MIN_YEAR
from tradesman.errors import UserError

TITLE_MAX = 200
NAME_MAX = 200
NOTES_MAX = 20_000
QUOTED_MAX = 40  # how much of a bad value a sentence repeats back
ESTIMATE_MAX_MINUTES = 1000 * 60  # a thousand hours is more than any one task

_Choice = TypeVar("_Choice", bound=StrEnum)


class InvalidInput(UserError):
    """A value the owner gave cannot be used; `field` says which one."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_block(block: TimeBlock) -> TimeBlock:
    """The block with its title tidied, or InvalidInput saying what is wrong."""
    title = check_title(block.title)
    notes = check_notes(block.notes)
    area = check_area(block.area)
    status = _check_choice("status", block.status, BlockStatus, "a block's status")
    check_day(block.day)
    for field, minutes in (("start", block.start), ("end", block.end)):
        if not _is_whole(minutes):
            raise InvalidInput(field, f"The {field} time is missing.")
        if minutes % STEP_MINUTES:
            raise InvalidInput(
                field,
                f"Times go in {STEP_MINUTES}-minute steps; {format_clock(minutes)} is not one.",
            )
    if not 0 <= block.start < MINUTES_PER_DAY:
        raise InvalidInput("start", "The start time must be between 00:00 and 23:55.")
    if block.end > MINUTES_PER_DAY:
        raise InvalidInput(
            "end", "A block must end by midnight (24:00); split a longer one over two days."
        )
    if block.end == block.start:
        raise InvalidInput("end", "The block has no length: the start and end times are the same.")
    if block.end < block.start:
        raise InvalidInput(
            "end",
            f"The end time ({format_clock(block.end)}) is before the start time "
            f"({format_clock(block.start)}).",
        )
    actual = block.actual_minutes
    if actual is not None and not (_is_whole(actual) and 0 <= actual <= MINUTES_PER_DAY):
        raise InvalidInput("actual_minutes", "The actual time must be between 0 and 24 hours.")
    return block.with_changes(
        title=title, notes=notes, area=area, status=status,
        source_id=source_for(area, block.source_id),
        purpose=purpose_for(area, block.purpose),
    )  # fmt: skip


def check_series(series: Series) -> Series:
    """The series with its title tidied, or InvalidInput saying what is wrong.

    Its times follow the same rules as a block's (it is checked as the block it makes).
    """
    sample = check_block(series.block_on(series.first_day))
    if not series.weekdays or not all(_is_whole(d) and 0 <= d <= 6 for d in series.weekdays):
        raise InvalidInput("weekdays", "Choose at least one day of the week for it to repeat on.")
    if not (_is_whole(series.every_weeks) and 1 <= series.every_weeks <= 52):
        raise InvalidInput("every_weeks", "It can repeat every 1 to 52 weeks.")
    if series.weeks_from not in (0, 6):
        raise InvalidInput("weeks_from", "Its weeks start on Monday or Sunday.")
    if series.until is not None:
        check_day(series.until, field="until")
        if series.until < series.first_day:
            raise InvalidInput("until", "The last day must come after the first day of the series.")
    return series.with_changes(
        title=sample.title, notes=sample.notes, area=sample.area, source_id=sample.source_id,
        purpose=sample.purpose,
    )  # fmt: skip


_MOST = {Every.DAYS: 365, Every.WEEKS: 52, Every.MONTHS: 24, Every.WEEKDAY_OF_MONTH: 24}


def check_task_rule(rule: TaskRule) -> TaskRule:
    """The rule with its title tidied, or InvalidInput saying what is wrong."""
    sample = check_task(rule.task_for(rule.first_due))
    every = _check_choice("every", rule.every, Every, "a way to repeat")
    most = _MOST[every]
    if not (_is_whole(rule.interval) and 1 <= rule.interval <= most):
        raise InvalidInput(
            "interval", f"It can repeat every 1 to {most} {every.value.split('_')[0]}."
        )
    if every is Every.WEEKDAY_OF_MONTH:
        if rule.nth not in (1, 2, 3, 4, -1):
            raise InvalidInput("nth", "Choose the first, second, third, fourth or last one.")
        if not (_is_whole(rule.weekday) and 0 <= rule.weekday <= 6):
            raise InvalidInput("weekday", "Choose a day of the week.")
    if rule.until is not None:
        check_day(rule.until, field="until")
        if rule.until < rule.first_due:
            raise InvalidInput("until", "The last day must come after the first due date.")
    if not (_is_whole(rule.lead_days) and 0 <= rule.lead_days <= 60):
        raise InvalidInput("lead_days", "It can appear 0 to 60 days before it is due.")
    return rule.with_changes(title=sample.title, notes=sample.notes, area=sample.area, every=every)


def check_task(task: Task) -> Task:
    """The task with its title tidied, or InvalidInput saying what is wrong."""
    title = check_title(task.title)
    notes = check_notes(task.notes)
    area = check_area(task.area)
    status = _check_choice("status", task.status, TaskStatus, "a task's status")
    if task.due is not None:
        check_day(task.due, field="due")
    estimate = task.estimate_minutes
    if estimate is not None and not (_is_whole(estimate) and 0 < estimate <= ESTIMATE_MAX_MINUTES):
        raise InvalidInput(
            "estimate_minutes", "The estimate must be more than 0 and at most 1000 hours."
        )
    if task.created is not None and task.created.tzinfo is None:
        raise InvalidInput("created", "The created time must say its time zone.")
    if task.completed is not None and task.completed.tzinfo is None:
        raise InvalidInput("completed", "The completed time must say its time zone.")
    return task.with_changes(
        title=title, notes=notes, area=area, status=status,
        source_id=source_for(area, task.source_id),
        purpose=purpose_for(area, task.purpose),
    )  # fmt: skip


def source_for(area: Area, source_id: int | None) -> int | None:
    """The source a block, series or task keeps: only marketing work names one, so a
    change of area away from marketing clears it (the edit's Change shows it did)."""
    return source_id if area is Area.MARKETING else None


def purpose_for(area: Area, purpose: Purpose | None) -> Purpose | None:
    """The ask a block, series or task is marked as: only marketing work is one (moved
    out of marketing, it is no longer counted as an ask), and only a known ask."""
    if area is not Area.MARKETING or purpose is None:
        return None
    return _check_choice("purpose", purpose, Purpose, "a kind of ask")


def check_settings(settings: Settings) -> Settings:
    business = check_text("business_name", settings.business_name, "The business name", NAME_MAX)
    owner = check_text("owner_name", settings.owner_name, "The owner's name", NAME_MAX)
    week_start = _check_choice(
        "week_start", settings.week_start, WeekStart, "the first day of the week"
    )
    if not settings.work_days:
        raise InvalidInput("work_days", "Choose at least one work day.")
    if not all(isinstance(d, int) and 0 <= d <= 6 for d in settings.work_days):
        raise InvalidInput("work_days", "Work days must be days of the week.")
    for field, minutes in (("day_start", settings.day_start), ("day_end", settings.day_end)):
        if not 0 <= minutes <= MINUTES_PER_DAY or minutes % STEP_MINUTES:
            raise InvalidInput(field, "Day start and end must be times of day in 5-minute steps.")
    if settings.day_end <= settings.day_start:
        raise InvalidInput("day_end", "The work day must end after it starts.")
    share = settings.target_business_share
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
        raise InvalidInput(
            "target_business_share", "The target business share must be between 0 and 100 %."
        )
    after_job = _check_choice(
        "after_job", settings.after_job, AfterJob, "a choice for after the job"
    )
    return settings.with_changes(
        business_name=business,
        owner_name=owner,
        week_start=week_start,
        target_business_share=float(share),
        work_days=frozenset(settings.work_days),
        after_job=after_job,
    )


def check_title(title: object) -> str:
    """A title is one line of 1 to 200 characters (outer spaces are dropped)."""
    if not isinstance(title, str):
        raise InvalidInput("title", "The title must be text.")
    tidy = title.strip()
    # Broken or control characters first: a title made of them has something in it,
    # and "Give it a title" would not say what is wrong.
    _refuse_unstorable("title", tidy, "The title", allow_line_breaks=False)
    if not _shows_something(tidy):
        raise InvalidInput("title", "Give it a title.")
    if len(tidy) > TITLE_MAX:
        raise InvalidInput(
            "title", f"A title can be at most {TITLE_MAX} characters; this one has {len(tidy)}."
        )
    return tidy


def check_notes(notes: object) -> str:
    if notes is None:
        return ""
    if not isinstance(notes, str):
        raise InvalidInput("notes", "The notes must be text.")
    if len(notes) > NOTES_MAX:
        raise InvalidInput(
            "notes", f"Notes can be at most {NOTES_MAX:,} characters; these have {len(notes):,}."
        )
    _refuse_unstorable("notes", notes, "The notes", allow_line_breaks=True, plural=True)
    return notes


def check_text(field: str, value: object, what: str, max_length: int) -> str:
    """A one-line text setting such as the business name; it may be empty."""
    if not isinstance(value, str):
        raise InvalidInput(field, f"{what} must be text.")
    tidy = value.strip()
    if len(tidy) > max_length:
        raise InvalidInput(field, f"{what} can be at most {max_length} characters.")
    _refuse_unstorable(field, tidy, what, allow_line_breaks=False)
    return tidy


def check_area(area: object) -> Area:
    try:
        return Area(str(area))
    except ValueError:
        names = ", ".join(a.value for a in AREAS[:-1]) + f" or {AREAS[-1].value}"
        raise InvalidInput("area", f"{quoted(area)} is not an area; use {names}.") from None


def check_day(day: object, field: str = "date") -> date:
    if not isinstance(day, date):
        raise InvalidInput(field, "The date is missing.")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InvalidInput(field, f"{day.isoformat()} is too far from today to plan for.")
    return day


def _check_choice(field: str, value: object, kind: type[_Choice], what: str) -> _Choice:
    try:
        return kind(str(value))
    except ValueError:
        names = ", ".join(member.value for member in kind)
        raise InvalidInput(field, f"{quoted(value)} is not {what}; use one of: {names}.") from None


def _is_whole(value: object) -> bool:
    """An int that is not a bool (True would otherwise pass as 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _shows_something(text: str) -> bool:
    """Whether `text` has a character that prints (not only spaces or invisible marks)."""
    return any(unicodedata.category(char)[0] not in "ZC" for char in text)


def quoted(value: object) -> str:
    """A value the owner gave, fit to repeat inside a sentence: in quotes, on one line,
    at most QUOTED_MAX characters (then "…"), with line breaks, control, invisible and
    broken characters written as escapes (\\n, \\u202e), so that a value from a file can
    neither break the sentence into lines nor turn the rest of it right to left."""
    text = value if isinstance(value, str) else str(value)
    shown: list[str] = []
    length = 0
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            char = char.encode("unicode_escape").decode("ascii")
        if length + len(char) > QUOTED_MAX:
            shown.append("…")
            break
        shown.append(char)
        length += len(char)
    return '"' + "".join(shown) + '"'


def _refuse_unstorable(
    field: str, text: str, what: str, *, allow_line_breaks: bool, plural: bool = False
) -> None:
    """Refuse control characters and broken Unicode, which no file or printer can carry,
    and, in one-line fields, Unicode's own line and paragraph separators."""
    for char in text:
        if allow_line_breaks and char in "\n\r\t\u2028\u2029":
            continue
        category = unicodedata.category(char)
        if category in ("Zl", "Zp"):
            raise InvalidInput(field, f"{what} cannot contain line breaks or control characters.")
        if category == "Cc":
            if allow_line_breaks:
                raise InvalidInput(field, f"{what} cannot contain control characters.")
            raise InvalidInput(field, f"{what} cannot contain line breaks or control characters.")
        if category == "Cs":
            contains = "contain" if plural else "contains"
            raise InvalidInput(field, f"{what} {contains} broken characters that cannot be saved.")
