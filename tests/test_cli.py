"""The command line, run as a separate process: exit codes, one-line errors, exact JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, digest, run_cli, without_ids, write_json

WEEK_BLOCKS = [
    # Monday 23 Nov 2026 to Sunday 29 Nov: week 48.
    {"date": "2026-11-23", "start": "07:00", "end": "12:00", "area": "production", "title": "Kitchen", "status": "done"},
    {"date": "2026-11-23", "start": "13:00", "end": "16:30", "area": "production", "title": "Kitchen", "status": "done", "actual_minutes": 240},
    {"date": "2026-11-24", "start": "15:30", "end": "16:30", "area": "marketing", "title": "Photos"},
    {"date": "2026-11-25", "start": "08:00", "end": "10:00", "area": "sales", "title": "Site visit", "status": "skipped"},
    {"date": "2026-11-27", "start": "08:00", "end": "09:30", "area": "admin", "title": "Invoices", "status": "done", "actual_minutes": 100},
    {"date": "2026-11-29", "start": "09:00", "end": "10:00", "area": "marketing", "title": "Newsletter", "status": "done"},
    # The Sunday before, and the Monday after: in the Sunday-start week / in no week here.
    {"date": "2026-11-22", "start": "10:00", "end": "12:00", "area": "sales", "title": "Quote", "status": "done"},
    {"date": "2026-11-30", "start": "07:00", "end": "08:00", "area": "production", "title": "Next job"},
]  # fmt: skip


def week_file(tmp_path: Path, week_start: str = "monday") -> Path:
    return write_json(
        tmp_path / "week.json",
        {"format": "tradesman", "version": 1, "settings": {"week_start": week_start},
         "tasks": [], "blocks": WEEK_BLOCKS},
    )  # fmt: skip


def imported(tmp_path: Path, week_start: str = "monday") -> Path:
    data = tmp_path / "data"
    result = run_cli("import", week_file(tmp_path, week_start), data_dir=data)
    assert result.returncode == 0, result.stderr
    return data


def test_summary_json_matches_a_week_worked_out_by_hand(tmp_path: Path) -> None:
    data = imported(tmp_path)
    for step in (
        ("lead", "add", "Mrs Patel", "--source", "referral", "--on", "2026-11-24"),
        ("lead", "quote", "1", "3200", "--on", "2026-11-25"),
        ("lead", "won", "1", "--on", "2026-11-27"),
        ("lead", "add", "Mr Brown", "--source", "website", "--on", "2026-11-20"),
        ("lead", "quote", "2", "900.50", "--on", "2026-11-23"),
    ):
        assert run_cli(*step, data_dir=data).returncode == 0
    result = run_cli("summary", "--week", "2026-W48", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    # Planned: production 5 h + 3.5 h; marketing 1 h + 1 h; sales 2 h (skipped still
    # planned); admin 1.5 h. Actual: production 5 h + 4 h; marketing 1 h; admin 100 min.
    assert json.loads(result.stdout) == {
        "week_start": "2026-11-23",
        "week_end": "2026-11-29",
        "planned": {"production": 8.5, "marketing": 2.0, "sales": 2.0, "admin": 1.5,
                    "technician": 8.5, "business": 5.5, "business_share": 0.3929},
        "actual": {"production": 9.0, "marketing": 1.0, "sales": 0.0, "admin": 1.67,
                   "technician": 9.0, "business": 2.67, "business_share": 0.2286},
        # Mrs Patel came in, was quoted and won this week; Mr Brown came the week
        # before and was quoted this week.
        "enquiries": 1, "quotes_out": 2, "won": 1, "won_value": 3200, "marketing_hours": 1.0,
    }  # fmt: skip


def test_summary_json_for_a_sunday_start_week(tmp_path: Path) -> None:
    data = imported(tmp_path, week_start="sunday")
    result = run_cli("summary", "--week", "2026-11-25", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    # Sunday 22 to Saturday 28 Nov: gains the Sunday-before quote, loses the Sunday newsletter.
    assert json.loads(result.stdout) == {
        "week_start": "2026-11-22",
        "week_end": "2026-11-28",
        "planned": {"production": 8.5, "marketing": 1.0, "sales": 4.0, "admin": 1.5,
                    "technician": 8.5, "business": 6.5, "business_share": 0.4333},
        "actual": {"production": 9.0, "marketing": 0.0, "sales": 2.0, "admin": 1.67,
                   "technician": 9.0, "business": 3.67, "business_share": 0.2895},
        "enquiries": 0, "quotes_out": 0, "won": 0, "won_value": 0, "marketing_hours": 0.0,
    }  # fmt: skip


def test_summary_of_an_empty_week_has_no_share(tmp_path: Path) -> None:
    result = run_cli("summary", "--week", "2030-W01", "--json", data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["planned"]["business_share"] is None and body["actual"]["technician"] == 0


def test_summary_text_is_readable(tmp_path: Path) -> None:
    data = imported(tmp_path)
    result = run_cli("summary", "--week", "2026-W48", data_dir=data)
    lines = result.stdout.splitlines()
    assert lines[0] == "Week 48 · 23–29 Nov 2026"
    assert "Business share" in lines[-1] and "39%" in lines[-1] and "target 40%" in lines[-1]


def test_summary_refuses_a_bad_week_in_one_line(tmp_path: Path) -> None:
    result = run_cli("summary", "--week", "2025-W53", data_dir=tmp_path / "d")
    assert result.returncode == 2  # a slip in the command itself
    assert result.stderr == "tradesman: 2025 has no week 53. (tradesman --help says more)\n"


def export_text(data: Path, tmp_path: Path, name: str = "out.json") -> str:
    result = run_cli("export", "-o", tmp_path / name, data_dir=data)
    assert result.returncode == 0, result.stderr
    return (tmp_path / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not json", "not valid JSON"),
        ("TRUNCATE", "The file ends too soon: it was cut short"),
        ("UNKNOWN_AREA", 'Block 3, field "area": "marketting" is not an area'),
        (
            "END_BEFORE_START",
            'Block 1, field "end": The end time (06:00) is before the start time (10:00).',
        ),
    ],
)
def test_a_bad_import_says_one_line_and_changes_nothing(
    tmp_path: Path, content: str, message: str
) -> None:
    data = imported(tmp_path)
    before = export_text(data, tmp_path, "before.json")
    if content == "TRUNCATE":
        text = before[: len(before) // 2]
    elif content == "UNKNOWN_AREA":
        document = json.loads(before)
        document["blocks"][2]["area"] = "marketting"
        del document["blocks"][2]["id"]
        text = json.dumps(document)
    elif content == "END_BEFORE_START":
        document = json.loads(before)
        document["blocks"][0].update(end="06:00")
        del document["blocks"][0]["id"]
        text = json.dumps(document)
    else:
        text = content
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    backups_before = sorted((data / "backups").iterdir())

    result = run_cli("import", bad, data_dir=data)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("tradesman: Nothing was imported from bad.json.")
    assert message in result.stderr
    assert export_text(data, tmp_path, "after.json") == before
    assert sorted((data / "backups").iterdir()) == backups_before  # not even a backup


def test_import_says_where_the_old_data_went(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_cli("import", week_file(tmp_path), data_dir=data)
    assert result.returncode == 0
    assert result.stdout.startswith("Imported 0 tasks and 8 blocks from ")
    backup = Path(result.stdout.split("is kept in ")[1].strip().rstrip("."))
    assert backup.exists() and backup.parent == data / "backups"


def test_importing_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run_cli("import", tmp_path / "nowhere.json", data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert (
        result.stderr
        == f"tradesman: Could not read {tmp_path}/nowhere.json: there is no such file.\n"
    )


def test_export_to_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    assert run_cli("summary", data_dir=tmp_path / "d").returncode == 0  # (a data file)
    result = run_cli(
        "export", "-o", tmp_path / "no" / "such" / "folder" / "x.json", data_dir=tmp_path / "d"
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == f"tradesman: Could not save {tmp_path}/no/such/folder/x.json: the folder does not exist.\n"
    )


@pytest.mark.slow
def test_five_years_survive_export_import_export(tmp_path: Path) -> None:
    first = tmp_path / "first"
    generated = run_python(
        ROOT / "benchmarks" / "generate.py",
        "--years",
        "5",
        "--data-dir",
        first,
        "--end",
        "2026-11-23",
    )
    assert "Wrote 12," in generated
    one = json.loads(export_text(first, tmp_path, "one.json"))
    assert len(one["blocks"]) > 12_000 and len(one["tasks"]) > 3_800
    second = tmp_path / "second"
    assert run_cli("import", tmp_path / "one.json", data_dir=second).returncode == 0
    two = json.loads(export_text(second, tmp_path, "two.json"))
    assert without_ids(two) == without_ids(one)


def run_python(script: Path, *args: str | Path) -> str:
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_database_of_random_bytes_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "tradesman.sqlite3").write_bytes(os.urandom(50_000))
    before = digest(data / "tradesman.sqlite3")
    result = run_cli("summary", data_dir=data)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "is not a Tradesman data file" in result.stderr and "left as it is" in result.stderr
    assert digest(data / "tradesman.sqlite3") == before


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    data = imported(tmp_path)
    db = sqlite3.connect(data / "tradesman.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    before = digest(data / "tradesman.sqlite3")
    for command in (
        ["summary"],
        ["export", "-o", str(tmp_path / "x.json")],
        ["import", str(week_file(tmp_path))],
    ):
        result = run_cli(*command, data_dir=data)
        assert result.returncode == 1
        assert "newer version of Tradesman" in result.stderr and result.stderr.count("\n") == 1
    assert digest(data / "tradesman.sqlite3") == before


def test_smoke_test_refuses_a_foreign_file_without_a_dialog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "tradesman.sqlite3").write_bytes(b"PK\x03\x04 a zip file, not ours" * 10)
    result = run_cli("--smoke-test", data_dir=data)
    assert result.returncode == 1
    assert "is not a Tradesman data file" in result.stderr


def test_an_export_or_print_from_a_folder_with_no_data_overwrites_nothing(
    tmp_path: Path,
) -> None:
    """A mistyped --data-dir: the file it would write is empty, and -o names a good one."""
    good = tmp_path / "keep.json"
    good.write_text('{"format": "tradesman"}', encoding="utf-8")
    for command, doing in (
        (["export"], "export"), (["export", "--ics"], "export"),
        (["export", "--csv", "blocks"], "export"), (["print-week"], "print"),
        (["print-plan"], "print"),
    ):  # fmt: skip
        result = run_cli(*command, "-o", good, data_dir=tmp_path / "typo")
        assert result.returncode == 1
        assert result.stderr == (
            f"tradesman: There is no Tradesman data in {tmp_path}/typo yet, so there is "
            f"nothing to {doing}. If your data is in another folder, name it with "
            "--data-dir.\n"
        )
    assert good.read_text(encoding="utf-8") == '{"format": "tradesman"}'
    assert not (tmp_path / "typo").exists()  # no stray data folder made either


def test_version_help_and_usage(tmp_path: Path) -> None:
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.strip().startswith("Tradesman 0.")
    for command in ([], ["summary"], ["export"], ["import"]):
        shown = run_cli(*command, "--help")
        assert shown.returncode == 0 and "usage: tradesman" in shown.stdout
    assert "--data-dir" in run_cli("summary", "--help").stdout
    unknown = run_cli("frobnicate")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr
    missing = run_cli("export")
    assert missing.returncode == 2 and "-o/--output" in missing.stderr


def test_the_data_folder_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADESMAN_DATA_DIR", str(tmp_path / "from-env"))
    assert run_cli("summary").returncode == 0
    assert (tmp_path / "from-env" / "tradesman.sqlite3").exists()


def test_an_unusable_data_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("summary", data_dir=blocker)
    assert result.returncode == 1
    assert result.stderr == f"tradesman: The data folder {blocker} is a file, not a folder.\n"


def test_smoke_test_prints_its_timings(tmp_path: Path) -> None:
    result = run_cli("--smoke-test", data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first paint: ") and "data shown: " in result.stdout
    assert "ready for edits: " in result.stdout


def run_window_probe(probe: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """`probe` (Python that starts the real window on `folder`) in a fresh process."""
    return subprocess.run(
        [sys.executable, "-c", probe, str(folder)],
        capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60,
    )  # fmt: skip


FIRST_PAINT_PROBE = """
import sys
from tradesman import app, cli
from tradesman.paths import prepare_data_folder

