"""How the app scales with years of data: edits, start-up, summary, import and export.

    python benchmarks/scaling.py [--years 1,5,20,50] [--runs 9] [--edit-turns 3]
                                 [--io-runs 3] [--cache DIR] [--json]

For each size it makes a data set with benchmarks/generate.py (ending with the week
after this week's Monday, so a set made earlier in the same week is reused from
--cache, default tradesman-scaling under the system temp folder), then measures:

- edit, undo, redo: the real window (offscreen) on the data, a block of this week
  booked to a task moved by a quarter of an hour the way a drag ends (the canvas's
  block_changed), to where it runs into no other block (the same edit in every
  set: "overlap" is one that does, which also shows the note of overlapping hours,
  and "plain" one of a block of no task, each timed beside it), then
  Undo and Redo from the Edit menu's actions; each timed from the action to the
  calendar repainted by the event loop, so it holds the write, the re-read of the
  week, the To schedule list and whatever else the window refreshes after an edit:
  what the owner waits for. "note" is the work-coming-in note beside the week, read
  again 0.4 s after each of them (when the change has settled). --runs rounds in a
  window of each size, the sizes taking turns --edit-turns times; medians of all.
- start-up: `tradesman --smoke-test` and benchmarks/bare_window.py taking turns, with
  `tradesman summary` after each pair (--runs rounds, one unmeasured round first to
  warm the disk cache), each as a whole process from the moment it is started to its
  exit; "ready" is the app's own "ready for edits" (as benchmarks/startup.py reads
  it) against the bare window's first paint. Medians.
- import and export: `tradesman export -o FILE` and `tradesman import FILE` (that
  export, into a fresh data folder), whole processes, medians of --io-runs, and the
  peak memory of each (the child's own peak RSS, from wait4).

Targets (issue 17): edit, undo and redo at 50 years within 1.3x of 1 year; import of
50 years within 12x of 5 years; export's peak memory at 50 years within 1.5x of 5
years; at 5 years, start-up within 4x of the bare window as whole processes, ready
for edits within 2.5x of the bare window's first paint, summary within 2x of the bare
window's whole process. Without both sizes of a pair the ratio is shown for the
largest and smallest sizes run, marked, with no verdict.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from startup import FIGURES  # (this folder is on the path when a benchmark is run)

if TYPE_CHECKING:
    from tradesman.domain.blocks import TimeBlock

HERE = Path(__file__).resolve().parent
QUARTER_HOUR = 15
# (Ratio name, figure, larger size, smaller size, target.)
SCALING_TARGETS = (
    ("edit", "edit", 50, 1, 1.3),
    ("undo", "undo", 50, 1, 1.3),
    ("redo", "redo", 50, 1, 1.3),
    ("import", "import_s", 50, 5, 12.0),
    ("export peak memory", "export_peak_mib", 50, 5, 1.5),
)
# (Ratio name, figure in the table, target), each at 5 years.
BARE_TARGETS = (
    ("start-up whole ÷ bare whole", "start_x", 4.0),
    ("ready for edits ÷ bare first paint", "ready_x", 2.5),
    ("summary whole ÷ bare whole", "summary_x", 2.0),
)
AT_YEARS = 5


@dataclasses.dataclass(frozen=True)
class Ran:
    """One child process: how long it took, its own peak memory, and what it printed."""

    seconds: float
    peak_mib: float
    out: str


def run_child(command: list[str], env: dict[str, str] | None = None) -> Ran:
    """Run `command` to its end; the peak RSS is this child's alone (wait4's rusage),
    not the largest of every child so far as RUSAGE_CHILDREN would say."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if env is not None:
            env = dict(env, TRADESMAN_T0=repr(time.time()))  # (startup.py's clock)
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # (reaped here, not by Popen)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode(errors='replace')}")
        return Ran(took, usage.ru_maxrss / 1024, out.read().decode(errors="replace"))


