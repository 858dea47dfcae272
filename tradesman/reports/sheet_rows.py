"""What each kind of spreadsheet export holds: its header in plain words, and one row
made from the plain data the services read (no database, no Qt).

Hours are written to the hundredth and shares as percent to the hundredth, from the
same rounding `tradesman summary --json` uses (hours = round(minutes / 60, 2), share =
round(share, 4)), so a week's row and the command's figures agree to the digit.
Amounts are written in the currency's units with two decimals (3200.50).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tradesman.domain.areas import AREAS
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead, LeadState, Spend
from tradesman.domain.purposes import PURPOSE_WORDS, Purpose
from tradesman.domain.split import Split, WeekSplit
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week
from tradesman.domain.work_lanes import LOST_WORDS, NOT_QUOTED_WORDS
from tradesman.domain.work_weeks import WorkWeek
from tradesman.reports.csv_file import Cell, Number, fixed

STATE_WORDS = {
    LeadState.NEW: "New",
    LeadState.QUOTED: "Quoted",
    LeadState.WON: "Won",
    LeadState.LOST: "Lost",
    LeadState.NOT_QUOTED: "Not quoted",
}


@dataclass(frozen=True)
class WeekFigures:
    """One week as `summary` reads it: the split, what came in, and the share aimed for
    (the plan's target that week where a plan runs, else the settings')."""

    week: Week
    split: WeekSplit
    work: WorkWeek
    target: float


@dataclass(frozen=True)
class BlockLine:
    block: TimeBlock
    task: str | None  # the title of the task it is booked for
    source: str | None  # the source of work it is for (marketing)


@dataclass(frozen=True)
class TaskLine:
    task: Task
    booked_minutes: int  # in blocks not skipped
    done_minutes: int  # in done blocks, at their actual time
    source: str | None
    enquiry: str | None  # who the enquiry it follows up (or was won as) is from


@dataclass(frozen=True)
class LeadLine:
    lead: Lead
    source: str | None


@dataclass(frozen=True)
class SpendLine:
    spend: Spend
    source: str | None


def hours(minutes: int | None) -> Number | None:
    return None if minutes is None else fixed(round(minutes / 60, 2))


def share_percent(share: float | None) -> Number | None:
    return None if share is None else fixed(round(share, 4) * 100)


def money(minor: int | None) -> Number | None:
    """Minor units as the currency's units with two decimals, exactly (no float)."""
    if minor is None:
        return None
    whole, cents = divmod(minor, 100)
    return Number(f"{whole}.{cents:02d}")


def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _ask(purpose: Purpose | None) -> str | None:
    return None if purpose is None else PURPOSE_WORDS[purpose]


def _local_day(moment: datetime | None) -> Cell:
    """A stored moment (UTC) as the day it was on the owner's clock."""
    return None if moment is None else moment.astimezone().date()


# -- weeks ----------------------------------------------------------------------------


def _split_names(when: str) -> list[str]:
    return [
        *(f"{when} {area.value} (h)" for area in AREAS),
        f"{when} technician (h)",
        f"{when} business (h)",
        f"{when} business share (%)",
    ]


def week_header(currency: str) -> list[str]:
    return [
        "Week starts", "Week ends", *_split_names("Planned"), *_split_names("Actual"),
        "Target business share (%)", "Enquiries", "Quotes given", "Jobs won",
        f"Won value ({currency})",
    ]  # fmt: skip


def _split_cells(split: Split) -> list[Cell]:
    return [
        *(hours(split.minutes(area)) for area in AREAS),
        hours(split.technician_minutes),
        hours(split.business_minutes),
        share_percent(split.business_share),
    ]


def week_row(figures: WeekFigures) -> list[Cell]:
    week, work = figures.week, figures.work
    return [
        week.start, week.end,
        *_split_cells(figures.split.planned), *_split_cells(figures.split.actual),
        share_percent(figures.target), work.enquiries, work.quotes, work.won,
        money(work.won_value),
    ]  # fmt: skip


# -- blocks ---------------------------------------------------------------------------

BLOCK_HEADER = [
    "Day", "Starts", "Ends", "Area", "Title", "Status", "Planned (h)", "Actual (h)",
    "For task", "Source", "Ask", "Repeats", "Notes",
]  # fmt: skip


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def block_row(line: BlockLine) -> list[Cell]:
    block = line.block
    length = block.end - block.start
    # Actual counts done blocks only, at their actual minutes or else their length (the
    # split's rule); a planned or skipped block has no actual time.
    done = block.status is BlockStatus.DONE
    actual = (length if block.actual_minutes is None else block.actual_minutes) if done else None
    return [
        block.day, _clock(block.start), _clock(block.end), block.area.label, block.title,
        block.status.value.capitalize(), hours(length), hours(actual), line.task, line.source,
        _ask(block.purpose), yes(block.series_id is not None), block.notes,
    ]  # fmt: skip


# -- tasks ----------------------------------------------------------------------------

TASK_HEADER = [
    "Title", "Area", "Status", "Due", "Estimate (h)", "Booked (h)", "Done (h)",
    "Customer job", "Source", "Enquiry", "Ask", "Repeats", "Made", "Finished", "Notes",
]  # fmt: skip


def task_row(line: TaskLine) -> list[Cell]:
    task = line.task
    return [
        task.title, task.area.label, task.status.value.capitalize(), task.due,
        hours(task.estimate_minutes), hours(line.booked_minutes), hours(line.done_minutes),
        yes(task.customer_job), line.source, line.enquiry, _ask(task.purpose),
        yes(task.rule_id is not None), _local_day(task.created), _local_day(task.completed),
        task.notes,
    ]  # fmt: skip


# -- enquiries ------------------------------------------------------------------------


def lead_header(currency: str) -> list[str]:
    return [
        "Came in", "Who", "What", "Source", "Referred by", "State", "Quoted on",
        f"Quote ({currency})", "Decided on", f"Value ({currency})", "Why lost or not quoted",
        "Notes",
    ]  # fmt: skip


def lead_row(line: LeadLine) -> list[Cell]:
    lead = line.lead
    why = (
        LOST_WORDS[lead.lost_reason] if lead.lost_reason is not None
        else NOT_QUOTED_WORDS[lead.not_quoted_reason] if lead.not_quoted_reason is not None
        else None
    )  # fmt: skip
    return [
        lead.came_in, lead.who, lead.what, line.source, lead.referred_by,
        STATE_WORDS[lead.state], lead.quoted_on, money(lead.quote), lead.decided_on,
        money(lead.value), why, lead.notes,
    ]  # fmt: skip


# -- spend ----------------------------------------------------------------------------


def spend_header(currency: str) -> list[str]:
    return ["Day", f"Amount ({currency})", "Source", "Note"]


def spend_row(line: SpendLine) -> Sequence[Cell]:
    spend = line.spend
    return [spend.day, money(spend.amount), line.source, spend.note]
