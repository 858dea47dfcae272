"""The plan PDF's "Where the work comes from" (issue 15): a page of its own after "Where
the time goes now", with the stuck engine and its next step, the figures in sentences
and the table of sources whole on A4 and Letter; the owner's source names printed as
typed; and, with no enquiry logged yet, a short page on how to start."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from engine_example import GOOGLE, example
from store_watch import transactions
from test_plan_pdf import pages_text, plan_sheet, render
from test_week_pdf import HOSTILE, LONG, assert_bundled_fonts_only, reader

from tradesman.domain import engine_words as words
from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.engine_verdict import ENGINE_WORDS, Engine, engine_report
from tradesman.domain.leads import Lead, SourceKind, Spend
from tradesman.domain.plan import Plan
from tradesman.reports.paper import Paper
from tradesman.reports.sheets import PlanSheet, WorkInSheet
from tradesman.services.edits import add_blocks
from tradesman.services.plan import save_plan
from tradesman.services.source_list import all_sources
from tradesman.services.sources import add_source
from tradesman.store import tables
from tradesman.store.database import Store

HEADING = "Where the work comes from"
TIME_NOW = "Where the time goes now"
RAMP = "The ramp, week by week"
# The hand-worked example (tests/engine_example.py), its figures over 4 weeks and its
# verdict over 13: since 19 October, 6 enquiries in 45 days (0.9 a week); 2.5 jobs a
# week ÷ (4 of 6 quoted × 2 of 3 decided won) = 5.6 a week needed. Marketing is stuck.
VERDICT = (
    "Marketing is stuck 0.9 enquiries a week came in; 5.6 a week keep you booked. "
    "Next step: Book a marketing hour this week, and ask your last customers for a referral. "
    "The verdict is judged over the last 13 weeks; the figures below cover the last 4."
)
# Google: 2 enquiries, 1 won for 3,000, 45 spent, 2.5 marketing hours, the rest too few.
GOOGLE_ROW = "Google / business profile 2 1 3,000 45 2.5 too few too few too few too few"


def work_in(**changes: object) -> WorkInSheet:
    return WorkInSheet(engine_report(example(**changes), 4), "GBP", ".")


def with_work_in(sheet: PlanSheet, engines: WorkInSheet | None) -> PlanSheet:
    return replace(sheet, where_work_comes_from=engines)


def body(page: str) -> str:
    """A page's text after its footer (which the reader gives first)."""
    for footer in ("Doer-to-marketer plan · Miller Joinery ", "Doer-to-marketer plan "):
        if page.startswith(footer):
            return page.removeprefix(footer)
    return page


def the_page(pages: list[str]) -> tuple[int, str]:
    """The page the part starts on (the cover only lists it), and its text."""
    found = [(n, page) for n, page in enumerate(pages) if body(page).startswith(HEADING)]
    assert len(found) == 1, [body(page)[:40] for page in pages]
    return found[0]


# -- where it stands, and how many pages -----------------------------------------------


@pytest.mark.parametrize("logged", [True, False], ids=["enquiries", "none yet"])
def test_a_page_of_its_own_after_where_the_time_goes_now(logged: bool) -> None:
    sheet = with_work_in(plan_sheet(), work_in() if logged else None)
    pages = pages_text(render(sheet))
    number, _ = the_page(pages)
    assert body(pages[number - 1]).startswith(TIME_NOW)  # (on one page in this plan)
    assert body(pages[number + 1]).startswith(RAMP)
    # The 20-week plan was 7 pages: this one adds exactly one, whatever it says.
    assert len(pages) == 8
    assert all(f"Page {n} of 8" in page for n, page in enumerate(pages, start=1))
    cover = pages[0]
    assert f"• {TIME_NOW} • {HEADING} • {RAMP}" in cover


# -- the engines -----------------------------------------------------------------------


def test_the_stuck_engine_the_sentences_and_a_source_row() -> None:
    _, page = the_page(pages_text(render(with_work_in(plan_sheet(), work_in()))))
    assert "The last 4 weeks (9 Nov – 2 Dec 2026): where enquiries came from" in page
    assert VERDICT in page
    assert (
        "Coming in Enquiries came in 3 of the last 4 weeks, 1.5 a week; the longest gap was "
        "1 week. 6.3 enquiries a week keep you booked." in page
    )
    assert "Asking You asked 2 customers for a referral; 1 referral came in." in page
    # The money is written with the currency and the locale's mark, as on the screen.
    assert "Quoted 3 of 5 enquiries (60%); won 2 of the 3 quotes decided (67%)." in page
    assert "1 quote waiting, worth GBP 1,500; the oldest 13 days." in page
    assert "Marketing spend GBP 145: 3.3% of takings (owners usually name 1–10 %)." in page
    assert "Source by source · amounts in GBP" in page
    assert " ".join(words.SOURCE_HEADINGS) in page
    assert GOOGLE_ROW in page
    assert "General marketing 0 0 0 100 1.0 — too few too few —" in page
    assert words.ATTRIBUTION in page and words.TABLE_KEY in page