def launcher() -> list[str]:
    """The installed `tradesman` script, as a user starts it (beside this Python)."""
    script = Path(sys.executable).with_name("tradesman")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tradesman"]


def data_set(cache: Path, years: int) -> tuple[Path, float | None]:
    """The data folder of `years` years, made unless this week's is there already;
    and how long making it took (None: reused)."""
    this_monday = date.today() - timedelta(days=date.today().weekday())
    name = f"years-{years}-to-{this_monday}"
    folder, made = cache / name, cache / f"{name}.made"
    if made.exists() and folder.is_dir():
        return folder, None
    for stale in cache.glob(f"years-{years}-to-*"):  # (an older week's, or half made)
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    began = time.perf_counter()
    generate = [sys.executable, str(HERE / "generate.py"), "--years", str(years)]
    subprocess.run(
        [*generate, "--data-dir", str(folder), "--end", this_monday.isoformat()],
        check=True,
        capture_output=True,
    )
    took = time.perf_counter() - began
    made.write_text(f"{took:.1f} s to make\n", encoding="utf-8")
    return folder, took


def counts(folder: Path) -> tuple[int, int]:
    db = sqlite3.connect(f"file:{folder / 'tradesman.sqlite3'}?mode=ro", uri=True)
    try:
        blocks = db.execute("SELECT COUNT(*) FROM block").fetchone()[0]
        tasks = db.execute("SELECT COUNT(*) FROM task").fetchone()[0]
    finally:
        db.close()
    return int(blocks), int(tasks)


# -- edit, undo, redo: in a child process of their own (one window, one data set) ----
def runs_into_another(block: TimeBlock, week: Sequence[TimeBlock], later_by: int = 0) -> bool:
    """Whether `block`, `later_by` minutes later, would share time with another."""
    start, end = block.start + later_by, block.end + later_by
    return any(
        other.day == block.day and other.start < end and start < other.end
        for other in week
        if other.id != block.id
    )


