"""The charts on paper (reports/drawings.py): what they say, printed into a PDF and read
back, and where their shapes are, against figures worked out by hand."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    Shape,
    String,
)
from reportlab.lib.colors import Color

from tradesman.domain.allocation import DayHours, Trend, WeekByDay, WeekShare, hours_axis
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.numbers import percent
from tradesman.domain.plan import Plan, RampWeek, Standing, WeekProgress, ramp
from tradesman.domain.split import Split
from tradesman.domain.weeks import Week
from tradesman.reports import drawings, fonts
from tradesman.reports import drawings_kit as kit

WEEK = Week(date(2026, 11, 23))  # week 48, Monday 23 to Sunday 29 November 2026
# 31.5 h production, 8 h marketing, 5 h sales, 6 h admin: 50.5 h, 19 h of it business.
MIX = Split(production=1890, marketing=480, sales=300, admin=360)
SIZES = [(250, 60), (250, 140), (500, 160), (760, 300)]
T = TypeVar("T")


# -- reading a drawing back --------------------------------------------------------------


def pdf_text(drawing: Drawing) -> str:
    """The drawing printed to a one-page PDF, its text read back with pypdf, on one line."""
    pdf = io.BytesIO()
    renderPDF.drawToFile(drawing, pdf)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def shapes(drawing: Drawing) -> Iterator[Shape]:
    def walk(group: Group | Drawing) -> Iterator[Shape]:
        for shape in group.contents:
            if isinstance(shape, Group):
                assert shape.transform == (1, 0, 0, 1, 0, 0)  # (bounds below need no maths)
                yield from walk(shape)
            else:
                yield shape

    return walk(drawing)


def of_type(drawing: Drawing, kind: type[T]) -> list[T]:
    return [shape for shape in shapes(drawing) if isinstance(shape, kind)]


def strings(drawing: Drawing) -> list[String]:
    return of_type(drawing, String)


def texts(drawing: Drawing) -> list[str]:
    return [shape.text for shape in strings(drawing)]


def same(a: Color | None, b: Color) -> bool:
    return a is not None and a.hexval() == b.hexval()


def rects(drawing: Drawing, fill: Color) -> list[Rect]:
    return [r for r in of_type(drawing, Rect) if same(r.fillColor, fill)]


def overlapping_labels(drawing: Drawing) -> list[tuple[str, str]]:
    boxes = [(s.text, s.getBounds()) for s in strings(drawing)]
    clashes = []
    for index, (name, (x0, y0, x1, y1)) in enumerate(boxes):
        for other, (u0, v0, u1, v1) in boxes[index + 1 :]:
            if x0 < u1 - 0.01 and u0 < x1 - 0.01 and y0 < v1 - 0.01 and v0 < y1 - 0.01:
                clashes.append((name, other))
    return clashes


def outside(drawing: Drawing) -> list[Shape]:
    """Shapes (with half their stroke) reaching past the drawing's edges."""
    out = []
    for shape in shapes(drawing):
        x0, y0, x1, y1 = shape.getBounds()
        half = (getattr(shape, "strokeWidth", 0) or 0) / 2 if not isinstance(shape, String) else 0
        if min(x0, y0) - half < 0 or x1 + half > drawing.width or y1 + half > drawing.height:
            out.append(shape)
    return out


def check_sound(drawing: Drawing, width: float, height: float) -> None:
    """The drawing is the size asked for, holds everything, and its text is legible."""
    assert (drawing.width, drawing.height) == (width, height)
    assert outside(drawing) == []
    assert overlapping_labels(drawing) == []
    for label in strings(drawing):
        assert label.fontSize >= 7
        assert label.fontName in (fonts.REGULAR, fonts.BOLD)


# -- data ----------------------------------------------------------------------------------


def week_by_day() -> WeekByDay:
    """Monday 6 h production + 2 h marketing planned, 5 h production done; Tuesday 4 h
    sales planned and done; Wednesday 1 h admin planned; nothing after."""
    planned = [
        Split(production=360, marketing=120),
        Split(sales=240),
        Split(admin=60),
        *[Split()] * 4,
    ]
    done = [Split(production=300), Split(sales=240), *[Split()] * 5]
    days = tuple(
        DayHours(day, plan, did) for day, plan, did in zip(WEEK.days, planned, done, strict=True)
    )
    return WeekByDay(WEEK, days)


def share_split(share: float | None) -> Split:
    """A week of 10 hours with `share` of it marketing (None: no hours)."""
    if share is None:
        return Split()
    business = round(600 * share)
    return Split(production=600 - business, marketing=business)


