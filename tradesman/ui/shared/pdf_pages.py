"""A PDF's pages as pictures, for the preview and for the printer.

PDFium (through pypdfium2) draws the very PDF that would be saved, so the preview, the
printed sheet and the saved file are one layout. The pictures are QImages, which may
be made on a worker thread; pypdfium2 is loaded the first time a preview is made.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72
# PDFium is not thread-safe, not even across documents: the preview draws on a worker
# thread and printing on the UI thread, so every use of it takes this lock.
_PDFIUM = threading.Lock()


def page_images(data: bytes, dots_per_inch: float) -> list[QImage]:
    """Every page of the PDF `data` drawn at `dots_per_inch`, white behind."""
    return list(_pages(data, dots_per_inch))


def _pages(data: bytes, dots_per_inch: float) -> Iterator[QImage]:
    """The pages one by one (only one page's pixels in memory at a time)."""
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(data)
        count = len(document)
    try:
        for index in range(count):
            with _PDFIUM:
                image = _draw(document[index], dots_per_inch)
            yield image
    finally:
        with _PDFIUM:
            document.close()


def _draw(page: object, dots_per_inch: float) -> QImage:
    bitmap = page.render(  # type: ignore[attr-defined]
        scale=dots_per_inch / POINTS_PER_INCH, prefer_bgrx=True, fill_color=(255, 255, 255, 255)
    )
    # BGRx bytes are what QImage calls RGB32 on little- and big-endian machines alike
    # (it reads 32-bit words); copy() so the image owns its pixels once PDFium's go.
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
    ).copy()
    page.close()  # type: ignore[attr-defined]
    return image


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of `data` on `printer`, each page fitted to the paper (keeping
    its proportions, centred), drawn one page at a time. Returns the pages printed."""
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if _landscape(data) else QPageLayout.Orientation.Portrait
    )
    dots = max(150, min(printer.resolution(), 300))  # sharp enough; big pages stay quick
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    printed = 0
    try:
        area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        area.moveTo(0, 0)
        for image in _pages(data, dots):
            if printed:
                printer.newPage()
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                area.x() + (area.width() - width) / 2,
                area.y() + (area.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def _landscape(data: bytes) -> bool:
    """Whether the PDF's first page is wider than tall (the printed week is)."""
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            width, height = document[0].get_size()
            return bool(width > height)
        finally:
            document.close()
