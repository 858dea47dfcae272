"""The charts on paper: where the time goes, the week by day, the split, the trend of the
business share and the doer-to-marketer ramp, as reportlab vector drawings.

They echo the charts on screen (ui/charts/chart_day_bars.py, chart_split.py, chart_trend.py)
without Qt: each function returns a Drawing of exactly the size asked for, everything
inside it, text in the bundled font, colours from the app's one palette plus greys.
Printed in black and white they still read: every area has its own hatch pattern as
well as its colour, lines differ by weight, dash and marker, and legends name it all.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from reportlab.graphics.shapes import Drawing, Line, PolyLine
from reportlab.lib.colors import Color

from tradesman.domain.allocation import Trend, WeekByDay, hours_axis, unbroken_runs
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.numbers import area_percents, percent, written
from tradesman.domain.plan import RampWeek, Standing, WeekProgress
from tradesman.domain.split import Split
from tradesman.domain.weeks import SHORT_DAY_NAMES
from tradesman.reports.drawings_kit import (
    AXIS,
    BUSINESS_FILL,
    FAINT,
    GAP,
    INK,
    LONG_TERM_DASH,
    LONG_TERM_LINE,
    PAD,
    PLANNED_LINE,
    ROW,
    SIZE,
    TARGET_DASH,
    TARGET_LINE,
    LegendItem,
    area_box,
    area_colour,
    area_item,
    axis_label,
    box_item,
    canvas_of,
    dot,
    draw_legend,
    empty,
    grid_line,
    hours_text,
    label_step,
    legend_height,
    line_item,
    marker_item,
    rect,
    share_levels,
    text,
    text_in_row,
    width_of,
)
from tradesman.reports.paper import tint

TECHNICIAN_FILL = tint(area_colour(Area.PRODUCTION), 0.45)  # the ramp's technician hours


def area_mix(split: Split, width: float, height: float) -> Drawing:
    """Where the time goes: a bar per area, its hours and share beside it, production
    apart from the three business areas."""
    total = split.total_minutes
    if total == 0:
        return empty(width, height, "No hours done in these weeks.")
    drawing = canvas_of(width, height)
    shares = area_percents(split)  # shown together: they add up to 100
    values = {
        area: f"{hours_text(split.minutes(area))} · {written(shares[area], paper=True)}"
        for area in AREAS
    }
    business = f"{hours_text(split.business_minutes)} · {percent(split.business_share, paper=True)}"
    group_width = max(width_of("Technician", bold=True), width_of(business)) + 3 * GAP
    label_width = max(width_of(area.label) for area in AREAS) + 2 * GAP
    value_width = max(width_of(value) for value in values.values()) + GAP
    bar_left = PAD + group_width + label_width
    longest = max(0.0, width - PAD - value_width - bar_left)
    most = max(split.minutes(area) for area in AREAS)

    between = min(8.0, height * 0.08)  # between technician and business
    row = min((height - 2 * PAD - between) / len(AREAS), 30.0)
    first = (height + len(AREAS) * row + between) / 2  # the rows centred top to bottom
    thickness = min(row * 0.7, 16.0)
    middles: dict[Area, float] = {}
    for index, area in enumerate(AREAS):
        top = first - index * row - (between if area.is_business else 0)
        middles[area] = middle = top - row / 2
        minutes = split.minutes(area)
        length = longest * minutes / most
        if minutes:
            area_box(drawing, bar_left, middle - thickness / 2, length, thickness, area)
        baseline = middle - 0.35 * SIZE
        text(drawing, bar_left - GAP, baseline, area.label, anchor="end")
        text(drawing, bar_left + length + GAP, baseline, values[area], colour=FAINT)

    business_rows = [middles[area] for area in AREAS if area.is_business]
    separator = first - row - between / 2
    drawing.add(Line(PAD, separator, width - PAD, separator, strokeColor=AXIS, strokeWidth=0.5))
    text(drawing, PAD, middles[Area.PRODUCTION] - 0.35 * SIZE, "Technician", bold=True)
    centre = sum(business_rows) / len(business_rows)
    if max(business_rows) - min(business_rows) >= ROW:  # room for the business total too
        text(drawing, PAD, centre + 0.15 * SIZE, "Business", bold=True)
        text(drawing, PAD, centre - 1.1 * SIZE, business, colour=FAINT)
    else:
        text(drawing, PAD, centre - 0.35 * SIZE, "Business", bold=True)
    bracket = PAD + group_width - 1.5 * GAP
    top, bottom = max(business_rows) + thickness / 2, min(business_rows) - thickness / 2
    drawing.add(
        PolyLine(
            [bracket + 2, top, bracket, top, bracket, bottom, bracket + 2, bottom],
            strokeColor=AXIS,
            strokeWidth=0.6,
        )
    )
    return drawing


def day_bars(by_day: WeekByDay, width: float, height: float) -> Drawing:
    """This week day by day: per day a planned bar (a wash, left) beside a done bar
    (solid, right), each stacked by area from production up."""
    if by_day.is_empty:
        return empty(width, height, "No hours planned or done this week.")
    drawing = canvas_of(width, height)
    legend = [
        *(area_item(area) for area in AREAS),
        box_item("Planned (left)", tint(AXIS, 0.3), AXIS),
        box_item("Done (right)", AXIS),
    ]
    legend_top = PAD + legend_height(legend, width - 2 * PAD)
    draw_legend(drawing, legend, PAD, PAD, width - 2 * PAD)

    most = by_day.most_minutes_in_a_day
    bottom = legend_top + GAP + ROW  # the day names sit in the row under the bars
    top = height - PAD - SIZE * 0.6
    lines = max(1, min(6, int((top - bottom) // (ROW * 1.4))))
    step, reach = hours_axis(most, lines)
    left = PAD + width_of(f"{reach // 60} h") + GAP
    right = width - PAD
    for minutes in range(0, reach + 1, step):
        y = bottom + (top - bottom) * minutes / reach
        grid_line(drawing, left, right, y, minutes == 0)
        axis_label(drawing, left - GAP / 2, y, f"{minutes // 60} h")

    column = (right - left) / len(by_day.days)
    bar = min(column * 0.36, 26.0)
    apart = min(2.0, column * 0.05)
    for index, day in enumerate(by_day.days):
        centre = left + column * (index + 0.5)
        for split, x, planned in (
            (day.planned, centre - apart / 2 - bar, True),
            (day.actual, centre + apart / 2, False),
        ):
            below = 0
            for area in AREAS:
                minutes = split.minutes(area)
                if minutes:
                    y0 = bottom + (top - bottom) * below / reach
                    y1 = bottom + (top - bottom) * (below + minutes) / reach
                    area_box(drawing, x, y0, bar, y1 - y0, area, planned)
                    below += minutes
        name = SHORT_DAY_NAMES[day.day.weekday()]
        label = f"{name} {day.day.day}"
        if width_of(label) > column - GAP:
            label = name if width_of(name) <= column - GAP / 2 else name[0]
        text_in_row(drawing, centre, bottom - ROW - 1, label, anchor="middle", colour=FAINT)
    return drawing


def split_bar(planned: Split, target_share: float, width: float, height: float) -> Drawing:
    """One bar: technician hours from the left, then the business areas; a line where
    the business part should begin if the week met its target."""
    total = planned.total_minutes
    if total == 0:
        return empty(width, height, "No hours planned this week.")
    drawing = canvas_of(width, height)
    left, right = PAD + 1, width - PAD - 1
    bar_bottom = PAD + ROW + 2
    bar_top = max(bar_bottom + 4, height - PAD - ROW - 2)
    x = left
    for area in AREAS:
        minutes = planned.minutes(area)
        if minutes:
            length = (right - left) * minutes / total
            area_box(drawing, x, bar_bottom, length, bar_top - bar_bottom, area)
            x += length
    drawing.add(rect(left, bar_bottom, right - left, bar_top - bar_bottom, None, AXIS))

    marker = left + (right - left) * (1 - min(max(target_share, 0.0), 1.0))
    drawing.add(
        Line(marker, bar_bottom - 1.5, marker, bar_top + 2, strokeColor=INK, strokeWidth=1.6)
    )
    caption = f"target {percent(target_share, paper=True)}"
    half = width_of(caption) / 2
    caption_x = min(max(marker, PAD + half), width - PAD - half)
    text_in_row(drawing, caption_x, bar_top + 2, caption, anchor="middle")

    share = percent(planned.business_share, paper=True)
    numbers = (
        f"Technician {hours_text(planned.technician_minutes)} · Business "
        f"{hours_text(planned.business_minutes)} ({share})"
    )
    text_in_row(drawing, PAD, PAD, numbers, bold=True)
    # The business areas named: under the bar beside the numbers, else above it on the
    # wider side of the target's caption (well apart from it, so the two never read as
    # one), with their hours when there is room.
    spaces = [(PAD, width - PAD - width_of(numbers, bold=True) - 3 * GAP, width - PAD)]
    caption_left, caption_right = caption_x - half - 5 * GAP, caption_x + half + 5 * GAP
    if caption_left - PAD > width - PAD - caption_right:
        spaces.append((bar_top + 2, caption_left - PAD, caption_left))
    else:
        spaces.append((bar_top + 2, width - PAD - caption_right, width - PAD))
    business = [area for area in AREAS if area.is_business and planned.minutes(area)]
    for with_hours, (bottom, room, end) in product((True, False), spaces):
        items = [
            LegendItem(
                f"{area.label} {hours_text(planned.minutes(area))}" if with_hours else area.label,
                area_item(area).draw,
            )
            for area in business
        ]
        used = sum(item.width for item in items) + 1.25 * GAP * (len(items) - 1)
        if used <= room:
            x = end - used
            for item in items:
                item.draw(drawing, x, bottom + ROW / 2)
                text_in_row(drawing, x + item.swatch_width + 3, bottom, item.words, colour=FAINT)
                x += item.width + 1.25 * GAP
            break
    return drawing


def trend_lines(
    trend: Trend,
    width: float,
    height: float,
    targets: Sequence[float | None] | None = None,
    long_term: Sequence[float | None] | None = None,
) -> Drawing:
    """The business share week by week: planned and done, with gaps where a week has no
    hours, against the target (dashed; a plan's ramp may start part-way). Where a plan
    sets the target, `long_term` holds the settings' target it stands in for, drawn
    faintly beside it: a plan's first weeks aim lower, and that is not a lowered target."""
    if not trend.weeks or trend.is_empty:
        count = len(trend.weeks)
        return empty(
            width,
            height,
            f"No hours in these {count} weeks." if count > 1 else "No hours in these weeks.",
        )
    aims = list(targets) if targets is not None else [week.target for week in trend.weeks]
    if len(aims) != len(trend.weeks):
        raise ValueError(f"{len(aims)} targets for {len(trend.weeks)} weeks")
    drawing = canvas_of(width, height)
    known = {aim for aim in aims if aim is not None}
    beside = list(long_term) if long_term is not None else [None] * len(aims)
    long_terms = {aim for aim in beside if aim is not None}
    if long_terms:
        target = "Plan's target for the week"
    else:
        target = f"Target {percent(next(iter(known)), paper=True)}" if len(known) == 1 else "Target"
    legend = [
        line_item("Planned", PLANNED_LINE, 1.2, marker="hollow"),
        line_item("Done", INK, 1.6, marker="filled"),
    ]
    if known:
        legend.append(line_item(target, TARGET_LINE, 1.2, TARGET_DASH))
    if long_terms:
        words = (
            f"Long-term {percent(next(iter(long_terms)), paper=True)}"
            if len(long_terms) == 1
            else "Long-term target"
        )
        legend.append(line_item(words, LONG_TERM_LINE, 0.8, LONG_TERM_DASH))
    labels = [str(week.week.number) for week in trend.weeks]
    plot = _Plot(drawing, width, height, legend, labels, anchor_last=True)
    plot.share_axis()
    if long_terms:
        plot.dashed(beside, LONG_TERM_LINE, LONG_TERM_DASH, 0.8)
    plot.dashed(aims)
    for shares, colour, line, kind in (
        (trend.planned_shares, PLANNED_LINE, 1.2, "hollow"),
        (trend.actual_shares, INK, 1.6, "filled"),
    ):
        for run in unbroken_runs(shares):
            if len(run) > 1:
                points = [c for i, share in run for c in (plot.x_of(i), plot.y_of(share))]
                drawing.add(PolyLine(points, strokeColor=colour, strokeWidth=line))
        for index, maybe in enumerate(shares):
            if maybe is not None:
                drawing.add(dot(plot.x_of(index), plot.y_of(maybe), plot.dot_radius, kind))
    return drawing


def ramp_chart(
    ramp: Sequence[RampWeek], progress: Sequence[WeekProgress], width: float, height: float
) -> Drawing:
    """The doer-to-marketer ramp: each week's hours as business (dark, bottom) and
    technician (light, top), the target share dashed, and the share really done in the
    weeks that have ended: a dot when on track, a hollow triangle when behind."""
    if not ramp:
        return empty(width, height, "No weeks in the plan yet.")
    drawing = canvas_of(width, height)
    legend = [
        box_item("Business hours", BUSINESS_FILL),
        box_item("Technician hours", TECHNICIAN_FILL, area_colour(Area.PRODUCTION)),
        line_item("Target share", TARGET_LINE, 1.2, TARGET_DASH),
    ]
    if progress:
        legend += [marker_item("Done, on track", "filled"), marker_item("Done, behind", "behind")]
    capacities = {week.business_minutes + week.technician_minutes for week in ramp}
    capacity = capacities.pop() if len(capacities) == 1 else 0
    hours = [hours_text(round(capacity * level)) for level in (0.25, 0.5, 0.75, 1.0)]
    hours_width = max(width_of(label) for label in hours) + GAP if capacity else 0.0
    labels = [str(week.week.number) for week in ramp]
    plot = _Plot(drawing, width, height, legend, labels, anchor_last=False, right=hours_width)
    plot.share_axis()
    if capacity:
        plot.hours_axis(capacity)

    # Dense weeks touch, so a long plan reads as one climbing shape, not as stripes.
    bar = plot.spacing if plot.spacing < 4 else min(plot.spacing * 0.72, 36.0)
    for index, week in enumerate(ramp):
        total = week.business_minutes + week.technician_minutes
        if total <= 0:
            continue
        x = plot.x_of(index) - bar / 2
        middle = plot.y_of(week.business_minutes / total)
        if week.business_minutes:
            drawing.add(rect(x, plot.bottom, bar, middle - plot.bottom, BUSINESS_FILL))
        if week.technician_minutes:
            drawing.add(rect(x, middle, bar, plot.top - middle, TECHNICIAN_FILL))
    plot.dashed([week.target_share for week in ramp])

    where = {week.week: index for index, week in enumerate(ramp)}
    for done in progress:
        column = where.get(done.ramp.week)
        share = done.actual_share
        if column is None or share is None:
            continue
        kind = "behind" if done.standing is Standing.BEHIND else "filled"
        drawing.add(dot(plot.x_of(column), plot.y_of(share), plot.dot_radius * 1.25, kind))
    return drawing


class _Plot:
    """Weeks side by side and the share 0-100 % upwards, with the legend at the foot,
    week numbers under the plot ("Week" under the share labels) and share labels left."""

    def __init__(
        self,
        drawing: Drawing,
        width: float,
        height: float,
        legend: list[LegendItem],
        labels: list[str],
        anchor_last: bool,
        right: float = 0.0,
    ) -> None:
        self.drawing = drawing
        legend_top = PAD + legend_height(legend, width - 2 * PAD)
        draw_legend(drawing, legend, PAD, PAD, width - 2 * PAD)
        widest = max(width_of(label) for label in labels)
        labels_end = PAD + max(width_of("100 %"), width_of("Week"))
        self.left = labels_end + GAP + widest / 2  # room for half the first week's label
        # Room past the last week for half a label, or for the hours axis.
        self.right = width - PAD - max(right, widest / 2)
        self.bottom = legend_top + ROW + 0.7 * SIZE  # clear of the "0 %" label
        self.top = height - PAD - SIZE * 0.6
        self.spacing = (self.right - self.left) / len(labels)
        self.dot_radius = max(1.0, min(2.2, self.spacing * 0.28))
        step = label_step(widest, self.spacing)
        label_row = self.bottom - ROW - 0.7 * SIZE
        text_in_row(drawing, labels_end, label_row, "Week", anchor="end", colour=FAINT)
        for index, label in enumerate(labels):
            if (len(labels) - 1 - index if anchor_last else index) % step == 0:
                x = self.x_of(index)
                text_in_row(drawing, x, label_row, label, anchor="middle", colour=FAINT)

    def x_of(self, index: int) -> float:
        return self.left + self.spacing * (index + 0.5)

    def y_of(self, share: float) -> float:
        return self.bottom + (self.top - self.bottom) * share

    def share_axis(self) -> None:
        for level in share_levels(self.top - self.bottom):
            y = self.y_of(level)
            grid_line(self.drawing, self.left, self.right, y, level == 0)
            axis_label(self.drawing, self.left - GAP / 2, y, percent(level, paper=True))

    def hours_axis(self, capacity: int) -> None:
        """The same grid lines in hours up the right side: the bars fill the week."""
        for level in share_levels(self.top - self.bottom):
            minutes = round(capacity * level)
            axis_label(
                self.drawing,
                self.right + GAP / 2,
                self.y_of(level),
                hours_text(minutes),
                anchor="start",
            )

    def dashed(
        self,
        aims: Sequence[float | None],
        colour: Color = TARGET_LINE,
        dash: Sequence[float] = TARGET_DASH,
        stroke: float = 1.2,
    ) -> None:
        """The target: a dashed line through each week's aim, across the whole week's
        column; a week without one breaks it."""
        half = self.spacing / 2
        for run in unbroken_runs(aims):
            first, last = run[0][0], run[-1][0]
            points = [self.x_of(first) - half, self.y_of(run[0][1])]
            for index, aim in run:
                points += [self.x_of(index), self.y_of(aim)]
            points += [self.x_of(last) + half, self.y_of(run[-1][1])]
            self.drawing.add(
                PolyLine(points, strokeColor=colour, strokeWidth=stroke, strokeDashArray=list(dash))
            )
