"""The doer-to-marketer plan as a PDF: a few portrait pages and this week in landscape.

1. The cover: where the owner stands, the target and by when, in big numbers.
2. Where the time goes now: the mix of recent hours, this week by day, the trend.
3. The ramp: the chart and a table week by week, with how each ended week went.
4. Commitments (business time booked every week), and the work to hand off.
5. This week's plan: the same page as the printed week (landscape).
6. Every open task by area, with a box to tick.
7. A few plain points for each of the three engines, and for admin beside them.

Every page says "Page X of Y": the canvas keeps each page until the last one is laid
out, then numbers them all (one pass, so a 104-week plan is not laid out twice).
Everything the owner typed is escaped and, in tables, cut to a length a cell can hold,
so no text can break the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tradesman.area_colours import AREA_HEX
from tradesman.domain.clock import format_clock, format_hours
from tradesman.domain.numbers import percent, points_apart
from tradesman.domain.plan import Standing, WeekProgress, measured_from, target_for
from tradesman.domain.series import Series
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import DAY_NAMES, format_day, format_span
from tradesman.reports import drawings
from tradesman.reports.fonts import BOLD, REGULAR, register_fonts
from tradesman.reports.guidance import GUIDANCE
from tradesman.reports.paper import (
    FAINT_RULE,
    INK,
    MM,
    RULE,
    SHADE,
    SOFT_INK,
    Paper,
    author_of,
    fit,
    styles,
    tasks_by_area,
)
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import ELLIPSIS, escape, one_line
from tradesman.reports.week_pdf import WeekFlowable

MARGIN = 18 * MM
FOOTER_Y = 9 * MM
CELL_CHARACTERS = 300  # the most of one typed text a table cell shows
CHART_GAP = 6.0
# A section starts on the page before only when this much of it fits there.
NEW_SECTION_ROOM = 360.0


def write_plan_pdf(sheet: PlanSheet, out: BinaryIO, paper: Paper) -> None:
    """The whole plan, on `paper`, written to `out`."""
    register_fonts()
    name = _name(sheet)
    title = f"Doer-to-marketer plan · {name}" if name else "Doer-to-marketer plan"
    document = BaseDocTemplate(
        out,
        pagesize=paper.size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author_of(sheet.business_name, sheet.owner_name),
        subject="From doing the work to running the business: the plan week by week",
        creator="Tradesman",
        initialFontName=REGULAR,
    )
    footer = one_line(title)

    def portrait_footer(canvas: Canvas, _: object) -> None:
        _draw_footer(canvas, footer, paper.size[0])

    def landscape_footer(canvas: Canvas, _: object) -> None:
        _draw_footer(canvas, footer, paper.landscape[0])

    width, height = paper.size
    wide, low = paper.landscape
    document.addPageTemplates(
        [
            PageTemplate(
                "portrait",
                [Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="body")],
                onPage=portrait_footer,
                pagesize=paper.size,
            ),
            PageTemplate(
                "landscape",
                [Frame(MARGIN * 0.6, MARGIN, wide - 1.2 * MARGIN, low - 1.6 * MARGIN, id="wide")],
                onPage=landscape_footer,
                pagesize=paper.landscape,
            ),
        ]
    )
    frame_width = width - 2 * MARGIN - 12  # a Frame keeps 6 points of padding each side
    story: list[Flowable] = []
    story += _cover(sheet)
    story.append(PageBreak())
    story += _time_now(sheet, frame_width)
    story.append(CondPageBreak(NEW_SECTION_ROOM))
    story += _ramp(sheet, frame_width)
    story.append(CondPageBreak(NEW_SECTION_ROOM))
    story += _commitments(sheet)
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += _this_week(sheet)
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += _open_tasks(sheet)
    story.append(PageBreak())
    story += _guidance()
    document.build(story, canvasmaker=_NumberedCanvas)


# -- page numbers ----------------------------------------------------------------------


class _NumberedCanvas(Canvas):
    """Keeps every page until the end, then writes "Page X of Y" on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in the stubs

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            width = self._pagesize[0]  # type: ignore[attr-defined]  # this page's own size
            self.setFont(REGULAR, 7.5)
            self.setFillColor(HexColor(SOFT_INK))
            self.drawRightString(width - MARGIN, FOOTER_Y, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _draw_footer(canvas: Canvas, text: str, page_width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(HexColor(FAINT_RULE))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, FOOTER_Y + 10, page_width - MARGIN, FOOTER_Y + 10)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(HexColor(SOFT_INK))
    room = page_width - 2 * MARGIN - 70
    canvas.drawString(MARGIN, FOOTER_Y, fit(text, REGULAR, 7.5, room))
    canvas.restoreState()


# -- 1. the cover ----------------------------------------------------------------------


def headline(sheet: PlanSheet) -> tuple[str, str]:
    """('23 % → 40 %', 'business time by week 20 · 17 May 2027')."""
    plan = sheet.plan
    by = f"week {plan.weeks} · {format_day(plan.last_week.end)}"
    if sheet.baseline >= plan.target_share:
        return percent(plan.target_share, paper=True), f"business time or more, every week to {by}"
    return (
        f"{percent(sheet.baseline, paper=True)} → {percent(plan.target_share, paper=True)}",
        f"business time by {by}",
    )


def _cover(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    plan = sheet.plan
    business, owner = one_line(sheet.business_name), one_line(sheet.owner_name)
    story: list[Flowable] = [
        Paragraph("DOER-TO-MARKETER PLAN", _soft_caps()),
        Spacer(0, 6),
    ]
    if business or owner:
        story.append(Paragraph(escape(_cut(business or owner, 120)), style["title"]))
    if business and owner:
        story.append(Paragraph(escape(_cut(owner, 120)), style["lead"]))
    story.append(Spacer(0, 34))
    big, words = headline(sheet)
    story += [Paragraph(escape(big), style["big"]), Paragraph(escape(words), style["lead"])]

    capacity = plan.capacity_minutes
    now_minutes = round(capacity * sheet.baseline / 15) * 15
    end_minutes = sheet.ramp[-1].business_minutes if sheet.ramp else 0
    if sheet.baseline >= plan.target_share:
        hours = (
            f"You already give about {format_hours(now_minutes)} of your "
            f"{format_hours(capacity)} week to the business. The plan keeps at least "
            f"{format_hours(end_minutes)} for it every week, so the jobs do not creep back in."
        )
    else:
        hours = (
            f"That is about {format_hours(now_minutes)} of your {format_hours(capacity)} week "
            f"on the business today, and {format_hours(end_minutes)} by the last week of the "
            "plan: a little more each week, taken from the hours on the tools."
        )
    story += [Paragraph(escape(hours), style["body"]), Spacer(0, 18)]

    if sheet.baseline_measured:
        start_words = (
            f"{percent(sheet.baseline, paper=True)} business, measured from "
            f"{measured_from(sheet.baseline_weeks)}"
        )
    else:
        start_words = f"{percent(sheet.baseline, paper=True)} business, as you typed it in"
    facts = [
        ("Hours in a week", format_hours(capacity)),
        (
            "The plan",
            f"{plan.weeks} weeks, from {_long_day(plan.first_week.start)} "
            f"to {_long_day(plan.last_week.end)}",
        ),
        ("Where you start", start_words),
        ("Where you aim", f"{percent(plan.target_share, paper=True)} business by the last week"),
        ("So far", _so_far(sheet)),
    ]
    story.append(
        _table(
            [[_cell(label, "cell_head"), _cell(value)] for label, value in facts],
            [110, None],
            lines=True,
        )
    )
    story += [
        Spacer(0, 22),
        Paragraph("How to use this plan", style["h2"]),
        Paragraph(
            "Each week of the plan asks for a little more of your time on marketing, sales "
            "and admin, and a little less on the tools. Put the business hours on the "
            "calendar first, before the jobs fill the week, and keep them like an "
            "appointment with a customer. At the end of each week mark what you really did: "
            "the ramp table shows whether you kept up, and the next week shows how much "
            "further to go.",
            style["body"],
        ),
        Paragraph("In this plan", style["h3"]),
    ]
    for part in (
        "Where the time goes now",
        "The ramp, week by week",
        "Commitments and what to hand off",
        "This week's plan",
        "Open tasks",
        "Keeping the three engines running",
    ):
        story.append(Paragraph(escape(part), style["bullet"], bulletText="•"))
    story += [
        Spacer(0, 10),
        Paragraph(escape(f"Printed {format_day(sheet.today)} from Tradesman."), style["soft"]),
    ]
    return story


def _so_far(sheet: PlanSheet) -> str:
    plan = sheet.plan
    if sheet.today < plan.first_week.start:
        return f"The plan starts on {_long_day(plan.first_week.start)}."
    ended = len(sheet.progress)
    if not ended:
        return "Week 1 is running now; nothing has ended yet."
    counts = {standing: 0 for standing in Standing}
    for week in sheet.progress:
        counts[week.standing] += 1
    parts = [f"{counts[Standing.ON_TRACK]} on track", f"{counts[Standing.BEHIND]} behind"]
    if counts[Standing.NO_HOURS]:
        parts.append(f"{counts[Standing.NO_HOURS]} with no hours marked done")
    weeks = "1 week has" if ended == 1 else f"{ended} weeks have"
    return f"{weeks} ended: {', '.join(parts)}."


# -- 2. where the time goes now --------------------------------------------------------


def _time_now(sheet: PlanSheet, width: float) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [Paragraph("Where the time goes now", style["h1"])]

    recent = sheet.recent
    if recent.total_minutes:
        share = percent(recent.business_share, paper=True)
        words = (
            f"In your recent weeks {format_hours(recent.total_minutes)} were marked done: "
            f"{format_hours(recent.technician_minutes)} on the tools and "
            f"{format_hours(recent.business_minutes)} on the business, {share} business."
        )
    elif sheet.baseline_measured:
        words = "No hours are marked done in recent weeks."
    else:
        words = (
            "No hours are marked done in recent weeks, so the plan starts from the share "
            "you typed in. Mark blocks done each week and a chart of them appears here."
        )
    # An empty chart would only repeat the sentence: it is left out.
    mix = drawings.area_mix(recent, width, 150) if recent.total_minutes else None
    story.append(_chart_part("Your recent weeks", words, mix))

    by_day = sheet.by_day
    planned, done = by_day.total.planned, by_day.total.actual
    if by_day.is_empty:
        words = "Nothing is planned for this week yet."
    else:
        words = (
            f"This week has {format_hours(planned.total_minutes)} planned, "
            f"{percent(planned.business_share, paper=True)} of it on the business; "
            f"{format_hours(done.total_minutes)} are marked done so far."
        )
    story.append(
        _chart_part(
            f"This week by day · {by_day.week.label}",
            words,
            None if by_day.is_empty else drawings.day_bars(by_day, width, 170),
        )
    )

    trend = sheet.trend
    targets = [target_for(sheet.ramp, week.week) for week in trend.weeks]
    aims = [
        week.target if target is None else target
        for week, target in zip(trend.weeks, targets, strict=True)
    ]
    # The settings' target, beside each week the plan sets its own for.
    long_term = [
        None if target is None else (week.long_term_target or week.target)
        for week, target in zip(trend.weeks, targets, strict=True)
    ]
    chart = None if trend.is_empty else drawings.trend_lines(trend, width, 170, aims, long_term)
    story.append(_chart_part("Business share, week by week", trend_sentence(sheet), chart))
    return story


def trend_sentence(sheet: PlanSheet) -> str:
    weeks = sheet.trend.weeks
    # (This week is not over: the latest week to speak of is the last one that ended.)
    worked = [
        week
        for week in weeks
        if week.actual.business_share is not None and week.week.end < sheet.today
    ]
    if not worked:
        count = f"the last {len(weeks)} weeks" if len(weeks) > 1 else "recent weeks"
        if sheet.trend.is_empty:
            return f"No hours are planned or marked done in {count} yet."
        return f"No hours are marked done in {count} yet; the chart shows what was planned."
    latest = worked[-1]
    target = target_for(sheet.ramp, latest.week)
    if target is None:
        against = f"against a target of {percent(latest.target, paper=True)}"
    else:
        # The plan's early weeks aim under the long-term target: both are named, so a
        # lower figure does not read as a lowered target.
        long_term = latest.target if latest.long_term_target is None else latest.long_term_target
        against = (
            f"against the plan's target of {percent(target, paper=True)} for that week "
            f"({percent(long_term, paper=True)} in the long run)"
        )
    return (
        f"{len(worked)} of the last {len(weeks)} weeks "
        f"{'has' if len(worked) == 1 else 'have'} hours marked done. The latest, "
        f"week {latest.week.number}, was "
        f"{percent(latest.actual.business_share, paper=True)} business "
        f"{against}."
    )


def _chart_part(heading: str, sentence: str, chart: Flowable | None) -> Flowable:
    style = styles()
    part: list[Flowable] = [
        Paragraph(escape(heading), style["h2"]),
        Paragraph(escape(sentence), style["body"]),
    ]
    if chart is not None:
        part += [Spacer(0, 2), chart]
    return KeepTogether([*part, Spacer(0, CHART_GAP)])


# -- 3. the ramp -----------------------------------------------------------------------


def standing_words(progress: WeekProgress) -> str:
    """'on track', 'behind by 4 points' or 'no hours marked done'."""
    if progress.standing is Standing.ON_TRACK:
        return "on track"
    if progress.standing is Standing.BEHIND:
        # Counted from the two percents printed beside it, so the row adds up.
        points = max(1, points_apart(progress.ramp.target_share, progress.actual_share or 0.0))
        return f"behind by {points} point" + ("" if points == 1 else "s")
    return "no hours marked done"


def _ramp(sheet: PlanSheet, width: float) -> list[Flowable]:
    style = styles()
    plan = sheet.plan
    intro = (
        f"Each week aims a little higher, from {percent(sheet.baseline, paper=True)} to "
        f"{percent(plan.target_share, paper=True)} of a "
        f"{format_hours(plan.capacity_minutes)} week. "
        "Business hours are rounded to the quarter hour."
    )
    if sheet.baseline >= plan.target_share:
        intro = (
            f"You already spend {percent(sheet.baseline, paper=True)} of your hours on the "
            "business, so "
            f"every week holds at least {percent(plan.target_share, paper=True)} of a "
            f"{format_hours(plan.capacity_minutes)} week."
        )
    story: list[Flowable] = [
        KeepTogether(
            [
                Paragraph("The ramp, week by week", style["h1"]),
                Paragraph(escape(intro), style["body"]),
                Spacer(0, 2),
                drawings.ramp_chart(sheet.ramp, sheet.progress, width, 200),
                Spacer(0, 8),
                Paragraph(escape(_so_far(sheet)), style["body"]),
            ]
        )
    ]
    ended = {week.ramp.week: week for week in sheet.progress}
    head = ["Week", "Calendar week", "Target", "Business", "Technician", "Done", "How it went"]
    rows: list[list[Any]] = [[_cell(words, "cell_head") for words in head]]
    current: list[int] = []
    for index, week in enumerate(sheet.ramp, start=1):
        result = ended.get(week.week)
        now = week.week.contains(sheet.today)
        if now:
            current.append(index)
        rows.append(
            [
                _cell(str(week.number)),
                _cell(f"{week.week.number} · {format_span(week.week.start, week.week.end)}"),
                _cell(percent(week.target_share, paper=True)),
                _cell(format_hours(week.business_minutes)),
                _cell(format_hours(week.technician_minutes)),
                _cell(percent(result.actual_share, paper=True) if result else ""),
                _cell(standing_words(result) if result else ("this week" if now else "")),
            ]
        )
    table = _table(rows, [32, 128, 40, 58, 60, 36, None], header=True, zebra=True)
    for index in current:
        table.setStyle(TableStyle([("BACKGROUND", (0, index), (-1, index), HexColor(SHADE))]))
    story += [Spacer(0, 4), table]
    return story


# -- 4. commitments and hand-offs ------------------------------------------------------


def series_minutes_a_week(series: Series) -> float:
    """What a series takes in an average week."""
    return (series.end - series.start) * len(series.weekdays) / max(series.every_weeks, 1)


def _commitments(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [
        Paragraph("Commitments: business time every week", style["h1"]),
    ]
    if sheet.commitments:
        total = sum(series_minutes_a_week(series) for series in sheet.commitments)
        story.append(
            Paragraph(
                escape(
                    "These repeat on the calendar while the plan runs: about "
                    f"{format_hours(round(total))} a week of business time already booked."
                ),
                style["body"],
            )
        )
        rows: list[list[Any]] = [
            [_cell(words, "cell_head") for words in ("What", "Area", "When", "Time", "A week")]
        ]
        for series in sheet.commitments:
            rows.append(
                [
                    _cell(_cut(series.title, CELL_CHARACTERS)),
                    _area_cell(series.area.label, AREA_HEX[series.area]),
                    _cell(series.describe()),
                    _cell(f"{format_clock(series.start)}–{format_clock(series.end)}"),
                    _cell(format_hours(round(series_minutes_a_week(series)))),
                ]
            )
        story.append(_table(rows, [None, 66, 120, 62, 48], header=True, zebra=True))
    else:
        story.append(
            Paragraph(
                "No commitments yet. A fixed marketing morning every week is a "
                "good first one: it turns the plan into time on the calendar.",
                style["body"],
            )
        )

    story += [Spacer(0, 10), Paragraph("What to hand off", style["h1"])]
    if sheet.hand_offs:
        waiting = sum(h.minutes_a_week or 0 for h in sheet.hand_offs if not h.done)
        freed = sum(h.minutes_a_week or 0 for h in sheet.hand_offs if h.done)
        words = "Work that a helper, another trade or a checklist could take off your hands."
        if waiting or freed:
            words += f" Still to hand off: about {format_hours(waiting)} a week"
            words += f"; already handed off: {format_hours(freed)} a week." if freed else "."
        story.append(Paragraph(escape(words), style["body"]))
        rows = [[_cell(words, "cell_head") for words in ("", "What", "Area", "How", "A week", "")]]
        for hand_off in sheet.hand_offs:
            minutes = hand_off.minutes_a_week
            rows.append(
                [
                    _Checkbox(ticked=hand_off.done),
                    _cell(_cut(hand_off.title, CELL_CHARACTERS)),
                    _area_cell(hand_off.area.label, AREA_HEX[hand_off.area]),
                    _cell(hand_off.way.label),
                    _cell(format_hours(minutes) if minutes else "–"),
                    _cell("handed off" if hand_off.done else "to do", soft=not hand_off.done),
                ]
            )
        story.append(_table(rows, [16, None, 66, 72, 48, 58], header=True, zebra=True))
    else:
        story.append(
            Paragraph(
                "Nothing on the hand-off list yet. Look at what comes back every week, such "
                "as fetching materials, clearing up or typing invoices: each thing someone "
                "else can do is an hour back for the business.",
                style["body"],
            )
        )
    return story


# -- 5. this week ----------------------------------------------------------------------


def _this_week(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    week = sheet.this_week
    return [
        Paragraph(escape(f"This week's plan · {week.week.label}"), style["h1"]),
        WeekFlowable(week),
    ]


# -- 6. open tasks ---------------------------------------------------------------------


def _open_tasks(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [Paragraph("Open tasks", style["h1"])]
    tasks = sheet.open_tasks
    if not tasks:
        story.append(
            Paragraph(
                "No open tasks. Add the next marketing and sales steps in Tradesman and "
                "they will be listed here.",
                style["body"],
            )
        )
        return story
    count = "1 open task" if len(tasks) == 1 else f"{len(tasks)} open tasks"
    story.append(
        Paragraph(escape(f"{count}, soonest due first. Tick them off as you go."), style["body"])
    )
    for area, group in tasks_by_area(tasks):
        rows = [
            [_Checkbox(), _cell(_cut(task.title, CELL_CHARACTERS)), _due_cell(task, sheet.today)]
            for task in group
        ]
        story += [
            CondPageBreak(60),
            _area_heading(f"{area.label} · {len(group)}", AREA_HEX[area]),
            _table(rows, [16, None, 80], lines=True),
        ]
    return story


def _due_cell(task: Task, today: date) -> Paragraph:
    if task.due is None:
        return _cell("no date", soft=True)
    day = format_day(task.due, with_year=task.due.year != today.year)
    if task.due < today:
        return Paragraph(f"<b>late</b> · {escape(day)}", styles()["cell"])
    return _cell(f"{DAY_NAMES[task.due.weekday()][:3]} {day}")


# -- 7. guidance -----------------------------------------------------------------------


def _guidance() -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [
        Paragraph("Keeping the three engines running", style["h1"]),
        Paragraph(
            "A one-person trade business runs on three engines: marketing brings the leads, "
            "sales turns them into signed jobs, and production does the work. Beside them "
            "sits admin, which makes sure you are paid. All three compete for your hours "
            "and need each other, and marketing comes first: without leads, the best quote "
            "and the best work have nothing to do. A few habits for each, and for admin:",
            style["body"],
        ),
    ]
    for advice in GUIDANCE:
        part: list[Flowable] = [
            _area_heading(advice.heading, AREA_HEX[advice.area]),
            Paragraph(escape(advice.why), style["body"]),
        ]
        part += [
            Paragraph(escape(point), style["bullet"], bulletText="•") for point in advice.points
        ]
        story.append(KeepTogether(part))
    return story


# -- small pieces ----------------------------------------------------------------------


class _Checkbox(Flowable):
    """An empty box to tick by hand, or a ticked one."""

    def __init__(self, ticked: bool = False) -> None:
        super().__init__()
        self.ticked = ticked
        self.width = self.height = 8.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(HexColor(INK))
        canvas.setLineWidth(0.7)
        canvas.rect(0.5, -1, 7, 7, stroke=1, fill=0)
        if self.ticked:
            canvas.setLineWidth(1.1)
            path = canvas.beginPath()
            path.moveTo(1.8, 2.6)
            path.lineTo(3.6, 0.6)
            path.lineTo(7.4, 6.6)
            canvas.drawPath(path, stroke=1, fill=0)


class _AreaHeading(Flowable):
    """A heading with its area's colour beside it."""

    def __init__(self, text: str, colour: str) -> None:
        super().__init__()
        self.paragraph = Paragraph(escape(text), styles()["h2"])
        self.colour = colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, height = self.paragraph.wrap(available_width - 9, available_height)
        self.height = height
        return available_width, height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(HexColor(self.colour))
        leading = styles()["h2"].leading
        canvas.rect(0, self.height - leading + 1.5, 4, leading - 3, stroke=0, fill=1)
        self.paragraph.drawOn(canvas, 9, 0)


def _area_heading(text: str, colour: str) -> Flowable:
    return _AreaHeading(text, colour)


def _area_cell(label: str, colour: str) -> Paragraph:
    return Paragraph(
        f'<font color="{colour}">■</font> {escape(label)}',
        styles()["cell"],
    )


def _cell(text: str, style: str = "cell", soft: bool = False) -> Paragraph:
    markup = escape(text)
    if soft:
        markup = f'<font color="{SOFT_INK}">{markup}</font>'
    return Paragraph(markup, styles()[style])


def _table(
    rows: Sequence[list[Any]],
    widths: Sequence[float | None],
    header: bool = False,
    zebra: bool = False,
    lines: bool = False,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(INK)),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3.5),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor("#f6f6f3")]))
    if lines:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(RULE)))
    table.setStyle(TableStyle(commands))
    return table


def _soft_caps() -> ParagraphStyle:
    return ParagraphStyle(
        "caps", parent=styles()["soft"], fontName=BOLD, fontSize=9, textColor=HexColor(SOFT_INK)
    )


def _name(sheet: PlanSheet) -> str:
    return one_line(sheet.business_name) or one_line(sheet.owner_name)


def _long_day(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {format_day(day)}"


def _cut(text: str, characters: int) -> str:
    """Typed text on one line, cut to `characters` with "…" (a cell is not a page)."""
    text = one_line(text)
    if len(text) <= characters:
        return text
    return text[: characters - 1].rstrip() + ELLIPSIS
