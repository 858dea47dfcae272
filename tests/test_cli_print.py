"""`tradesman print-week` and `print-plan`, run as a separate process: the PDF written
whole, the paper as asked, and one plain line (nothing written) when it cannot be."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from helpers import imported_folder, run_cli, run_without_root_powers
from pypdf import PdfReader

BLOCKS = [
    {"date": "2026-11-16", "start": "07:00", "end": "15:00", "area": "production",
     "title": "Kitchen – Patel", "status": "done"},
    {"date": "2026-11-17", "start": "07:00", "end": "09:00", "area": "marketing",
     "title": "Photos of the Patel kitchen", "status": "done"},
    {"date": "2026-11-24", "start": "08:00", "end": "12:00", "area": "production",
     "title": "AT&T <b>van</b> x<y>z"},
    {"date": "2026-11-25", "start": "13:00", "end": "14:00", "area": "sales",
     "title": "Quote for Ξυλουργός Плотник"},
]  # fmt: skip
DOCUMENT = {
    "format": "tradesman", "version": 4,
    "settings": {"business_name": "Oak & Sons", "owner_name": "Tom Oak", "week_start": "monday"},
    "tasks": [{"id": "t1", "title": "Send the Patel invoice", "area": "admin",
               "due": "2026-11-26"}],
    "blocks": BLOCKS,
    "plan": {"start": "2026-11-23", "weeks": 8, "target_business_share": 0.4, "hours_a_week": 45},
    "hand_offs": [{"title": "Collect timber", "area": "production", "way": "delegate"}],
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return imported_folder(tmp_path, DOCUMENT)


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_print_week_writes_one_landscape_page_of_that_week(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = run_cli("print-week", "--week", "2026-W48", "--paper", "letter", "-o", out,
                     data_dir=data)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote Week 48 · 23–29 Nov 2026 to {out} (Letter)."
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    text = text_of(out)
    for words in ("Oak & Sons", "AT&T <b>van</b> x<y>z", "Ξυλουργός Плотник",
                  "Send the Patel invoice", "Week 48 · 23–29 Nov 2026"):  # fmt: skip
        assert words in " ".join(text.split()), words
    assert "Kitchen – Patel" not in text  # last week's block


def test_print_week_takes_the_paper_from_the_locale(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    env = {"LC_ALL": "en_US.UTF-8"}
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), "print-week",
         "--week", "2026-11-25", "-o", str(out)],
        capture_output=True, text=True, env=dict(os.environ, **env), timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("(Letter).")
    box = PdfReader(out).pages[0].mediabox
    assert round(float(box.width)) == 792
    result = run_cli("print-week", "--week", "2026-11-25", "-o", out, data_dir=data)  # en_GB
    assert result.stdout.strip().endswith("(A4).")


def test_print_plan_writes_the_whole_plan(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = run_cli("print-plan", "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages >= 3
    assert f"Page 1 of {pages}" in reader.pages[0].extract_text()
    assert reader.metadata is not None and reader.metadata.author == "Tom Oak"
    text = " ".join(text_of(out).split())
    assert "Oak & Sons" in text and "Collect timber" in text


def test_print_plan_to_standard_output(data: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "tradesman", "--data-dir", str(data), "print-plan", "-o", "-"],
        capture_output=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("print-week", "--week", "2026-W60"), "2026 has no week 60."),
        (("print-week", "--week", "soon"), '"soon" is not a week'),
    ],
)
def test_a_bad_week_is_one_line_and_no_file(
    data: Path, tmp_path: Path, args: tuple[str, ...], sentence: str
) -> None:
    out = tmp_path / "week.pdf"
    result = run_cli(*args, "-o", out, data_dir=data)
    assert result.returncode == 2 and sentence in result.stderr  # a usage slip, as the README says
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()


def test_an_unwritable_target_is_one_line_and_leaves_the_old_file(
    data: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    old = folder / "week.pdf"
    old.write_bytes(b"the old week")
    folder.chmod(0o500)
    try:  # (as root, without the powers that would let it write there all the same)
        result = run_without_root_powers("print-week", "-o", old, data_dir=data)
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1
    assert result.stderr.strip() == f"tradesman: Could not save {old}: permission denied."
    assert old.read_bytes() == b"the old week"
    assert sorted(p.name for p in folder.iterdir()) == ["week.pdf"]


def test_a_missing_folder_is_one_line(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "plan.pdf"
    result = run_cli("print-plan", "-o", out, data_dir=data)
    assert result.returncode == 1
    assert "the folder does not exist" in result.stderr and not out.parent.exists()


def test_print_plan_without_a_plan_says_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert run_cli("summary", data_dir=tmp_path / "empty").returncode == 0  # (a data file)
    result = run_cli("print-plan", "-o", out, data_dir=tmp_path / "empty")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "tradesman: There is no plan yet: make one on the Plan page first."
    )
    assert not out.exists()


def test_a_folder_in_the_way_is_one_line_and_nothing_is_left_behind(
    data: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "week.pdf"
    target.mkdir(parents=True)  # a folder where the PDF should go (root can't be locked out)
    result = run_cli("print-week", "-o", target, data_dir=data)
    assert result.returncode == 1
    assert result.stderr.strip() == f"tradesman: Could not save {target}: that is a folder."
    assert [p.name for p in target.parent.iterdir()] == ["week.pdf"]  # no half-written file


def test_print_week_lists_the_open_quotes_and_the_enquiries_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for who in ("Mrs Patel & Sons", "Mr <b>Nowak</b>"):
        result = run_cli("lead", "add", who, "--source", "web", data_dir=data)
        assert result.returncode == 0, result.stderr
    assert run_cli("lead", "quote", "1", "3200.50", data_dir=data).returncode == 0
    out = tmp_path / "week.pdf"
    result = run_cli("print-week", "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(out).pages) == 1
    text = " ".join(text_of(out).split())
    assert "Quotes to chase 1 open · GBP 3,200.50" in text
    assert "Mrs Patel & Sons GBP 3,200.50 quoted today" in text
    listed = text[text.index("Quotes to chase") : text.index("Enquiries taken this week")]
    assert "Nowak" not in listed  # not quoted yet: a call back among the tasks
    assert "Day Who / what Heard of us from" in text


READ_ONLY_PROBE = """
import sys
from tradesman import cli

