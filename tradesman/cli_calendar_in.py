"""`tradesman import-calendar FILE.ics`: a phone's appointments as blocks.

The parser's words are here too, so cli.py only names the command. Only the standard
library loads with this module (it is read for every `--help`); the services and the
iCalendar reader load when the command runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tradesman.domain.areas import AREAS, Area
from tradesman.files import shown_path
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store

IMPORT_CALENDAR = "import-calendar"


def add_import_calendar(commands: Any, data_dir: argparse.ArgumentParser) -> None:
    """The command, added to the main parser's `commands`."""
    command = commands.add_parser(
        IMPORT_CALENDAR,
        parents=[data_dir],
        help="add the appointments of a calendar file (.ics) as blocks",
        description="Add the appointments of a calendar file (.ics, exported from Google, "
        "Apple or Outlook) as blocks of one area. Without --yes it prints what it would "
        "do and changes nothing: how many blocks, in which weeks, and what it skips and "
        "why (all-day events; events over several days unless --split-days). With --yes "
        "it makes a backup, then adds the blocks. Times are turned into this computer's "
        "time zone; an event past midnight is split at midnight. Appointments imported "
        "before are left out, so the same file can be imported again.",
    )
    command.add_argument("file", metavar="FILE.ics", help="the calendar file")
    command.add_argument(
        "--area",
        choices=[area.value for area in AREAS],
        help="the area of the blocks (default: the guess from the titles' words, "
        "which the preview names)",
    )
    command.add_argument(
        "--from", dest="first", metavar="DATE", type=_day,
        help="the first day, as 2026-11-23 (default: four weeks ago)",
    )  # fmt: skip
    command.add_argument(
        "--to", dest="last", metavar="DATE", type=_day,
        help="the last day (default: a year from today)",
    )  # fmt: skip
    command.add_argument(
        "--split-days",
        action="store_true",
        help="make an event over several days a block on each day instead of skipping it",
    )
    command.add_argument("--yes", action="store_true", help="import (without it: preview only)")


def run_import_calendar(args: argparse.Namespace, store: Store, today: date) -> int:
    from tradesman.services.calendar_import import (
        default_range,
        import_calendar_after_backup,
        preview_calendar_file,
    )

    first, last = default_range(today)
    first, last = args.first or first, args.last or last
    path = Path(args.file)
    with store.reading() as session:
        preview = preview_calendar_file(session, path, first, last, args.split_days)
    for line in preview.lines():
        print(line)
    area = Area(args.area) if args.area else preview.guessed_area
    if not preview.new:
        return 0
    if not args.yes:
        print(
            f"Nothing imported yet. To import as {area.label.lower()} blocks, run this "
            "again with --yes (and --area to choose another area)."
        )
        return 0
    change, backup = import_calendar_after_backup(store, preview, area)
    made = len(change.after_blocks)
    print(
        f"Imported {count_of(made, 'block')} as {area.label.lower()} from "
        f"{shown_path(path)}. The data you had before is kept in {shown_path(backup.path)}."
    )
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as 2026-11-23"
        ) from None
