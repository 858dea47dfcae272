"""`tradesman export --ics`, run as a separate process: the default range, --from and
--to, and one plain line (nothing written) for a slip in the command or a bad place."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from helpers import imported_folder, run_cli, run_without_root_powers

TODAY = date.today()
# Just outside and just inside the default range (four weeks back to twelve ahead).
DAYS = {
    "Too long ago": (TODAY - timedelta(days=29)).isoformat(),
    "First day in": (TODAY - timedelta(days=28)).isoformat(),
    "Today's job": TODAY.isoformat(),
    "Last day in": (TODAY + timedelta(days=84)).isoformat(),
    "Too far ahead": (TODAY + timedelta(days=85)).isoformat(),
}


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TZ", "Europe/London")
    blocks = [
        {"date": day, "start": "08:00", "end": "12:00", "area": "production",
         "title": title}
        for title, day in DAYS.items()
    ]  # fmt: skip
    document = {"format": "tradesman", "version": 4, "settings": {}, "tasks": [], "blocks": blocks}
    return imported_folder(tmp_path, document)


def titles_in(path: Path) -> set[str]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


def test_the_default_range_is_four_weeks_back_to_twelve_ahead(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.ics"
    result = run_cli("export", "--ics", "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert titles_in(out) == {"First day in", "Today's job", "Last day in"}
    first, last = TODAY - timedelta(weeks=4), TODAY + timedelta(weeks=12)
    assert result.stdout.strip() == (
        f"Wrote 3 blocks from {first.isoformat()} to {last.isoformat()} to {out} "
        "(times in Europe/London)."
    )


def test_from_and_to_choose_the_days(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "range.ics"
    start, end = DAYS["Too long ago"], DAYS["Today's job"]
    result = run_cli("export", "--ics", "--from", start, "--to", end, "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert titles_in(out) == {"Too long ago", "First day in", "Today's job"}
    only_from = run_cli("export", "--ics", "--from", DAYS["Last day in"], "-o", out, data_dir=data)
    assert only_from.returncode == 0, only_from.stderr
    assert titles_in(out) == {"Last day in"}  # (to the default end)
    printed = run_cli(
        "export", "--ics", "--to", (TODAY - timedelta(days=1)).isoformat(), "-o", "-", data_dir=data
    )
    assert printed.returncode == 0, printed.stderr
    calendar = icalendar.Calendar.from_ical(printed.stdout.encode())
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} == {"First day in"}


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("--from", "2026-12-10", "--to", "2026-12-01"),
         "tradesman: The range would end on 2026-12-01, before it starts on 2026-12-10; "
         "--from must be on or before --to. (tradesman --help says more)"),
        (("--from", "2026-12-01"),  # without --ics: the JSON export knows no range
         "tradesman: --from and --to go with --ics; add it to write a calendar file. "
         "(tradesman --help says more)"),
        (("--ics", "--csv", "weeks"),  # two files asked of one -o
         "tradesman: Export a calendar (--ics) or a spreadsheet (--csv), one at a time. "
         "(tradesman --help says more)"),
    ],
)  # fmt: skip
def test_a_slip_in_the_range_is_one_sentence_and_exit_2(
    data: Path, tmp_path: Path, args: tuple[str, ...], sentence: str
) -> None:
    out = tmp_path / "bad.ics"
    if "--from" in args and "--to" in args:
        args = ("--ics", *args)
    result = run_cli("export", *args, "-o", out, data_dir=data)
    assert (result.returncode, result.stderr.strip(), result.stdout) == (2, sentence, "")
    assert not out.exists()


def test_a_date_that_is_not_one_is_argparse_s_exit_2(data: Path, tmp_path: Path) -> None:
    result = run_cli(
        "export", "--ics", "--to", "next week", "-o", tmp_path / "x.ics", data_dir=data
    )
    assert result.returncode == 2
    assert "'next week' is not a date like 2026-11-23" in result.stderr


def test_a_place_that_cannot_be_written_is_one_sentence(data: Path, tmp_path: Path) -> None:
    """As every command that saves a file: a problem outside the command (a closed or
    missing folder) is exit 1, with one line on stderr, and nothing is written."""
    missing = tmp_path / "no such folder" / "week.ics"
    result = run_cli("export", "--ics", "-o", missing, data_dir=data)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        f"tradesman: Could not save {missing}: the folder does not exist."
    )
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0o500)
    try:
        result = run_without_root_powers(
            "export", "--ics", "-o", closed / "week.ics", data_dir=data
        )
    finally:
        closed.chmod(0o700)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        f"tradesman: Could not save {closed / 'week.ics'}: permission denied."
    )
    own = run_cli("export", "--ics", "-o", data / "tradesman.sqlite3", data_dir=data)
    assert own.returncode == 1
    assert "will not write over its own data file" in own.stderr


def test_without_a_zone_name_the_times_float_and_the_line_says_so(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")  # a POSIX rule: no zone's name
    out = tmp_path / "floating.ics"
    result = run_cli("export", "--ics", "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "times without a zone: the same hours anywhere" in result.stdout
    assert b"TZID" not in out.read_bytes()
