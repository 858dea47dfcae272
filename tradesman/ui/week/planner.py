"""The week planner's brain: what the canvas and the menus ask for, made into undoable edits.

The canvas says what the user meant (moved this block, drew that one, delete this);
the planner decides how, asks the owner where a choice is theirs (only this block of
a series, or the whole series?), and pushes one command per edit onto the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ParamSpec

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.clock import MINUTES_PER_DAY, format_clock, format_hours, parse_duration
from tradesman.domain.planning import copied_week, moved, next_day_copy
from tradesman.domain.series import series_following
from tradesman.domain.weeks import Week, format_day
from tradesman.errors import UserError
from tradesman.services import edits
from tradesman.services.changes import Change
from tradesman.services.source_list import all_sources
from tradesman.ui.shared import prompts
from tradesman.ui.shared.commands import push_edit
from tradesman.ui.shared.operations import Operations
from tradesman.ui.week.week_canvas import WeekCanvas
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.services.data import Edit
    from tradesman.ui.week.block_dialog import BlockChoice, BlockDialog

P = ParamSpec("P")


def quoted_title(title: str) -> str:
    """'Kitchen job', shortened for menus and messages."""
    return f"'{title if len(title) <= 40 else title[:39] + '…'}'"


def quoted(block: TimeBlock) -> str:
    return quoted_title(block.title)


def describe_change(old: TimeBlock, new: TimeBlock) -> str:
    """'Move', 'Resize' or 'Change', as the undo menu will say it."""
    if new.length_minutes != old.length_minutes and new.day == old.day:
        return "Resize"
    if (new.day, new.start) != (old.day, old.start) and new.length_minutes == old.length_minutes:
        return "Move"
    return "Change"


class Planner(QObject):
    def __init__(
        self,
        ops: Operations,
        canvas: WeekCanvas,
        window: QWidget,
        stack: QUndoStack,
        report: Callable[[str], None],
        week: Callable[[], Week],
        go_to: Callable[[date], None],
    ) -> None:
        super().__init__(window)
        self.go_to = go_to
        self.ops = ops
        self.canvas = canvas
        self.window = window
        self.report = report
        self.week = week
        self.stack = stack
        self.clipboard: TimeBlock | None = None
        canvas.block_changed.connect(self.change_block)
        canvas.block_drawn.connect(self.add_block)
        canvas.edit_requested.connect(self.edit_block)
        canvas.new_block_requested.connect(self.new_block)
        canvas.delete_requested.connect(self.delete_block)
        canvas.context_requested.connect(self.show_block_menu)

    def today(self) -> date:
        return self.ops.today()

    def push(self, text: str, edit: Edit[P], /, *args: P.args, **kwargs: P.kwargs) -> Change | None:
        """Do `edit(session, *args, **kwargs)` as one undo step; returns its Change (None
        if it was refused)."""
        return push_edit(self.stack, self.ops, self.report, text, edit, *args, **kwargs)

    def _select_first_new(self, change: Change | None) -> None:
        if change is not None and change.after_blocks:
            self.canvas.select(change.after_blocks[0])

    # -- from the canvas ------------------------------------------------------------
    def add_block(self, block: TimeBlock) -> None:
        change = self.push(f"Add {quoted(block)}", edits.add_blocks, [block])
        self._select_first_new(change)

    def change_block(self, old: TimeBlock, new: TimeBlock) -> None:
        """A block moved, resized or otherwise changed in one go (drag, keys, menu)."""
        if new == old:
            return
        verb = describe_change(old, new)
        if old.series_id is None or _only_status_changed(old, new):
            # (A status belongs to one block, so it never asks about the series.)
            if self.push(f"{verb} {quoted(old)}", edits.change_block, new):
                self._follow(new.day, new.id)
            return
        if old.day < self.today():
            # A series changes from today on; a block in the past can only change itself.
            if self.push(f"{verb} {quoted(old)}", edits.change_occurrence, new):
                self.report(
                    "Changed only this block: it is in the past. To change the series, "
                    "change one of its blocks from today on."
                )
                self._follow(new.day, new.id)
            return
        scope = self._ask_scope(verb, old)
        if scope == "this":
            if self.push(f"{verb} {quoted(old)}", edits.change_occurrence, new):
                self._follow(new.day, new.id)
        elif scope == "series":
            try:
                series = series_following(self.ops.series(old.series_id).series, old, new)
            except (ValueError, UserError) as exc:
                self.report(str(exc))
                self.canvas.update()
                return
            today = self.today()
            self.push(
                f"{verb} series {quoted(old)} from today on", edits.change_series, series, today
            )
        else:
            self.canvas.update()  # cancelled: the preview goes back

    def _ask_scope(self, verb: str, block: TimeBlock) -> str | None:
        past = block.day < self.today()
        then = (
            " This block is in the past: it stays as it was either way, unless you choose it alone."
            if past
            else " Blocks already in the past stay as they were."
        )
        return prompts.choose_scope(
            self.window,
            f"{verb} a repeating block",
            f"{quoted(block)} repeats. {verb} only this block, or the whole series from today "
            f"on?{then}",
        )

    def _follow(self, day: date, block_id: int | None = None) -> None:
        """A block moved or copied into another week: show that week (with the block
        selected again), so it stays in view."""
        if not self.week().contains(day):
            self.go_to(day)
            found = [b for b in self.canvas.blocks if b.id == block_id]
            if found:
                self.canvas.select(found[0])

    def delete_block(self, block: TimeBlock) -> None:
        if block.series_id is None:
            self.push(f"Delete {quoted(block)}", edits.delete_blocks, [block.id or 0])
            return
        scope = self._ask_scope("Delete", block)
        series_id = block.series_id
        if scope == "this":
            self.push(f"Delete {quoted(block)}", edits.delete_occurrence, block.id or 0)
        elif scope == "series":
            today = self.today()
            self.push(
                f"Delete series {quoted(block)} from today on", edits.end_series, series_id, today
            )

    def edit_block(self, block: TimeBlock) -> None:
        from tradesman.ui.week.block_dialog import BlockDialog  # (loads when first asked for)

        try:
            series = self.ops.series(block.series_id).series if block.series_id else None
        except UserError as exc:  # the series was removed meanwhile (another window)
            self.report(exc.message)
            return
        dialog = BlockDialog(
            block, series, False, self.window, self.ops.settings().week_start, self.today(),
            self.ops.read(all_sources),
        )  # fmt: skip
        self._open_dialog(dialog, block)

    def new_block(self, day: date, start: int) -> None:
        from tradesman.ui.week.block_dialog import BlockDialog

        start = min(start, MINUTES_PER_DAY - 15)
        end = min(MINUTES_PER_DAY, start + 60)
        draft = TimeBlock(day, start, end, self.canvas.paint_area, "")
        dialog = BlockDialog(
            draft, None, True, self.window, self.ops.settings().week_start, self.today(),
            self.ops.read(all_sources),
        )  # fmt: skip
        self._open_dialog(dialog, None)

    def _open_dialog(self, dialog: BlockDialog, old: TimeBlock | None) -> None:
        dialog.chosen.connect(lambda choice: self.apply_choice(old, choice))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, but the event loop runs on (and tests can type)

    def apply_choice(self, old: TimeBlock | None, choice: BlockChoice) -> None:
        block, series, today = choice.block, choice.series, self.today()
        if old is None:
            if series is None:
                self.add_block(block)
            else:
                change = self.push(
                    f"Add repeating {quoted(block)}", edits.add_series, series, today, first=block
                )
                self._select_first_new(change)
            return
        if choice.stop_repeating and old.series_id is not None:
            series_id = old.series_id
            self.push(
                f"Stop repeating {quoted(old)} from today on", edits.end_series, series_id, today
            )
        elif series is not None and old.series_id is not None:
            self.push(
                f"Change series {quoted(old)} from today on", edits.change_series, series, today
            )
        elif series is not None:
            # A plain block made to repeat: the series takes its place from its day on.
            change = self.push(f"Repeat {quoted(old)}", edits.repeat_block, block, series, today)
            self._select_first_new(change)
        elif old.series_id is not None and not _only_status_changed(old, block) and block != old:
            # "Only this block", chosen in the dialog: it leaves the series.
            self.push(f"Change {quoted(old)}", edits.change_occurrence, block)
        else:
            self.change_block(old, block)  # a plain block, or only its status: no question

    # -- the selected block, from menus and keys -----------------------------------------
    def selected(self) -> TimeBlock | None:
        block = self.canvas.selected()
        if block is None:
            self.report("Select a block first: click it, or press Tab.")
        return block

    def edit_selected(self) -> None:
        """Edit the selected block; with none selected, a new one where the cursor is."""
        block = self.canvas.selected()
        if block is not None:
            self.edit_block(block)
        else:
            self.new_block(self.canvas.cursor_day, self.canvas.cursor_minute)

    def mark(self, status: BlockStatus | str) -> None:
        status = BlockStatus(status)  # (the menus pass its name: no import before first paint)
        block = self.selected()
        if block is not None and block.status is not status:
            verb = {BlockStatus.DONE: "Mark done", BlockStatus.SKIPPED: "Mark skipped"}.get(
                status, "Mark planned"
            )
            self.push(
                f"{verb} {quoted(block)}", edits.change_block, block.with_changes(status=status)
            )

    def set_actual_time(self) -> None:
        block = self.selected()
        if block is None:
            return
        current = block.actual_minutes if block.actual_minutes is not None else block.length_minutes
        answer = prompts.ask_duration(
            self.window, "Actual time", f"How long did {quoted(block)} really take?",
            format_hours(current),
        )  # fmt: skip
        if answer is None:
            return
        try:
            minutes = parse_duration(answer)
        except ValueError as exc:
            self.report(str(exc))
            return
        done = block.with_changes(status=BlockStatus.DONE, actual_minutes=minutes)
        self.push(f"Set actual time of {quoted(block)}", edits.change_block, done)

    def change_area(self, area: Area) -> None:
        block = self.selected()
        if block is not None and block.area is not area:
            self.change_block(block, block.with_changes(area=area))

    def delete_selected(self) -> None:
        block = self.selected()
        if block is not None:
            self.delete_block(block)

    def copy(self) -> None:
        block = self.selected()
        if block is None:
            return
        self.clipboard = block
        QGuiApplication.clipboard().setText(
            f"{block.title}, {format_day(block.day)} {format_clock(block.start)}–"
            f"{format_clock(block.end)} ({block.area.value})"
        )
        self.report(f"Copied {quoted(block)}. Click where it should go and paste (Ctrl+V).")

    def paste(self) -> None:
        if self.clipboard is None:
            self.report("Nothing to paste yet: copy a block first (Ctrl+C).")
            return
        copy = moved(self.clipboard, self.canvas.cursor_day, self.canvas.cursor_minute)
        copy = copy.with_changes(
            id=None, series_id=None, status=BlockStatus.PLANNED, actual_minutes=None
        )
        change = self.push(f"Paste {quoted(copy)}", edits.add_blocks, [copy])
        self._select_first_new(change)

    def duplicate(self) -> None:
        block = self.selected()
        if block is not None:
            copy = next_day_copy(block)
            change = self.push(f"Duplicate {quoted(block)}", edits.add_blocks, [copy])
            if change is not None:
                self._follow(copy.day, change.after_blocks[0].id)
            self._select_first_new(change)

    def copy_last_week(self) -> None:
        """Copy last week's plan into the week on show. Asks first when the week has
        plans already (on top of them, or only the empty days?) and leaves the days
        already gone alone unless the owner ticks them in."""
        week, today = self.week(), self.today()
        # Repeating blocks are made first, in a step of their own (last week's with them),
        # so the reads below only read.
        self.ops.make_series_for(week)
        source, here = week.previous(), self.ops.week_blocks(week)
        copies = copied_week(self.ops.week_blocks(source), source, week, already=here)
        if not copies:
            self.report(
                "Nothing to copy: last week has no blocks this week does not have already "
                "(repeating blocks are in every week)."
            )
            return
        lands_in_past = any(copy.day < today for copy in copies)
        gone = [day for day in week.days if day < today] if lands_in_past else []
        # The week's own plans: repeating blocks are in every week, so they alone do not
        # make a week planned (nor a day busy), or every week would ask.
        planned = [block for block in here if block.series_id is None]
        busy = {block.day for block in planned}
        skip: set[date] = set(gone)
        if planned or gone:
            answer = prompts.ask_how_to_copy_week(
                self.window,
                _copy_question(copies, len(planned), gone),
                week_has_plans=bool(planned),
                gone_days=_day_list(gone) if gone else None,
            )
            if answer is None:
                return
            where, onto_gone = answer
            skip = (set() if onto_gone else set(gone)) | (busy if where == "empty" else set())
        skipping = frozenset(skip)
        change = self.push(
            "Copy last week's plan", edits.copy_week_plan, source, week, skip_days=skipping
        )
        if change is None:
            self.report("Nothing copied: every day last week's blocks would go on was left out.")
        else:
            self.report(f"Copied {count_of(len(change.after_blocks), 'block')} from last week.")

    # -- the right-click menu -------------------------------------------------------------
    def show_block_menu(self, block: TimeBlock, where: QPoint) -> None:
        self.block_menu(block).popup(where)

    def block_menu(self, block: TimeBlock) -> QMenu:
        menu = QMenu(self.window)
        menu.addAction("Edit…", lambda: self.edit_block(block))
        menu.addSeparator()
        for status, text in (
            (BlockStatus.DONE, "Mark done"),
            (BlockStatus.SKIPPED, "Mark skipped"),
            (BlockStatus.PLANNED, "Mark planned"),
        ):
            action = menu.addAction(text, partial(self.mark, status))
            action.setEnabled(block.status is not status)
        menu.addAction("Set actual time…", self.set_actual_time)
        areas = menu.addMenu("Change area")
        for area in AREAS:
            action = areas.addAction(area.label, partial(self.change_area, area))
            action.setEnabled(area is not block.area)
        menu.addSeparator()
        menu.addAction("Copy", self.copy)
        menu.addAction("Duplicate to next day", self.duplicate)
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.delete_block(block))
        return menu


def _copy_question(copies: list[TimeBlock], already: int, gone: list[date]) -> str:
    """Says how many copies land where: only those on days to come go by default."""
    onto_gone = sum(1 for copy in copies if gone and copy.day <= gone[-1])
    to_come = len(copies) - onto_gone
    words = f"Last week has {count_of(to_come, 'block')} to copy onto the days to come."
    if already:
        words += (
            f" This week has {count_of(already, 'block')} of its own already: add the copies "
            "on top, or only on the days that are still empty?"
        )
    if onto_gone:
        words += (
            f" {onto_gone} more would go on {_day_list(gone)}, already gone: "
            "tick below to copy those too."
        )
    return words


def _day_list(days: list[date]) -> str:
    """'Mon 23 Nov', 'Mon 23 and Tue 24 Nov', 'Mon 23 to Wed 25 Nov': days in a row."""
    first, last = days[0], days[-1]
    end = f"{last:%a} {last.day} {last:%b}"
    if len(days) == 1:
        return end
    start = f"{first:%a} {first.day}" + (f" {first:%b}" if first.month != last.month else "")
    return f"{start}{' and ' if len(days) == 2 else ' to '}{end}"


def _only_status_changed(old: TimeBlock, new: TimeBlock) -> bool:
    return old.with_changes(status=new.status, actual_minutes=new.actual_minutes) == new
