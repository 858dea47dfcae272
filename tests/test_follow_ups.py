"""The marketing after a job, and the library's words about reviews (issue 12, items 19
and 22)."""

from __future__ import annotations

import json
from datetime import date

from tradesman.assets import resource_path
from tradesman.domain.areas import Area
from tradesman.domain.follow_ups import follow_ups_for
from tradesman.domain.tasks import Task
from tradesman.reports.guidance import GUIDANCE

DONE = date(2026, 11, 25)


def test_follow_up_titles_lead_with_the_job() -> None:
    """A lane cuts a long title at its end: the job (the customer) must come first."""
    titles = [t.title for t in follow_ups_for(Task("Kitchen – Patel", Area.PRODUCTION), DONE)]
    assert titles == [
        "Kitchen – Patel: photos",
        "Kitchen – Patel: ask for a review",
        "Kitchen – Patel: ask for a referral",
        "Kitchen – Patel: six-month check-in call",
    ]


def test_a_long_job_name_is_cut_and_the_title_still_fits() -> None:
    made = follow_ups_for(Task("K" * 200, Area.PRODUCTION), DONE)
    assert all(t.title.startswith("K" * 100) and len(t.title) <= 200 for t in made)


def test_reviews_are_asked_of_every_customer_never_only_the_pleased_ones() -> None:
    """Review sites forbid picking only happy customers to ask."""
    library = json.loads(resource_path("task_templates.json").read_text(encoding="utf-8"))
    review_words = [
        f"{t['title']} {t.get('notes', '')}"
        for t in library["templates"]
        if "review" in t["title"].lower()
    ]
    review_words += [
        f"{t.title} {t.notes}"
        for t in follow_ups_for(Task("Kitchen", Area.PRODUCTION), DONE)
        if "review" in t.title
    ]
    review_words += [
        point for advice in GUIDANCE for point in advice.points if "review" in point.lower()
    ]  # the plan PDF's advice
    assert len(review_words) == 3
    for words in review_words:
        lowered = words.lower()
        assert "pleased" not in lowered and "pick someone" not in lowered, words
        assert "every customer" in lowered, words


def test_the_asks_work_for_their_sources_and_stay_with_the_job_s_enquiry() -> None:
    ids = {"Google / business profile": 4, "A customer's referral": 1, "A past customer": 3}
    job = Task("Kitchen – Patel", Area.PRODUCTION, lead_id=12)
    made = {t.title: t for t in follow_ups_for(job, DONE, ids)}
    assert made["Kitchen – Patel: ask for a review"].source_id == 4
    assert made["Kitchen – Patel: ask for a referral"].source_id == 1
    assert made["Kitchen – Patel: six-month check-in call"].source_id == 3
    assert made["Kitchen – Patel: photos"].source_id is None  # no Website: renamed away
    assert {t.lead_id for t in made.values()} == {12}
