"""Issue 12, item 6: only a job done for a customer is followed by the after-job
marketing. Whether a task is one is kept in the data file (schema v6), in the exchange
format (version 5), and old files and folders without it get a sensible answer."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import Any

import pytest
from planner_kit import LEFT, TODAY, Planner
from PySide6.QtCore import QPoint

from tradesman.domain.areas import Area
from tradesman.domain.settings import Settings
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.exchange.document import FORMAT_VERSION, from_document, to_document
from tradesman.paths import DataPaths
from tradesman.services import task_edits
from tradesman.services.data_set import read_data_set
from tradesman.services.task_cards import all_task_cards
from tradesman.services.task_rules import all_rules
from tradesman.services.templates import templates
from tradesman.store.database import open_store
from tradesman.store.migrations import MIGRATIONS
from tradesman.ui.shared import prompts
from tradesman.ui.tasks.task_dialog import TaskDialog

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
KITCHEN = {"id": "t1", "title": "Kitchen – Patel", "area": "production"}
TOOLS = {"id": "t2", "title": "Sharpen and service tools", "area": "production"}
LEAFLETS = {"id": "t3", "title": "Leaflets", "area": "marketing"}


def test_an_old_data_file_learns_which_tasks_are_customer_jobs(paths: DataPaths) -> None:
    """A file at version 5 is brought to 6: its production tasks are customer jobs,
    except the library's tool servicing (and a rule making it)."""
    open_store(paths, MIGRATIONS[:5]).close()
    db = sqlite3.connect(paths.database)
    for title, area in (("Kitchen – Patel", "production"),
                        ("Sharpen and service tools", "production")):  # fmt: skip
        db.execute(
            "INSERT INTO task (title, area, status, created) VALUES (?, ?, 'open', ?)",
            (title, area, NOW.isoformat()),
        )
    db.execute(
        "INSERT INTO task_rule (title, area, every, interval, first_due, next_due) VALUES "
        "('Sharpen and service tools', 'production', 'months', 1, '2026-12-01', '2026-12-01')"
    )
    db.commit()
    db.close()
    store = open_store(paths)
    with store.reading() as session:
        jobs = {c.task.title: c.task.customer_job for c in all_task_cards(session, TODAY)}
        rules = [rule.customer_job for rule in all_rules(session)]
    store.close()
    assert jobs == {"Kitchen – Patel": True, "Sharpen and service tools": False}
    assert rules == [False]


def test_the_exchange_format_keeps_it_and_old_files_get_the_same_default() -> None:
    old = {"format": "tradesman", "version": 4, "tasks": [KITCHEN, TOOLS, LEAFLETS]}
    data = from_document(old, Settings(), NOW)
    assert [t.customer_job for t in data.tasks] == [True, False, False]
    # Said in the file, it is kept both ways, and written by the newest version.
    said = [{**KITCHEN, "customer_job": False}, {**TOOLS, "customer_job": True}]
    data = from_document({"format": "tradesman", "version": 5, "tasks": said}, Settings(), NOW)
    assert [t.customer_job for t in data.tasks] == [False, True]
    document = to_document(data)
    assert document["version"] == FORMAT_VERSION >= 5  # (5 added customer_job)
    assert [t["customer_job"] for t in document["tasks"]] == [False, True]
    rule = {"id": "r1", "title": "Sharpen and service tools", "area": "production",
            "every": "months", "first_due": "2026-12-01"}  # fmt: skip
    data = from_document(
        {"format": "tradesman", "version": 4, "task_rules": [rule]}, Settings(), NOW
    )
    assert data.rules[0].customer_job is False
    assert to_document(data)["task_rules"][0]["customer_job"] is False


def test_a_customer_job_that_is_not_true_or_false_is_refused_in_words() -> None:
    from tradesman.exchange.json_text import BadDocument

    bad = {"format": "tradesman", "version": 5, "tasks": [{**KITCHEN, "customer_job": "yes"}]}
    with pytest.raises(BadDocument, match='field "customer_job": "customer_job" must be true'):
        from_document(bad, Settings(), NOW)


def test_it_survives_the_data_file_and_the_tasks_a_rule_makes(store: Any) -> None:
    rule = TaskRule("Sharpen and service tools", Area.PRODUCTION, Every.WEEKS, 1, TODAY,
                    customer_job=False)  # fmt: skip
    with store.writing() as session:
        task_edits.add_tasks(session, [Task("Kitchen", Area.PRODUCTION, customer_job=False)])
        task_edits.add_rule(session, rule, TODAY)
    with store.reading() as session:
        data = read_data_set(session, None)
    assert {(t.title, t.customer_job) for t in data.tasks} == {
        ("Kitchen", False), ("Sharpen and service tools", False),
    }  # fmt: skip
    assert [r.customer_job for r in data.rules] == [False]


def test_the_librarys_own_shop_work_is_not_a_customer_job() -> None:
    """Finishing a materials run or the tool servicing finishes no customer's job: no
    "Materials run: ask for a review"."""
    by_title = {t.title: t for t in templates()}
    for own_shop in ("Sharpen and service tools", "Order materials", "Shop prep", "Materials run"):
        assert by_title[own_shop].task(date(2026, 1, 1)).customer_job is False, own_shop
    assert by_title["Snagging visit"].task(date(2026, 1, 1)).customer_job is True


def add(planner: Planner, *tasks: Task) -> None:
    with planner.store.writing() as session:
        task_edits.add_tasks(session, tasks)
    planner.window.refresh_all()


def dialog_for(planner: Planner, task: Task | None = None) -> TaskDialog:
    planner.window.show_page(1)
    actions = planner.window.desk.task_actions
    assert actions is not None
    if task is None:
        actions.new_task(Area.PRODUCTION)
    else:
        actions.edit_task(task)
    shown = [d for d in planner.window.findChildren(TaskDialog) if d.isVisible()]
    assert shown
    return shown[-1]


def test_the_after_job_offer_comes_only_for_a_customer_job(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, question, _a: asked.append(question))
    add(planner, Task("Sharpen and service tools", Area.PRODUCTION, customer_job=False))
    dialog = dialog_for(planner)
    # A new production task is a customer job unless unticked.
    assert dialog.customer_job.isVisible() and dialog.customer_job.isChecked()
    assert dialog.customer_job.text() == "A job for a customer"
    dialog.reject()
    page = planner.window.desk.tasks_page
    assert page is not None
    tools = next(c.task for c in page.models[Area.PRODUCTION].cards())
    dialog = dialog_for(planner, tools)
    assert not dialog.customer_job.isChecked()  # as stored
    dialog.status.setCurrentIndex(2)  # done
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    with planner.store.reading() as session:
        assert [c.task.status for c in all_task_cards(session, TODAY)] == [TaskStatus.DONE]
    assert asked == []  # no "Ask for a review: Sharpen and service tools"
    assert page.models[Area.MARKETING].cards() == []


def test_ticking_it_in_the_dialog_is_saved(planner: Planner) -> None:
    dialog = dialog_for(planner)
    planner.qtbot.keyClicks(dialog.title, "Service the planer")
    box = dialog.customer_job
    planner.qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))  # on the tick box
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    page = planner.window.desk.tasks_page
    assert page is not None
    made = [c.task for c in page.models[Area.PRODUCTION].cards()]
    assert [(t.title, t.customer_job) for t in made] == [("Service the planer", False)]
    # A marketing task has no use for it: not shown.
    dialog = dialog_for(planner)
    dialog.area.setCurrentIndex(1)
    assert not dialog.customer_job.isVisible()
    dialog.reject()
