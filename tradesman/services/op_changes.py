"""What an edit changed, as the message every view gets after it (Anki's OpChanges).

A view looks at the message and reads again only when it shows something the edit
touched: a block moved on Thursday means nothing to the tasks list, unless the block
was booked for a task. Undo and redo send the same message as the edit itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the message itself needs no database code)
    from tradesman.services.changes import Change


@dataclass(frozen=True)
class OpChanges:
    days: frozenset[date] = frozenset()  # the days whose blocks changed
    booked_time: bool = False  # a changed block was booked for a task (its card's hours)
    tasks: bool = False  # tasks or repeating tasks
    plan: bool = False  # the plan, or its hand-off list
    leads: bool = False  # enquiries, or the sources they come from
    spend: bool = False  # marketing spend, or a month's takings
    settings: bool = False  # the settings: every view may show them
    everything: bool = False  # an import, a restore, a new day: read it all again

    @classmethod
    def of(cls, change: Change) -> OpChanges:
        from tradesman.services.edited_tables import (
            HAND_OFFS,
            LEADS,
            PLAN,
            RULES,
            SERIES,
            SOURCES,
            SPEND,
            TAKINGS,
            TASKS,
        )

        blocks = (*change.before_blocks, *change.after_blocks)
        series = (*change.before(SERIES), *change.after(SERIES))
        return cls(
            # (A series' blocks are in `blocks`; its record alone moves no block.)
            days=frozenset(change.days()),
            booked_time=any(block.task_id is not None for block in blocks)
            or any(record.series.task_id is not None for record in series),
            tasks=change.touches(TASKS, RULES),
            plan=change.touches(PLAN, HAND_OFFS),
            leads=change.touches(LEADS, SOURCES),
            spend=change.touches(SPEND, TAKINGS),
        )

    @property
    def blocks(self) -> bool:
        return bool(self.days)

    def touches_days(self, first: date, last: date) -> bool:
        """Whether a view of the days `first` to `last` must read again."""
        if self.everything or self.settings or self.plan:
            return True  # (the plan sets each week's target)
        return any(first <= day <= last for day in self.days)

    def touches_cards(self) -> bool:
        """Whether task cards (their status, hours booked and done) may differ."""
        return self.everything or self.settings or self.tasks or self.booked_time

    def touches_work_coming_in(self) -> bool:
        """Whether the Work page (enquiries, sources, spend and takings) may differ."""
        return self.everything or self.settings or self.leads or self.spend

    def touches_before(self, day: date) -> bool:
        """Whether anything before `day` changed (a plan's baseline is measured there)."""
        return self.everything or any(changed < day for changed in self.days)


EVERYTHING = OpChanges(everything=True)
SETTINGS = OpChanges(settings=True)
TASKS = OpChanges(tasks=True)
