"""The owner's words shown exactly as typed, wherever Qt would read them as markup.

Qt reads text in three ways that can eat an owner's title: a label, message box or
tooltip guesses whether text is rich text ("<b>x</b>" loses its tags), and a menu
entry, button or check box takes "&" as the mark of a keyboard shortcut ("AT&T"
shows "ATT" with an underlined T). Every place that puts owner text on screen goes
through one of these helpers, so "AT&T <b>x</b> & &amp;" reads the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget


def for_menu(text: str) -> str:
    """Text for a menu entry, button, check box or tab: "&" stays a letter, not a shortcut."""
    return text.replace("&", "&&")


def for_rich_text(text: str) -> str:
    """Owner text to put inside rich text (a tooltip or a label that also uses markup).

    Escaped, with line breaks kept, so tags and entities show as written. (As
    `html.escape(text, quote=False)` does, "&" first; that module's table of entities
    costs the window's start a millisecond or two.)"""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\n", "<br>")


def rich(body: str) -> str:
    """Mark a finished piece of rich text as rich, so Qt never has to guess (a tooltip
    that starts with plain words would otherwise be shown with its escapes)."""
    return f"<qt>{body}</qt>"


def tooltip(text: str) -> str:
    """A tooltip that shows plain `text` exactly, line breaks included."""
    return rich(for_rich_text(text))


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label that never reads its text as markup."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
