"""The command line's words for the calendar file: `export --ics [--from DATE] [--to DATE]`
(cli_calendar.py writes it).

Kept apart from the command so the window's start, which builds the whole parser to
read its own options, loads none of the calendar's code before its first paint.
"""

from __future__ import annotations

import argparse
from datetime import date


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def add_calendar_options(export: argparse.ArgumentParser) -> None:
    """`--ics`, `--from` and `--to`, on the `export` command."""
    export.description = (
        f"{export.description} With --ics, write your time blocks instead as a calendar "
        "file to import on your phone: one event a block, in your time zone."
    )
    export.add_argument(
        "--ics",
        action="store_true",
        help="write your time blocks as a calendar file (.ics) for your phone, "
        'instead of all your data as JSON ("-o -" prints the calendar)',
    )
    export.add_argument(
        "--from", dest="first", metavar="DATE", type=_day,
        help="with --ics: the first day, as 2026-11-23 (default: four weeks ago)",
    )  # fmt: skip
    export.add_argument(
        "--to", dest="last", metavar="DATE", type=_day,
        help="with --ics: the last day (default: twelve weeks from today)",
    )  # fmt: skip


def wants_calendar(args: argparse.Namespace) -> bool:
    """Whether `export` was asked anything of the calendar (cli_calendar.py then says
    whether the asking makes sense)."""
    return bool(args.ics or args.first or args.last)
