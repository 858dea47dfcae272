"""The printed week: one landscape page whatever the week holds, in the bundled font,
with the owner's text printed exactly as typed."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import parse_clock
from tradesman.domain.split import split_blocks
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import DAY_NAMES, Week
from tradesman.reports.paper import Paper, paper_for_territory, paper_from_environment
from tradesman.reports.sheets import WeekSheet

WEEK = Week(date(2026, 11, 23))  # Monday 23 to Sunday 29 November 2026
TODAY = date(2026, 11, 24)
HOSTILE = (
    "AT&T",
    "<b>",
    "x<y>z",
    "Ünïcödé",
    "Ξυλουργός",
    "Плотник",
    "&amp;",
    "\"quoted\" 'single'",
)
LONG = (
    "Take the old skirting off in the hall, fill and sand the wall behind it, fit new "
    "oak skirting with scribed corners, then fill the nail holes and wax everything twice"
)[:200]


# -- building sheets (also used by test_plan_pdf.py) -----------------------------------


def block(day: int, start: str, end: str, area: Area, title: str, **changes: object) -> TimeBlock:
    made = TimeBlock(WEEK.days[day], parse_clock(start), parse_clock(end), area, title)
    return made.with_changes(**changes) if changes else made


def normal_blocks() -> list[TimeBlock]:
    blocks = []
    for day in range(5):
        done = {"status": BlockStatus.DONE} if day < 1 else {}
        blocks += [
            block(day, "07:00", "07:30", Area.ADMIN, "Emails and invoices", **done),
            block(day, "07:30", "12:00", Area.PRODUCTION, f"Kitchen fit day {day + 1}", **done),
            block(day, "13:00", "16:00", Area.PRODUCTION, "Staircase for the Browns"),
            block(day, "16:00", "17:00", Area.MARKETING if day % 2 else Area.SALES, "Leads"),
        ]
    blocks.append(block(2, "09:00", "11:00", Area.SALES, "Site visit", status=BlockStatus.SKIPPED))
    blocks.append(block(5, "09:00", "11:00", Area.MARKETING, "Flyers round the estate"))
    return blocks


def normal_tasks() -> list[Task]:
    return [
        Task("Send the Harris quote", Area.SALES, due=date(2026, 11, 20)),  # late
        Task("Ask Mrs Miller for a review", Area.MARKETING, due=date(2026, 11, 24)),
        Task("Order oak worktop", Area.PRODUCTION, due=date(2026, 11, 25)),
        Task("Quarterly VAT return", Area.ADMIN, due=date(2026, 11, 27)),
    ]


def week_sheet(
    blocks: Iterable[TimeBlock] | None = None,
    tasks: Sequence[Task] | None = None,
    business_name: str = "Miller Joinery",
    owner_name: str = "Tom Miller",
    day_start: str = "07:00",
    day_end: str = "18:00",
    week: Week = WEEK,
    target: float = 0.4,
) -> WeekSheet:
    chosen = tuple(normal_blocks() if blocks is None else blocks)
    return WeekSheet(
        business_name=business_name,
        owner_name=owner_name,
        week=week,
        day_start=parse_clock(day_start),
        day_end=parse_clock(day_end),
        work_days=frozenset(range(5)),
        blocks=chosen,
        planned=split_blocks(chosen).planned,
        target_share=target,
        tasks_due=tuple(normal_tasks() if tasks is None else tasks),
        today=TODAY,
    )


def crowded_blocks() -> list[TimeBlock]:
    """Twelve overlapping blocks a day, a run of quarter hours, and blocks far outside
    the work day, every status, long titles."""
    blocks = []
    for day in range(7):
        for i in range(12):
            blocks.append(
                block(
                    day,
                    f"{8 + i // 4:02d}:{(i % 4) * 5:02d}",
                    f"{10 + i // 3:02d}:00",
                    AREAS[i % 4],
                    f"Overlap {i} {LONG}",
                    status=list(BlockStatus)[i % 3],
                )
            )
        for q in range(8):
            minute = 14 * 60 + q * 15
            start = f"{minute // 60:02d}:{minute % 60:02d}"
            end = f"{(minute + 15) // 60:02d}:{(minute + 15) % 60:02d}"
            blocks.append(block(day, start, end, AREAS[q % 4], LONG if q % 2 else "Call"))
        blocks.append(block(day, "04:00", "04:15", Area.MARKETING, "Early post"))
        blocks.append(block(day, "22:45", "23:59", Area.ADMIN, "Late invoices"))
    return blocks


# -- reading PDFs ----------------------------------------------------------------------


def render(sheet: WeekSheet, paper: Paper = Paper.A4) -> bytes:
    from tradesman.reports.week_pdf import write_week_pdf

    out = io.BytesIO()
    write_week_pdf(sheet, out, paper)
    return out.getvalue()


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(data).pages)


def flat(text: str) -> str:
    """Whitespace normalised: runs of spaces and line breaks become one space."""
    return " ".join(text.split())


def font_names(data: bytes) -> set[str]:
    """The BaseFont of every font a page, or a form on it, uses."""
    names: set[str] = set()

    def visit(resources: DictionaryObject | None) -> None:
        if resources is None:
            return
        found = resources.get_object()
        assert isinstance(found, DictionaryObject)
        for font in (found.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
        for xobject in (found.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader(data).pages:
        visit(page.get("/Resources"))
    return names


def assert_bundled_fonts_only(data: bytes) -> None:
    names = font_names(data)
    assert names, "no fonts at all"
    for name in names:
        assert re.fullmatch(
            r"/([A-Z]{6}\+)?(DejaVuSansCondensed(-Bold)?|TradesmanSans(-Bold)?)", name
        ), name
    assert not any("Helvetica" in name or "Times" in name or "Courier" in name for name in names)


# -- what the page shows ---------------------------------------------------------------


def test_a_normal_week_shows_its_name_days_blocks_split_and_tasks() -> None:
    text = flat(text_of(render(week_sheet())))
    assert "Miller Joinery" in text
    assert "Tom Miller" in text
    assert "Week 48 · 23–29 Nov 2026" in text
    for name in DAY_NAMES:
        assert name in text
    for title in (
        "Emails and invoices",
        "Kitchen fit day 1",
        "Staircase for the Browns",
        "Flyers round the estate",
    ):
        assert title in text
    # 5 × (0.5 admin + 1 sales/marketing) + 2 skipped site visit + 2 flyers = 11.5 h business;
    # 5 × 7.5 = 37.5 h production; 11.5 / 49 = 23 %
    assert "Technician 37 h 30 min · Business 11 h 30 min · 23 % business, target 40 %" in text
    for area in AREAS:
        assert area.label in text
    for task in normal_tasks():
        assert task.title in text
    assert "late · 20 Nov" in text  # due before the week and still open
    assert "Wed 25" in text  # due within the week: its day


def test_tasks_are_grouped_under_their_area_headings() -> None:
    text = text_of(render(week_sheet()))
    lines = [line.strip() for line in text.splitlines()]
    for task in normal_tasks():
        row = next(i for i, line in enumerate(lines) if task.title in line)
        heading = max(i for i, line in enumerate(lines[:row]) if line in {a.label for a in AREAS})
        assert lines[heading] == task.area.label, task.title


def test_an_empty_week_still_prints_the_grid_to_fill_in_by_hand() -> None:
    data = render(week_sheet(blocks=[], tasks=[], business_name="", owner_name=""))
    text = flat(text_of(data))
    assert len(reader(data).pages) == 1
    for hour in range(7, 18):
        assert f"{hour:02d}:00" in text
    assert "No hours planned yet · target 40 % business" in text
    assert "Nothing due this week." in text
    assert "Notes" in text


def test_the_owner_names_the_page_when_there_is_no_business_name() -> None:
    data = render(week_sheet(business_name="  ", owner_name="Tom Miller"))
    assert flat(text_of(data)).startswith("Tom Miller")
    metadata = reader(data).metadata
    assert metadata is not None and metadata.author == "Tom Miller"


def test_blocks_outside_the_work_day_widen_the_grid() -> None:
    blocks = [
        block(0, "05:15", "05:45", Area.MARKETING, "Early post"),
        block(1, "19:00", "20:30", Area.ADMIN, "Books"),
    ]
    text = flat(text_of(render(week_sheet(blocks=blocks))))
    assert "05:00" in text and "20:00" in text
    assert "Early post" in text and "Books" in text


# Every kind of week the page must fit on one sheet (test_week_pdf_quotes.py prints each
# again with the quotes to chase and the enquiries table).
EVERY_KIND_OF_WEEK = [
    pytest.param(week_sheet(blocks=[], tasks=[]), id="empty"),
    pytest.param(week_sheet(), id="normal"),
    pytest.param(week_sheet(blocks=crowded_blocks()), id="crowded"),
    pytest.param(
        week_sheet(
            blocks=[block(d, "07:00", "07:15", Area.SALES, LONG) for d in range(7)]
            + [block(d, "08:00", "17:00", Area.PRODUCTION, LONG * 3) for d in range(7)],
            tasks=[Task(LONG, area, due=WEEK.days[i]) for i, area in enumerate(AREAS)],
            business_name=LONG,
            owner_name=LONG,
        ),
        id="200-character titles",
    ),
    pytest.param(
        week_sheet(
            tasks=[
                Task(
                    f"Task {i:02d} {LONG[: i * 3]}",
                    AREAS[i % 4],
                    due=WEEK.days[i % 7] - timedelta(days=i // 7),
                )
                for i in range(60)
            ]
        ),
        id="60 tasks due",
    ),
    pytest.param(
        week_sheet(blocks=crowded_blocks(), day_start="00:00", day_end="24:00"),
        id="whole day",
    ),
]


@pytest.mark.parametrize("sheet", EVERY_KIND_OF_WEEK)
@pytest.mark.parametrize("paper", list(Paper))
def test_every_week_is_exactly_one_landscape_page(sheet: WeekSheet, paper: Paper) -> None:
    data = render(sheet, paper)
    pdf = reader(data)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    expected = {Paper.A4: (841.89, 595.28), Paper.LETTER: (792.0, 612.0)}[paper]
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)
    assert_bundled_fonts_only(data)


def test_tasks_that_do_not_fit_are_counted_in_one_line() -> None:
    tasks = [
        Task(
            f"Task {i:02d} {LONG[: (i % 5) * 40]}",
            AREAS[i % 4],
            due=WEEK.days[i % 7] - timedelta(days=i // 7),
        )
        for i in range(60)
    ]
    tasks.sort(key=lambda task: task.due or date.max)  # as the sheet lists them
    text = flat(text_of(render(week_sheet(tasks=tasks))))
    shown = [task.title for task in tasks if " ".join(task.title.split()[:2]) in text]
    match = re.search(r"and (\d+) more in Tradesman", text)
    assert match is not None
    assert 5 < len(shown) < 60
    assert len(shown) + int(match.group(1)) == 60
    # The sheet lists the oldest due first: those are the ones that make it onto paper.
    assert shown == [task.title for task in tasks[: len(shown)]]


def test_every_task_is_printed_when_they_fit() -> None:
    text = flat(text_of(render(week_sheet())))
    assert "more in Tradesman" not in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_prints_literally(hostile: str) -> None:
    sheet = week_sheet(
        blocks=[block(1, "08:00", "12:00", Area.PRODUCTION, hostile)],
        tasks=[Task(f"Call {hostile} back", Area.SALES, due=WEEK.days[2])],
        business_name=f"{hostile} Joinery",
    )
    data = render(sheet)
    text = flat(text_of(data))
    assert f"{hostile} Joinery" in text
    assert f"Call {hostile} back" in text
    assert text.count(hostile) >= 3  # the header, the block and the task
    assert_bundled_fonts_only(data)


def test_the_metadata_names_the_week_and_the_owner() -> None:
    metadata = reader(render(week_sheet())).metadata
    assert metadata is not None
    assert metadata.title == "Week plan · Week 48 · 23–29 Nov 2026"
    assert metadata.author == "Tom Miller"
    assert metadata.creator == "Tradesman"


# Printable characters from ASCII, Latin-1, Greek and Cyrillic (no control or format
# characters: the owner cannot type those into a title, and `clean` turns them to spaces).
TITLE_CHARACTERS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    include_characters="&<>\"' ",
    exclude_characters="\u00ad",
    max_codepoint=0x04FF,
).filter(lambda c: c < "\u0250" or c >= "\u0370")


@settings(max_examples=40, deadline=None)
@given(title=st.text(TITLE_CHARACTERS, min_size=1, max_size=80).map(str.strip).filter(bool))
def test_any_task_title_comes_out_as_typed(title: str) -> None:
    text = text_of(
        render(week_sheet(blocks=[], tasks=[Task(title, Area.MARKETING, due=WEEK.days[3])]))
    )
    if flat(title) in flat(text):
        return
    # A word wider than the line is broken inside the word, and the break reads back as
    # a line break; then only the characters (and their order) can be compared.
    assert "".join(title.split()) in "".join(text.split())


# -- the text inside blocks never leaves them ------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(TITLE_CHARACTERS, max_size=200),
    width=st.floats(0.5, 120),
    height=st.floats(0.5, 400),
    tick=st.booleans(),
    minutes=st.integers(0, 24 * 60 - 5),
)
def test_block_text_fits_inside_its_block(
    title: str, width: float, height: float, tick: bool, minutes: int
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tradesman.reports.fonts import ASCENT, BOLD, DESCENT, REGULAR, register_fonts
    from tradesman.reports.week_blocks import HEAD_SIZE, LINE_STEP, TITLE_SIZE, block_lines

    register_fonts()
    made = TimeBlock(WEEK.start, minutes, minutes + 5, Area.SALES, title)
    size, lines = block_lines(made, width, height, first_line_less=7.0 if tick else 0.0)
    if not lines:
        return
    head_size = size * HEAD_SIZE / TITLE_SIZE
    assert size <= TITLE_SIZE
    # The last line's descent stays inside the block (1 point of padding at the top).
    assert 1 + (ASCENT + DESCENT) * size + (len(lines) - 1) * LINE_STEP <= height + 0.01
    for index, (head, rest) in enumerate(lines):
        if not head and not rest:
            continue
        room = width - (7.0 if tick and index == 0 else 0.0)
        used = stringWidth(head + (" " if rest else ""), BOLD, head_size) if head else 0.0
        used += stringWidth(rest, REGULAR, size)
        assert used <= room + 0.01, (head, rest)


def test_a_block_shows_time_area_and_title_when_there_is_room() -> None:
    from tradesman.reports.fonts import register_fonts
    from tradesman.reports.week_blocks import block_lines

    register_fonts()
    made = block(0, "07:00", "09:00", Area.MARKETING, "Photograph the finished kitchen")
    _, lines = block_lines(made, 120, 80)  # (about a column and a half of A4 at 8 pt)
    assert lines[0] == ("07:00–09:00 · Marketing", "")
    assert " ".join(rest for _, rest in lines[1:]) == "Photograph the finished kitchen"
    _, lines = block_lines(made, 60, 9)  # a quarter hour: one line
    assert lines[0][0] == "07:00 M"
    assert lines[0][1].endswith("…")


# -- paper -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "paper"),
    [
        ("US", Paper.LETTER),
        ("ca", Paper.LETTER),
        ("MX", Paper.LETTER),
        ("PH", Paper.LETTER),
        ("PR", Paper.LETTER),
        ("HN", Paper.LETTER),
        ("GB", Paper.A4),
        ("DE", Paper.A4),
        ("AU", Paper.A4),
        ("BR", Paper.A4),
        ("", Paper.A4),
        (None, Paper.A4),
        ("USA", Paper.A4),
    ],
)
def test_paper_for_territory(code: str | None, paper: Paper) -> None:
    assert paper_for_territory(code) is paper


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, Paper.LETTER),
        ({"LANG": "en_GB.UTF-8"}, Paper.A4),
        ({"LANG": "fr_CA.UTF-8"}, Paper.LETTER),
        ({"LANG": "es_MX"}, Paper.LETTER),
        ({"LANG": "de_DE@euro"}, Paper.A4),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}, Paper.A4),  # LC_PAPER over LANG
        ({"LC_PAPER": "en_GB.UTF-8", "LC_ALL": "en_US.UTF-8"}, Paper.LETTER),  # LC_ALL over all
        ({"LC_ALL": "", "LANG": "en_US"}, Paper.LETTER),  # empty means unset
        ({"LANG": "C"}, Paper.A4),
        ({}, Paper.A4),
    ],
)
def test_paper_from_environment(environ: dict[str, str], paper: Paper) -> None:
    assert paper_from_environment(environ) is paper


def test_paper_names_and_sizes() -> None:
    assert (Paper.A4.label, Paper.LETTER.label) == ("A4", "Letter")
    assert Paper.A4.size == pytest.approx((595.28, 841.89), abs=0.01)
    assert Paper.LETTER.landscape == (792.0, 612.0)
    assert Paper("letter") is Paper.LETTER


# -- issue 12: overlaps, short blocks, stray blocks, reading from a step away ----------


def title_sizes(data: bytes) -> dict[str, float]:
    """Each piece of text on the page with the size it is printed at (the largest, if
    it is printed more than once)."""
    sizes: dict[str, float] = {}

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[3]) if tm and tm[3] else 1.0
            sizes[text.strip()] = max(sizes.get(text.strip(), 0.0), size * scale)

    reader(data).pages[0].extract_text(visitor_text=visit)
    return sizes


def test_block_titles_and_times_print_big_enough_to_read_on_the_wall() -> None:
    data = render(week_sheet())
    sizes = title_sizes(data)
    staircase = next(size for text, size in sizes.items() if "Staircase" in text)
    assert staircase >= 8.0
    time = next(size for text, size in sizes.items() if text.startswith("13:00–16:00"))
    assert time >= 7.5
    assert "Bold" in str(font_names(data))


def test_a_long_job_under_a_visit_prints_full_width_with_whole_words() -> None:
    from tradesman.reports.week_grid import block_boxes

    blocks = [
        block(1, "08:00", "17:00", Area.PRODUCTION, "Oakwood kitchen refit"),
        block(1, "10:00", "11:00", Area.SALES, "Visit"),
    ]
    boxes = {box.block.title: box for box in block_boxes(week_sheet(blocks=blocks), 0, 0, 600, 450)}
    job, visit = boxes["Oakwood kitchen refit"], boxes["Visit"]
    column = (600 - 27) / 7
    assert job.w >= column - 3  # the whole column, not a third of it
    assert visit.x > job.x + column / 5 and visit.raised
    text = flat(text_of(render(week_sheet(blocks=blocks))))
    assert "Oakwood kitchen refit" in text
    assert "Oakw ood" not in text


def test_a_word_wider_than_the_block_is_shortened_never_broken() -> None:
    from tradesman.reports.fonts import REGULAR, register_fonts
    from tradesman.reports.week_blocks import wrap_text

    register_fonts()
    lines = wrap_text("Oakwood Brackenthorpe kitchen", REGULAR, 8.5, 30)
    for line in lines:
        assert line in ("Oakwood", "kitchen") or line.endswith("…"), lines
    assert not any(line in ("Oakw", "ood", "Bracke") for line in lines)


def test_a_stray_block_at_night_goes_in_a_band_and_leaves_the_work_day_tall() -> None:
    from tradesman.reports.week_grid import hours_shown, stray_blocks

    blocks = [
        *normal_blocks(),
        block(2, "02:00", "02:30", Area.ADMIN, "Alarm call-out"),
        block(3, "23:00", "23:30", Area.ADMIN, "Books late"),
    ]
    sheet = week_sheet(blocks=blocks)
    assert hours_shown(sheet) == (7 * 60, 18 * 60)
    early, late = stray_blocks(sheet, *hours_shown(sheet))
    assert [b.title for b in early] == ["Alarm call-out"]
    assert [b.title for b in late] == ["Books late"]
    text = flat(text_of(render(sheet)))
    assert "02:00 Alarm call-out" in text and "23:00 Books late" in text
    assert "03:00" not in text and "21:00" not in text  # no night hours printed


def test_a_late_tasks_due_date_prints_in_full() -> None:
    tasks = [Task("Send the Harris quote", Area.SALES, due=date(2026, 10, 27))]
    text = flat(text_of(render(week_sheet(tasks=tasks))))
    assert "late · 27 Oct" in text


def test_a_visit_at_the_start_of_a_job_prints_over_its_right_half() -> None:
    from tradesman.reports.week_grid import block_boxes

    blocks = [
        block(5, "08:00", "12:00", Area.PRODUCTION, "Bathroom refit – Lee"),
        block(5, "08:00", "09:00", Area.SALES, "Survey"),
    ]
    boxes = {box.block.title: box for box in block_boxes(week_sheet(blocks=blocks), 0, 0, 600, 450)}
    job, survey = boxes["Bathroom refit – Lee"], boxes["Survey"]
    column = (600 - 27) / 7
    assert job.w >= column - 3 and job.words_w <= survey.x - job.x  # its title stays visible
    assert survey.raised and abs(survey.x + survey.w - (job.x + job.w)) < 1


def test_a_plans_week_prints_the_plans_target_beside_the_long_term_one() -> None:
    sheet = week_sheet()
    planned = replace(sheet, target_share=0.3, long_term_share=0.4)
    text = flat(text_of(render(planned)))
    assert "business, plan's target 30 % (40 % in the long run)" in text
    assert "plan's target 30 %" in text  # over the bar too
    empty = replace(week_sheet(blocks=[], tasks=[]), target_share=0.3, long_term_share=0.4)
    assert "No hours planned yet · plan's target 30 % business (40 % in the long run)" in flat(
        text_of(render(empty))
    )
