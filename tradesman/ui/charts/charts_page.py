"""The Charts page: the week by day, the week's split and the trend of the business share,
for the week the Week page shows; with Copy and Save as PNG for all three at once. A
second tab, Work coming in, shows what the business hours bring in (work_tab.py).

The page only draws: it asks `read` for plain data (from services/allocation.py via
the window's Operations) each time the week or the data changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.allocation import TREND_LENGTHS, WeekCharts
from tradesman.domain.weeks import Week
from tradesman.errors import UserError
from tradesman.files import OwnFiles, output_for, save_output
from tradesman.ui.charts.chart_base import EXPORT_SCALE, Chart
from tradesman.ui.charts.chart_day_bars import BarsShow, DayBarsChart
from tradesman.ui.charts.chart_split import SplitChart
from tradesman.ui.charts.chart_trend import TrendChart
from tradesman.ui.charts.work_tab import WorkScreen, WorkTab
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_with_progress
from tradesman.ui.shared.folders import LastFolder

PNG_FILTER = "PNG picture (*.png);;All files (*)"
TAB_KEY = "charts/tab"  # the tab last shown, kept for the next start


class ChartsPage(QWidget):
    plan_asked = Signal()  # the work tab's link to the hand-off list

    def __init__(
        self,
        read: Callable[[Week, int], WeekCharts],
        folders: LastFolder,
        state: QSettings,
        report: Callable[[str], None],
        own_files: OwnFiles,
        read_work: Callable[[int], WorkScreen] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._read_work = read_work
        self._folders = folders
        self._own_files = own_files  # never saved over: the data file, its backups…
        self._state = state
        self._report = report
        self._week: Week | None = None
        self._busy: object = None  # a picture being saved, kept until it reports
        self._heading = ""

        self.bars_choice = QComboBox()
        for mode in BarsShow:
            self.bars_choice.addItem(mode.label, mode.value)
        self.weeks_choice = QComboBox()
        for count in TREND_LENGTHS:
            self.weeks_choice.addItem(f"Last {count} weeks", count)
        self._restore_choices()
        self.bars_choice.setToolTip("Which bars each day shows")
        self.weeks_choice.setToolTip("How many weeks the trend looks back over")
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setToolTip("Copy the three charts as one picture (Ctrl+C)")
        self.save_button = QPushButton("&Save as PNG…")
        self.save_button.setToolTip("Save the three charts as one picture (Ctrl+Shift+S)")
        controls = QHBoxLayout()
        controls.addWidget(_buddy("&Bars show:", self.bars_choice))
        controls.addWidget(self.bars_choice)
        controls.addSpacing(18)
        controls.addWidget(_buddy("Trend &length:", self.weeks_choice))
        controls.addWidget(self.weeks_choice)
        controls.addStretch(1)
        controls.addWidget(self.copy_button)
        controls.addWidget(self.save_button)

        self.by_day = DayBarsChart()
        self.split = SplitChart()
        self.trend = TrendChart()
        self.charts_area = QWidget()
        grid = QGridLayout(self.charts_area)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        grid.addWidget(self.by_day, 0, 0)
        grid.addWidget(self.split, 0, 1)
        grid.addWidget(self.trend, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        time_tab = QWidget()
        time_layout = QVBoxLayout(time_tab)
        time_layout.setContentsMargins(0, 8, 0, 0)
        time_layout.setSpacing(10)
        time_layout.addLayout(controls)
        time_layout.addWidget(self.charts_area, 1)
        # The work tab is made when first shown: its figures read years of enquiries.
        self.work_tab: WorkTab | None = None
        self._work_holder = QWidget()
        QVBoxLayout(self._work_holder).setContentsMargins(0, 8, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(time_tab, "Where the time &goes")
        self.tabs.addTab(self._work_holder, "Work coming &in")
        self.tabs.setTabToolTip(1, "What your business hours bring in, and which engine is stuck")
        if read_work is None:
            self.tabs.setTabVisible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 12)
        layout.addWidget(self.tabs, 1)

        self.by_day.set_show(BarsShow(self.bars_choice.currentData()))
        self.bars_choice.currentIndexChanged.connect(self._bars_chosen)
        self.weeks_choice.currentIndexChanged.connect(self._weeks_chosen)
        self.copy_button.clicked.connect(self.copy_image)
        self.save_button.clicked.connect(self.save_image)
        for chart in self.charts:
            chart.save_requested.connect(self._save_chart)
            chart.copied.connect(report)
        if _int(state.value(TAB_KEY, 0)) == 1 and read_work is not None:
            self.tabs.setCurrentIndex(1)
        self.tabs.currentChanged.connect(self._tab_chosen)

    @property
    def charts(self) -> tuple[Chart, ...]:
        return (self.by_day, self.split, self.trend)

    @property
    def trend_weeks(self) -> int:
        return int(self.weeks_choice.currentData())

    # -- showing ----------------------------------------------------------------------
    def show_week(self, week: Week, heading: str) -> None:
        """Chart `week` (and the weeks up to it), read afresh."""
        self._week = week
        self._heading = heading
        self.reload()

    def reload(self) -> None:
        if self.tabs.currentIndex() == 1:
            self._made_work_tab().reload()
            return
        if self._week is None:
            return
        data = self._read(self._week, self.trend_weeks)
        self.by_day.show_week(data.by_day, self._heading)
        # The trend ends with this week: in a plan's week the target is the plan's.
        in_plan = data.trend.weeks[-1].in_plan if data.trend.weeks else False
        self.split.show_split(data.by_day.total, data.target, self._heading, in_plan)
        self.trend.show_trend(data.trend)

    def _made_work_tab(self) -> WorkTab:
        if self.work_tab is None:
            assert self._read_work is not None, "the tab is hidden without a way to read it"
            self.work_tab = WorkTab(self._read_work, self._state)
            layout = self._work_holder.layout()
            assert layout is not None
            # On a short window the tab scrolls rather than squeeze its sentences and
            # its table until their last lines are cut off.
            from PySide6.QtWidgets import QFrame, QScrollArea

            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(self.work_tab)
            layout.addWidget(scroller)
            self.work_tab.chart.save_requested.connect(self._save_chart)
            self.work_tab.chart.copied.connect(self._report)
            self.work_tab.plan_asked.connect(self.plan_asked)
        return self.work_tab

    def _tab_chosen(self, index: int) -> None:
        self._state.setValue(TAB_KEY, index)
        self.reload()

    def _bars_chosen(self) -> None:
        mode = BarsShow(self.bars_choice.currentData())
        self._state.setValue("charts/bars", mode.value)
        self.by_day.set_show(mode)

    def _weeks_chosen(self) -> None:
        self._state.setValue("charts/weeks", self.trend_weeks)
        if self._week is not None:
            self.reload()

    def _restore_choices(self) -> None:
        bars = self.bars_choice.findData(str(self._state.value("charts/bars", BarsShow.BOTH)))
        self.bars_choice.setCurrentIndex(max(bars, 0))
        weeks = self.weeks_choice.findData(_int(self._state.value("charts/weeks", 12)))
        self.weeks_choice.setCurrentIndex(max(weeks, 0))

    # -- pictures ---------------------------------------------------------------------
    def image(self, scale: float = EXPORT_SCALE) -> QImage:
        """The three charts as one picture, laid out as on screen, without the controls."""
        area = self.charts_area
        picture = QImage(
            round(area.width() * scale),
            round(area.height() * scale),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        picture.setDevicePixelRatio(scale)
        picture.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(picture)
        for chart in self.charts:
            painter.save()
            painter.translate(QPointF(chart.geometry().topLeft()))
            chart.paint_card(painter, QRectF(0, 0, chart.width(), chart.height()), None)
            painter.restore()
        painter.end()
        return picture

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())
        self._report("The charts are copied: paste them into a message or a document.")

    def save_image(self) -> None:
        self._save(self.image(), "charts")

    def _save_chart(self, chart: Chart) -> None:
        self._save(chart.image(), chart.file_name)

    def _save(self, picture: QImage, name: str) -> None:
        week = f"-{self._week.iso_name}" if self._week is not None else ""
        suggested = self._folders.get() / f"tradesman-{name}{week}.png"
        path = prompts.choose_file_to_save(self, "Save as PNG", suggested, PNG_FILTER, suffix="png")
        if path is None:
            return

        def failed(message: str) -> None:
            self._report(message)
            prompts.warn(self, "Save as PNG", message)

        try:
            output = output_for(path, self._own_files, streams=False)
        except UserError as exc:
            failed(exc.message)
            return
        self._folders.remember(path)

        # Making a PNG of a big window takes a few frames' time: off the UI thread.
        self._busy = run_with_progress(
            self,
            f"Saving {path.name}…",
            lambda: save_output(output, png_bytes(picture)),
            lambda _: self._report(f"Saved the picture to {path}."),
            failed,
        )


def png_bytes(picture: QImage) -> bytes:
    """The picture as PNG file contents (written to disk in one go by the caller)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # (QImageWriter rather than QImage.save: PySide's type hints and its run-time
    # checks disagree on how save() takes the format.)
    if not QImageWriter(buffer, QByteArray(b"png")).write(picture):
        raise UserError("Could not make the picture.")
    return bytes(buffer.data().data())


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0
