"""The command line: `tradesman` opens the window; subcommands script the same data.

Start-up order is explicit: arguments -> data folder -> logging -> store -> command
(or window). Nothing here imports Qt or SQLAlchemy at module level, so `--help` and
`--version` answer at once and the window can paint before the database is opened.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.cli_calendar_args import add_calendar_options, wants_calendar
from tradesman.cli_calendar_in import IMPORT_CALENDAR, add_import_calendar
from tradesman.cli_lead_args import LEAD_COMMANDS, add_lead_commands, numbers_locale
from tradesman.cli_sheet_args import add_sheet_options
from tradesman.domain.territory import locale_from_environment
from tradesman.errors import UsageError, UserError
from tradesman.files import shown_path
from tradesman.identity import APP_NAME, VERSION
from tradesman.logs import bug_sentence, start_logging
from tradesman.paths import (
    DATA_DIR_ENV,
    DATABASE_NAME,
    DataPaths,
    choose_data_folder,
    prepare_data_folder,
)
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.plain_file import PlainFile

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2

log = logging.getLogger(__name__)


def _window_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The parser of the window's own options, and the --data-dir option every command
    shares (its parent parser)."""
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"the folder that holds your data (default: ${DATA_DIR_ENV}, "
        "or your user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="tradesman",
        description="Plan the week of a one-person trade business. "
        "With no command, opens the window.",
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {VERSION}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, show this week once, print how long that took, and exit",
    )
    return parser, data_dir


def build_parser() -> argparse.ArgumentParser:
    parser, data_dir = _window_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser(
        "summary",
        parents=[data_dir],
        help="print a week's hours: technician against business",
        description="Print a week's planned and actual hours per area, technician against "
        "business, and the business share. Planned counts every block; actual counts "
        "what done blocks really took.",
    )
    summary.add_argument(
        "--week",
        metavar="WEEK",
        help="the week as 2026-W48, or any date in it as 2026-11-23 (default: this week)",
    )
    summary.add_argument(
        "--json", action="store_true", help="print JSON (hours rounded to 2 decimals)"
    )

    export = commands.add_parser(
        "export",
        parents=[data_dir],
        help="write all your data to a JSON file, or some of it for a spreadsheet",
        description="Write all settings, tasks and blocks to a JSON file "
        "(see docs/exchange-format.md), or with --csv one kind of rows for a spreadsheet.",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", required=True,
        help='the file to write, or "-" to print it',
    )  # fmt: skip
    add_calendar_options(export)
    add_sheet_options(export)

    do_import = commands.add_parser(
        "import",
        parents=[data_dir],
        help="replace all your data with a JSON file's contents",
        description="Replace all settings, tasks and blocks with those in a JSON file. "
        "A backup of your data is made first. A file with any mistake imports nothing.",
    )
    do_import.add_argument("file", metavar="FILE", help="the JSON file to import")
    add_import_calendar(commands, data_dir)

    paper = argparse.ArgumentParser(add_help=False)
    paper.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="the paper size (default: Letter in the US, Canada and Mexico, else A4, "
        "as your locale says)",
    )
    paper.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True,
        help='the PDF file to write, or "-" to write the PDF to standard output',
    )  # fmt: skip
    print_week = commands.add_parser(
        "print-week",
        parents=[data_dir, paper],
        help="write a week as a one-page PDF to print and pin up",
        description="Write one week as a one-page landscape PDF: the blocks day by day, "
        "technician against business hours, the tasks due, and room for notes.",
    )
    print_week.add_argument(
        "--week",
        metavar="WEEK",
        help="the week as 2026-W48, or any date in it as 2026-11-23 (default: this week)",
    )
    commands.add_parser(
        "print-plan",
        parents=[data_dir, paper],
        help="write your doer-to-marketer plan as a PDF",
        description="Write the doer-to-marketer plan made on the Plan page as a PDF: "
        "where your time goes now, the week-by-week ramp, this week, open tasks.",
    )
    commands.add_parser(
        "backups",
        parents=[data_dir],
        help="list the backups of your data",
        description="List the backups Tradesman keeps in the backups folder, newest first, "
        "with what each holds.",
    )
    restore = commands.add_parser(
        "restore",
        parents=[data_dir],
        help="go back to a backup of your data",
        description="Put a backup in place of your data. What you have now is backed up "
        "first; a data file that cannot be opened is kept beside it under another name.",
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help='"newest", or a backup file name as `backups` lists it'
    )
    add_lead_commands(commands, data_dir)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, read. The usual start, the window with at most its own options
    written out in full, is read without building every command's parser (a few ms of
    the window's start); anything else, --help and mistakes included, by the full one."""
    words = sys.argv[1:] if argv is None else list(argv)
    if not _window_options_only(words):
        return build_parser().parse_args(words)
    args = _window_parser()[0].parse_args(words)
    args.command = None
    return args


