"""Reading enquiries by state, apart from leads.py's edits (the printed week lists the
open quotes without loading the edits' code)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from tradesman.domain.leads import Lead, LeadState
from tradesman.store.tables import LEADS

if TYPE_CHECKING:
    from tradesman.store.reads import Db

NEWEST_FIRST = "came_in DESC, id DESC"


def leads_in(db: Db, states: Collection[LeadState] | None = None) -> list[Lead]:
    """The enquiries in `states` (all when None), the newest first."""
    if states is None:
        return LEADS.all(db, order=NEWEST_FIRST)
    picked = [state.value for state in states]
    where = f"state IN ({', '.join('?' for _ in picked)})"
    return LEADS.all(db, where, picked, NEWEST_FIRST)
