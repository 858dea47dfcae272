"""The hand-worked example of the engines' numbers (tests/test_engines.py works every
figure of it on paper): the weeks of 9, 16, 23 and 30 November 2026, seen on Wednesday
2 December."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tradesman.domain.engine_inputs import AskDone, EngineInputs, Job, MarketingTime
from tradesman.domain.leads import (
    Lead,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
)
from tradesman.domain.purposes import Purpose
from tradesman.domain.weeks import Week

TODAY = date(2026, 12, 2)
THIS_WEEK = Week(date(2026, 11, 30))
REFERRAL = Source("A customer's referral", SourceKind.WORD_OF_MOUTH, id=1)
REPEAT = Source("A past customer", SourceKind.REPEAT, id=2)
GOOGLE = Source("Google / business profile", SourceKind.MARKETING, id=3)
NOT_SURE = Source("Not sure", SourceKind.NOT_SURE, id=4)


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def example(**changes: object) -> EngineInputs:
    leads = [
        Lead("L1", d(11, 10), 3).quoted(d(11, 12), 280000).won(d(11, 20), 300000),
        Lead("L2", d(11, 11), 1).quoted(d(11, 16), 90000).lost(d(11, 25), LostReason.PRICE),
        Lead("L3", d(11, 18), 3).quoted(d(11, 19), 150000),
        Lead("L4", d(12, 1), 2),
        Lead("L5", d(11, 17), 4).not_quoted(d(11, 17), NotQuotedReason.NOT_OUR_WORK),
        Lead("L6", d(10, 20), 1).quoted(d(10, 22), 200000).won(d(11, 23)),
        Lead("L7", d(12, 3), 3),  # tomorrow, as seen today: not yet there
    ]
    inputs = EngineInputs(
        today=TODAY,
        this_week=THIS_WEEK,
        leads=leads,
        sources={s.id or 0: s for s in (REFERRAL, REPEAT, GOOGLE, NOT_SURE)},
        spend=[Spend(d(11, 15), 4500, 3), Spend(d(11, 28), 10000), Spend(d(10, 30), 7000, 3)],
        takings=[Takings(d(11, 1), 600000)],
        marketing=[
            MarketingTime(d(11, 10), 60, 3),
            MarketingTime(d(11, 17), 90, 3),
            MarketingTime(d(11, 24), 60),
            MarketingTime(d(12, 1), 30, 1),
            MarketingTime(d(10, 1), 60, 3),
        ],
        asks=[
            AskDone(d(11, 20), Purpose.REFERRAL_ASK),
            AskDone(d(11, 27), Purpose.REFERRAL_ASK),
            AskDone(d(11, 21), Purpose.REVIEW_ASK),
            AskDone(d(10, 2), Purpose.REFERRAL_ASK),
        ],
        jobs=[
            Job("Kitchen – Patel", d(11, 20), None, 1200, ((d(11, 23), 480), (d(11, 24), 300))),
            Job("Decking – Brown", d(11, 25), None, None),
            Job("Wardrobes", d(10, 1), d(11, 18), 600, ((d(10, 5), 300), (d(11, 17), 300))),
            Job("Stairs", d(11, 1), d(11, 27), None, ((d(11, 26), 900),)),
            Job("Door", d(11, 2), d(11, 10), 200, ((d(11, 9), 300),)),
        ],
        technician_done={d(11, 23): 1500, d(11, 16): 1800, d(11, 9): 0, d(11, 2): 1200},
        hourly_rate=4000,
    )
    return replace(inputs, **changes)  # type: ignore[arg-type]
