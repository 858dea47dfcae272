"""After the job, the marketing: the follow-ups that turn a finished job into the next lead.

When a production task is done, these marketing tasks keep the customer close: photos
while the work is fresh, a review while they are pleased, a referral ask once they
have lived with it, and a call six months on.
"""

from __future__ import annotations

from datetime import date, timedelta

from tradesman.domain.areas import Area
from tradesman.domain.tasks import Task

# (title, due this many days after the job, estimate in minutes, note)
FOLLOW_UPS: tuple[tuple[str, int, int, str], ...] = (
    ("Photograph the finished job: {job}", 1, 30,
     "Before and after, in good light. Ask before you put them online."),
    ("Ask for a review: {job}", 3, 15,
     "Send the link while they are pleased; one sentence from them is enough."),
    ("Ask for a referral: {job}", 14, 15,
     "Who else do they know who needs work done? Make it easy: a card or a message to pass on."),
    ("Six-month check-in call: {job}", 182, 15,
     "Is everything holding up? Anything else they want done?"),
)  # fmt: skip


def follow_ups_for(job: Task, done_on: date) -> list[Task]:
    """The marketing tasks to add after `job` is done on `done_on`."""
    name = job.title if len(job.title) <= 120 else job.title[:119] + "…"
    return [
        Task(
            title=title.format(job=name),
            area=Area.MARKETING,
            due=done_on + timedelta(days=days),
            estimate_minutes=minutes,
            notes=note,
        )
        for title, days, minutes, note in FOLLOW_UPS
    ]
