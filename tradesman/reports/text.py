"""User text on paper: escaped for reportlab's markup, and shortened when it must fit.

Every string the owner typed goes through `escape` before it becomes part of a
Paragraph, so `AT&T`, `<b>` and `x<y>z` print exactly as typed. Control characters
(which reportlab cannot draw, and which a pasted note may carry) become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
ELLIPSIS = "…"


def clean(text: str) -> str:
    """Text as typed, with control characters (tabs and line breaks too) made spaces."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\t", " "))


def escape(text: str) -> str:
    """Text for Paragraph markup: shown literally, line breaks kept as breaks."""
    cleaned = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\t", " "))
    escaped = cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br/>")


def one_line(text: str) -> str:
    """Text on one line: line breaks and runs of spaces become one space."""
    return " ".join(clean(text).split())


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """`text`, or its longest start (cut at a word if it can) plus "…" that `fits`."""
    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with the ellipsis
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    word_end = cut.rfind(" ")
    if word_end > low * 2 // 3:  # a word boundary not far back reads better
        cut = cut[:word_end]
    return cut.rstrip() + ELLIPSIS if cut.strip() else (ELLIPSIS if fits(ELLIPSIS) else "")
