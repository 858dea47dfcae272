"""File → Print week… and Export plan as PDF…: a preview first, then save or print.

The paper size starts from the owner's country (Letter in the US, Canada, Mexico…,
else A4) and the last choice is remembered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QWidget

from tradesman.domain.weeks import Week
from tradesman.reports.paper import Paper, paper_for_territory
from tradesman.ui.shared.folders import LastFolder
from tradesman.ui.shared.operations import Operations
from tradesman.ui.shared.pdf_preview import PdfPreview


def locale_paper() -> Paper:
    """The paper the system's locale uses."""
    name = QLocale.system().name()  # "en_US"
    return paper_for_territory(name.split("_")[1] if "_" in name else None)


class PrintActions:
    def __init__(
        self,
        ops: Operations,
        window: QWidget,
        folders: LastFolder,
        state: QSettings,
        report: Callable[[str], None],
    ) -> None:
        self.ops = ops
        self.window = window
        self.folders = folders
        self.state = state
        self.report = report
        self.preview: PdfPreview | None = None  # the one open (tests look at it)

    def preview_week(self, week: Week) -> PdfPreview:
        ops = self.ops
        # The week's repeating blocks first, in a step of their own (a PDF only reads):
        # the week printed may not be the one on screen (Review the week prints the next).
        ops.make_series_for(week)
        return self._open(
            f"Print {week.label}",
            lambda paper: ops.week_pdf(week, paper),
            f"week-{week.iso_name}.pdf",
            focus_print=True,
        )

    def preview_plan(self) -> PdfPreview:
        return self._open(
            "Your doer-to-marketer plan",
            self.ops.plan_pdf,
            f"plan-{self.ops.today().isoformat()}.pdf",
            focus_print=False,
        )

    def _open(
        self, title: str, make: Callable[[Paper], bytes], file_name: str, focus_print: bool
    ) -> PdfPreview:
        if self.preview is not None:
            self.preview.close()
        preview = PdfPreview(
            self.window, title, make, file_name, self.folders, self.state, locale_paper(),
            self.report, self.ops.own_files,
        )  # fmt: skip
        (preview.print_button if focus_print else preview.save_button).setDefault(True)
        preview.finished.connect(lambda _: self._closed(preview))
        preview.open()
        self.preview = preview
        return preview

    def _closed(self, preview: PdfPreview) -> None:
        if self.preview is preview:
            self.preview = None
        preview.deleteLater()
