"""The words of `export --csv` as the parser reads them (cli_sheets.py runs the command).

Apart from the command so the window's start, which builds the whole parser, loads
nothing of the spreadsheet export before its first paint.
"""

from __future__ import annotations

import argparse

SHEET_KINDS = "weeks, blocks, tasks, leads or spend"


def add_sheet_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--csv", metavar="KIND",
        help=f"instead of everything as JSON, write one kind of rows for a spreadsheet: "
        f"{SHEET_KINDS}",
    )  # fmt: skip
    export.add_argument(
        "--bom", action="store_true",
        help="with --csv: begin the file with a byte-order mark, so Excel reads it as UTF-8",
    )  # fmt: skip
    export.add_argument(
        "--locale-decimals", action="store_true",
        help="with --csv: write numbers with your locale's decimal mark (8,50 in Germany, "
        "with the cells then separated by semicolons)",
    )  # fmt: skip
