"""The plan's "Where the work comes from" (issue 15): which engine holds the business
back and the one thing to do about it, the figures in sentences, and the table of
sources: what each brought in against the owner's marketing hours and money. With no
enquiry logged yet, a short page on how to start instead of an empty table.

The sentences and the table's cells are domain/engine_words.py's, the same words as in
the window and on the command line; only their arrangement on paper is made here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from tradesman.area_colours import AREA_HEX
from tradesman.domain import engine_words as words
from tradesman.domain.areas import Area
from tradesman.domain.engine_verdict import ENGINE_WORDS, Engine, Verdict, verdict_notes
from tradesman.domain.money import format_amount, format_money
from tradesman.reports.fonts import BOLD, REGULAR
from tradesman.reports.paper import SHADE, SOFT_INK, styles
from tradesman.reports.plan_tables import table_of
from tradesman.reports.sheets import PlanSheet, WorkInSheet
from tradesman.reports.text import escape

HEADING = "Where the work comes from"
# The stuck engine's bar takes its area's colour; "not enough data" and "nothing
# stuck" name no engine, and take the soft ink.
_ENGINE_AREA = {
    Engine.MARKETING: Area.MARKETING,
    Engine.SALES: Area.SALES,
    Engine.PRODUCTION: Area.PRODUCTION,
}
# The column of short labels ("Coming in", "Money") each sentence stands beside.
LABEL_WIDTH = 78.0
# The table's sizes, largest first: the first that fits every figure whole is taken
# (a figure is never cut; a name wraps instead).
TABLE_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5)
NAME_ROOM = 92.0  # the least width the source's name keeps (it wraps in it)
CELL_PADDING = 6.0  # table_of's padding, both sides of a cell together


def where_the_work_comes_from(sheet: PlanSheet, width: float) -> list[Flowable]:
    """The page: the engines of the last weeks, or how to start when nothing is logged."""
    if sheet.where_work_comes_from is None:
        return how_to_start()
    return _the_engines(sheet.where_work_comes_from, width)


def how_to_start() -> list[Flowable]:
    """No enquiry logged yet: what to do so the page fills, in three habits."""
    style = styles()
    steps = (
        "Log every enquiry as it comes in: press Ctrl+L on any page, and say where they "
        "heard of you (a past customer, the van, Google, a flyer).",
        "When you put marketing time on the week, pick the source it works for under "
        "Works for, and mark the block done when it is: its hours then count for that "
        "source.",
        "On the Work page, move each enquiry on as it goes: quoted, won or lost. Add what "
        "you spend on marketing there too.",
    )
    return [
        Paragraph(HEADING, style["h1"]),
        Paragraph(
            "No enquiries are logged yet, so there is nothing to count here. Three habits "
            "fill this page:",
            style["body"],
        ),
        *(Paragraph(escape(step), style["bullet"], bulletText="•") for step in steps),
        Spacer(0, 4),
        Paragraph(
            "After a few weeks it shows where your work comes from, what your marketing "
            "hours bring in, and which engine holds the business back: marketing, sales or "
            "production.",
            style["body"],
        ),
    ]


def _the_engines(work_in: WorkInSheet, width: float) -> list[Flowable]:
    style = styles()
    report = work_in.report
    figures = report.figures

    def money(minor: int) -> str:
        return format_money(minor, work_in.currency, work_in.decimal_mark)

    story: list[Flowable] = [
        Paragraph(HEADING, style["h1"]),
        Paragraph(
            escape(
                f"{words.period_words(figures)}: where enquiries came from, what became of "
                "them, and what your marketing hours and money brought in."
            ),
            style["body"],
        ),
        Spacer(0, 2),
        verdict_box(report.verdict, width, verdict_notes(report)),
        Spacer(0, 6),
    ]
    said = [
        ("Coming in", f"{words.flow_words(figures)} {words.needed_words(figures)}"),
        ("Word of mouth", words.word_of_mouth_words(figures)),
        ("Asking", words.asks_words(figures)),
        ("Quotes", words.quotes_words(figures, money)),
        ("Money", words.money_words(figures, money)),
        ("Booked ahead", words.backlog_words(figures)),
    ]
    story.append(_sentences(said, width))
    story.append(
        Paragraph(escape(f"Source by source · amounts in {work_in.currency}"), style["h2"])
    )

    def amount(minor: int) -> str:
        return format_amount(minor, work_in.decimal_mark)

    rows = [words.source_cells(row, amount, short=True) for row in report.sources]
    if not rows:
        story += [
            Paragraph(escape(words.NO_SOURCES), style["body"]),
            Paragraph(escape(words.ATTRIBUTION), style["soft"]),
        ]
        return story
    story += [
        source_table(rows, width),
        Spacer(0, 3),
        Paragraph(escape(f"{words.ATTRIBUTION} {words.TABLE_KEY}"), style["soft"]),
    ]
    return story


def verdict_box(verdict: Verdict, width: float, notes: Sequence[str] = ()) -> Flowable:
    """The stuck engine in large type, its reason in numbers and the next step, on a
    shaded panel with the engine's colour down its side."""
    style = styles()
    area = _ENGINE_AREA.get(verdict.engine)
    colour = AREA_HEX[area] if area is not None else SOFT_INK
    big = ParagraphStyle("verdict", parent=style["h2"], fontSize=15, leading=19, spaceBefore=0)
    inside: list[Flowable] = [
        Paragraph(escape(ENGINE_WORDS[verdict.engine]), big),
        Paragraph(escape(verdict.reason), style["body"]),
        Paragraph(f"<b>Next step:</b> {escape(verdict.next_step)}", style["body"]),
    ]
    inside += [Paragraph(escape(note), style["soft"]) for note in notes]
    box = Table([[inside]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # (else reportlab names Helvetica)
                ("BACKGROUND", (0, 0), (-1, -1), HexColor(SHADE)),
                ("LINEBEFORE", (0, 0), (0, -1), 4, HexColor(colour)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def _sentences(said: Sequence[tuple[str, str]], width: float) -> Table:
    style = styles()
    label_style = ParagraphStyle("label", parent=style["h3"], spaceBefore=0, spaceAfter=0)
    sentence_style = ParagraphStyle("sentence", parent=style["body"], spaceAfter=0)
    rows = [
        [Paragraph(escape(label), label_style), Paragraph(escape(sentence), sentence_style)]
        for label, sentence in said
    ]
    table = Table(rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def source_table(rows: Sequence[Sequence[str]], width: float) -> Table:
    """The sources, a row each under words.SOURCE_HEADINGS, every column on the page:
    the figures' columns as wide as their widest figure, the name taking the rest."""
    size, widths = fit_columns(rows, width)
    leading = size + 2
    name = ParagraphStyle("source", fontName=REGULAR, fontSize=size, leading=leading)
    figure = ParagraphStyle("figure", parent=name, alignment=TA_RIGHT)
    soft = ParagraphStyle("too_few", parent=figure, textColor=HexColor(SOFT_INK))
    head = ParagraphStyle("source_head", parent=name, fontName=BOLD)
    head_right = ParagraphStyle("figure_head", parent=head, alignment=TA_RIGHT)

    def figure_cell(text: str) -> Paragraph:
        return Paragraph(escape(text), soft if text == words.TOO_FEW_SHORT else figure)

    table_rows: list[list[Any]] = [
        [Paragraph(escape(words.SOURCE_HEADINGS[0]), head)]
        + [Paragraph(escape(heading), head_right) for heading in words.SOURCE_HEADINGS[1:]]
    ]
    for cells in rows:
        first, *rest = cells
        table_rows.append([Paragraph(escape(first), name), *map(figure_cell, rest)])
    table = table_of(table_rows, widths, header=True, zebra=True)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "BOTTOM")]))
    return table


