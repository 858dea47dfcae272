"""The checks on sources, enquiries, spend and takings, each failing with one plain
sentence naming its field (as domain/validation.py does for blocks and tasks)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from tradesman.domain.leads import (
    DECIDED_STATES,
    Lead,
    LeadSettings,
    LeadState,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
    month_of,
)
from tradesman.domain.money import AmountError, check_minor, parse_amount
from tradesman.domain.validation import (
    NAME_MAX,
    TITLE_MAX,
    InvalidInput,
    check_day,
    check_notes,
    check_text,
    quoted,
)
from tradesman.domain.weeks import format_day

NO_SOURCE = "Where did they hear of you? Pick one, or Not sure."
NO_WHO = "Who is it? Give a name, even just a first name."
# Logged when they happen: a day after today at most (the evening's time zone slack).
FUTURE_SLACK = timedelta(days=1)
STALE_MOST = 365


def amount(field: str, text: str, decimal_mark: str = ".", *, allow_zero: bool = False) -> int:
    """An amount typed by the owner, in minor units, or InvalidInput under `field`."""
    try:
        return parse_amount(text, decimal_mark, allow_zero=allow_zero)
    except AmountError as exc:
        raise InvalidInput(field, str(exc)) from None


def _minor(field: str, value: object, *, allow_zero: bool = False) -> int:
    try:
        return check_minor(value, allow_zero=allow_zero)
    except AmountError as exc:
        raise InvalidInput(field, str(exc)) from None


def check_source_name(name: object, others: Iterable[Source] = ()) -> str:
    """A source's name: one line, not empty, and not another source's in any case."""
    tidy = check_text("name", name, "The name", NAME_MAX)
    if not tidy:
        raise InvalidInput("name", "Give the source a name.")
    for other in others:
        if other.name.casefold() == tidy.casefold():
            raise InvalidInput("name", f"There is already a source called {quoted(other.name)}.")
    return tidy


def check_source(source: Source) -> Source:
    if not isinstance(source.kind, SourceKind):
        raise InvalidInput("kind", f"{quoted(source.kind)} is not a kind of source.")
    return source.with_changes(name=check_source_name(source.name), archived=bool(source.archived))


def check_when(field: str, day: object, today: date | None) -> date:
    """A day something happened: a real date, and not more than a day ahead of `today`
    (None: not checked, as when an undo puts a row back)."""
    checked = check_day(day, field)
    if today is not None and checked > today + FUTURE_SLACK:
        raise InvalidInput(
            field, f"{format_day(checked)} has not come yet; log it on the day it happens."
        )
    return checked


def check_lead(lead: Lead, today: date | None = None) -> Lead:
    """The enquiry as stored (text trimmed), or InvalidInput naming what is wrong."""
    who = check_text("who", lead.who, "Who it is", TITLE_MAX)
    if not who:
        raise InvalidInput("who", NO_WHO)
    what = check_text("what", lead.what, "What they want", TITLE_MAX)
    referred_by = check_text("referred_by", lead.referred_by, "Who referred them", NAME_MAX)
    notes = check_notes(lead.notes)
    if lead.source_id is None:
        raise InvalidInput("source", NO_SOURCE)
    came_in = check_when("came_in", lead.came_in, today)
    state = lead.state
    if not isinstance(state, LeadState):
        raise InvalidInput("state", f"{quoted(state)} is not a state of an enquiry.")
    quoted_on, quote = lead.quoted_on, lead.quote
    if state in (LeadState.QUOTED, LeadState.WON, LeadState.LOST):
        quoted_on = check_when("quoted_on", quoted_on, today)
        quote = _minor("quote", quote)
        if quoted_on < came_in:
            raise InvalidInput(
                "quoted_on",
                f"A quote cannot come before the enquiry; make it {format_day(came_in)} or later.",
            )
    elif state is LeadState.NEW or state is LeadState.NOT_QUOTED:
        quoted_on, quote = None, None
    decided_on, value = lead.decided_on, lead.value
    lost_reason, not_quoted_reason = lead.lost_reason, lead.not_quoted_reason
    if state in DECIDED_STATES:
        decided_on = check_when("decided_on", decided_on, today)
        after, what_after = (came_in, "enquiry") if quoted_on is None else (quoted_on, "quote")
        if decided_on < after:
            raise InvalidInput(
                "decided_on",
                f"A decision cannot come before the {what_after}; make it "
                f"{format_day(after)} or later.",
            )
    else:
        decided_on = None
    if state is LeadState.WON:
        value = _minor("value", value)
    else:
        value = None
    if state is LeadState.LOST:
        if not isinstance(lost_reason, LostReason):
            raise InvalidInput("reason", "Why was it lost? Pick a reason, or Other.")
    else:
        lost_reason = None
    if state is LeadState.NOT_QUOTED:
        if not isinstance(not_quoted_reason, NotQuotedReason):
            raise InvalidInput("reason", "Why not quote it? Pick a reason, or Other.")
    else:
        not_quoted_reason = None
    return lead.with_changes(
        who=who, what=what, referred_by=referred_by, notes=notes, came_in=came_in,
        quoted_on=quoted_on, quote=quote, decided_on=decided_on, value=value,
        lost_reason=lost_reason, not_quoted_reason=not_quoted_reason,
    )  # fmt: skip


def check_spend(spend: Spend, today: date | None = None) -> Spend:
    day = check_when("day", spend.day, today)
    note = check_text("note", spend.note, "The note", TITLE_MAX)
    return spend.with_changes(day=day, amount=_minor("amount", spend.amount), note=note)


def check_takings(takings: Takings, today: date | None = None) -> Takings:
    month = check_day(takings.month, "month")
    if month.day != 1:
        month = month_of(month)
    if today is not None and month > month_of(today):
        raise InvalidInput("month", "That month has not come yet.")
    amount = _minor("amount", takings.amount, allow_zero=True)
    return takings.with_changes(month=month, amount=amount)


def check_lead_settings(settings: LeadSettings) -> LeadSettings:
    currency = check_text("currency", settings.currency, "The currency", 12)
    if not currency:
        raise InvalidInput("currency", "Give the currency, like GBP, EUR or USD.")
    days = settings.stale_quote_days
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= STALE_MOST:
        raise InvalidInput(
            "stale_quote_days", f"A quote can stand out after 1 to {STALE_MOST} days."
        )
    rate = settings.hourly_rate
    if rate is not None:
        rate = _minor("hourly_rate", rate)
    return settings.with_changes(currency=currency, hourly_rate=rate)
