"""The preview of a PDF before it is saved or printed: its pages as they will come out,
the paper size (remembered), and Save as PDF… / Print….

The PDF is made and drawn on a worker thread, so the window never stalls; changing
the paper makes it again. What is saved or printed is exactly what is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tradesman.errors import UserError
from tradesman.files import OwnFiles, output_for, save_output
from tradesman.reports.paper import Paper
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_in_background
from tradesman.ui.shared.folders import LastFolder
from tradesman.words import count_of

PREVIEW_DPI = 110  # sharp on a normal screen at the widths a preview is shown
PDF_FILTER = "PDF (*.pdf);;All files (*)"
PAPER_KEY = "print/paper"

MakePdf = Callable[[Paper], bytes]


class PdfPreview(QDialog):
    """`make(paper)` returns the PDF's bytes; it runs on a worker thread."""

    saved = Signal(object)  # Path
    printed = Signal(int)  # pages

    def __init__(
        self,
        parent: QWidget,
        title: str,
        make: MakePdf,
        file_name: str,
        folders: LastFolder,
        state: QSettings,
        default_paper: Paper,
        report: Callable[[str], None],
        own_files: OwnFiles,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._make = make
        self._file_name = file_name
        self._folders = folders
        self._own_files = own_files
        self._state = state
        self._report = report
        self.pdf: bytes | None = None
        self._images: list[QImage] = []
        self._busy: object = None
        self._again = False  # the paper changed while a PDF was being made

        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        saved_paper = str(state.value(PAPER_KEY, default_paper.value))
        self.paper.setCurrentIndex(max(0, self.paper.findData(saved_paper)))
        self.paper.currentIndexChanged.connect(self._paper_changed)
        paper_label = QLabel("&Paper")
        paper_label.setBuddy(self.paper)
        self.status = QLabel()
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton("P&rint…")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_pages)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        for widget in (paper_label, self.paper, self.status):
            top.addWidget(widget)
        top.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            top.addWidget(button)

        self.pages = QWidget()
        self._column = QVBoxLayout(self.pages)
        self._column.setSpacing(16)
        self._column.setContentsMargins(16, 16, 16, 16)
        self.message = QLabel()  # "Making the PDF…", or why it cannot be made
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self.message)
        self._column.addStretch(1)
        self.sheets = QScrollArea()
        self.sheets.setWidgetResizable(True)
        self.sheets.setWidget(self.pages)
        self.sheets.setBackgroundRole(QPalette.ColorRole.Dark)  # pages stand out as sheets
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sheets, 1)
        self.resize(900, 700)
        self.refresh()

    @property
    def chosen_paper(self) -> Paper:
        return Paper(str(self.paper.currentData()))

    # -- making -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Make the PDF (again) for the chosen paper, and show its pages when done."""
        if self._busy is not None:
            self._again = True
            return
        self.pdf = None
        self._show_message("Making the PDF…")
        self._set_ready(False)
        paper, make = self.chosen_paper, self._make

        def work() -> tuple[bytes, list[QImage]]:
            from tradesman.ui.shared.pdf_pages import page_images

            data = make(paper)
            return data, page_images(data, PREVIEW_DPI)

        self._busy = run_in_background(self, work, self._made, self._failed)

    def _made(self, result: tuple[bytes, list[QImage]]) -> None:
        self._busy = None
        if self._again:
            self._again = False
            self.refresh()
            return
        self.pdf, self._images = result
        self.message.hide()
        self._clear_pages()
        for _ in self._images:
            page = QLabel()
            page.setFrameShape(QFrame.Shape.Box)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._column.insertWidget(self._column.count() - 1, page)
        self._fit_pages()
        self.status.setText(f"{count_of(len(self._images), 'page')} · {self.chosen_paper.label}")
        self._set_ready(True)

    def _failed(self, message: str) -> None:
        self._busy = None
        self._again = False
        self._show_message(message)
        self.status.setText("")

    def _show_message(self, text: str) -> None:
        self._clear_pages()
        self.message.setText(text)
        self.message.show()

    def _clear_pages(self) -> None:
        while self._column.count() > 2:  # the message and the stretch stay
            item = self._column.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fit_pages(self) -> None:
        """Each page as wide as the view allows (never blown up past its drawn size)."""
        width = self.sheets.viewport().width() - 2 * 16 - 4
        for number, image in enumerate(self._images):
            item = self._column.itemAt(number + 1)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                continue
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > width > 0:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._images and self.pdf is not None:
            self._fit_pages()

    def _paper_changed(self) -> None:
        self._state.setValue(PAPER_KEY, self.chosen_paper.value)
        self.refresh()

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # -- saving and printing --------------------------------------------------------------
    def save(self) -> None:
        if self.pdf is None:
            return
        suggested = self._folders.get() / self._file_name
        path = prompts.choose_file_to_save(self, "Save as PDF", suggested, PDF_FILTER, suffix="pdf")
        if path is None:
            return
        try:
            output = output_for(
                path, self._own_files, streams=False
            )  # (the data file is refused here)
            self._folders.remember(path)
            save_output(output, self.pdf)
        except UserError as exc:
            prompts.warn(self, "Could not save the PDF", exc.message)
            return
        self._report(f"Saved {Path(path).name}.")
        self.saved.emit(path)

    def print_pages(self) -> None:
        if self.pdf is None:
            return
        from tradesman.ui.shared.pdf_pages import print_pdf

        printer = prompts.choose_printer(self, self.chosen_paper)
        if printer is None:
            return
        try:
            pages = print_pdf(self.pdf, printer)
        except OSError as exc:
            prompts.warn(self, "Could not print", f"Printing did not start: {exc}.")
            return
        self._report(f"Sent {count_of(pages, 'page')} to the printer.")
        self.printed.emit(pages)