def trend(planned: list[float | None], done: list[float | None], target: float = 0.4) -> Trend:
    first = WEEK.plus(1 - len(planned))
    return Trend(
        tuple(
            WeekShare(first.plus(i), share_split(p), share_split(d), target)
            for i, (p, d) in enumerate(zip(planned, done, strict=True))
        )
    )


def plan_ramp(weeks: int, hours: int = 40) -> list[RampWeek]:
    plan = Plan(start=WEEK.start, weeks=weeks, target_share=0.5, capacity_minutes=hours * 60)
    return ramp(plan, 0.1)


# -- where the time goes -------------------------------------------------------------------


def test_area_mix_names_every_area_with_its_hours_and_share() -> None:
    drawing = drawings.area_mix(MIX, 500, 160)
    text = pdf_text(drawing)
    for words in (
        "Production",
        "31.5 h · 62 %",
        "Marketing",
        "8 h · 16 %",
        "Sales",
        "5 h · 10 %",
        "Admin",
        "6 h · 12 %",
        "Technician",
        "Business",
        "19 h · 38 %",
    ):
        assert words in text
    check_sound(drawing, 500, 160)


def test_area_mix_bars_are_as_long_as_their_hours_in_areas_order() -> None:
    drawing = drawings.area_mix(MIX, 500, 160)
    bars = {area: rects(drawing, kit.area_colour(area)) for area in AREAS}
    assert all(len(found) == 1 for found in bars.values())
    per_minute = bars[Area.PRODUCTION][0].width / 1890
    for area in AREAS:
        assert bars[area][0].width == pytest.approx(MIX.minutes(area) * per_minute)
    lows = [bars[area][0].y for area in AREAS]
    assert lows == sorted(lows, reverse=True)  # production on top, admin at the foot
    # The technician row stands apart: a rule between production and marketing.
    rules = [line.y1 for line in of_type(drawing, Line) if line.y1 == line.y2]
    production, marketing = bars[Area.PRODUCTION][0], bars[Area.MARKETING][0]
    assert any(marketing.y + marketing.height < y < production.y for y in rules)


def test_area_mix_without_hours_says_so() -> None:
    drawing = drawings.area_mix(Split(), 300, 80)
    assert pdf_text(drawing) == "No hours done in these weeks."
    check_sound(drawing, 300, 80)


# -- this week by day ----------------------------------------------------------------------


def test_day_bars_name_days_areas_and_planned_and_done() -> None:
    drawing = drawings.day_bars(week_by_day(), 500, 200)
    text = pdf_text(drawing)
    for words in ("Mon 23", "Tue 24", "Sun 29", "Production", "Marketing", "Sales", "Admin"):
        assert words in text
    assert "Planned (left)" in text and "Done (right)" in text
    step, top = hours_axis(480, 6)  # Monday's 8 planned hours are the most in a day
    for minutes in range(0, top + 1, step):
        assert f"{minutes // 60} h" in texts(drawing)
    check_sound(drawing, 500, 200)


def test_day_bars_heights_follow_the_hours_planned_beside_done() -> None:
    drawing = drawings.day_bars(week_by_day(), 500, 200)
    # The legend's swatches are squares at the foot; the bars stand above the day names.
    names = {s.text: s for s in strings(drawing)}
    floor = names["Mon 23"].y + 7

    def bars(fill: Color) -> list[Rect]:
        return sorted((r for r in rects(drawing, fill) if r.y > floor), key=lambda r: r.x)

    planned_production = bars(kit.planned_fill(Area.PRODUCTION))
    planned_marketing = bars(kit.planned_fill(Area.MARKETING))
    done_production = bars(kit.area_colour(Area.PRODUCTION))
    done_sales = bars(kit.area_colour(Area.SALES))
    planned_sales = bars(kit.planned_fill(Area.SALES))
    planned_admin = bars(kit.planned_fill(Area.ADMIN))
    assert [len(b) for b in (planned_production, planned_marketing, done_production)] == [1, 1, 1]
    assert len(done_sales) == len(planned_sales) == len(planned_admin) == 1
    per_minute = planned_production[0].height / 360
    assert planned_marketing[0].height == pytest.approx(120 * per_minute)
    assert done_production[0].height == pytest.approx(300 * per_minute)
    assert done_sales[0].height == pytest.approx(240 * per_minute)
    assert planned_admin[0].height == pytest.approx(60 * per_minute)
    # Marketing sits on production; planned on the left of done, both over Monday.
    assert planned_marketing[0].y == pytest.approx(planned_production[0].y + 360 * per_minute)
    assert planned_production[0].x + planned_production[0].width <= done_production[0].x
    monday = names["Mon 23"].x
    assert planned_production[0].x < monday < done_production[0].x + done_production[0].width
    assert planned_sales[0].x > monday  # Tuesday's bars are to the right