heavy = {"sqlalchemy", "reportlab", "pypdfium2"}
# The enquiries' code (and json, which only it and the exchange use) waits for the data.
later = {"json", "tradesman.cli_leads", "tradesman.domain.leads", "tradesman.domain.lead_checks"}

def at_first_paint(self):
    loaded = sorted({m.split(".")[0] for m in sys.modules} & heavy)
    print("at first paint:", loaded, "Qt namespace:", "Qt" in vars(__import__("PySide6.QtCore").QtCore))
    print("too early:", sorted(later & set(sys.modules)))
    builtins = __import__("builtins")
    print("PySide's import hook:", "off" if builtins.__import__ is builtins.__orig_import__ else "on")
    app.QApplication.exit(0)

app._Startup.show_week = at_first_paint  # stop right after the first paint
sys.exit(app.run_window(prepare_data_folder(__import__("pathlib").Path(sys.argv[1]))))
"""


def test_start_up_keeps_heavy_modules_off_the_first_paint(tmp_path: Path) -> None:
    """The real start-up, stopped at the first paint: SQLAlchemy, reportlab, PySide's
    costly Qt enum namespace and the enquiries' code must all still be unloaded, and
    PySide's import hook (a cost on every later import) taken off again."""
    done = run_window_probe(FIRST_PAINT_PROBE, tmp_path / "d")
    assert done.stdout.splitlines() == [
        "at first paint: [] Qt namespace: False",
        "too early: []",
        "PySide's import hook: off",
    ], done.stderr


