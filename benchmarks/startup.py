"""Start-up against a bare Qt window: first paint and data shown, as medians and ratios.

    python benchmarks/startup.py --data-dir /tmp/five-years [--runs 15]

Runs `tradesman --smoke-test` on the data folder and benchmarks/bare_window.py in
turns, each timed from the moment this script starts the process (TRADESMAN_T0), so
Python's own start-up counts for both. The package is compiled to bytecode first, as
installing it does. Targets: first paint within 1.3x of the bare
window, data shown within 3.5x.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGURES = re.compile(r"(first paint|data shown|ready for edits): (\d+) ms")


def timed_run(command: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRADESMAN_T0=repr(time.time()))
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return {name: float(ms) for name, ms in FIGURES.findall(done.stdout)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # The installed `tradesman` script, as a user starts it (beside this Python).
    script = Path(sys.executable).with_name("tradesman")
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "tradesman"]
    app = [*launcher, "--data-dir", str(args.data_dir), "--smoke-test"]
    bare = [sys.executable, str(HERE / "bare_window.py")]

    # Compile the package to bytecode first, as installing a wheel does: without it (and
    # with PYTHONDONTWRITEBYTECODE set) every run would compile our modules afresh.
    import tradesman

    compileall.compile_dir(Path(tradesman.__file__).parent, quiet=1)
    timed_run(app), timed_run(bare)  # warm the disk cache; not counted
    app_runs, bare_runs = [], []
    for _ in range(args.runs):
        app_runs.append(timed_run(app))
        bare_runs.append(timed_run(bare))

    bare_paint = statistics.median(run["first paint"] for run in bare_runs)
    print(f"bare window, first paint:     {bare_paint:6.0f} ms (median of {args.runs})")
    for name, target in (("first paint", 1.3), ("data shown", 3.5), ("ready for edits", None)):
        median = statistics.median(run[name] for run in app_runs)
        ratio = median / bare_paint
        verdict = (
            ""
            if target is None
            else f"  target {target}x: {'met' if ratio <= target else 'MISSED'}"
        )
        print(f"tradesman, {name + ':':<19}{median:6.0f} ms = {ratio:.2f}x bare{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
