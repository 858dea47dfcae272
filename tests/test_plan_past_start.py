"""A plan whose first week is already past: where the owner stood is measured from the
weeks before that first week, the dialog says so as the start date moves, and when
those weeks hold no hours it asks for a typed share instead of leaving the ramp empty."""

from __future__ import annotations

from datetime import date, timedelta

from planner_kit import TODAY, Planner
from PySide6.QtCore import Qt
from test_plan_page import click, done, open_plan, save_plan, stored_plan

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import Plan
from tradesman.services import edits
from tradesman.ui.plan.plan_dialog import PlanDialog

THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 23 Nov 2026
THREE_WEEKS_BACK = THIS_MONDAY - timedelta(days=21)  # 2 Nov 2026


def a_week_done(monday: date, business_hours: int) -> list[TimeBlock]:
    """Ten hours marked done in the week of `monday`, `business_hours` of them marketing."""
    return [
        done(monday, 7, 17 - business_hours, Area.PRODUCTION),
        done(monday + timedelta(days=1), 7, 7 + business_hours, Area.MARKETING),
    ]


def mark_done(planner: Planner, *weeks: tuple[date, int]) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(
            session, [b for monday, hours in weeks for b in a_week_done(monday, hours)]
        )


def make_plan_starting_three_weeks_back(planner: Planner) -> PlanDialog:
    """Open Make a plan… and step its start date back from next Monday, day by day, with
    the Down key on the day of the month (as the owner would), to the Monday three weeks
    ago."""
    page = open_plan(planner)
    click(planner, page.make_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog) and dialog.isVisible()
    dialog.start.setFocus()
    planner.qtbot.keyClick(dialog.start, Qt.Key.Key_Home)
    for _ in range(len("Mon ")):  # past the weekday's name (it does not step) to the day
        planner.qtbot.keyClick(dialog.start, Qt.Key.Key_Right)
    days_back = (dialog.from_fields().start - THREE_WEEKS_BACK).days
    for _ in range(days_back):
        planner.qtbot.keyClick(dialog.start, Qt.Key.Key_Down)
    assert dialog.from_fields().start == THREE_WEEKS_BACK
    return dialog


def test_a_plan_three_weeks_back_is_measured_from_the_weeks_before_it(planner: Planner) -> None:
    # Three weeks before the plan at 20 % business; the plan's own weeks at 50 %.
    mark_done(
        planner,
        *((THREE_WEEKS_BACK - timedelta(days=7 * n), 2) for n in (1, 2, 3)),
        *((THREE_WEEKS_BACK + timedelta(days=7 * n), 5) for n in (1, 2)),
    )
    dialog = make_plan_starting_three_weeks_back(planner)
    # The dialog measures the plan being made, not next week's proposal.
    assert dialog.use_measured.isEnabled() and dialog.use_measured.isChecked()
    assert dialog.use_measured.text() == "Measured before the plan: 20% business"
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = stored_plan(planner)
    assert stored is not None and stored.start == THREE_WEEKS_BACK
    assert stored.typed_baseline is None
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == stored.weeks)
    assert page.ramp_table.isVisible()
    assert page.headline.text().startswith("From 20% business time to 30%")
    assert (
        "Where you stand is measured from your last 3 weeks with hours done before the "
        "plan, between 12 Oct and 1 Nov 2026." in page.details.text()
    )
    assert "No hours" not in page.details.text()


def test_no_hours_before_a_past_start_asks_for_a_typed_share(planner: Planner) -> None:
    # Hours marked done only inside the plan's weeks: nothing before its first week.
    mark_done(planner, *((THREE_WEEKS_BACK + timedelta(days=7 * n), 5) for n in (0, 1, 2)))
    dialog = make_plan_starting_three_weeks_back(planner)
    assert not dialog.use_measured.isEnabled()
    assert dialog.use_typed.isChecked() and dialog.typed.isEnabled()
    assert dialog.use_measured.text() == "Measured: no hours done before 2 Nov 2026"
    assert dialog.use_measured.sizeHint().width() <= dialog.use_measured.width()  # not cut
    planner.type_into(dialog.typed, "15")
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = stored_plan(planner)
    assert stored is not None and stored.typed_baseline == 0.15
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == stored.weeks)
    assert page.headline.text().startswith("From 15% business time to 30%")
    assert "as you said" in page.details.text()


def test_moving_the_start_forward_again_measures_again(planner: Planner) -> None:
    mark_done(planner, *((THREE_WEEKS_BACK + timedelta(days=7 * n), 5) for n in (0, 1, 2)))
    dialog = make_plan_starting_three_weeks_back(planner)
    assert not dialog.use_measured.isEnabled()
    for _ in range(21):  # back to this week: the three weeks done are before it now
        planner.qtbot.keyClick(dialog.start, Qt.Key.Key_Up)
    assert dialog.use_measured.isEnabled() and dialog.use_measured.isChecked()
    assert dialog.use_measured.text() == "Measured before the plan: 50% business"


def test_a_stored_plan_with_nothing_to_measure_shows_no_empty_ramp(planner: Planner) -> None:
    # Say the weeks before the plan were emptied after it was made.
    mark_done(planner, (THREE_WEEKS_BACK + timedelta(days=7), 5))
    save_plan(planner, Plan(THREE_WEEKS_BACK, 10, 0.3, 40 * 60))
    page = open_plan(planner)
    planner.qtbot.waitUntil(page.no_ramp.isVisible)
    assert not page.ramp_table.isVisible()
    text = page.no_ramp.text()
    assert "No hours are marked done in the weeks before the plan's first week" in text
    assert "2 Nov 2026" in text and "Change plan" in text
    assert "No hours are marked done yet" not in page.details.text()
    # Saying where they stood brings the ramp.
    click(planner, page.change_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog)
    assert dialog.use_typed.isChecked() and not dialog.use_measured.isEnabled()
    planner.type_into(dialog.typed, "10")
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(
        lambda: page.ramp_table.isVisible() and page.ramp_table.rowCount() == 10
    )
    assert not page.no_ramp.isVisible()
