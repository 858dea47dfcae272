"""Week by week, where the enquiries came from and what the marketing hours were, for
the chart of work coming in (issue 15): enquiries by word of mouth and repeat against
those from marketing, the owner's marketing hours done, and the jobs won.

Each enquiry counts in the week it came in, a job in the week it was won, marketing
time in the week it was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tradesman.domain.engine_inputs import EngineInputs
from tradesman.domain.engine_numbers import WORD_OF_MOUTH_KINDS
from tradesman.domain.leads import LeadState, SourceKind
from tradesman.domain.weeks import Week


@dataclass(frozen=True)
class EngineWeek:
    week: Week
    word_of_mouth: int = 0  # enquiries from referrals and past customers
    marketing: int = 0  # enquiries from marketing sources
    other: int = 0  # "not sure", or a source no longer known
    marketing_minutes: int = 0
    won: int = 0
    won_value: int = 0  # minor units

    @property
    def enquiries(self) -> int:
        return self.word_of_mouth + self.marketing + self.other


def engine_weeks(inputs: EngineInputs, last: Week, count: int) -> list[EngineWeek]:
    """The `count` weeks up to and with `last`, oldest first."""
    first = last.plus(1 - count)
    columns: dict[str, list[int]] = {
        name: [0] * count
        for name in ("word_of_mouth", "marketing", "other", "marketing_minutes", "won", "won_value")
    }

    def place(day: date | None) -> int | None:
        if day is None or day > inputs.today:
            return None
        number = (day - first.start).days // 7
        return number if 0 <= number < count else None

    for lead in inputs.leads:
        if (at := place(lead.came_in)) is not None:
            source = inputs.sources.get(lead.source_id or 0)
            kind = None if source is None else source.kind
            if kind in WORD_OF_MOUTH_KINDS:
                columns["word_of_mouth"][at] += 1
            elif kind is SourceKind.MARKETING:
                columns["marketing"][at] += 1
            else:
                columns["other"][at] += 1
        if lead.state is LeadState.WON and (at := place(lead.decided_on)) is not None:
            columns["won"][at] += 1
            columns["won_value"][at] += lead.value or 0
    for time in inputs.marketing:
        if (at := place(time.day)) is not None:
            columns["marketing_minutes"][at] += time.minutes
    return [
        EngineWeek(first.plus(n), **{name: values[n] for name, values in columns.items()})
        for n in range(count)
    ]
