"""`tradesman export --csv KIND -o FILE.csv`: one kind of rows for a spreadsheet.

Loaded only when the command runs (the window's start never needs it). The file is
judged before anything is written or made, so a refused name changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.cli_lead_args import numbers_locale
from tradesman.domain.money import decimal_mark_for_locale
from tradesman.errors import UsageError
from tradesman.files import output_for, shown_path
from tradesman.reports.csv_file import CsvStyle
from tradesman.services.spreadsheets import checked_kind, export_sheet, rows_written

if TYPE_CHECKING:
    from tradesman.store.database import Store


def export_for_spreadsheet(store: Store, locale_name: str | None, args: argparse.Namespace) -> int:
    if args.csv is None:
        raise UsageError("--bom and --locale-decimals go with --csv KIND.")
    kind = checked_kind(args.csv)
    # Numbers follow LC_NUMERIC, as `tradesman leads` writes amounts.
    mark = decimal_mark_for_locale(numbers_locale(os.environ)) if args.locale_decimals else "."
    style = CsvStyle(bom=args.bom, decimal_mark=mark)
    if args.output == "-":
        export_sheet(store, kind, sys.stdout.buffer, style, locale_name, date.today())
        sys.stdout.flush()
        return 0
    output = output_for(Path(args.output), store.own_files())
    count = export_sheet(store, kind, output, style, locale_name, date.today())
    if not output.is_standard_output():  # (the line would land after the rows)
        print(f"Wrote {rows_written(kind, count)} to {shown_path(output.asked)}.")
    return 0
