"""Export for a spreadsheet (issue 16): five years of weeks read back with the standard
`csv` reader give `summary --json`'s figures week by week; text never runs as a
formula and survives commas, quotes, line breaks and any alphabet; the BOM, the
decimal comma and every kind's header; the command's answers to bad input."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import benchmark_generator, run_cli, write_json

from tradesman.paths import prepare_data_folder
from tradesman.reports.csv_file import BOM, CsvStyle, Number, as_text, write_csv
from tradesman.services.spreadsheets import export_sheet
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store, open_store

END = date(2026, 11, 23)  # the generated data's last week is the one after


@pytest.fixture(scope="module")
def five_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding benchmarks/generate.py's five years (made once: ~2 s)."""
    folder = tmp_path_factory.mktemp("five-years")
    document = benchmark_generator().build_document(5, END, 1)
    source = write_json(folder / "generated.json", document)
    store = open_store(prepare_data_folder(folder / "data"))
    try:
        import_from_file(store, source, "en_GB")
    finally:
        store.close()
    return folder / "data"


def read_csv(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def summary_json(data: Path, week: str) -> dict[str, Any]:
    """`tradesman summary --week WEEK --json`, run in this process (260 child processes
    would take minutes); the log handler and umask it sets are put back."""
    from tradesman import cli

    out, root = io.StringIO(), logging.getLogger()
    handlers, umask = list(root.handlers), os.umask(0o077)
    try:
        with contextlib.redirect_stdout(out):
            assert cli.main(["--data-dir", str(data), "summary", "--week", week, "--json"]) == 0
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        os.umask(umask)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def test_five_years_of_weeks_read_back_as_summary_json_says(
    five_years: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # (as run_cli runs the command)
    written = tmp_path / "weeks.csv"
    result = run_cli("export", "--csv", "weeks", "-o", written, data_dir=five_years)
    assert result.returncode == 0, result.stderr
    header, *rows = read_csv(written.read_bytes())
    assert len(rows) == 260 and result.stdout == f"Wrote 260 weeks to {written}.\n"
    names = ("production", "marketing", "sales", "admin", "technician", "business")
    from tradesman.domain.weeks import parse_week
    from tradesman.services.settings import load_settings
    from tradesman.services.sheets import week_target

    store = open_store(prepare_data_folder(five_years))
    try:
        previous: date | None = None
        for cells in rows:
            row = dict(zip(header, cells, strict=True))
            expected = summary_json(five_years, row["Week starts"])
            assert (row["Week starts"], row["Week ends"]) == (
                expected["week_start"], expected["week_end"],
            )  # fmt: skip
            for when in ("planned", "actual"):
                figures = expected[when]
                for name in names:
                    assert float(row[f"{when.capitalize()} {name} (h)"]) == figures[name], name
                share = figures["business_share"]
                shown = row[f"{when.capitalize()} business share (%)"]
                assert (shown == "") if share is None else float(shown) == round(share * 100, 2)
            assert int(row["Enquiries"]) == expected["enquiries"]
            assert int(row["Quotes given"]) == expected["quotes_out"]
            assert int(row["Jobs won"]) == expected["won"]
            assert float(row["Won value (GBP)"]) == expected["won_value"]
            # The target `summary` prints beside the share: the plan's where it runs.
            with store.reading() as session:
                settings = load_settings(session, "en_GB")
                week = parse_week(row["Week starts"], settings.week_start)
                target = week_target(session, settings, week, date.today())
            assert float(row["Target business share (%)"]) == round(target * 100, 2)
            start = date.fromisoformat(row["Week starts"])  # one row a week, none missing
            assert previous is None or (start - previous).days == 7
            previous = start
    finally:
        store.close()
    targets = {row[header.index("Target business share (%)")] for row in rows}
    # The settings' target before the plan, then the ramp's week by week.
    assert "35.00" in targets and len(targets) > 10


# Titles are one line (the app refuses line breaks and tabs in them); notes may hold both.
TITLES = [
    '=HYPERLINK("x")',
    "+44 7700 900123",
    "- tidy the shop",
    "@mention",
    'Smith, Jones & "Co"',
    "Łódź – Ωμέγα – Пётр – 日本語 – Müller",
]
NOTES = [
    "\tTabbed",
    "First line\nsecond line",
    "=1+1\r\nmore",
    "  =SUM(A1:A9)",
    'plain, with "quotes"',
    "Пётр\n日本語",
]


def _tricky_document() -> dict[str, Any]:
    blocks = [
        {"date": f"2026-11-{23 + n % 5}", "start": f"{8 + n:02d}:00", "end": f"{9 + n:02d}:00",
         "area": "marketing", "title": title, "notes": notes}
        for n, (title, notes) in enumerate(zip(TITLES, NOTES, strict=True))
    ]  # fmt: skip
    return {
        "format": "tradesman", "version": 8, "settings": {"week_start": "monday"},
        "tasks": [
            {"title": title, "area": "admin", "notes": notes}
            for title, notes in zip(TITLES, NOTES, strict=True)
        ],
        "blocks": blocks,
        "sources": [{"id": "s", "name": "=cmd|' /C calc'!A0", "kind": "marketing"}],
        "leads": [
            {"came_in": "2026-11-24", "who": title, "what": title, "source": "s",
             "state": "new", "notes": notes}
            for title, notes in zip(TITLES, NOTES, strict=True)
        ],
        "spend": [{"day": "2026-11-25", "amount": 45.5, "source": "s", "note": t} for t in TITLES],
    }  # fmt: skip


@pytest.fixture
def tricky(store: Store, tmp_path: Path) -> Store:
    import_from_file(store, write_json(tmp_path / "tricky.json", _tricky_document()), "en_GB")
    return store


def exported(store: Store, kind: str, style: CsvStyle | None = None) -> bytes:
    out = io.BytesIO()
    export_sheet(store, kind, out, style or CsvStyle(), "en_GB", date(2026, 11, 25))
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "column"), [("blocks", "Title"), ("tasks", "Title"), ("leads", "Who")]
)
def test_text_comes_out_as_text_and_whole(tricky: Store, kind: str, column: str) -> None:
    header, *rows = read_csv(exported(tricky, kind))
    titles = sorted(row[header.index(column)] for row in rows)
    notes = sorted(row[header.index("Notes")] for row in rows)
    assert titles == sorted(as_text(title) for title in TITLES)
    assert notes == sorted(as_text(text) for text in NOTES)
    assert '\'=HYPERLINK("x")' in titles  # a quote mark first, the rest intact
    assert "First line\nsecond line" in notes and "'=1+1\r\nmore" in notes
    for cell in titles + notes:
        # Nothing a spreadsheet reads as a formula starts a cell; what follows the
        # mark is exactly what was typed.
        assert cell.lstrip(" ")[0] not in "=+-@\t\r" or cell.startswith("'")
        assert cell.removeprefix("'") in TITLES + NOTES