def test_a_change_of_engine_not_yet_held_is_said_under_the_verdict() -> None:
    sheet = work_in()
    verdict = replace(sheet.report.verdict, changing_to=Engine.SALES)
    report = replace(sheet.report, verdict=verdict)
    _, page = the_page(
        pages_text(render(with_work_in(plan_sheet(), replace(sheet, report=report))))
    )
    assert ENGINE_WORDS[Engine.MARKETING] in page  # still shown: not held two weeks yet
    changing = "This week sales looks stuck; a change is shown once it holds two weeks running."
    assert changing in page


@pytest.mark.parametrize("paper", list(Paper))
def test_a_decimal_comma_and_another_currency(paper: Paper) -> None:
    sheet = replace(work_in(), currency="EUR", decimal_mark=",")
    data = render(with_work_in(plan_sheet(), sheet), paper)
    number, page = the_page(pages_text(data))
    assert "Source by source · amounts in EUR" in page
    assert "worth EUR 1.500;" in page
    # The currency and its amount stay on one line (on Letter, this one fell at a break).
    assert "EUR 1.500;" in reader(data).pages[number].extract_text()
    assert "Google / business profile 2 1 3.000 45 " in page


def test_enquiries_logged_but_none_in_these_weeks() -> None:
    """Older enquiries only: the figures say so in sentences, not the page on how to start."""
    later = example().this_week.plus(26)
    quiet = work_in(today=later.start, this_week=later, spend=[], marketing=[])
    _, page = the_page(pages_text(render(with_work_in(plan_sheet(), quiet))))
    assert ENGINE_WORDS[Engine.NOT_ENOUGH_DATA] in page
    assert "No enquiries logged in the last 4 weeks." in page
    assert words.NO_SOURCES in page
    assert "Ctrl+L" in page  # the verdict's next step: log every enquiry
    assert " ".join(words.SOURCE_HEADINGS) not in page


# -- the owner's names -----------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_source_name_prints_as_typed(hostile: str) -> None:
    named = replace(GOOGLE, name=f"Smith {hostile} Sons")
    sources = {key: named if key == GOOGLE.id else source for key, source in
               example().sources.items()}  # fmt: skip
    data = render(with_work_in(plan_sheet(), work_in(sources=sources)))
    _, page = the_page(pages_text(data))
    assert f"Smith {hostile} Sons 2 1 3,000 45 2.5" in page
    assert_bundled_fonts_only(data)


def test_markup_in_a_name_is_not_markup() -> None:
    named = replace(GOOGLE, name="Jones & <b>Sons</b> <i>flyers</i>")
    sources = {**example().sources, GOOGLE.id or 0: named}
    _, page = the_page(pages_text(render(with_work_in(plan_sheet(), work_in(sources=sources)))))
    assert "Jones & <b>Sons</b> <i>flyers</i> 2 1 3,000" in page


@pytest.mark.parametrize("paper", list(Paper))
def test_a_long_name_wraps_whole_and_every_column_fits(paper: Paper) -> None:
    named = replace(GOOGLE, name=LONG)
    sources = {**example().sources, GOOGLE.id or 0: named}
    data = render(with_work_in(plan_sheet(), work_in(sources=sources)), paper)
    _, page = the_page(pages_text(data))
    squeezed = "".join(page.split())
    # The whole name, over a few lines, then its figures.
    assert "".join(LONG.split()) + "213,000452.5toofew" in squeezed
    assert "…" not in page
    assert " ".join(words.SOURCE_HEADINGS) in page


