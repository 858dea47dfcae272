"""What the tasks page, the schedule list and the calendar ask of tasks, made into
undoable edits: add, change, move between groups, delete, book time on the calendar.

Marking a production task done offers (or, as the settings say, adds) the follow-up
marketing for the job; marking any task done offers to skip its blocks still planned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from tradesman.domain.areas import Area
from tradesman.domain.clock import format_clock
from tradesman.domain.follow_ups import follow_ups_for
from tradesman.domain.free_time import next_free_slot, quarter_after
from tradesman.domain.settings import AfterJob
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task, TaskCard, TaskStatus
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day, week_containing
from tradesman.services import task_edits
from tradesman.services.changes import Change
from tradesman.services.source_list import all_sources
from tradesman.services.task_rule_edits import change_task_and_rule
from tradesman.services.task_rules import RuleGone, get_rule, rules_to_come
from tradesman.ui.shared import prompts
from tradesman.ui.shared.commands import EditActions
from tradesman.ui.week.planner import quoted_title
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.services.templates import Template
    from tradesman.ui.tasks.task_dialog import TaskChoice
    from tradesman.ui.tasks.tasks_page import TasksPage
    from tradesman.ui.week.schedule_list import ScheduleList

STATUS_WORDS = {TaskStatus.OPEN: "to do", TaskStatus.DOING: "doing", TaskStatus.DONE: "done"}


class TaskActions(EditActions):
    """Tasks made, changed, moved between groups, deleted and booked on the calendar."""

    page: TasksPage | None = None
    side_list: ScheduleList | None = None  # To schedule, beside the week
    shown_menu: QMenu | None = None  # the card menu last opened (tests look at it)

    def serve(self, page: TasksPage) -> None:
        """What the tasks page asks by key (and of its repeating tasks), made edits here."""
        self.page = page
        page.delete_requested.connect(self.delete)
        page.read_rules = lambda: self.ops.read(rules_to_come)
        page.rule_edit_requested.connect(self.edit_rule)
        page.rule_menu_requested.connect(self.show_rule_menu)
        page.rule_stop_requested.connect(self.end_rule)

    def _rule_of(self, task: Task) -> TaskRule | None:
        if task.rule_id is None:
            return None
        rule_id = task.rule_id
        try:
            return self.ops.read(get_rule, rule_id)
        except RuleGone:
            return None

    # -- adding and editing -------------------------------------------------------------
    def new_task(self, area: Area = Area.MARKETING) -> None:
        from tradesman.ui.tasks.task_dialog import TaskDialog  # (a dialog loads when asked for)

        dialog = TaskDialog(
            Task("", area), self.ops.today(), is_new=True, parent=self.window,
            sources=self.ops.read(all_sources),
        )  # fmt: skip
        dialog.chosen.connect(self._add_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_chosen(self, choice: TaskChoice) -> None:
        if choice.rule is not None:
            rule, today = choice.rule, self.ops.today()
            change = self.push(
                f"Add repeating task {quoted_title(rule.title)}", task_edits.add_rule, rule, today
            )
            if change is not None and change.after_rules:
                self.report(self._where_it_repeats(change.after_rules[0], change.after_tasks))
        else:
            task = choice.task
            self.push(f"Add task {quoted_title(task.title)}", task_edits.add_tasks, [task])

    def _where_it_repeats(self, rule: TaskRule, made: Sequence[Task]) -> str:
        """Where a new repeating task went: said, because it may have made no task yet."""
        said = f"{quoted_title(rule.title)} repeats {rule.describe().lower()}"
        if made:
            return f"{said}; {count_of(len(made), 'task')} made so far."
        due = rule.pending
        if due is None:
            return f"{said}, but its end date has passed: no task will come of it."
        appears = max(due - timedelta(days=rule.lead_days), self.ops.today())
        return (
            f"{said} — the first one appears on {format_day(appears, with_year=False)} "
            f"(due {format_day(due, with_year=False)}). Till then it is under Repeating on "
            "the Tasks page."
        )

    def edit_task(self, task: Task) -> None:
        from tradesman.ui.tasks.task_dialog import TaskDialog

        rule = self._rule_of(task)
        dialog = TaskDialog(
            task, self.ops.today(), is_new=False, parent=self.window, rule=rule,
            sources=self.ops.read(all_sources),
        )  # fmt: skip
        dialog.chosen.connect(lambda choice: self._edited(task, rule, choice))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _edited(self, old: Task, rule: TaskRule | None, choice: TaskChoice) -> None:
        """A task saved from its dialog, with its rule if it has one and it changed."""
        new = choice.task
        if rule is None or (choice.rule == rule and not choice.stop_repeating):
            self.change(old, new)
            return
        assert rule.id is not None
        verb = "Stop repeating" if choice.rule is None else "Change"
        text, today = f"{verb} {quoted_title(old.title)}", self.ops.today()
        if self.push(text, change_task_and_rule, old, new, rule.id, choice.rule, today) is None:
            return
        if old.status is not TaskStatus.DONE and new.status is TaskStatus.DONE:
            self._after_done(new.with_changes(rule_id=None) if choice.rule is None else new)

    # -- repeating tasks before (and between) their tasks -----------------------------------
    def edit_rule(self, rule: TaskRule) -> None:
        """The Repeating list's Edit…: the rule in the task dialog, its next task shown."""
        due = rule.pending
        if due is None:
            return
        from tradesman.ui.tasks.task_dialog import TaskDialog

        task = rule.task_for(due)
        dialog = TaskDialog(task, self.ops.today(), False, self.window, rule=rule, rule_only=True)
        dialog.chosen.connect(lambda choice: self._rule_edited(rule, choice))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _rule_edited(self, rule: TaskRule, choice: TaskChoice) -> None:
        if choice.stop_repeating:
            self.end_rule(rule)
        elif choice.rule is not None and choice.rule != rule:
            changed, today = choice.rule, self.ops.today()
            self.push(
                f"Change repeating task {quoted_title(rule.title)}",
                task_edits.change_rule,
                changed,
                today,
            )

    def end_rule(self, rule: TaskRule) -> None:
        assert rule.id is not None
        rule_id = rule.id
        self.push(f"Stop repeating {quoted_title(rule.title)}", task_edits.end_rule, rule_id)

    def show_rule_menu(self, rule: TaskRule, where: QPoint) -> None:
        menu = QMenu(self.window)
        menu.addAction("Edit…", partial(self.edit_rule, rule))
        menu.addAction("Stop repeating", partial(self.end_rule, rule))
        self.shown_menu = menu
        menu.popup(where)

    def add_template(self, template: Template) -> None:
        task = template.task(self.ops.today(), self.ops.read(all_sources))
        change = self.push(f"Add task {quoted_title(task.title)}", task_edits.add_tasks, [task])
        if change is not None:
            due = f", due {format_day(task.due)}" if task.due else ""
            self.report(f"Added {quoted_title(task.title)} to {task.area.label.lower()}{due}.")

    def change(self, old: Task, new: Task) -> None:
        if new == old:
            return
        verb = "Change"
        if new.status is not old.status:
            verb = f"Mark {STATUS_WORDS[new.status]}"
        if self.push(f"{verb} {quoted_title(old.title)}", task_edits.change_task, new) is None:
            return
        if old.status is not TaskStatus.DONE and new.status is TaskStatus.DONE:
            self._after_done(new)

    def move(self, task_id: int, status: TaskStatus, area: Area) -> None:
        """A card dropped on another group (status) or lane (area)."""
        card = self.ops.task_card(task_id)
        if card is not None:
            self.change(card.task, card.task.with_changes(status=status, area=area))

    def mark(self, task: Task, status: TaskStatus) -> None:
        self.change(task, task.with_changes(status=status))

    # -- what finishing a task sets off ---------------------------------------------------
    def _after_done(self, task: Task) -> None:
        assert task.id is not None
        card = self.ops.task_card(task.id)
        if card is not None and card.future_blocks:
            today, task_id = self.ops.today(), task.id
            blocks = count_of(card.future_blocks, "block")
            if prompts.confirm(
                self.window,
                "Task done",
                f"{quoted_title(task.title)} still has {blocks} planned on the calendar from today "
                "on. Mark them skipped, so the week shows the time as free?",
                "Mark them skipped",
            ):
                self.push(
                    f"Skip the blocks of {quoted_title(task.title)}",
                    task_edits.skip_future_blocks,
                    task_id,
                    today,
                )
        if task.area is Area.PRODUCTION and task.customer_job:  # (not servicing the tools)
            self._offer_follow_ups(task)

    def _offer_follow_ups(self, job: Task) -> None:
        choice = self.ops.settings().after_job
        if choice is AfterJob.OFF:
            return
        sources = {s.name: s.id for s in self.ops.read(all_sources) if s.id and not s.archived}
        follow_ups = follow_ups_for(job, self.ops.today(), sources)
        if choice is AfterJob.ASK:
            listed = "\n".join(
                f"• {t.title} (due {format_day(t.due)})" for t in follow_ups if t.due
            )
            if not prompts.confirm(
                self.window,
                "After the job, the marketing",
                f"{quoted_title(job.title)} is done. Add the follow-ups that turn it into the next "
                f"job?\n\n{listed}",
                "Add them",
            ):
                return
        self.push(
            f"Add the follow-ups for {quoted_title(job.title)}", task_edits.add_tasks, follow_ups
        )
        self.report(
            f"Added {count_of(len(follow_ups), 'follow-up task')} for {quoted_title(job.title)}."
        )

    # -- deleting ---------------------------------------------------------------------------
    def delete(self, task: Task) -> None:
        assert task.id is not None
        task_id = task.id
        card = self.ops.task_card(task_id)
        linked = card.booked_minutes + card.done_minutes if card else 0
        with_blocks = False
        if linked:
            answer = prompts.choose_blocks_fate(
                self.window,
                f"{quoted_title(task.title)} has time on the calendar. What should happen to "
                "its blocks?",
            )
            if answer is None:
                return
            with_blocks = answer == "delete"
        self.push(
            f"Delete task {quoted_title(task.title)}", task_edits.delete_task, task_id, with_blocks
        )

    # -- the calendar -----------------------------------------------------------------------
    def schedule(self, task_id: int, day: date, start: int) -> Change | None:
        card = self.ops.task_card(task_id)
        if card is None:
            self.report("That task no longer exists.")
            return None
        return self.push(
            f"Book time for {quoted_title(card.task.title)}",
            task_edits.schedule_task,
            task_id,
            day,
            start,
        )

    def schedule_chosen(self) -> None:
        """The Tasks menu's Schedule…: for the card chosen on the tasks page, or in the
        To schedule list beside the week."""
        card = self.page.chosen_card() if self.page is not None and self.page.isVisible() else None
        if card is None and self.side_list is not None and self.side_list.isVisible():
            card = self.side_list.chosen_card()
        if card is None:
            self.report(
                "Choose a task first (on the Tasks page, or in To schedule beside the week); "
                "then Schedule… books time for it."
            )
            return
        self.schedule_card(card)

    def serve_side_list(self, side_list: ScheduleList) -> None:
        """The To schedule list beside the week: its cards' menu and keys, as on the
        Tasks page, and Tasks → Schedule… for the card picked there."""
        self.side_list = side_list
        side_list.view.menu_asked.connect(self.show_card_menu)
        side_list.view.edit_asked.connect(lambda card: self.edit_task(card.task))
        side_list.view.delete_asked.connect(lambda card: self.delete(card.task))

    def schedule_card(self, card: TaskCard) -> None:
        """Ask for a day and start, offering the next free time of the right length."""
        from tradesman.ui.tasks.task_schedule_dialog import ScheduleDialog

        assert card.task.id is not None
        length = task_edits.block_length(card)
        found = self._free_slot(length)
        suggested = found or (self.ops.today(), self.ops.settings().day_start)
        dialog = ScheduleDialog(card, length, suggested, found is not None, self.window)
        task_id, title = card.task.id, card.task.title
        dialog.chosen.connect(lambda chosen: self._book(task_id, title, *chosen))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _book(self, task_id: int, title: str, day: date, start: int) -> None:
        if self.schedule(task_id, day, start) is not None:
            when = f"{SHORT_DAY_NAMES[day.weekday()]} {format_day(day, with_year=False)}"
            self.report(f"Booked {quoted_title(title)} on {when} at {format_clock(start)}.")

    def _free_slot(self, length: int) -> tuple[date, int] | None:
        """The first free time of `length` on a working day, from now to the week's end
        (read through Operations, like the calendar)."""
        settings = self.ops.settings()
        today = self.ops.today()
        week = week_containing(today, settings.week_start)
        now = datetime.now()
        # (Later today only when "today" is the clock's day: tests and a stale window.)
        minute = quarter_after(now.hour * 60 + now.minute) if now.date() == today else 0
        days = [day for day in week.days if day.weekday() in settings.work_days]
        self.ops.make_series_for(week)  # (a step of its own: the read below only reads)
        blocks = self.ops.week_blocks(week)
        return next_free_slot(
            blocks, days, settings.day_start, settings.day_end, length, (today, minute)
        )

    # -- the card menu ------------------------------------------------------------------------
    def card_menu(self, card: TaskCard) -> QMenu:
        task = card.task
        menu = QMenu(self.window)
        menu.addAction("Edit…", partial(self.edit_task, task))
        if task.is_open:
            menu.addAction("Sc&hedule…", partial(self.schedule_card, card))
        menu.addSeparator()
        for status in (TaskStatus.OPEN, TaskStatus.DOING, TaskStatus.DONE):
            action = menu.addAction(
                f"Mark {STATUS_WORDS[status]}", partial(self.mark, task, status)
            )
            action.setEnabled(task.status is not status)
        menu.addSeparator()
        if task.rule_id is not None:
            menu.addAction("Stop repeating", partial(self.stop_repeating, task))
        menu.addAction("Delete", partial(self.delete, task))
        return menu

    def stop_repeating(self, task: Task) -> None:
        """No more tasks from its rule; the ones made stay, this one among them."""
        assert task.rule_id is not None
        rule_id = task.rule_id
        self.push(f"Stop repeating {quoted_title(task.title)}", task_edits.end_rule, rule_id)

    def show_card_menu(self, card: TaskCard, where: QPoint) -> None:
        self.shown_menu = menu = self.card_menu(card)
        menu.popup(where)
