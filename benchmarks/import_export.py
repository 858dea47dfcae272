"""Time `tradesman export` and `tradesman import` on data sets, with each one's peak memory.

    python benchmarks/generate.py --years 5 --data-dir /tmp/five
    python benchmarks/generate.py --years 50 --data-dir /tmp/fifty
    python benchmarks/import_export.py /tmp/five /tmp/fifty --work /tmp/io

Each command runs as its own child process, as the owner would run it, and its peak
memory is that child's own (`os.wait4`'s ru_maxrss), not the largest of all children.
The export of each data folder is then imported into a fresh folder. With --source
(a folder holding another checkout's `tradesman` package) the same commands run that
code too, in the same run, so the two can be compared side by side on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


def run(command: list[str], source: Path | None, folder: Path) -> Run:
    """Run one command in `folder` to its end: its wall time and its own peak memory.

    (Not in this checkout's folder: `python -m` puts the current folder first on the
    path, before --source.)"""
    env = dict(os.environ)
    if source is not None:  # (before the installed package on the path)
        env["PYTHONPATH"] = str(source)
    began = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read() if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors}")
    return Run(took, usage.ru_maxrss / 1024)  # KiB on Linux


def measure(data: Path, work: Path, label: str, source: Path | None) -> tuple[Run, Run]:
    """Export `data`, then import that export into a fresh folder."""
    tradesman = [sys.executable, "-m", "tradesman"]
    exported = work / f"{data.name}-{label}.json"
    export = run([*tradesman, "--data-dir", str(data), "export", "-o", str(exported)], source, work)
    fresh = work / f"{data.name}-{label}-imported"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    do_import = run([*tradesman, "--data-dir", str(fresh), "import", str(exported)], source, work)
    return export, do_import


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", nargs="+", type=Path, help="data folders (benchmarks/generate.py)")
    parser.add_argument("--work", type=Path, required=True, help="a folder for the exports")
    parser.add_argument(
        "--source", type=Path, help="also run the `tradesman` package in this folder, to compare"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the fastest is kept")
    args = parser.parse_args()
    args.work = args.work.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    args.data = [data.resolve() for data in args.data]
    codes: list[tuple[str, Path | None]] = [("this", None)]
    if args.source is not None:
        codes.insert(0, ("other", args.source.resolve()))
    print(f"{'data':<12}{'code':<7}{'export s':>10}{'export MiB':>12}{'import s':>10}"
          f"{'import MiB':>12}{'file MB':>9}")  # fmt: skip
    for data in args.data:
        for label, source in codes:
            runs = [measure(data, args.work, label, source) for _ in range(args.repeat)]
            export = min((one for one, _ in runs), key=lambda r: r.seconds)
            do_import = min((two for _, two in runs), key=lambda r: r.seconds)
            size = (args.work / f"{data.name}-{label}.json").stat().st_size / 1e6
            print(
                f"{data.name:<12}{label:<7}{export.seconds:>10.2f}{export.peak_mib:>12.0f}"
                f"{do_import.seconds:>10.2f}{do_import.peak_mib:>12.0f}{size:>9.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
