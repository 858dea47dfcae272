"""The rules of work coming in: amounts as the owner writes them, sources, enquiries
and their states, spend and takings, each bad input refused with its sentence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.lead_checks import (
    NO_SOURCE,
    amount,
    check_lead,
    check_lead_settings,
    check_source,
    check_source_name,
    check_spend,
    check_takings,
)
from tradesman.domain.leads import (
    SEEDED_SOURCES,
    Lead,
    LeadSettings,
    LeadState,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
    call_back_task,
    is_likely_duplicate,
    quote_follow_up_tasks,
)
from tradesman.domain.money import (
    BELOW_ZERO,
    MOST_MINOR,
    NOT_A_NUMBER,
    TOO_MANY_DECIMALS,
    TOO_MUCH,
    ZERO,
    AmountError,
    decimal_mark_for_locale,
    format_amount,
    parse_amount,
)
from tradesman.domain.series import Series
from tradesman.domain.tasks import Task
from tradesman.domain.territory import currency_for_locale
from tradesman.domain.validation import InvalidInput, check_block, check_series, check_task

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "mark", "minor"),
    [
        ("3200", ".", 320000),
        ("3200.50", ".", 320050),
        ("3,200.50", ".", 320050),
        ("3,200", ".", 320000),
        ("1,234,567.5", ".", 123456750),
        (" 3 200 ", ".", 320000),
        ("3.200,50", ",", 320050),
        ("3200,50", ",", 320050),
        ("3 200,5", ",", 320050),
        ("3.200", ",", 320000),
        ("3200.50", ",", 320050),  # a point typed in a comma locale still means decimals
        ("3'200.50", ".", 320050),
        ("10000000", ".", 1_000_000_000),
    ],
)
def test_amounts_are_read_as_the_locale_writes_them(text: str, mark: str, minor: int) -> None:
    assert parse_amount(text, mark) == minor


@pytest.mark.parametrize(
    ("text", "minor"),
    [("£300", 30000), ("300 €", 30000), ("GBP 1,250.50", 125050), ("$ 45", 4500),
     ("1250EUR", 125000), (" ¥99 ", 9900), ("gbp 20", 2000)],
)  # fmt: skip
def test_a_currency_sign_or_code_typed_with_the_amount_is_let_be(text: str, minor: int) -> None:
    assert parse_amount(text, ".") == minor


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("-5", "The amount cannot be below 0; type it without the minus sign."),
        ("£-5", "The amount cannot be below 0; type it without the minus sign."),
        ("–300", "The amount cannot be below 0; type it without the minus sign."),
        ("0", "The amount must be more than 0."),
        ("0.00", "The amount must be more than 0."),
        ("3200.505", "The amount can have at most two decimals, like 3200.50."),
        ("1,250.505", "The amount can have at most two decimals, like 3200.50."),
    ],
)
def test_an_amount_that_breaks_a_rule_is_told_which(text: str, sentence: str) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(text, ".")
    assert str(refused.value) == sentence


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "3.2.1",
        "1e5",
        "3,20,0",
        "12.",
        "٣",
        "GBP",
        "£",
        "abc5",
        "5 £ £",
        "£300 €",
        "$300$",
        "GBP 300 EUR",
        "300 VAT",
        "VAT 300",
        "300 TBC",
        "50¢",
        "¢50",
    ],
)
def test_what_is_not_an_amount_gets_the_one_sentence(text: str) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(text, ".")
    assert str(refused.value) == "The amount must be a number like 3200 or 3200.50."
    with pytest.raises(InvalidInput) as caught:
        amount("quote", text)
    assert caught.value.message == NOT_A_NUMBER
    assert caught.value.field == "quote"


def test_three_decimals_in_a_comma_locale_are_refused_too() -> None:
    with pytest.raises(AmountError, match="at most two decimals"):
        parse_amount("3200,505", ",")


def test_more_than_any_one_job_is_a_slip_of_the_zeros() -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount("10000000.01")
    assert str(caught.value) == TOO_MUCH == "That is more than any one job; check the zeros."


def test_zero_is_a_month_of_takings_but_never_a_quote() -> None:
    assert parse_amount("0", allow_zero=True) == 0


def test_amounts_are_written_as_the_locale_writes_them() -> None:
    assert format_amount(320050) == "3,200.50"
    assert format_amount(320000) == "3,200"
    assert format_amount(320050, ",") == "3.200,50"
    assert format_amount(5) == "0.05"
    for minor in (1, 99, 100, 320050, 1_000_000_000):
        for mark in (".", ","):
            assert parse_amount(format_amount(minor, mark), mark) == minor


def test_the_locale_gives_the_decimal_mark_and_the_currency() -> None:
    assert decimal_mark_for_locale("de_DE.UTF-8") == ","
    assert decimal_mark_for_locale("en_GB.UTF-8") == "."
    assert decimal_mark_for_locale(None) == "."
    assert currency_for_locale("en_GB.UTF-8") == "GBP"
    assert currency_for_locale("fr_FR") == "EUR"
    assert currency_for_locale("C") == "USD"


def test_the_seeded_list_is_in_plain_words_and_every_kind_is_there() -> None:
    names = [name for name, _ in SEEDED_SOURCES]
    assert "A customer's referral" in names and names[-1] == "Not sure"
    assert {kind for _, kind in SEEDED_SOURCES} == set(SourceKind)
    assert len({name.casefold() for name in names}) == len(names)


def test_source_names_differing_only_in_case_are_refused() -> None:
    website = Source("Website", SourceKind.MARKETING, id=1)
    with pytest.raises(InvalidInput, match="already a source called"):
        check_source_name("  WEBSITE ", [website])
    assert check_source_name(" Websites ", [website]) == "Websites"
    with pytest.raises(InvalidInput, match="Give the source a name"):
        check_source(Source("  ", SourceKind.MARKETING))


def _lead(**changes: object) -> Lead:
    return Lead("Mrs Patel", date(2026, 11, 20), source_id=3).with_changes(**changes)


def test_a_missing_source_is_asked_for_in_plain_words() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_lead(_lead(source_id=None), TODAY)
    assert caught.value.message == NO_SOURCE
    assert NO_SOURCE == "Where did they hear of you? Pick one, or Not sure."
    assert caught.value.field == "source"


def test_who_is_required_and_one_line() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_lead(_lead(who="   "), TODAY)
    assert caught.value.field == "who"
    with pytest.raises(InvalidInput, match="line breaks"):
        check_lead(_lead(who="Mrs\nPatel"), TODAY)
    with pytest.raises(InvalidInput, match="line breaks"):
        check_lead(_lead(what="kitchen\ndoors"), TODAY)
    assert check_lead(_lead(who="  Mrs Patel "), TODAY).who == "Mrs Patel"


def test_a_quote_before_its_enquiry_names_the_day_it_must_follow() -> None:
    lead = _lead().quoted(date(2026, 11, 19), 320000)
    with pytest.raises(InvalidInput) as caught:
        check_lead(lead, TODAY)
    assert caught.value.field == "quoted_on"
    assert "20 Nov 2026" in caught.value.message


def test_a_decision_before_its_quote_names_the_day_it_must_follow() -> None:
    quoted = _lead().quoted(date(2026, 11, 25), 320000)
    for decided in (
        quoted.won(date(2026, 11, 24)),
        quoted.lost(date(2026, 11, 24), LostReason.PRICE),
    ):
        with pytest.raises(InvalidInput) as caught:
            check_lead(decided, TODAY)
        assert caught.value.field == "decided_on"
        assert "quote" in caught.value.message and "25 Nov 2026" in caught.value.message
    not_quoted = _lead().not_quoted(date(2026, 11, 19), NotQuotedReason.TOO_BUSY)
    with pytest.raises(InvalidInput, match="20 Nov 2026"):
        check_lead(not_quoted, TODAY)


def test_nothing_more_than_a_day_ahead() -> None:
    assert check_lead(_lead(came_in=date(2026, 12, 6)), TODAY).came_in == date(2026, 12, 6)
    with pytest.raises(InvalidInput) as caught:
        check_lead(_lead(came_in=date(2026, 12, 7)), TODAY)
    assert caught.value.field == "came_in"
    with pytest.raises(InvalidInput, match="has not come yet"):
        check_lead(_lead().quoted(date(2026, 12, 8), 100), TODAY)
    with pytest.raises(InvalidInput, match="has not come yet"):
        check_spend(Spend(date(2026, 12, 9), 100), TODAY)
    with pytest.raises(InvalidInput, match="month has not come yet"):
        check_takings(Takings(date(2027, 1, 1), 100), TODAY)


@pytest.mark.parametrize("bad", [0, -1, 1_000_000_001, True, "3200"])
def test_a_quote_or_value_of_nothing_negative_or_too_much_is_refused(bad: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_lead(_lead().quoted(date(2026, 11, 21), bad), TODAY)  # type: ignore[arg-type]
    assert caught.value.field == "quote"
    quoted = _lead().quoted(date(2026, 11, 21), 5000)
    with pytest.raises(InvalidInput) as caught:
        check_lead(quoted.won(date(2026, 11, 22), bad), TODAY)  # type: ignore[arg-type]
    assert caught.value.field == "value"


def test_won_is_worth_the_quote_unless_told_otherwise() -> None:
    quoted = _lead().quoted(date(2026, 11, 21), 320050)
    assert check_lead(quoted.won(date(2026, 11, 30)), TODAY).value == 320050
    assert check_lead(quoted.won(date(2026, 11, 30), 350000), TODAY).value == 350000


def test_a_state_keeps_only_what_belongs_to_it() -> None:
    lost = check_lead(
        _lead().quoted(date(2026, 11, 21), 100).lost(date(2026, 11, 22), LostReason.NO_REPLY), TODAY
    )
    assert lost.state is LeadState.LOST and lost.value is None and lost.not_quoted_reason is None
    with pytest.raises(InvalidInput, match="Pick a reason"):
        check_lead(_lead(state=LeadState.LOST, quoted_on=date(2026, 11, 21), quote=100,
                         decided_on=date(2026, 11, 22)), TODAY)  # fmt: skip


def test_spend_and_takings() -> None:
    assert check_spend(Spend(TODAY, 4500, note=" 200 postcards "), TODAY).note == "200 postcards"
    with pytest.raises(InvalidInput, match=NOT_A_NUMBER):
        check_spend(Spend(TODAY, 0), TODAY)
    assert check_takings(Takings(date(2026, 11, 17), 0), TODAY).month == date(2026, 11, 1)


def test_lead_settings() -> None:
    assert check_lead_settings(LeadSettings("GBP ", 30, 4500)).currency == "GBP"
    with pytest.raises(InvalidInput):
        check_lead_settings(LeadSettings("GBP", 0))
    with pytest.raises(InvalidInput, match=NOT_A_NUMBER):
        check_lead_settings(LeadSettings("GBP", 30, -5))


def test_a_likely_duplicate_is_the_same_who_within_two_weeks() -> None:
    earlier = _lead()
    assert is_likely_duplicate(" mrs  PATEL", date(2026, 12, 4), earlier)
    assert not is_likely_duplicate("Mrs Patel", date(2026, 12, 5), earlier)
    assert not is_likely_duplicate("Mr Patel", date(2026, 11, 21), earlier)


@given(st.integers(1, MOST_MINOR), st.sampled_from([".", ","]))
def test_every_amount_written_reads_back_the_same(minor: int, mark: str) -> None:
    assert parse_amount(format_amount(minor, mark), mark) == minor


@given(st.text(max_size=20), st.sampled_from([".", ","]))
def test_any_text_is_an_amount_or_the_one_sentence(text: str, mark: str) -> None:
    try:
        minor = parse_amount(text, mark)
    except AmountError as exc:
        assert str(exc) in (NOT_A_NUMBER, TOO_MUCH, ZERO, BELOW_ZERO, TOO_MANY_DECIMALS)
    else:
        assert 0 < minor <= MOST_MINOR


def test_the_follow_ups_are_sales_tasks_linked_to_the_enquiry() -> None:
    lead = _lead(id=7)
    call = call_back_task(lead)
    assert (call.title, call.area, call.due, call.lead_id) == (
        "Call back: Mrs Patel", Area.SALES, date(2026, 11, 21), 7,
    )  # fmt: skip
    follow = quote_follow_up_tasks(lead.quoted(date(2026, 11, 22), 100))
    assert [task.due for task in follow] == [date(2026, 11, 25), date(2026, 12, 2)]


def test_only_marketing_work_names_a_source() -> None:
    block = TimeBlock(TODAY, 480, 540, Area.MARKETING, "Update the profile", source_id=4)
    assert check_block(block).source_id == 4
    assert check_block(block.with_changes(area=Area.SALES)).source_id is None
    task = Task("Flyers", Area.MARKETING, source_id=5)
    assert check_task(task).source_id == 5
    assert check_task(task.with_changes(area=Area.ADMIN)).source_id is None
    series = Series("Post photos", Area.MARKETING, 480, 540, frozenset({0}), TODAY, source_id=4)
    assert check_series(series).source_id == 4
    assert series.block_on(TODAY).source_id == 4
    assert check_series(series.with_changes(area=Area.PRODUCTION)).source_id is None


def test_an_amount_with_its_currency_never_parts_from_it() -> None:
    from tradesman.domain.money import format_money

    assert format_money(320050, "GBP") == "GBP\u00a03,200.50"
    assert format_money(150000, "EUR", ",") == "EUR\u00a01.500"
