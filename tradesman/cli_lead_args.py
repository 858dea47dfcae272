"""The command line of work coming in, as the parser reads it: the words of `lead
add|quote|won|lost`, `leads`, `spend` and `sources` (cli_leads.py runs them).

Kept apart from the commands so the window's start, which builds the whole parser to
read its own options, loads none of the enquiries' code before its first paint.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date
from typing import Any

LEAD_COMMANDS = frozenset({"lead", "leads", "spend", "sources", "engines"})
# The periods the engines' figures look back over, in weeks: domain/engine_numbers.py's
# PERIODS, spelt out so the start need not load it (tests/test_cli_engines.py checks).
PERIODS = (4, 13, 26, 52)
# LostReason in domain/leads.py, as typed (tests/test_cli_leads.py checks they agree).
REASONS = ("price", "timing", "no-reply", "went-elsewhere", "other")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def add_lead_commands(commands: Any, data_dir: argparse.ArgumentParser) -> None:
    """The commands of work coming in, added to the main parser's `commands`."""
    on = argparse.ArgumentParser(add_help=False)
    on.add_argument(
        "--on", metavar="DATE", type=_day, help="the day, as 2026-11-23 (default: today)"
    )
    lead = commands.add_parser(
        "lead",
        parents=[data_dir],
        help="log an enquiry, its quote, and whether it was won or lost",
        description="Log an enquiry and what became of it. Amounts are written as your "
        "locale writes numbers (3200, 3,200.50 or 3.200,50).",
    )
    steps = lead.add_subparsers(dest="step", metavar="STEP", required=True)
    add = steps.add_parser(
        "add",
        parents=[data_dir, on],
        help="log a new enquiry (a call-back task is made for the next day)",
        description="Log a new enquiry. A sales task to call them back is made, due the "
        "next day, unless --called says you have already.",
    )
    add.add_argument("who", metavar="WHO", help="who it is, on one line")
    add.add_argument("--what", metavar="TEXT", default="", help="what they want, on one line")
    add.add_argument(
        "--source",
        metavar="NAME",
        help='where they heard of you: the start of a source\'s name, or "not sure" '
        "(`tradesman sources` lists them)",
    )
    add.add_argument("--referred-by", metavar="NAME", default="", help="who referred them")
    add.add_argument("--called", action="store_true", help="already called back: no task")
    quote = steps.add_parser(
        "quote",
        parents=[data_dir, on],
        help="record the quote (two follow-up tasks are made)",
        description="Record an enquiry's quote. Two sales tasks to follow it up are made, "
        "due 3 and 10 days later.",
    )
    quote.add_argument("id", metavar="ID", type=int, help="the enquiry's number (`leads`)")
    quote.add_argument("amount", metavar="AMOUNT", help="the amount quoted")
    won = steps.add_parser(
        "won",
        parents=[data_dir, on],
        help="the job was won (its open follow-ups close)",
        description="Mark a quoted enquiry won. Its open follow-up tasks are marked done.",
    )
    won.add_argument("id", metavar="ID", type=int, help="the enquiry's number (`leads`)")
    won.add_argument("--value", metavar="AMOUNT", help="what the job is worth (default: the quote)")
    lost = steps.add_parser(
        "lost",
        parents=[data_dir, on],
        help="the job was lost (its open follow-ups close)",
        description="Mark a quoted enquiry lost, and why. Its open follow-up tasks are "
        "marked done.",
    )
    lost.add_argument("id", metavar="ID", type=int, help="the enquiry's number (`leads`)")
    lost.add_argument("--reason", choices=REASONS, default="other", help="why (default: other)")

    leads = commands.add_parser(
        "leads",
        parents=[data_dir],
        help="list the enquiries",
        description="List the enquiries, the newest first: those still open and those "
        "decided in the last 13 weeks, unless --open or --all says otherwise.",
    )
    which = leads.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only those new or quoted")
    which.add_argument("--all", action="store_true", help="every enquiry ever logged")
    leads.add_argument("--json", action="store_true", help="print JSON (amounts as numbers)")

    spend = commands.add_parser(
        "spend",
        parents=[data_dir, on],
        help="record money spent on marketing",
        description="Record money spent on marketing: postcards, a directory listing, a sign.",
    )
    spend.add_argument("amount", metavar="AMOUNT", help="the amount spent")
    spend.add_argument(
        "--source", metavar="NAME", help="the source it is for (the start of its name)"
    )
    spend.add_argument("--note", metavar="TEXT", default="", help='what for ("200 postcards")')

    sources = commands.add_parser(
        "sources",
        parents=[data_dir],
        help="list where work comes from",
        description="List the sources of work, by kind, with how many enquiries each brought.",
    )
    sources.add_argument("--json", action="store_true", help="print JSON")
    sources.add_argument(
        "--weeks",
        type=int,
        choices=PERIODS,
        help="what each source brought in over the last 4, 13, 26 or 52 weeks: enquiries, "
        "jobs won, spend and your marketing hours",
    )

    engines = commands.add_parser(
        "engines",
        parents=[data_dir],
        help="which engine holds the business back: marketing, sales or production",
        description="What your business hours bring in, and which of the three engines "
        "(marketing, sales, production) holds the business back now, with the reason in "
        "numbers and one next step.",
    )
    engines.add_argument(
        "--weeks", type=int, choices=PERIODS, default=13,
        help="the weeks the figures look back over (default: 13)",
    )  # fmt: skip
    engines.add_argument("--json", action="store_true", help="print every figure as JSON")


def numbers_locale(environ: Mapping[str, str]) -> str | None:
    """The locale that governs numbers, as POSIX decides it: LC_ALL, LC_NUMERIC, LANG."""
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        if environ.get(name):
            return environ[name]
    return None
