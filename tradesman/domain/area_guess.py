"""A guess at an appointment's area from the words of its title.

Offered, never forced: the owner picks the area of a calendar import, and this only
chooses which one the choice starts on. A phone calendar knows nothing of areas, but a
tradesperson's titles say a lot ("Quote kitchen, Mrs Hale", "VAT return").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from tradesman.domain.areas import AREAS, Area

# Word beginnings, so "quotes", "visiting" and "invoicing" count too.
_WORDS: dict[Area, tuple[str, ...]] = {
    Area.SALES: ("quote", "visit", "estimat", "survey", "measure", "call back", "callback"),
    Area.ADMIN: ("invoice", "invoicing", "account", "tax", "vat", "bookkeep", "payroll",
                 "insurance", "bank"),
    Area.MARKETING: ("flyer", "post", "networking", "leaflet", "review", "referral",
                     "newsletter", "advert"),
}  # fmt: skip
_WORD_START = {
    area: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)
    for area, words in _WORDS.items()
}


def guess_area(title: str) -> Area:
    """The area a title's words point to; production (the work itself) when none do."""
    for area in (Area.SALES, Area.ADMIN, Area.MARKETING):
        if _WORD_START[area].search(title):
            return area
    return Area.PRODUCTION


def guess_area_of(titles: Iterable[str]) -> Area:
    """The area most titles point to (production on a tie with it, else the first of
    the areas in their usual order): one guess for a whole import."""
    counts = Counter(guess_area(title) for title in titles)
    if not counts:
        return Area.PRODUCTION
    most = max(counts.values())
    return next(area for area in AREAS if counts[area] == most)
