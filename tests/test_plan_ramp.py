"""The doer-to-marketer ramp: an even climb that ends at the target, never down."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesman.domain.areas import Area
from tradesman.domain.plan import (
    BASELINE_WEEKS,
    LONGEST_PLAN_WEEKS,
    HandOff,
    HandOffWay,
    Plan,
    Standing,
    check_hand_off,
    check_plan,
    measured_baseline,
    progress,
    ramp,
    target_for,
)
from tradesman.domain.split import Split
from tradesman.domain.validation import InvalidInput
from tradesman.domain.weeks import Week

MONDAY = date(2026, 11, 23)


def plan(**changes: object) -> Plan:
    base = Plan(start=MONDAY, weeks=10, target_share=0.4, capacity_minutes=50 * 60)
    return base.with_changes(**changes)


def test_ten_weeks_from_20_to_40_percent_climb_two_points_a_week() -> None:
    weeks = ramp(plan(), baseline=0.2)
    assert [round(w.target_share, 3) for w in weeks] == [
        0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.34, 0.36, 0.38, 0.40
    ]  # fmt: skip
    # 50 h a week: 22 % is 11 h of business; the rest is technician time.
    assert (weeks[0].business_minutes, weeks[0].technician_minutes) == (660, 2340)
    assert (weeks[-1].business_minutes, weeks[-1].technician_minutes) == (1200, 1800)
    assert [w.number for w in weeks] == list(range(1, 11))
    assert weeks[0].week == Week(MONDAY) and weeks[-1].week == Week(date(2027, 1, 25))


def test_hours_are_rounded_to_the_quarter_hour() -> None:
    weeks = ramp(plan(weeks=7, capacity_minutes=47 * 60), baseline=0.13)
    assert all(w.business_minutes % 15 == 0 for w in weeks)
    assert all(w.business_minutes + w.technician_minutes == 47 * 60 for w in weeks)


@given(
    baseline=st.floats(0, 1),
    target=st.floats(0, 1),
    weeks=st.integers(1, LONGEST_PLAN_WEEKS),
    hours=st.integers(1, 100),
)
def test_any_ramp_never_falls_and_ends_at_the_target(
    baseline: float, target: float, weeks: int, hours: int
) -> None:
    steps = ramp(plan(weeks=weeks, target_share=target, capacity_minutes=hours * 60), baseline)
    assert len(steps) == weeks
    shares = [w.target_share for w in steps]
    minutes = [w.business_minutes for w in steps]
    assert shares == sorted(shares) and minutes == sorted(minutes)
    assert shares[-1] == pytest.approx(target)
    assert abs(minutes[-1] - target * hours * 60) <= 7.5  # the nearest quarter hour
    assert all(0 <= w.business_minutes <= hours * 60 for w in steps)


def test_an_owner_already_past_the_target_holds_at_the_target() -> None:
    weeks = ramp(plan(target_share=0.4), baseline=0.55)
    assert {w.target_share for w in weeks} == {0.4}
    assert {w.business_minutes for w in weeks} == {1200}


def test_a_baseline_equal_to_the_target_holds_too() -> None:
    assert {w.target_share for w in ramp(plan(), baseline=0.4)} == {0.4}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"weeks": 0}, "from 1 to 104 weeks"),
        ({"weeks": 105}, "from 1 to 104 weeks"),
        ({"target_share": 1.2}, "between 0 % and 100 %"),
        ({"capacity_minutes": 30}, "between 1 and 100"),
        ({"capacity_minutes": 101 * 60}, "between 1 and 100"),
        ({"typed_baseline": -0.1}, "Where you stand today"),
        ({"start": date(1850, 1, 7)}, "too far from today"),
    ],
)
def test_a_plan_that_cannot_be_laid_out_is_refused_in_words(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        check_plan(plan(**changes))
    with pytest.raises(InvalidInput, match=words):
        ramp(plan(**changes), baseline=0.2)


def test_the_baseline_is_the_last_four_weeks_with_hours_done() -> None:
    holiday = Split()
    weeks = [
        Split(production=3000),  # older than the last four worked weeks: not counted
        Split(production=2400, marketing=600),
        holiday,
        Split(production=1800, admin=600),
        Split(production=2000, sales=400, marketing=200),
        Split(production=2400, marketing=600),
    ]
    assert BASELINE_WEEKS == 4
    business = 600 + 600 + 600 + 600
    total = 3000 + 2400 + 2600 + 3000
    assert measured_baseline(weeks) == pytest.approx(business / total)


def test_no_hours_done_means_no_measured_baseline() -> None:
    assert measured_baseline([Split(), Split()]) is None
    assert measured_baseline([]) is None


def test_progress_judges_each_ended_week_against_its_own_target() -> None:
    weeks = ramp(plan(weeks=4), baseline=0.2)  # 25 %, 30 %, 35 %, 40 %
    actual = {
        weeks[0].week.start: Split(production=1500, marketing=500),  # 25 %: on track
        weeks[1].week.start: Split(production=1600, sales=400),  # 20 %: behind by 10 points
        # week 3 had nothing done
    }
    today = weeks[3].week.start  # the fourth week has not ended
    judged = progress(weeks, actual, today)
    assert [p.standing for p in judged] == [Standing.ON_TRACK, Standing.BEHIND, Standing.NO_HOURS]
    assert judged[1].points_behind == pytest.approx(0.10)
    assert judged[0].points_behind == 0 and judged[2].points_behind == 0


def test_a_week_within_half_a_point_of_its_target_is_on_track() -> None:
    weeks = ramp(plan(weeks=1), baseline=0.4)
    just_under = Split(production=3000 - 1197, marketing=1197)  # 39.9 %
    (judged,) = progress(weeks, {weeks[0].week.start: just_under}, date(2030, 1, 1))
    assert judged.standing is Standing.ON_TRACK


def test_a_hand_off_is_tidied_or_refused_in_words() -> None:
    tidy = check_hand_off(HandOff("  Sweep the site  ", Area.PRODUCTION, HandOffWay.DELEGATE, 120))
    assert tidy.title == "Sweep the site"
    with pytest.raises(InvalidInput, match="Give it a title"):
        check_hand_off(HandOff("   ", Area.ADMIN))
    with pytest.raises(InvalidInput, match="between 5 minutes and 100 hours"):
        check_hand_off(HandOff("Books", Area.ADMIN, minutes_a_week=7000))


def test_target_for_a_week_inside_and_outside_the_plan() -> None:
    weeks = ramp(plan(weeks=3), baseline=0.1)
    assert target_for(weeks, Week(MONDAY).next()) == pytest.approx(0.3)
    assert target_for(weeks, Week(MONDAY).previous()) is None


def test_a_plan_starts_on_a_weeks_first_day_and_ends_before_the_calendar_does() -> None:
    with pytest.raises(InvalidInput, match="a Monday or a Sunday"):
        check_plan(plan(start=date(2026, 11, 25)))
    assert check_plan(plan(start=date(2026, 11, 22))).start.weekday() == 6  # a Sunday
    with pytest.raises(InvalidInput, match="end too far from today"):
        check_plan(plan(start=date(9998, 6, 1), weeks=104))


def test_a_weeks_target_is_found_whichever_day_the_week_starts_on() -> None:
    weeks = ramp(plan(weeks=3), baseline=0.1)  # Monday weeks from 23 Nov: 20, 30, 40 %
    sunday_week = Week(date(2026, 11, 29))  # Sun 29 Nov - Sat 5 Dec holds Monday 30 Nov
    assert target_for(weeks, sunday_week) == pytest.approx(0.3)
    assert target_for(weeks, Week(date(2026, 11, 22))) == pytest.approx(0.2)
    assert target_for(weeks, Week(date(2026, 12, 13))) is None


def test_the_weeks_measured_are_named_with_their_dates() -> None:
    from tradesman.domain.plan import measured_from

    one = Week(date(2026, 11, 2))
    assert measured_from([one]) == ("your last week with hours done before the plan, 2–8 Nov 2026")
    # A week without hours between them is passed over: "between", not a run of weeks.
    assert measured_from([Week(date(2026, 10, 19)), one]) == (
        "your last 2 weeks with hours done before the plan, between 19 Oct and 8 Nov 2026"
    )
    assert measured_from([Week(date(2025, 12, 22)), Week(date(2026, 1, 5))]) == (
        "your last 2 weeks with hours done before the plan, between 22 Dec 2025 and 11 Jan 2026"
    )
