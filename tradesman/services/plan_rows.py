"""Reading the plan and the hand-off list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradesman.domain.plan import HandOff, Plan
from tradesman.store.columns import PLAN_ROW
from tradesman.store.tables import HAND_OFFS, PLAN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def get_plan(session: Session) -> Plan | None:
    return PLAN.get(session, PLAN_ROW)


def all_hand_offs(session: Session) -> list[HandOff]:
    """The hand-off list in the order it was written down."""
    return HAND_OFFS.all(session)
