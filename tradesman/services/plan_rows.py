"""Reading and writing the plan and the hand-off list, row by row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from tradesman.domain.areas import Area
from tradesman.domain.plan import HandOff, HandOffWay, Plan, check_hand_off, check_plan
from tradesman.store.schema import HandOffRow, PlanRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PLAN_ROW = 1  # the plan's one row


def get_plan(session: Session) -> Plan | None:
    row = session.get(PlanRow, PLAN_ROW)
    if row is None:
        return None
    return Plan(
        start=row.start,
        weeks=row.weeks,
        target_share=row.target_share,
        capacity_minutes=row.capacity_minutes,
        typed_baseline=row.typed_baseline,
    )


def put_plan(session: Session, plan: Plan | None) -> None:
    """Store `plan` as the plan, or remove the plan (None)."""
    if plan is None:
        session.execute(delete(PlanRow))
        return
    check_plan(plan)
    session.merge(
        PlanRow(
            id=PLAN_ROW,
            start=plan.start,
            weeks=plan.weeks,
            target_share=plan.target_share,
            capacity_minutes=plan.capacity_minutes,
            typed_baseline=plan.typed_baseline,
        )
    )


def to_hand_off(row: HandOffRow) -> HandOff:
    return HandOff(
        title=row.title,
        area=Area(row.area),
        way=HandOffWay(row.way),
        minutes_a_week=row.minutes_a_week,
        done=row.done,
        id=row.id,
    )


def all_hand_offs(session: Session) -> list[HandOff]:
    """The hand-off list in the order it was written down."""
    return [to_hand_off(row) for row in session.scalars(select(HandOffRow).order_by(HandOffRow.id))]


def put_hand_off(session: Session, hand_off: HandOff) -> HandOff:
    """Store a hand-off (a new one when it has no id); returns it as stored."""
    checked = check_hand_off(hand_off)
    columns = {
        "title": checked.title,
        "area": checked.area.value,
        "way": checked.way.value,
        "minutes_a_week": checked.minutes_a_week,
        "done": checked.done,
    }
    if checked.id is None:
        row = HandOffRow(**columns)
        session.add(row)
        session.flush()
        return checked.with_changes(id=row.id)
    session.merge(HandOffRow(id=checked.id, **columns))
    return checked
