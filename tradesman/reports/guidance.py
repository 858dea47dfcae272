"""Short, plain advice for each of the three engines a one-person trade business runs
on (marketing, sales, production) and for admin beside them, printed at the end of the
plan.

Written for someone who is good with their hands and short on customers: what to do,
in the order it pays off, in words they would use on site. Plain data, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradesman.domain.areas import Area


@dataclass(frozen=True)
class Advice:
    """The habits for one area: an engine (marketing, sales, production), or admin."""

    area: Area
    heading: str
    why: str
    points: tuple[str, ...]


GUIDANCE: tuple[Advice, ...] = (
    Advice(
        Area.MARKETING,
        "Marketing: bring the next customers in",
        "Marketing is what makes the phone ring. When it stops, the work stops too, "
        "only a few weeks later, so it comes first even in a busy week.",
        (
            "Take a before and an after photo of every job, from the same spot, in daylight. "
            "Put the best one on your business profile online that same week.",
            "Ask every customer for a review on the day you finish, not only the ones you think "
            "were happy: review sites forbid picking. Send the link by text, so it takes them "
            "a minute.",
            "Tell every customer you have room for their friends and neighbours, and leave "
            "two cards behind.",
            "Ring past customers six months after the job: check the work is holding up, and "
            "ask whether anything else needs doing.",
            "Keep the van clean and lettered, and ask to put a sign outside while you work.",
        ),
    ),
    Advice(
        Area.SALES,
        "Sales: turn a call into a signed job",
        "A lead goes cold fast. The trade who answers first and quotes clearly usually "
        "gets the job, even at a higher price.",
        (
            "Call a new lead back the same day, even if only to book a time to look at the job.",
            "Send the quote within two days of the visit, while the job is fresh for you both.",
            "Write the quote in plain words: what you will do, what you will not, what it "
            "costs and when you can start.",
            "Follow up three days after the quote, and again after ten. Many jobs go to the "
            "one who asked.",
            "Note where every lead came from, so you know which marketing is worth its hours.",
        ),
    ),
    Advice(
        Area.PRODUCTION,
        "Production: good work in fewer hours",
        "The work is what customers pay for and what they show their neighbours. Done "
        "with less running about, it leaves hours for the rest of the business.",
        (
            "Order materials before the week starts, so no morning goes on a trip to the merchant.",
            "Batch the small jobs: two or three in one part of town on the same day halve "
            "the driving.",
            "Leave the site tidy at the end of every day. It is what the customer sees, and "
            "what their photos show.",
            "Write down how long each job really took, so your next quote is closer to the truth.",
            "Notice what you do every week that someone else could do: that goes on your "
            "hand-off list.",
        ),
    ),
    Advice(
        Area.ADMIN,
        "Admin: get paid and keep the books straight",
        "Money owed is not money earned until it is in the bank. A little admin each week "
        "saves a lost weekend at the end of the year.",
        (
            "Send the invoice on the day the job ends, with the date it must be paid by.",
            "Keep one fixed hour each week for the books, the receipts and chasing what is owed.",
            "Put the tax money aside every month in a separate account, so the bill is never "
            "a shock.",
            "Chase an unpaid invoice a week after it is due: politely, and in writing.",
            "Photograph every receipt on the day you get it, and keep the photos in one place.",
        ),
    ),
)
