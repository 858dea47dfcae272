"""The three engines on a big data set: are the figures and the Charts page quick?

    python benchmarks/engines.py --data-dir /tmp/five-years [--runs 15]

Times, as medians of --runs:
- the engines and the table of sources (`services/engines.read_engines`, one read
  transaction and all the arithmetic, the 26 weeks of the strip included);
- the Charts page's Work coming in tab, from asking for it to its chart painted, in
  the real window (offscreen), the first time and again after a week switch.
Targets (issue 15): the figures under 50 ms over 5 years; the tab under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tradesman.paths import prepare_data_folder
    from tradesman.services.data import Data
    from tradesman.services.engines import read_engines
    from tradesman.services.first_look import first_look
    from tradesman.store.database import open_store
    from tradesman.ui.main_window import MainWindow
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.window.action_table import CHARTS_PAGE, WEEK_PAGE

    paths = prepare_data_folder(args.data_dir)
    store = open_store(paths)
    today = date.today()
    figures = []
    for _ in range(args.runs):
        started = time.perf_counter()
        with store.reading() as session:
            report = read_engines(session, today, "en_GB")
        figures.append((time.perf_counter() - started) * 1000)

    app = QApplication(sys.argv[:1])
    state = QSettings(str(paths.folder / "benchmark-window.ini"), QSettings.Format.IniFormat)
    state.setValue("charts/tab", 1)  # the Work coming in tab, as an owner left it
    look = first_look(paths.database, "en_GB", today)
    window = MainWindow(paths.folder, state, look.settings.week_start)
    window.show_first_look(look)
    window.attach(Operations(Data(store, "en_GB")))
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    def tab_shown() -> float:
        started = time.perf_counter()
        window.show_page(CHARTS_PAGE)
        page = window.desk.charts_page
        assert page is not None
        tab = page.work_tab
        before = 0 if tab is None else tab.chart.paints
        while page.work_tab is None or page.work_tab.chart.paints <= before:
            app.processEvents()
        return (time.perf_counter() - started) * 1000

    first = tab_shown()
    again = []
    for _ in range(args.runs):
        window.show_page(WEEK_PAGE)
        app.processEvents()
        window.acts["previous_week"].trigger()
        app.processEvents()
        again.append(tab_shown())
    window.close()
    store.close()

    weeks = report.figures.period.weeks
    print(f"data: {args.data_dir} ({report.figures.flow.enquiries} enquiries in {weeks} weeks)")
    print(
        f"engines and sources  median {statistics.median(figures):6.1f} ms   "
        f"max {max(figures):6.1f} ms   target 50 ms: "
        f"{'met' if statistics.median(figures) < 50 else 'MISSED'}"
    )
    print(
        f"work tab, first      {first:6.1f} ms;  again median {statistics.median(again):6.1f} ms"
        f"   target 150 ms: {'met' if max(first, statistics.median(again)) < 150 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
