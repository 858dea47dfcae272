"""`tradesman engines` and `tradesman sources --weeks N`, run as separate processes: the
verdict with its reason and next step, every figure in the JSON, the table of sources,
and a brand-new data file that says there is not enough to judge yet."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from helpers import run_cli

from tradesman.domain.leads import Lead, NotQuotedReason
from tradesman.paths import prepare_data_folder
from tradesman.store import tables
from tradesman.store.database import open_store

TODAY = date.today()


def seeded(tmp_path: Path) -> Path:
    """Five enquiries in the last weeks from the seeded sources (1: a customer's referral,
    4: Google), two won, one turned away as too busy."""
    folder = tmp_path / "data"
    store = open_store(prepare_data_folder(folder))

    def ago(days: int) -> date:
        return TODAY - timedelta(days=days)

    with store.writing() as session:
        for lead in (
            Lead("Mrs Patel", ago(40), 1).quoted(ago(38), 320000).won(ago(30)),
            Lead("Mr Brown", ago(33), 4).quoted(ago(31), 150050).won(ago(20)),
            Lead("Ms Nowak", ago(25), 4).quoted(ago(24), 90000),
            Lead("Kev", ago(12), 1),
            Lead("The Smiths", ago(9), 4).not_quoted(ago(9), NotQuotedReason.TOO_BUSY),
        ):
            tables.LEADS.put(session, lead)
    store.close()
    return folder


def test_the_engines_as_json_name_the_stuck_engine_and_every_figure(tmp_path: Path) -> None:
    result = run_cli("engines", "--json", data_dir=seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["currency"] == "GBP" and body["weeks"] == 13
    assert body["verdict"]["engine"] == "production"  # one turned away as too busy
    assert body["verdict"]["reason"] == "1 enquiry turned away as too busy in the last 13 weeks."
    assert body["enquiries"]["count"] == 5 and body["enquiries"]["per_week"]["judged"]
    # Two won, none lost: 100 %, but two cases are too few to judge.
    assert body["quotes"]["win_rate"] == {"value": 1.0, "judged": False, "cases": 2}
    assert body["quotes"]["open"] == 1 and body["quotes"]["open_total"] == 900
    assert body["money"]["won_value"] == 4700.5 and body["money"]["revenue_is"] == "work won"
    assert len(body["strip"]) == 26
    names = [row["name"] for row in body["sources"]]
    assert names == ["A customer's referral", "Google / business profile"]


def test_the_engines_in_sentences(tmp_path: Path) -> None:
    result = run_cli("engines", "--weeks", "26", data_dir=seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("The last 26 weeks (")
    assert "Production is stuck. 1 enquiry turned away as too busy" in result.stdout
    assert "Next: Work is there but your hours are not" in result.stdout
    assert "Quoted 3 of 5 enquiries (60%); won 2 of the 2 quotes decided (too few to judge)." in (
        result.stdout
    )


def test_the_table_of_sources_over_a_period(tmp_path: Path) -> None:
    result = run_cli("sources", "--weeks", "13", data_dir=seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    heading, referral, google, *rest = result.stdout.splitlines()[1:]
    assert heading.split()[:3] == ["Source", "Enquiries", "Won"]
    assert referral.startswith("A customer's referral") and "3,200" in referral
    assert google.startswith("Google / business profile") and "1,500.50" in google
    assert rest[-1] == "Each enquiry counts for the one source it was logged with."
    as_json = json.loads(run_cli("sources", "--weeks", "4", "--json", data_dir=seeded(
        tmp_path / "again")).stdout)  # fmt: skip
    assert as_json["weeks"] == 4 and [r["name"] for r in as_json["sources"]] == [
        "Google / business profile", "A customer's referral",
    ]  # fmt: skip


def test_a_period_the_figures_do_not_take_is_a_mistake_in_the_command(tmp_path: Path) -> None:
    result = run_cli("engines", "--weeks", "5", data_dir=tmp_path / "data")
    assert result.returncode == 2 and "invalid choice: 5" in result.stderr


def test_a_new_data_file_has_not_enough_to_judge(tmp_path: Path) -> None:
    result = run_cli("engines", data_dir=tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert "Not enough to judge yet. 0 enquiries logged in the last 13 weeks" in result.stdout
    assert "Log every enquiry as it comes in (Ctrl+L)" in result.stdout
    assert "No enquiries logged in the last 13 weeks." in result.stdout


def test_the_periods_the_command_takes_are_those_the_window_offers() -> None:
    # (cli_lead_args.py spells them out, so the window's start need not load the engines)
    from tradesman.cli_lead_args import PERIODS as COMMAND_PERIODS
    from tradesman.domain.engine_numbers import PERIODS

    assert PERIODS == COMMAND_PERIODS
