"""Undo commands: every edit in the window is one of these on the window's QUndoStack.

An `EditCommand` runs its edit the first time (redo), keeps the Change the edit made,
and from then on undoes and redoes by applying that Change backwards and forwards.
If the data refuses (a block removed meanwhile, say), the command reports it and takes
itself off the stack, so the stack never claims an edit that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from tradesman.domain.settings import Settings
from tradesman.errors import UserError
from tradesman.services.changes import Change
from tradesman.ui.shared.literal import for_menu
from tradesman.ui.shared.operations import Operations

if TYPE_CHECKING:
    from tradesman.services.data import Edit

Report = Callable[[str], None]
P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Outcome:
    """What the first run of an edit did. Kept outside the command: QUndoStack deletes
    a command that made itself obsolete as soon as it was pushed."""

    change: Change | None = None


class EditCommand(QUndoCommand):
    """One edit: a services edit function and its arguments (never a closure over a
    connection), run once; then its Change, applied forwards and backwards."""

    def __init__(
        self,
        ops: Operations,
        report: Report,
        text: str,
        edit: Edit[P],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> None:
        super().__init__(for_menu(text))  # shown in the Edit menu: "AT&T" keeps its "&"
        self.words = text  # as written, for the status bar
        self._ops = ops
        # (Checked against the function above; kept loose here, as a QUndoCommand cannot
        # be a Generic.)
        self._edit: Callable[..., Change] = edit
        self._args: tuple[Any, ...] = args
        self._kwargs: dict[str, Any] = kwargs
        self._report = report
        self.outcome = Outcome()
        self.change: Change | None = None

    def redo(self) -> None:
        try:
            if self.change is None:
                self.change = self._ops.run(self._edit, *self._args, **self._kwargs)
                if self.change.is_empty:
                    self.setObsolete(True)  # nothing changed: nothing to undo
                else:
                    self.outcome.change = self.change
            else:
                self._ops.apply(self.change)
        except UserError as exc:
            self.setObsolete(True)
            self._report(exc.message)

    def undo(self) -> None:
        assert self.change is not None
        try:
            self._ops.apply(self.change.reversed())
        except UserError as exc:
            self.setObsolete(True)
            self._report(exc.message)


class EditActions(QObject):
    """What a page asks for, made into undoable edits on the window's undo stack."""

    def __init__(self, ops: Operations, stack: QUndoStack, window: QWidget, report: Report) -> None:
        super().__init__(window)
        self.ops = ops
        self.stack = stack
        self.window = window
        self.report = report

    def push(self, text: str, edit: Edit[P], /, *args: P.args, **kwargs: P.kwargs) -> Change | None:
        """Do `edit(session, *args, **kwargs)` as one undo step called `text`; returns
        its Change (None if it was refused or changed nothing)."""
        return push_edit(self.stack, self.ops, self.report, text, edit, *args, **kwargs)


def push_edit(
    stack: QUndoStack,
    ops: Operations,
    report: Report,
    text: str,
    edit: Edit[P],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Change | None:
    """Do one edit as one undo step; returns its Change (None if refused or empty)."""
    command = EditCommand(ops, report, text, edit, *args, **kwargs)
    outcome = command.outcome
    stack.push(command)  # (an obsolete command is deleted here: use `outcome`)
    if outcome.change is not None:
        _say_sources_cleared(outcome.change, report)
    return outcome.change


def _say_sources_cleared(change: Change, report: Report) -> None:
    """Time moved out of marketing stops counting for the source it worked for: say so,
    so the owner is not surprised when that source's hours drop."""
    from tradesman.services.sources import sources_cleared

    cleared = sources_cleared(change)
    if cleared:
        what = cleared[0] if len(cleared) == 1 else f"{cleared[0]} and {len(cleared) - 1} more"
        report(f"{what} is no longer marketing, so its hours no longer count for a source.")


class SaveCommand(QUndoCommand, Generic[T]):
    """Settings saved whole (not rows): redo saves `after`, undo saves `before`."""

    def __init__(
        self, text: str, save: Callable[[T], object], before: T, after: T, report: Report
    ) -> None:
        super().__init__(text)
        self._save_value, self._before, self._after = save, before, after
        self._report = report

    def redo(self) -> None:
        self._save(self._after)

    def undo(self) -> None:
        self._save(self._before)

    def _save(self, value: T) -> None:
        try:
            self._save_value(value)
        except UserError as exc:
            self.setObsolete(True)
            self._report(exc.message)


def settings_command(
    ops: Operations, before: Settings, after: Settings, report: Report
) -> SaveCommand[Settings]:
    return SaveCommand("Change settings", ops.save_settings, before, after, report)