def test_day_bars_of_an_empty_week_say_so() -> None:
    empty = WeekByDay(WEEK, tuple(DayHours(day, Split(), Split()) for day in WEEK.days))
    drawing = drawings.day_bars(empty, 400, 150)
    assert pdf_text(drawing) == "No hours planned or done this week."


# -- the split -----------------------------------------------------------------------------


def test_split_bar_numbers_and_target() -> None:
    drawing = drawings.split_bar(MIX, 0.4, 500, 50)
    text = pdf_text(drawing)
    assert "Technician 31.5 h · Business 19 h (38 %)" in text
    assert "target 40 %" in text
    for words in ("Marketing 8 h", "Sales 5 h", "Admin 6 h"):  # the business parts named
        assert words in text
    check_sound(drawing, 500, 50)


def test_split_bar_parts_and_target_marker_sit_where_the_hours_say() -> None:
    drawing = drawings.split_bar(MIX, 0.4, 500, 50)
    (frame,) = [r for r in of_type(drawing, Rect) if r.fillColor is None]
    # (The legend's swatches are the same colours, but small squares.)
    parts = {
        area: [r for r in rects(drawing, kit.area_colour(area)) if r.height > 10] for area in AREAS
    }
    x = frame.x
    for area in AREAS:  # production from the left, then marketing, sales, admin
        (part,) = parts[area]
        assert part.x == pytest.approx(x)
        assert part.width == pytest.approx(frame.width * MIX.minutes(area) / 3030)
        x += part.width
    assert x == pytest.approx(frame.x + frame.width)
    (marker,) = [line for line in of_type(drawing, Line) if line.strokeWidth == 1.6]
    assert marker.x1 == marker.x2 == pytest.approx(frame.x + frame.width * 0.6)
    caption = next(s for s in strings(drawing) if s.text == "target 40\u00a0%")
    left, _, right, _ = caption.getBounds()
    assert left < marker.x1 < right  # the caption stands over its line


def test_split_bar_without_hours_says_so() -> None:
    assert pdf_text(drawings.split_bar(Split(), 0.4, 500, 50)) == "No hours planned this week."


@pytest.mark.parametrize("width", [250, 330, 500, 760])
def test_split_bar_fits_narrow_and_wide(width: int) -> None:
    check_sound(drawings.split_bar(MIX, 0.4, width, 50), width, 50)
    check_sound(drawings.split_bar(Split(production=2400, admin=15), 0.05, width, 50), width, 50)
    check_sound(drawings.split_bar(Split(sales=600), 1.0, width, 50), width, 50)


# -- the trend -----------------------------------------------------------------------------

PLANNED = [0.25, None, 0.5, 0.5, None, 0.75]
DONE = [0.0, None, None, 0.25, 0.5, 1.0]


def scale(drawing: Drawing) -> tuple[float, float]:
    """(y of 0 %, y of 100 %) from the share axis' labels."""
    labels = {s.text: s for s in strings(drawing)}
    zero, full = labels["0\u00a0%"], labels["100\u00a0%"]
    return zero.y + 0.35 * zero.fontSize, full.y + 0.35 * full.fontSize


def lines_of(drawing: Drawing, colour: Color, dashed: bool = False) -> list[list[float]]:
    return [
        p.points
        for p in of_type(drawing, PolyLine)
        if same(p.strokeColor, colour) and bool(p.strokeDashArray) == dashed
    ]


def test_trend_points_at_their_shares_with_gaps_for_weeks_without_hours() -> None:
    drawing = drawings.trend_lines(trend(PLANNED, DONE), 500, 200)
    zero, full = scale(drawing)
    planned = lines_of(drawing, kit.PLANNED_LINE)
    # Weeks 0 | 2-3 | 5: the lone weeks have no line, only their dot.
    assert len(planned) == 1 and len(planned[0]) == 4
    y_half = planned[0][1]
    assert y_half == pytest.approx(planned[0][3])
    assert y_half == pytest.approx(zero + (full - zero) * 0.5)
    done = lines_of(drawing, kit.INK)
    assert len(done) == 1  # weeks 3-5; week 0 stands alone before two weeks without hours
    xs, ys = done[0][0::2], done[0][1::2]
    assert ys == pytest.approx([zero + (full - zero) * s for s in (0.25, 0.5, 1.0)])
    spacing = xs[1] - xs[0]
    hollow = [c for c in of_type(drawing, Circle) if same(c.strokeColor, kit.PLANNED_LINE)]
    filled = [c for c in of_type(drawing, Circle) if same(c.fillColor, kit.INK)]
    # Every week with a share has its dot (the legend has one of each as well).
    assert len(hollow) == 4 + 1 and len(filled) == 4 + 1
    dot_xs = sorted(c.cx for c in filled if c.cy > zero - 3)
    assert dot_xs[0] == pytest.approx(xs[0] - 3 * spacing)  # week 0, alone
    # No line crosses a week without hours.
    for points, shares in ((planned[0], PLANNED), (done[0], DONE)):
        for index in (i for i, share in enumerate(shares) if share is None):
            week = xs[0] + (index - 3) * spacing
            assert not any(a <= week <= b for a, b in zip(points[0::2], points[2::2], strict=False))


