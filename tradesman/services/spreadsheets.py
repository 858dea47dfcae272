"""Export for a spreadsheet: one kind of rows (weeks, blocks, tasks, enquiries, spend)
read in one transaction and written to a CSV file as they are read.

The weeks are the figures `tradesman summary` gives, worked out by the same services
(`week_split`, `work_of_week`, `target_in` with the plan's ramp), one week at a time;
the other kinds walk their table in order (store/sheet_reads.py). The layout of each
row is reports/sheet_rows.py, the file itself reports/csv_file.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from tradesman.domain.weeks import Week, week_containing
from tradesman.errors import UsageError
from tradesman.files import Output, save_output_from
from tradesman.reports import sheet_rows as rows
from tradesman.reports.csv_file import Cell, CsvStyle, write_csv
from tradesman.services.engines import work_of_week
from tradesman.services.lead_settings import load_lead_settings
from tradesman.services.plan_baseline import plan_ramp, target_in
from tradesman.services.plan_rows import get_plan
from tradesman.services.series import catch_up_series
from tradesman.services.settings import load_settings
from tradesman.services.summary import week_split
from tradesman.store import sheet_reads
from tradesman.store.reads import dbapi_connection
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.reads import Db

# The kinds, in the words the command line takes and the dialog offers.
KINDS: dict[str, str] = {
    "weeks": "Weeks: hours planned and done per area, the business share, the target",
    "blocks": "Time blocks: every block on the calendar",
    "tasks": "Tasks: every task with its hours booked and done",
    "leads": "Enquiries: who, where from, quoted, won or lost",
    "spend": "Marketing spend",
}


# One row of each kind, and many, for "Wrote 260 weeks to …".
ROW_WORDS: dict[str, tuple[str, str]] = {
    "weeks": ("week", "weeks"),
    "blocks": ("time block", "time blocks"),
    "tasks": ("task", "tasks"),
    "leads": ("enquiry", "enquiries"),
    "spend": ("row of spend", "rows of spend"),
}


def rows_written(kind: str, count: int) -> str:
    """'260 weeks', '1 enquiry', '12 rows of spend'."""
    return count_of(count, *ROW_WORDS[kind])


@dataclass(frozen=True)
class Sheet:
    header: Sequence[str]
    rows: Iterator[Sequence[Cell]]


def checked_kind(kind: str) -> str:
    """`kind` if it is one of KINDS; else one sentence naming them (a slip: exit 2)."""
    if kind not in KINDS:
        raise UsageError(f'There is no export called "{kind}"; choose {_choices()}.')
    return kind


def _choices() -> str:
    names = list(KINDS)
    return f"{', '.join(names[:-1])} or {names[-1]}"


def export_sheet(
    store: Store,
    kind: str,
    output: Output | BinaryIO,
    style: CsvStyle,
    locale_name: str | None,
    today: date,
) -> int:
    """Write `kind` to `output` (a place `files.output_for` judged, or an open binary
    stream such as standard output); returns how many rows (the header not counted).

    The repeating blocks of the last week with blocks are made first, in a step of their
    own, as `summary` makes them for the week it shows: a week's row and the command's
    figures then count the same blocks.
    """
    checked_kind(kind)
    with store.reading() as session:
        weeks = weeks_with_blocks(session, locale_name)
    if weeks is not None:
        catch_up_series(store, weeks[1].end, today)
    with store.reading() as session:
        sheet = sheet_of(session, kind, locale_name, today)

        def write(handle: BinaryIO) -> int:
            return write_csv(handle, sheet.header, sheet.rows, style)

        try:
            if isinstance(output, Output):
                return save_output_from(output, write)
            return write(output)
        finally:
            # Rows not all taken (the reader went away, `-o - | head`): their statement
            # is let go of now, while the file is open, not when Python collects it
            # after the file is closed (which printed a traceback).
            close = getattr(sheet.rows, "close", None)
            if close is not None:
                close()


def sheet_of(session: Db, kind: str, locale_name: str | None, today: date) -> Sheet:
    """The header and rows of `kind`; the rows are read as they are taken."""
    db = dbapi_connection(session)
    currency = load_lead_settings(session, locale_name).currency
    if kind == "weeks":
        return Sheet(rows.week_header(currency), _week_rows(session, locale_name, today))
    if kind == "blocks":
        lines = sheet_reads.block_lines(db)
        return Sheet(rows.BLOCK_HEADER, (rows.block_row(rows.BlockLine(*line)) for line in lines))
    if kind == "tasks":
        tasks = sheet_reads.task_lines(db)
        return Sheet(rows.TASK_HEADER, (rows.task_row(rows.TaskLine(*line)) for line in tasks))
    if kind == "leads":
        leads = sheet_reads.lead_lines(db)
        return Sheet(
            rows.lead_header(currency), (rows.lead_row(rows.LeadLine(*line)) for line in leads)
        )
    spend = sheet_reads.spend_lines(db)
    return Sheet(
        rows.spend_header(currency), (rows.spend_row(rows.SpendLine(*line)) for line in spend)
    )


def weeks_with_blocks(session: Db, locale_name: str | None) -> tuple[Week, Week] | None:
    """The first and the last week (by the owner's week start) with a block in it."""
    days = sheet_reads.first_and_last_block_day(dbapi_connection(session))
    if days is None:
        return None
    week_start = load_settings(session, locale_name).week_start
    return week_containing(days[0], week_start), week_containing(days[1], week_start)


def _week_rows(session: Db, locale_name: str | None, today: date) -> Iterator[list[Cell]]:
    """Every week from the first with a block to the last, empty weeks included (a
    spreadsheet's chart then shows the gap), each read as `summary` reads it."""
    weeks = weeks_with_blocks(session, locale_name)
    if weeks is None:
        return
    settings = load_settings(session, locale_name)
    plan = get_plan(session)
    ramp = () if plan is None else plan_ramp(dbapi_connection(session), plan, today)
    week, last = weeks
    while week.start <= last.start:
        figures = rows.WeekFigures(
            week,
            week_split(session, week),
            work_of_week(session, week),
            target_in(ramp, week, settings),
        )
        yield rows.week_row(figures)
        week = week.next()
