"""The work-coming-in tables as one set (sources, enquiries, spend, takings), for a
restore: the exchange format does not carry them yet, so a backup's rows are put back
as they are, under their own ids, beside the data set the restore reads."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from tradesman.domain.leads import Lead, Source, Spend, Takings
from tradesman.store import tables
from tradesman.store.schema import LeadRow, SourceRow, SpendRow, TakingsRow


@dataclass(frozen=True)
class ComingIn:
    sources: tuple[Source, ...] = ()
    leads: tuple[Lead, ...] = ()
    spend: tuple[Spend, ...] = ()
    takings: tuple[Takings, ...] = ()


def read_coming_in(session: Session) -> ComingIn:
    return ComingIn(
        tuple(tables.SOURCES.all(session)),
        tuple(tables.LEADS.all(session)),
        tuple(tables.SPEND.all(session)),
        tuple(tables.TAKINGS.all(session)),
    )


def replace_coming_in(session: Session, data: ComingIn) -> None:
    """Put `data` in place of the present rows (nothing may point at them any more: the
    caller has removed the blocks, series and tasks first)."""
    for row in (SpendRow, TakingsRow, LeadRow, SourceRow):
        session.execute(delete(row))
    for source in data.sources:
        tables.SOURCES.write(session, source)
    for lead in data.leads:
        tables.LEADS.write(session, lead)
    for spend in data.spend:
        tables.SPEND.write(session, spend)
    for takings in data.takings:
        tables.TAKINGS.write(session, takings)


def existing_ids(session: Session) -> tuple[set[int], set[int]]:
    """The ids of the sources and of the enquiries there are now (links to others are
    dropped when blocks, series and tasks are put in place)."""
    sources = set(session.scalars(select(SourceRow.id)))
    leads = set(session.scalars(select(LeadRow.id)))
    return sources, leads