def test_every_text_column_is_guarded_including_names_and_notes(tricky: Store) -> None:
    header, *rows = read_csv(exported(tricky, "spend"))
    assert {row[header.index("Source")] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert sorted(row[header.index("Note")] for row in rows) == sorted(map(as_text, TITLES))
    assert {row[header.index("Amount (GBP)")] for row in rows} == {"45.50"}


def test_the_guard_leaves_numbers_and_plain_text_alone() -> None:
    assert as_text("Kitchen – Patel") == "Kitchen – Patel"
    assert as_text("") == ""
    assert as_text("3 - 4") == "3 - 4"  # (only the first character counts)
    for start in "=+-@\t\r\n\uff1d":
        assert as_text(f"{start}1+1") == f"'{start}1+1"
    out = io.BytesIO()
    write_csv(out, ["n"], [[Number("-3.50")], [-2]], CsvStyle())
    assert out.getvalue() == b"n\r\n-3.50\r\n-2\r\n"  # a negative number stays a number


def test_the_bom_is_there_only_when_asked(tricky: Store) -> None:
    plain, marked = exported(tricky, "blocks"), exported(tricky, "blocks", CsvStyle(bom=True))
    assert plain.startswith(b"Day,Starts,") and marked.startswith(BOM.encode() + b"Day,Starts,")
    assert marked == BOM.encode() + plain
    assert read_csv(marked) == read_csv(plain)


def test_a_decimal_comma_under_a_german_locale(tmp_path: Path) -> None:
    data = tmp_path / "data"
    comma = _cli_with_locale("de_DE.UTF-8", "blocks", "--locale-decimals", data=data)
    header, *rows = read_csv(comma.encode(), delimiter=";")
    first = dict(zip(header, rows[0], strict=True))
    assert first["Planned (h)"] == "1,00" and first["Day"] == "2026-11-23"
    spend = _cli_with_locale("de_DE.UTF-8", "spend", "--locale-decimals", data=data)
    assert spend.splitlines()[1].startswith("2026-11-25;45,50;")
    # Without the option, or where the locale writes a point, nothing changes.
    assert (
        _cli_with_locale("de_DE.UTF-8", "spend", data=data)
        .splitlines()[1]
        .startswith("2026-11-25,45.50,")
    )
    english = _cli_with_locale("en_GB.UTF-8", "spend", "--locale-decimals", data=data)
    assert english.splitlines()[1].startswith("2026-11-25,45.50,")


def _cli_with_locale(locale_name: str, kind: str, *more: str, data: Path) -> str:
    if not (data / "tradesman.sqlite3").exists():
        document = write_json(data.parent / "tricky.json", _tricky_document())
        assert run_cli("import", document, data_dir=data).returncode == 0
    done = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), "export", "--csv", kind,
         *more, "-o", "-"],
        capture_output=True, env=dict(os.environ, LC_ALL=locale_name), timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


