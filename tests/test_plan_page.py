"""The Plan page and the PDFs from the window, driven as the owner drives them: keys,
clicks, the dialogs; and what lands in the data file and on paper checked after each."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from planner_kit import CTRL, LEFT, TODAY, TUE, Planner, cell
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHeaderView, QListWidget

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.plan import HandOff, HandOffWay, Plan
from tradesman.services import edits, plan_view
from tradesman.services import plan as plan_service
from tradesman.services.plan_rows import all_hand_offs, get_plan
from tradesman.ui.plan.commitment_dialog import CommitmentDialog
from tradesman.ui.plan.hand_off_dialog import HandOffDialog
from tradesman.ui.plan.plan_dialog import PlanDialog
from tradesman.ui.plan.plan_page import PlanPage
from tradesman.ui.plan.ramp_table import BUSINESS, DATES, DONE, HOW, TARGET, TECHNICIAN, WEEK
from tradesman.ui.shared import prompts
from tradesman.ui.shared.pdf_preview import PdfPreview

SHIFT = Qt.KeyboardModifier.ShiftModifier
NEXT_MONDAY = date(2026, 11, 30)


def open_plan(planner: Planner) -> PlanPage:
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_4, CTRL)
    page = planner.window.desk.plan_page
    current = planner.window.pages.currentWidget()
    assert page is not None and current is not None and current.isAncestorOf(page)
    return page


def stored_plan(planner: Planner) -> Plan | None:
    with planner.store.reading() as session:
        return get_plan(session)


def stored_hand_offs(planner: Planner) -> list[HandOff]:
    with planner.store.reading() as session:
        return all_hand_offs(session)


def save_plan(planner: Planner, plan: Plan) -> None:
    """A plan made before the test (through the window's door to the data, which tells
    every view, but not on the undo stack)."""
    actions = planner.window.desk.task_actions
    assert actions is not None
    actions.ops.run(plan_service.save_plan, plan)


def click(planner: Planner, button: object) -> None:
    planner.qtbot.mouseClick(button, LEFT)


def test_making_a_plan_from_the_empty_page_and_undoing_it(planner: Planner) -> None:
    page = open_plan(planner)
    assert page.make_button.isVisible() and "No plan yet" in page.empty_text.text()
    click(planner, page.make_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog) and dialog.isVisible()
    # Nothing is marked done in the seeded week: the owner must say where they stand.
    assert dialog.use_typed.isChecked() and not dialog.use_measured.isEnabled()
    assert dialog.target.value() == 30  # from the settings
    assert dialog.from_fields().start == NEXT_MONDAY  # a proposal: from next week
    planner.type_into(dialog.typed, "10")
    planner.type_into(dialog.weeks, "10")
    planner.type_into(dialog.hours, "50")
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())

    expected = Plan(NEXT_MONDAY, 10, 0.3, 50 * 60, typed_baseline=0.1)
    assert stored_plan(planner) == expected
    planner.qtbot.waitUntil(lambda: page.headline.isVisible())
    assert page.headline.text() == "From 10% business time to 30% by 7 Feb 2027"
    assert "as you said" in page.details.text()
    table = page.ramp_table
    assert table.rowCount() == 10
    columns = (WEEK, DATES, TARGET, BUSINESS, TECHNICIAN)
    assert [cell(table, 0, c).text() for c in columns] == [
        "1",
        "30 Nov – 6 Dec 2026",
        "12%",
        "6 h",
        "44 h",
    ]
    assert cell(table, 9, TARGET).text() == "30%" and cell(table, 9, BUSINESS).text() == "15 h"
    # Every column still fits its words (the table is sized once, after it is filled).
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):  # (the last stretches)
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)

    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Z, CTRL)
    assert stored_plan(planner) is None
    planner.qtbot.waitUntil(page.make_button.isVisible)
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored_plan(planner) == expected
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == 10)


def test_a_plan_dialog_with_a_date_past_planning_says_so_and_saves_nothing(
    planner: Planner,
) -> None:
    page = open_plan(planner)
    click(planner, page.make_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog)
    dialog.start.setDate(QDate(1850, 3, 4))
    click(planner, dialog.save_button)
    assert dialog.isVisible() and "too far from today" in dialog.error_text("start")
    assert stored_plan(planner) is None
    planner.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored_plan(planner) is None


def done(day: date, start_hour: int, end_hour: int, area: Area) -> TimeBlock:
    return TimeBlock(day, start_hour * 60, end_hour * 60, area, area.label, status=BlockStatus.DONE)


def test_measured_standing_progress_and_the_weeks_target_everywhere(planner: Planner) -> None:
    last_monday = TODAY - timedelta(days=TODAY.weekday() + 7)  # 16 Nov
    before = last_monday - timedelta(days=7)
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            # The week before the plan: 8 h on the tools, 2 h marketing (20 %).
            done(before, 7, 15, Area.PRODUCTION), done(before + timedelta(days=1), 7, 9, Area.MARKETING),
            # The plan's first week: 9 h and 1 h (10 %), aiming for 30 %.
            done(last_monday, 7, 16, Area.PRODUCTION),
            done(last_monday + timedelta(days=1), 7, 8, Area.MARKETING),
        ])  # fmt: skip
    save_plan(planner, Plan(last_monday, 4, 0.6, 40 * 60))
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == 4)
    assert page.headline.text() == "From 20% business time to 60% by 13 Dec 2026"
    assert "measured from your last week with hours done" in page.details.text()
    table = page.ramp_table
    assert [cell(table, row, TARGET).text() for row in range(4)] == ["30%", "40%", "50%", "60%"]
    assert [cell(table, row, HOW).text() for row in range(4)] == [
        "Behind by 20 points",
        "This week",
        "",
        "",
    ]
    assert cell(table, 0, DONE).text() == "10%" and cell(table, 1, WEEK).font().bold()
    # The split panel beside the calendar aims at this week's step of the plan: 40 %
    # (the settings say 30 %).
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_1, CTRL)
    assert "of the plan's 40% for this week" in planner.window.split_panel.planned.gap.text()
    # And the trend's target line rises with the plan.
    trend = planner.window.week_page.compact_trend
    assert trend is not None and trend.trend is not None
    assert [round(w.target, 2) for w in trend.trend.weeks[-3:]] == [0.3, 0.3, 0.4]


def test_hand_offs_are_added_ticked_removed_and_each_step_undoes(planner: Planner) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 8, 0.4, 45 * 60, typed_baseline=0.2))
    page = open_plan(planner)
    click(planner, page.add_hand_off_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, HandOffDialog) and dialog.isVisible()
    planner.type_into(dialog.title, "Fetch timber <and> fixings")
    dialog.way.setCurrentIndex(1)  # subcontract
    planner.type_into(dialog.time, "2:30")
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: page.hand_offs.count() == 1)
    (fetch,) = stored_hand_offs(planner)
    assert (fetch.title, fetch.way, fetch.minutes_a_week, fetch.done) == (
        "Fetch timber <and> fixings",
        HandOffWay.SUBCONTRACT,
        150,
        False,
    )
    assert page.hand_offs.item(0).text() == (
        "Fetch timber <and> fixings · Production · Subcontract · 2 h 30 min a week"
    )

    # Space ticks the chosen one: handed off.
    page.hand_offs.setFocus()
    page.hand_offs.setCurrentRow(0)
    planner.qtbot.keyClick(page.hand_offs, Qt.Key.Key_Space)
    planner.qtbot.waitUntil(lambda: stored_hand_offs(planner)[0].done)
    assert page.hand_offs.item(0).checkState() == Qt.CheckState.Checked
    # Delete removes it; undo brings it back, ticked; undo again unticks it.
    page.hand_offs.setCurrentRow(0)
    planner.qtbot.keyClick(page.hand_offs, Qt.Key.Key_Delete)
    assert stored_hand_offs(planner) == []
    planner.qtbot.waitUntil(lambda: page.hand_offs.count() == 0)
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Z, CTRL)
    assert [h.done for h in stored_hand_offs(planner)] == [True]
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Z, CTRL)
    assert [h.done for h in stored_hand_offs(planner)] == [False]
    planner.qtbot.waitUntil(
        lambda: (
            page.hand_offs.count() == 1
            and page.hand_offs.item(0).checkState() == Qt.CheckState.Unchecked
        )
    )


def test_a_hand_off_without_a_title_is_refused_next_to_the_field(planner: Planner) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 8, 0.4, 45 * 60, typed_baseline=0.2))
    page = open_plan(planner)
    click(planner, page.add_hand_off_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, HandOffDialog)
    click(planner, dialog.save_button)
    assert dialog.isVisible() and dialog.error_text("title") == "Give it a title."
    planner.type_into(dialog.title, "Sweep up")
    planner.type_into(dialog.time, "a while")
    click(planner, dialog.save_button)
    assert dialog.error_text("minutes_a_week") == (
        '"a while" is not a length of time; write it like 2:30 or 45 min.'
    )
    assert stored_hand_offs(planner) == []


def test_work_that_keeps_coming_back_is_offered_and_taken_with_a_double_click(
    planner: Planner,
) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(TODAY - timedelta(days=7 * n), 420, 540, Area.ADMIN, "Invoices")
            for n in range(1, 6)
        ])  # fmt: skip
    save_plan(planner, Plan(NEXT_MONDAY, 8, 0.4, 45 * 60, typed_baseline=0.2))
    page = open_plan(planner)
    suggestions: QListWidget = page.suggestions
    planner.qtbot.waitUntil(lambda: suggestions.count() == 1)
    assert (
        suggestions.item(0).text() == "Invoices · Admin · 5 of the last 8 weeks, about 2 h a week"
    )
    rect = suggestions.visualItemRect(suggestions.item(0))
    planner.qtbot.mouseClick(suggestions.viewport(), LEFT, pos=rect.center())
    planner.qtbot.mouseDClick(suggestions.viewport(), LEFT, pos=rect.center())
    planner.qtbot.waitUntil(lambda: len(stored_hand_offs(planner)) == 1)
    (taken,) = stored_hand_offs(planner)
    assert (taken.title, taken.area, taken.way, taken.minutes_a_week) == (
        "Invoices",
        Area.ADMIN,
        HandOffWay.SYSTEMISE,
        120,
    )
    planner.qtbot.waitUntil(lambda: suggestions.count() == 0)  # it is on the list now


def test_a_commitment_goes_on_the_calendar_every_week_until_the_plan_ends(
    planner: Planner,
) -> None:
    plan = Plan(NEXT_MONDAY, 3, 0.4, 45 * 60, typed_baseline=0.2)
    save_plan(planner, plan)
    page = open_plan(planner)
    click(planner, page.add_commitment_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, CommitmentDialog)
    planner.type_into(dialog.title, "Call back leads")
    dialog.area.setCurrentIndex(1)  # sales
    planner.type_into(dialog.start, "07:00")
    planner.type_into(dialog.end, "08:30")
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: page.commitments.count() == 1 and page.stop_button.isVisible())
    assert page.commitments.item(0).text() == "Call back leads · Sales · Every Tue, 07:00–08:30"
    with planner.store.reading() as session:
        view = plan_view.read_plan_view(session, TODAY)
    assert view is not None and [s.until for s in view.commitments] == [plan.last_week.end]
    # On the calendar: next Tuesday, and not past the plan's end.
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_1, CTRL)
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert ("Call back leads", TUE + timedelta(days=7), 420, 510) in planner.titles()
    for _ in range(3):
        planner.qtbot.keyClick(planner.window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert not [t for t in planner.titles() if t[0] == "Call back leads"]
    # Undo takes it off the calendar and the plan.
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_Z, CTRL)
    with planner.store.reading() as session:
        view = plan_view.read_plan_view(session, TODAY)
    assert view is not None and view.commitments == ()


@pytest.fixture
def saving_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    target = tmp_path / "out" / "week.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *args, **kwargs: target)
    return target


def open_preview(planner: Planner, keys: Qt.KeyboardModifier) -> PdfPreview:
    planner.window.activateWindow()  # (back from an earlier preview)
    planner.qtbot.waitUntil(planner.window.isActiveWindow)
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_P, keys)
    printing = planner.window.desk.printing
    assert printing is not None
    planner.qtbot.waitUntil(lambda: printing.preview is not None)
    preview = printing.preview
    assert preview is not None
    planner.qtbot.waitUntil(lambda: preview.pdf is not None or (preview.message.isVisible()
                            and "Making" not in preview.message.text()), timeout=20_000)  # fmt: skip
    return preview


def test_print_week_previews_one_page_and_saves_exactly_that(
    planner: Planner, saving_to: Path
) -> None:
    preview = open_preview(planner, CTRL)
    assert preview.pdf is not None and preview.status.text() == "1 page · A4"
    assert preview.print_button.isDefault()
    shown = preview.pdf
    click(planner, preview.save_button)
    assert saving_to.read_bytes() == shown
    text = PdfReader(saving_to).pages[0].extract_text()
    assert "Kitchen – Patel" in text and "Oak & Sons" in text

    # Letter paper: made again, remembered for next time.
    preview.paper.setCurrentIndex(1)
    planner.qtbot.waitUntil(lambda: preview.pdf is not None and preview.pdf != shown,
                            timeout=20_000)  # fmt: skip
    assert preview.status.text() == "1 page · Letter"
    width, height = PdfReader(io.BytesIO(preview.pdf)).pages[0].mediabox[2:]
    assert (round(float(width)), round(float(height))) == (792, 612)  # landscape Letter
    planner.qtbot.keyClick(preview, Qt.Key.Key_Escape)
    planner.qtbot.waitUntil(lambda: not preview.isVisible())
    again = open_preview(planner, CTRL)
    assert again.status.text() == "1 page · Letter"


def test_print_sends_the_previewed_pages_to_the_printer(
    planner: Planner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"

    def printer_to_file(parent: object, paper: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(prompts, "choose_printer", printer_to_file)
    preview = open_preview(planner, CTRL)
    with planner.qtbot.waitSignal(preview.printed) as sent:
        click(planner, preview.print_button)
    assert sent.args == [1]
    pages = PdfReader(printed).pages
    assert len(pages) == 1 and float(pages[0].mediabox.width) > float(pages[0].mediabox.height)


def test_a_failed_save_says_why_and_leaves_no_file(
    planner: Planner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    nowhere = tmp_path / "no such folder" / "week.pdf"
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *args, **kwargs: nowhere)
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warnings.append(message))
    preview = open_preview(planner, CTRL)
    click(planner, preview.save_button)
    assert warnings and "the folder does not exist" in warnings[0]
    assert not nowhere.parent.exists()


def test_the_plan_pdf_without_a_plan_says_what_to_do(planner: Planner) -> None:
    preview = open_preview(planner, CTRL | SHIFT)
    assert preview.pdf is None
    assert "There is no plan yet" in preview.message.text()
    assert not preview.save_button.isEnabled() and not preview.print_button.isEnabled()


def test_the_plan_pdf_is_previewed_from_the_plan_page(planner: Planner, saving_to: Path) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 12, 0.4, 45 * 60, typed_baseline=0.2))
    page = open_plan(planner)
    click(planner, page.print_button)
    printing = planner.window.desk.printing
    assert printing is not None
    planner.qtbot.waitUntil(lambda: printing.preview is not None)
    preview = printing.preview
    assert preview is not None
    planner.qtbot.waitUntil(lambda: preview.pdf is not None, timeout=20_000)
    assert preview.save_button.isDefault()
    pages = int(preview.status.text().split()[0])
    assert pages >= 3
    click(planner, preview.save_button)
    reader = PdfReader(saving_to)
    assert len(reader.pages) == pages
    assert "Oak & Sons" in reader.pages[0].extract_text()


def test_closing_the_preview_before_its_pdf_is_made_drops_it_quietly(planner: Planner) -> None:
    from PySide6.QtCore import QThreadPool

    from tradesman.ui.shared import background

    planner.qtbot.keyClick(planner.window, Qt.Key.Key_P, CTRL)
    printing = planner.window.desk.printing
    assert printing is not None and printing.preview is not None
    preview = printing.preview
    preview.reject()  # gone before the worker reports
    assert printing.preview is None
    planner.qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0,
                            timeout=20_000)  # fmt: skip
    planner.qtbot.waitUntil(lambda: not background._running)  # the late result arrived...
    # ...and went nowhere: no error, and the window carries on printing as before.
    again = open_preview(planner, CTRL)
    assert again.pdf is not None


def test_a_plan_already_met_says_to_hold_and_an_ended_plan_takes_no_commitments(
    planner: Planner,
) -> None:
    save_plan(planner, Plan(date(2026, 9, 7), 4, 0.2, 40 * 60, typed_baseline=0.35))
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.ramp_table.rowCount() == 4)
    assert page.headline.text() == "20% business time or more, every week to 4 Oct 2026"
    assert not page.add_commitment_button.isEnabled()
    assert "has ended" in page.add_commitment_button.toolTip()


def test_saying_zero_percent_stays_zero_when_the_plan_is_saved_again(planner: Planner) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 10, 0.3, 45 * 60, typed_baseline=0.0))
    page = open_plan(planner)
    click(planner, page.change_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, PlanDialog) and dialog.typed.value() == 0
    click(planner, dialog.save_button)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = stored_plan(planner)
    assert stored is not None and stored.typed_baseline == 0.0


def test_alt_and_a_labels_letter_reach_its_field(planner: Planner) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 8, 0.4, 45 * 60, typed_baseline=0.2))
    page = open_plan(planner)
    click(planner, page.add_hand_off_button)
    dialog = page.plan_actions.dialog
    assert isinstance(dialog, HandOffDialog)
    planner.qtbot.waitUntil(dialog.title.hasFocus)
    alt = Qt.KeyboardModifier.AltModifier
    planner.qtbot.keyClick(dialog.title, Qt.Key.Key_T, alt)  # "&Time a week"
    planner.qtbot.waitUntil(dialog.time.hasFocus)
    planner.qtbot.keyClick(dialog.time, Qt.Key.Key_H, alt)  # "&How"
    planner.qtbot.waitUntil(dialog.way.hasFocus)
    planner.qtbot.keyClick(dialog.way, Qt.Key.Key_Tab)  # and Tab goes on, field by field
    planner.qtbot.waitUntil(dialog.time.hasFocus)


def test_the_chosen_hand_off_stays_chosen_after_it_is_ticked(planner: Planner) -> None:
    save_plan(planner, Plan(NEXT_MONDAY, 8, 0.4, 45 * 60, typed_baseline=0.2))
    actions = planner.window.desk.task_actions
    assert actions is not None
    for title in ("Sweep up", "Fetch timber"):
        actions.ops.run(plan_service.add_hand_off, HandOff(title, Area.PRODUCTION))
    page = open_plan(planner)
    planner.qtbot.waitUntil(lambda: page.hand_offs.count() == 2)
    page.hand_offs.setFocus()
    page.hand_offs.setCurrentRow(1)
    planner.qtbot.keyClick(page.hand_offs, Qt.Key.Key_Space)
    planner.qtbot.waitUntil(lambda: [h.done for h in stored_hand_offs(planner)] == [False, True])
    assert page.hand_offs.currentRow() == 1 and page.edit_hand_off_button.isEnabled()
