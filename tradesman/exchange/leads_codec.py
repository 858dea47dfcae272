"""Work coming in as JSON values and back: sources, enquiries (leads), marketing spend
and the months' takings (format 6).

Decoding checks every value with the domain's own checks (domain/lead_checks.py) and
raises `InvalidInput` naming the field. A value the file gives that the domain would
quietly drop (a quote on an enquiry still new) is refused instead: what is imported
is what the file says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from tradesman.domain.lead_checks import (
    NO_SOURCE,
    check_lead,
    check_lead_settings,
    check_source,
    check_source_name,
    check_spend,
    check_takings,
)
from tradesman.domain.leads import (
    Lead,
    LeadSettings,
    LeadState,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
)
from tradesman.domain.validation import InvalidInput, quoted
from tradesman.exchange import values

JsonObject = dict[str, Any]

_KINDS = "word_of_mouth, repeat, marketing or not_sure"
_STATES = "new, quoted, won, lost or not_quoted"
_STATE_WORDS = {
    LeadState.NEW: "new",
    LeadState.QUOTED: "quoted",
    LeadState.WON: "won",
    LeadState.LOST: "lost",
    LeadState.NOT_QUOTED: "not quoted",
}


def encode_source(source: Source, file_id: str) -> JsonObject:
    return {
        "id": file_id,
        "name": source.name,
        "kind": source.kind.value,
        "archived": source.archived,
    }


def decode_source(raw: Mapping[str, Any], earlier: Sequence[Source]) -> Source:
    """A source from JSON; its name may not be an `earlier` one's in any case."""
    archived = raw.get("archived", False)
    if not isinstance(archived, bool):
        raise InvalidInput("archived", '"archived" must be true or false.')
    source = Source(
        name=values.text(raw, "name"),
        kind=values.choice(raw, "kind", SourceKind, _KINDS),
        archived=archived,
    )
    checked = check_source(source)
    return checked.with_changes(name=check_source_name(checked.name, earlier))


def encode_lead(lead: Lead, file_id: str, source_file_id: str | None) -> JsonObject:
    reason = lead.lost_reason or lead.not_quoted_reason
    return {
        "id": file_id,
        "came_in": lead.came_in.isoformat(),
        "who": lead.who,
        "what": lead.what,
        "source": source_file_id,
        "referred_by": lead.referred_by,
        "notes": lead.notes,
        "state": lead.state.value,
        "quoted_on": _day(lead.quoted_on),
        "quote": values.encode_amount(lead.quote),
        "decided_on": _day(lead.decided_on),
        "value": values.encode_amount(lead.value),
        "reason": None if reason is None else reason.value,
    }


def decode_lead(raw: Mapping[str, Any], source_id: int | None) -> Lead:
    """An enquiry from JSON; `source_id` is the decoded source its "source" names. A won
    enquiry without a "value" is worth its quote, as when the owner marks it won."""
    came_in = values.optional_date(raw, "came_in")
    if came_in is None:
        raise InvalidInput("came_in", '"came_in" is missing.')
    if source_id is None:
        raise InvalidInput("source", NO_SOURCE)
    state = values.choice(raw, "state", LeadState, _STATES, LeadState.NEW)
    quote = values.amount(raw, "quote")
    value = values.amount(raw, "value")
    if state is LeadState.WON and value is None:
        value = quote
    lead = Lead(
        who=values.text(raw, "who"),
        came_in=came_in,
        source_id=source_id,
        what=values.text(raw, "what", allow_empty=True),
        referred_by=values.text(raw, "referred_by", allow_empty=True),
        notes=values.notes(raw),
        state=state,
        quoted_on=values.optional_date(raw, "quoted_on"),
        quote=quote,
        decided_on=values.optional_date(raw, "decided_on"),
        value=value,
        lost_reason=_reason(raw, state, LeadState.LOST, LostReason),
        not_quoted_reason=_reason(raw, state, LeadState.NOT_QUOTED, NotQuotedReason),
    )
    checked = check_lead(lead)  # (not against today: a file restores what was logged)
    for key, field in _DROPPED_WITH_STATE.items():
        if raw.get(key) is not None and getattr(checked, field) is None:
            raise InvalidInput(
                key,
                f"An enquiry that is {_STATE_WORDS[state]} has no {key.replace('_', ' ')}; "
                f'leave "{key}" out, or null.',
            )
    return checked


