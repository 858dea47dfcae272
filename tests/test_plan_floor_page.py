"""The marketing floor as the owner meets it (issue 15): the Plan page's ramp table and
sentence, the plan PDF, and the plan dialog's field, driven with keys."""

from __future__ import annotations

import io
from datetime import timedelta

from planner_kit import CTRL, TODAY, Planner, cell
from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_plan_page import open_plan, save_plan, stored_plan

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead
from tradesman.domain.plan import Plan
from tradesman.domain.settings import Settings
from tradesman.services.edits import add_blocks
from tradesman.services.sheets import plan_sheet
from tradesman.store import tables
from tradesman.ui.plan.plan_dialog import PlanDialog
from tradesman.ui.plan.ramp_table import BUSINESS, DONE, ENQUIRIES, HOW, MARKETING, WON

THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 23 Nov 2026
FIRST = THIS_MONDAY - timedelta(days=14)  # the plan's first week, 9-15 Nov: ended
SECOND = FIRST + timedelta(days=7)  # 16-22 Nov: ended
# 20 % → 40 % over four 40-hour weeks: week 1 aims at 25 % (10 h, of which marketing at
# least 5 h), week 2 at 30 % (12 h, at least 6 h).
PLAN = Plan(FIRST, 4, 0.4, 40 * 60, typed_baseline=0.2)


def done(day_offset: int, week: object, hours: tuple[int, int], area: Area) -> TimeBlock:
    assert week in (FIRST, SECOND)
    day = (FIRST if week == FIRST else SECOND) + timedelta(days=day_offset)
    return TimeBlock(day, hours[0] * 60, hours[1] * 60, area, area.label, status=BlockStatus.DONE)


def two_weeks_done(planner: Planner) -> None:
    """Week 1: 8 h of bookkeeping and 24 h on the tools, 25 %, not an hour of marketing.
    Week 2: 6 h marketing, 4 h admin and 22 h on the tools, 31 %. An enquiry came in
    during week 1 and was won during week 2."""
    with planner.store.writing() as session:
        add_blocks(session, [
            done(0, FIRST, (7, 15), Area.ADMIN),
            *(done(day, FIRST, (7, 15), Area.PRODUCTION) for day in (1, 2, 3)),
            done(0, SECOND, (7, 13), Area.MARKETING),
            done(1, SECOND, (7, 11), Area.ADMIN),
            done(2, SECOND, (7, 15), Area.PRODUCTION),
            done(3, SECOND, (7, 15), Area.PRODUCTION),
            done(4, SECOND, (7, 13), Area.PRODUCTION),
        ])  # fmt: skip
        lead = Lead("Mrs Patel", FIRST + timedelta(days=2), 1).quoted(
            FIRST + timedelta(days=3), 900
        )
        tables.LEADS.put(session, lead.won(SECOND + timedelta(days=1)))


def test_admin_only_weeks_are_behind_on_marketing_in_the_table_and_the_sentence(
    planner: Planner,
) -> None:
    two_weeks_done(planner)
    save_plan(planner, PLAN)
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == 4)
    table = page.ramp_table
    assert [cell(table, 0, c).text() for c in (BUSINESS, MARKETING, DONE)] == ["10 h", "5 h", "25%"]
    assert cell(table, 0, HOW).text() == "Behind: marketing 0 h of 5 h"
    assert cell(table, 1, MARKETING).text() == "6 h" and cell(table, 1, HOW).text() == "On track"
    # What came in: the enquiry in week 1, its win in week 2; nothing said for weeks to come.
    assert [cell(table, row, ENQUIRIES).text() for row in range(4)] == ["1", "0", "", ""]
    assert [cell(table, row, WON).text() for row in range(4)] == ["0", "1", "", ""]
    assert "2 weeks have ended: 1 on track, 1 behind (1 only on marketing)." in (
        page.details.text()
    )
    assert "at least 50% marketing" in page.details.text()

    # A floor of nothing: the share alone decides, as before the floor.
    save_plan(planner, PLAN.with_changes(marketing_floor=0.0))
    planner.qtbot.waitUntil(lambda: cell(page.ramp_table, 0, HOW).text() == "On track")
    assert "2 weeks have ended: 2 on track, 0 behind." in page.details.text()
    assert "marketing each week" not in page.details.text()


def test_the_plan_pdf_says_the_admin_only_week_is_behind_on_marketing(planner: Planner) -> None:
    from tradesman.reports.paper import Paper
    from tradesman.reports.plan_pdf import write_plan_pdf

    two_weeks_done(planner)
    save_plan(planner, PLAN)
    with planner.store.reading() as session:
        sheet = plan_sheet(session, Settings(), TODAY)
    out = io.BytesIO()
    write_plan_pdf(sheet, out, Paper.A4)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "2 weeks have ended: 1 on track, 1 behind (1 only on marketing)." in text
    # Target, business, marketing at least, technician, done, enquiries, won, how it went.
    assert "25 % 10 h 5 h 30 h 25 % 1 0 behind: marketing 0 h of 5 h" in text
    assert "30 % 12 h 6 h 28 h 31 % 0 1 on track" in text
    assert "at least 50 % is marketing" in text


def test_the_floor_is_set_with_keys_and_undone_with_the_rest_of_the_plan(
    planner: Planner,
) -> None:
    two_weeks_done(planner)
    save_plan(planner, PLAN)
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == 4)
    page.change_button.setFocus()
    planner.qtbot.keyClick(page.change_button, Qt.Key.Key_Space)  # "Change plan…"
    planner.qtbot.waitUntil(lambda: isinstance(page.plan_actions.dialog, PlanDialog))
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog)
    planner.qtbot.waitUntil(dialog.isVisible)
    assert dialog.floor.value() == 50
    planner.qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    focused = dialog.focusWidget()
    assert focused is not None
    planner.qtbot.keyClick(focused, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    planner.qtbot.waitUntil(dialog.floor.hasFocus)
    planner.qtbot.keyClick(dialog.floor, Qt.Key.Key_A, CTRL)
    planner.qtbot.keyClicks(dialog.floor, "30")
    # And one more week, in the same step: 24 % of 40 h is 9 h 30 min, 30 % of it 2 h 45 min.
    planner.qtbot.keyClick(dialog.weeks, Qt.Key.Key_Up)
    planner.qtbot.keyClick(dialog.floor, Qt.Key.Key_Return)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored_plan(planner) == PLAN.with_changes(marketing_floor=0.3, weeks=5)
    planner.qtbot.waitUntil(lambda: cell(page.ramp_table, 0, MARKETING).text() == "2 h 45 min")
    assert cell(page.ramp_table, 0, HOW).text() == "Behind: marketing 0 h of 2 h 45 min"

    planner.window.activateWindow()  # (back from the dialog)
    planner.qtbot.waitUntil(lambda: planner.window.isActiveWindow())
    planner.qtbot.keyClick(page.ramp_table, Qt.Key.Key_Z, CTRL)  # one step back: all of it
    planner.qtbot.waitUntil(lambda: stored_plan(planner) == PLAN)
    planner.qtbot.waitUntil(lambda: cell(page.ramp_table, 0, MARKETING).text() == "5 h")


def test_a_floor_past_100_percent_cannot_be_typed(planner: Planner) -> None:
    save_plan(planner, PLAN)
    page = open_plan(planner)
    planner.qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog)
    planner.type_into(dialog.floor, "150")
    assert dialog.floor.value() <= 100
    planner.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored_plan(planner) == PLAN
