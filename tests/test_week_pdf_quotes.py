"""The printed week's quotes to chase and its table to write in enquiries taken on site
(issue 15): the oldest quotes first with their amounts, currency and age, the old ones
marked, the rest counted; the table's heading and ruled rows; and still one page, its
side column's words never on top of one another, in every week test_week_pdf.py prints."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pypdfium2 as pdfium
import pytest
from store_watch import transactions
from test_week_pdf import (
    EVERY_KIND_OF_WEEK,
    HOSTILE,
    LONG,
    TODAY,
    WEEK,
    assert_bundled_fonts_only,
    flat,
    reader,
    render,
    text_of,
    week_sheet,
)

from tradesman.domain.leads import Lead
from tradesman.domain.weeks import Week
from tradesman.domain.work_lanes import Lane, lead_cards
from tradesman.reports.paper import MM, Paper
from tradesman.reports.sheets import WeekSheet, WorkComingIn
from tradesman.reports.week_side_column import QUOTES_KEPT, QUOTES_MOST
from tradesman.store.database import Store


def quoted(who: str, what: str, days_ago: int, amount: int, lead_id: int) -> Lead:
    day = TODAY - timedelta(days=days_ago)
    return Lead(who, day - timedelta(days=2), None, what=what, id=lead_id).quoted(day, amount)


def coming_in(
    leads: list[Lead], currency: str = "GBP", mark: str = ".", stale_days: int = 30
) -> WorkComingIn:
    """As the service gathers it: the Work page's quoted lane, oldest first."""
    cards = lead_cards(leads, {}, TODAY, stale_days)[Lane.QUOTED]
    return WorkComingIn(tuple(cards), currency, mark, stale_days)


def with_quotes(sheet: WeekSheet, leads: list[Lead], **settings: Any) -> WeekSheet:
    return replace(sheet, coming_in=coming_in(leads, **settings))


def normal_quotes() -> list[Lead]:
    # (Given newest first, as the store reads them: the page lists the oldest first.)
    return [
        quoted("Mrs Ahmed", "", 0, 150000, 4),
        quoted("Mr Nowak", "Decking", 1, 90000, 3),
        quoted("Mrs Patel", "Kitchen doors", 12, 320050, 2),
        quoted("Mr Andersen", "Kitchen", 44, 270000, 1),
    ]


def twenty_hostile_quotes() -> list[Lead]:
    """Twenty open quotes with long names that start with markup and ampersands."""
    return [
        quoted(f"{HOSTILE[i % len(HOSTILE)]} {i:02d} {LONG}", LONG, 60 - i, 100000 + i, i + 1)
        for i in range(20)
    ]


def side_column_left(paper: Paper) -> float:
    """Where the side column starts (week_pdf.py's margins and share of the width)."""
    from tradesman.reports.week_pdf import MARGIN, SIDE_SHARE

    width = paper.landscape[0] - 2 * MARGIN
    return MARGIN + width - max(150.0, width * SIDE_SHARE)


