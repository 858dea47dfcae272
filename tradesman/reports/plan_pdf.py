"""The doer-to-marketer plan as a PDF: a few portrait pages and this week in landscape.

1. The cover: where the owner stands, the target and by when, in big numbers.
2. Where the time goes now: the mix of recent hours, this week by day, the trend;
   and on a page of its own, where the work comes from: the stuck engine and its next
   step, the figures in sentences, the table of sources (or, with no enquiry logged
   yet, how to start).
3. The ramp: the chart and a table week by week, with how each ended week went.
4. Commitments (business time booked every week), and the work to hand off.
5. This week's plan: the same page as the printed week (landscape).
6. Every open task by area, with a box to tick.
7. A few plain points for each of the three engines, and for admin beside them.

Each part has its module (plan_cover.py, plan_time_now.py, plan_work_in.py,
plan_ramp.py, plan_commitments.py, the printed week's week_pdf.py, plan_open_tasks.py;
their tables and tick boxes in plan_tables.py); this one lays them out in order.

Every page says "Page X of Y": the canvas keeps each page until the last one is laid
out, then numbers them all (one pass, so a 104-week plan is not laid out twice).
Everything the owner typed is escaped and, in tables, cut to a length a cell can hold,
so no text can break the layout.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
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
)

from tradesman.area_colours import AREA_HEX
from tradesman.reports.fonts import REGULAR, register_fonts
from tradesman.reports.guidance import GUIDANCE
from tradesman.reports.paper import FAINT_RULE, MM, SOFT_INK, Paper, author_of, fit, styles
from tradesman.reports.plan_commitments import commitments_and_hand_offs
from tradesman.reports.plan_cover import cover
from tradesman.reports.plan_open_tasks import open_tasks
from tradesman.reports.plan_ramp import the_ramp
from tradesman.reports.plan_tables import area_heading
from tradesman.reports.plan_time_now import where_the_time_goes
from tradesman.reports.plan_work_in import where_the_work_comes_from
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape, one_line
from tradesman.reports.week_pdf import WeekFlowable

MARGIN = 18 * MM
FOOTER_Y = 9 * MM
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
    story += cover(sheet)
    story.append(PageBreak())
    story += where_the_time_goes(sheet, frame_width)
    story.append(PageBreak())
    story += where_the_work_comes_from(sheet, frame_width)
    story.append(PageBreak())
    story += the_ramp(sheet, frame_width)
    story.append(CondPageBreak(NEW_SECTION_ROOM))
    story += commitments_and_hand_offs(sheet)
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += _this_week(sheet)
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += open_tasks(sheet)
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


# -- 5. this week ----------------------------------------------------------------------


def _this_week(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    week = sheet.this_week
    return [
        Paragraph(escape(f"This week's plan · {week.week.label}"), style["h1"]),
        WeekFlowable(week),
    ]


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
            area_heading(advice.heading, AREA_HEX[advice.area]),
            Paragraph(escape(advice.why), style["body"]),
        ]
        part += [
            Paragraph(escape(point), style["bullet"], bulletText="•") for point in advice.points
        ]
        story.append(KeepTogether(part))
    return story


def _name(sheet: PlanSheet) -> str:
    return one_line(sheet.business_name) or one_line(sheet.owner_name)
