"""Shares written as whole percents, by one rule, for the window and both PDFs alike.

One share must never read differently in two places: the plan PDF once said "62 %" in
a sentence beside a chart saying "63 %" for the same 25 h of 40 h, because Python's
`round` and the `:.0%` format round a half to the even number while the charts
rounded it up. Here a half is always rounded up, as people round by hand.

Parts shown together (technician and business, the four areas) must add up to 100,
which rounding each part on its own does not promise: 62.5 % and 37.5 % round to 63
and 38. Those are shared out by largest remainder: every part gets its whole percents,
and the percents left over go to the parts with the largest fractions.

Only the standard library: the window (ui/) and the paper (reports/) both import it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tradesman.domain.areas import AREAS, Area

if TYPE_CHECKING:
    from tradesman.domain.split import Split

NO_SHARE_ON_SCREEN = "—"
NO_SHARE_ON_PAPER = "–"


def whole_percent(share: float) -> int:
    """0.625 -> 63: the share in whole percents, a half rounded up.

    The share is read as the decimal it prints as (0.285 is 28.5 %, though the
    nearest float lies a hair below), so 57 h of 200 h reads 29 % as on a calculator."""
    numerator, denominator = _as_written(share)
    # floor(100 × share + 1/2), worked in whole numbers so no float can tip a half
    return (200 * numerator + denominator) // (2 * denominator)


def written(whole: int, paper: bool = False) -> str:
    """35 -> '35%' in the window; '35 %' on paper, where a no-break space keeps the
    sign on the number's line."""
    return f"{whole}\u00a0%" if paper else f"{whole}%"


def percent(share: float | None, paper: bool = False) -> str:
    """A share (0-1) as the owner reads it: '63%' in the window, '63 %' on paper, and a
    dash where there is no share (a week without hours)."""
    if share is None:
        return NO_SHARE_ON_PAPER if paper else NO_SHARE_ON_SCREEN
    return written(whole_percent(share), paper)


def share_out(parts: Sequence[float], whole: int = 100) -> list[int]:
    """`whole` shared out among `parts` in proportion, by largest remainder: the
    results add up to `whole` exactly (all 0 when the parts add up to nothing).

    A tie goes to the part listed first, so [business, technician] gives business
    the percent `whole_percent` gives it: the share printed alone elsewhere."""
    ratios = [_as_written(part) for part in parts]
    common = math.lcm(*(denominator for _, denominator in ratios)) if ratios else 1
    # In whole numbers over one denominator, so remainders compare exactly (1/3 each).
    amounts = [numerator * (common // denominator) for numerator, denominator in ratios]
    total = sum(amounts)
    if total <= 0:
        return [0] * len(parts)
    shares = [whole * amount // total for amount in amounts]
    remainders = [whole * amount % total for amount in amounts]
    left = whole - sum(shares)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-remainders[i], i))
    for index in by_remainder[:left]:
        shares[index] += 1
    return shares


def area_percents(split: Split) -> dict[Area, int]:
    """Each area's whole percent of the split, adding up to 100, and agreeing with the
    business share as `percent` writes it: technician and business are shared out
    first, then the business percent among marketing, sales and admin. ({} without hours.)"""
    if split.total_minutes == 0:
        return {}
    business, technician = share_out([split.business_minutes, split.technician_minutes])
    business_areas = [area for area in AREAS if area.is_business]
    shared = share_out([split.minutes(area) for area in business_areas], business)
    return {Area.PRODUCTION: technician, **dict(zip(business_areas, shared, strict=True))}


def points_apart(higher: float, lower: float) -> int:
    """How many percentage points `lower` lies under `higher`, as the two percents
    printed beside each other read (25 % and 13 %: 12 points)."""
    return whole_percent(higher) - whole_percent(lower)


def one_decimal(number: float) -> str:
    """2.25 -> '2.3': a figure like enquiries a week to one decimal, a half rounded up
    as with percents (Python's own formatting would give '2.2')."""
    numerator, denominator = _as_written(number)
    tenths = (20 * numerator + denominator) // (2 * denominator)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}"


def _as_written(number: float) -> tuple[int, int]:
    """(numerator, denominator) of the number as it prints: 0.285 is 285/1000, not the
    float a hair below it that 57 / 200 gives."""
    if isinstance(number, int):
        return number, 1
    # Imported here, not at the top: the first percent is shown after start-up.
    from decimal import Decimal

    return Decimal(repr(number)).as_integer_ratio()
