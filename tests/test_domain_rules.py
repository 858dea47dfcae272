"""The split of a week, and the sentences that explain bad input."""

from __future__ import annotations

from datetime import date

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import format_clock, format_hours, format_hours_short, parse_clock
from tradesman.domain.settings import Settings
from tradesman.domain.split import Split, split_blocks
from tradesman.domain.tasks import Task
from tradesman.domain.validation import InvalidInput, check_block, check_settings, check_task

DAY = date(2026, 11, 23)


def block(
    start: str = "07:00", end: str = "09:00", end_minutes: int | None = None, **changes: object
) -> TimeBlock:
    """A production block; `end_minutes` sets an end no clock text can say (past 24:00)."""
    finish = parse_clock(end) if end_minutes is None else end_minutes
    base = TimeBlock(DAY, parse_clock(start), finish, Area.PRODUCTION, "Kitchen job")
    return base.with_changes(**changes) if changes else base


def test_split_counts_planned_and_only_done_blocks_as_actual() -> None:
    blocks = [
        block("07:00", "12:00", status=BlockStatus.DONE),  # 300 done, as planned
        block("13:00", "15:00", status=BlockStatus.DONE, actual_minutes=150),  # took longer
        block("15:00", "16:00", area=Area.MARKETING),  # planned only
        block("16:00", "17:30", area=Area.SALES, status=BlockStatus.SKIPPED),
        block("17:30", "18:00", area=Area.ADMIN, status=BlockStatus.DONE, actual_minutes=0),
    ]
    split = split_blocks(blocks)
    assert split.planned == Split(production=420, marketing=60, sales=90, admin=30)
    assert split.actual == Split(production=450, marketing=0, sales=0, admin=0)
    assert split.planned.technician_minutes == 420
    assert split.planned.business_minutes == 180
    assert split.planned.business_share == pytest.approx(180 / 600)
    assert split.actual.business_share == 0


def test_an_empty_week_has_no_share() -> None:
    assert Split().business_share is None
    assert split_blocks([]).planned.total_minutes == 0


def test_areas_know_which_hours_run_the_business() -> None:
    assert not Area.PRODUCTION.is_business
    assert all(a.is_business for a in (Area.MARKETING, Area.SALES, Area.ADMIN))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"start": "09:00", "end": "07:00"},
            "end",
            "The end time (07:00) is before the start time (09:00).",
        ),
        ({"start": "09:00", "end": "09:00"}, "end", "no length"),
        ({"start": "23:00", "end": "24:00", "end_minutes": 1445}, "end", "must end by midnight"),
        ({"title": "   "}, "title", "Give it a title."),
        ({"title": "x" * 201}, "title", "at most 200 characters; this one has 201"),
        ({"title": "two\nlines"}, "title", "cannot contain line breaks"),
        (
            {"area": "marketting"},
            "area",
            '"marketting" is not an area; use production, marketing, sales or admin.',
        ),
        ({"start": "07:03"}, "start", "5-minute steps; 07:03 is not one"),
        ({"status": "finished"}, "status", '"finished" is not a block'),
        ({"actual_minutes": -5}, "actual_minutes", "between 0 and 24 hours"),
        ({"notes": "bell\x07"}, "notes", "cannot contain control characters"),
    ],
)
def test_bad_blocks_are_refused_with_a_sentence(
    changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(
        InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")
    ) as caught:
        check_block(block(**changes))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_good_blocks_pass_and_titles_are_tidied() -> None:
    checked = check_block(block("22:00", "24:00", title="  Night shift  "))
    assert checked.title == "Night shift" and checked.end == 1440
    assert check_block(block(title="x" * 200)).title == "x" * 200
    assert check_block(block(notes="line one\nline two\ttab")).notes == "line one\nline two\ttab"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target_business_share": 1.2}, "between 0 and 100 %"),
        ({"target_business_share": -0.1}, "between 0 and 100 %"),
        ({"day_start": 600, "day_end": 540}, "must end after it starts"),
        ({"work_days": frozenset()}, "at least one work day"),
    ],
)
def test_bad_settings_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        check_settings(Settings().with_changes(**changes))


def test_task_estimate_must_be_positive() -> None:
    with pytest.raises(InvalidInput, match="more than 0"):
        check_task(Task("Send the quote", Area.SALES, estimate_minutes=0))


def test_clock_texts() -> None:
    assert parse_clock("7:30") == 450
    assert parse_clock("24:00") == 1440
    assert format_clock(1440) == "24:00"
    assert (
        format_hours(90) == "1 h 30 min"
        and format_hours(120) == "2 h"
        and format_hours(5) == "5 min"
    )
    assert [format_hours_short(m) for m in (90, 120, 5, 45, 525, -65, 0)] == [
        "1h30", "2h", "0h05", "0h45", "8h45", "-1h05", "0h00"
    ]  # fmt: skip
    for bad in ("24:30", "7.30", "25:00", "07:60", ""):
        with pytest.raises(ValueError):
            parse_clock(bad)


def test_snapping_times_and_shifts() -> None:
    from tradesman.domain.clock import snap, snap_shift

    assert snap(452) == 450 and snap(-20) == 0 and snap(1500) == 1440
    assert snap_shift(-480) == -480 and snap_shift(-7) == -0 and snap_shift(8) == 15