def edit_figures(data_dir: Path, rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each edit, undo, redo and note read, in the real window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from week_switch import PaintCounter  # the same way of seeing a frame finish

    from tradesman.paths import prepare_data_folder
    from tradesman.services.data import Data
    from tradesman.services.first_look import first_look
    from tradesman.store.database import open_store
    from tradesman.ui.main_window import MainWindow
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.window.backup_keeper import AFTER_START_MS

    app = QApplication(sys.argv[:1])
    paths = prepare_data_folder(data_dir)
    store = open_store(paths)
    scratch = tempfile.TemporaryDirectory()
    state = QSettings(str(Path(scratch.name) / "window.ini"), QSettings.Format.IniFormat)
    look = first_look(paths.database, "en_GB", date.today())
    window = MainWindow(paths.folder, state, look.settings.week_start)
    window.show_first_look(look)
    window.attach(Operations(Data(store, "en_GB")))
    window.resize(1280, 800)
    window.show()
    desk = window.desk

    # The start's own work (recurring tasks made, the start-up backup on a worker
    # thread, the note of work coming in) is over before anything is timed.
    settled_by = time.monotonic() + AFTER_START_MS / 1000 + 0.5
    while (
        time.monotonic() < settled_by
        or desk.backup_keeper._busy is not None
        or desk.task_catch_up._job is not None
    ):
        app.processEvents()
        time.sleep(0.01)
    note = desk.work_note
    assert note is not None

    canvas = window.canvas
    movable = [
        b
        for b in canvas.blocks
        if b.series_id is None and b.start >= QUARTER_HOUR and b.end + QUARTER_HOUR <= 24 * 60
    ]
    # The same edit in every data set: a block that shares no time with another, and
    # still shares none when moved. (One that comes to share some brings up the note
    # of overlapping hours and re-lays the column beside the week: a different,
    # dearer edit, timed on its own as "overlap_edit". Which the first block of a week
    # is depends on how that week was made up.)
    alone = [b for b in movable if not runs_into_another(b, canvas.blocks)]
    clear = [b for b in alone if not runs_into_another(b, canvas.blocks, QUARTER_HOUR)]
    crowding = [b for b in alone if b.task_id is not None and b not in clear]
    # A block booked to a task is the edit that costs most (the To schedule list reads
    # the tasks again); a block of no task is timed beside it as "plain".
    of_a_task = [b for b in clear if b.task_id is not None]
    of_no_task = [b for b in clear if b.task_id is None]
    if not of_a_task or not of_no_task or not crowding:
        raise SystemExit(f"not every kind of block to move this week ({data_dir})")
    painted = PaintCounter(canvas)

    def timed(action: Callable[[], object]) -> float:
        """From the action to the calendar repainted by the event loop (and whatever
        else that frame repaints)."""
        before = painted.count
        started = time.perf_counter()
        action()
        give_up = time.monotonic() + 30
        while painted.count == before:
            app.processEvents()
            if time.monotonic() > give_up:
                raise SystemExit("the calendar was not repainted after an edit")
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    def note_read() -> float:
        """The note read again, as its timer would do 0.4 s after the change."""
        note.timer.stop()
        started = time.perf_counter()
        note.show_now()
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    def shown(block_id: int | None) -> TimeBlock:
        return next(b for b in canvas.blocks if b.id == block_id)

    def move(block_id: int | None) -> Callable[[], None]:
        def moving() -> None:
            old = shown(block_id)
            later = dataclasses.replace(
                old, start=old.start + QUARTER_HOUR, end=old.end + QUARTER_HOUR
            )
            canvas.block_changed.emit(old, later)  # as a drag ends

        return moving

    def step(action: Callable[[], object], block_id: int | None, minute: int) -> float:
        """`action` timed; it counts only if the edit really happened (not refused)."""
        took = timed(action)
        if shown(block_id).start != minute:
            raise SystemExit(f"the block starts at minute {shown(block_id).start}, not {minute}")
        return took

    undo, redo = window.acts["undo"].trigger, window.acts["redo"].trigger
    figures: dict[str, list[float]] = {
        "edit": [], "undo": [], "redo": [], "note": [], "plain_edit": [], "overlap_edit": []
    }  # fmt: skip
    task_block, plain_block, crowding_block = of_a_task[0], of_no_task[0], crowding[0]
    for _ in range(rounds):
        block_id, first = task_block.id, task_block.start
        figures["edit"].append(step(move(block_id), block_id, first + QUARTER_HOUR))
        figures["note"].append(note_read())
        figures["undo"].append(step(undo, block_id, first))
        figures["note"].append(note_read())
        figures["redo"].append(step(redo, block_id, first + QUARTER_HOUR))
        figures["note"].append(note_read())
        step(undo, block_id, first)  # the data as it was found (not counted)
        note_read()
        block_id, first = plain_block.id, plain_block.start
        figures["plain_edit"].append(step(move(block_id), block_id, first + QUARTER_HOUR))
        note_read()
        step(undo, block_id, first)
        note_read()
        block_id, first = crowding_block.id, crowding_block.start
        figures["overlap_edit"].append(step(move(block_id), block_id, first + QUARTER_HOUR))
        note_read()
        step(undo, block_id, first)
        note_read()
    store.close()
    scratch.cleanup()
    return figures


# -- one size --------------------------------------------------------------------------
def edit_turns(
    folders: dict[int, Path], runs: int, turns: int
) -> dict[int, dict[str, list[float]]]:
    """Each size's edit figures (`runs` rounds in a window of its own, see edit_figures),
    the sizes taking turns `turns` times, so that a slower moment of the machine falls
    on all of them alike rather than on one size's whole run: their ratios are the
    targets."""
    offscreen = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    this = [sys.executable, str(Path(__file__).resolve())]
    pooled: dict[int, dict[str, list[float]]] = {n: {} for n in folders}
    for _ in range(turns):
        for n, folder in folders.items():
            ran = run_child([*this, "--edits-of", str(folder), "--runs", str(runs)], offscreen)
            for name, values in json.loads(ran.out).items():
                pooled[n].setdefault(name, []).extend(values)
    return pooled


def measure(folder: Path, edits: dict[str, list[float]], runs: int, io_runs: int) -> dict[str, Any]:
    """Every figure of one data set (times in ms unless named _s, memory in MiB), with
    its edit figures as edit_turns found them."""
    offscreen = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    app = [*launcher(), "--data-dir", str(folder), "--smoke-test"]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    summary = [*launcher(), "--data-dir", str(folder), "summary"]
    run_child(app, offscreen), run_child(bare, offscreen), run_child(summary, offscreen)  # warm
    apps, bares, summaries = [], [], []
    for _ in range(runs):  # in turns, so the machine's moods fall on all three alike
        apps.append(run_child(app, offscreen))
        bares.append(run_child(bare, offscreen))
        summaries.append(run_child(summary, offscreen))

    def figure(ran: Ran, name: str) -> float:
        found = {key: float(ms) for key, ms in FIGURES.findall(ran.out)}
        return found[name]

    start_ms = statistics.median(r.seconds * 1000 for r in apps)
    ready_ms = statistics.median(figure(r, "ready for edits") for r in apps)
    bare_ms = statistics.median(r.seconds * 1000 for r in bares)
    bare_paint_ms = statistics.median(figure(r, "first paint") for r in bares)
    summary_ms = statistics.median(r.seconds * 1000 for r in summaries)

    exports, imports = [], []
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        exported = Path(scratch) / "export.json"
        for n in range(io_runs):
            exported.unlink(missing_ok=True)
            exports.append(
                run_child([*launcher(), "--data-dir", str(folder), "export", "-o", str(exported)])
            )
            fresh = Path(scratch) / f"fresh-{n}"
            imports.append(
                run_child([*launcher(), "--data-dir", str(fresh), "import", str(exported)])
            )
            shutil.rmtree(fresh)
        export_mb = exported.stat().st_size / 1e6

    return {
        "edit": statistics.median(edits["edit"]),
        "undo": statistics.median(edits["undo"]),
        "redo": statistics.median(edits["redo"]),
        "note": statistics.median(edits["note"]),
        "plain_edit": statistics.median(edits["plain_edit"]),
        "overlap_edit": statistics.median(edits["overlap_edit"]),
        "start": start_ms,
        "ready": ready_ms,
        "bare": bare_ms,
        "bare_paint": bare_paint_ms,
        "summary": summary_ms,
        "start_x": start_ms / bare_ms,
        "ready_x": ready_ms / bare_paint_ms,
        "summary_x": summary_ms / bare_ms,
        "import_s": statistics.median(r.seconds for r in imports),
        "import_peak_mib": max(r.peak_mib for r in imports),
        "export_s": statistics.median(r.seconds for r in exports),
        "export_peak_mib": max(r.peak_mib for r in exports),
        "export_mb": export_mb,
    }


# -- the report ------------------------------------------------------------------------
HEADER = (
    "years   blocks   tasks | edit  undo  redo  note plain overlap ms | start-up    ready       "
    "summary    bare/paint ms | import s  peak MiB | export s  peak MiB    MB"
)


def row(years: int, f: dict[str, Any]) -> str:
    return (
        f"{years:5} {f['blocks']:8,} {f['tasks']:7,} | {f['edit']:4.0f}  {f['undo']:4.0f}  "
        f"{f['redo']:4.0f}  {f['note']:4.0f}  {f['plain_edit']:4.0f}  "
        f"{f['overlap_edit']:6.0f}    | "
        f"{f['start']:5.0f} {f['start_x']:4.1f}x "
        f"{f['ready']:5.0f} {f['ready_x']:4.1f}x {f['summary']:5.0f} {f['summary_x']:4.1f}x "
        f"{f['bare']:5.0f}/{f['bare_paint']:4.0f}    | {f['import_s']:8.1f}  "
        f"{f['import_peak_mib']:8.0f} | {f['export_s']:8.1f}  {f['export_peak_mib']:8.0f} "
        f"{f['export_mb']:5.0f}"
    )


def ratios(sizes: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Issue 17's ratios: each for its own pair of sizes if both were run (with a
    verdict), else for the largest and smallest run (marked, no verdict)."""
    found: list[dict[str, Any]] = []
    for name, key, large, small, target in SCALING_TARGETS:
        exact = large in sizes and small in sizes
        if not exact:
            large, small = max(sizes), min(sizes)
            if large == small:
                continue
        value = sizes[large][key] / sizes[small][key]
        found.append(
            {"ratio": f"{name} {large} y ÷ {small} y", "value": value, "target": target}
            | ({"met": value <= target} if exact else {})
        )
    if AT_YEARS in sizes:
        for name, key, target in BARE_TARGETS:
            value = sizes[AT_YEARS][key]
            found.append(
                {"ratio": f"{name} at {AT_YEARS} y", "value": value, "target": target}
                | {"met": value <= target}
            )
    return found


def ratio_line(r: dict[str, Any]) -> str:
    if "met" in r:
        verdict = f"target ≤{r['target']}: {'met' if r['met'] else 'MISSED'}"
    else:
        verdict = "(the target is for another pair of sizes)"
    return f"{r['ratio'] + ':':<46} {r['value']:5.2f}x  {verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--years", default="1,5,20,50", help="sizes, as 1,5,20,50")
    parser.add_argument("--runs", type=int, default=9, help="edit rounds and start-up turns")
    parser.add_argument(
        "--edit-turns", type=int, default=3, help="times the sizes take turns at editing"
    )
    parser.add_argument("--io-runs", type=int, default=3, help="imports and exports a size")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "tradesman-scaling",
        help="where the data sets are made and kept",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--edits-of", type=Path, help=argparse.SUPPRESS)  # (the child's work)
    args = parser.parse_args(argv)
    if args.edits_of is not None:
        print(json.dumps(edit_figures(args.edits_of, args.runs)))
        return 0
    years = sorted({int(y) for y in args.years.split(",") if y.strip()})
    if not years or min(years) < 1 or min(args.runs, args.io_runs, args.edit_turns) < 1:
        parser.error("--years, --runs, --edit-turns and --io-runs need whole numbers from 1 up")

    # Compiled to bytecode first, as installing a wheel does (see startup.py).
    import tradesman

    compileall.compile_dir(Path(tradesman.__file__).parent, quiet=1)
    args.cache.mkdir(parents=True, exist_ok=True)
    sizes: dict[int, dict[str, Any]] = {}
    folders: dict[int, Path] = {}
    for n in years:
        folders[n], made_in = data_set(args.cache, n)
        blocks, tasks = counts(folders[n])
        if not args.json:
            how = "reused" if made_in is None else f"made in {made_in:.1f} s"
            print(f"{n} years: {blocks:,} blocks, {tasks:,} tasks ({how}: {folders[n]})")
        sizes[n] = {"blocks": blocks, "tasks": tasks, "made_s": made_in}
    edits = edit_turns(folders, args.runs, args.edit_turns)
    for n in years:
        sizes[n] |= measure(folders[n], edits[n], args.runs, args.io_runs)
    found = ratios(sizes)
    if args.json:
        document = {
            "runs": args.runs,
            "edit_turns": args.edit_turns,
            "io_runs": args.io_runs,
            "sizes": sizes,
            "ratios": found,
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print()
    print(HEADER)
    for n in years:
        print(row(n, sizes[n]))
    print(
        f"\n(ms: medians; edits of {args.runs * args.edit_turns} each ({args.runs} rounds in "
        f"each of {args.edit_turns} turns of the sizes), the note of three times as many; "
        f"start-up, ready and summary of {args.runs} whole processes, start-up and summary "
        "x the bare window's whole process, ready x the bare window's first paint; import "
        f"and export of {args.io_runs}, peak RSS the largest)\n"
    )
    for r in found:
        print(ratio_line(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