DATA_SHOWN_PROBE = """
import sys
from tradesman import app
from tradesman.paths import prepare_data_folder

# Neither SQLAlchemy nor the enquiries' code is needed to show the week.
early = {"sqlalchemy", "tradesman.domain.leads", "tradesman.domain.lead_checks"}

def at_data_shown(self):
    print("loaded when the week is shown:", sorted(early & set(sys.modules)))
    app.QApplication.exit(0)

app._Startup.get_ready = at_data_shown  # stop right after the week's data is painted
sys.exit(app.run_window(prepare_data_folder(__import__("pathlib").Path(sys.argv[1]))))
"""


def test_start_up_shows_the_week_before_loading_the_work_coming_in(tmp_path: Path) -> None:
    """A data file with enquiries in it, opened by the real start-up and stopped when the
    week is on screen: what reads the week must not have loaded the enquiries' code."""
    data = tmp_path / "d"
    logged = run_cli("lead", "add", "Mrs Patel", "--source", "referral", data_dir=data)
    assert logged.returncode == 0, logged.stderr
    done = run_window_probe(DATA_SHOWN_PROBE, data)
    assert done.stdout.splitlines() == ["loaded when the week is shown: []"], done.stderr


READY_PROBE = """
import sys
from tradesman import app
from tradesman.paths import prepare_data_folder

# The engines' arithmetic is read by the Week page's note a moment after the start.
engines = {"statistics", "tradesman.domain.engine_numbers", "tradesman.domain.engine_verdict"}
mark = app._Startup._mark

def at_ready(self, step):
    mark(self, step)
    if step == "ready":
        print("loaded when ready for edits:", sorted(engines & set(sys.modules)))
        # Widgets PySide knows only once it has had to tell an unknown one's kind (a
        # widget Qt made itself, handed to Python): every kind is then loaded, ~10 ms.
        widgets = vars(__import__("PySide6.QtWidgets").QtWidgets)
        print("widget kinds loaded:", sorted({"QFileDialog", "QWizard"} & set(widgets)))
        app.QApplication.exit(0)

app._Startup._mark = at_ready
sys.exit(app.run_window(prepare_data_folder(__import__("pathlib").Path(sys.argv[1]))))
"""