def fit_columns(rows: Sequence[Sequence[str]], width: float) -> tuple[float, list[float]]:
    """The font size and column widths of the table of sources within `width`.

    At the largest size that leaves the name NAME_ROOM, each column of figures is as
    wide as its widest figure or heading word; the name takes what its longest needs
    of the rest (it wraps beyond that), and what is left is shared among the figures."""
    names, *columns = list(zip(*[words.SOURCE_HEADINGS, *rows], strict=True))
    for size in TABLE_SIZES:
        needs = [_column_need(column, size) for column in columns]
        left = width - sum(needs)
        if left >= NAME_ROOM or size == TABLE_SIZES[-1]:
            break
    longest = max(stringWidth(name, REGULAR, size) for name in names) + CELL_PADDING + 0.5
    name = max(min(left, longest), min(left, NAME_ROOM), 0.0)
    spare = (left - name) / len(needs)
    return size, [name, *(need + spare for need in needs)]


def _column_need(column: Sequence[str], size: float) -> float:
    """The width a column of figures needs: its heading may wrap at its words, a figure
    never breaks."""
    heading, *figures = column
    need = max(stringWidth(word, BOLD, size) for word in heading.split())
    need = max(need, *(stringWidth(text, REGULAR, size) for text in figures))
    return need + CELL_PADDING + 0.5  # (and a hair, so rounding never wraps a figure)
