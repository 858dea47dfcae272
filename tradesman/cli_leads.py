"""The command line of work coming in: `lead add|quote|won|lost`, `leads`, `spend` and
`sources`. Each command opens the store, runs one service in one transaction and
prints, as the other commands do (cli.py), so it works beside an open window.

Amounts are read as the locale writes numbers (LC_ALL, LC_NUMERIC, LANG); a source is
named by the start of its name, in any case. The parser's words are in cli_lead_args.py."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from tradesman.domain.leads import KIND_NAMES, Lead, LostReason
from tradesman.domain.money import MINOR_PER_MAJOR, decimal_mark_for_locale, format_amount
from tradesman.domain.weeks import format_day
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.reads import Db


def run_lead_command(args: argparse.Namespace, store: Store, locale_name: str | None) -> int:
    """Run one command of work coming in; returns the exit code (0: done)."""
    commands = _Commands(store, locale_name, decimal_mark_for_locale(locale_name))
    if args.command == "lead":
        return int(getattr(commands, f"lead_{args.step}")(args))
    return int(getattr(commands, args.command)(args))


class _Commands:
    def __init__(self, store: Store, locale_name: str | None, mark: str) -> None:
        self.store = store
        self.locale_name = locale_name
        self.mark = mark
        self.today = date.today()

    def money(self, session: Db, minor: int | None) -> str:
        from tradesman.services.lead_settings import load_lead_settings

        if minor is None:
            return ""
        currency = load_lead_settings(session, self.locale_name).currency
        return f"{currency} {format_amount(minor, self.mark)}"

    def amount(self, field: str, text: str) -> int:
        from tradesman.domain.lead_checks import amount

        return amount(field, text, self.mark)

    def lead_add(self, args: argparse.Namespace) -> int:
        from tradesman.domain.lead_checks import NO_SOURCE
        from tradesman.domain.validation import InvalidInput
        from tradesman.services.edited_tables import LEADS
        from tradesman.services.leads import add_enquiry, likely_duplicates
        from tradesman.services.sources import find_source

        day = args.on or self.today
        with self.store.writing() as session:
            if args.source is None:
                raise InvalidInput("source", NO_SOURCE)
            source = find_source(session, args.source)
            earlier = likely_duplicates(session, args.who, day)
            lead = Lead(args.who, day, source.id, what=args.what, referred_by=args.referred_by)
            change = add_enquiry(session, lead, self.today, called=args.called)
        (saved,) = change.after(LEADS)
        said = f"Enquiry {saved.id}: {saved.who}, from {source.name}, {format_day(saved.came_in)}."
        if change.after_tasks:
            said += f" Call back by {format_day(change.after_tasks[0].due or day)}."
        print(said)
        for other in earlier:
            _say(
                f"This looks like enquiry {other.id} ({other.who}, "
                f"{format_day(other.came_in)}) again; both are kept."
            )
        return 0

    def lead_quote(self, args: argparse.Namespace) -> int:
        from tradesman.services.edited_tables import LEADS
        from tradesman.services.leads import quote_enquiry

        amount = self.amount("quote", args.amount)
        with self.store.writing() as session:
            change = quote_enquiry(session, args.id, args.on or self.today, amount, self.today)
            money = self.money(session, amount)
        (saved,) = change.after(LEADS)
        follow = " and ".join(format_day(t.due) for t in change.after_tasks if t.due is not None)
        said = f"Enquiry {saved.id} quoted: {money}, {format_day(saved.quoted_on or self.today)}."
        print(said + (f" Follow up on {follow}." if follow else ""))
        return 0

    def lead_won(self, args: argparse.Namespace) -> int:
        from tradesman.services.edited_tables import LEADS
        from tradesman.services.leads import win_enquiry

        value = None if args.value is None else self.amount("value", args.value)
        with self.store.writing() as session:
            change = win_enquiry(session, args.id, args.on or self.today, self.today, value)
            (saved,) = change.after(LEADS)
            money = self.money(session, saved.value)
        print(f"Enquiry {saved.id} won: {money}." + _closed(change.after_tasks))
        return 0

    def lead_lost(self, args: argparse.Namespace) -> int:
        from tradesman.services.edited_tables import LEADS
        from tradesman.services.leads import lose_enquiry

        reason = LostReason(args.reason.replace("-", "_"))
        with self.store.writing() as session:
            change = lose_enquiry(session, args.id, args.on or self.today, reason, self.today)
        (saved,) = change.after(LEADS)
        print(f"Enquiry {saved.id} lost ({args.reason})." + _closed(change.after_tasks))
        return 0

    def leads(self, args: argparse.Namespace) -> int:
        from tradesman.domain.leads import OPEN_STATES
        from tradesman.services.lead_list import leads_in
        from tradesman.services.lead_settings import load_lead_settings
        from tradesman.services.leads import open_and_recent
        from tradesman.services.source_list import all_sources

        with self.store.reading() as session:
            if args.all:
                found = leads_in(session)
            elif args.open:
                found = leads_in(session, OPEN_STATES)
            else:
                found = open_and_recent(session, self.today)
            names = {source.id: source.name for source in all_sources(session)}
            currency = load_lead_settings(session, self.locale_name).currency
        if args.json:
            rows = [_lead_document(lead, names) for lead in found]
            print(json.dumps({"currency": currency, "leads": rows}, ensure_ascii=False))
            return 0
        if not found:
            print("No enquiries." if args.all else "No enquiries open or decided lately.")
            return 0
        print(
            f"{'#':>4}  {'came in':<11}  {'state':<10}  {'who / what':<34}  {'source':<26}  amount"
        )
        for lead in found:
            who = f"{lead.who} – {lead.what}" if lead.what else lead.who
            amount = lead.value if lead.value is not None else lead.quote
            shown = "" if amount is None else f"{currency} {format_amount(amount, self.mark)}"
            print(
                f"{lead.id:>4}  {format_day(lead.came_in):<11}  "
                f"{lead.state.value.replace('_', ' '):<10}  {_cut(who, 34):<34}  "
                f"{_cut(names.get(lead.source_id, ''), 26):<26}  {shown}".rstrip()
            )
        return 0

    def spend(self, args: argparse.Namespace) -> int:
        from tradesman.domain.leads import Spend
        from tradesman.services.edited_tables import SPEND
        from tradesman.services.sources import find_source
        from tradesman.services.spend import add_spend

        amount = self.amount("amount", args.amount)
        with self.store.writing() as session:
            source = None if args.source is None else find_source(session, args.source)
            spend = Spend(args.on or self.today, amount, None if source is None else source.id,
                          args.note)  # fmt: skip
            change = add_spend(session, spend, self.today)
            money = self.money(session, amount)
        (saved,) = change.after(SPEND)
        said = f"Spent {money} on {format_day(saved.day)}"
        said += "" if source is None else f" for {source.name}"
        print(said + (f": {saved.note}." if saved.note else "."))
        return 0

    def engines(self, args: argparse.Namespace) -> int:
        from tradesman.cli_engines import print_engines

        return print_engines(self.store, self.locale_name, self.mark, args.weeks, args.json)

    def sources(self, args: argparse.Namespace) -> int:
        from tradesman.services.sources import sources_with_counts

        if args.weeks is not None:
            from tradesman.cli_engines import print_source_figures

            return print_source_figures(
                self.store, self.locale_name, self.mark, args.weeks, args.json
            )

        with self.store.reading() as session:
            counted = sources_with_counts(session)
        if args.json:
            rows = [
                {"id": c.source.id, "name": c.source.name, "kind": c.source.kind.value,
                 "archived": c.source.archived, "leads": c.leads, "blocks": c.blocks,
                 "series": c.series, "tasks": c.tasks, "spend": c.spend}
                for c in counted
            ]  # fmt: skip
            print(json.dumps(rows, ensure_ascii=False))
            return 0
        kind = None
        for count in counted:
            if count.source.kind is not kind:
                kind = count.source.kind
                print(KIND_NAMES[kind])
            archived = " (archived)" if count.source.archived else ""
            enquiries = count_of(count.leads, "enquiry", "enquiries")
            print(f"  {_cut(count.source.name + archived, 40):<40}  {enquiries}")
        return 0


def _lead_document(lead: Lead, names: dict[int | None, str]) -> dict[str, Any]:
    reason = lead.lost_reason or lead.not_quoted_reason
    return {
        "id": lead.id,
        "came_in": lead.came_in.isoformat(),
        "who": lead.who,
        "what": lead.what,
        "source": names.get(lead.source_id),
        "referred_by": lead.referred_by,
        "state": lead.state.value,
        "quoted_on": None if lead.quoted_on is None else lead.quoted_on.isoformat(),
        "quote": _number(lead.quote),
        "decided_on": None if lead.decided_on is None else lead.decided_on.isoformat(),
        "value": _number(lead.value),
        "reason": None if reason is None else reason.value,
        "notes": lead.notes,
    }


def _number(minor: int | None) -> float | int | None:
    """An amount as a JSON number with at most 2 decimals (3200, 3200.5)."""
    if minor is None:
        return None
    whole, cents = divmod(minor, MINOR_PER_MAJOR)
    return whole if not cents else minor / MINOR_PER_MAJOR


def _closed(tasks: tuple[Any, ...]) -> str:
    done = [task for task in tasks if task.lead_id is not None]
    return f" {count_of(len(done), 'follow-up', 'follow-ups')} closed." if done else ""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _say(sentence: str) -> None:
    import sys

    print(f"tradesman: {sentence}", file=sys.stderr)
