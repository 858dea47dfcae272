"""Amounts of money: kept exactly, as whole minor units (pence, cents), and read and
written the way the owner's locale writes numbers.

No float ever holds an amount: 3200.50 is 320050. Every currency is taken to have two
decimals (the app labels amounts with the currency and converts nothing).
"""

from __future__ import annotations

from tradesman.domain.territory import KNOWN_CURRENCIES, territory_of

MINOR_PER_MAJOR = 100
# More than any one job a solo tradesperson quotes: a slip of the zeros, most likely.
MOST_MINOR = 10_000_000 * MINOR_PER_MAJOR

NOT_A_NUMBER = "The amount must be a number like 3200 or 3200.50."
TOO_MUCH = "That is more than any one job; check the zeros."
# (Typed amounts only: a file's amounts that break these rules get NOT_A_NUMBER.)
ZERO = "The amount must be more than 0."
BELOW_ZERO = "The amount cannot be below 0; type it without the minus sign."
TOO_MANY_DECIMALS = "The amount can have at most two decimals, like 3200.50."

# Territories that write 3.200,50 (or 3 200,50): a decimal comma. CLDR's common cases;
# everywhere else writes 3,200.50.
_DECIMAL_COMMA = frozenset(
    (
        "AD", "AL", "AM", "AO", "AR", "AT", "AZ", "BA", "BE", "BG", "BO", "BR", "BY", "CH",
        "CL", "CM", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DK", "DZ", "EC", "EE", "ES",
        "FI", "FO", "FR", "GE", "GL", "GR", "HR", "HU", "ID", "IS", "IT", "KZ", "LB", "LT",
        "LU", "LV", "MA", "MD", "ME", "MK", "MZ", "NC", "NL", "NO", "PE", "PL", "PT", "PY",
        "RO", "RS", "RU", "SE", "SI", "SK", "SM", "SR", "TN", "TR", "UA", "UY", "UZ", "VE",
        "VN", "ZA",
    )
)  # fmt: skip
# Spaces and marks some locales group thousands with (3 200,50; 3'200.50).
_GROUPING_MARKS = " \u00a0\u202f'\u2019"


class AmountError(ValueError):
    """Text that is not an amount; the message is one of the sentences above."""


def decimal_mark_for_locale(locale_name: str | None) -> str:
    """',' where the owner's locale writes a decimal comma, else '.'."""
    return "," if territory_of(locale_name) in _DECIMAL_COMMA else "."


def parse_amount(text: str, decimal_mark: str = ".", *, allow_zero: bool = False) -> int:
    """The amount `text` writes, in minor units: '3200', '3,200.50', '3.200,50', '3 200'.

    The locale's decimal mark comes first; the other mark groups thousands, unless it
    is used once with one or two digits after it ('3200.50' typed in a decimal-comma
    locale still means what it says). A currency's sign or code at either end is let
    be ('£300', '300 €', 'GBP 300'): the settings' currency is the one meant. Negative
    amounts, three decimals and anything that is not a number are refused, as is 0
    unless `allow_zero`, each in its own sentence.
    """
    bare = _without_currency(text.strip())
    if bare[:1] in ("-", "\u2212", "\u2013"):  # (a minus, as typed or as a dash)
        raise AmountError(BELOW_ZERO)
    tidy = "".join(char for char in bare if char not in _GROUPING_MARKS)
    if not tidy or not all(char.isascii() and (char.isdigit() or char in ".,") for char in tidy):
        raise AmountError(NOT_A_NUMBER)
    other = "," if decimal_mark == "." else "."
    whole, fraction = tidy, ""
    if decimal_mark in tidy:
        whole, _, fraction = tidy.rpartition(decimal_mark)
        if not fraction:
            raise AmountError(NOT_A_NUMBER)
    elif tidy.count(other) == 1 and len(tidy.rpartition(other)[2]) in (1, 2):
        whole, _, fraction = tidy.rpartition(other)
    whole = _without_thousands(whole, other)
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        raise AmountError(NOT_A_NUMBER)
    if len(fraction) > 2:
        raise AmountError(TOO_MANY_DECIMALS)
    minor = int(whole) * MINOR_PER_MAJOR + int(fraction.ljust(2, "0") or "0")
    if minor == 0 and not allow_zero:
        raise AmountError(ZERO)
    if minor > MOST_MINOR:
        raise AmountError(TOO_MUCH)
    return minor


def _without_currency(text: str) -> str:
    """`text` without one currency sign ('£', '€', '$'...) or known code ('GBP') at its
    start or its end, as people write amounts. Only one: '£300 €' is not an amount;
    nor is '50¢', which is not fifty pounds."""
    import unicodedata  # (only once an amount is typed: not at the window's start)

    def is_sign(char: str) -> bool:
        return unicodedata.category(char) == "Sc" and char != "\u00a2"  # (not ¢)

    if text and is_sign(text[0]):
        return text[1:].lstrip()
    if _is_code(text[:3]) and not text[3:4].isalpha():
        return text[3:].lstrip()
    if text and is_sign(text[-1]):
        return text[:-1].rstrip()
    if _is_code(text[-3:]) and not text[-4:-3].isalpha():
        return text[:-3].rstrip()
    return text


def _is_code(letters: str) -> bool:
    return letters.upper() in KNOWN_CURRENCIES


def _without_thousands(whole: str, mark: str) -> str:
    """'3,200' -> '3200' for `mark` ','; groups of other than three digits are refused
    (returned as they are, so the caller finds them not a number)."""
    if mark not in whole:
        return whole
    groups = whole.split(mark)
    if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
        return whole
    return "".join(groups)


def format_amount(minor: int, decimal_mark: str = ".") -> str:
    """'3,200', '3,200.50' (or '3.200', '3.200,50'): decimals only when there are any."""
    grouping = "," if decimal_mark == "." else "."
    whole, cents = divmod(abs(minor), MINOR_PER_MAJOR)
    text = f"{whole:,}".replace(",", grouping)
    if cents:
        text += f"{decimal_mark}{cents:02d}"
    return ("-" if minor < 0 else "") + text


def format_money(minor: int, currency: str, decimal_mark: str = ".") -> str:
    """An amount with its currency as the pages show it: 'GBP 3,200.50', with a no-break
    space, so a narrow column wraps before the currency, never after it."""
    return f"{currency}\u00a0{format_amount(minor, decimal_mark)}"


def check_minor(minor: object, *, allow_zero: bool = False) -> int:
    """An amount already in minor units (from the file or the database), checked by the
    same rules as one typed."""
    if not isinstance(minor, int) or isinstance(minor, bool) or minor < 0:
        raise AmountError(NOT_A_NUMBER)
    if minor == 0 and not allow_zero:
        raise AmountError(NOT_A_NUMBER)
    if minor > MOST_MINOR:
        raise AmountError(TOO_MUCH)
    return minor
