"""The doer-to-marketer plan: from today's business share to the target, week by week.

The owner says where they stand (the baseline: the business share of recent weeks),
where they want to be (the target share), from which week and over how many weeks,
and how many hours a week they work. The ramp spreads the change evenly over the
weeks and ends exactly at the target; each week's business hours are rounded to the
quarter hour, so the printed table reads like a timetable, not like arithmetic.

An owner who already spends more of the week on the business than the target is not
asked to spend less: the ramp holds at the target from the first week.

Business hours are not all alike: admin counts towards the share, yet bookkeeping brings
in no work. So a week is on track only when its share reaches the target *and* its
marketing reaches a floor, a part of the week's planned business hours (half unless the
owner says otherwise): without marketing, more business hours bring no more work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tradesman.domain.areas import Area
from tradesman.domain.clock import format_hours
from tradesman.domain.split import Split
from tradesman.domain.validation import InvalidInput, check_area, check_day, check_title
from tradesman.domain.weeks import MAX_YEAR, Week, format_day, format_span

LONGEST_PLAN_WEEKS = 104  # two years: past that a plan is a wish
LONGEST_WEEK_MINUTES = 100 * 60  # a week of capacity past this is a typing mistake
BASELINE_WEEKS = 4  # the weeks with hours that say where the owner stands today
ROUNDING_MINUTES = 15
# Within half a percentage point counts as on track: the ramp itself is rounded to
# the quarter hour, and nobody is behind by a rounding.
ON_TRACK_MARGIN = 0.005
# Of the business hours, the share that must be marketing unless the owner says otherwise.
DEFAULT_MARKETING_FLOOR = 0.5


@dataclass(frozen=True)
class Plan:
    """What the owner decided: where they start, where they aim, and how fast."""

    start: date  # the first day of the plan's first week
    weeks: int
    target_share: float  # 0-1: the business share to reach by the last week
    capacity_minutes: int  # the hours worked in a week, all areas together
    # Typed in by the owner when there is no history to measure; None: measured.
    typed_baseline: float | None = None
    # 0-1: of each week's planned business hours, the part that must be marketing for the
    # week to be on track (0: no floor, the share alone decides).
    marketing_floor: float = DEFAULT_MARKETING_FLOOR

    def with_changes(self, **changes: object) -> Plan:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def first_week(self) -> Week:
        return Week(self.start)

    @property
    def last_week(self) -> Week:
        return Week(self.start).plus(self.weeks - 1)


@dataclass(frozen=True)
class RampWeek:
    """One week of the ramp: the share aimed for, as hours of the week's capacity."""

    number: int  # 1 for the plan's first week
    week: Week
    target_share: float
    business_minutes: int
    technician_minutes: int
    # Of the business minutes, at least this much marketing (quarter hours, like the rest).
    marketing_floor_minutes: int = 0


class Standing(StrEnum):
    ON_TRACK = "on track"
    BEHIND = "behind"
    NO_HOURS = "no hours"  # nothing marked done that week: it cannot be judged


@dataclass(frozen=True)
class WeekProgress:
    """A past week of the plan: what it aimed for, and what really happened."""

    ramp: RampWeek
    actual: Split

    @property
    def actual_share(self) -> float | None:
        return self.actual.business_share

    @property
    def marketing_minutes(self) -> int:
        """The marketing hours done that week (part of the business hours)."""
        return self.actual.marketing

    @property
    def marketing_minutes_needed(self) -> int:
        """The marketing the week needed to be on track: the floor of its planned hours."""
        return self.ramp.marketing_floor_minutes

    @property
    def share_short(self) -> bool:
        """Whether the business share fell short of the week's target."""
        share = self.actual_share
        return share is not None and share + ON_TRACK_MARGIN < self.ramp.target_share

    @property
    def marketing_short(self) -> bool:
        """Whether the week had hours done, but too little of them marketing."""
        return (
            self.actual.total_minutes > 0 and self.marketing_minutes < self.marketing_minutes_needed
        )

    @property
    def standing(self) -> Standing:
        if self.actual_share is None:
            return Standing.NO_HOURS
        if self.share_short or self.marketing_short:
            return Standing.BEHIND
        return Standing.ON_TRACK

    @property
    def points_behind(self) -> float:
        """How far under the week's target the actual share fell (0-1; 0 when the share
        reached it, even in a week behind on marketing)."""
        share = self.actual_share
        if share is None or not self.share_short:
            return 0.0
        return self.ramp.target_share - share


