"""The small parts the plan's pages are made of: table cells (typed text cut to what a
cell can hold), tables, headings with their area's colour, and boxes to tick by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from tradesman.reports.fonts import REGULAR
from tradesman.reports.paper import INK, RULE, SOFT_INK, styles
from tradesman.reports.text import ELLIPSIS, escape, one_line

CELL_CHARACTERS = 300  # the most of one typed text a table cell shows


class Checkbox(Flowable):
    """An empty box to tick by hand, or a ticked one."""

    def __init__(self, ticked: bool = False) -> None:
        super().__init__()
        self.ticked = ticked
        self.width = self.height = 8.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(HexColor(INK))
        canvas.setLineWidth(0.7)
        canvas.rect(0.5, -1, 7, 7, stroke=1, fill=0)
        if self.ticked:
            canvas.setLineWidth(1.1)
            path = canvas.beginPath()
            path.moveTo(1.8, 2.6)
            path.lineTo(3.6, 0.6)
            path.lineTo(7.4, 6.6)
            canvas.drawPath(path, stroke=1, fill=0)


class _AreaHeading(Flowable):
    """A heading with its area's colour beside it."""

    def __init__(self, text: str, colour: str) -> None:
        super().__init__()
        self.paragraph = Paragraph(escape(text), styles()["h2"])
        self.colour = colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, height = self.paragraph.wrap(available_width - 9, available_height)
        self.height = height
        return available_width, height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(HexColor(self.colour))
        leading = styles()["h2"].leading
        canvas.rect(0, self.height - leading + 1.5, 4, leading - 3, stroke=0, fill=1)
        self.paragraph.drawOn(canvas, 9, 0)


def area_heading(text: str, colour: str) -> Flowable:
    return _AreaHeading(text, colour)


def area_cell(label: str, colour: str) -> Paragraph:
    return Paragraph(
        f'<font color="{colour}">■</font> {escape(label)}',
        styles()["cell"],
    )


def cell(text: str, style: str = "cell", soft: bool = False) -> Paragraph:
    markup = escape(text)
    if soft:
        markup = f'<font color="{SOFT_INK}">{markup}</font>'
    return Paragraph(markup, styles()[style])


def table_of(
    rows: Sequence[list[Any]],
    widths: Sequence[float | None],
    header: bool = False,
    zebra: bool = False,
    lines: bool = False,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(INK)),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3.5),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor("#f6f6f3")]))
    if lines:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(RULE)))
    table.setStyle(TableStyle(commands))
    return table


def cut(text: str, characters: int) -> str:
    """Typed text on one line, cut to `characters` with "…" (a cell is not a page)."""
    text = one_line(text)
    if len(text) <= characters:
        return text
    return text[: characters - 1].rstrip() + ELLIPSIS