# The keys a file may give only in some states, and the Lead field each one fills.
_DROPPED_WITH_STATE = {
    "quoted_on": "quoted_on",
    "quote": "quote",
    "decided_on": "decided_on",
    "value": "value",
}

_Reason = TypeVar("_Reason", LostReason, NotQuotedReason)


def _reason(
    raw: Mapping[str, Any], state: LeadState, its_state: LeadState, kind: type[_Reason]
) -> _Reason | None:
    """The "reason" of a lost or not-quoted enquiry (check_lead says when one is
    missing); a reason on an enquiry in another state is refused."""
    reason = raw.get("reason")
    if reason is None:
        return None
    if state not in (LeadState.LOST, LeadState.NOT_QUOTED):
        raise InvalidInput(
            "reason",
            f'An enquiry that is {_STATE_WORDS[state]} has no reason; leave "reason" out, or null.',
        )
    if state is not its_state:
        return None
    names = ", ".join(member.value for member in kind)
    return values.choice(raw, "reason", kind, names)


def encode_spend(spend: Spend, source_file_id: str | None) -> JsonObject:
    return {
        "day": spend.day.isoformat(),
        "amount": values.encode_amount(spend.amount),
        "source": source_file_id,
        "note": spend.note,
    }


def decode_spend(raw: Mapping[str, Any], source_id: int | None) -> Spend:
    day = values.optional_date(raw, "day")
    if day is None:
        raise InvalidInput("day", '"day" is missing.')
    spend = Spend(
        day=day,
        amount=_required_amount(raw, "amount"),
        source_id=source_id,
        note=values.text(raw, "note", allow_empty=True),
    )
    return check_spend(spend)


def encode_takings(takings: Takings) -> JsonObject:
    return {"month": takings.month.isoformat()[:7], "amount": values.encode_amount(takings.amount)}


_MONTH = re.compile(r"^\d{4}-\d{2}$", re.ASCII)


def decode_takings(raw: Mapping[str, Any], earlier: Sequence[Takings]) -> Takings:
    """One month's takings from JSON: "month" is "YYYY-MM" (a whole date is taken as
    its month); one number a month, so a month named twice is refused."""
    month = raw.get("month")
    if isinstance(month, str) and _MONTH.match(month):
        month = f"{month}-01"
    first = values.optional_date({"month": month}, "month")
    if first is None:
        raise InvalidInput("month", '"month" is missing.')
    checked = check_takings(Takings(month=first, amount=_required_amount(raw, "amount")))
    if any(other.month == checked.month for other in earlier):
        shown = quoted(checked.month.isoformat()[:7])
        raise InvalidInput("month", f"The month {shown} has its takings earlier in the file.")
    return checked


# The settings of work coming in, inside the document's "settings" (format 7).
LEAD_SETTING_KEYS = ("currency", "stale_quote_days", "hourly_rate")


def encode_lead_settings(settings: LeadSettings) -> JsonObject:
    return {
        "currency": settings.currency,
        "stale_quote_days": settings.stale_quote_days,
        "hourly_rate": values.encode_amount(settings.hourly_rate),
    }


def decode_lead_settings(raw: Mapping[str, Any], defaults: LeadSettings) -> LeadSettings | None:
    """The settings of work coming in from a document's "settings"; a key left out takes
    its value from `defaults`. None when the file names none of them (a file from before
    format 7): the owner's own then stay as they are."""
    if not any(key in raw for key in LEAD_SETTING_KEYS):
        return None
    changes: dict[str, object] = {}
    if "currency" in raw:
        changes["currency"] = values.text(raw, "currency")
    if "stale_quote_days" in raw:
        days = raw["stale_quote_days"]
        if isinstance(days, bool) or not isinstance(days, int):
            raise InvalidInput("stale_quote_days", '"stale_quote_days" must be a whole number.')
        changes["stale_quote_days"] = days
    if "hourly_rate" in raw:
        changes["hourly_rate"] = values.amount(raw, "hourly_rate")
    return check_lead_settings(defaults.with_changes(**changes))


def _required_amount(raw: Mapping[str, Any], key: str) -> int:
    amount = values.amount(raw, key)
    if amount is None:
        raise InvalidInput(key, f'"{key}" is missing.')
    return amount


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
