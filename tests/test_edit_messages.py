"""An edit says what it changed (issue 13): each view re-reads only what the edit
touched, so a drag or an undo costs one write and at most one read of what is on
screen, and a week switch one read. Counted with a hook on the data file's
connections, never with a timer."""

from __future__ import annotations

from datetime import timedelta

from planner_kit import WED, Planner, add_tuesday_series
from store_watch import transactions


def test_a_drag_is_one_write_and_at_most_one_read(planner: Planner) -> None:
    with transactions(planner.store) as seen:
        planner.drag(planner.middle_of("Site visit"), planner.at(WED, 14.5))
    assert ("Site visit", WED, 14 * 60, 15 * 60) in planner.titles()
    assert seen.count("write") == 1 and seen.count("read") <= 1, seen


def test_an_undo_and_a_redo_are_one_write_and_at_most_one_read_each(planner: Planner) -> None:
    planner.drag(planner.middle_of("Site visit"), planner.at(WED, 14.5))
    with transactions(planner.store) as seen:
        planner.undo()
    assert ("Site visit", WED, 14 * 60, 15 * 60) not in planner.titles()
    assert seen.count("write") == 1 and seen.count("read") <= 1, seen
    with transactions(planner.store) as seen:
        planner.redo()
    assert ("Site visit", WED, 14 * 60, 15 * 60) in planner.titles()
    assert seen.count("write") == 1 and seen.count("read") <= 1, seen


def test_a_week_switch_is_one_read(planner: Planner) -> None:
    planner.window.acts["next_week"].trigger()  # (series made that far: nothing to write)
    planner.window.acts["previous_week"].trigger()
    with transactions(planner.store) as seen:
        planner.window.acts["next_week"].trigger()
    assert seen == ["read"], seen


def test_a_week_pdf_writes_nothing(planner: Planner) -> None:
    """A PDF is a read: the window made the week's repeating blocks when it showed it,
    and a week whose repeating blocks are not made yet is printed without them, never
    made on the way (the command line makes them in a step of its own first)."""
    from tradesman.domain.weeks import Week
    from tradesman.reports.paper import Paper

    add_tuesday_series(planner)
    ops = planner.window.desk.ops
    shown = planner.canvas.week
    far_ahead = Week(shown.start + timedelta(weeks=150))  # (its series not made yet)
    with transactions(planner.store) as seen:
        on_paper = ops.week_pdf(shown, Paper.A4)
        ahead = ops.week_pdf(far_ahead, Paper.A4)
    assert on_paper.startswith(b"%PDF") and ahead.startswith(b"%PDF")
    assert "write" not in seen and seen.count("read") == 2, seen
