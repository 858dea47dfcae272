"""The three engines' numbers on a hand-worked example (issue 15): every figure below was
worked out on paper from the rows in `example()`, then asserted.

The period is the 4 weeks ending with the week of Monday 30 November 2026, seen on
Wednesday 2 December: the weeks of 9, 16, 23 and 30 November.
"""

from __future__ import annotations

import pytest
from engine_example import THIS_WEEK, TODAY, d, example

from tradesman.domain.engine_inputs import lead_as_of
from tradesman.domain.engine_numbers import Period, Ratio, engine_figures
from tradesman.domain.engine_sources import source_rows
from tradesman.domain.engine_verdict import Engine, judge
from tradesman.domain.leads import (
    Lead,
    LeadState,
    Takings,
)
from tradesman.domain.numbers import one_decimal
from tradesman.domain.weeks import Week

PERIOD = Period.ending(THIS_WEEK, 4, TODAY)


def test_the_period_is_the_last_four_weeks_up_to_today() -> None:
    assert PERIOD.first == Week(d(11, 9)) and PERIOD.as_of == TODAY
    assert PERIOD.contains(d(11, 9)) and PERIOD.contains(TODAY)
    assert not PERIOD.contains(d(11, 8)) and not PERIOD.contains(d(12, 3))


def test_steadiness() -> None:
    flow = engine_figures(example(), PERIOD).flow
    # L1, L2 in the first week, L3, L5 in the second, none in the third, L4 in the fourth.
    assert (flow.enquiries, flow.weeks, flow.weeks_with, flow.longest_gap) == (5, 4, 3, 1)
    # 9 November to Wednesday 2 December is 24 days: 5 ÷ 24/7 = 35/24 a week (not 5 ÷ 4,
    # which would count the four days of this week still to come).
    assert flow.per_week.value == pytest.approx(35 / 24) and flow.per_week.judged


def test_a_week_under_way_is_no_gap_until_it_is_over() -> None:
    # Monday 7 December, seen the same day: nothing has come in yet this week.
    monday = d(12, 7)
    flow = engine_figures(example(today=monday), Period.ending(Week(monday), 4, monday)).flow
    # The weeks of 16, 23 and 30 November count (L3 L5, none, L4); this week not yet.
    assert (flow.enquiries, flow.weeks, flow.weeks_with, flow.longest_gap) == (4, 3, 2, 1)
    assert flow.per_week.value == pytest.approx(4 / (22 / 7))  # 16 Nov to 7 Dec: 22 days


def test_weeks_before_the_first_enquiry_are_not_gaps() -> None:
    # A new owner: their first enquiry came on Tuesday 24 November.
    leads = [Lead("A", d(11, 24), 3), Lead("B", d(11, 26), 1), Lead("C", d(12, 1), 3)]
    figures = engine_figures(example(leads=leads), Period.ending(THIS_WEEK, 13, TODAY))
    flow = figures.flow
    assert (flow.enquiries, flow.weeks, flow.weeks_with, flow.longest_gap) == (3, 2, 2, 0)
    assert flow.per_week.value == pytest.approx(3 / (10 / 7))  # 23 Nov to 2 Dec: 10 days
    # "Fewer than usual" is judged against the weeks logged too, not a whole year.
    assert figures.usual.value == pytest.approx(3 / (10 / 7))


def test_word_of_mouth_and_the_asks() -> None:
    talk = engine_figures(example(), PERIOD).word_of_mouth
    # L2 a referral, L4 repeat; L1 and L3 from Google; L5 not sure.
    assert (talk.from_word_of_mouth, talk.from_marketing, talk.enquiries) == (2, 2, 5)
    assert talk.share.value == 0.4 and talk.share.judged and not talk.all_talk
    assert (talk.referrals_in, talk.referral_asks, talk.review_asks) == (1, 2, 1)


def test_quotes_and_wins() -> None:
    quotes = engine_figures(example(), PERIOD).quotes
    assert (quotes.quote_rate.part, quotes.quote_rate.whole) == (3, 5)  # L1, L2, L3 of five
    # Decided in the period: L1 and L6 won, L2 lost (L5's "not our work" is no quote lost).
    assert (quotes.win_rate.part, quotes.win_rate.whole) == (2, 3) and quotes.win_rate.judged
    assert (quotes.open_count, quotes.open_total, quotes.oldest_open_days) == (1, 150000, 13)
    assert quotes.days_to_quote.value == 2 and quotes.days_to_quote.cases == 3  # 2, 5, 1
    assert (quotes.to_chase, quotes.turned_away_busy) == (0, 0)