def test_start_up_is_ready_for_edits_before_loading_the_engines(tmp_path: Path) -> None:
    """A data file with enquiries and a plan, opened by the real start-up and stopped
    when it is ready for edits: the engines' figures wait until after that, and no
    widget Qt made itself was handed over on the way (see own_viewport)."""
    data = tmp_path / "d"
    logged = run_cli("lead", "add", "Mrs Patel", "--source", "referral", data_dir=data)
    assert logged.returncode == 0, logged.stderr
    done = run_window_probe(READY_PROBE, data)
    assert done.stdout.splitlines() == [
        "loaded when ready for edits: []",
        "widget kinds loaded: []",
    ], done.stderr


HIDDEN_BEFORE_THE_WEEK_PAINTS = """
import sys, time
from PySide6.QtCore import QTimer
from tradesman import app
from tradesman.paths import prepare_data_folder

shown = app._Startup.show_week
mark = app._Startup._mark

def show_then_hide(self):
    shown(self)
    self.window.hide()  # (minimised or hidden before the week could paint)
    self.hidden_at = time.monotonic()
    QTimer.singleShot(10_000, lambda: (print("never ready"), app.QApplication.exit(1)))

def at_ready(self, step):
    mark(self, step)
    if step == "ready":
        print("ready after hiding:", time.monotonic() - self.hidden_at < 5)
        app.QApplication.exit(0)

app._Startup.show_week = show_then_hide
app._Startup._mark = at_ready
sys.exit(app.run_window(prepare_data_folder(__import__("pathlib").Path(sys.argv[1]))))
"""


