"""Tradesman: plan the week of a one-person trade business.

Kept free of imports on purpose: `python -m tradesman summary` must not pay for Qt,
and the window must not pay for SQLAlchemy before its first paint.
"""

from tradesman.identity import VERSION

__version__ = VERSION