def test_money_against_the_takings_of_the_months_that_have_ended() -> None:
    money = engine_figures(example(), PERIOD).money
    assert (money.won_count, money.won_value, money.spend) == (2, 500000, 14500)
    assert money.average_job.value == 250000 and not money.average_job.judged  # two jobs
    # December is not over, so its takings are not in yet: its two days are left out of
    # both sides. November's 22 days in the period: 600,000 × 22/30; the spend of those
    # days, 4,500 + 10,000.
    assert money.revenue_is_takings and money.revenue == 440000
    assert money.spend_share.value == 14500 / 440000 and money.spend_share.judged


def test_money_with_the_work_won_standing_in_for_takings() -> None:
    money = engine_figures(example(takings=[]), PERIOD).money
    assert not money.revenue_is_takings and money.revenue == 500000
    assert money.spend_share.value == 0.029 and not money.spend_share.judged  # two jobs


def test_a_month_that_has_ended_without_its_takings_falls_back_to_work_won() -> None:
    money = engine_figures(example(takings=[Takings(d(12, 1), 310000)]), PERIOD).money
    assert not money.revenue_is_takings  # (November is over and has none)


def test_money_with_every_month_taken_counts_each_months_share_of_days() -> None:
    inputs = example(takings=[Takings(d(11, 1), 600000), Takings(d(12, 1), 310000)])
    money = engine_figures(inputs, PERIOD).money
    # 22 of November's 30 days (600,000) and 2 of December's 31 (310,000).
    assert money.revenue_is_takings and money.revenue == 440000 + 20000
    assert money.spend_share.judged and money.spend_share.value == 14500 / 460000


def test_backlog_and_what_keeps_the_owner_booked() -> None:
    figures = engine_figures(example(), PERIOD)
    backlog = figures.backlog
    # The kitchen has 1,200 - 780 minutes left; the decking has no estimate.
    assert (backlog.remaining_minutes, backlog.unestimated) == (420, ("Decking – Brown",))
    # No plan: the weeks worked of the four before this one, 1,500, 1,800 and 1,200.
    assert (backlog.technician_minutes_a_week, backlog.from_plan) == (1500, False)
    assert backlog.weeks.value == 0.28
    # Finished in the period: wardrobes 600, stairs 900, door 300 minutes.
    assert figures.job_hours.value == 600 and figures.job_hours.judged
    # 2.5 jobs a week ÷ (3/5 quoted × 2/3 won) = 6.25 enquiries a week.
    assert figures.needed_a_week == pytest.approx(6.25)
    # L1-L6 since L6 came in, the week of 19 October: 45 days up to today.
    assert figures.usual.part == 6 and figures.usual.whole == pytest.approx(45 / 7)


def test_the_plans_hours_count_when_a_plan_runs() -> None:
    backlog = engine_figures(example(technician_planned={d(11, 30): 2100}), PERIOD).backlog
    assert (backlog.technician_minutes_a_week, backlog.from_plan) == (2100, True)
    assert backlog.weeks.value == 0.2


def test_each_source_with_its_hours_spend_and_return() -> None:
    rows = source_rows(example(), PERIOD)
    assert [row.name for row in rows] == [
        "Google / business profile", "A customer's referral", "A past customer", "Not sure",
        "General marketing",
    ]  # fmt: skip
    google, referral, repeat, not_sure, general = rows
    assert (google.enquiries, google.won, google.won_value, google.spend) == (2, 1, 300000, 4500)
    assert google.marketing_minutes == 150 and google.hours_per_enquiry.value == 1.25
    assert google.won_per_hour.value == 120000 and not google.won_per_hour.judged  # one job
    assert google.return_on_spend.value == 300000 / 4500
    cost = google.cost_per_job
    assert cost is not None and cost.value == 4500 + 2.5 * 4000
    assert (referral.enquiries, referral.won, referral.marketing_minutes) == (1, 1, 30)
    assert (repeat.enquiries, not_sure.enquiries) == (1, 1)
    assert (general.source, general.spend, general.marketing_minutes) == (None, 10000, 60)
    assert general.hours_per_enquiry.value is None  # "—": no enquiry names it


