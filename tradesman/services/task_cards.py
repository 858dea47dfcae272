"""Tasks as the tasks page shows them: with the hours the calendar has for each.

One query adds up every task's linked blocks in SQLite (hours booked, hours done,
blocks still planned), so a list of thousands of tasks needs no block loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

from tradesman.domain.tasks import TaskCard, TaskStatus
from tradesman.services.tasks import to_task
from tradesman.store.schema import BlockRow, TaskRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Show(StrEnum):
    OPEN = "open"  # open and doing
    DONE = "done"
    ALL = "all"


@dataclass(frozen=True)
class TaskFilter:
    show: Show = Show.OPEN
    text: str = ""  # in the title or the notes, any case
    due_by: date | None = None  # only tasks due by this day ("due this week")


_LENGTH = BlockRow.end_minute - BlockRow.start_minute


def _card_query(today: date) -> Any:
    booked = func.coalesce(func.sum(case((BlockRow.status != "skipped", _LENGTH), else_=0)), 0)
    done = func.coalesce(
        func.sum(
            case(
                (BlockRow.status == "done", func.coalesce(BlockRow.actual_minutes, _LENGTH)),
                else_=0,
            )
        ),
        0,
    )
    planned = and_(BlockRow.status == "planned", BlockRow.day >= today)
    future = func.coalesce(func.sum(case((planned, 1), else_=0)), 0)
    return (
        select(TaskRow, booked, done, future)
        .outerjoin(BlockRow, BlockRow.task_id == TaskRow.id)
        .group_by(TaskRow.id)
    )


def task_cards(session: Session, chosen: TaskFilter, today: date) -> list[TaskCard]:
    """The tasks `chosen` picks, by due date (undated last), then as they were made."""
    query = _card_query(today)
    if chosen.show is Show.OPEN:
        query = query.where(TaskRow.status != TaskStatus.DONE.value)
    elif chosen.show is Show.DONE:
        query = query.where(TaskRow.status == TaskStatus.DONE.value)
    if chosen.due_by is not None:
        query = query.where(TaskRow.due.is_not(None), TaskRow.due <= chosen.due_by)
    query = query.order_by(TaskRow.due.is_(None), TaskRow.due, TaskRow.id)
    cards = [
        TaskCard(to_task(row), int(booked), int(done), int(future))
        for row, booked, done, future in session.execute(query)
    ]
    words = chosen.text.casefold().split()
    if words:  # in Python: SQLite's own case folding stops at ASCII
        cards = [card for card in cards if _matches(card, words)]
    return cards


def card_for(session: Session, task_id: int, today: date | None = None) -> TaskCard | None:
    found = session.execute(_card_query(today or date.today()).where(TaskRow.id == task_id)).first()
    if found is None:
        return None
    row, booked, done, future = found
    return TaskCard(to_task(row), int(booked), int(done), int(future))


def _matches(card: TaskCard, words: list[str]) -> bool:
    text = f"{card.task.title}\n{card.task.notes}".casefold()
    return all(word in text for word in words)
