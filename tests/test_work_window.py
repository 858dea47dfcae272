"""Work coming in, in the real window and with the keyboard alone: log an enquiry, quote
it, win it and book the job; the follow-up tasks appear and close by themselves; undo
takes each step back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from planner_kit import TODAY, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.leads import Lead, LeadState
from tradesman.domain.money import NOT_A_NUMBER
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.work_lanes import Lane
from tradesman.paths import DataPaths
from tradesman.services.lead_list import leads_in
from tradesman.services.leads import add_enquiry
from tradesman.services.source_list import all_sources
from tradesman.services.sources import get_source, sources_with_counts
from tradesman.services.task_cards import Show, TaskFilter, task_cards
from tradesman.services.task_edits import schedule_task
from tradesman.services.templates import templates
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.week.block_dialog import BlockDialog
from tradesman.ui.window.action_table import WORK_PAGE
from tradesman.ui.work.lead_dialogs import DecisionDialog, EnquiryDialog, SpendDialog
from tradesman.ui.work.work_page import LeadLane

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    return open_window(qtbot, paths, store)


def tasks(window: MainWindow) -> list[Task]:
    cards = window.desk.ops.read(task_cards, TaskFilter(show=Show.ALL), TODAY)
    return sorted((card.task for card in cards), key=lambda task: task.id or 0)


def lane(window: MainWindow, which: Lane) -> LeadLane:
    page = window.desk.work_page
    assert page is not None
    return page.lanes[which]


def whos(window: MainWindow, which: Lane) -> list[str]:
    return [card.lead.who for card in lane(window, which).cards()]


def open_menu_on_first_card(qtbot: QtBot, window: MainWindow, which: Lane) -> QMenu:
    view = lane(window, which)
    view.setFocus()
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_an_enquiry_is_logged_quoted_won_and_booked_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.pages.currentIndex() == WORK_PAGE
    # Ctrl+L, three fields, Enter.
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, EnquiryDialog)
    qtbot.waitUntil(lambda: dialog.who.hasFocus())
    qtbot.keyClicks(dialog.who, "Mrs Patel")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Kitchen worktops")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.source  # (it hands the keys to its line)
    qtbot.keyClicks(QApplication.focusWidget(), "google")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whos(window, Lane.NEW) == ["Mrs Patel"])
    call_back = [task for task in tasks(window) if task.lead_id is not None]
    assert [(t.title, t.area, t.due) for t in call_back] == [
        ("Call back: Mrs Patel", Area.SALES, TODAY + timedelta(days=1))
    ]
    # Quoted: the card's menu (the Menu key), Q, the amount, Enter.
    menu = open_menu_on_first_card(qtbot, window, Lane.NEW)
    qtbot.keyClick(menu, Qt.Key.Key_Q)
    quote = window.desk.lead_actions.dialog
    assert isinstance(quote, DecisionDialog)
    qtbot.waitUntil(quote.isVisible)
    qtbot.keyClicks(quote.amount, "3,200")
    qtbot.keyClick(quote.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whos(window, Lane.QUOTED) == ["Mrs Patel"])
    follow_ups = [t.title for t in tasks(window) if t.status is not TaskStatus.DONE]
    assert follow_ups.count("Follow up the quote: Mrs Patel") == 2
    # Won: the value is the quote's; Enter books the job too.
    menu = open_menu_on_first_card(qtbot, window, Lane.QUOTED)
    qtbot.keyClick(menu, Qt.Key.Key_W)
    won = window.desk.lead_actions.dialog
    assert isinstance(won, DecisionDialog) and won.amount.text() == "3,200"
    qtbot.keyClicks(won.estimate, "16:00")
    qtbot.keyClick(won.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whos(window, Lane.WON) == ["Mrs Patel"])
    (lead,) = window.desk.ops.read(leads_in)
    assert (lead.state, lead.value) == (LeadState.WON, 320000)
    linked = [t for t in tasks(window) if t.lead_id == lead.id]
    open_ones = [
        (t.title, t.area, t.estimate_minutes) for t in linked if t.status is not TaskStatus.DONE
    ]
    assert open_ones == [("Mrs Patel: Kitchen worktops", Area.PRODUCTION, 16 * 60)]  # booked
    # Undo takes back the win and the booking in one step.
    window.activateWindow()  # (as the window manager does when a dialog closes)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: whos(window, Lane.QUOTED) == ["Mrs Patel"])
    assert whos(window, Lane.WON) == []
    assert [t.area for t in tasks(window) if t.status is not TaskStatus.DONE].count(
        Area.PRODUCTION
    ) == 0


def test_a_likely_duplicate_is_asked_about_before_saving(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(parent: object, title: str, question: str, action: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(prompts, "confirm", answer)
    window.show_page(WORK_PAGE)
    for who in ("Mr Brown", "mr  brown"):  # the same "who", written another way
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
        dialog = window.desk.lead_actions.dialog
        assert isinstance(dialog, EnquiryDialog)
        qtbot.keyClicks(dialog.who, who)
        line = dialog.source.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, "Not sure")
        qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
        if not asked:
            qtbot.waitUntil(dialog.isHidden)
    assert whos(window, Lane.NEW) == ["Mr Brown"]  # the second was not saved
    assert asked == [f"Mr Brown already enquired on {TODAY.day} Nov 2026. Log this one as well?"]
    # No goes back to the form, with what was typed, to change it or cancel it.
    assert isinstance(dialog, EnquiryDialog)
    assert dialog.isVisible() and dialog.who.text() == "mr  brown"
    qtbot.keyClick(dialog.who, Qt.Key.Key_Escape)
    qtbot.waitUntil(dialog.isHidden)
    assert whos(window, Lane.NEW) == ["Mr Brown"]


def test_a_quote_dropped_on_lost_asks_why_in_one_click(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "choose_reason", lambda *a: "price")
    window.show_page(WORK_PAGE)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, EnquiryDialog)
    qtbot.keyClicks(dialog.who, "Ms Nowak")
    line = dialog.source.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "website")
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whos(window, Lane.NEW) == ["Ms Nowak"])
    (lead,) = window.desk.ops.read(leads_in)
    actions = window.desk.lead_actions
    actions.move(lead, Lane.QUOTED.value)
    quote = actions.dialog
    assert isinstance(quote, DecisionDialog)
    qtbot.keyClicks(quote.amount, "900")
    qtbot.keyClick(quote.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: whos(window, Lane.QUOTED) == ["Ms Nowak"])
    (quoted,) = window.desk.ops.read(leads_in)
    actions.move(quoted, Lane.CLOSED.value)  # what a drop on the Lost lane asks
    (lost,) = window.desk.ops.read(leads_in)
    assert (lost.state, lost.lost_reason) == (LeadState.LOST, "price")
    assert all(t.status is TaskStatus.DONE for t in tasks(window) if t.lead_id == lost.id)


def test_marketing_time_names_its_source_and_loses_it_out_of_marketing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.acts["new_block"].trigger()
    dialog = window.findChild(BlockDialog)
    assert isinstance(dialog, BlockDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.source_row.isHidden()  # production time works for no source
    qtbot.keyClicks(dialog.title, "Update the business profile")
    dialog.area.setCurrentIndex(AREAS.index(Area.MARKETING))
    assert not dialog.source_row.isHidden()
    google = dialog.source.findText("Google / business profile")
    assert google > 0 and dialog.source.itemText(0) == "General marketing (no one source)"
    dialog.source.setCurrentIndex(google)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(b.source_id for b in window.canvas.blocks))
    (block,) = window.canvas.blocks
    window.desk.planner.edit_block(block)
    (again,) = [d for d in window.findChildren(BlockDialog) if d.isVisible()]
    assert again.source.currentIndex() == google
    again.area.setCurrentIndex(AREAS.index(Area.ADMIN))
    qtbot.keyClick(again.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.canvas.blocks[0].area is Area.ADMIN)
    assert window.canvas.blocks[0].source_id is None
    assert window.statusBar().currentMessage() == (
        "Update the business profile is no longer marketing, so its hours no longer count "
        "for a source."
    )


def test_sources_are_added_renamed_archived_and_merged_each_one_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = window.desk.lead_actions.manage_sources()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.name, "Local magazine")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter adds it
    qtbot.waitUntil(lambda: dialog.name.text() == "")
    dialog.choose("Local magazine")
    assert dialog.chosen() is not None
    # A name another source has, in another case, is refused in the dialog.
    qtbot.keyClicks(dialog.name, "website")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Website" in dialog.problem.text() and dialog.name.text() == "website"
    dialog.name.clear()
    monkeypatch.setattr(prompts, "ask_name", lambda *a: "Parish magazine")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    dialog.choose("Parish magazine")
    chosen = dialog.chosen()
    assert chosen is not None and chosen.source.name == "Parish magazine"
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    dialog.choose("Parish magazine")
    archived = dialog.chosen()
    assert archived is not None and archived.source.archived
    assert dialog.archive_button.text() == "Bring ba&ck"
    # Merge the flyers into the website: an enquiry from flyers moves with it.
    window.desk.ops.run(add_enquiry, Lead("Sam Lee", TODAY, flyers_id(window)), TODAY)
    monkeypatch.setattr(prompts, "choose_one", lambda *a: "Website")
    dialog.choose("Flyers or postcards")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    names = {c.source.name for c in window.desk.ops.read(sources_with_counts)}
    assert "Flyers or postcards" not in names
    (moved,) = window.desk.ops.read(leads_in)
    assert window.desk.ops.read(get_source, moved.source_id or 0).name == "Website"
    window.acts["undo"].trigger()  # the merge, back in one step
    (back,) = window.desk.ops.read(leads_in)
    assert back.source_id == flyers_id(window)


def flyers_id(window: MainWindow) -> int:
    (flyers,) = [s for s in window.desk.ops.read(all_sources) if s.name == "Flyers or postcards"]
    assert flyers.id is not None
    return flyers.id


def test_money_and_quotes_relabel_and_change_when_a_quote_stands_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.desk.lead_actions.work_settings()
    qtbot.waitUntil(dialog.isVisible)
    dialog.currency.clear()
    qtbot.keyClicks(dialog.currency, "EUR")
    dialog.stale_days.setFocus()
    dialog.stale_days.selectAll()
    qtbot.keyClicks(dialog.stale_days, "14")
    qtbot.keyClicks(dialog.hourly_rate, "4O")  # a slip: letter O for a zero
    qtbot.keyClick(dialog.hourly_rate, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_text("hourly_rate") == NOT_A_NUMBER
    dialog.hourly_rate.clear()
    qtbot.keyClicks(dialog.hourly_rate, "40")
    qtbot.keyClick(dialog.hourly_rate, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.isHidden)
    saved = window.desk.ops.lead_settings()
    assert (saved.currency, saved.stale_quote_days, saved.hourly_rate) == ("EUR", 14, 4000)
    window.acts["undo"].trigger()
    assert window.desk.ops.lead_settings().currency != "EUR"


def test_a_marketing_template_carries_its_source_onto_the_task_and_its_block(
    qtbot: QtBot, window: MainWindow
) -> None:
    (profile,) = [t for t in templates() if t.title == "Update the business profile"]
    window.desk.task_actions.add_template(profile)
    (task,) = [t for t in tasks(window) if t.title == profile.title]
    google = window.desk.ops.read(get_source, task.source_id or 0)
    assert google.name == "Google / business profile"
    assert task.id is not None
    window.desk.ops.run(schedule_task, task.id, TODAY, 9 * 60)
    (block,) = [b for b in window.canvas.blocks if b.task_id == task.id]
    assert block.source_id == google.id  # booked from the task, it works for the same source
    window.desk.task_actions.edit_task(task)
    (dialog,) = [d for d in window.findChildren(TaskDialog) if d.isVisible()]
    assert not dialog.source_row.isHidden() and dialog.source.currentText() == google.name


def test_spend_is_added_from_the_work_menu_and_listed_with_its_currency(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page(WORK_PAGE)
    window.acts["add_spend"].trigger()
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, SpendDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.amount, "45.50")
    qtbot.keyClicks(dialog.note, "200 postcards")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.isHidden)
    page = window.desk.work_page
    assert page is not None
    qtbot.waitUntil(lambda: "200 postcards" in page.money.spend_list.item(0).text())
    assert "· GBP\u00a045.50 ·" in page.money.spend_list.item(0).text()


def test_enter_in_a_new_source_s_name_adds_it_once_and_says_nothing_wrong(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = len(window.desk.ops.read(sources_with_counts))
    dialog = window.desk.lead_actions.manage_sources()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "B&Q <b>trade</b> counter")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    names = [count.source.name for count in window.desk.ops.read(sources_with_counts)]
    assert len(names) == before + 1 and "B&Q <b>trade</b> counter" in names
    assert dialog.problem.text() == ""  # (it said "Give the source a name.")
    assert dialog.isVisible() and dialog.name.text() == ""  # ready for the next one
    dialog.close()


def test_takings_typed_again_for_a_month_name_the_figure_before_replacing_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradesman.services.spend import all_takings
    from tradesman.ui.work.lead_dialogs import TakingsDialog

    answers: list[bool] = []
    asked: list[str] = []

    def answer(parent: object, title: str, question: str, action: str) -> bool:
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(prompts, "confirm", answer)

    def type_takings(amount: str) -> TakingsDialog:
        dialog = window.desk.lead_actions.add_takings()
        qtbot.keyClicks(dialog.amount, amount)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        return dialog

    def kept() -> list[int]:
        return [t.amount for t in window.desk.ops.read(all_takings)]

    first = type_takings("14200")
    qtbot.waitUntil(first.isHidden)
    assert kept() == [1_420_000] and asked == []  # (a month with none: nothing to ask)
    answers.append(False)
    second = type_takings("9000")
    assert asked == ["October 2026 has takings of GBP 14,200 already. Replace them with GBP 9,000?"]
    assert second.isVisible() and second.amount.text() == "9000"  # No: back to the form
    assert kept() == [1_420_000]
    answers.append(True)
    qtbot.keyClick(second.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(second.isHidden)
    assert kept() == [900_000]


def test_a_sentence_under_a_field_that_wraps_is_shown_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page(WORK_PAGE)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, EnquiryDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.who, "Bob")
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)  # no source chosen
    error = dialog.fields.labels["source"]
    assert error.text().startswith("Where did they hear of you?")
    lines = error.heightForWidth(error.width()) / error.fontMetrics().lineSpacing()
    assert lines >= 2  # (it wraps at this width: the case that was cut through)
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()))
    dialog.close()


def test_an_empty_new_enquiry_asks_who_first(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(WORK_PAGE)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, EnquiryDialog)
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
    assert dialog.error_text("who") == "Who is it? Give a name, even just a first name."
    assert dialog.error_text("source") == ""  # (it spoke of the source, the third field)
    dialog.close()