def test_no_hourly_rate_no_cost_per_job() -> None:
    rows = source_rows(example(hourly_rate=None), PERIOD)
    assert all(row.cost_per_job is None for row in rows)


def test_the_verdict_is_marketing_with_its_reason_in_numbers() -> None:
    inputs = example()
    figures = engine_figures(inputs, PERIOD)
    verdict = judge(figures, source_rows(inputs, PERIOD), inputs.settings)
    assert verdict.engine is Engine.MARKETING
    assert verdict.reason == "1.5 enquiries a week came in; 6.3 a week keep you booked."
    assert verdict.next_step == (
        "Book a marketing hour this week, and ask your last customers for a referral."
    )


def test_an_enquiry_is_seen_as_it_stood_on_a_day() -> None:
    lead = Lead("L", d(11, 2), 1).quoted(d(11, 5), 100).won(d(11, 9), 120)
    assert lead_as_of(lead, d(11, 1)) is None
    assert lead_as_of(lead, d(11, 4)) == Lead("L", d(11, 2), 1)
    quoted = lead_as_of(lead, d(11, 6))
    assert quoted is not None and (quoted.state, quoted.quote, quoted.value) == (
        LeadState.QUOTED, 100, None,
    )  # fmt: skip
    assert lead_as_of(lead, d(11, 9)) == lead


def test_a_ratio_with_nothing_to_divide_by_has_no_value() -> None:
    assert Ratio(3, 0, 5).value is None and not Ratio(3, 0, 5).judged
    assert not Ratio(1, 2, 2).judged and Ratio(1, 2, 3).judged
    assert Ratio.median_of([]).value is None and Ratio.median_of([4, 1, 9]).value == 4


@pytest.mark.parametrize(
    ("number", "shown"), [(1.25, "1.3"), (6.25, "6.3"), (0.28, "0.3"), (2.0, "2.0"), (2.249, "2.2")]
)
def test_one_decimal_rounds_a_half_up(number: float, shown: str) -> None:
    assert one_decimal(number) == shown


def test_the_figures_in_sentences() -> None:
    from tradesman.domain import engine_words as words

    figures = engine_figures(example(), PERIOD)
    assert words.period_words(figures) == "The last 4 weeks (9 Nov – 2 Dec 2026)"
    assert words.flow_words(figures) == (
        "Enquiries came in 3 of the last 4 weeks, 1.5 a week; the longest gap was 1 week."
    )
    assert words.asks_words(figures) == (
        "You asked 2 customers for a referral; 1 referral came in. 1 review ask done."
    )
    money = lambda minor: f"£{minor / 100:,.2f}"  # noqa: E731
    assert words.quotes_words(figures, money) == (
        "Quoted 3 of 5 enquiries (60%); won 2 of the 3 quotes decided (67%). 1 quote "
        "waiting, worth £1,500.00; the oldest 13 days. A quote goes out 2 days after the "
        "enquiry (the middle case)."
    )
    assert words.money_words(figures, money) == (
        "Work won £5,000.00 (2 jobs). Marketing spend £145.00: 3.3% of takings (owners "
        "usually name 1–10 %)."
    )
    assert words.backlog_words(figures) == (
        "Booked at least 0.3 weeks ahead, at your recent technician hours a week; 1 job has "
        "no estimate (Decking – Brown)."
    )
    assert words.needed_words(figures) == "6.3 enquiries a week keep you booked."


def test_all_word_of_mouth_and_no_marketing_is_said_plainly() -> None:
    from tradesman.domain import engine_words as words

    talk = [lead.with_changes(source_id=1) for lead in example().leads]
    figures = engine_figures(example(leads=talk), PERIOD)
    assert figures.word_of_mouth.all_talk
    assert words.word_of_mouth_words(figures).endswith(
        "Nearly all your work is the work talking: good, but it cannot be turned up when it "
        "goes quiet."
    )


def test_spend_against_every_months_takings_in_a_sentence() -> None:
    from tradesman.domain import engine_words as words

    inputs = example(takings=[Takings(d(11, 1), 600000), Takings(d(12, 1), 310000)])
    figures = engine_figures(inputs, PERIOD)
    said = words.money_words(figures, lambda minor: f"£{minor / 100:,.0f}")
    assert said.endswith("Marketing spend £145: 3.2% of takings (owners usually name 1–10 %).")


