"""Tasks as the tasks page shows them: with the hours the calendar has for each.

One plain-SQL query adds up every task's linked blocks in SQLite (hours booked, hours
done, blocks still planned), so thousands of tasks load without any block, and
without building an ORM object per task. Filtering is a plain function over the cards,
so the page can filter as the owner types without asking the database again. What
needs only the open tasks (the list to schedule beside the week, read after every
edit) reads only those, through the status index: years of done tasks cost it nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from tradesman.domain.tasks import TaskCard
from tradesman.store.reads import (
    dbapi_connection,
    open_task_cards_from,
    task_card_from,
    task_cards_from,
)

if TYPE_CHECKING:
    from tradesman.store.reads import Db


class Show(StrEnum):
    OPEN = "open"  # open and doing
    DONE = "done"
    ALL = "all"


@dataclass(frozen=True)
class TaskFilter:
    show: Show = Show.OPEN
    text: str = ""  # in the title or the notes, any case
    due_by: date | None = None  # only tasks due by this day ("due this week")


def task_cards(session: Db, chosen: TaskFilter, today: date) -> list[TaskCard]:
    """The tasks `chosen` picks, by due date (undated last), then as they were made."""
    if chosen.show is Show.OPEN:
        return filter_cards(open_task_cards(session, today), chosen)
    return filter_cards(all_task_cards(session, today), chosen)


def all_task_cards(session: Db, today: date) -> list[TaskCard]:
    return task_cards_from(dbapi_connection(session), today)


def open_task_cards(session: Db, today: date) -> list[TaskCard]:
    """The tasks not done, in the order `all_task_cards` gives them."""
    return open_task_cards_from(dbapi_connection(session), today)


def card_for(session: Db, task_id: int, today: date | None = None) -> TaskCard | None:
    return task_card_from(dbapi_connection(session), today or date.today(), task_id)


def filter_cards(cards: Iterable[TaskCard], chosen: TaskFilter) -> list[TaskCard]:
    """The cards `chosen` picks, in the order given. Text matches any case, in any
    alphabet (Python's case folding; SQLite's stops at ASCII)."""
    words = chosen.text.casefold().split()
    picked = []
    for card in cards:
        task = card.task
        if chosen.show is Show.OPEN and not task.is_open:
            continue
        if chosen.show is Show.DONE and task.is_open:
            continue
        if chosen.due_by is not None and (task.due is None or task.due > chosen.due_by):
            continue
        if words:
            text = f"{task.title}\n{task.notes}".casefold()
            if not all(word in text for word in words):
                continue
        picked.append(card)
    return picked