class HandOffWay(StrEnum):
    """How a piece of work leaves the owner's hands."""

    DELEGATE = "delegate"  # someone on the team or a helper does it
    SUBCONTRACT = "subcontract"  # another trade does it for a price
    SYSTEMISE = "systemise"  # a checklist, template or tool makes it quick

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class HandOff:
    """Technician or admin work the owner means to hand off, to free hours for the business."""

    title: str
    area: Area
    way: HandOffWay = HandOffWay.DELEGATE
    minutes_a_week: int | None = None  # what it takes now, if the owner knows
    done: bool = False  # handed off already
    id: int | None = None

    def with_changes(self, **changes: object) -> HandOff:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Repeating:
    """Work that comes back most weeks: a suggestion for the hand-off list."""

    title: str
    area: Area
    weeks: int  # in how many of the weeks looked at it appeared
    minutes_a_week: int  # its average length in the weeks it appeared


def check_plan(plan: Plan) -> Plan:
    """The plan as given, or InvalidInput naming the field and saying what is wrong."""
    check_day(plan.start, "start")
    if plan.start.weekday() not in (0, 6):
        raise InvalidInput(
            "start", "A plan starts on the first day of a week: a Monday or a Sunday."
        )
    if not 1 <= plan.weeks <= LONGEST_PLAN_WEEKS:
        raise InvalidInput("weeks", f"A plan runs from 1 to {LONGEST_PLAN_WEEKS} weeks.")
    if (date(MAX_YEAR, 12, 31) - plan.start).days < 7 * plan.weeks:
        raise InvalidInput("start", "That plan would end too far from today to plan for.")
    if not 0.0 <= plan.target_share <= 1.0:
        raise InvalidInput("target_share", "The target share must be between 0 % and 100 %.")
    if not 60 <= plan.capacity_minutes <= LONGEST_WEEK_MINUTES:
        raise InvalidInput(
            "capacity",
            f"The hours in a week must be between 1 and {LONGEST_WEEK_MINUTES // 60}.",
        )
    if plan.typed_baseline is not None and not 0.0 <= plan.typed_baseline <= 1.0:
        raise InvalidInput("baseline", "Where you stand today must be between 0 % and 100 %.")
    if not 0.0 <= plan.marketing_floor <= 1.0:
        raise InvalidInput(
            "marketing_floor",
            "The marketing part of the business hours must be between 0 % and 100 %.",
        )
    return plan


def check_hand_off(hand_off: HandOff) -> HandOff:
    """The hand-off with its title tidied, or InvalidInput naming the field."""
    title = check_title(hand_off.title)
    area = check_area(hand_off.area)
    try:
        way = HandOffWay(str(hand_off.way))
    except ValueError:
        raise InvalidInput("way", "Choose delegate, subcontract or systemise.") from None
    minutes = hand_off.minutes_a_week
    if minutes is not None and not 5 <= minutes <= LONGEST_WEEK_MINUTES:
        raise InvalidInput(
            "minutes_a_week",
            f"The hours a week must be between 5 minutes and {LONGEST_WEEK_MINUTES // 60} hours.",
        )
    return hand_off.with_changes(title=title, area=area, way=way)


def baseline_weeks(weeks: Iterable[Split]) -> list[Split]:
    """The last `BASELINE_WEEKS` of `weeks` (actual splits, oldest first) with hours done.

    Weeks with nothing done are passed over: a holiday says nothing about how the
    owner splits a working week.
    """
    return [week for week in weeks if week.total_minutes > 0][-BASELINE_WEEKS:]


def measured_baseline(weeks: Iterable[Split]) -> float | None:
    """The business share of the baseline weeks together; None when no week has hours."""
    worked = baseline_weeks(weeks)
    total = sum(week.total_minutes for week in worked)
    if total == 0:
        return None
    return sum(week.business_minutes for week in worked) / total


