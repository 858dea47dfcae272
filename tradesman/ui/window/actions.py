"""The window's QActions, made from the declared table (action_table.py).

Each action is made greyed out and comes alive when its owner is bound: the window at
once, the calendar when the first week is shown, the edits when the data is open.
Which page is on show decides the rest (see `follow_page`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from tradesman.domain.areas import Area
from tradesman.ui.window.action_table import (
    ACTIONS,
    AREA_ACTIONS,
    MENUS,
    PAGE_ACTIONS,
    PAGE_WHERE,
    REDO_KEYS,
    UNDO_KEYS,
    WEEK_PAGE,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow


class WindowActions:
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        self._window = window
        self._acts = {act.id: act for act in ACTIONS}
        self._actions: dict[str, QAction] = {}
        self._bound: set[str] = set()
        self._page = WEEK_PAGE
        for act in ACTIONS:
            # QAction(parent) then setText: the (text, parent) overload makes PySide build
            # the QIcon.ThemeIcon enum (151 members) while choosing between constructors.
            action = QAction(window)
            action.setText(act.text)
            if act.tip:
                action.setStatusTip(act.tip)
                action.setToolTip(act.tip)
            action.setCheckable(act.checkable)
            action.setEnabled(False)  # until its owner is there
            window.addAction(action)  # its keys work even where no menu shows it
            self._actions[act.id] = action
        # Qt's own undo actions follow the stack: "Undo Move 'Kitchen job'", enabled or not.
        self._actions["undo"] = undo_stack.createUndoAction(window, "&Undo")
        self._actions["redo"] = undo_stack.createRedoAction(window, "&Redo")
        for key in ("undo", "redo"):
            window.addAction(self._actions[key])
        self.page_group = self._group(PAGE_ACTIONS)
        self._actions["week_page"].setChecked(True)
        self.area_group = self._group(tuple(AREA_ACTIONS.values()))
        self._actions[AREA_ACTIONS[Area.PRODUCTION]].setChecked(True)
        self._keys_bound = False

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    @property
    def page_actions(self) -> tuple[QAction, ...]:
        return tuple(self._actions[key] for key in PAGE_ACTIONS)

    @property
    def area_actions(self) -> dict[Area, QAction]:
        return {area: self._actions[key] for area, key in AREA_ACTIONS.items()}

    def _group(self, ids: tuple[str, ...]) -> QActionGroup:
        group = QActionGroup(self._window)
        for key in ids:
            group.addAction(self._actions[key])
        return group

    def fill_menus(self) -> None:
        bar = self._window.menuBar()
        for title, ids in MENUS:
            menu = bar.addMenu(title)
            for key in ids:
                menu.addSeparator() if key is None else menu.addAction(self._actions[key])

    def bind_keys(self) -> None:
        """Give every action its keys: done when the data arrives, as making ~40 key
        sequences costs a few ms the first paint need not wait for."""
        if self._keys_bound:
            return
        self._keys_bound = True
        keys = {act.id: act.keys for act in ACTIONS} | {"undo": UNDO_KEYS, "redo": REDO_KEYS}
        for key, sequences in keys.items():
            if sequences:
                # setShortcuts (plural): setShortcut's overloads make PySide load the
                # whole Qt enum namespace (~13 ms) before the first paint.
                self._actions[key].setShortcuts([QKeySequence(s) for s in sequences])

    def bind(self, owner_name: str, owner: object) -> None:
        """Connect the actions `owner_name` does straight to `owner`'s methods."""
        for act in ACTIONS:
            if act.owner == owner_name:
                self._actions[act.id].triggered.connect(
                    partial(_call, getattr(owner, act.handler), act.args)
                )
                self._bound.add(act.id)
        self.follow_page(self._page)

    def bind_on_first_use(self, owner_name: str, get_owner: Callable[[], object]) -> None:
        """As `bind`, for an owner made only when one of its actions is first used
        (`get_owner` makes it, or gives the one made already)."""
        for act in ACTIONS:
            if act.owner == owner_name:
                self._actions[act.id].triggered.connect(
                    partial(_call_on, get_owner, act.handler, act.args)
                )
                self._bound.add(act.id)
        self.follow_page(self._page)

    def follow_page(self, page: int) -> None:
        """Each action alive where it may act: its owner is there and the page fits."""
        self._page = page
        for key in self._bound:
            self._actions[key].setEnabled(self._acts[key].where in PAGE_WHERE[page])


def _call(handler: object, args: tuple[object, ...], _checked: bool = False) -> None:
    assert callable(handler)
    handler(*args)


def _call_on(
    get_owner: Callable[[], object], name: str, args: tuple[object, ...], _checked: bool = False
) -> None:
    _call(getattr(get_owner(), name), args)
