"""What the tasks page, the schedule list and the calendar ask of tasks, made into
undoable edits: add, change, move between groups, delete, book time on the calendar.

Marking a production task done offers (or, as the settings say, adds) the follow-up
marketing for the job; marking any task done offers to skip its blocks still planned.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from tradesman.domain.areas import Area
from tradesman.domain.follow_ups import follow_ups_for
from tradesman.domain.settings import AfterJob
from tradesman.domain.tasks import Task, TaskCard, TaskStatus
from tradesman.domain.weeks import format_day
from tradesman.services import task_edits
from tradesman.services.changes import Change
from tradesman.services.templates import Template
from tradesman.ui import prompts
from tradesman.ui.commands import EditActions
from tradesman.ui.planner import quoted_title
from tradesman.ui.task_dialog import TaskChoice, TaskDialog
from tradesman.words import count_of

STATUS_WORDS = {TaskStatus.OPEN: "to do", TaskStatus.DOING: "doing", TaskStatus.DONE: "done"}


class TaskActions(EditActions):
    """Tasks made, changed, moved between groups, deleted and booked on the calendar."""

    # -- adding and editing -------------------------------------------------------------
    def new_task(self, area: Area = Area.MARKETING) -> None:
        dialog = TaskDialog(Task("", area), self.ops.today(), is_new=True, parent=self.window)
        dialog.chosen.connect(self._add_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_chosen(self, choice: TaskChoice) -> None:
        if choice.rule is not None:
            rule, today = choice.rule, self.ops.today()
            self.push(
                f"Add repeating task {quoted_title(rule.title)}",
                lambda s: task_edits.add_rule(s, rule, today),
            )
        else:
            task = choice.task
            self.push(
                f"Add task {quoted_title(task.title)}", lambda s: task_edits.add_tasks(s, [task])
            )

    def edit_task(self, task: Task) -> None:
        dialog = TaskDialog(task, self.ops.today(), is_new=False, parent=self.window)
        dialog.chosen.connect(lambda choice: self.change(task, choice.task))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_template(self, template: Template) -> None:
        task = template.task(self.ops.today())
        change = self.push(
            f"Add task {quoted_title(task.title)}", lambda s: task_edits.add_tasks(s, [task])
        )
        if change is not None:
            due = f", due {format_day(task.due)}" if task.due else ""
            self.report(f"Added {quoted_title(task.title)} to {task.area.label.lower()}{due}.")

    def change(self, old: Task, new: Task) -> None:
        if new == old:
            return
        verb = "Change"
        if new.status is not old.status:
            verb = f"Mark {STATUS_WORDS[new.status]}"
        if (
            self.push(f"{verb} {quoted_title(old.title)}", lambda s: task_edits.change_task(s, new))
            is None
        ):
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
                    lambda s: task_edits.skip_future_blocks(s, task_id, today),
                )
        if task.area is Area.PRODUCTION and task.customer_job:  # (not servicing the tools)
            self._offer_follow_ups(task)

    def _offer_follow_ups(self, job: Task) -> None:
        choice = self.ops.settings().after_job
        if choice is AfterJob.OFF:
            return
        follow_ups = follow_ups_for(job, self.ops.today())
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
            f"Add the follow-ups for {quoted_title(job.title)}",
            lambda s: task_edits.add_tasks(s, follow_ups),
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
            f"Delete task {quoted_title(task.title)}",
            lambda s: task_edits.delete_task(s, task_id, with_blocks),
        )

    # -- the calendar -----------------------------------------------------------------------
    def schedule(self, task_id: int, day: date, start: int) -> Change | None:
        card = self.ops.task_card(task_id)
        if card is None:
            self.report("That task no longer exists.")
            return None
        return self.push(
            f"Book time for {quoted_title(card.task.title)}",
            lambda s: task_edits.schedule_task(s, task_id, day, start),
        )

    # -- the card menu ------------------------------------------------------------------------
    def card_menu(self, card: TaskCard) -> QMenu:
        task = card.task
        menu = QMenu(self.window)
        menu.addAction("Edit…", partial(self.edit_task, task))
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
        self.push(
            f"Stop repeating {quoted_title(task.title)}",
            lambda s: task_edits.end_rule(s, rule_id),
        )

    def show_card_menu(self, card: TaskCard, where: QPoint) -> None:
        self.card_menu(card).popup(where)
