"""The doer-to-marketer plan on paper: every part present, numbered pages, a 104-week
ramp that paginates, empty parts in sentences, and the owner's text printed as typed."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from test_week_pdf import (
    HOSTILE,
    LONG,
    TODAY,
    WEEK,
    assert_bundled_fonts_only,
    flat,
    normal_tasks,
    reader,
    week_sheet,
)

from tradesman.domain.allocation import DayHours, Trend, WeekByDay, WeekShare
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.plan import HandOff, HandOffWay, Plan, RampWeek, progress, ramp
from tradesman.domain.series import Series
from tradesman.domain.settings import Settings
from tradesman.domain.split import Split, split_blocks
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week, format_span
from tradesman.reports.guidance import GUIDANCE
from tradesman.reports.paper import Paper
from tradesman.reports.sheets import PlanSheet, WeekSheet
from tradesman.services.edits import add_blocks
from tradesman.services.plan import save_plan
from tradesman.store.database import Store

START = date(2026, 11, 2)  # the plan's first week: 2-8 Nov; weeks 1-3 have ended by TODAY
HOURS = 45 * 60

# What was done in the weeks that ended: on track, behind, nothing marked done.
ACTUAL = {
    START: Split(production=30 * 60, marketing=15 * 60),  # 33 % against 24 %
    START + timedelta(days=7): Split(production=40 * 60, marketing=10 * 60),  # 20 % against 25 %
}

COMMITMENTS = (
    Series(
        "Marketing morning: photos and reviews",
        Area.MARKETING,
        7 * 60,
        9 * 60,
        frozenset({1}),
        START,
    ),
    Series(
        "Call back leads", Area.SALES, 16 * 60, 17 * 60, frozenset({0, 2, 4}), START, every_weeks=2
    ),
)
HAND_OFFS = (
    HandOff("Fetching materials", Area.PRODUCTION, HandOffWay.DELEGATE, 180),
    HandOff("Bookkeeping", Area.ADMIN, HandOffWay.SUBCONTRACT, 120, done=True),
    HandOff("Quote template", Area.SALES, HandOffWay.SYSTEMISE),
)


def by_day_of(sheet: WeekSheet) -> WeekByDay:
    days = []
    for day in sheet.week.days:
        split = split_blocks(block for block in sheet.blocks if block.day == day)
        days.append(DayHours(day, split.planned, split.actual))
    return WeekByDay(sheet.week, tuple(days))


def trend_of(weeks: int = 12, empty: bool = False) -> Trend:
    shares = []
    for index in range(weeks):
        week = WEEK.plus(index - weeks + 1)
        planned = (
            Split() if empty else Split(production=2000, marketing=300 + 20 * index, admin=120)
        )
        actual = (
            Split()
            if empty or index % 4 == 0
            else Split(production=1900, marketing=200 + 20 * index)
        )
        shares.append(WeekShare(week, planned, actual, 0.4))
    return Trend(tuple(shares))


def plan_sheet(
    weeks: int = 20,
    baseline: float = 0.23,
    measured: bool = True,
    business_name: str = "Miller Joinery",
    owner_name: str = "Tom Miller",
    commitments: tuple[Series, ...] = COMMITMENTS,
    hand_offs: tuple[HandOff, ...] = HAND_OFFS,
    open_tasks: tuple[Task, ...] | None = None,
    trend: Trend | None = None,
    recent: Split | None = None,
    this_week: WeekSheet | None = None,
) -> PlanSheet:
    plan = Plan(
        start=START,
        weeks=weeks,
        target_share=0.4,
        capacity_minutes=HOURS,
        typed_baseline=None if measured else baseline,
    )
    ramp_weeks = tuple(ramp(plan, baseline))
    week = this_week or week_sheet(business_name=business_name, owner_name=owner_name)
    return PlanSheet(
        business_name=business_name,
        owner_name=owner_name,
        plan=plan,
        baseline=baseline,
        baseline_measured=measured,
        baseline_weeks=tuple(Week(START).plus(-n) for n in (4, 3, 2, 1)) if measured else (),
        ramp=ramp_weeks,
        progress=tuple(progress(ramp_weeks, ACTUAL, TODAY)),
        recent=Split(production=7000, marketing=900, sales=600, admin=500)
        if recent is None
        else recent,
        by_day=by_day_of(week),
        trend=trend_of() if trend is None else trend,
        this_week=week,
        commitments=commitments,
        hand_offs=hand_offs,
        open_tasks=tuple(normal_tasks()) if open_tasks is None else open_tasks,
        today=TODAY,
    )


def render(sheet: PlanSheet, paper: Paper = Paper.A4) -> bytes:
    from tradesman.reports.plan_pdf import write_plan_pdf

    out = io.BytesIO()
    write_plan_pdf(sheet, out, paper)
    return out.getvalue()


def pages_text(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in reader(data).pages]


@pytest.fixture(scope="module")
def plan20() -> tuple[bytes, list[str]]:
    data = render(plan_sheet())
    return data, pages_text(data)


def row_text(week: RampWeek) -> str:
    return f"{week.number} {week.week.number} · {format_span(week.week.start, week.week.end)}"


# -- the whole document ----------------------------------------------------------------


def test_every_page_is_numbered_out_of_the_right_total(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    assert 6 <= len(pages) <= 12
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Doer-to-marketer plan · Miller Joinery" in text  # the footer


def test_pages_are_upright_but_this_week_is_landscape(plan20: tuple[bytes, list[str]]) -> None:
    data, pages = plan20
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(data).pages]
    wide = [index for index, (width, height) in enumerate(sizes) if width > height]
    assert len(wide) == 1
    assert sizes[wide[0]] == pytest.approx((841.89, 595.28), abs=0.01)
    assert all(
        size == pytest.approx((595.28, 841.89), abs=0.01)
        for i, size in enumerate(sizes)
        if i not in wide
    )
    week_page = pages[wide[0]]
    assert "This week's plan · Week 48 · 23–29 Nov 2026" in week_page
    assert "Monday" in week_page and "Sunday" in week_page and "Kitchen fit day 1" in week_page


def test_letter_paper() -> None:
    data = render(plan_sheet(), Paper.LETTER)
    sizes = {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(data).pages}
    assert sizes == {(612.0, 792.0), (792.0, 612.0)}


def test_metadata_names_the_plan_and_the_owner(plan20: tuple[bytes, list[str]]) -> None:
    data, _ = plan20
    metadata = reader(data).metadata
    assert metadata is not None
    assert metadata.title == "Doer-to-marketer plan · Miller Joinery"
    assert metadata.author == "Tom Miller"
    assert metadata.creator == "Tradesman"
    business_only = reader(render(plan_sheet(owner_name=""))).metadata
    assert business_only is not None and business_only.author == "Miller Joinery"


def test_only_the_bundled_font_is_used(plan20: tuple[bytes, list[str]]) -> None:
    data, _ = plan20
    assert_bundled_fonts_only(data)


# -- the cover -------------------------------------------------------------------------


def test_the_cover_gives_the_headline_in_numbers(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    cover = pages[0]
    assert "Miller Joinery" in cover and "Tom Miller" in cover
    assert "23 % → 40 %" in cover
    assert "business time by week 20 · 21 Mar 2027" in cover  # the plan's last day
    assert "45 h" in cover
    assert "20 weeks, from Monday 2 Nov 2026 to Sunday 21 Mar 2027" in cover
    assert (
        "23 % business, measured from your last 4 weeks with hours done before the plan, "
        "between 5 Oct and 1 Nov 2026" in cover
    )
    assert "3 weeks have ended: 1 on track, 1 behind, 1 with no hours marked done." in cover


def test_the_cover_names_the_weeks_really_measured(store: Store) -> None:
    """Two weeks with hours done before the plan: the cover says two, and which."""
    from tradesman.services.sheets import plan_sheet as read_plan_sheet

    today = date(2026, 11, 25)
    with store.writing() as session:
        for monday in (date(2026, 11, 9), date(2026, 11, 16)):
            add_blocks(session, [
                TimeBlock(monday, 420, 900, Area.PRODUCTION, "Job", status=BlockStatus.DONE),
                TimeBlock(monday + timedelta(days=1), 420, 540, Area.MARKETING, "Photos",
                          status=BlockStatus.DONE),
            ])  # fmt: skip
        save_plan(session, Plan(date(2026, 11, 30), 10, 0.4, 40 * 60))
    with store.reading() as session:
        sheet = read_plan_sheet(session, Settings(), today)
    cover = pages_text(render(sheet))[0]
    assert (
        "20 % business, measured from your last 2 weeks with hours done before the plan, "
        "between 9 Nov and 22 Nov 2026" in cover
    )
    assert "4 weeks" not in cover


def test_a_typed_in_start_says_so() -> None:
    cover = pages_text(render(plan_sheet(measured=False, recent=Split())))[0]
    assert "23 % business, as you typed it in" in cover
    assert "measured" not in cover


def test_an_owner_already_past_the_target_is_asked_to_hold_it() -> None:
    cover = pages_text(render(plan_sheet(baseline=0.55)))[0]
    assert "→" not in cover
    assert "40 % business time or more, every week to week 20 · 21 Mar 2027" in cover


# -- where the time goes now -----------------------------------------------------------


def test_the_charts_come_with_a_sentence_each(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    text = " ".join(pages)
    assert "Where the time goes now" in text
    # 7000 + 900 + 600 + 500 minutes: 150 h, 116 h 40 min production, 22 % business
    assert (
        "150 h were marked done: 116 h 40 min on the tools and 33 h 20 min on the business, 22 % business."
        in text
    )
    assert "This week by day · Week 48 · 23–29 Nov 2026" in text
    assert "This week has 49 h planned" in text
    # This week (48) is not over: the latest week that ended is 47.
    assert "8 of the last 12 weeks have hours marked done. The latest, week 47," in text
    # Week 47 is in the plan: its target is the plan's, and the long-term one stays in view.
    assert "against the plan's target of 26 % for that week (40 % in the long run)." in text


def test_the_sentence_and_its_chart_give_one_share_adding_up_to_100() -> None:
    # 25 h of 40 h on the business is 62.5 %: the sentence once said 62 % beside a
    # chart saying 63 %, and the chart's technician and business labels read 38 % + 63 %.
    recent = Split(production=15 * 60, marketing=25 * 60)
    whole = " ".join(pages_text(render(plan_sheet(recent=recent))))
    text = whole[whole.index("Your recent weeks") : whole.index("This week by day")]
    assert "15 h on the tools and 25 h on the business, 63 % business." in text
    assert "Business 25 h · 63 %" in text  # the chart's business total
    assert "25 h · 63 %" in text and "15 h · 37 %" in text  # marketing, production
    assert "62 %" not in text and "38 %" not in text


# -- the ramp --------------------------------------------------------------------------


def test_the_ramp_has_a_row_for_every_week_with_how_the_ended_ones_went(
    plan20: tuple[bytes, list[str]],
) -> None:
    _, pages = plan20
    text = " ".join(pages)
    sheet = plan_sheet()
    for week in sheet.ramp:
        assert row_text(week) in text, week.number
    first, second, third, fourth = sheet.ramp[:4]
    # Target, business hours, of which marketing at least (half), technician, done.
    assert f"{row_text(first)} 24 % 10 h 45 min 5 h 30 min 34 h 15 min 33 % on track" in text
    assert f"{row_text(second)} 25 % 11 h 5 h 30 min 34 h 20 % behind by 5 points" in text
    assert (
        f"{row_text(third)} 26 % 11 h 30 min 5 h 45 min 33 h 30 min – no hours marked done" in text
    )
    assert f"{row_text(fourth)} 26 % 12 h 6 h 33 h this week" in text
    assert f"{row_text(sheet.ramp[-1])} 40 % 18 h 9 h 27 h" in text


@pytest.mark.parametrize("paper", list(Paper))
def test_a_104_week_plan_paginates_with_the_header_on_every_page(paper: Paper) -> None:
    sheet = plan_sheet(weeks=104)
    pages = pages_text(render(sheet, paper))
    text = " ".join(pages)
    for week in sheet.ramp:
        assert row_text(week) in text, week.number
    ramp_pages = [page for page in pages if any(row_text(week) in page for week in sheet.ramp)]
    assert len(ramp_pages) >= 3
    for page in ramp_pages:
        assert (
            "Week Calendar week Target Business Marketing at least Technician Done "
            "Enquiries Won How it went" in page
        )
    total = len(pages)
    assert all(f"Page {n} of {total}" in page for n, page in enumerate(pages, start=1))


# -- commitments and hand-offs ---------------------------------------------------------


def test_commitments_and_hand_offs_are_listed(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    text = " ".join(pages)
    assert "Marketing morning: photos and reviews" in text
    assert "Every Tue" in text and "07:00–09:00" in text
    assert "Every 2 weeks on Mon, Wed, Fri" in text and "16:00–17:00" in text
    assert "about 3 h 30 min a week of business time already booked" in text  # 2 h + 3 h / 2
    for hand_off in HAND_OFFS:
        assert hand_off.title in text
        assert hand_off.way.label in text
    assert "Fetching materials ■ Production Delegate 3 h to do" in text
    assert "Bookkeeping ■ Admin Subcontract 2 h handed off" in text
    assert "Still to hand off: about 3 h a week; already handed off: 2 h a week." in text


def test_empty_parts_are_sentences_not_errors() -> None:
    sheet = plan_sheet(
        commitments=(),
        hand_offs=(),
        open_tasks=(),
        trend=trend_of(empty=True),
        recent=Split(),
        measured=False,
        this_week=week_sheet(blocks=[], tasks=[]),
    )
    data = render(sheet)
    pages = pages_text(data)
    text = " ".join(pages)
    assert "No commitments yet." in text
    assert "Nothing on the hand-off list yet." in text
    assert "No open tasks." in text
    assert "No hours are planned or marked done in the last 12 weeks yet." in text
    assert "Nothing is planned for this week yet." in text
    assert (
        "No hours are marked done in recent weeks, so the plan starts from the share you typed in."
        in text
    )
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert_bundled_fonts_only(data)


def test_a_trend_of_no_weeks_at_all() -> None:
    text = " ".join(pages_text(render(plan_sheet(trend=Trend(())))))
    assert "No hours are planned or marked done in recent weeks yet." in text


# -- open tasks ------------------------------------------------------------------------


def test_open_tasks_are_listed_by_area_with_due_dates(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    text = " ".join(pages)
    assert "4 open tasks, soonest due first." in text
    assert "Send the Harris quote late · 20 Nov" in text
    assert "Order oak worktop Wed 25 Nov" in text
    for area in AREAS:
        assert f"{area.label} · 1" in text


def test_the_widest_due_dates_print_whole_on_one_line() -> None:
    """A late task from last year and dates a year on, beside a title that fills its
    cell: the date is never cut ("late · 27…") nor broken over two lines."""
    tasks = (
        Task(f"Chase the invoice {LONG}", Area.ADMIN, due=date(2025, 10, 27)),
        Task(f"Ring the Jones family {LONG}", Area.MARKETING, due=date(2027, 12, 29)),
        Task("Order oak", Area.PRODUCTION, due=date(2027, 5, 26)),
    )
    data = render(plan_sheet(open_tasks=tasks))
    raw = "\n".join(page.extract_text() for page in reader(data).pages)
    for whole in ("late · 27 Oct 2025", "Wed 29 Dec 2027", "Wed 26 May 2027"):
        assert whole in raw  # (raw text: a date broken over two lines would not match)
    assert "late · 27…" not in raw


def test_hundreds_of_long_tasks_run_over_pages() -> None:
    tasks = tuple(
        Task(f"Task {i:03d} {LONG}", AREAS[i % 4], due=None if i % 3 else TODAY + timedelta(days=i))
        for i in range(300)
    )
    pages = pages_text(render(plan_sheet(open_tasks=tasks)))
    text = " ".join(pages)
    assert "300 open tasks" in text
    squeezed = "".join(text.split())
    for i in range(300):
        assert f"Task{i:03d}" in squeezed
    assert "no date" in text
    assert len(pages) > 12


# -- the owner's text ------------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_prints_literally(hostile: str) -> None:
    sheet = plan_sheet(
        business_name=f"{hostile} Joinery",
        owner_name=f"{hostile} Smith",
        commitments=(
            Series(f"Post {hostile} photos", Area.MARKETING, 420, 480, frozenset({0}), START),
        ),
        hand_offs=(HandOff(f"Sweep {hostile} up", Area.PRODUCTION),),
        open_tasks=(Task(f"Call {hostile} back", Area.SALES, due=TODAY),),
    )
    data = render(sheet)
    text = " ".join(pages_text(data))
    for expected in (
        f"{hostile} Joinery",
        f"{hostile} Smith",
        f"Post {hostile} photos",
        f"Sweep {hostile} up",
        f"Call {hostile} back",
    ):
        assert expected in text
    metadata = reader(data).metadata
    assert metadata is not None
    assert metadata.title == f"Doer-to-marketer plan · {hostile} Joinery"
    assert_bundled_fonts_only(data)


def test_very_long_names_and_titles_do_not_break_the_layout() -> None:
    sheet = plan_sheet(
        business_name=LONG * 3,
        owner_name=LONG,
        commitments=(
            Series(LONG * 5, Area.MARKETING, 420, 480, frozenset({0, 1, 2, 3, 4, 5, 6}), START),
        ),
        hand_offs=(HandOff(LONG * 5, Area.ADMIN, minutes_a_week=600),),
        open_tasks=(Task(LONG * 5, Area.SALES, due=TODAY),),
    )
    pages = pages_text(render(sheet))
    assert any("…" in page for page in pages)


# -- guidance --------------------------------------------------------------------------


def test_guidance_for_each_engine(plan20: tuple[bytes, list[str]]) -> None:
    _, pages = plan20
    text = " ".join(pages)
    # Three engines (marketing, sales, production), with admin beside them: never four.
    assert "four engines" not in text.lower()
    assert "Keeping the three engines running" in text
    assert (
        "A one-person trade business runs on three engines: marketing brings the leads, "
        "sales turns them into signed jobs, and production does the work. Beside them "
        "sits admin" in text
    )
    assert "• Keeping the three engines running" in pages[0]
    assert [engine.area for engine in GUIDANCE] == [
        Area.MARKETING,
        Area.SALES,
        Area.PRODUCTION,
        Area.ADMIN,
    ]
    for engine in GUIDANCE:
        assert 3 <= len(engine.points) <= 5
        assert engine.heading in text
        for point in engine.points:
            assert flat(point) in text


def test_the_guidance_talks_plainly() -> None:
    words = " ".join(point for engine in GUIDANCE for point in (engine.why, *engine.points)).lower()
    for jargon in (
        "synergy",
        "leverage",
        "mindset",
        "funnel",
        "crush",
        "hustle",
        "game-changer",
        "roi",
        "kpi",
    ):
        assert not re.search(rf"\b{jargon}\b", words), jargon


def test_the_reader_of_the_tests_sees_pypdf() -> None:
    # pypdf is the extractor every check here relies on; an empty extraction would pass
    # "not in" checks vacuously, so make sure text comes out at all.
    data = render(plan_sheet())
    assert len(PdfReader(io.BytesIO(data)).pages[0].extract_text()) > 200
