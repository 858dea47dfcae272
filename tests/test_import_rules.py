"""The import table in docs/ARCHITECTURE.md, kept by the code.

Every module in tradesman/ is read with `ast` (nothing is imported): its imports at the
top, inside functions and under `if TYPE_CHECKING:` are each checked against the
table, and the imports that run when a module loads must not go round in a circle.
A failure names the file and line, so the fix starts there.
"""

from __future__ import annotations

import ast
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tradesman"

# The small shared modules at the top of tradesman/ that every layer may use: the
# UserError, the app's name, words, files the owner names, where the data folder is, the
# log, shipped files, area colours, how far long work has come. They are not a layer of
# their own.
HELPERS = frozenset(
    {
        "errors", "identity", "words", "files", "paths", "logs", "assets", "area_colours",
        "progress",
    }
)  # fmt: skip
# Start-up and the command line: the one place that may reach every layer.
START_UP = frozenset(
    {
        "__main__",
        "entry",
        "app",
        "cli",
        "cli_leads",
        "cli_lead_args",
        "cli_engines",
        "cli_calendar",
        "cli_calendar_args",
        "cli_sheets",
        "cli_sheet_args",
        "cli_summary",
        "cli_print",
        "cli_calendar_in",
        "cli_progress",
        "single_instance",
        "instance_socket",
        "lock_holder",
        "stopping",
        "pyside_hook",
        "display",
    }
)
EVERYTHING = "everything"


@dataclass(frozen=True)
class Rule:
    """What one part of tradesman/ may import: other parts, and packages from outside
    (the standard library is always allowed, except where `no_std` names a module)."""

    parts: frozenset[str]
    outside: frozenset[str] = frozenset()
    no_std: frozenset[str] = frozenset()
    # Outside packages allowed only where they load late: inside a function, or for
    # types only (never when the module itself loads).
    late: frozenset[str] = frozenset()


# The table in docs/ARCHITECTURE.md ("The layers"). A part is a package (domain, ...),
# "helpers" or "start-up"; its own modules may always import one another.
RULES: dict[str, Rule] = {
    "domain": Rule(frozenset({"helpers"}), no_std=frozenset({"sqlite3"})),
    # The iCalendar writer and reader load only when a calendar is made or read, never with the module.
    "exchange": Rule(
        frozenset({"domain", "helpers"}),
        no_std=frozenset({"sqlite3"}),
        late=frozenset({"icalendar", "recurring_ical_events"}),
    ),
    "store": Rule(frozenset({"domain", "helpers"}), frozenset({"sqlalchemy"})),
    "reports": Rule(
        frozenset({"domain", "helpers"}), frozenset({"reportlab"}), no_std=frozenset({"sqlite3"})
    ),
    "services": Rule(
        frozenset({"domain", "exchange", "store", "reports", "helpers"}),
        frozenset({"sqlalchemy"}),
    ),
    "ui": Rule(
        frozenset({"domain", "exchange", "services", "reports", "helpers"}),
        frozenset({"PySide6", "shiboken6", "pypdfium2"}),
        no_std=frozenset({"sqlite3"}),
    ),
    # The helpers use one another and the domain's areas (area_colours). They are on
    # the start-up path, so Qt (for the icon) and platformdirs (the data folder's
    # default) are imported only where they are needed.
    "helpers": Rule(frozenset({"domain"}), late=frozenset({"PySide6", "platformdirs"})),
    "start-up": Rule(frozenset({EVERYTHING}), frozenset({EVERYTHING})),
}


@dataclass(frozen=True)
class Import:
    file: str  # relative to tradesman/, e.g. "services/sheets.py"
    line: int
    module: str  # the module it names, e.g. "tradesman.reports.sheets" or "sqlalchemy.orm"
    at_load: bool  # runs when the module loads (at the top, not in a function)
    types_only: bool  # under `if TYPE_CHECKING:`: never runs

    def where(self) -> str:
        kind = " (for types only)" if self.types_only else ""
        kind = kind or ("" if self.at_load else " (inside a function)")
        return f"tradesman/{self.file}:{self.line} imports {self.module}{kind}"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(file: str, source: str, modules: dict[str, Path]) -> list[Import]:
    """Every import in one file (`file` as in "services/sheets.py"), wherever it stands,
    with the modules it really names: `from tradesman.reports import fonts` names
    tradesman.reports.fonts."""
    this = module_name(PACKAGE / file)
    package = this if file.endswith("__init__.py") else this.rpartition(".")[0]
    found: list[Import] = []

    def add(node: ast.Import | ast.ImportFrom, at_load: bool, types_only: bool) -> None:
        names: list[str]
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        for name in dict.fromkeys(names):
            found.append(Import(file, node.lineno, name, at_load, types_only))

    def visit(node: ast.AST, at_load: bool, types_only: bool) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            add(node, at_load, types_only)
            return
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.body:
                visit(statement, at_load, True)
            for statement in node.orelse:
                visit(statement, at_load, types_only)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            at_load = False
        for inner in ast.iter_child_nodes(node):
            visit(inner, at_load, types_only)

    visit(ast.parse(source, file), True, False)
    return found


