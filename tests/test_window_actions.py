"""The declared table of the window's commands (ui/window/action_table.py) holds together:
every row's handler is a method its owner has, every menu names a row, no two rows
share an id or a key (the commands at work are tested page by page elsewhere)."""

from __future__ import annotations

import inspect

from tradesman.ui.main_window import MainWindow
from tradesman.ui.tasks.task_actions import TaskActions
from tradesman.ui.week.planner import Planner
from tradesman.ui.week.week_view import WeekView
from tradesman.ui.window.action_table import ACTIONS, MENUS
from tradesman.ui.window.calendar_actions import CalendarActions
from tradesman.ui.window.calendar_import_actions import CalendarImport
from tradesman.ui.window.desk import Desk
from tradesman.ui.window.print_actions import PrintActions
from tradesman.ui.window.sheet_export import SheetExport
from tradesman.ui.window.transfer_actions import DataTransfer
from tradesman.ui.work.lead_actions import LeadActions

OWNERS: dict[str, type] = {
    "window": MainWindow,
    "desk": Desk,
    "planner": Planner,
    "tasks": TaskActions,
    "leads": LeadActions,
    "week_view": WeekView,
    "transfer": DataTransfer,
    "calendar": CalendarActions,
    "calendar_in": CalendarImport,
    "printing": PrintActions,
    "sheets": SheetExport,
}


def test_every_command_names_a_method_its_owner_has() -> None:
    for act in ACTIONS:
        handler = getattr(OWNERS[act.owner], act.handler, None)
        assert callable(handler), f"{act.id}: {act.owner} has no {act.handler}()"
        if not inspect.isfunction(handler):
            continue  # Qt's own (QWidget.close): no Python signature to read
        # Called with the row's arguments and nothing else (self aside).
        parameters = list(inspect.signature(handler).parameters.values())[1:]
        needed = [p for p in parameters if p.default is inspect.Parameter.empty]
        assert len(needed) <= len(act.args) <= len(parameters), act.id


def test_ids_and_keys_are_each_used_once_and_every_menu_item_is_declared() -> None:
    ids = [act.id for act in ACTIONS]
    assert len(ids) == len(set(ids))
    keys = [key for act in ACTIONS for key in act.keys]
    assert len(keys) == len(set(keys)), "two commands on one key"
    declared = set(ids) | {"undo", "redo"}
    for title, items in MENUS:
        for item in items:
            assert item is None or item in declared, f"{title} names {item}"
