"""Reading and saving the owner's settings."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from tradesman.domain.lead_checks import check_lead_settings
from tradesman.domain.leads import LeadSettings
from tradesman.domain.settings import Settings
from tradesman.domain.territory import currency_for_locale, week_start_for_locale
from tradesman.domain.validation import InvalidInput, check_settings
from tradesman.exchange.codec import decode_settings, encode_settings
from tradesman.store.reads import dbapi_connection, replace_setting_values, setting_values

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def default_settings(locale_name: str | None) -> Settings:
    """The settings of a new data file; the week starts as the owner's locale says."""
    return Settings(week_start=week_start_for_locale(locale_name))


def load_settings(session: Session, locale_name: str | None) -> Settings:
    """The saved settings; anything never saved takes its default."""
    return settings_from(dbapi_connection(session), locale_name)


def settings_from(db: sqlite3.Connection, locale_name: str | None) -> Settings:
    """As `load_settings`, over a bare connection (used at start-up)."""
    return decode_settings(setting_values(db), default_settings(locale_name))


def save_settings(session: Session, settings: Settings) -> Settings:
    """Check and save every setting; returns them as saved. (The settings of work coming
    in are kept as they are: the exchange format does not carry them yet.)"""
    checked = check_settings(settings)
    db = dbapi_connection(session)
    kept = {key: value for key, value in setting_values(db).items() if key in LEAD_KEYS}
    replace_setting_values(db, {**encode_settings(checked), **kept})
    return checked


# The settings of work coming in, each under its own key in the same table.
LEAD_KEYS = ("currency", "stale_quote_days", "hourly_rate")


def default_lead_settings(locale_name: str | None) -> LeadSettings:
    """The currency follows the owner's locale until it is set."""
    return LeadSettings(currency=currency_for_locale(locale_name))


def load_lead_settings(session: Session, locale_name: str | None) -> LeadSettings:
    """The saved settings of work coming in; any never saved (or unreadable, written by
    another program) takes its default."""
    values = setting_values(dbapi_connection(session))
    settings = default_lead_settings(locale_name)
    for key in LEAD_KEYS:
        if key in values:
            try:
                settings = check_lead_settings(settings.with_changes(**{key: values[key]}))
            except InvalidInput:
                continue
    return settings


def save_lead_settings(session: Session, settings: LeadSettings) -> LeadSettings:
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
