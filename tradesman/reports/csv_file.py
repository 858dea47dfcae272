"""Rows of cells written as a CSV file a spreadsheet opens as the owner expects.

Pure writing over the standard library's `csv`: the rows come from an iterator and go
out one at a time, so fifty years of blocks never sit in memory as one file.

- **Text is never run as a formula.** A spreadsheet treats a cell that starts with
  `=`, `+`, `-` or `@` (or a tab, a carriage return or a line feed, which some strip
  before looking) as a formula: a block called `=HYPERLINK("…")` would become a link,
  and worse is possible (OWASP, "CSV Injection"). Such text is written with a single
  quote in front (`'=HYPERLINK("…")`), the mark spreadsheets read as "this is text";
  the rest of the text is kept exactly. Only text cells are guarded: a number such as
  -3 stays a number.
- **Numbers** can be written with the locale's decimal comma; the cells are then
  separated by semicolons, as spreadsheets set up for such a locale expect (a comma
  would split 8,50 in two).
- **A BOM** at the start (optional) tells Excel the file is UTF-8; without it, Excel
  shows "MÃ¼ller" for "Müller". Other programs do not need it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, TypeAlias

# What a spreadsheet may read as the start of a formula: the four OWASP names, the
# control characters it lists, and their full-width twins (which some spreadsheets
# running in East Asian locales also take for them).
FORMULA_STARTS = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
TEXT_MARK = "'"
BOM = "\ufeff"


@dataclass(frozen=True)
class Number:
    """A number already written with a decimal point ("8.50", "-3"): the decimal mark
    is the file's to choose, and a number is never guarded as a formula."""

    text: str


Cell: TypeAlias = str | int | Number | date | None


@dataclass(frozen=True)
class CsvStyle:
    """How the file is written: a BOM first, and the decimal mark of numbers."""

    bom: bool = False
    decimal_mark: str = "."

    @property
    def delimiter(self) -> str:
        return ";" if self.decimal_mark == "," else ","


def as_text(text: str) -> str:
    """`text` as a cell a spreadsheet shows as it is and never runs as a formula."""
    first = text.lstrip(" ")[:1]
    return TEXT_MARK + text if first and first in FORMULA_STARTS else text


def cell_text(cell: Cell, style: CsvStyle) -> str:
    """One cell as written: text guarded, dates ISO (2026-11-23), numbers in the
    file's decimal mark, nothing as an empty cell."""
    if cell is None:
        return ""
    if isinstance(cell, Number):
        return cell.text.replace(".", style.decimal_mark)
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, int):
        return str(cell)
    return as_text(cell)


def write_csv(
    out: BinaryIO, header: Sequence[str], rows: Iterable[Sequence[Cell]], style: CsvStyle
) -> int:
    """Write the header and every row to `out` as UTF-8 CSV; returns how many rows.

    Each row is written as it comes (through a small text buffer, emptied every few
    hundred rows), so memory stays flat however many rows there are.
    """
    buffer = io.StringIO()
    # "\r\n" ends a row (RFC 4180, and what Excel writes); a line break inside a cell
    # stays as the owner typed it, in quotes.
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n")
    if style.bom:
        buffer.write(BOM)
    writer.writerow([as_text(name) for name in header])
    count = 0
    for row in rows:
        writer.writerow([cell_text(cell, style) for cell in row])
        count += 1
        if count % 500 == 0:
            _flush(buffer, out)
    _flush(buffer, out)
    return count


def _flush(buffer: io.StringIO, out: BinaryIO) -> None:
    out.write(buffer.getvalue().encode("utf-8"))
    buffer.seek(0)
    buffer.truncate()


def fixed(value: float, places: int = 2) -> Number:
    """`value` with `places` decimals: hours to the hundredth, as `summary --json` has them."""
    return Number(f"{value:.{places}f}")
