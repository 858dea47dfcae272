"""The checks a source, enquiry, spend or takings row passes before it is stored (by an
edit, an undo or a redo), and the links they make checked against what is there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradesman.domain.lead_checks import check_lead, check_source, check_spend, check_takings
from tradesman.domain.leads import Lead, Source, Spend, Takings
from tradesman.domain.validation import InvalidInput
from tradesman.store.tables import SOURCES

if TYPE_CHECKING:
    from tradesman.store.reads import Db

SOURCE_GONE = "That source no longer exists; pick another."


def check_source_link(session: Db, source_id: int | None) -> None:
    if source_id is not None and not SOURCES.exists(session, source_id):
        raise InvalidInput("source", SOURCE_GONE)


def checked_source(session: Db, source: Source) -> Source:
    return check_source(source)


def checked_lead(session: Db, lead: Lead) -> Lead:
    checked = check_lead(lead)
    check_source_link(session, checked.source_id)
    return checked


def checked_spend(session: Db, spend: Spend) -> Spend:
    checked = check_spend(spend)
    check_source_link(session, checked.source_id)
    return checked


def checked_takings(session: Db, takings: Takings) -> Takings:
    return check_takings(takings)
