"""The split of a week: technician hours (production) against business hours."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import TimeBlock


@dataclass(frozen=True)
class Split:
    """Minutes per area, and what they add up to."""

    production: int = 0
    marketing: int = 0
    sales: int = 0
    admin: int = 0

    @classmethod
    def from_minutes(cls, minutes: Mapping[Area, int]) -> Split:
        return cls(**{area.value: int(minutes.get(area, 0)) for area in AREAS})

    def minutes(self, area: Area) -> int:
        value: int = getattr(self, area.value)
        return value

    @property
    def technician_minutes(self) -> int:
        return self.production

    @property
    def business_minutes(self) -> int:
        return self.marketing + self.sales + self.admin

    @property
    def total_minutes(self) -> int:
        return self.technician_minutes + self.business_minutes

    @property
    def business_share(self) -> float | None:
        """Business hours as a share of all hours (0-1); None when there are no hours."""
        total = self.total_minutes
        return None if total == 0 else self.business_minutes / total


@dataclass(frozen=True)
class WeekSplit:
    """Planned counts every block's length; actual counts what done blocks really took."""

    planned: Split
    actual: Split


def split_blocks(blocks: Iterable[TimeBlock]) -> WeekSplit:
    """The planned and actual split of some blocks, worked out in memory."""
    planned: dict[Area, int] = {}
    actual: dict[Area, int] = {}
    for block in blocks:
        planned[block.area] = planned.get(block.area, 0) + block.length_minutes
        actual[block.area] = actual.get(block.area, 0) + block.counted_actual_minutes
    return WeekSplit(Split.from_minutes(planned), Split.from_minutes(actual))
