"""The plan's open tasks: every one, by area, soonest due first, with a box to tick."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from tradesman.area_colours import AREA_HEX
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import DAY_NAMES, format_day
from tradesman.reports.paper import styles, tasks_by_area
from tradesman.reports.plan_tables import (
    CELL_CHARACTERS,
    Checkbox,
    area_heading,
    cell,
    cut,
    table_of,
)
from tradesman.reports.sheets import PlanSheet
from tradesman.reports.text import escape


def open_tasks(sheet: PlanSheet) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [Paragraph("Open tasks", style["h1"])]
    tasks = sheet.open_tasks
    if not tasks:
        story.append(
            Paragraph(
                "No open tasks. Add the next marketing and sales steps in Tradesman and "
                "they will be listed here.",
                style["body"],
            )
        )
        return story
    count = "1 open task" if len(tasks) == 1 else f"{len(tasks)} open tasks"
    story.append(
        Paragraph(escape(f"{count}, soonest due first. Tick them off as you go."), style["body"])
    )
    for area, group in tasks_by_area(tasks):
        rows = [
            [Checkbox(), cell(cut(task.title, CELL_CHARACTERS)), _due_cell(task, sheet.today)]
            for task in group
        ]
        story += [
            CondPageBreak(60),
            area_heading(f"{area.label} · {len(group)}", AREA_HEX[area]),
            table_of(rows, [16, None, 80], lines=True),
        ]
    return story


def _due_cell(task: Task, today: date) -> Paragraph:
    if task.due is None:
        return cell("no date", soft=True)
    day = format_day(task.due, with_year=task.due.year != today.year)
    if task.due < today:
        return Paragraph(f"<b>late</b> · {escape(day)}", styles()["cell"])
    return cell(f"{DAY_NAMES[task.due.weekday()][:3]} {day}")
