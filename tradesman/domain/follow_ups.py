"""After the job, the marketing: the follow-ups that turn a finished job into the next lead.

When a production task done for a customer is finished, these marketing tasks keep the
customer close: photos while the work is fresh, a review asked of every customer after
every job (review sites forbid asking only the happy ones), a referral ask once they
have lived with it, and a call six months on.

Each title leads with the job ("Kitchen – Patel: photos"), so a card cut short by a
narrow lane still says which customer it is about. Each works for the source of work it
feeds (the review for the business profile, the referral ask for referrals), and stays
linked to the job's enquiry; the review and referral asks are marked as such
(domain/purposes.py), so the asks can be counted against what they bring in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from tradesman.domain.areas import Area
from tradesman.domain.purposes import Purpose
from tradesman.domain.tasks import Task

# (title, due this many days after the job, estimate in minutes, note, the source it
# works for, by its name in the seeded list, and the ask it is, if one)
FOLLOW_UPS: tuple[tuple[str, int, int, str, str, Purpose | None], ...] = (
    ("{job}: photos", 1, 30,
     "Photograph the finished job: before and after, in good light. Ask before you put "
     "them online.", "Website", None),
    ("{job}: ask for a review", 3, 15,
     "Send the review link while the job is fresh. Ask every customer after every job, "
     "not only the happy ones; one sentence from them is enough.",
     "Google / business profile", Purpose.REVIEW_ASK),
    ("{job}: ask for a referral", 14, 15,
     "Who else do they know who needs work done? Make it easy: a card or a message to pass on.",
     "A customer's referral", Purpose.REFERRAL_ASK),
    ("{job}: six-month check-in call", 182, 15,
     "Is everything holding up? Anything else they want done?", "A past customer", None),
)  # fmt: skip


def follow_ups_for(
    job: Task, done_on: date, source_ids: Mapping[str, int] | None = None
) -> list[Task]:
    """The marketing tasks to add after `job` is done on `done_on`; `source_ids` (by
    name) gives each the source it works for, where the owner still has it."""
    source_ids = source_ids or {}
    name = job.title if len(job.title) <= 120 else job.title[:119] + "…"
    return [
        Task(
            title=title.format(job=name),
            area=Area.MARKETING,
            due=done_on + timedelta(days=days),
            estimate_minutes=minutes,
            notes=note,
            source_id=source_ids.get(source),
            lead_id=job.lead_id,
            purpose=purpose,
        )
        for title, days, minutes, note, source, purpose in FOLLOW_UPS
    ]
