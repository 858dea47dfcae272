"""Week by week, what came in: enquiries, quotes given, jobs won and what they were worth.

Each enquiry counts in the week of the day it came in, its quote in the week it was
given, its win in the week it was decided. Used wherever work coming in is shown week by
week (the plan's ramp, the charts, the stuck-engine strip).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tradesman.domain.leads import Lead, LeadState
from tradesman.domain.weeks import Week


@dataclass(frozen=True)
class WorkWeek:
    week: Week
    enquiries: int = 0
    quotes: int = 0
    won: int = 0
    won_value: int = 0  # minor units


def work_by_week(leads: Iterable[Lead], first: Week, count: int) -> list[WorkWeek]:
    """`count` weeks from `first` on, each with what came in during it."""
    enquiries, quotes, won, value = ([0] * count for _ in range(4))

    def place(day: date | None) -> int | None:
        if day is None:
            return None
        number = (day - first.start).days // 7
        return number if 0 <= number < count else None

    for lead in leads:
        if (at := place(lead.came_in)) is not None:
            enquiries[at] += 1
        if (at := place(lead.quoted_on)) is not None:
            quotes[at] += 1
        if lead.state is LeadState.WON and (at := place(lead.decided_on)) is not None:
            won[at] += 1
            value[at] += lead.value or 0
    return [
        WorkWeek(first.plus(n), enquiries[n], quotes[n], won[n], value[n]) for n in range(count)
    ]