def text_lines(data: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each run of text on the page with its box (left, bottom, right, top)."""
    page = pdfium.PdfDocument(data)[0]
    words = page.get_textpage()
    found = []
    for index in range(words.count_rects()):
        box = words.get_rect(index)
        found.append((words.get_text_bounded(*box).strip(), box))
    return found


def top_of(data: bytes, words: str) -> float:
    """How high on the page `words` begin (the top of the first run holding them)."""
    return max(box[3] for text, box in text_lines(data) if words in text)


def ruled_lines(data: bytes, left: float, below: float) -> list[tuple[float, float, float, float]]:
    """The horizontal lines wider than 100 points right of `left` and lower than `below`."""
    page = pdfium.PdfDocument(data)[0]
    lines = []
    for drawn in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_PATH,)):
        x0, y0, x1, y1 = drawn.get_bounds()
        if y1 - y0 < 1.5 and x1 - x0 > 100 and x0 >= left - 1 and y1 < below:
            lines.append((x0, y0, x1, y1))
    return lines


# -- the quotes ------------------------------------------------------------------------


def test_the_quotes_print_oldest_first_with_amount_currency_and_age() -> None:
    text = flat(text_of(render(with_quotes(week_sheet(), normal_quotes()))))
    assert "Quotes to chase 4 open · GBP 8,300.50" in text
    rows = [
        "Mr Andersen – Kitchen GBP 2,700 quoted 44 days ago · chase it, or mark it lost",
        "Mrs Patel – Kitchen doors GBP 3,200.50 quoted 12 days ago",
        "Mr Nowak – Decking GBP 900 quoted yesterday",
        "Mrs Ahmed GBP 1,500 quoted today",
    ]
    places = [text.find(row) for row in rows]
    assert -1 not in places, (places, text)
    assert places == sorted(places)  # the longest waiting first
    assert text.count("chase it, or mark it lost") == 1  # only the one past 30 days
    assert "more on the Work page" not in text


def test_the_owners_limit_decides_which_quotes_are_marked() -> None:
    sheet = with_quotes(week_sheet(), normal_quotes(), stale_days=10)
    assert flat(text_of(render(sheet))).count("chase it, or mark it lost") == 2


def test_amounts_are_written_as_the_owners_locale_writes_numbers() -> None:
    sheet = with_quotes(week_sheet(), normal_quotes(), currency="EUR", mark=",")
    text = flat(text_of(render(sheet)))
    assert "EUR 3.200,50" in text and "EUR 2.700" in text
    assert "4 open · EUR 8.300,50" in text


@pytest.mark.parametrize("paper", list(Paper))
def test_twenty_quotes_show_the_oldest_that_fit_and_count_the_rest(paper: Paper) -> None:
    leads = twenty_hostile_quotes()
    data = render(with_quotes(week_sheet(), leads), paper)
    assert len(reader(data).pages) == 1
    lines = text_of(data).splitlines()
    # Each printed name starts with its hostile words and number, printed as typed.
    shown = [lead for lead in leads if any(line.startswith(lead.who[:12]) for line in lines)]
    assert QUOTES_KEPT <= len(shown) <= QUOTES_MOST
    assert shown == leads[: len(shown)]  # 60, 59, … days ago: the oldest first
    assert f"and {20 - len(shown)} more on the Work page" in flat(text_of(data))
    assert "AT&T 00" in text_of(data) and "<b> 01" in text_of(data)
    assert "&amp;" not in text_of(data).replace("&amp; 06", "")  # (06 is typed so)


def test_with_no_quotes_waiting_the_list_is_left_out_and_notes_keep_the_room() -> None:
    text = flat(text_of(render(with_quotes(week_sheet(), []))))
    assert "Quotes to chase" not in text
    assert "Notes" in text
    assert "Enquiries taken this week" in text


def test_the_plans_copy_of_the_week_has_neither_part() -> None:
    text = flat(text_of(render(week_sheet())))  # (no work coming in: the plan's week)
    assert "Quotes to chase" not in text and "Enquiries taken" not in text
    assert "Notes" in text


# -- the table to write in -------------------------------------------------------------


@pytest.mark.parametrize("paper", list(Paper))
def test_the_enquiries_table_has_its_heading_columns_and_ruled_rows(paper: Paper) -> None:
    data = render(with_quotes(week_sheet(), normal_quotes()), paper)
    text = flat(text_of(data))
    assert "Enquiries taken this week" in text
    assert "Copy them in on Sunday, in Week → Review the week." in text
    assert "Day Who / what Heard of us from" in text
    rows = ruled_lines(data, side_column_left(paper), top_of(data, "Heard of us from"))
    assert len(rows) - 1 >= 3  # under the column heads' rule, three rows at least
    assert min(y0 for _, y0, _, _ in rows) >= 10 * MM - 1  # inside the page's margin


def test_a_week_that_ends_on_saturday_is_copied_in_on_saturday() -> None:
    sunday_week = Week(WEEK.start - timedelta(days=1))  # Sunday 22 to Saturday 28
    sheet = with_quotes(week_sheet(week=sunday_week), [])
    assert "Copy them in on Saturday" in flat(text_of(render(sheet)))


# -- one page, whatever the week holds -------------------------------------------------


def assert_no_words_overlap_in_the_side_column(data: bytes, paper: Paper) -> None:
    left = side_column_left(paper)
    boxes = [(text, box) for text, box in text_lines(data) if box[0] >= left - 1 and text]
    for index, (text, (x0, y0, x1, y1)) in enumerate(boxes):
        for other, (a0, b0, a1, b1) in boxes[index + 1 :]:
            across = min(x1, a1) - max(x0, a0)
            up = min(y1, b1) - max(y0, b0)
            assert across <= 0.5 or up <= 0.5, (text, other)
        assert y0 >= 10 * MM - 1, text  # nothing runs into the page's margin


@pytest.mark.parametrize("quotes", ["no quotes", "20 quotes"])
@pytest.mark.parametrize("sheet", EVERY_KIND_OF_WEEK)
@pytest.mark.parametrize("paper", list(Paper))
def test_every_week_with_quotes_and_the_table_is_one_page(
    sheet: WeekSheet, paper: Paper, quotes: str
) -> None:
    leads = twenty_hostile_quotes() if quotes == "20 quotes" else []
    data = render(with_quotes(sheet, leads), paper)
    assert len(reader(data).pages) == 1
    assert_bundled_fonts_only(data)
    text = flat(text_of(data))
    assert "Enquiries taken this week" in text
    assert ("Quotes to chase" in text) == bool(leads)
    assert_no_words_overlap_in_the_side_column(data, paper)
    # The parts keep their order down the column.
    order = ["Planned hours", "Tasks due", "Enquiries taken this week"]
    if leads:
        order.insert(2, "Quotes to chase")
    heights = [top_of(data, words) for words in order]
    assert heights == sorted(heights, reverse=True), order


def test_the_calendar_keeps_its_size_when_the_column_fills() -> None:
    """The new parts take room from the side column, never from the week's grid."""
    from tradesman.reports.week_grid import grid_shape
    from tradesman.reports.week_pdf import HEADER_HEIGHT, MARGIN, SIDE_GAP, SIDE_SHARE

    width, height = Paper.A4.landscape
    w, h = width - 2 * MARGIN, height - 2 * MARGIN - HEADER_HEIGHT
    grid_w = w - max(150.0, w * SIDE_SHARE) - SIDE_GAP
    plain = week_sheet()
    full = with_quotes(plain, twenty_hostile_quotes())
    assert grid_shape(plain, MARGIN, MARGIN, grid_w, h) == grid_shape(
        full, MARGIN, MARGIN, grid_w, h
    )
    # And the hours on paper sit where they did.
    assert top_of(render(plain), "12:00") == top_of(render(full), "12:00")


def test_a_quote_dated_tomorrow_reads_as_todays() -> None:
    """(Tomorrow is the latest day a quote may be dated.)"""
    lead = Lead("Mr Early", TODAY, None, id=1).quoted(TODAY + timedelta(days=1), 50000)
    assert "quoted today" in flat(text_of(render(with_quotes(week_sheet(), [lead]))))


# -- from the data file ----------------------------------------------------------------


def test_the_quotes_are_read_in_the_weeks_one_read(store: Store) -> None:
    """A week PDF is one read (tests/test_edit_messages.py), quotes and all; only open
    quotes are listed, oldest first, their amounts as the numbers' locale writes them."""
    from tradesman.services import leads
    from tradesman.services.edited_tables import LEADS
    from tradesman.services.pdfs import week_pdf

    referral = 1  # (a seeded source: a customer's referral)
    with store.writing() as session:
        for who, days_ago, amount in (
            ("Mr Nowak", 1, 90000),
            ("Mrs Won", 20, 500000),
            ("Mr Andersen", 44, 270000),
            ("Mrs Patel", 12, 320050),
        ):
            day = TODAY - timedelta(days=days_ago)
            lead = Lead(who, day - timedelta(days=2), referral)
            (stored,) = leads.add_enquiry(session, lead, TODAY).after(LEADS)
            assert stored.id is not None
            leads.quote_enquiry(session, stored.id, day, amount, TODAY)
            if who == "Mrs Won":
                leads.win_enquiry(session, stored.id, TODAY, TODAY)
        leads.add_enquiry(session, Lead("Mr Not Quoted Yet", TODAY, referral), TODAY)
    with transactions(store) as seen:
        data = week_pdf(store, "en_GB.UTF-8", WEEK, Paper.A4, TODAY, "de_DE.UTF-8")
    assert seen == ["read"]
    text = flat(text_of(data))
    order = [
        "Mr Andersen EUR 2.700 quoted 44 days ago",
        "Mrs Patel EUR 3.200,50 quoted 12 days ago",
        "Mr Nowak EUR 900 quoted yesterday",
    ]
    places = [text.find(row) for row in order]
    assert -1 not in places and places == sorted(places), (places, text)
    listed = text[text.index("Quotes to chase") : text.index("Enquiries taken")]
    assert "Mrs Won" not in listed and "Mr Not Quoted Yet" not in listed
    assert "Quotes to chase 3 open · EUR 6.800,50" in text
    assert "Enquiries taken this week" in text


def test_a_brand_new_data_file_prints_the_table_and_no_quotes(store: Store) -> None:
    from tradesman.services.pdfs import week_pdf

    data = week_pdf(store, "en_GB.UTF-8", WEEK, Paper.LETTER, TODAY)
    text = flat(text_of(data))
    assert len(reader(data).pages) == 1
    assert "Quotes to chase" not in text
    assert "Enquiries taken this week" in text and "Notes" in text
