"""Properties of the engines' numbers that hold for any data (issue 15): every rate is
between 0 and 1 or shown as "—", nothing divides by zero, the rules are tried in their
order, and a verdict changes only once the new one has held two weeks running."""

from __future__ import annotations

from datetime import date, timedelta

from engine_example import THIS_WEEK, TODAY, example
from hypothesis import given, settings
from hypothesis import strategies as st

from tradesman.domain.engine_inputs import EngineInputs, Job, MarketingTime
from tradesman.domain.engine_numbers import Period, engine_figures
from tradesman.domain.engine_sources import source_rows
from tradesman.domain.engine_verdict import Engine, Verdict, engine_report, held_two_weeks, judge
from tradesman.domain.leads import Lead, LostReason, NotQuotedReason, Source, SourceKind, Spend
from tradesman.domain.weeks import Week

SOURCES = {
    n: Source(f"Source {n}", kind, id=n)
    for n, kind in enumerate(SourceKind, start=1)
}  # fmt: skip
FIRST = TODAY - timedelta(days=400)


@st.composite
def leads(draw: st.DrawFn, days: int = 420) -> Lead:
    """An enquiry of the last `days` days (up to 20 days ahead of today)."""
    came = TODAY + timedelta(days=draw(st.integers(20 - days, 20)))
    lead = Lead("Someone", came, draw(st.sampled_from(sorted(SOURCES))))
    step = draw(st.sampled_from(["new", "quoted", "won", "lost", "not_quoted"]))
    if step == "new":
        return lead
    if step == "not_quoted":
        reason = draw(st.sampled_from(list(NotQuotedReason)))
        return lead.not_quoted(came + timedelta(days=draw(st.integers(0, 5))), reason)
    quoted_on = came + timedelta(days=draw(st.integers(0, 30)))
    lead = lead.quoted(quoted_on, draw(st.integers(1, 10**9)))
    decided = quoted_on + timedelta(days=draw(st.integers(0, 60)))
    if step == "won":
        return lead.won(decided, draw(st.none() | st.integers(1, 10**9)))
    return lead if step == "quoted" else lead.lost(decided, draw(st.sampled_from(list(LostReason))))


@st.composite
def inputs(draw: st.DrawFn, lead_days: int = 420, most_leads: int = 25) -> EngineInputs:
    day = st.integers(0, 420).map(lambda n: FIRST + timedelta(days=n))
    jobs = [
        Job("Job", created, draw(st.none() | st.just(created + timedelta(days=9))),
            draw(st.none() | st.integers(1, 10_000)),
            tuple((created + timedelta(days=k), draw(st.integers(0, 600))) for k in range(3)))
        for created in draw(st.lists(day, max_size=6))
    ]  # fmt: skip
    return EngineInputs(
        today=TODAY,
        this_week=THIS_WEEK,
        leads=draw(st.lists(leads(lead_days), max_size=most_leads)),
        sources=SOURCES,
        spend=[Spend(when, draw(st.integers(1, 10**6))) for when in draw(st.lists(day, max_size=4))],
        marketing=[
            MarketingTime(when, draw(st.integers(0, 300)), draw(st.none() | st.sampled_from(sorted(SOURCES))))
            for when in draw(st.lists(day, max_size=6))
        ],
        jobs=jobs,
        technician_done={
            THIS_WEEK.plus(-k).start: draw(st.integers(0, 3000)) for k in range(1, 6)
        },
        hourly_rate=draw(st.none() | st.integers(0, 10**5)),
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(data=inputs(), weeks=st.sampled_from([4, 13, 26, 52]))
def test_every_rate_is_a_share_or_a_dash_and_nothing_divides_by_zero(
    data: EngineInputs, weeks: int
) -> None:
    period = Period.ending(THIS_WEEK, weeks, TODAY)
    figures = engine_figures(data, period)
    quotes, talk = figures.quotes, figures.word_of_mouth
    for ratio in (quotes.quote_rate, quotes.win_rate, talk.share):
        assert ratio.value is None or 0.0 <= ratio.value <= 1.0
        assert not ratio.judged or ratio.value is not None
    assert 0 <= figures.flow.weeks_with <= weeks and 0 <= figures.flow.longest_gap <= weeks
    assert figures.needed_a_week is None or figures.needed_a_week > 0
    for row in source_rows(data, period):
        for ratio in (row.hours_per_enquiry, row.won_per_hour, row.return_on_spend):
            assert ratio.value is None or ratio.value >= 0
    report = engine_report(data, weeks)
    assert len(report.strip) == 26 and report.verdict.reason and report.verdict.next_step


def test_production_comes_before_marketing_when_both_hold() -> None:
    # The example's marketing verdict, with a kitchen of 20,000 minutes still to do.
    busy = example(jobs=[Job("Big job", date(2026, 11, 1), None, 20_000)])
    period = Period.ending(THIS_WEEK, 4, TODAY)
    figures = engine_figures(busy, period)
    verdict = judge(figures, source_rows(busy, period), busy.settings)
    assert verdict.engine is Engine.PRODUCTION
    assert verdict.reason.startswith("Booked 13.3 weeks ahead")


def test_turning_work_away_as_too_busy_is_production() -> None:
    base = example()
    busy = Lead("Too many", date(2026, 11, 24), 3).not_quoted(
        date(2026, 11, 24), NotQuotedReason.TOO_BUSY
    )
    data = example(leads=[*base.leads, busy])
    period = Period.ending(THIS_WEEK, 4, TODAY)
    verdict = judge(engine_figures(data, period), source_rows(data, period), data.settings)
    assert verdict.engine is Engine.PRODUCTION and "1 enquiry turned away" in verdict.reason


VERDICTS = st.lists(st.sampled_from(list(Engine)), min_size=1, max_size=40)


@given(engines=VERDICTS)
def test_a_change_is_shown_only_after_it_holds_two_weeks_running(engines: list[Engine]) -> None:
    raw = [Verdict(engine, engine.value, "") for engine in engines]
    shown = [verdict.engine for verdict in held_two_weeks(raw)]
    assert shown[0] is engines[0]
    for number in range(1, len(engines)):
        if shown[number] is not shown[number - 1]:
            # (it changed: to what the last two weeks both said)
            assert engines[number] is engines[number - 1] is shown[number]
        if engines[number] is engines[number - 1]:
            assert shown[number] is engines[number]  # held two weeks: shown


def test_an_odd_week_does_not_change_the_verdict_but_says_what_may_be_coming() -> None:
    raw = [Verdict(e, "", "") for e in (Engine.SALES, Engine.SALES, Engine.MARKETING, Engine.SALES)]
    shown = held_two_weeks(raw)
    assert [v.engine for v in shown] == [Engine.SALES] * 4
    assert shown[2].changing_to is Engine.MARKETING and shown[3].changing_to is None


def test_a_brand_new_data_file_has_not_enough_to_judge() -> None:
    empty = EngineInputs(TODAY, THIS_WEEK, leads=[], sources=SOURCES)
    report = engine_report(empty)
    assert report.verdict.engine is Engine.NOT_ENOUGH_DATA
    assert (
        report.verdict.reason == "0 enquiries logged in the last 13 weeks; 3 are needed to judge."
    )
    assert all(verdict.engine is Engine.NOT_ENOUGH_DATA for _, verdict in report.strip)
    assert report.strip[0][0] == Week(THIS_WEEK.start - timedelta(weeks=26))
