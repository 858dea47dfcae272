"""Where the work comes from, source by source: what each brought in over a period, the
money and the owner's own marketing hours put into it, and what an hour or a pound of
it returned (issue 15).

Attribution is one source per enquiry: the one the owner picked when it came in. The
owner's hours are the done marketing blocks that name the source; hours for no source
in particular form a "general marketing" row, as does spend for none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradesman.domain.engine_inputs import EngineInputs, leads_as_of
from tradesman.domain.engine_numbers import Period, Ratio
from tradesman.domain.leads import Lead, LeadState, Source

MINUTES_PER_HOUR = 60


@dataclass(frozen=True)
class SourceRow:
    """One source's figures; `source` None is general marketing (no one source)."""

    source: Source | None
    enquiries: int
    won: int
    won_value: int  # minor units
    spend: int  # minor units
    marketing_minutes: int
    hourly_rate: int | None  # minor units an hour of the owner's time is worth

    @property
    def name(self) -> str:
        return "General marketing" if self.source is None else self.source.name

    @property
    def hours(self) -> float:
        return self.marketing_minutes / MINUTES_PER_HOUR

    @property
    def hours_per_enquiry(self) -> Ratio:
        return Ratio(self.hours, self.enquiries, self.enquiries)

    @property
    def won_per_hour(self) -> Ratio:
        """Work won (minor units) for each marketing hour put into the source."""
        return Ratio(self.won_value, self.hours, self.won)

    @property
    def return_on_spend(self) -> Ratio:
        """Work won for each unit of money spent on the source."""
        return Ratio(self.won_value, self.spend, self.won)

    @property
    def cost_per_job(self) -> Ratio | None:
        """(Spend + hours × the owner's rate) ÷ jobs won; None without an hourly rate."""
        if self.hourly_rate is None:
            return None
        return Ratio(self.spend + self.hours * self.hourly_rate, self.won, self.won)


def source_rows(
    inputs: EngineInputs, period: Period, leads: Sequence[Lead] | None = None
) -> list[SourceRow]:
    """A row for each source with anything in the period (an enquiry, spend or hours),
    and one for general marketing when it has any; the most work won first. `leads`:
    the enquiries as they stood at `period.as_of`, when already worked out
    (`leads_as_of`)."""
    enquiries: dict[int | None, int] = {}
    won: dict[int | None, int] = {}
    value: dict[int | None, int] = {}
    for seen in leads_as_of(inputs, period.as_of) if leads is None else leads:
        if period.contains(seen.came_in):
            enquiries[seen.source_id] = enquiries.get(seen.source_id, 0) + 1
        if seen.state is LeadState.WON and period.contains(seen.decided_on):
            won[seen.source_id] = won.get(seen.source_id, 0) + 1
            value[seen.source_id] = value.get(seen.source_id, 0) + (seen.value or 0)
    spend: dict[int | None, int] = {}
    for item in inputs.spend:
        if period.contains(item.day):
            spend[item.source_id] = spend.get(item.source_id, 0) + item.amount
    minutes: dict[int | None, int] = {}
    for time in inputs.marketing:
        if period.contains(time.day):
            minutes[time.source_id] = minutes.get(time.source_id, 0) + time.minutes
    keys = set(enquiries) | set(spend) | set(minutes)
    rows = [
        SourceRow(
            None if key is None else inputs.sources.get(key),
            enquiries.get(key, 0),
            won.get(key, 0),
            value.get(key, 0),
            spend.get(key, 0),
            minutes.get(key, 0),
            inputs.hourly_rate,
        )
        for key in keys
        if key is None or key in inputs.sources
    ]
    return sorted(rows, key=lambda row: (-row.won_value, -row.enquiries, row.name.casefold()))


def best_hour(rows: Sequence[SourceRow]) -> SourceRow | None:
    """The source whose marketing hours brought the most work won per hour, judged on
    enough jobs (general marketing aside: it names nothing to book)."""
    judged = [
        row for row in rows if row.source is not None and row.won_per_hour.judged
    ]  # fmt: skip
    return max(judged, key=lambda row: row.won_per_hour.value or 0.0, default=None)
