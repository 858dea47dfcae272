"""The open quotes the printed week lists to chase, read inside the week's own read
(services/pdfs.py): a PDF is one read and writes nothing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.leads import LeadState
from tradesman.domain.money import decimal_mark_for_locale
from tradesman.domain.work_lanes import Lane, lead_cards
from tradesman.reports.sheets import WorkComingIn
from tradesman.services.lead_list import leads_in
from tradesman.services.lead_settings import load_lead_settings

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def work_coming_in(session: Db, today: date, locale_name: str | None) -> WorkComingIn:
    """Every open quote, the longest waiting first, aged and marked as the Work page
    ages and marks them on `today`; amounts as `locale_name` writes numbers."""
    settings = load_lead_settings(session, locale_name)
    quoted = leads_in(session, [LeadState.QUOTED])
    # The Work page's own rule for the order, the age and "waited too long", so paper
    # and screen never disagree about which quote is old.
    cards = lead_cards(quoted, {}, today, settings.stale_quote_days)[Lane.QUOTED]
    return WorkComingIn(
        quotes=tuple(cards),
        currency=settings.currency,
        decimal_mark=decimal_mark_for_locale(locale_name),
        stale_quote_days=settings.stale_quote_days,
    )
