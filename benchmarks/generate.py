"""Write a realistic, reproducible data set: years of a joiner's weeks, blocks and tasks.

    python benchmarks/generate.py --years 5 --data-dir /tmp/five-years

About 50 blocks a week (13,000 in five years) and 15 tasks a week (4,000), ending with
the week after --end (default: today), and the work coming in: a few enquiries a week
from the seeded sources (about two in three quoted, a third of those decided won),
marketing spend a few times a month, a month's takings, marketing blocks that name
the source they work for, and the review and referral asks marked as such. Over the
years the owner moves from almost all production towards a third of the week on the
business, as the plan intends. The same --seed and --end always give the same data.
The data goes in through the app's own import, so it is checked exactly as a user's
file would be.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

BLOCKS_PER_WEEK = 50
TASKS_PER_WEEK = 15

TITLES: dict[str, list[str]] = {
    "production": [
        "Kitchen fit – {client}",
        "Fit wardrobes – {client}",
        "Hang doors – {client}",
        "Loft stairs – {client}",
        "Skirting and architrave – {client}",
        "Shop: cut and prep for {client}",
        "Materials run",
        "Snagging – {client}",
        "Decking – {client}",
        "Sash window repair – {client}",
    ],
    "marketing": [
        "Photograph finished job – {client}",
        "Ask {client} for a review",
        "Update business profile",
        "Postcards to neighbours near {client}",
        "Newsletter",
        "6-month check-in call – {client}",
        "Ask {client} for a referral",
        "Yard sign at {client}'s",
    ],
    "sales": [
        "Call back new lead",
        "Site visit – {client}",
        "Write quote – {client}",
        "Follow up quote – {client}",
        "Measure up – {client}",
    ],
    "admin": [
        "Invoices",
        "Chase unpaid invoices",
        "Bookkeeping hour",
        "Quarterly tax",
        "Insurance and paperwork",
    ],
}
CLIENTS = [
    "Patel", "Jones", "Nowak", "O'Brien", "Schmidt", "García", "Müller", "Andersen",
    "Kowalski", "Dubois", "Rossi", "Smith", "Ní Bhriain", "Łukasiewicz", "Brown & Co",
]  # fmt: skip


def build_document(years: int, end: date, seed: int) -> dict[str, Any]:
    """An exchange document for `years` years of weeks up to the week after `end`."""
    rng = random.Random(seed)
    last_monday = end - timedelta(days=end.weekday()) + timedelta(days=7)
    weeks = years * 52
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    tasks = _tasks(rng, first_monday, weeks, end)
    blocks = _blocks(rng, first_monday, weeks, end, tasks)
    sources, leads, spend, takings = _coming_in(rng, first_monday, weeks, end)
    for block in blocks:  # most marketing hours work for a source
        if block["area"] == "marketing" and rng.random() < 0.7:
            block["source"] = rng.choice(MARKETING_SOURCES)
    return {
        "format": "tradesman",
        "version": 8,
        "settings": {
            "business_name": "Oakley Joinery",
            "owner_name": "Sam Oakley",
            "week_start": "monday",
            "work_days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "day_start": "07:00",
            "day_end": "18:00",
            "target_business_share": 0.35,
            "currency": "GBP",
            "stale_quote_days": 30,
            "hourly_rate": 45,
        },
        "tasks": tasks,
        "blocks": blocks,
        # A plan half a year long, begun three months ago, and a short hand-off list.
        "plan": {
            "start": (last_monday - timedelta(weeks=13)).isoformat(),
            "weeks": 26,
            "target_business_share": 0.45,
            "hours_a_week": 45,
            "marketing_floor": 0.5,
        },
        "hand_offs": [
            {
                "title": "Collect materials from the yard",
                "area": "production",
                "way": "delegate",
                "minutes_a_week": 180,
            },
            {
                "title": "Bookkeeping",
                "area": "admin",
                "way": "subcontract",
                "minutes_a_week": 120,
                "done": True,
            },
            {"title": "Quote template for kitchens", "area": "admin", "way": "systemise"},
        ],
        "sources": sources,
        "leads": leads,
        "spend": spend,
        "takings": takings,
    }


# The seeded sources (domain/leads.py), as the file names them; the marketing ones are
# those a marketing block can work for.
SOURCES = [
    ("A customer's referral", "word_of_mouth", 0.30),
    ("Another trade or a merchant", "word_of_mouth", 0.10),
    ("A past customer", "repeat", 0.15),
    ("Google / business profile", "marketing", 0.20),
    ("Website", "marketing", 0.08),
    ("Van or yard sign", "marketing", 0.05),
    ("Flyers or postcards", "marketing", 0.04),
    ("A directory or lead site", "marketing", 0.03),
    ("Other marketing", "marketing", 0.01),
    ("Not sure", "not_sure", 0.04),
]
MARKETING_SOURCES = [f"src{n}" for n, (_, kind, _) in enumerate(SOURCES, 1) if kind == "marketing"]
LOST = ["price", "timing", "no_reply", "went_elsewhere", "other"]


def _coming_in(
    rng: random.Random, first: date, weeks: int, today: date
) -> tuple[list[dict[str, Any]], ...]:
    """Enquiries (about three a week), their quotes and decisions, spend and takings."""
    sources = [
        {"id": f"src{n}", "name": name, "kind": kind, "archived": False}
        for n, (name, kind, _) in enumerate(SOURCES, 1)
    ]
    weights = [weight for _, _, weight in SOURCES]
    leads: list[dict[str, Any]] = []
    for day_number in range(weeks * 7):
        day = first + timedelta(days=day_number)
        if day > today or rng.random() > 3 / 7:
            continue
        lead: dict[str, Any] = {
            "id": f"l{len(leads) + 1}", "came_in": day.isoformat(),
            "who": f"{rng.choice(['Mrs', 'Mr', 'Ms', 'Dr'])} {rng.choice(CLIENTS)}",
            "what": rng.choice(["Kitchen", "Wardrobes", "Doors", "Loft stairs", "Decking", ""]),
            "source": rng.choices([s["id"] for s in sources], weights)[0],
            "referred_by": "", "notes": "", "state": "new", "quoted_on": None, "quote": None,
            "decided_on": None, "value": None, "reason": None,
        }  # fmt: skip
        quoted_on = day + timedelta(days=rng.randint(1, 6))
        if rng.random() < 0.1 and day + timedelta(days=1) <= today:
            lead.update(state="not_quoted", decided_on=(day + timedelta(days=1)).isoformat(),
                        reason=rng.choice(["too_busy", "not_our_work", "other"]))  # fmt: skip
        elif rng.random() < 0.7 and quoted_on <= today:
            quote = rng.randint(4, 120) * 50
            lead.update(state="quoted", quoted_on=quoted_on.isoformat(), quote=quote)
            decided_on = quoted_on + timedelta(days=rng.randint(2, 30))
            if decided_on <= today and rng.random() < 0.85:
                if rng.random() < 0.45:
                    lead.update(state="won", decided_on=decided_on.isoformat(), value=quote)
                else:
                    lead.update(state="lost", decided_on=decided_on.isoformat(),
                                reason=rng.choice(LOST))  # fmt: skip
        # The owner keeps up: an old enquiry never quoted was passed on, and a quote
        # unanswered for six weeks was lost for no reply.
        if lead["state"] == "new" and day + timedelta(days=21) <= today:
            passed_on = (day + timedelta(days=2)).isoformat()
            lead.update(state="not_quoted", decided_on=passed_on, reason="too_busy")
        elif lead["state"] == "quoted" and quoted_on + timedelta(days=45) <= today:
            gave_up = (quoted_on + timedelta(days=45)).isoformat()
            lead.update(state="lost", decided_on=gave_up, reason="no_reply")
        leads.append(lead)
    spend: list[dict[str, Any]] = [
        {
            "day": (first + timedelta(days=rng.randrange(weeks * 7))).isoformat(),
            "amount": rng.randint(2, 60) * 5,
            "source": rng.choice([*MARKETING_SOURCES, None]),
            "note": rng.choice(["200 postcards", "Directory listing", "Van lettering", ""]),
        }
        for _ in range(weeks * 3 // 4)
    ]
    spend = [item for item in spend if item["day"] <= today.isoformat()]
    spend.sort(key=lambda item: item["day"])
    months = sorted({(first + timedelta(weeks=w)).strftime("%Y-%m") for w in range(weeks)})
    this_month = today.strftime("%Y-%m")
    takings = [
        {"month": month, "amount": rng.randint(60, 160) * 100}
        for month in months
        if month < this_month
    ]
    return sources, leads, spend, takings


def _business_share(progress: float, rng: random.Random) -> float:
    """From about 8 % in the first year to about 33 % in the last, with weekly wobble."""
    return min(0.6, max(0.0, 0.08 + 0.25 * progress + rng.gauss(0, 0.05)))


def _tasks(rng: random.Random, first: date, weeks: int, today: date) -> list[dict[str, Any]]:
    tasks = []
    for number in range(weeks * TASKS_PER_WEEK):
        week = number // TASKS_PER_WEEK
        created_day = first + timedelta(weeks=week, days=rng.randrange(7))
        area = rng.choices(list(TITLES), weights=[3, 4, 3, 2])[0]
        title = rng.choice(TITLES[area]).format(client=rng.choice(CLIENTS))
        due = created_day + timedelta(days=rng.randrange(2, 21))
        status = (
            "done" if due < today - timedelta(days=7) else rng.choice(["open", "doing", "open"])
        )
        created = datetime.combine(created_day, time(18, rng.randrange(60)), tzinfo=UTC)
        completed = created + timedelta(days=rng.randrange(1, 14)) if status == "done" else None
        tasks.append(
            {
                "id": f"t{number + 1}",
                "title": title,
                "area": area,
                "status": status,
                "due": due.isoformat() if rng.random() < 0.8 else None,
                "estimate_minutes": rng.choice([30, 60, 90, 120, 240, 480]),
                "notes": "Bring the offcuts back to the shop." if rng.random() < 0.1 else "",
                "created": created.isoformat(),
                "completed": completed.isoformat() if completed else None,
                "purpose": _ask_in(title),
            }
        )
    return tasks


def _ask_in(title: str) -> str | None:
    """The asks among the titles are marked as such, as the app marks its own."""
    if "for a review" in title:
        return "review_ask"
    return "referral_ask" if "for a referral" in title else None


def _blocks(
    rng: random.Random, first: date, weeks: int, today: date, tasks: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    tasks_by_area: dict[str, list[str]] = {area: [] for area in TITLES}
    for task in tasks:
        tasks_by_area[task["area"]].append(task["id"])
    blocks = []
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        share = _business_share(week / max(1, weeks - 1), rng)
        per_day = BLOCKS_PER_WEEK // 5 + 1  # some days fill up before the last one fits
        for weekday in range(5):
            day = monday + timedelta(days=weekday)
            minute = 7 * 60
            for _ in range(per_day):
                length = rng.choice([30, 45, 60, 60, 60, 75, 90])
                if minute + length > 18 * 60:
                    break
                business = rng.random() < share
                area = rng.choice(["marketing", "sales", "admin"]) if business else "production"
                blocks.append(_block(rng, day, minute, length, area, today, tasks_by_area))
                minute += length + rng.choice([0, 0, 5, 15])
    for number, block in enumerate(blocks, start=1):
        block["id"] = f"b{number}"
    return blocks


def _block(
    rng: random.Random,
    day: date,
    start: int,
    length: int,
    area: str,
    today: date,
    tasks_by_area: dict[str, list[str]],
) -> dict[str, Any]:
    status, actual = "planned", None
    if day < today:
        roll = rng.random()
        if roll < 0.08:
            status = "skipped"
        elif roll < 0.88:
            status = "done"
            if rng.random() < 0.3:  # it rarely takes exactly as long as planned
                actual = max(5, length + rng.choice([-30, -15, 15, 30, 60]))
        # the rest stay "planned": weeks the owner never got round to ticking off
    task = rng.choice(tasks_by_area[area]) if rng.random() < 0.3 else None
    title = rng.choice(TITLES[area]).format(client=rng.choice(CLIENTS))
    return {
        "date": day.isoformat(),
        "start": f"{start // 60:02d}:{start % 60:02d}",
        "end": f"{(start + length) // 60:02d}:{(start + length) % 60:02d}",
        "area": area,
        "title": title,
        "status": status,
        "actual_minutes": actual,
        "task": task,
        "purpose": _ask_in(title),
        "notes": "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    parser.add_argument("--json", type=Path, help="also keep the generated file here")
    args = parser.parse_args(argv)

    from tradesman.paths import prepare_data_folder
    from tradesman.services.transfer import import_from_file
    from tradesman.store.database import open_store

    document = build_document(args.years, args.end, args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        source = args.json or Path(scratch) / "generated.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        store = open_store(prepare_data_folder(args.data_dir))
        try:
            result = import_from_file(store, source, "en_GB")
        finally:
            store.close()
    print(
        f"Wrote {result.counts.blocks:,} blocks, {result.counts.tasks:,} tasks and "
        f"{result.counts.leads:,} enquiries ({args.years} years to {args.end}) into "
        f"{args.data_dir}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
