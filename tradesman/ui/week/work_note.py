"""The Week page's note of work coming in: this week's enquiries, quotes, jobs won and
marketing hours, and which engine holds the business back now (issue 15).

It speaks of now, not of the week on show, so a week switch leaves it be. It is read
again a moment after a change has settled (the engines take a few tens of
milliseconds over years of data), never in the middle of a drag or between key presses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from tradesman.domain import engine_words as words
from tradesman.domain.engine_verdict import ENGINE_WORDS
from tradesman.domain.money import decimal_mark_for_locale, format_money
from tradesman.services.engines import work_note

if TYPE_CHECKING:
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.week.week_page import WeekPage

SETTLE_MS = 400  # after the last change, before reading again


class WorkNoteKeeper(QObject):
    def __init__(self, ops: Operations, page: WeekPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.page = ops, page
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.show_now)

    def changed(self) -> None:
        """Something changed: read again once it has settled."""
        self.timer.start()

    def show_now(self) -> None:
        self.timer.stop()
        locale_name = self.ops.data.locale_name
        note = self.ops.read(work_note, self.ops.today(), locale_name)
        mark = decimal_mark_for_locale(locale_name)

        def money(minor: int) -> str:
            return format_money(minor, note.currency, mark)

        verdict = note.verdict
        self.page.show_work(
            words.this_week_words(
                note.work, note.marketing_minutes, money, note.marketing_floor_minutes
            ),
            ENGINE_WORDS[verdict.engine],
            verdict.reason,
            verdict.next_step,
        )
