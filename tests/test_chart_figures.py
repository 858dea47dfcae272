"""The figures behind the charts: each series equals the store's own aggregation, for a
known data set with done, unconfirmed, skipped and series-skipped blocks, Monday- and
Sunday-start weeks, and against a plain in-memory count over many random weeks."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from tradesman.domain.allocation import hours_axis, trend_weeks
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.series import Series
from tradesman.domain.settings import WeekStart
from tradesman.domain.split import Split, split_blocks
from tradesman.domain.weeks import Week, week_containing
from tradesman.services import edits
from tradesman.services.allocation import business_trend, week_by_day
from tradesman.services.blocks import blocks_in_week
from tradesman.services.summary import week_split
from tradesman.store.database import Store

TODAY = date(2026, 11, 25)
MON = date(2026, 11, 16)  # week 47, a week in the past: Mon 16 to Sun 22 Nov 2026
WEEK = Week(MON)
SUNDAY_WEEK = Week(date(2026, 11, 15))  # Sun 15 to Sat 21 Nov


def block(day: date, start: float, end: float, area: Area, **more: object) -> TimeBlock:
    made = TimeBlock(day, int(start * 60), int(end * 60), area, f"{area.label} {day}")
    return made.with_changes(**more)


def split(**minutes: int) -> Split:
    return Split(**minutes)


@pytest.fixture
def known(store: Store) -> Store:
    """Week 47 as the owner left it, and a Sunday before it."""
    with store.writing() as session:
        edits.add_blocks(session, [
            # Monday: done, one with its real time given, one without (counts as planned).
            block(MON, 8, 12, Area.PRODUCTION, status=BlockStatus.DONE, actual_minutes=210),
            block(MON, 13, 14.5, Area.MARKETING, status=BlockStatus.DONE),
            # Tuesday: never confirmed (still "planned", in the past), and one skipped.
            block(MON + timedelta(1), 9, 10, Area.SALES),
            block(MON + timedelta(1), 10, 11, Area.ADMIN, status=BlockStatus.SKIPPED),
            # Sunday 22: the last day of the Monday week, outside the Sunday week.
            block(MON + timedelta(6), 9, 9.5, Area.ADMIN),
            # Sunday 15: in the Sunday week, and in the Monday week before.
            block(MON - timedelta(1), 9, 10, Area.PRODUCTION, status=BlockStatus.DONE),
        ])  # fmt: skip
        # A weekly Thursday marketing hour from week 46, its week-47 occurrence removed.
        edits.add_series(
            session,
            Series(
                "Leaflets", Area.MARKETING, 16 * 60, 17 * 60, frozenset({3}), date(2026, 11, 12)
            ),
            TODAY,
        )
    with store.reading() as session:
        thursday = next(b for b in blocks_in_week(session, WEEK) if b.title == "Leaflets")
    assert thursday.id is not None
    with store.writing() as session:
        edits.delete_occurrence(session, thursday.id)
    return store


def test_a_week_by_day_counts_planned_and_done_blocks_as_the_owner_left_them(known: Store) -> None:
    with known.reading() as session:
        days = week_by_day(session, WEEK)
    assert [d.day for d in days.days] == list(WEEK.days)
    monday, tuesday, *_, sunday = days.days
    assert monday.planned == split(production=240, marketing=90)
    assert monday.actual == split(production=210, marketing=90)
    # Unconfirmed and skipped blocks were planned; neither counts as actual.
    assert tuesday.planned == split(sales=60, admin=60)
    assert tuesday.actual == Split()
    # The removed Thursday occurrence is not there at all.
    assert days.days[3].planned == Split()
    assert sunday.planned == split(admin=30)
    assert days.most_minutes_in_a_day == 330


def test_the_week_by_day_adds_up_to_the_split_panels_week(known: Store) -> None:
    for week in (WEEK, SUNDAY_WEEK, WEEK.previous()):
        with known.reading() as session:
            assert week_by_day(session, week).total == week_split(session, week)


def test_a_sunday_start_week_runs_sunday_to_saturday(known: Store) -> None:
    with known.reading() as session:
        days = week_by_day(session, SUNDAY_WEEK)
    assert days.days[0].day == date(2026, 11, 15)
    assert days.days[0].planned == days.days[0].actual == split(production=60)
    assert days.days[-1].day == date(2026, 11, 21) and days.days[-1].planned == Split()
    total = days.total
    assert total.planned == split(production=300, marketing=90, sales=60, admin=60)
    assert total.actual == split(production=270, marketing=90)


def test_the_trend_gives_each_week_its_share_and_a_gap_for_an_empty_week(known: Store) -> None:
    with known.reading() as session:
        trend = business_trend(session, WEEK, 4, 0.3)
    assert [w.week for w in trend.weeks] == [Week(date(2026, 10, 26)), Week(date(2026, 11, 2)),
                                            Week(date(2026, 11, 9)), WEEK]  # fmt: skip
    # 26 Oct and 2 Nov: nothing; week 46: the Sunday hour and one Thursday leaflet hour.
    assert trend.planned_shares[:2] == [None, None]
    assert trend.weeks[2].planned == split(production=60, marketing=60)
    assert trend.weeks[2].actual == split(production=60)
    assert trend.actual_shares[2] == 0.0
    # Week 47: business 90 + 60 + 60 + 30 = 240 of 480 planned; 90 of 300 done.
    assert trend.planned_shares[3] == pytest.approx(0.5)
    assert trend.actual_shares[3] == pytest.approx(0.3)
    assert {w.target for w in trend.weeks} == {0.3}
    assert not trend.is_empty


def test_the_trend_follows_a_sunday_week_start(known: Store) -> None:
    with known.reading() as session:
        trend = business_trend(session, SUNDAY_WEEK, 2, 0.3)
        assert [w.week.start for w in trend.weeks] == [date(2026, 11, 8), date(2026, 11, 15)]
        for share in trend.weeks:
            expected = week_split(session, share.week)
            assert (share.planned, share.actual) == (expected.planned, expected.actual)
    # Sun 15 to Sat 21: the Sunday hour is in; Sunday 22's half hour is not.
    assert trend.weeks[1].planned.admin == 60


@pytest.mark.parametrize("week_start", [WeekStart.MONDAY, WeekStart.SUNDAY])
def test_every_week_of_a_long_trend_equals_a_count_of_its_blocks(
    store: Store, week_start: WeekStart
) -> None:
    chance = random.Random(47)
    first = date(2025, 9, 1)
    blocks = []
    for offset in range(0, 430, 1):
        day = first + timedelta(offset)
        for _ in range(chance.choice((0, 0, 1, 2, 4))):
            start = chance.randrange(0, 20 * 4) * 15
            made = TimeBlock(day, start, start + chance.randrange(1, 16) * 15,
                             chance.choice(AREAS), "Job")  # fmt: skip
            status = chance.choice(list(BlockStatus))
            actual = chance.choice((None, chance.randrange(0, 600)))
            blocks.append(made.with_changes(status=status, actual_minutes=actual))
    with store.writing() as session:
        edits.add_blocks(session, blocks)
    last = week_containing(first + timedelta(400), week_start)
    with store.reading() as session:
        trend = business_trend(session, last, 52, 0.35)
    assert len(trend.weeks) == 52 and trend.weeks[-1].week == last
    for share in trend.weeks:
        expected = split_blocks(b for b in blocks if share.week.contains(b.day))
        assert (share.planned, share.actual) == (expected.planned, expected.actual)


def test_trend_weeks_end_with_the_week_asked_for() -> None:
    weeks = trend_weeks(WEEK, 12)
    assert len(weeks) == 12 and weeks[-1] == WEEK
    assert all(b.start - a.start == timedelta(7) for a, b in itertools.pairwise(weeks))


@pytest.mark.parametrize(
    ("most", "step", "top"),
    [(0, 60, 60), (45, 60, 60), (330, 60, 360), (601, 120, 720), (13 * 60, 180, 15 * 60),
     (24 * 60, 240, 24 * 60)],
)  # fmt: skip
def test_the_hours_axis_reaches_the_longest_day_in_round_steps(
    most: int, step: int, top: int
) -> None:
    assert hours_axis(most) == (step, top)
