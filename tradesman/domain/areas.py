"""The four areas every hour of the owner's week belongs to."""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    """An area of the business; production is technician time, the rest is business time."""

    PRODUCTION = "production"
    MARKETING = "marketing"
    SALES = "sales"
    ADMIN = "admin"

    @property
    def is_business(self) -> bool:
        """Marketing, sales and admin run the business; production is doing the work."""
        return self is not Area.PRODUCTION

    @property
    def label(self) -> str:
        return self.value.capitalize()


# The order areas are listed in everywhere: the work first, then the business areas
# in the order a trade business needs them (marketing brings the leads).
AREAS: tuple[Area, ...] = (Area.PRODUCTION, Area.MARKETING, Area.SALES, Area.ADMIN)
