"""`tradesman print-week` and `print-plan`: a PDF from one snapshot read over bare sqlite3.

The reads are the window's own (services/pdfs.py), in plain SQL, so the command loads
no SQLAlchemy: it alone took longer than reading the week and laying out its page.
Only when the week's repeating blocks are not made yet (a week far ahead) is the store
opened to make them first (cli_summary.make_series_for), as the window would on
showing that week.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from tradesman.cli_lead_args import numbers_locale
from tradesman.cli_summary import make_series_for, week_named
from tradesman.files import output_for, save_output, shown_path
from tradesman.paths import DataPaths
from tradesman.store.plain_file import PlainFile


def print_pdf(data_file: PlainFile, paths: DataPaths, locale_name: str | None,
              args: argparse.Namespace) -> int:  # fmt: skip
    from tradesman.reports.paper import Paper, paper_from_environment
    from tradesman.services.pdfs import plan_pdf, week_pdf
    from tradesman.services.settings import load_settings

    paper = Paper(args.paper) if args.paper else paper_from_environment()
    # Judged before anything is made: the week's repeating blocks are saved first, and a
    # refused name must change nothing at all.
    output = None if args.output == "-" else output_for(Path(args.output), data_file.own_files())
    today = date.today()
    if args.command == "print-week":
        with data_file.reading() as db:
            week = week_named(load_settings(db, locale_name), args.week)
        make_series_for(data_file.path, paths, week, today)  # (a step of its own: the PDF reads)
        numbers = numbers_locale(os.environ)  # (amounts as `tradesman leads` writes them)
        data = week_pdf(data_file, locale_name, week, paper, today, numbers)
        what = week.label
    else:
        data, what = plan_pdf(data_file, locale_name, paper, today), "your plan"
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    save_output(output, data)
    if not output.is_standard_output():  # (the line would land after the PDF's end)
        print(f"Wrote {what} to {shown_path(output.asked)} ({paper.label}).")
    return 0
