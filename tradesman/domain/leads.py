"""Work coming in: where it comes from (sources), the enquiries (leads) and what became
of them, marketing spend and the month's takings.

Amounts are whole minor units (domain/money.py). An enquiry moves new -> quoted -> won
or lost, or new -> not quoted; each step keeps its day, so the next issue's numbers
(win rate, time to quote, spend per job won) can be worked out from these rows alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from tradesman.domain.areas import Area
from tradesman.domain.tasks import Task


class SourceKind(StrEnum):
    WORD_OF_MOUTH = "word_of_mouth"
    REPEAT = "repeat"
    MARKETING = "marketing"
    NOT_SURE = "not_sure"


KIND_NAMES = {
    SourceKind.WORD_OF_MOUTH: "Word of mouth",
    SourceKind.REPEAT: "Repeat",
    SourceKind.MARKETING: "Marketing",
    SourceKind.NOT_SURE: "Not sure",
}

NOT_SURE = "Not sure"

# The list a data file starts with, in plain words, grouped by kind (the owner edits it).
SEEDED_SOURCES: tuple[tuple[str, SourceKind], ...] = (
    ("A customer's referral", SourceKind.WORD_OF_MOUTH),
    ("Another trade or a merchant", SourceKind.WORD_OF_MOUTH),
    ("A past customer", SourceKind.REPEAT),
    ("Google / business profile", SourceKind.MARKETING),
    ("Website", SourceKind.MARKETING),
    ("Van or yard sign", SourceKind.MARKETING),
    ("Flyers or postcards", SourceKind.MARKETING),
    ("A directory or lead site", SourceKind.MARKETING),
    ("Other marketing", SourceKind.MARKETING),
    (NOT_SURE, SourceKind.NOT_SURE),
)


@dataclass(frozen=True)
class Source:
    """Where work comes from. One in use is archived (hidden from choices), never deleted."""

    name: str
    kind: SourceKind
    archived: bool = False
    id: int | None = None

    def with_changes(self, **changes: object) -> Source:
        return replace(self, **changes)  # type: ignore[arg-type]


def sources_named(text: str, sources: Sequence[Source]) -> list[Source]:
    """The sources `text` may mean, best first: its whole name in any case; else those
    not archived whose name starts with it; else those it is part of ("referral").
    One found is the answer; more are the names to offer; none, nothing matched."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return []
    exact = [source for source in sources if source.name.casefold() == wanted]
    if exact:
        return exact[:1]
    offered = [source for source in sources if not source.archived]
    starting = [source for source in offered if source.name.casefold().startswith(wanted)]
    return starting or [source for source in offered if wanted in source.name.casefold()]


@dataclass(frozen=True)
class SourceCount:
    """A source with what names it: enquiries, and marketing blocks, series, tasks, spend."""

    source: Source
    leads: int = 0
    blocks: int = 0
    series: int = 0
    tasks: int = 0
    spend: int = 0

    @property
    def in_use(self) -> bool:
        return any((self.leads, self.blocks, self.series, self.tasks, self.spend))


class LeadState(StrEnum):
    NEW = "new"
    QUOTED = "quoted"
    WON = "won"
    LOST = "lost"
    NOT_QUOTED = "not_quoted"


OPEN_STATES = frozenset({LeadState.NEW, LeadState.QUOTED})
DECIDED_STATES = frozenset({LeadState.WON, LeadState.LOST, LeadState.NOT_QUOTED})


class LostReason(StrEnum):
    PRICE = "price"
    TIMING = "timing"
    NO_REPLY = "no_reply"
    WENT_ELSEWHERE = "went_elsewhere"
    OTHER = "other"


class NotQuotedReason(StrEnum):
    TOO_BUSY = "too_busy"
    NOT_OUR_WORK = "not_our_work"
    OTHER = "other"


@dataclass(frozen=True)
class Lead:
    """One enquiry. `quoted_on`/`quote` once quoted; `decided_on` once won, lost or not
    quoted; `value` (the job's worth) once won; the reason once lost or not quoted."""

    who: str
    came_in: date
    source_id: int | None
    what: str = ""
    referred_by: str = ""
    notes: str = ""
    state: LeadState = LeadState.NEW
    quoted_on: date | None = None
    quote: int | None = None
    decided_on: date | None = None
    value: int | None = None
    lost_reason: LostReason | None = None
    not_quoted_reason: NotQuotedReason | None = None
    id: int | None = None

    def with_changes(self, **changes: object) -> Lead:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def quoted(self, day: date, amount: int) -> Lead:
        return self.with_changes(state=LeadState.QUOTED, quoted_on=day, quote=amount)

    def won(self, day: date, value: int | None = None) -> Lead:
        """Won, worth `value` (the quote when not given)."""
        worth = self.quote if value is None else value
        return self.with_changes(state=LeadState.WON, decided_on=day, value=worth)

    def lost(self, day: date, reason: LostReason) -> Lead:
        return self.with_changes(state=LeadState.LOST, decided_on=day, lost_reason=reason)

    def not_quoted(self, day: date, reason: NotQuotedReason) -> Lead:
        return self.with_changes(
            state=LeadState.NOT_QUOTED, decided_on=day, not_quoted_reason=reason
        )


@dataclass(frozen=True)
class Spend:
    """Money spent on marketing: a day, an amount, what for, and the source it works for."""

    day: date
    amount: int
    source_id: int | None = None
    note: str = ""
    id: int | None = None

    def with_changes(self, **changes: object) -> Spend:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Takings:
    """One month's takings from the books (`month` is its first day)."""

    month: date
    amount: int
    id: int | None = None

    def with_changes(self, **changes: object) -> Takings:
        return replace(self, **changes)  # type: ignore[arg-type]


def month_of(day: date) -> date:
    return day.replace(day=1)


DUPLICATE_DAYS = 14  # the same "who" within this many days is likely the same enquiry


def same_who(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def is_likely_duplicate(new_who: str, new_day: date, earlier: Lead) -> bool:
    """Whether an enquiry from `new_who` on `new_day` is likely `earlier` again."""
    near = abs((new_day - earlier.came_in).days) <= DUPLICATE_DAYS
    return near and same_who(new_who, earlier.who)


# The follow-ups made for the owner: ordinary sales tasks, linked to their enquiry.
CALL_BACK_AFTER = timedelta(days=1)
QUOTE_FOLLOW_UPS = (timedelta(days=3), timedelta(days=10))


def call_back_task(lead: Lead) -> Task:
    return Task(
        title=f"Call back: {lead.who}"[:200],
        area=Area.SALES,
        due=lead.came_in + CALL_BACK_AFTER,
        customer_job=False,
        lead_id=lead.id,
    )


def quote_follow_up_tasks(lead: Lead) -> list[Task]:
    assert lead.quoted_on is not None
    return [
        Task(
            title=f"Follow up the quote: {lead.who}"[:200],
            area=Area.SALES,
            due=lead.quoted_on + after,
            customer_job=False,
            lead_id=lead.id,
        )
        for after in QUOTE_FOLLOW_UPS
    ]


@dataclass(frozen=True)
class LeadSettings:
    """The settings of work coming in. Changing the currency relabels, converts nothing."""

    currency: str = "USD"
    stale_quote_days: int = 30  # a quote older than this stands out on the Work page
    hourly_rate: int | None = None  # minor units: what an hour of the owner's time is worth

    def with_changes(self, **changes: object) -> LeadSettings:
        return replace(self, **changes)  # type: ignore[arg-type]
