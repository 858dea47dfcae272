"""Reading the plan and the hand-off list (plain SQL: see store/rows.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradesman.domain.plan import HandOff, Plan
from tradesman.store.reads import dbapi_connection, plan_from
from tradesman.store.tables import HAND_OFFS

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def get_plan(db: Db) -> Plan | None:
    return plan_from(dbapi_connection(db))


def all_hand_offs(db: Db) -> list[HandOff]:
    """The hand-off list in the order it was written down."""
    return HAND_OFFS.all(db)