def test_trend_target_dashed_from_each_weeks_target_or_the_ramp() -> None:
    drawing = drawings.trend_lines(trend(PLANNED, DONE, target=0.4), 500, 200)
    zero, full = scale(drawing)
    (target,) = lines_of(drawing, kit.TARGET_LINE, dashed=True)
    assert target[1::2] == pytest.approx([zero + (full - zero) * 0.4] * (len(target) // 2))
    assert "Target 40 %" in pdf_text(drawing)

    ramp_targets = [None, None, 0.2, 0.3, 0.4, 0.5]
    drawing = drawings.trend_lines(trend(PLANNED, DONE), 500, 200, targets=ramp_targets)
    (target,) = lines_of(drawing, kit.TARGET_LINE, dashed=True)
    done = lines_of(drawing, kit.INK)[0]
    spacing = done[2] - done[0]
    week_two = done[0] - spacing
    assert target[0] == pytest.approx(week_two - spacing / 2)  # starts with the ramp
    assert target[3] == pytest.approx(zero + (full - zero) * 0.2)
    assert target[-1] == pytest.approx(zero + (full - zero) * 0.5)
    text = pdf_text(drawing)
    assert "Target" in text and "Target 40 %" not in text
    with pytest.raises(ValueError, match="targets"):
        drawings.trend_lines(trend(PLANNED, DONE), 500, 200, targets=[0.4])


def test_trend_labels_weeks_by_number() -> None:
    drawing = drawings.trend_lines(trend(PLANNED, DONE), 500, 200)
    assert [t for t in texts(drawing) if t.isdigit()] == ["43", "44", "45", "46", "47", "48"]
    assert "Planned" in pdf_text(drawing) and "Done" in pdf_text(drawing)


def test_a_52_week_trend_thins_its_week_labels() -> None:
    shares: list[float | None] = [(i % 9) / 10 if i % 7 else None for i in range(52)]
    for width, height in SIZES:
        drawing = drawings.trend_lines(trend(shares, shares), width, height)
        check_sound(drawing, width, height)
        numbers = [t for t in texts(drawing) if t.isdigit()]
        assert numbers[-1] == "48"  # the latest week is always named
        if width < 500:
            assert len(numbers) < 52


def test_an_empty_trend_says_so() -> None:
    drawing = drawings.trend_lines(trend([None] * 12, [None] * 12), 500, 150)
    assert pdf_text(drawing) == "No hours in these 12 weeks."


# -- the ramp -----------------------------------------------------------------------------


def test_ramp_bars_split_each_week_at_its_business_hours() -> None:
    weeks = plan_ramp(8)
    drawing = drawings.ramp_chart(weeks, [], 500, 200)
    zero, full = scale(drawing)
    business = sorted(
        (r for r in rects(drawing, kit.BUSINESS_FILL) if r.y == pytest.approx(zero)),
        key=lambda r: r.x,
    )
    technician = sorted(
        (r for r in rects(drawing, drawings.TECHNICIAN_FILL) if r.y > zero), key=lambda r: r.x
    )
    assert len(business) == len(technician) == 8
    for week, low, high in zip(weeks, business, technician, strict=True):
        assert low.height == pytest.approx((full - zero) * week.business_minutes / 2400)
        assert high.y == pytest.approx(low.y + low.height)
        assert high.y + high.height == pytest.approx(full)
    # The right axis reads the same grid in hours: the 40-hour week at 100 %.
    assert {"0 h", "10 h", "20 h", "30 h", "40 h"} <= set(texts(drawing))
    text = pdf_text(drawing)
    for words in ("Business hours", "Technician hours", "Target share", "Week 48 49 50"):
        assert words in text


def test_ramp_marks_done_weeks_on_track_and_behind() -> None:
    weeks = plan_ramp(6)
    # Week 1 aims at 17 %: done 30 % of a 40-hour week (12 h, all marketing: more than
    # the 3 h 30 min it needs); week 2 aims at 23 %: done 10 %; week 3: nothing done.
    progress = [
        WeekProgress(weeks[0], Split(production=1680, marketing=720)),
        WeekProgress(weeks[1], share_split(0.1)),
        WeekProgress(weeks[2], Split()),
    ]
    assert [p.standing for p in progress] == [Standing.ON_TRACK, Standing.BEHIND, Standing.NO_HOURS]
    drawing = drawings.ramp_chart(weeks, progress, 500, 200)
    zero, full = scale(drawing)
    on_track = [c for c in of_type(drawing, Circle) if c.cy > zero]
    behind = [p for p in of_type(drawing, Polygon) if min(p.points[1::2]) > zero - 5]
    assert len(on_track) == 1 and len(behind) == 1
    assert on_track[0].cy == pytest.approx(zero + (full - zero) * 0.3)
    tip = behind[0].points[5]  # the triangle points down at the share
    apex_x = behind[0].points[4]
    assert apex_x > on_track[0].cx
    assert (tip + 1.2 * (behind[0].points[1] - tip) / 2.0) == pytest.approx(
        zero + (full - zero) * 0.1
    )
    text = pdf_text(drawing)
    assert "Done, on track" in text and "Done, behind" in text


@pytest.mark.parametrize("count", [1, 26, 104])
def test_ramp_draws_one_week_to_two_years(count: int) -> None:
    weeks = plan_ramp(count)
    for width, height in SIZES:
        drawing = drawings.ramp_chart(weeks, [], width, height)
        check_sound(drawing, width, height)
        numbers = [t for t in texts(drawing) if t.isdigit()]
        assert numbers[0] == str(weeks[0].week.number)  # the first week is always named
        if count == 104:
            assert len(numbers) < 104


def test_an_empty_ramp_says_so() -> None:
    assert pdf_text(drawings.ramp_chart([], [], 400, 150)) == "No weeks in the plan yet."


# -- every chart, every size ---------------------------------------------------------------

CHARTS: dict[str, Callable[[float, float], Drawing]] = {
    "area mix": lambda w, h: drawings.area_mix(MIX, w, h),
    "day bars": lambda w, h: drawings.day_bars(week_by_day(), w, h),
    "split bar": lambda w, h: drawings.split_bar(MIX, 0.4, w, h),
    "trend": lambda w, h: drawings.trend_lines(trend(PLANNED, DONE), w, h),
    "ramp": lambda w, h: drawings.ramp_chart(
        plan_ramp(12, 45), [WeekProgress(k, share_split(0.2)) for k in plan_ramp(12, 45)[:5]], w, h
    ),
    "empty": lambda w, h: drawings.area_mix(Split(), w, h),
}


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_chart_fits_its_box_with_labels_apart(name: str, width: int, height: int) -> None:
    check_sound(CHARTS[name](width, height), width, height)


def test_hours_and_shares_round_half_up() -> None:
    assert [kit.hours_text(m) for m in (0, 3, 60, 1890, 1875, 1893, 1899)] == [
        "0 h",
        "0.1 h",
        "1 h",
        "31.5 h",
        "31.3 h",
        "31.6 h",
        "31.7 h",
    ]
    shares = (0, 0.004, 0.005, 0.375, 0.62, 1)
    assert [percent(s, paper=True) for s in shares] == [
        "0\u00a0%",
        "0\u00a0%",
        "1\u00a0%",
        "38\u00a0%",
        "62\u00a0%",
        "100\u00a0%",
    ]


def test_a_plans_target_is_named_the_plans_with_the_long_term_one_faintly_beside() -> None:
    ramp_targets = [None, None, 0.2, 0.3, 0.4, 0.5]
    long_term = [None, None, 0.45, 0.45, 0.45, 0.45]
    drawing = drawings.trend_lines(trend(PLANNED, DONE), 500, 200, ramp_targets, long_term)
    zero, full = scale(drawing)
    text = pdf_text(drawing)
    assert "Plan's target for the week" in text and "Long-term 45 %" in text
    # The plan's line climbs; the long-term one stays at 45 %, faint and dotted.
    (faint,) = [p for p in lines_of(drawing, kit.LONG_TERM_LINE, dashed=True) if len(p) > 4]
    assert faint[1::2] == pytest.approx([zero + (full - zero) * 0.45] * (len(faint) // 2))
    (plan,) = [p for p in lines_of(drawing, kit.TARGET_LINE, dashed=True) if len(p) > 4]
    assert plan[3] == pytest.approx(zero + (full - zero) * 0.2)
