"""The library of ready-made tasks (resources/task_templates.json)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tradesman.assets import resource_path
from tradesman.domain.areas import Area
from tradesman.domain.leads import SEEDED_SOURCES, Source
from tradesman.domain.purposes import Purpose
from tradesman.domain.tasks import Task
from tradesman.domain.validation import check_task


@dataclass(frozen=True)
class Template:
    title: str
    area: Area
    estimate_minutes: int | None
    due_in_days: int | None
    notes: str
    customer_job: bool = True  # false for the own-shop tasks (tool servicing)
    source: str = ""  # the source of work a marketing template works for, by its name
    purpose: Purpose | None = None  # the ask a marketing template is, if one

    def task(self, today: date, sources: Sequence[Source] = ()) -> Task:
        """The task this template makes when added on `today`, working for the source of
        its name among `sources` (none when the owner renamed or archived it)."""
        due = None if self.due_in_days is None else today + timedelta(days=self.due_in_days)
        named = self.source.casefold()
        source_id = next(
            (s.id for s in sources if named and s.name.casefold() == named and not s.archived),
            None,
        )
        return Task(
            self.title,
            self.area,
            due=due,
            estimate_minutes=self.estimate_minutes,
            notes=self.notes,
            customer_job=self.customer_job,
            source_id=source_id,
            purpose=self.purpose,
        )


SEEDED_NAMES = frozenset(name for name, _ in SEEDED_SOURCES)


@cache
def templates() -> tuple[Template, ...]:
    """Every template, checked like any task (a broken file fails the tests, not the user)."""
    raw = json.loads(resource_path("task_templates.json").read_text(encoding="utf-8"))
    found = []
    for item in raw["templates"]:
        template = Template(
            title=item["title"],
            area=Area(item["area"]),
            estimate_minutes=item.get("estimate_minutes"),
            due_in_days=item.get("due_in_days"),
            notes=item.get("notes", ""),
            customer_job=item.get("customer_job", True),
            source=item.get("source", ""),
            purpose=Purpose(item["purpose"]) if "purpose" in item else None,
        )
        check_task(template.task(date(2026, 1, 1)))
        if template.source and template.source not in SEEDED_NAMES:
            raise ValueError(f"{template.title}: no source is called {template.source}")
        found.append(template)
    return tuple(found)
