"""The charts on years of data: the trend's sums, and the Charts page opening.

    python benchmarks/charts.py --data-dir /tmp/five-years

Times the grouped sums behind a 52-week trend (and a week by day) straight against the
data file, target under 50 ms; then opens the real window (offscreen) and times the
Charts page from the key press to all three charts painted by the event loop: the first
time (the page is made then), target under 150 ms, and again later.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed_ms(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, type=Path)
    args = parser.parse_args()

    from tradesman.domain.weeks import week_containing
    from tradesman.paths import prepare_data_folder
    from tradesman.services.allocation import business_trend_over, week_by_day_over
    from tradesman.services.first_look import first_look

    paths = prepare_data_folder(args.data_dir)
    look = first_look(paths.database, "en_GB", date.today())
    week = week_containing(date.today(), look.settings.week_start)
    db = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
    blocks = db.execute("SELECT COUNT(*) FROM block").fetchone()[0]
    trend = timed_ms(lambda: business_trend_over(db, week, 52, 0.4), 30)
    by_day = timed_ms(lambda: week_by_day_over(db, week), 30)
    db.close()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tradesman.services.data import Data
    from tradesman.store.database import open_store
    from tradesman.ui.main_window import MainWindow
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.window.action_table import WEEK_PAGE

    app = QApplication(sys.argv[:1])
    store = open_store(paths)
    state = QSettings(str(paths.folder / "benchmark-window.ini"), QSettings.Format.IniFormat)
    state.setValue("charts/weeks", 52)
    window = MainWindow(paths.folder, state, look.settings.week_start)
    window.show_first_look(look)
    window.attach(Operations(Data(store, "en_GB")))
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    def open_charts() -> float:
        """From Ctrl+3 to the three charts painted by the event loop."""
        window.show_page(WEEK_PAGE)
        app.processEvents()
        page = window.desk.charts_page
        before = [chart.paints for chart in page.charts] if page else [0, 0, 0]
        started = time.perf_counter()
        window.acts["charts_page"].trigger()
        page = window.desk.charts_page
        assert page is not None
        while any(c.paints == b for c, b in zip(page.charts, before, strict=True)):
            app.processEvents()
        return (time.perf_counter() - started) * 1000

    first = open_charts()
    again = [open_charts() for _ in range(10)]
    page = window.desk.charts_page
    assert page is not None and page.trend.trend is not None
    weeks = len(page.trend.trend.weeks)
    store.close()

    def line(name: str, values: list[float]) -> str:
        return f"{name:<34} median {statistics.median(values):6.1f} ms   max {max(values):6.1f} ms"

    print(f"data: {args.data_dir} ({blocks} time blocks); week {week.label}")
    print(line("sums for a 52-week trend", trend))
    print(line("sums for a week by day", by_day))
    print(f"{'Charts page, first time':<34} {first:6.1f} ms (made, read, painted; {weeks} weeks)")
    print(line("Charts page, again", again))
    sums = max(trend)
    print(f"target: 52-week trend sums under 50 ms: {'met' if sums < 50 else 'MISSED'} "
          f"(worst {sums:.1f} ms)")  # fmt: skip
    print(f"target: Charts page opening under 150 ms: {'met' if first < 150 else 'MISSED'} "
          f"(first {first:.1f} ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
