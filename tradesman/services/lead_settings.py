"""Reading and saving the settings of work coming in: the currency amounts are labelled
with, when a quote stands out as old, and the owner's hourly rate.

Apart from the week's settings (settings.py) so that the start, which reads those
before the week is shown, loads none of the enquiries' code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tradesman.domain.lead_checks import check_lead_settings
from tradesman.domain.leads import LeadSettings
from tradesman.domain.territory import currency_for_locale
from tradesman.domain.validation import InvalidInput
from tradesman.services.settings import LEAD_KEYS
from tradesman.store.reads import dbapi_connection, replace_setting_values, setting_values

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def default_lead_settings(locale_name: str | None) -> LeadSettings:
    """The currency follows the owner's locale until it is set."""
    return LeadSettings(currency=currency_for_locale(locale_name))


def load_lead_settings(db: Db, locale_name: str | None) -> LeadSettings:
    """The saved settings of work coming in; any never saved (or unreadable, written by
    another program) takes its default."""
    values = setting_values(dbapi_connection(db))
    settings = default_lead_settings(locale_name)
    for key in LEAD_KEYS:
        if key in values:
            try:
                settings = check_lead_settings(settings.with_changes(**{key: values[key]}))
            except InvalidInput:
                continue
    return settings


def save_lead_settings(session: Db, settings: LeadSettings) -> LeadSettings:
    """Check and save the settings of work coming in (the currency relabels amounts,
    converts nothing); returns them as saved."""
    checked = check_lead_settings(settings)
    db = dbapi_connection(session)
    values: dict[str, Any] = {
        **setting_values(db),
        "currency": checked.currency,
        "stale_quote_days": checked.stale_quote_days,
        "hourly_rate": checked.hourly_rate,
    }
    replace_setting_values(db, values)
    return checked
