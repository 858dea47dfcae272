"""`tradesman engines` and `tradesman sources --weeks N`: the three engines' figures and
the table of sources on the command line, in sentences or as JSON (issue 15).

Read in one transaction, like every command, so it works beside an open window.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tradesman.domain import engine_words as words
from tradesman.domain.engine_numbers import Ratio
from tradesman.domain.engine_verdict import (
    ENGINE_WORDS,
    PERIOD_WEEKS,
    EngineReport,
    verdict_notes,
)
from tradesman.domain.money import format_amount
from tradesman.exchange.values import encode_amount

if TYPE_CHECKING:
    from tradesman.domain.engine_sources import SourceRow
    from tradesman.store.database import Store

# One letter a week for the strip, oldest first.
STRIP_LETTERS = {
    "not_enough_data": ".", "production": "P", "marketing": "M", "sales": "S", "nothing_stuck": "-",
}  # fmt: skip


def print_engines(
    store: Store, locale_name: str | None, mark: str, weeks: int, as_json: bool
) -> int:
    report, currency = _read(store, locale_name, weeks)
    if as_json:
        print(json.dumps(engines_document(report, currency), ensure_ascii=False))
        return 0

    def money(minor: int) -> str:
        return f"{currency} {format_amount(minor, mark)}"

    figures, verdict = report.figures, report.verdict
    print(f"{words.period_words(figures)}:")
    print()
    print(f"{ENGINE_WORDS[verdict.engine]}. {verdict.reason}")
    print(f"Next: {verdict.next_step}")
    for note in verdict_notes(report):
        print(f"({note})")
    print()
    for line in (
        words.flow_words(figures), words.word_of_mouth_words(figures), words.asks_words(figures),
        words.quotes_words(figures, money), words.money_words(figures, money),
        words.backlog_words(figures), words.needed_words(figures),
    ):  # fmt: skip
        print(line)
    strip = "".join(STRIP_LETTERS[verdict.engine.value] for _, verdict in report.strip)
    print()
    print(f"The last {len(report.strip)} weeks, oldest first: {strip}")
    print("  (M marketing, S sales, P production stuck; - nothing stuck; . too little to judge)")
    return 0


def print_source_figures(
    store: Store, locale_name: str | None, mark: str, weeks: int, as_json: bool
) -> int:
    report, currency = _read(store, locale_name, weeks)
    if as_json:
        print(json.dumps(
            {"currency": currency, "weeks": weeks,
             "sources": [_source_document(row) for row in report.sources]},
            ensure_ascii=False,
        ))  # fmt: skip
        return 0

    def money(minor: int) -> str:
        return format_amount(minor, mark)

    print(f"{words.period_words(report.figures)}, amounts in {currency}:")
    table = [words.SOURCE_HEADINGS, *(words.source_cells(row, money) for row in report.sources)]
    widths = [max(len(cells[n]) for cells in table) for n in range(len(table[0]))]
    for cells in table:
        first, *rest = cells
        line = f"{first:<{widths[0]}}  " + "  ".join(
            f"{cell:>{width}}" for cell, width in zip(rest, widths[1:], strict=True)
        )
        print(line.rstrip())
    if not report.sources:
        print(words.NO_SOURCES)
    print(words.ATTRIBUTION)
    return 0


def _read(store: Store, locale_name: str | None, weeks: int) -> tuple[EngineReport, str]:
    from datetime import date

    from tradesman.services.engines import read_engines
    from tradesman.services.lead_settings import load_lead_settings

    with store.reading() as session:
        report = read_engines(session, date.today(), locale_name, weeks)
        currency = load_lead_settings(session, locale_name).currency
    return report, currency


def engines_document(report: EngineReport, currency: str) -> dict[str, Any]:
    """Every figure of `engines --json`: amounts as numbers in the currency, hours as
    hours, a rate with whether it can be judged and how many cases it rests on."""
    figures, verdict = report.figures, report.verdict
    flow, talk, quotes, cash, backlog = (
        figures.flow, figures.word_of_mouth, figures.quotes, figures.money, figures.backlog,
    )  # fmt: skip
    return {
        "currency": currency,
        "weeks": figures.period.weeks,
        "from": figures.period.first.start.isoformat(),
        "to": figures.period.as_of.isoformat(),
        "verdict": {
            "engine": verdict.engine.value,
            "reason": verdict.reason,
            "next_step": verdict.next_step,
            "changing_to": None if verdict.changing_to is None else verdict.changing_to.value,
            "judged_over_weeks": PERIOD_WEEKS,
        },
        "strip": [
            {"week": week.start.isoformat(), "engine": shown.engine.value}
            for week, shown in report.strip
        ],
        "enquiries": {
            "count": flow.enquiries,
            "per_week": _ratio(flow.per_week),
            "weeks_with_one": flow.weeks_with,
            "longest_gap_weeks": flow.longest_gap,
            "usual_per_week": _ratio(figures.usual),
            "needed_per_week": _rounded(figures.needed_a_week),
        },
        "word_of_mouth": {
            "share": _ratio(talk.share),
            "from_word_of_mouth": talk.from_word_of_mouth,
            "from_marketing": talk.from_marketing,
            "referrals_in": talk.referrals_in,
            "referral_asks": talk.referral_asks,
            "review_asks": talk.review_asks,
            "all_talk": talk.all_talk,
        },
        "quotes": {
            "quote_rate": _ratio(quotes.quote_rate),
            "win_rate": _ratio(quotes.win_rate),
            "open": quotes.open_count,
            "open_total": encode_amount(quotes.open_total),
            "oldest_open_days": quotes.oldest_open_days,
            "median_days_to_quote": _ratio(quotes.days_to_quote),
            "to_chase": quotes.to_chase,
            "turned_away_too_busy": quotes.turned_away_busy,
        },
        "money": {
            "won": cash.won_count,
            "won_value": encode_amount(cash.won_value),
            "average_job": _ratio(cash.average_job, money=True),
            "spend": encode_amount(cash.spend),
            "revenue": encode_amount(cash.revenue),
            "revenue_is": "takings" if cash.revenue_is_takings else "work won",
            "spend_share": _ratio(cash.spend_share),
        },
        "backlog": {
            "weeks": _ratio(backlog.weeks),
            "remaining_hours": _rounded(backlog.remaining_minutes / 60),
            "technician_hours_a_week": (
                None
                if backlog.technician_minutes_a_week is None
                else _rounded(backlog.technician_minutes_a_week / 60)
            ),
            "technician_hours_from": "plan" if backlog.from_plan else "recent weeks",
            "jobs_without_estimate": list(backlog.unestimated),
        },
        "job_hours": _ratio(figures.job_hours, per=60),
        "sources": [_source_document(row) for row in report.sources],
    }


def _source_document(row: SourceRow) -> dict[str, Any]:
    cost = row.cost_per_job
    return {
        "name": row.name,
        "kind": None if row.source is None else row.source.kind.value,
        "enquiries": row.enquiries, "won": row.won, "won_value": encode_amount(row.won_value),
        "spend": encode_amount(row.spend), "marketing_hours": _rounded(row.hours),
        "hours_per_enquiry": _ratio(row.hours_per_enquiry),
        "won_per_hour": _ratio(row.won_per_hour, money=True),
        "return_on_spend": _ratio(row.return_on_spend),
        "cost_per_job": None if cost is None else _ratio(cost, money=True),
    }  # fmt: skip


def _ratio(ratio: Ratio, per: float = 1, money: bool = False) -> dict[str, Any]:
    value = ratio.value
    if value is not None and money:
        shown: float | int | None = encode_amount(round(value))
    else:
        shown = None if value is None else _rounded(value / per)
    return {"value": shown, "judged": ratio.judged, "cases": ratio.cases}


def _rounded(number: float | None) -> float | None:
    return None if number is None else round(number, 4)
