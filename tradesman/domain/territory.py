"""Defaults that follow where the owner lives: the first day of the week."""

from __future__ import annotations

from tradesman.domain.settings import WeekStart

# Territories whose calendars start the week on Sunday (CLDR's weekData "firstDay").
# Places that start on Saturday or Friday get Monday: the app offers Monday or Sunday.
_SUNDAY_FIRST = frozenset(
    (
        "AG", "AS", "BD", "BR", "BS", "BT", "BW", "BZ", "CA", "CN", "CO", "DM", "DO", "ET",
        "GT", "GU", "HK", "HN", "ID", "IL", "IN", "JM", "JP", "KE", "KH", "KR", "LA", "MH",
        "MM", "MO", "MT", "MX", "MZ", "NI", "NP", "PA", "PE", "PH", "PK", "PR", "PT", "PY",
        "SA", "SG", "SV", "TH", "TT", "TW", "UM", "US", "VE", "VI", "WS", "YE", "ZA", "ZW",
    )
)  # fmt: skip


def territory_of(locale_name: str | None) -> str | None:
    """'en_US.UTF-8' -> 'US'; 'de-AT' -> 'AT'; 'C' or '' -> None."""
    if not locale_name:
        return None
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2:
        return None
    territory = parts[-1].upper()
    return territory if len(territory) == 2 and territory.isalpha() else None


def week_start_for_locale(locale_name: str | None) -> WeekStart:
    """Sunday where the local calendar starts on Sunday, Monday everywhere else."""
    return WeekStart.SUNDAY if territory_of(locale_name) in _SUNDAY_FIRST else WeekStart.MONDAY


def locale_from_environment(environ: dict[str, str]) -> str | None:
    """The locale that governs dates, as POSIX decides it: LC_ALL, then LC_TIME, then LANG."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(name)
        if value:
            return value
    return None


# The currency a territory pays in (ISO 4217), for the label on amounts; a short list of
# the common cases, the euro for the euro area and its neighbours' habit otherwise.
_CURRENCIES = {
    "GB": "GBP", "IE": "EUR", "US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD",
    "ZA": "ZAR", "IN": "INR", "CH": "CHF", "SE": "SEK", "NO": "NOK", "DK": "DKK",
    "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "BG": "BGN", "JP": "JPY",
    "MX": "MXN", "BR": "BRL", "SG": "SGD", "HK": "HKD", "IL": "ILS", "TR": "TRY",
}  # fmt: skip
_EURO_AREA = frozenset(
    (
        "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IT", "LT", "LU", "LV",
        "MT", "NL", "PT", "SI", "SK",
    )
)  # fmt: skip


# The currency codes an amount may be typed with ("GBP 300"): those above.
KNOWN_CURRENCIES = frozenset({*_CURRENCIES.values(), "EUR"})


def currency_for_locale(locale_name: str | None) -> str:
    """The currency code to label amounts with where the owner lives (GBP in the UK, EUR
    in the euro area); USD when the locale says nothing or names a place not listed."""
    territory = territory_of(locale_name)
    if territory in _EURO_AREA:
        return "EUR"
    return _CURRENCIES.get(territory or "", "USD")
