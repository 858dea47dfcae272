"""Formats 6 and 7: sources, enquiries, spend and takings, the settings of work coming in
and the asks marketing work is marked as go out and come back whole; each new field
broken on its own imports nothing and names the item and the field (issue 14)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import (
    Lead,
    LeadSettings,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
    Takings,
)
from tradesman.domain.money import NOT_A_NUMBER, TOO_MUCH
from tradesman.domain.purposes import Purpose
from tradesman.domain.series import Series, SeriesRecord
from tradesman.domain.settings import Settings
from tradesman.domain.tasks import Task
from tradesman.exchange.document import DataSet, from_document, to_document
from tradesman.exchange.json_text import BadDocument, dump_document, load_document

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DAY = date(2026, 11, 2)


def read(document: Any) -> DataSet:
    return from_document(document, Settings(), NOW)


def full_data_set() -> DataSet:
    sources = [
        Source("A customer's referral", SourceKind.WORD_OF_MOUTH, id=1),
        Source("A past customer", SourceKind.REPEAT, id=2),
        Source("Google / business profile", SourceKind.MARKETING, id=3),
        Source("Old flyers", SourceKind.MARKETING, archived=True, id=4),
        Source("Not sure", SourceKind.NOT_SURE, id=5),
    ]
    new = Lead("Mrs Patel", DAY, 1, what="Kitchen", referred_by="Mr Shah", notes="Two\nlines")
    quoted = Lead("J. Brown", DAY, 3, what="Decking").quoted(date(2026, 11, 4), 320050)
    leads = [
        new.with_changes(id=1),
        quoted.with_changes(id=2),
        quoted.won(date(2026, 11, 9)).with_changes(id=3),
        quoted.won(date(2026, 11, 9), 999_999_999).with_changes(id=4),
        *(
            quoted.lost(date(2026, 11, 10), reason).with_changes(id=5 + n)
            for n, reason in enumerate(LostReason)
        ),
        *(
            Lead("Ann", DAY, 5).not_quoted(DAY, reason).with_changes(id=10 + n)
            for n, reason in enumerate(NotQuotedReason)
        ),
    ]
    marketing = Series(
        title="Update the business profile", area=Area.MARKETING, start=7 * 60, end=8 * 60,
        weekdays=frozenset({1}), first_day=date(2026, 11, 3), id=1, source_id=3,
        purpose=Purpose.REVIEW_ASK,
    )  # fmt: skip
    tasks = [
        Task("Post photos", Area.MARKETING, created=NOW, id=1, source_id=4),
        Task("Kitchen – Patel", Area.PRODUCTION, created=NOW, id=2, lead_id=3),
        Task("Call back: Mrs Patel", Area.SALES, created=NOW, id=3, lead_id=1),
        Task(
            "Ask the Patels for a referral",
            Area.MARKETING,
            created=NOW,
            id=4,
            source_id=1,
            lead_id=3,
            purpose=Purpose.REFERRAL_ASK,
        ),
    ]
    blocks = [
        TimeBlock(DAY, 7 * 60, 9 * 60, Area.MARKETING, "Flyers", id=1, source_id=4),
        TimeBlock(DAY, 9 * 60, 17 * 60, Area.PRODUCTION, "Kitchen", id=2, task_id=2),
        TimeBlock(
            DAY, 17 * 60, 18 * 60, Area.MARKETING, "Review asks", id=3, purpose=Purpose.REVIEW_ASK
        ),
    ]
    return DataSet(
        Settings(),
        tasks=tuple(tasks),
        blocks=tuple(blocks),
        series=(SeriesRecord(marketing, date(2026, 11, 30), frozenset()),),
        sources=tuple(sources),
        leads=tuple(leads),
        spend=(
            Spend(DAY, 4500, source_id=4, note="200 postcards", id=1),
            Spend(date(2026, 11, 5), 1, id=2),
            Spend(date(2026, 11, 6), 1_000_000_000, source_id=3, id=3),
        ),
        takings=(
            Takings(date(2026, 9, 1), 1_200_000, id=1),
            Takings(date(2026, 10, 1), 0, id=2),
            Takings(date(2026, 11, 1), 987_654_321, id=3),
        ),
        lead_settings=LeadSettings(currency="EUR", stale_quote_days=21, hourly_rate=4550),
    )


def test_export_then_import_then_export_gives_the_same_data_and_document() -> None:
    data = full_data_set()
    document = to_document(data)
    again = read(load_document(dump_document(document)))
    # (Nothing links to a block, so import leaves blocks unnumbered, as the store would.)
    assert all(block.id is None for block in again.blocks)
    again = replace(again, blocks=tuple(replace(b, id=n + 1) for n, b in enumerate(again.blocks)))
    assert again == data
    assert to_document(again) == document
    assert json.loads(dump_document(to_document(again))) == json.loads(dump_document(document))


def test_amounts_are_written_as_numbers_with_at_most_two_decimals() -> None:
    document = to_document(full_data_set())
    assert document["leads"][1]["quote"] == 3200.5
    assert document["leads"][3]["value"] == 9_999_999.99
    assert document["spend"][1]["amount"] == 0.01
    assert document["takings"][0] == {"month": "2026-09", "amount": 12000}
    assert '"quote": 3200.5,' in dump_document(document)
    assert document["sources"][0]["id"] == "src1" and document["leads"][0]["source"] == "src1"


def good() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(dump_document(to_document(full_data_set())))
    return document


def changed(key: str, index: int, **fields: Any) -> dict[str, Any]:
    document = good()
    document[key][index] = {**document[key][index], **fields}
    return document


def settings_with(**fields: Any) -> dict[str, Any]:
    document = good()
    document["settings"] = {**document["settings"], **fields}
    return document


# Each new field broken on its own: the item and the field are named, nothing is read.
BROKEN = [
    (changed("sources", 1, name=" "), 'Source 2 (id "src2"), field "name": Give the source a name.'),
    (changed("sources", 1, name="WEBSITE "), None),  # (kept: no other source is called that)
    (changed("sources", 0, name="GOOGLE / Business Profile"), 'Source 3 (id "src3"), field "name": There is already a source called "GOOGLE / Business Profile".'),
    (changed("sources", 0, kind="friends"), 'Source 1 (id "src1"), field "kind": "friends" is not a kind'),
    (changed("sources", 0, archived="no"), 'Source 1 (id "src1"), field "archived"'),
    (changed("sources", 1, id="src1"), 'the id "src1" is used by an earlier source'),
    (changed("leads", 0, who=""), 'Enquiry 1 (id "l1"), field "who": Who is it?'),
    (changed("leads", 0, what=5), 'Enquiry 1 (id "l1"), field "what"'),
    (changed("leads", 0, referred_by="a\nb"), 'Enquiry 1 (id "l1"), field "referred_by"'),
    (changed("leads", 0, notes=7), 'Enquiry 1 (id "l1"), field "notes"'),
    (changed("leads", 0, came_in="2026-13-01"), 'Enquiry 1 (id "l1"), field "came_in"'),
    (changed("leads", 0, source=None), 'Enquiry 1 (id "l1"), field "source": Where did they hear of you?'),
    (changed("leads", 0, source="src9"), 'Enquiry 1 (id "l1"), field "source": the file has no source of work with the id "src9".'),
    (changed("leads", 0, state="pending"), 'Enquiry 1 (id "l1"), field "state": "pending" is not a state'),
    (changed("leads", 0, quote=100), 'Enquiry 1 (id "l1"), field "quote": An enquiry that is new has no quote'),
    (changed("leads", 1, quoted_on="2026-11-01"), 'Enquiry 2 (id "l2"), field "quoted_on": A quote cannot come before the enquiry'),
    (changed("leads", 1, quoted_on=None), 'Enquiry 2 (id "l2"), field "quoted_on"'),
    (changed("leads", 1, quote=3200.505), f'Enquiry 2 (id "l2"), field "quote": {NOT_A_NUMBER}'),
    (changed("leads", 1, quote=-5), f'Enquiry 2 (id "l2"), field "quote": {NOT_A_NUMBER}'),
    (changed("leads", 1, quote=0), f'Enquiry 2 (id "l2"), field "quote": {NOT_A_NUMBER}'),
    (changed("leads", 1, quote="3200"), f'Enquiry 2 (id "l2"), field "quote": {NOT_A_NUMBER}'),
    (changed("leads", 1, quote=True), f'Enquiry 2 (id "l2"), field "quote": {NOT_A_NUMBER}'),
    (changed("leads", 1, quote=10_000_000.01), f'Enquiry 2 (id "l2"), field "quote": {TOO_MUCH}'),
    (changed("leads", 1, decided_on="2026-11-20"), 'Enquiry 2 (id "l2"), field "decided_on": An enquiry that is quoted has no decided on'),
    (changed("leads", 2, decided_on="2026-11-03"), 'Enquiry 3 (id "l3"), field "decided_on": A decision cannot come before the quote'),
    (changed("leads", 2, value=0), f'Enquiry 3 (id "l3"), field "value": {NOT_A_NUMBER}'),
    (changed("leads", 2, value=0.001), f'Enquiry 3 (id "l3"), field "value": {NOT_A_NUMBER}'),
    (changed("leads", 4, value=100), 'Enquiry 5 (id "l5"), field "value": An enquiry that is lost has no value'),
    (changed("leads", 4, reason=None), 'Enquiry 5 (id "l5"), field "reason": Why was it lost?'),
    (changed("leads", 4, reason="too_busy"), 'Enquiry 5 (id "l5"), field "reason": "too_busy" is not a reason'),
    (changed("leads", 10, reason="price"), 'Enquiry 11 (id "l11"), field "reason": "price" is not a reason'),
    (changed("leads", 10, reason=None), 'Enquiry 11 (id "l11"), field "reason": Why not quote it?'),
    (changed("leads", 1, reason="price"), 'Enquiry 2 (id "l2"), field "reason": An enquiry that is quoted has no reason'),
    (changed("leads", 1, id="l1"), 'the id "l1" is used by an earlier enquiry'),
    (changed("spend", 1, amount=None), 'Spend 2, field "amount": "amount" is missing.'),
    (changed("spend", 1, amount=0), f'Spend 2, field "amount": {NOT_A_NUMBER}'),
    (changed("spend", 1, amount=12.345), f'Spend 2, field "amount": {NOT_A_NUMBER}'),
    (changed("spend", 1, amount=-1), f'Spend 2, field "amount": {NOT_A_NUMBER}'),
    (changed("spend", 1, amount=20_000_000), f'Spend 2, field "amount": {TOO_MUCH}'),
    (changed("spend", 1, day="yesterday"), 'Spend 2, field "day"'),
    (changed("spend", 1, note="a\nb"), 'Spend 2, field "note"'),
    (changed("spend", 1, source="l1"), 'Spend 2, field "source": the file has no source of work with the id "l1".'),
    (changed("takings", 0, month="2026-13"), 'Takings 1, field "month"'),
    (changed("takings", 0, month=None), 'Takings 1, field "month": "month" is missing.'),
    (changed("takings", 1, month="2026-09"), 'Takings 2, field "month": The month "2026-09" has its takings earlier'),
    (changed("takings", 1, amount=-3), f'Takings 2, field "amount": {NOT_A_NUMBER}'),
    (changed("takings", 1, amount=1.001), f'Takings 2, field "amount": {NOT_A_NUMBER}'),
    (changed("tasks", 1, lead="l99"), 'Task 2 (id "t2"), field "lead": the file has no enquiry with the id "l99".'),
    (changed("tasks", 0, source="src99"), 'Task 1 (id "t1"), field "source": the file has no source of work'),
    (changed("tasks", 1, source="src3"), 'Task 2 (id "t2"), field "source": Only marketing work names a source'),
    (changed("blocks", 1, source="src3"), 'Block 2 (id "b2"), field "source": Only marketing work names a source'),
    (changed("blocks", 0, source="src9"), 'Block 1 (id "b1"), field "source": the file has no source of work'),
    (changed("series", 0, source="src9"), 'Series 1 (id "s1"), field "source": the file has no source of work'),
    (changed("series", 0, area="admin"), 'Series 1 (id "s1"), field "source": Only marketing work names a source'),
    (changed("tasks", 0, purpose="thank_you"), 'Task 1 (id "t1"), field "purpose": "thank_you" is not a kind of ask; use review_ask, referral_ask or null.'),
    (changed("tasks", 0, purpose=1), 'Task 1 (id "t1"), field "purpose": "1" is not a kind of ask'),
    (changed("tasks", 1, purpose="review_ask"), 'Task 2 (id "t2"), field "purpose": Only marketing work is marked as an ask; this task is not marketing.'),
    (changed("blocks", 1, purpose="referral_ask"), 'Block 2 (id "b2"), field "purpose": Only marketing work is marked as an ask; this block is not marketing.'),
    (changed("blocks", 0, purpose="Review_Ask"), 'Block 1 (id "b1"), field "purpose": "Review_Ask" is not a kind of ask'),
    (changed("series", 0, purpose="referral"), 'Series 1 (id "s1"), field "purpose": "referral" is not a kind of ask'),
    (changed("series", 0, area="admin", source=None), 'Series 1 (id "s1"), field "purpose": Only marketing work is marked as an ask; this series is not marketing.'),
    (settings_with(currency=""), 'Settings, field "currency": Give the currency'),
    (settings_with(currency=3), 'Settings, field "currency"'),
    (settings_with(currency="a\nb"), 'Settings, field "currency"'),
    (settings_with(stale_quote_days=0), 'Settings, field "stale_quote_days": A quote can stand out after 1 to'),
    (settings_with(stale_quote_days=7.5), 'Settings, field "stale_quote_days": "stale_quote_days" must be a whole number.'),
    (settings_with(stale_quote_days=True), 'Settings, field "stale_quote_days"'),
    (settings_with(hourly_rate=45.555), f'Settings, field "hourly_rate": {NOT_A_NUMBER}'),
    (settings_with(hourly_rate=-1), f'Settings, field "hourly_rate": {NOT_A_NUMBER}'),
    (settings_with(hourly_rate="45"), f'Settings, field "hourly_rate": {NOT_A_NUMBER}'),
    (settings_with(hourly_rate=None), None),  # (not set is an answer)
]  # fmt: skip


@pytest.mark.parametrize(("document", "message"), BROKEN)
def test_each_new_field_broken_on_its_own_names_the_item_and_field(
    document: dict[str, Any], message: str | None
) -> None:
    if message is None:
        read(document)
        return
    with pytest.raises(BadDocument) as caught:
        read(load_document(json.dumps(document)))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "minor"),
    [("3200", 320000), ("3200.5", 320050), ("3200.50", 320050), ("3200.500", 320050),
     ("0.07", 7), ("1e3", 100000), ("10000000", 1_000_000_000), ("10000000.00", 1_000_000_000)],
)  # fmt: skip
def test_amounts_are_read_exactly(text: str, minor: int) -> None:
    document = good()
    document["spend"][0]["amount"] = "AMOUNT"
    data = read(load_document(json.dumps(document).replace('"AMOUNT"', text)))
    assert data.spend[0].amount == minor


def test_a_number_too_big_for_a_float_is_more_than_any_job() -> None:
    document = good()
    document["spend"][0]["amount"] = "AMOUNT"
    with pytest.raises(BadDocument, match=f'Spend 1, field "amount": {TOO_MUCH}'):
        read(load_document(json.dumps(document).replace('"AMOUNT"', "1e400")))


@pytest.mark.parametrize("text", ["0.1234567890123456789", "1.005", "-0.01", "NaN", "Infinity"])
def test_amounts_a_float_would_change_or_that_are_not_amounts_are_refused(text: str) -> None:
    document = good()
    document["spend"][0]["amount"] = "AMOUNT"
    with pytest.raises(BadDocument, match='Spend 1, field "amount"'):
        read(load_document(json.dumps(document).replace('"AMOUNT"', text)))


def test_a_won_enquiry_without_a_value_is_worth_its_quote() -> None:
    document = changed("leads", 2, value=None)
    assert read(document).leads[2].value == 320050


def test_a_whole_date_as_the_month_of_takings_is_that_month() -> None:
    assert read(changed("takings", 0, month="2026-09-15")).takings[0].month == date(2026, 9, 1)


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_older_files_read_with_no_work_coming_in(version: int) -> None:
    older = {"format": "tradesman", "version": version, "tasks": [{"title": "A", "area": "sales"}]}
    data = read(older)
    assert (data.sources, data.leads, data.spend, data.takings) == ((), (), (), ())
    assert data.tasks[0].source_id is None and data.tasks[0].lead_id is None


def test_a_data_set_without_work_coming_in_writes_empty_lists() -> None:
    document = to_document(DataSet(Settings()))
    assert [document[key] for key in ("sources", "leads", "spend", "takings")] == [[], [], [], []]


def test_the_settings_of_work_coming_in_go_inside_settings() -> None:
    settings = to_document(full_data_set())["settings"]
    assert (settings["currency"], settings["stale_quote_days"], settings["hourly_rate"]) == (
        "EUR", 21, 45.5,
    )  # fmt: skip


def test_a_file_that_names_none_of_them_leaves_the_owners_own() -> None:
    document = good()
    for key in ("currency", "stale_quote_days", "hourly_rate"):
        del document["settings"][key]
    assert read(document).lead_settings is None  # (so the import keeps what there is)


def test_one_named_sets_all_three_the_rest_from_the_defaults() -> None:
    document = good()
    for key in ("currency", "hourly_rate"):
        del document["settings"][key]
    defaults = LeadSettings(currency="GBP")
    data = from_document(document, Settings(), NOW, defaults)
    assert data.lead_settings == LeadSettings(currency="GBP", stale_quote_days=21)
