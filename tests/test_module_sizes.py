"""Small modules with one job: no module in tradesman/ grows past 500 lines, and the
window stays a window that arranges pages (under 300). Past these, a module is doing
two jobs and should be split along its seam, not squeezed."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tradesman"
MOST_LINES = 500
MAIN_WINDOW_MOST_LINES = 300


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_500_lines() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): _lines(path)
        for path in PACKAGE.rglob("*.py")
        if _lines(path) > MOST_LINES
    }
    assert too_long == {}


def test_the_main_window_only_arranges() -> None:
    assert _lines(PACKAGE / "ui" / "main_window.py") < MAIN_WINDOW_MOST_LINES