def test_the_average_job_is_said_in_whole_units() -> None:
    from dataclasses import replace

    from tradesman.domain import engine_words as words
    from tradesman.domain.engine_numbers import Money

    figures = engine_figures(example(), PERIOD)
    three = replace(figures, money=Money(3, 1189287, 0, 1189287, False))  # 3,964.29 each
    said = words.money_words(three, lambda minor: f"£{minor / 100:,.2f}")
    assert said.startswith("Work won £11,892.87 (3 jobs, £3,964.00 on average).")


def test_nothing_found_stuck_on_too_little_says_what_is_missing() -> None:
    inputs = example(jobs=[], technician_done={})
    figures = engine_figures(inputs, PERIOD)
    verdict = judge(figures, source_rows(inputs, PERIOD), inputs.settings)
    assert verdict.engine is Engine.NOT_ENOUGH_DATA
    assert verdict.reason == (
        "Nothing found stuck, but too little to be sure: no technician hours marked done in "
        "the last 4 weeks."
    )


def test_week_by_week_for_the_chart() -> None:
    from tradesman.domain.engine_weeks import EngineWeek, engine_weeks

    weeks = engine_weeks(example(), THIS_WEEK, 4)
    # 9 Nov: L1 Google, L2 a referral; Google 60 min. 16 Nov: L3 Google, L5 not sure; L1
    # won; Google 90 min. 23 Nov: L6 won (came before); 60 min for no source. 30 Nov:
    # L4 a past customer; 30 min (L7 comes tomorrow: not yet).
    assert weeks == [
        EngineWeek(Week(d(11, 9)), word_of_mouth=1, marketing=1, marketing_minutes=60),
        EngineWeek(Week(d(11, 16)), marketing=1, other=1, marketing_minutes=90, won=1,
                   won_value=300000),
        EngineWeek(Week(d(11, 23)), marketing_minutes=60, won=1, won_value=200000),
        EngineWeek(Week(d(11, 30)), word_of_mouth=1, marketing_minutes=30),
    ]  # fmt: skip
    assert [week.enquiries for week in weeks] == [2, 2, 0, 1]


def test_words_that_read_well_on_paper_too() -> None:
    """No "longest gap was 0 weeks", no "goes out too few to judge after", a change of
    engine said in words, and "too few" in a narrow table."""
    from dataclasses import replace

    from tradesman.domain import engine_words as words
    from tradesman.domain.engine_verdict import Verdict, changing_words
    from tradesman.domain.leads import Lead

    weekly = [Lead(f"W{n}", d(11, 10) + (d(11, 17) - d(11, 10)) * n, 3) for n in range(4)]
    steady = engine_figures(example(leads=weekly), PERIOD)
    every_week = "Enquiries came in every one of the last 4 weeks, 1.2 a week."
    assert words.flow_words(steady) == every_week
    one_quote = [Lead("Q", d(11, 10), 3).quoted(d(11, 12), 100000)]
    said = words.quotes_words(engine_figures(example(leads=one_quote), PERIOD), str)
    assert said.endswith("Too few quotes yet to say how soon one goes out.")
    assert "goes out too few" not in said

    verdict = Verdict(Engine.MARKETING, "reason", "step")
    assert changing_words(verdict) is None
    assert changing_words(replace(verdict, changing_to=Engine.SALES)) == (
        "This week sales looks stuck; a change is shown once it holds two weeks running."
    )

    google = next(row for row in source_rows(example(), PERIOD) if row.name.startswith("Google"))
    assert words.source_cells(google, str)[6:] == ["too few to judge"] * 4
    assert words.source_cells(google, str, short=True) == [
        "Google / business profile", "2", "1", "300000", "4500", "2.5",
        "too few", "too few", "too few", "too few",
    ]  # fmt: skip


def test_word_of_mouth_on_too_few_enquiries_is_said_as_counts() -> None:
    from tradesman.domain import engine_words as words

    two = [Lead("A", d(11, 24), 1), Lead("B", d(11, 26), 3)]  # a referral, Google
    figures = engine_figures(example(leads=two), PERIOD)
    assert words.word_of_mouth_words(figures) == (
        "1 of 2 enquiries came by word of mouth or from past customers (too few to judge); "
        "1 from marketing."
    )  # (it read "too few to judge of enquiries came by word of mouth …")
    judged = words.word_of_mouth_words(engine_figures(example(), PERIOD))
    assert judged.startswith("40% of enquiries came by word of mouth or from past customers")
