"""What an owner actually reads where Qt shows text: used to check that titles such
as `AT&T <b>x</b> & &amp;` come out exactly as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # (mightBeRichText lives in QtGui's Qt)
from PySide6.QtWidgets import QAbstractButton, QLabel

TRICKY = "AT&T <b>x</b> & &amp;"


def read_markup(text: str, rich: bool) -> str:
    """`text` as Qt shows it, read as rich text or not."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def is_rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format is Qt.TextFormat.RichText:
        return True
    return text_format is Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def read_mnemonic(text: str) -> str:
    """A menu entry, button or shortcut label: "&&" shows "&", a lone "&" vanishes."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def read_label(label: QLabel) -> str:
    text = label.text()
    if label.buddy() is not None and not is_rich(text, label.textFormat()):
        text = read_mnemonic(text)
    return read_markup(text, is_rich(text, label.textFormat()))


def read_tooltip(text: str) -> str:
    """Tooltips guess: rich text when it looks like it."""
    return read_markup(text, GuiQt.mightBeRichText(text))


def read_action(action: QAction) -> str:
    return read_mnemonic(action.text())


def read_button(button: QAbstractButton) -> str:
    return read_mnemonic(button.text())
