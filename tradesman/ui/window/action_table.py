"""Every command of the window, declared once: its words, keys, menu and who does it.

A row names the object that does the work (`owner`) and which of its methods
(`handler`); the action is connected straight to that object when it exists (see
WindowActions.bind), and stays greyed out until then. The window's own commands work
from the first paint; the edits wait for the data ("desk", "planner", "tasks"), and
zooming waits for the calendar ("week_view"). tests/test_window_actions.py checks that
every row's handler is a method of its owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tradesman.domain.areas import AREAS, Area
from tradesman.identity import APP_NAME


class Where(Enum):
    """On which pages an edit may act (a key pressed on the Tasks page must not change
    a block that is not on screen)."""

    ANYWHERE = "anywhere"
    CALENDAR = "calendar"  # the Week page
    CALENDAR_OR_CHARTS = "calendar or charts"  # Ctrl+C copies the charts as a picture
    CHARTS = "charts"


@dataclass(frozen=True)
class Act:
    id: str  # its name in the code and the tests: window.actions["undo"]
    text: str  # with & before the menu's access key
    # "window", "week_view", "desk", "planner", "tasks", "leads", "transfer", "calendar",
    # "calendar_in", "printing", "sheets"
    owner: str
    handler: str  # the owner's method, called with `args`
    keys: tuple[str, ...] = ()
    tip: str = ""  # said in the status bar (or as a tooltip, for the Draw buttons)
    args: tuple[object, ...] = ()
    where: Where = Where.ANYWHERE
    checkable: bool = False


# Keys written out, not QKeySequence.StandardKey: touching that enum makes PySide build
# all its ~70 members before the first paint. (Qt reads "Ctrl" as Cmd on macOS.)
UNDO_KEYS, REDO_KEYS = ("Ctrl+Z",), ("Ctrl+Shift+Z", "Ctrl+Y")
# The pages in the order of the stack; their names are remembered.
PAGES = ("week", "tasks", "charts", "plan", "work")
WEEK_PAGE, TASKS_PAGE, CHARTS_PAGE, PLAN_PAGE, WORK_PAGE = range(5)
PAGE_WHERE = {
    WEEK_PAGE: {Where.ANYWHERE, Where.CALENDAR, Where.CALENDAR_OR_CHARTS},
    TASKS_PAGE: {Where.ANYWHERE},
    CHARTS_PAGE: {Where.ANYWHERE, Where.CALENDAR_OR_CHARTS, Where.CHARTS},
    PLAN_PAGE: {Where.ANYWHERE},
    WORK_PAGE: {Where.ANYWHERE},
}
_CAL = Where.CALENDAR


def _area_act(number: int, area: Area) -> Act:
    kind = "technician" if not area.is_business else "business"
    tip = f"Draw {area.label.lower()} blocks ({kind} time) — key {number}"
    return Act(
        f"draw_{area.value}", area.label, "window", "set_paint_area",
        (str(number),), tip, (area,), checkable=True,
    )  # fmt: skip


ACTIONS: tuple[Act, ...] = (
    # File
    Act("import", "&Import…", "transfer", "import_data", ("Ctrl+Shift+I",),
        "Replace all your data with a Tradesman export file"),
    Act("export", "&Export…", "transfer", "export_data", ("Ctrl+Shift+E",),
        "Save all your data to a file"),
    Act("import_calendar", "Import calen&dar…", "calendar_in", "import_calendar", (),
        "Add the appointments of a calendar file from your phone (.ics) as blocks"),
    Act("export_calendar", "Export &calendar…", "calendar", "export_calendar", (),
        "Put your blocks from four weeks back to twelve ahead in a calendar file for your "
        "phone"),
    Act("export_sheet", "Export for a spreadshee&t…", "sheets", "export_for_spreadsheet", (),
        "Save your weeks, blocks, tasks, enquiries or spend as a CSV file"),
    Act("restore", "&Restore from backup…", "transfer", "restore_backup", (),
        "Go back to one of the backups Tradesman keeps"),
    Act("save_charts", "Save charts as &PNG…", "desk", "save_charts", ("Ctrl+Shift+S",),
        "Save the three charts as one picture", where=Where.CHARTS),
    Act("print_week", "&Print week…", "desk", "print_week", ("Ctrl+P",),
        "Preview the week on one page, then print it or save a PDF"),
    Act("plan_pdf", "Export p&lan as PDF…", "printing", "preview_plan", ("Ctrl+Shift+P",),
        "Preview your doer-to-marketer plan as a PDF, then save or print it"),
    Act("settings", "&Settings…", "desk", "edit_settings", ("Ctrl+,",)),
    Act("quit", "&Quit", "window", "close", ("Ctrl+Q",)),
    # Edit (undo and redo are Qt's own, made by the undo stack: see WindowActions)
    Act("new_block", "&New block…", "desk", "new_block", ("Ctrl+N",), where=_CAL),
    Act("edit_block", "&Edit block…", "planner", "edit_selected", ("F2",), where=_CAL),
    Act("copy", "&Copy", "desk", "copy", ("Ctrl+C",), where=Where.CALENDAR_OR_CHARTS),
    Act("paste", "&Paste", "planner", "paste", ("Ctrl+V",), where=_CAL),
    Act("duplicate", "D&uplicate to next day", "planner", "duplicate", ("Ctrl+D",),
        where=_CAL),
    Act("delete", "&Delete", "planner", "delete_selected", ("Del",), where=_CAL),
    Act("done", "Mark &done", "planner", "mark", ("Ctrl+Return", "Ctrl+Enter"),
        args=("done",), where=_CAL),
    Act("skipped", "Mark s&kipped", "planner", "mark", ("Ctrl+K",), args=("skipped",),
        where=_CAL),
    Act("planned", "Mark &planned", "planner", "mark", args=("planned",), where=_CAL),
    Act("actual", "Set &actual time…", "planner", "set_actual_time", ("Ctrl+T",),
        where=_CAL),
    # Week
    Act("previous_week", "◀ &Previous week", "window", "show_previous_week", ("Alt+Left",)),
    Act("this_week", "&This week", "window", "show_this_week", ("Alt+Home",)),
    Act("next_week", "&Next week ▶", "window", "show_next_week", ("Alt+Right",)),
    Act("go_to_date", "&Go to date…", "window", "go_to_date", ("Ctrl+G",)),
    Act("copy_week", "&Copy last week's plan", "planner", "copy_last_week", ("Ctrl+Shift+C",),
        "Put last week's blocks into this week again, as planned "
        "(repeating blocks are there already)", where=_CAL),
    Act("review_week", "&Review the week…", "leads", "review_week", ("Ctrl+R",),
        "Mark the week's blocks, log the enquiries and spend, and settle open quotes"),
    # Tasks
    Act("new_task", "&New task…", "tasks", "new_task", ("Ctrl+Shift+N",)),
    # (the card chosen on the Tasks page, without a drag)
    Act("schedule_task", "Sc&hedule…", "tasks", "schedule_chosen"),
    # Work coming in (the enquiry can be logged from any page: the phone rings anywhere)
    Act("new_enquiry", "New &enquiry…", "leads", "new_enquiry", ("Ctrl+L",),
        "Log an enquiry: who, where they heard of you, and the day"),
    Act("add_spend", "Add marketing &spend…", "leads", "add_spend"),
    Act("add_takings", "Add a month's &takings…", "leads", "add_takings"),
    Act("work_settings", "&Money and quotes…", "leads", "work_settings", (),
        "The currency, when a quote waits too long, and your hourly rate"),
    Act("sources", "S&ources…", "leads", "manage_sources", (),
        "Where work comes from: add, rename, archive or merge"),
    # View
    Act("week_page", "&Week", "window", "show_page", ("Ctrl+1",), args=(WEEK_PAGE,),
        checkable=True),
    Act("tasks_page", "T&asks", "window", "show_page", ("Ctrl+2",), args=(TASKS_PAGE,),
        checkable=True),
    Act("charts_page", "C&harts", "window", "show_page", ("Ctrl+3",), args=(CHARTS_PAGE,),
        checkable=True),
    Act("plan_page", "P&lan", "window", "show_page", ("Ctrl+4",), args=(PLAN_PAGE,),
        checkable=True),
    Act("work_page", "Wor&k", "window", "show_page", ("Ctrl+5",), args=(WORK_PAGE,),
        checkable=True),
    Act("zoom_in", "Zoom &in", "week_view", "zoom_in", ("Ctrl++", "Ctrl+=")),
    Act("zoom_out", "Zoom &out", "week_view", "zoom_out", ("Ctrl+-",)),
    # Help
    Act("about", f"&About {APP_NAME}", "window", "show_about"),
    # The Draw buttons (keys 1-4): the area new blocks are drawn in.
    *(_area_act(number, area) for number, area in enumerate(AREAS, start=1)),
)  # fmt: skip

PAGE_ACTIONS = ("week_page", "tasks_page", "charts_page", "plan_page", "work_page")
AREA_ACTIONS = {area: f"draw_{area.value}" for area in AREAS}

# The menus, in order; None is a line between groups.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&File", ("import", "export", "restore", None, "import_calendar", "export_calendar",
               "export_sheet", None, "save_charts", None, "print_week", "plan_pdf", None,
               "settings", None, "quit")),
    ("&Edit", ("undo", "redo", None, "new_block", "edit_block", None, "copy", "paste",
               "duplicate", "delete", None, "done", "skipped", "planned", "actual")),
    ("&Week", ("previous_week", "this_week", "next_week", "go_to_date", None, "copy_week",
               "review_week")),
    ("&Tasks", ("new_task", "schedule_task")),
    ("W&ork", ("new_enquiry", None, "add_spend", "add_takings", None, "sources",
               "work_settings")),
    ("&View", (*PAGE_ACTIONS, None, "zoom_in", "zoom_out")),
    ("&Help", ("about",)),
)  # fmt: skip