HEADERS = {
    "weeks": [
        "Week starts", "Week ends",
        "Planned production (h)", "Planned marketing (h)", "Planned sales (h)",
        "Planned admin (h)", "Planned technician (h)", "Planned business (h)",
        "Planned business share (%)",
        "Actual production (h)", "Actual marketing (h)", "Actual sales (h)",
        "Actual admin (h)", "Actual technician (h)", "Actual business (h)",
        "Actual business share (%)",
        "Target business share (%)", "Enquiries", "Quotes given", "Jobs won",
        "Won value (GBP)",
    ],
    "blocks": [
        "Day", "Starts", "Ends", "Area", "Title", "Status", "Planned (h)", "Actual (h)",
        "For task", "Source", "Ask", "Repeats", "Notes",
    ],
    "tasks": [
        "Title", "Area", "Status", "Due", "Estimate (h)", "Booked (h)", "Done (h)",
        "Customer job", "Source", "Enquiry", "Ask", "Repeats", "Made", "Finished", "Notes",
    ],
    "leads": [
        "Came in", "Who", "What", "Source", "Referred by", "State", "Quoted on",
        "Quote (GBP)", "Decided on", "Value (GBP)", "Why lost or not quoted", "Notes",
    ],
    "spend": ["Day", "Amount (GBP)", "Source", "Note"],
}  # fmt: skip


@pytest.mark.parametrize("kind", list(HEADERS))
def test_each_kind_has_its_header_in_plain_words(tricky: Store, kind: str) -> None:
    header, *rows = read_csv(exported(tricky, kind))
    assert header == HEADERS[kind]
    assert rows and all(len(row) == len(header) for row in rows)


def test_an_empty_data_file_gives_the_header_alone(store: Store) -> None:
    for kind in HEADERS:
        assert len(read_csv(exported(store, kind))) == 1


def test_a_block_row_says_what_the_block_is(tricky: Store) -> None:
    header, *rows = read_csv(exported(tricky, "blocks"))
    first = dict(zip(header, rows[0], strict=True))
    assert first == {
        "Day": "2026-11-23", "Starts": "08:00", "Ends": "09:00", "Area": "Marketing",
        "Title": "'=HYPERLINK(\"x\")", "Status": "Planned", "Planned (h)": "1.00",
        "Actual (h)": "", "For task": "", "Source": "", "Ask": "", "Repeats": "no",
        "Notes": "'\tTabbed",
    }  # fmt: skip


def test_rows_are_written_as_they_are_read() -> None:
    """The file grows while the rows are still coming: never all of them in memory."""
    taken = 0
    sizes_while_reading: list[int] = []

    class Out(io.BytesIO):
        def write(self, data: Any) -> int:
            sizes_while_reading.append(taken)
            return super().write(data)

    def rows() -> Iterator[list[int]]:
        nonlocal taken
        for n in range(5000):
            taken += 1
            yield [n]

    out = Out()
    assert write_csv(out, ["n"], rows(), CsvStyle()) == 5000
    assert len(sizes_while_reading) >= 10 and sizes_while_reading[0] < 1000


def test_the_command_prints_to_standard_output(tmp_path: Path) -> None:
    data = tmp_path / "data"
    printed = _cli_with_locale("en_GB.UTF-8", "leads", data=data)
    assert printed.startswith("Came in,Who,What,") and len(read_csv(printed.encode())) == 1 + len(
        TITLES
    )


def test_bad_input_is_one_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("summary", data_dir=data).returncode == 0  # (a data file to export)
    unknown = run_cli("export", "--csv", "hours", "-o", tmp_path / "x.csv", data_dir=data)
    assert unknown.returncode == 2 and unknown.stderr == (
        'tradesman: There is no export called "hours"; choose weeks, blocks, tasks, leads '
        "or spend. (tradesman --help says more)\n"
    )
    alone = run_cli("export", "--bom", "-o", tmp_path / "x.csv", data_dir=data)
    assert alone.returncode == 2 and alone.stderr.count("\n") == 1 and "--csv" in alone.stderr
    nowhere = tmp_path / "no" / "such" / "folder" / "x.csv"
    missing = run_cli("export", "--csv", "weeks", "-o", nowhere, data_dir=data)
    assert missing.returncode == 1  # as `export -o` says it (tests/test_cli.py)
    assert missing.stderr == f"tradesman: Could not save {nowhere}: the folder does not exist.\n"
    own = run_cli("export", "--csv", "weeks", "-o", data / "tradesman.sqlite3", data_dir=data)
    assert own.returncode == 1 and "will not write over its own data file" in own.stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("kind", ["blocks", "tasks", "weeks"])
def test_a_reader_that_stops_early_gets_no_traceback(five_years: Path, kind: str) -> None:
    """`tradesman export --csv blocks -o - | head -1`: the reader goes away mid-walk."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8")
    command = [sys.executable, "-m", "tradesman", "--data-dir", str(five_years)]
    with subprocess.Popen(
        [*command, "export", "--csv", kind, "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as export:
        assert export.stdout is not None and export.stderr is not None
        assert export.stdout.readline()  # the header, as `head -1` takes it
        export.stdout.close()
        complaint = export.stderr.read().decode()
        assert export.wait(timeout=60) in (0, 1)
    assert complaint == ""  # (it printed "Exception ignored … closed database")
