"""The command line of work coming in, run as a separate process: each command's exit
code (0 done, 1 a problem in one line, 2 a mistake in the command), its words, its JSON,
and nothing half-saved when it is refused."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli

TODAY = date.today()


def leads(data: Path, *flags: str) -> list[dict[str, Any]]:
    result = run_cli("leads", "--json", *flags, data_dir=data)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["currency"] == "GBP"  # (the tests' locale is en_GB)
    found: list[dict[str, Any]] = body["leads"]
    return found


def test_an_enquiry_from_first_call_to_a_job_won(tmp_path: Path) -> None:
    data = tmp_path / "data"
    came_in = (TODAY - timedelta(days=6)).isoformat()
    result = run_cli(
        "lead", "add", "Mrs Patel", "--what", "Kitchen doors", "--source", "a cus",
        "--on", came_in, "--referred-by", "Ann", data_dir=data,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Enquiry 1: Mrs Patel, from A customer's referral,")
    assert "Call back by" in result.stdout
    quoted_on = (TODAY - timedelta(days=4)).isoformat()
    result = run_cli("lead", "quote", "1", "3,200.50", "--on", quoted_on, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "GBP 3,200.50" in result.stdout and "Follow up on" in result.stdout
    result = run_cli("lead", "won", "1", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Enquiry 1 won: GBP 3,200.50. 3 follow-ups closed.\n"
    (lead,) = leads(data)
    assert lead == {
        "id": 1, "came_in": came_in, "who": "Mrs Patel", "what": "Kitchen doors",
        "source": "A customer's referral", "referred_by": "Ann", "state": "won",
        "quoted_on": quoted_on, "quote": 3200.5, "decided_on": TODAY.isoformat(),
        "value": 3200.5, "reason": None, "notes": "",
    }  # fmt: skip


def test_lost_with_a_reason_and_the_lists(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for who in ("Joe", "Sam"):
        assert run_cli("lead", "add", who, "--source", "web", data_dir=data).returncode == 0
    assert run_cli("lead", "quote", "1", "900", data_dir=data).returncode == 0
    result = run_cli("lead", "lost", "1", "--reason", "no-reply", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Enquiry 1 lost (no-reply).")
    assert [(lead["who"], lead["reason"]) for lead in leads(data, "--all")] == [
        ("Sam", None), ("Joe", "no_reply"),
    ]  # fmt: skip
    assert [lead["who"] for lead in leads(data, "--open")] == ["Sam"]
    text = run_cli("leads", data_dir=data)
    assert text.returncode == 0 and "Website" in text.stdout and "lost" in text.stdout
    sources = run_cli("sources", "--json", data_dir=data)
    assert sources.returncode == 0, sources.stderr
    website = next(row for row in json.loads(sources.stdout) if row["name"] == "Website")
    assert (website["kind"], website["leads"], website["archived"]) == ("marketing", 2, False)
    listed = run_cli("sources", data_dir=data).stdout
    assert "Word of mouth\n  A customer's referral" in listed and "2 enquiries" in listed


def test_spend_with_a_source_and_a_note(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_cli("spend", "45.50", "--source", "FLY", "--note", "200 postcards", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Spent GBP 45.50 on {TODAY.day} {TODAY:%b %Y} for Flyers or postcards: 200 postcards.\n"
    )
    sources = json.loads(run_cli("sources", "--json", data_dir=data).stdout)
    assert next(row for row in sources if row["name"] == "Flyers or postcards")["spend"] == 1


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("lead", "add", "Joe"), "Where did they hear of you? Pick one, or Not sure."),
        (("lead", "add", "Joe", "--source", "a"), 'could be "A customer\'s referral"'),
        (("lead", "add", "Joe", "--source", "radio"), "No source starts with"),
        (("lead", "add", " ", "--source", "not sure"), "Who is it?"),
        (("lead", "add", "Joe", "--source", "web", "--on", "2999-01-01"), "has not come yet"),
        (("lead", "quote", "1", "abc"), "The amount must be a number like 3200 or 3200.50"),
        (("lead", "quote", "1", "-5"), "The amount cannot be below 0; type it without the minus"),
        (("lead", "quote", "1", "0"), "The amount must be more than 0."),
        (("lead", "quote", "1", "3200.505"), "The amount can have at most two decimals"),
        (("lead", "quote", "1", "10000001"), "That is more than any one job; check the zeros."),
        (("lead", "quote", "1", "100", "--on", "2000-01-01"), "A quote cannot come before"),
        (("lead", "won", "1"), "Quote it first"),
        (("lead", "lost", "1"), "Quote it first"),
        (("lead", "quote", "99", "100"), "There is no enquiry number 99."),
        (("spend", "0"), "The amount must be more than 0."),
        (("spend", "20,000,000"), "That is more than any one job; check the zeros."),
    ],
)
def test_bad_input_is_one_line_exit_1_and_saves_nothing(
    tmp_path: Path, args: tuple[str, ...], sentence: str
) -> None:
    data = tmp_path / "data"
    assert run_cli("lead", "add", "Ann", "--source", "not sure", data_dir=data).returncode == 0
    before = leads(data, "--all")
    result = run_cli(*args, data_dir=data)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and sentence in result.stderr
    assert leads(data, "--all") == before
    spent = json.loads(run_cli("sources", "--json", data_dir=data).stdout)
    assert sum(row["spend"] for row in spent) == 0


def test_a_decision_before_its_quote_names_the_quotes_day(tmp_path: Path) -> None:
    data = tmp_path / "data"
    came_in = (TODAY - timedelta(days=9)).isoformat()
    run_cli("lead", "add", "Ann", "--source", "not sure", "--on", came_in, data_dir=data)
    quoted_on = TODAY - timedelta(days=3)
    run_cli("lead", "quote", "1", "100", "--on", quoted_on.isoformat(), data_dir=data)
    early = (TODAY - timedelta(days=5)).isoformat()
    result = run_cli("lead", "won", "1", "--on", early, data_dir=data)
    assert result.returncode == 1
    assert f"{quoted_on.day} {quoted_on:%b %Y}" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("lead",),
        ("lead", "quote", "one", "100"),
        ("lead", "lost", "1", "--reason", "bored"),
        ("lead", "add", "Joe", "--source", "web", "--on", "yesterday"),
        ("leads", "--open", "--all"),
        ("spend",),
    ],
)
def test_a_mistake_in_the_command_is_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert run_cli(*args, data_dir=tmp_path / "data").returncode == 2


def test_a_likely_duplicate_is_mentioned_and_both_are_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run_cli("lead", "add", "Mrs Patel", "--source", "not sure", data_dir=data)
    result = run_cli("lead", "add", "MRS PATEL", "--source", "not sure", "--called", data_dir=data)
    assert result.returncode == 0
    assert "looks like enquiry 1" in result.stderr
    assert len(leads(data, "--all")) == 2


def test_the_reasons_the_parser_takes_are_the_reasons_an_enquiry_is_lost_for() -> None:
    # (cli_lead_args.py spells them out, so the window's start need not load the enquiries)
    from tradesman.cli_lead_args import REASONS
    from tradesman.domain.leads import LostReason

    assert tuple(reason.value.replace("_", "-") for reason in LostReason) == REASONS
