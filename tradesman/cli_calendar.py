"""`tradesman export --ics`: the time blocks of a range of days as a calendar file.

Loaded only when the command runs (the words of its options are in
cli_calendar_args.py), so the window's start never loads the iCalendar writer.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.errors import UsageError
from tradesman.files import output_for, save_output, shown_path
from tradesman.services.calendar_export import calendar_file, default_range
from tradesman.services.owner_zone import owner_zone
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store


def export_calendar(store: Store, locale_name: str | None, args: argparse.Namespace) -> int:
    """Write the calendar file `-o` names (or print it for "-"); says what it wrote."""
    if not args.ics:
        raise UsageError("--from and --to go with --ics; add it to write a calendar file.")
    today = date.today()
    first, last = default_range(today)
    first, last = args.first or first, args.last or last
    if first > last:
        raise UsageError(
            f"The range would end on {last.isoformat()}, before it starts on "
            f"{first.isoformat()}; --from must be on or before --to."
        )
    # Judged before anything is made: the range's repeating blocks are saved first, and
    # a refused name must change nothing at all.
    output = None if args.output == "-" else output_for(Path(args.output), store.own_files())
    zone = owner_zone()
    made = calendar_file(store, locale_name, first, last, today, zone, datetime.now().astimezone())
    if output is None:
        sys.stdout.buffer.write(made.data)
        sys.stdout.flush()
        return 0
    save_output(output, made.data)
    if not output.is_standard_output():  # (the line would land after the calendar's end)
        times = f"times in {zone}" if zone else "times without a zone: the same hours anywhere"
        print(
            f"Wrote {count_of(made.blocks, 'block')} from {first.isoformat()} to "
            f"{last.isoformat()} to {shown_path(output.asked)} ({times})."
        )
    return 0
