"""How much an import, export or restore moved: said back to the owner in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the window's door names Counts; it need not load the exchange's code)
    from tradesman.exchange.document import DataSet


@dataclass(frozen=True)
class Counts:
    tasks: int
    blocks: int
    series: int = 0
    rules: int = 0
    leads: int = 0

    @classmethod
    def of(cls, data: DataSet) -> Counts:
        return cls(
            len(data.tasks), len(data.blocks), len(data.series), len(data.rules), len(data.leads)
        )