def test_a_window_hidden_before_the_week_paints_still_gets_ready(tmp_path: Path) -> None:
    """Ready (and so answering a later start) must not wait for a paint that a hidden
    or minimised window never makes."""
    done = run_window_probe(HIDDEN_BEFORE_THE_WEEK_PAINTS, tmp_path / "d")
    assert done.stdout.splitlines() == ["ready after hiding: True"], done.stderr


EDIT_PROBE = """
import sys
from datetime import date
from tradesman import app
from tradesman.paths import prepare_data_folder

mark = app._Startup._mark

def at_ready(self, step):
    mark(self, step)
    if step != "ready":
        return
    print("loaded when ready for edits:", "sqlalchemy" in sys.modules)
    from tradesman.domain.areas import Area
    from tradesman.domain.blocks import TimeBlock
    from tradesman.services.edits import add_blocks
    from tradesman.ui.shared.commands import push_edit

    window = self.window
    leaflets = TimeBlock(date.today(), 600, 660, Area.MARKETING, "Leaflets")
    push_edit(window.undo_stack, window.desk.ops, window.report, "Add", add_blocks, [leaflets])
    window.undo_stack.undo()
    window.undo_stack.redo()
    titles = [block.title for block in window.desk.ops.week_blocks(window.week)]
    print("after an edit, its undo and redo:", "sqlalchemy" in sys.modules, titles)
    app.QApplication.exit(0)

app._Startup._mark = at_ready
sys.exit(app.run_window(prepare_data_folder(__import__("pathlib").Path(sys.argv[1]))))
"""


def test_the_window_edits_undoes_and_redoes_without_loading_sqlalchemy(tmp_path: Path) -> None:
    """SQLAlchemy's import alone took longer than painting the window: the start is
    ready for edits without it, and an edit, its undo and its redo never load it."""
    done = run_window_probe(EDIT_PROBE, tmp_path / "d")
    assert done.stdout.splitlines() == [
        "loaded when ready for edits: False",
        "after an edit, its undo and redo: False ['Leaflets']",
    ], done.stderr


SUMMARY_PROBE = """
import sys
from tradesman import cli

code = cli.main(["--data-dir", sys.argv[1], "summary", "--json"])
heavy = {"sqlalchemy", "PySide6", "reportlab", "pypdfium2"}
print("loaded:", sorted({name.split(".")[0] for name in sys.modules} & heavy), code)
"""


def test_a_summary_is_read_without_sqlalchemy(tmp_path: Path) -> None:
    """`summary` answers over bare sqlite3: loading SQLAlchemy alone took longer than a
    bare window's whole process. The figures are the ones the window shows."""
    import json

    data = tmp_path / "d"
    logged = run_cli("lead", "add", "Mrs Patel", "--source", "referral", data_dir=data)
    assert logged.returncode == 0, logged.stderr
    done = subprocess.run(
        [sys.executable, "-c", SUMMARY_PROBE, str(data)],
        capture_output=True, text=True, env=dict(os.environ, LC_ALL="en_GB.UTF-8"), timeout=60,
    )  # fmt: skip
    printed, said = done.stdout.splitlines()
    assert said == "loaded: [] 0", done.stderr
    assert json.loads(printed)["enquiries"] == 1