folder, out = sys.argv[1], sys.argv[2]
codes = [
    cli.main(["--data-dir", folder, *command])
    for command in (
        ["print-week", "--week", "2026-W48", "-o", out + "/week.pdf"],
        ["print-plan", "-o", out + "/plan.pdf"],
        ["export", "-o", out + "/everything.json"],
    )
]
print("loaded:", sorted({name.split(".")[0] for name in sys.modules} & {"sqlalchemy", "PySide6"}))
print("codes:", codes)
"""


def test_the_commands_that_only_read_load_no_sqlalchemy_and_match_the_window(
    data: Path, tmp_path: Path
) -> None:
    """print-week, print-plan and export read over bare sqlite3 (SQLAlchemy's import
    alone took longer than the rest of a print-week), and what they write is what the
    window makes of the same file through its Store."""
    import subprocess
    import sys
    from datetime import date

    from tradesman.domain.settings import WeekStart
    from tradesman.domain.weeks import parse_week
    from tradesman.reports.paper import Paper
    from tradesman.services.export_file import export_text
    from tradesman.services.pdfs import plan_pdf, week_pdf
    from tradesman.store.database import Store

    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", READ_ONLY_PROBE, str(data), str(out)],
        capture_output=True, text=True, env=dict(os.environ, LC_ALL="en_GB.UTF-8"), timeout=60,
    )  # fmt: skip
    assert done.stdout.splitlines()[-2:] == ["loaded: []", "codes: [0, 0, 0]"], done.stderr

    store = Store(data / "tradesman.sqlite3", data / "backups")
    try:
        week = parse_week("2026-W48", WeekStart.MONDAY)
        window_week = week_pdf(store, "en_GB", week, Paper("a4"), date.today())
        window_plan = plan_pdf(store, "en_GB", Paper("a4"), date.today())
        window_export, _ = export_text(store, "en_GB")
    finally:
        store.close()
    (tmp_path / "window_week.pdf").write_bytes(window_week)
    (tmp_path / "window_plan.pdf").write_bytes(window_plan)
    assert text_of(out / "week.pdf") == text_of(tmp_path / "window_week.pdf")
    assert "Send the Patel invoice" in text_of(out / "week.pdf")
    assert text_of(out / "plan.pdf") == text_of(tmp_path / "window_plan.pdf")
    assert "Collect timber" in text_of(out / "plan.pdf")
    assert (out / "everything.json").read_text(encoding="utf-8") == window_export


def test_print_week_far_ahead_makes_the_weeks_repeating_blocks_first(tmp_path: Path) -> None:
    """A week past what the series have made so far: its blocks are made (and saved)
    before the read, as the window makes them on showing that week."""
    data = imported_folder(
        tmp_path,
        {"format": "tradesman", "version": 4, "series": [
            {"id": "s1", "title": "Leaflet round", "area": "marketing", "start": "07:00",
             "end": "08:00", "weekdays": ["tuesday"], "first_day": "2026-11-03"}]},
    )  # fmt: skip
    out = tmp_path / "week.pdf"
    result = run_cli("print-week", "--week", "2028-W10", "-o", out, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Leaflet round" in text_of(out)
    with contextlib.closing(sqlite3.connect(data / "tradesman.sqlite3")) as db:
        saved = db.execute("SELECT title FROM block WHERE day = '2028-03-07'").fetchall()
    assert saved == [("Leaflet round",)]
