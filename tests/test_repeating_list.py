"""Repeating tasks before their first copy exists (issue 12, item 8): the owner is told
where a new one went, sees it under Repeating on the Tasks page, and changes or stops it
there; the dialog of a task made by a rule shows and changes the rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from planner_kit import LEFT, TODAY, Planner
from PySide6.QtCore import Qt

from tradesman.domain.areas import Area
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import TaskStatus
from tradesman.services import task_edits
from tradesman.services.task_rules import all_rules
from tradesman.store.tables import TASKS
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.tasks.tasks_page import TasksPage

KEY = Qt.Key
FAR = TODAY + timedelta(days=23)  # Fri 18 Dec 2026: more than a week ahead


def tasks_page(planner: Planner) -> TasksPage:
    planner.window.show_page(1)
    page = planner.window.desk.tasks_page
    assert page is not None and page.isVisible()
    return page


def shown_dialog(planner: Planner) -> TaskDialog:
    def showing() -> list[TaskDialog]:
        return [d for d in planner.window.findChildren(TaskDialog) if d.isVisible()]

    planner.qtbot.waitUntil(lambda: bool(showing()))
    return showing()[-1]


def save(planner: Planner, dialog: TaskDialog) -> None:
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())


def rules(planner: Planner) -> list[TaskRule]:
    with planner.store.reading() as session:
        return all_rules(session)


def repeating_lines(page: TasksPage) -> list[str]:
    if not page.repeating_box.isVisible():
        return []
    return [page.repeating.item(n).text() for n in range(page.repeating.count())]


def add_rule(planner: Planner, rule: TaskRule) -> None:
    with planner.store.writing() as session:
        task_edits.add_rule(session, rule, TODAY)
    planner.window.refresh_all()


def test_a_repeating_task_due_weeks_ahead_says_where_it_is_and_is_listed(planner: Planner) -> None:
    page = tasks_page(planner)
    assert repeating_lines(page) == []
    planner.window.acts["new_task"].trigger()
    dialog = shown_dialog(planner)
    planner.qtbot.keyClicks(dialog.title, "Chase unpaid invoices")
    dialog.area.setCurrentIndex(3)  # admin
    dialog.repeat.setCurrentIndex(2)  # every ... weeks
    dialog.interval.setValue(2)
    dialog.due.setDate(dialog.due.date().addDays(23))
    assert dialog.catch_up_note.isVisible()  # said before it is saved, too
    assert dialog.catch_up_note.text() == (
        "Its first task appears in your list on 11 Dec 2026; till then it is under "
        "Repeating on the Tasks page."
    )
    save(planner, dialog)
    assert page.models[Area.ADMIN].cards() == []  # no task yet: it appears on 11 Dec
    message = planner.window.statusBar().currentMessage()
    assert message == (
        "'Chase unpaid invoices' repeats every 2 weeks — the first one appears on 11 Dec "
        "(due 18 Dec). Till then it is under Repeating on the Tasks page."
    )
    assert repeating_lines(page) == [
        "Chase unpaid invoices · Every 2 weeks · next due Fri 18 Dec, in the list from 11 Dec"
    ]
    planner.window.acts["undo"].trigger()
    assert repeating_lines(page) == []


def test_the_repeating_list_changes_and_stops_a_rule_from_the_keyboard(planner: Planner) -> None:
    add_rule(planner, TaskRule("Newsletter", Area.MARKETING, Every.MONTHS, 1, FAR))
    page = tasks_page(planner)
    listing = page.repeating
    listing.setFocus()
    listing.setCurrentRow(0)
    planner.qtbot.keyClick(listing, KEY.Key_Return)
    dialog = shown_dialog(planner)
    assert dialog.windowTitle() == "Repeating task"
    assert (dialog.title.text(), dialog.repeats(), dialog.interval.value()) == (
        "Newsletter", Every.MONTHS, 1,
    )  # fmt: skip
    assert dialog.due.date().toPython() == FAR
    dialog.interval.setValue(2)
    save(planner, dialog)
    [changed] = rules(planner)
    assert (changed.interval, changed.first_due, changed.next_due) == (2, FAR, FAR)
    assert repeating_lines(page) == [
        "Newsletter · Every 2 months · next due Fri 18 Dec, in the list from 11 Dec"
    ]
    planner.qtbot.keyClick(listing, KEY.Key_Delete)  # stop it
    assert rules(planner) == [] and repeating_lines(page) == []
    planner.window.acts["undo"].trigger()
    assert len(rules(planner)) == 1 and len(repeating_lines(page)) == 1


def test_the_dialog_of_a_task_made_by_a_rule_shows_and_changes_the_rule(planner: Planner) -> None:
    first = TODAY + timedelta(days=2)  # Friday 27 Nov: made at once
    add_rule(planner, TaskRule("Bookkeeping hour", Area.ADMIN, Every.WEEKS, 1, first))
    page = tasks_page(planner)
    made = [c.task for c in page.models[Area.ADMIN].cards()]
    assert [t.due for t in made] == [first]  # (the next, on 4 Dec, appears on 27 Nov)
    assert planner.window.desk.task_actions is not None
    planner.window.desk.task_actions.edit_task(made[0])
    dialog = shown_dialog(planner)
    assert (dialog.repeats(), dialog.interval.value()) == (Every.WEEKS, 1)
    assert dialog.repeat_row.isVisibleTo(dialog)
    dialog.interval.setValue(2)
    save(planner, dialog)
    [rule] = rules(planner)
    # Counted from this task; the next not yet made comes after the last one made.
    assert (rule.interval, rule.first_due, rule.next_due) == (2, first, first + timedelta(days=14))
    planner.window.acts["undo"].trigger()
    [rule] = rules(planner)
    assert (rule.interval, rule.next_due) == (1, first + timedelta(days=7))


def test_does_not_repeat_in_a_made_tasks_dialog_stops_the_rule_and_keeps_the_task(
    planner: Planner,
) -> None:
    first = TODAY + timedelta(days=2)
    add_rule(planner, TaskRule("Bookkeeping hour", Area.ADMIN, Every.WEEKS, 1, first))
    page = tasks_page(planner)
    task = page.models[Area.ADMIN].cards()[0].task
    assert planner.window.desk.task_actions is not None
    planner.window.desk.task_actions.edit_task(task)
    dialog = shown_dialog(planner)
    dialog.repeat.setCurrentIndex(0)
    dialog.status.setCurrentIndex(1)  # doing
    save(planner, dialog)
    assert rules(planner) == []
    with planner.store.reading() as session:
        kept = {(t.due, t.status, t.rule_id) for t in TASKS.all(session)}
    assert kept == {(first, TaskStatus.DOING, None)}
    assert planner.window.acts["undo"].text() == "&Undo Stop repeating 'Bookkeeping hour'"
    planner.window.acts["undo"].trigger()
    with planner.store.reading() as session:
        back = {(t.due, t.status, t.rule_id is not None) for t in TASKS.all(session)}
    assert back == {(first, TaskStatus.OPEN, True)}
    assert len(rules(planner)) == 1


def test_change_rule_keeps_its_place_unless_the_repeat_changed(store: Any) -> None:
    first = date(2026, 11, 27)
    with store.writing() as session:
        made = task_edits.add_rule(
            session, TaskRule("Tax", Area.ADMIN, Every.WEEKS, 1, first), TODAY
        )
        rule = made.after_rules[0]
        retitled = task_edits.change_rule(session, rule.with_changes(title="VAT"), TODAY)
        assert retitled.after_rules[0].next_due == rule.next_due == date(2026, 12, 4)
        assert retitled.after_tasks == ()
        # Every 3 days from the 27th, after the last one made (the 27th): the 30th is
        # made at once (within its week's lead), 3 Dec is the next to make.
        sooner = task_edits.change_rule(
            session, rule.with_changes(title="VAT", every=Every.DAYS, interval=3), TODAY
        )
        assert [(t.title, t.due) for t in sooner.after_tasks] == [("VAT", date(2026, 11, 30))]
        assert sooner.after_rules[0].next_due == date(2026, 12, 3)


def test_a_rule_title_shows_as_typed_in_the_list(planner: Planner) -> None:
    title = "AT&T <b>x</b> & &amp;"
    add_rule(planner, TaskRule(title, Area.SALES, Every.WEEKS, 1, FAR, notes="<i>n</i> & m"))
    page = tasks_page(planner)
    item = page.repeating.item(0)
    assert item.text().startswith(f"{title} · ")
    assert item.toolTip() == "<qt>&lt;i&gt;n&lt;/i&gt; &amp; m</qt>"
    assert page.repeating.count() == 1


def test_a_note_on_one_made_task_stays_that_tasks_own(planner: Planner) -> None:
    """A note on this month's van service is not one for every van service to come."""
    first = TODAY + timedelta(days=2)
    add_rule(planner, TaskRule("Van service", Area.ADMIN, Every.WEEKS, 1, first, notes="Oil"))
    page = tasks_page(planner)
    [made] = [c.task for c in page.models[Area.ADMIN].cards()]
    assert planner.window.desk.task_actions is not None
    planner.window.desk.task_actions.edit_task(made)
    dialog = shown_dialog(planner)
    dialog.notes.setPlainText("Ford needs tyres")
    planner.type_into(dialog.title, "Van service and tyres")
    save(planner, dialog)
    [rule] = rules(planner)
    assert (rule.title, rule.notes) == ("Van service", "Oil")  # the ones to come keep theirs
    with planner.store.reading() as session:
        edited = next(t for t in TASKS.all(session) if t.id == made.id)
    assert (edited.title, edited.notes) == ("Van service and tyres", "Ford needs tyres")
