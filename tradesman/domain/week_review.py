"""The Sunday-evening review of the week, as answers: which blocks were done or skipped,
the enquiries that came in, what became of the open ones, and the money spent on
marketing. Saved all at once (services/week_review.py), as one undo step."""

from __future__ import annotations

from dataclasses import dataclass

from tradesman.domain.blocks import BlockStatus
from tradesman.domain.leads import Lead, LostReason, NotQuotedReason, Spend


@dataclass(frozen=True)
class WeekReview:
    marks: tuple[tuple[int, BlockStatus], ...] = ()  # block id, done or skipped
    new_leads: tuple[Lead, ...] = ()
    quotes: tuple[tuple[int, int], ...] = ()  # enquiry id, amount
    wins: tuple[tuple[int, int], ...] = ()  # enquiry id, the job's value
    losses: tuple[tuple[int, LostReason], ...] = ()
    passes: tuple[tuple[int, NotQuotedReason], ...] = ()  # not quoted, and why
    spend: tuple[Spend, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.marks, self.new_leads, self.quotes, self.wins, self.losses, self.passes,
             self.spend)
        )  # fmt: skip

    def answers(self) -> int:
        """How many answers it holds (said when it is saved)."""
        return sum(
            len(part)
            for part in (self.marks, self.new_leads, self.quotes, self.wins, self.losses,
                         self.passes, self.spend)
        )  # fmt: skip