@pytest.mark.parametrize("paper", list(Paper))
def test_the_widest_figures_fit_the_page_without_breaking(paper: Paper) -> None:
    """Amounts in the millions in every column and "too few" beside them: the table still
    fits the frame, at no less than 7 points, and no figure is broken over two lines."""
    from tradesman.reports.plan_pdf import MARGIN
    from tradesman.reports.plan_work_in import NAME_ROOM, fit_columns

    frame = paper.size[0] - 2 * MARGIN - 12
    wide = ["A customer's referral", "999", "999", "9,999,999.99", "9,999,999.99", "9,999.9",
            "999.9", "9,999,999", "9,999.9×", "9,999,999"]  # fmt: skip
    few = [LONG, "1", "1", "0", "0", "0.0", "too few", "too few", "too few", "too few"]
    size, widths = fit_columns([wide, few], frame)
    assert sum(widths) <= frame + 0.01
    assert size >= 7 and widths[0] >= NAME_ROOM


# -- with no enquiry logged yet --------------------------------------------------------


def test_no_enquiry_yet_says_how_to_start_not_an_empty_table() -> None:
    data = render(with_work_in(plan_sheet(), None))
    _, page = the_page(pages_text(data))
    assert "No enquiries are logged yet, so there is nothing to count here." in page
    assert "press Ctrl+L on any page, and say where they heard of you" in page
    assert "pick the source it works for under Works for" in page
    assert "After a few weeks it shows where your work comes from, what your marketing " in page
    assert "Source" not in page and "Enquiries" not in page and "GBP" not in page
    assert len(page) < 1000  # a short page


# -- read from a data file -------------------------------------------------------------


def test_the_plan_pdf_reads_the_engines_in_its_one_read(store: Store) -> None:
    """A data set made here: a plan, enquiries from the seeded sources and one the owner
    named, spend and marketing hours for it. One read, no write, and the page shows it."""
    from tradesman.services.pdfs import plan_pdf

    today = date(2026, 12, 2)
    monday = date(2026, 11, 30)
    name = "Smith & <b>Sons</b> yard sign"
    with store.writing() as session:
        save_plan(session, Plan(monday, 20, 0.4, 45 * 60, typed_baseline=0.2))
        add_source(session, name, SourceKind.MARKETING)
        sign = next(source for source in all_sources(session) if source.name == name)
        referral = next(s for s in all_sources(session) if s.name == "A customer's referral")
        for lead in (
            Lead("Mrs Patel", today - timedelta(days=40), sign.id).quoted(
                today - timedelta(days=38), 320000).won(today - timedelta(days=30)),
            Lead("Mr Brown", today - timedelta(days=20), sign.id),
            Lead("Kev", today - timedelta(days=12), referral.id),
        ):  # fmt: skip
            tables.LEADS.put(session, lead)
        tables.SPEND.put(session, Spend(today - timedelta(days=25), 12050, source_id=sign.id))
        add_blocks(session, [
            TimeBlock(monday - timedelta(days=7), 420, 540, Area.MARKETING, "Put the sign up",
                      status=BlockStatus.DONE, source_id=sign.id),
        ])  # fmt: skip
    with transactions(store) as seen:
        data = plan_pdf(store, "en_GB.UTF-8", Paper.A4, today)
    assert seen == ["read"], seen
    pages = pages_text(data)
    number, page = the_page(pages)
    assert body(pages[number - 1]).startswith(TIME_NOW)
    # Three enquiries, but one quote decided: the verdict says what it still needs.
    assert (
        "Not enough to judge yet Nothing found stuck, but too little to be sure: 1 quote "
        "decided (3 needed). Next step: Mark blocks done" in page
    )
    # Counted from the week of Mrs Patel's enquiry (19 Oct), this week not yet over and
    # empty: 6 weeks, 3 of them with one, in 45 days.
    assert (
        "Enquiries came in 3 of the 6 weeks since the first was logged, 0.5 a week; the "
        "longest gap was 2 weeks." in page
    )
    assert "Source by source · amounts in GBP" in page
    # 2 enquiries, 1 won for 3,200, 120.50 spent, 2 hours; too few to judge the rest by,
    # and no hourly rate set for a cost per job.
    assert f"{name} 2 1 3,200 120.50 2.0 too few too few too few —" in page
    assert "A customer's referral 1 0 0 0 0.0 too few — — —" in page
    assert reader(data).metadata is not None


def test_a_brand_new_data_file_gets_the_page_on_how_to_start(store: Store) -> None:
    from tradesman.services.pdfs import plan_pdf

    today = date(2026, 12, 2)
    with store.writing() as session:
        save_plan(session, Plan(date(2026, 11, 30), 20, 0.4, 45 * 60, typed_baseline=0.2))
    _, page = the_page(pages_text(plan_pdf(store, None, Paper.LETTER, today)))
    assert "No enquiries are logged yet" in page