def measured_from(weeks: Sequence[Week]) -> str:
    """Which weeks a measured baseline comes from, in the words the Plan page and the
    plan PDF both use: 'your last 3 weeks with hours done before the plan, between 12
    Oct and 1 Nov 2026'. The dates are given because a plan can start in the past, and
    "your last weeks" would then read as the weeks just gone; "between", because a week
    without hours in the middle is passed over."""
    if not weeks:
        return "no weeks with hours done before the plan"
    first, last = weeks[0].start, weeks[-1].end
    if len(weeks) == 1:
        return f"your last week with hours done before the plan, {format_span(first, last)}"
    since = format_day(first, with_year=first.year != last.year)
    return (
        f"your last {len(weeks)} weeks with hours done before the plan, "
        f"between {since} and {format_day(last)}"
    )


def marketing_done_of_needed(judged: WeekProgress) -> str:
    """'marketing 1 h of 4 h': what a week did against the marketing it needed, in the
    words the ramp table, the Plan page and the plan PDF all use."""
    done = judged.marketing_minutes
    shown = format_hours(done) if done else "0 h"
    return f"marketing {shown} of {format_hours(judged.marketing_minutes_needed)}"


def how_weeks_went(judged: Iterable[WeekProgress]) -> list[str]:
    """['5 on track', '7 behind (3 only on marketing)', '1 with no hours marked done']:
    the ended weeks counted, for the sentence on the Plan page and the plan's cover."""
    weeks = list(judged)
    on_track = sum(week.standing is Standing.ON_TRACK for week in weeks)
    behind = [week for week in weeks if week.standing is Standing.BEHIND]
    idle = sum(week.standing is Standing.NO_HOURS for week in weeks)
    on_marketing = sum(not week.share_short for week in behind)
    parts = [f"{on_track} on track", f"{len(behind)} behind"]
    if on_marketing:
        parts[-1] += f" ({on_marketing} only on marketing)"
    if idle:
        parts.append(f"{idle} with no hours marked done")
    return parts


def ramp(plan: Plan, baseline: float) -> list[RampWeek]:
    """The plan week by week: an even climb from `baseline` to the target share.

    Week n of N aims for baseline + (target - baseline) * n / N, so the first week
    already asks for a step and the last week is the target itself. A baseline at or
    above the target holds at the target throughout.
    """
    check_plan(plan)
    start = min(max(baseline, 0.0), 1.0)
    rise = max(plan.target_share - start, 0.0)
    weeks: list[RampWeek] = []
    week = plan.first_week
    for number in range(1, plan.weeks + 1):
        if rise == 0.0:
            share = plan.target_share
        else:
            share = start + rise * number / plan.weeks
        business = _to_quarter_hour(plan.capacity_minutes * share)
        weeks.append(
            RampWeek(
                number=number,
                week=week,
                target_share=share,
                business_minutes=business,
                technician_minutes=plan.capacity_minutes - business,
                marketing_floor_minutes=_to_quarter_hour(business * plan.marketing_floor),
            )
        )
        week = week.next()
    return weeks


def progress(
    ramp_weeks: Sequence[RampWeek], actual: dict[date, Split], today: date
) -> list[WeekProgress]:
    """The plan's weeks that have ended by `today`, each with what was done in it.

    `actual` maps a week's first day to its actual split (weeks missing count as none).
    """
    return [
        WeekProgress(ramp=week, actual=actual.get(week.week.start, Split()))
        for week in ramp_weeks
        if week.week.end < today
    ]


def target_for(ramp_weeks: Sequence[RampWeek], week: Week) -> float | None:
    """The share the plan aims for in `week`; None outside the plan."""
    # By the Monday in `week`: a Monday-start and a Sunday-start week hold the same
    # Monday, so the plan's weeks still find their calendar weeks after the week start
    # is changed in the settings.
    for ramp_week in ramp_weeks:
        if ramp_week.week.contains(week.monday):
            return ramp_week.target_share
    return None


def _to_quarter_hour(minutes: float) -> int:
    return round(minutes / ROUNDING_MINUTES) * ROUNDING_MINUTES
