"""The Work page on its own: which lane an enquiry sits in and what its card says, the
lanes' drag and menus, and the new-enquiry and amount dialogs with real key presses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from tradesman.domain import lead_checks
from tradesman.domain.leads import Lead, LostReason, NotQuotedReason, Source, SourceKind
from tradesman.domain.money import NOT_A_NUMBER
from tradesman.domain.work_lanes import Lane, lead_cards
from tradesman.ui.work.lead_dialogs import Decision, DecisionDialog, EnquiryDialog, NewEnquiry
from tradesman.ui.work.work_page import LEAD_MIME, WorkPage, WorkScreen, card_text

TODAY = date(2026, 12, 4)
GOOGLE = Source("Google / business profile", SourceKind.MARKETING, id=1)
REFERRAL = Source("A customer's referral", SourceKind.WORD_OF_MOUTH, id=2)
NOT_SURE = Source("Not sure", SourceKind.NOT_SURE, id=3)
OLD_FLYERS = Source("Flyers or postcards", SourceKind.MARKETING, archived=True, id=4)
SOURCES = {s.id or 0: s for s in (GOOGLE, REFERRAL, NOT_SURE, OLD_FLYERS)}


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


NEW = Lead("Mrs Patel", days_ago(2), 1, what="kitchen worktops", id=10)
NEWER = Lead("Tom Dubois", days_ago(0), 2, id=11)
QUOTED = Lead("Ms Nowak", days_ago(20), 1, id=12).quoted(days_ago(15), 320050)
STALE = Lead("Mr Brown", days_ago(50), 3, id=13).quoted(days_ago(40), 90000)
WON = Lead("The Smiths", days_ago(30), 2, id=14).quoted(days_ago(25), 500000).won(days_ago(5))
OLD_WIN = Lead("Old job", days_ago(200), 2, id=15).quoted(days_ago(190), 1000).won(days_ago(100))
LOST = Lead("Mr Green", days_ago(30), 1, id=16).quoted(days_ago(28), 70000)
LOST = LOST.lost(days_ago(3), LostReason.PRICE)
PASSED = Lead("Mrs Black", days_ago(9), 1, id=17).not_quoted(days_ago(8), NotQuotedReason.TOO_BUSY)
LEADS = [STALE, NEWER, QUOTED, NEW, WON, OLD_WIN, LOST, PASSED]


def lanes() -> dict[Lane, list[str]]:
    found = lead_cards(LEADS, SOURCES, TODAY, stale_days=30, follow_ups={12: TODAY})
    return {lane: [card.lead.who for card in cards] for lane, cards in found.items()}


def test_each_enquiry_sits_in_its_lane_in_the_order_the_owner_works_them() -> None:
    assert lanes() == {
        Lane.NEW: ["Mrs Patel", "Tom Dubois"],  # the oldest first
        Lane.QUOTED: ["Mr Brown", "Ms Nowak"],  # the longest waiting first
        Lane.WON: ["The Smiths"],  # a win 100 days ago is past the last 13 weeks
        Lane.CLOSED: ["Mr Green", "Mrs Black"],  # the latest first
    }


def test_a_card_knows_its_age_amount_staleness_follow_up_and_outcome() -> None:
    found = lead_cards(LEADS, SOURCES, TODAY, stale_days=30, follow_ups={12: TODAY, 14: TODAY})
    by_who = {card.lead.who: card for cards in found.values() for card in cards}
    nowak, brown = by_who["Ms Nowak"], by_who["Mr Brown"]
    assert (nowak.age_days, nowak.amount, nowak.stale, nowak.next_follow_up) == (
        15, 320050, False, TODAY,
    )  # fmt: skip
    assert (brown.age_days, brown.stale, brown.source_name) == (40, True, "Not sure")
    smiths = by_who["The Smiths"]
    assert (smiths.amount, smiths.next_follow_up) == (500000, None)  # decided: no follow-up
    assert by_who["Mr Green"].outcome == "Lost: Price"
    assert by_who["Mrs Black"].outcome == "Not quoted: Too busy"


def screen() -> WorkScreen:
    found = lead_cards(LEADS, SOURCES, TODAY, stale_days=30)
    return WorkScreen(found, TODAY, ["3 Dec · 120 · Flyers"], [], "GBP", ".")


@pytest.fixture
def page(qtbot: QtBot) -> WorkPage:
    shown = WorkPage(screen)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.reload()
    return shown


def test_the_page_shows_the_lanes_and_hides_lost_until_asked(qtbot: QtBot, page: WorkPage) -> None:
    assert page.titles[Lane.QUOTED].text() == "Quoted · 2"
    first = page.lanes[Lane.QUOTED].item(0).text()
    assert first.startswith(
        "Mr Brown\nNot sure · 40 days · GBP\u00a0900"
    )  # (never split across lines)
    assert "No answer for 40 days" in first
    assert page.lanes[Lane.NEW].item(0).text().startswith("Mrs Patel – kitchen worktops")
    closed = page.lanes[Lane.CLOSED]
    assert not closed.isVisible()
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert closed.isVisible() and closed.count() == 2
    assert page.money.spend_list.item(0).text() == "3 Dec · 120 · Flyers"
    assert page.money.takings_list.item(0).text() == "No takings yet"


def test_a_card_dropped_on_another_lane_asks_for_that_move(qtbot: QtBot, page: WorkPage) -> None:
    mime = QMimeData()
    mime.setData(LEAD_MIME, b"10")
    viewport = page.lanes[Lane.QUOTED].viewport()
    at, move, left = QPoint(20, 20), Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    # What a drag from the New lane brings: it comes in, moves over, and is let go.
    for arriving in (QDragEnterEvent, QDragMoveEvent):
        event = arriving(at, move, mime, left, no_keys)
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    drop = QDropEvent(QPointF(at), move, mime, left, no_keys)
    with qtbot.waitSignal(page.move_requested) as asked:
        QApplication.sendEvent(viewport, drop)
    assert asked.args == [NEW, "quoted"]
    assert page.lanes[Lane.QUOTED].count() == 2  # it moves once the edit is read back


def test_a_stale_quote_offers_mark_lost_no_reply_in_one_click(qtbot: QtBot, page: WorkPage) -> None:
    card = page.lanes[Lane.QUOTED].cards()[0]
    menu = page.card_menu(card)
    words = [action.text() for action in menu.actions()]
    assert "Mark lost (no reply)" in words and "&Won…" in words and "&Quoted…" not in words
    mark = next(a for a in menu.actions() if a.text() == "Mark lost (no reply)")
    with qtbot.waitSignal(page.lost_requested) as asked:
        mark.trigger()
    assert asked.args == [STALE, LostReason.NO_REPLY.value]
    fresh = page.card_menu(page.lanes[Lane.QUOTED].cards()[1])
    assert "Mark lost (no reply)" not in [a.text() for a in fresh.actions()]


def enquiry_dialog(qtbot: QtBot) -> tuple[EnquiryDialog, list[NewEnquiry]]:
    dialog = EnquiryDialog(list(SOURCES.values()), TODAY)
    qtbot.addWidget(dialog)
    saved: list[NewEnquiry] = []
    dialog.chosen.connect(saved.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, saved


def test_an_enquiry_is_logged_with_the_keyboard_alone(qtbot: QtBot) -> None:
    dialog, saved = enquiry_dialog(qtbot)
    qtbot.keyClicks(dialog.who, "Mrs Patel")
    qtbot.keyClick(dialog.who, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.what, "Kitchen worktops")
    qtbot.keyClick(dialog.what, Qt.Key.Key_Tab)
    line = dialog.source.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "goog")  # the source, typed ahead
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
    assert len(saved) == 1
    lead = saved[0].lead
    assert (lead.who, lead.what, lead.source_id, lead.came_in) == (
        "Mrs Patel", "Kitchen worktops", GOOGLE.id, TODAY,
    )  # fmt: skip
    assert not saved[0].already_called


def test_an_enquiry_without_a_source_or_a_name_says_so_and_saves_nothing(qtbot: QtBot) -> None:
    dialog, saved = enquiry_dialog(qtbot)
    qtbot.keyClicks(dialog.who, "Mrs Patel")
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
    assert saved == [] and dialog.isVisible()
    assert dialog.error_text("source") == lead_checks.NO_SOURCE
    archived = [dialog.source.itemText(i) for i in range(dialog.source.count())]
    assert "Flyers or postcards" not in archived  # an archived source is not offered
    dialog.who.clear()
    assert isinstance(dialog.source, QComboBox)
    dialog.source.setCurrentIndex(0)
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)
    assert saved == [] and dialog.error_text("who") == lead_checks.NO_WHO


def decision_dialog(qtbot: QtBot, lead: Lead, won: bool) -> tuple[DecisionDialog, list[Decision]]:
    dialog = DecisionDialog(lead, TODAY, ".", won)
    qtbot.addWidget(dialog)
    saved: list[Decision] = []
    dialog.chosen.connect(saved.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, saved


def test_a_quote_takes_the_amount_as_the_owner_writes_it(qtbot: QtBot) -> None:
    dialog, saved = decision_dialog(qtbot, NEW, won=False)
    qtbot.keyClicks(dialog.amount, "abc")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert saved == [] and dialog.error_text("amount") == NOT_A_NUMBER
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "3,200.50")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert saved == [Decision(TODAY, 320050)]


def test_a_win_offers_the_quote_and_booking_the_job(qtbot: QtBot) -> None:
    dialog, saved = decision_dialog(qtbot, QUOTED, won=True)
    assert dialog.amount.text() == "3,200.50" and dialog.book.isChecked()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert saved == [Decision(TODAY, 320050, book_the_job=True)]


def test_a_quote_dated_before_its_enquiry_names_the_day_it_must_follow(qtbot: QtBot) -> None:
    dialog, saved = decision_dialog(qtbot, NEW, won=False)
    dialog.day.setDate(dialog.day.date().addDays(-10))
    qtbot.keyClicks(dialog.amount, "500")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert saved == []
    assert dialog.error_text("day") == (
        "A quote cannot come before the enquiry; make it 2 Dec 2026 or later."
    )


def test_an_empty_lane_says_what_to_do_and_offers_no_card(qtbot: QtBot) -> None:
    empty = WorkPage(
        lambda: WorkScreen(lead_cards([], SOURCES, TODAY, 30), TODAY, [], [], "GBP", ".")
    )
    qtbot.addWidget(empty)
    empty.reload()
    new = empty.lanes[Lane.NEW]
    assert new.item(0).text() == "No new enquiries. When the phone rings, press Ctrl+L."
    assert new.item(0).flags() == Qt.ItemFlag.NoItemFlags and new.cards() == []
    assert empty.titles[Lane.NEW].text() == "New enquiries · 0"


def test_a_follow_up_gone_by_says_it_is_overdue() -> None:
    found = lead_cards([NEW, QUOTED], SOURCES, TODAY, 30, {10: days_ago(1), 12: TODAY})
    texts = {
        card.lead.who: card_text(card, "GBP", ".", TODAY)
        for card in found[Lane.NEW] + found[Lane.QUOTED]
    }
    assert texts["Mrs Patel"].endswith("Follow-up overdue since 3 Dec")
    assert texts["Ms Nowak"].endswith("Next: follow up 4 Dec")
