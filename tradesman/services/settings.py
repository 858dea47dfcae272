"""Reading and saving the owner's settings."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tradesman.domain.settings import Settings
from tradesman.domain.territory import week_start_for_locale
from tradesman.domain.validation import check_settings
from tradesman.exchange.codec import decode_settings, encode_settings
from tradesman.store.reads import dbapi_connection, replace_setting_values, setting_values

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def default_settings(locale_name: str | None) -> Settings:
    """The settings of a new data file; the week starts as the owner's locale says."""
    return Settings(week_start=week_start_for_locale(locale_name))


def load_settings(db: Db, locale_name: str | None) -> Settings:
    """The saved settings; anything never saved takes its default."""
    return settings_from(dbapi_connection(db), locale_name)


def settings_from(db: sqlite3.Connection, locale_name: str | None) -> Settings:
    """As `load_settings`, over a bare connection (used at start-up)."""
    return decode_settings(setting_values(db), default_settings(locale_name))


def save_settings(session: Db, settings: Settings) -> Settings:
    """Check and save every setting; returns them as saved. (The settings of work coming
    in are kept as they are: the exchange format does not carry them yet.)"""
    checked = check_settings(settings)
    db = dbapi_connection(session)
    kept = {key: value for key, value in setting_values(db).items() if key in LEAD_KEYS}
    replace_setting_values(db, {**encode_settings(checked), **kept})
    return checked


# The settings of work coming in, each under its own key in the same table (read and
# saved by lead_settings.py, kept here when the week's settings are saved).
LEAD_KEYS = ("currency", "stale_quote_days", "hourly_rate")
