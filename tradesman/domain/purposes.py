"""What a piece of marketing work is for, when it is one of the asks worth counting.

Asking a customer for a review or a referral is the marketing that costs nothing but
nerve, and the one most often skipped. A task, block or series marked as one of these
asks can be counted against the reviews and referrals that come in (issue 15 counts
them). Only marketing work is marked; anything else is just work.
"""

from __future__ import annotations

from enum import StrEnum


class Purpose(StrEnum):
    REVIEW_ASK = "review_ask"
    REFERRAL_ASK = "referral_ask"


# As the dialogs offer them, after "Other marketing work".
PURPOSE_WORDS = {
    Purpose.REVIEW_ASK: "Asking for a review",
    Purpose.REFERRAL_ASK: "Asking for a referral",
}
