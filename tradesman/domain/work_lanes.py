"""The Work page's lanes, worked out from the enquiries: which lane each card sits in,
how old it is, the amount it shows, whether a quote has waited too long, and the next
follow-up. Pure: the page draws what this says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tradesman.domain.leads import Lead, LeadState, LostReason, NotQuotedReason, Source

WON_SHOWN = timedelta(weeks=13)  # the Won lane shows the last 13 weeks' wins


class Lane(StrEnum):
    NEW = "new"
    QUOTED = "quoted"
    WON = "won"
    CLOSED = "closed"  # lost, or not quoted


LANE_TITLES = {
    Lane.NEW: "New enquiries",
    Lane.QUOTED: "Quoted",
    Lane.WON: "Won (last 13 weeks)",
    Lane.CLOSED: "Lost and not quoted",
}

LOST_WORDS = {
    LostReason.PRICE: "Price",
    LostReason.TIMING: "Timing",
    LostReason.NO_REPLY: "No reply",
    LostReason.WENT_ELSEWHERE: "Went elsewhere",
    LostReason.OTHER: "Other",
}
NOT_QUOTED_WORDS = {
    NotQuotedReason.TOO_BUSY: "Too busy",
    NotQuotedReason.NOT_OUR_WORK: "Not our work",
    NotQuotedReason.OTHER: "Other",
}

_LANE_OF = {
    LeadState.NEW: Lane.NEW,
    LeadState.QUOTED: Lane.QUOTED,
    LeadState.WON: Lane.WON,
    LeadState.LOST: Lane.CLOSED,
    LeadState.NOT_QUOTED: Lane.CLOSED,
}


@dataclass(frozen=True)
class LeadCard:
    """One enquiry as a card: `age_days` counts from when it came in (new) or was quoted
    (quoted), or since it was decided; `stale` marks a quote waiting too long."""

    lead: Lead
    source_name: str
    lane: Lane
    age_days: int
    amount: int | None  # the quote, or the job's value once won
    stale: bool
    next_follow_up: date | None
    outcome: str  # "Lost: Price", "Not quoted: Too busy", or ""


def lane_of(lead: Lead) -> Lane:
    return _LANE_OF[lead.state]


def _started(lead: Lead) -> date:
    if lead.state is LeadState.NEW:
        return lead.came_in
    if lead.state is LeadState.QUOTED:
        return lead.quoted_on or lead.came_in
    return lead.decided_on or lead.came_in


def _outcome(lead: Lead) -> str:
    if lead.state is LeadState.LOST and lead.lost_reason is not None:
        return f"Lost: {LOST_WORDS[lead.lost_reason]}"
    if lead.state is LeadState.NOT_QUOTED and lead.not_quoted_reason is not None:
        return f"Not quoted: {NOT_QUOTED_WORDS[lead.not_quoted_reason]}"
    return ""


def lead_cards(
    leads: Iterable[Lead],
    sources: Mapping[int, Source],
    today: date,
    stale_days: int,
    follow_ups: Mapping[int, date] | None = None,
) -> dict[Lane, list[LeadCard]]:
    """The cards of each lane, in the order the owner works them: the oldest new
    enquiry and the longest-waiting quote first; the latest win or loss first."""
    lanes: dict[Lane, list[LeadCard]] = {lane: [] for lane in Lane}
    follow_ups = follow_ups or {}
    for lead in leads:
        lane = lane_of(lead)
        started = _started(lead)
        if lane is Lane.WON and today - started > WON_SHOWN:
            continue
        source = sources.get(lead.source_id) if lead.source_id is not None else None
        age = max(0, (today - started).days)
        amount = lead.value if lead.state is LeadState.WON else lead.quote
        stale = lane is Lane.QUOTED and age > stale_days
        next_up = follow_ups.get(lead.id) if lead.id is not None else None
        card = LeadCard(
            lead, source.name if source else "Not sure", lane, age, amount, stale,
            next_up if lead.is_open else None, _outcome(lead),
        )  # fmt: skip
        lanes[lane].append(card)
    for lane, cards in lanes.items():
        cards.sort(key=lambda card: (_started(card.lead), card.lead.id or 0))
        if lane in (Lane.WON, Lane.CLOSED):
            cards.reverse()
    return lanes


def age_words(days: int) -> str:
    return "today" if days == 0 else ("1 day" if days == 1 else f"{days} days")