def part_of(module: str) -> str:
    """The row of the table a module of tradesman/ belongs to."""
    parts = module.split(".")
    if len(parts) == 1:
        return "start-up"  # (tradesman/__init__.py)
    if parts[1] in HELPERS:
        return "helpers"
    if parts[1] in START_UP:
        return "start-up"
    if parts[1] in RULES:
        return parts[1]
    raise AssertionError(f"{module} belongs to no row of the import table; add it there")


def breaks_table(found: Import) -> bool:
    rule = RULES[part_of(module_name(PACKAGE / found.file))]
    if EVERYTHING in rule.parts:
        return False
    top = found.module.split(".")[0]
    if top == "tradesman":
        target = part_of(found.module)
        return target != part_of(module_name(PACKAGE / found.file)) and target not in rule.parts
    if top in sys.stdlib_module_names or top == "__future__":
        return top in rule.no_std
    if top in rule.late:
        return found.at_load and not found.types_only
    return top not in rule.outside


def every_import() -> list[Import]:
    modules = all_modules()
    return [
        found
        for path in modules.values()
        for found in imports_of(
            path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8"), modules
        )
    ]


def test_every_module_belongs_to_a_row_of_the_table() -> None:
    for module in all_modules():
        part_of(module)


def test_every_import_keeps_the_table_in_architecture_md() -> None:
    breaks = [found for found in every_import() if breaks_table(found)]
    assert not breaks, (
        'These imports break the table in docs/ARCHITECTURE.md ("The layers"):\n'
        + "\n".join(found.where() for found in breaks)
        + "\nMove the code to where the table allows it, or change the table (with why)."
    )


def test_no_module_asks_for_a_pyside_feature() -> None:
    """`from __feature__ import ...` (PySide's snake_case names) would do nothing: the
    window takes PySide's import hook off for speed (tradesman/pyside_hook.py)."""
    asking = [found.where() for found in every_import() if found.module.startswith("__feature__")]
    assert not asking, asking


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A circle of imports in `graph` (module -> modules it imports), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for after in sorted(graph.get(module, ())):
            if state.get(after) == 1:
                return [*path[path.index(after) :], after]
            if after not in state and (cycle := walk(after)) is not None:
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := walk(module)) is not None:
            return cycle
    return None


def test_no_module_imports_itself_round_a_circle() -> None:
    """Imports that run at load (not in functions, not for types only) form no circle:
    a circle works or breaks depending on which module happens to load first."""
    modules = all_modules()
    graph: dict[str, set[str]] = {module: set() for module in modules}
    lines: dict[tuple[str, str], str] = {}
    for found in every_import():
        if found.at_load and not found.types_only and found.module in modules:
            source = module_name(PACKAGE / found.file)
            if found.module != source:
                graph[source].add(found.module)
                lines.setdefault((source, found.module), f"tradesman/{found.file}:{found.line}")
    cycle = find_cycle(graph)
    assert cycle is None, "These modules import one another in a circle:\n" + "\n".join(
        f"{lines[(a, b)]}: {a} imports {b}" for a, b in itertools.pairwise(cycle)
    )


# The checks above must themselves be able to fail: on made-up code, each one does.


def test_the_cycle_check_finds_a_circle_and_says_its_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize(
    ("file", "source", "allowed"),
    [
        ("domain/x.py", "import sqlite3", False),
        ("domain/x.py", "from tradesman.errors import UserError", True),
        ("domain/x.py", "from tradesman.services import edits", False),
        ("reports/x.py", "from PySide6.QtGui import QColor", False),
        ("reports/x.py", "def f():\n    from tradesman.store.database import Store", False),
        ("reports/x.py", "import reportlab", True),
        ("services/x.py", "from tradesman.reports.sheets import WeekSheet", True),
        ("services/x.py", "from tradesman.ui.shared import operations", False),
        ("ui/x.py", "from sqlalchemy.orm import Session", False),
        (
            "ui/x.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tradesman.store import reads",
            False,
        ),
        ("ui/x.py", "from tradesman.services import edits", True),
        ("store/x.py", "from tradesman.services import edits", False),
        ("exchange/x.py", "from . import codec", True),
        ("assets.py", "from PySide6.QtGui import QIcon", False),
        ("assets.py", "def icon():\n    from PySide6.QtGui import QIcon", True),
    ],
)
def test_the_table_check_tells_a_break_from_an_allowed_import(
    file: str, source: str, allowed: bool
) -> None:
    found = imports_of(file, source + "\n", all_modules())
    assert found
    assert any(breaks_table(one) for one in found) is not allowed
