"""Making the two PDFs from the data file: the printed week and the plan.

Shared by the command line and the window. The data is read in one snapshot (plain
SQL, so the command line reads over a bare connection and loads no SQLAlchemy: see
store/plain_file.py), then laid out (reportlab is loaded here, the first time a PDF is
made). A PDF is a read: it
writes nothing, so the caller makes the week's repeating blocks first, as the window
does when it shows the week. The callers save the bytes with `files.save_output`, so
a failed save leaves any old file whole and Tradesman's own files are never written
over.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.weeks import Week
from tradesman.services.engines import work_in_sheet
from tradesman.services.settings import load_settings
from tradesman.services.sheets import plan_sheet, week_sheet

if TYPE_CHECKING:
    from tradesman.reports.paper import Paper
    from tradesman.store.plain_file import Readable


def week_pdf(
    data_file: Readable,
    locale_name: str | None,
    week: Week,
    paper: Paper,
    today: date,
    numbers_locale: str | None = None,
) -> bytes:
    """The one-page week, as PDF bytes. A read: make the week's repeating blocks first
    (`series.catch_up_series`) to see them, as on screen. Amounts are written as
    `numbers_locale` writes numbers (`locale_name`'s way when not given)."""
    from tradesman.reports.week_pdf import write_week_pdf
    from tradesman.services.quotes_to_chase import work_coming_in

    with data_file.reading() as snapshot:
        sheet = week_sheet(snapshot, load_settings(snapshot, locale_name), week, today)
        # (In the same read: the quotes as they stand beside this very week's data.)
        coming_in = work_coming_in(snapshot, today, numbers_locale or locale_name)
    sheet = replace(sheet, coming_in=coming_in)
    out = io.BytesIO()
    write_week_pdf(sheet, out, paper)
    return out.getvalue()


def plan_pdf(data_file: Readable, locale_name: str | None, paper: Paper, today: date) -> bytes:
    """The doer-to-marketer plan, as PDF bytes; NoPlan (in words) when there is none."""
    from tradesman.reports.plan_pdf import write_plan_pdf

    with data_file.reading() as snapshot:
        sheet = plan_sheet(snapshot, load_settings(snapshot, locale_name), today)
        # Where the work comes from, in the same read (the engines read the plan through
        # services/screens.py, which builds on services/sheets.py: gathered here, beside it).
        sheet = replace(sheet, where_work_comes_from=work_in_sheet(snapshot, today, locale_name))
    out = io.BytesIO()
    write_plan_pdf(sheet, out, paper)
    return out.getvalue()
