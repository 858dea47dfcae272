"""The two PDFs on years of data: the printed week and the doer-to-marketer plan.

    python benchmarks/pdfs.py --data-dir /tmp/five-years [--runs 10]

Times each PDF from reading the data file to the finished bytes, as the window and
the command line make them (services/pdfs.py), after one PDF has been made: reportlab's
import and the font's loading happen once per run of the app, and are printed apart.
Targets: the week under 0.3 s, the plan under 1.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    from tradesman.domain.weeks import week_containing
    from tradesman.paths import prepare_data_folder
    from tradesman.reports.paper import Paper
    from tradesman.services.pdfs import plan_pdf, week_pdf
    from tradesman.services.settings import load_settings
    from tradesman.store.database import open_store

    store = open_store(prepare_data_folder(args.data_dir))
    today = date.today()
    with store.reading() as session:
        week = week_containing(today, load_settings(session, "en_GB").week_start)
    started = time.perf_counter()
    week_pdf(store, "en_GB", week, Paper.A4, today)
    first = time.perf_counter() - started
    print(f"first PDF of a run (reportlab and the font loaded): {first * 1000:6.0f} ms")

    targets = {"week": 300.0, "plan": 1500.0}
    makers: dict[str, Callable[[], bytes]] = {
        "week": lambda: week_pdf(store, "en_GB", week, Paper.A4, today),
        "plan": lambda: plan_pdf(store, "en_GB", Paper.A4, today),
    }
    for name, make in makers.items():
        times, size = [], 0
        for _ in range(args.runs):
            started = time.perf_counter()
            size = len(make())
            times.append((time.perf_counter() - started) * 1000)
        median, worst = statistics.median(times), max(times)
        verdict = "met" if worst < targets[name] else "MISSED"
        print(
            f"{name} PDF: median {median:6.0f} ms, max {worst:6.0f} ms "
            f"({size / 1024:.0f} KB)  target {targets[name]:.0f} ms: {verdict}"
        )
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
