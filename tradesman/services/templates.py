"""The library of ready-made tasks (resources/task_templates.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tradesman.assets import resource_path
from tradesman.domain.areas import Area
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

    def task(self, today: date) -> Task:
        """The task this template makes when added on `today`."""
        due = None if self.due_in_days is None else today + timedelta(days=self.due_in_days)
        return Task(
            self.title,
            self.area,
            due=due,
            estimate_minutes=self.estimate_minutes,
            notes=self.notes,
            customer_job=self.customer_job,
        )


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
        )
        check_task(template.task(date(2026, 1, 1)))
        found.append(template)
    return tuple(found)