def _window_options_only(words: Sequence[str]) -> bool:
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--smoke-test" or word.startswith("--data-dir="):
            continue
        if word == "--data-dir" and rest and not rest[0].startswith("-"):
            rest.pop(0)
            continue
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    # Every file and folder this process makes is the owner's alone, whatever the umask
    # (the log, the lock, the window's state, backups, exports, PDFs).
    os.umask(0o077)
    try:
        folder = choose_data_folder(getattr(args, "data_dir", None))
        if args.command in NOTHING_TO_DO_WITHOUT_DATA:
            _refuse_a_folder_without_data(folder, NOTHING_TO_DO_WITHOUT_DATA[args.command])
        paths = prepare_data_folder(folder)
        start_logging(paths.log_file)
        if args.command is None:
            from tradesman.display import missing_display
            from tradesman.store.early_check import EarlyCheck

            if (no_window := missing_display()) is not None:
                print(f"tradesman: {no_window}", file=sys.stderr)
                return EXIT_USER_ERROR

            # The data file's check reads it on a thread of its own while PySide loads
            # and the window is built (safe before the folder is claimed: its answer is
            # taken only for the file unchanged since, with no change log waiting).
            early_check = EarlyCheck(paths.database)
            from tradesman.app import run_window

            return run_window(paths, smoke_test=args.smoke_test, early_check=early_check)
        gc.enable()  # (off while the start loads its modules: see entry.py)
        return _run_command(args, paths)
    except UsageError as exc:
        print(f"tradesman: {exc.message} (tradesman --help says more)", file=sys.stderr)
        return EXIT_USAGE
    except UserError as exc:
        print(f"tradesman: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_USER_ERROR
    except BrokenPipeError:  # (the reader went away early, `export -o - | head`: not a bug)
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log.exception("unexpected error")
        print(f"tradesman: {bug_sentence(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR


def _run_command(args: argparse.Namespace, paths: DataPaths) -> int:

    locale_name = locale_from_environment(dict(os.environ))
    if args.command == "backups":
        return _list_backups(paths)
    if args.command == "restore":
        return _restore(paths, locale_name, args.backup)
    if args.command == "summary":  # (read over bare sqlite3: see cli_summary)
        from tradesman.cli_summary import summary

        return summary(_checked_data_file(paths), paths, locale_name, args.week, args.json)
    if args.command in ("print-week", "print-plan"):  # (read over bare sqlite3 too)
        from tradesman.cli_print import print_pdf

        return print_pdf(_plain_file(paths), paths, locale_name, args)
    if args.command == "export" and _exports_json(args):  # (read over bare sqlite3 too)
        return _export(_plain_file(paths), locale_name, Path(args.output))
    store = _opened(paths)
    try:
        if args.command == "export" and wants_calendar(args) and args.csv is not None:
            raise UsageError("Export a calendar (--ics) or a spreadsheet (--csv), one at a time.")
        if args.command == "export" and wants_calendar(args):
            from tradesman.cli_calendar import export_calendar

            return export_calendar(store, locale_name, args)
        if args.command == "export" and (args.csv is not None or args.bom or args.locale_decimals):
            from tradesman.cli_sheets import export_for_spreadsheet

            return export_for_spreadsheet(store, locale_name, args)
        if args.command == "import":
            return _without_a_window(
                paths, "import", lambda: _import(store, locale_name, Path(args.file))
            )
        if args.command == IMPORT_CALENDAR:
            from tradesman.cli_calendar_in import run_import_calendar

            def import_calendar() -> int:
                return run_import_calendar(args, store, date.today())

            if not args.yes:  # (only a look at what it would add: nothing is written)
                return import_calendar()
            # An open window would go on showing the week without the new blocks, and
            # its Undo would not know of them: the window's own import does both.
            return _without_a_window(
                paths,
                "import the calendar (or use File → Import calendar… in the window)",
                import_calendar,
            )
        if args.command in LEAD_COMMANDS:
            from tradesman.cli_leads import run_lead_command

            return run_lead_command(args, store, numbers_locale(os.environ))
    finally:
        store.close()
    raise AssertionError(f"unknown command {args.command}")


# Commands that write a file from the data (-o): from a folder with no data file they
# would write an empty one, over a good file it names, and make a stray data folder.
NOTHING_TO_DO_WITHOUT_DATA = {"export": "export", "print-week": "print", "print-plan": "print"}


def _refuse_a_folder_without_data(folder: Path, doing: str) -> None:
    """A folder with no data file is most likely a mistyped folder, not an empty
    business: said so, and nothing is made or written."""
    # (os.path: on Python 3.11 Path.is_file raises for a folder it may not look into.)
    if not os.path.isfile(folder / DATABASE_NAME):  # noqa: PTH113
        raise UserError(
            f"There is no Tradesman data in {shown_path(folder)} yet, so there is nothing "
            f"to {doing}. If your data is in another folder, name it with --data-dir."
        )


def _exports_json(args: argparse.Namespace) -> bool:
    """`export` asked for the JSON of everything (not a calendar, not a spreadsheet)."""
    sheet = args.csv is not None or args.bom or args.locale_decimals
    return not wants_calendar(args) and not sheet


def _plain_file(paths: DataPaths) -> PlainFile:
    """The data file for a command that only reads: checked and brought up to date as
    the window's start does, then read over bare sqlite3 (no SQLAlchemy loaded)."""
    from tradesman.store.plain_file import PlainFile

    return PlainFile(_checked_data_file(paths), paths.backups)


def _opened(paths: DataPaths) -> Store:
    """The open store; a refused data file's sentence says how to get a backup back."""
    from tradesman.store.database import Store

    return Store(_checked_data_file(paths), paths.backups)


def _checked_data_file(paths: DataPaths) -> Path:
    """The data file, checked and brought up to date as the window's start does; a
    refused file's sentence says how to get a backup back."""
    from tradesman.store.datafile import DataFileRefused, open_data_file

    try:
        return open_data_file(paths, tell=_say)
    except DataFileRefused as refused:
        # (Only now: the backups' code loads SQLAlchemy, which a summary does without.)
        from tradesman.services.backups import SET_ASIDE_AS, newest_good_backup

        newest = newest_good_backup(paths) if refused.reason in SET_ASIDE_AS else None
        if newest is None:
            raise
        raise UserError(
            f"{refused.message} Your newest backup is from {newest.taken:%d %b %Y %H:%M}; "
            "`tradesman restore newest` puts it back and keeps this file beside it."
        ) from None


def _say(sentence: str) -> None:
    """Something the owner should know that does not stop the command (on stderr)."""
    print(f"tradesman: {sentence}", file=sys.stderr)


def _list_backups(paths: DataPaths) -> int:
    from tradesman.store.backup_shelf import list_backups

    shelf = list_backups(paths.backups, checked=True)
    if not shelf:
        print(f"No backups yet in {shown_path(paths.backups)}.")
    for backup in shelf:
        if backup.damage is None:
            holds = f"{count_of(backup.blocks, 'block'):>12}  {count_of(backup.tasks, 'task'):>10}"
        else:
            holds = f"{'damaged, cannot be restored':<24}"
        print(
            f"{backup.taken:%Y-%m-%d %H:%M}  {backup.reason:<22} {holds}  "
            f"{shown_path(backup.path.name)}"
        )
    return EXIT_OK


def _restore(paths: DataPaths, locale_name: str | None, which: str) -> int:
    return _without_a_window(paths, "restore", lambda: _restore_unheld(paths, locale_name, which))


def _without_a_window(paths: DataPaths, doing: str, work: Callable[[], int]) -> int:
    """Replacing all the data is not done under an open window's feet: it would go on
    showing (and saving over) the data it had. Logout or `kill` meanwhile stop the work
    as Ctrl+C does (its transaction rolls back) and the folder is let go of all the same."""
    from tradesman.single_instance import SingleInstance
    from tradesman.stopping import interrupted_by_stop_signals, stop_signals_held

    holder = SingleInstance(paths.folder)
    with interrupted_by_stop_signals():
        if not holder.claim():
            who = holder.holder()
            raise UserError(
                f"Tradesman is open on this data folder; close it, then {doing}. "
                f"({f'The folder is held by {who}. ' if who else ''}{holder.way_out()})"
            )
        try:
            return work()
        finally:
            with stop_signals_held():
                holder.release()


def _restore_unheld(paths: DataPaths, locale_name: str | None, which: str) -> int:
    from tradesman.services.backups import (
        SET_ASIDE_AS,
        newest_good_backup,
        restore_backup,
        restore_refused_file,
    )
    from tradesman.store.database import open_store
    from tradesman.store.datafile import DataFileRefused

    if which == "newest":
        newest = newest_good_backup(paths)
        if newest is None:
            raise UserError(f"There is no backup to restore in {shown_path(paths.backups)}.")
        backup = newest.path
    else:
        backup = paths.backups / Path(which).name
        if not backup.is_file():
            raise UserError(
                f'There is no backup called "{shown_path(which)}"; `tradesman backups` lists them.'
            )
    try:
        store = open_store(paths, tell=_say)
    except DataFileRefused as refused:
        why = SET_ASIDE_AS.get(refused.reason)
        if why is None:
            raise
        aside = restore_refused_file(paths, backup, why)
        print(
            f"Restored {shown_path(backup.name)}. The file that could not be used is kept as "
            f"{shown_path(aside.name)}."
        )
        return EXIT_OK
    try:
        result = restore_backup(store, backup, locale_name)
    finally:
        store.close()
    print(
        f"Restored {shown_path(backup.name)}: {count_of(result.counts.tasks, 'task')} and "
        f"{count_of(result.counts.blocks, 'block')}. {result.what_was_kept()}"
    )
    return EXIT_OK


def _export(data_file: PlainFile, locale_name: str | None, output: Path) -> int:
    from tradesman.cli_progress import ProgressLine
    from tradesman.files import output_for
    from tradesman.services.export_file import export_to_file, export_to_stream

    if str(output) == "-":
        sys.stdout.flush()
        with ProgressLine("Exporting") as progress:
            export_to_stream(data_file, sys.stdout.buffer, locale_name, progress)
        sys.stdout.buffer.flush()
        return EXIT_OK
    target = output_for(output, data_file.own_files())
    with ProgressLine("Exporting") as progress:
        counts = export_to_file(data_file, target, locale_name, progress)
    if not target.is_standard_output():  # (no "Exported …" line after the JSON itself)
        tasks, blocks = count_of(counts.tasks, "task"), count_of(counts.blocks, "block")
        print(f"Exported {tasks} and {blocks} to {shown_path(output)}.")
    return EXIT_OK


def _import(store: Store, locale_name: str | None, source: Path) -> int:
    from tradesman.cli_progress import ProgressLine
    from tradesman.services.late_starts import late_start_notes
    from tradesman.services.transfer import import_from_file

    with ProgressLine("Importing") as progress:
        result = import_from_file(store, source, locale_name, progress=progress)
    print(
        f"Imported {count_of(result.counts.tasks, 'task')} and "
        f"{count_of(result.counts.blocks, 'block')} from {shown_path(source)}. "
        f"The data you had before is kept in {shown_path(result.backup.path)}."
    )
    for note in late_start_notes(result.late_starts):
        print(note)
    return EXIT_OK
