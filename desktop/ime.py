"""Review keys under a Vietnamese input method.

With Telex or VNI on (Unikey, EVKey, ibus-bamboo, fcitx5-unikey), a letter pressed outside a text
field may not arrive as that letter. Two ways, both handled:

* The window's panes take no input method (Qt.WA_InputMethodEnabled off, `keep_off`): an input
  method working through Qt's input context (ibus, fcitx) then passes the keys through untouched.
* Input methods that hook the keyboard (Unikey and EVKey on Windows) still rewrite keys: after A,
  an A arrives as Backspace and “â”, an S as “á”, a J as “ạ”; some commit text
  (QInputMethodEvent) instead of sending keys. `intended_key` reads back the key that was pressed:
  the physical key when the event has it, else the mark Telex adds for it (the mark new since the
  letter before). VNI adds marks with digits only, which no review key is, so its letters arrive
  as they are.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

# Telex: the key that adds each tone mark.
TONES = {"\u0301": "S", "\u0300": "F", "\u0309": "R", "\u0303": "X", "\u0323": "J"}
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"


def _marks(ch: str) -> tuple[str, set[str]]:
    nfd = unicodedata.normalize("NFD", ch)
    return nfd[0].upper(), set(nfd[1:])


def from_text(text: str, previous: str = "") -> Optional[str]:
    """The key (a letter, upper case) that made the input method send `text`, after it sent
    `previous` (the text of the key before, "" if unknown); None when it is no letter key."""
    if not text:
        return None
    ch = text[-1]  # “as” after “á” and S again (Telex's undo of a tone): the S is the key
    if ch.isascii():
        return ch.upper() if ch.isalpha() else None
    if ch in "đĐ":
        return "D"  # dd
    base, marks = _marks(ch)
    if not base.isascii() or not base.isalpha():
        return None
    if previous:
        before, had = _marks(previous[-1])
        if before == base or previous[-1] in "đĐ":
            marks = marks - had or marks  # the mark this key added
    for mark in marks:
        if mark in TONES:
            return TONES[mark]
    if CIRCUMFLEX in marks:
        return base  # aa, ee, oo
    if BREVE in marks or HORN in marks:
        return "W"  # aw, ow, uw, w
    return None


def from_native(virtual_key: int) -> Optional[str]:
    """The physical letter key, where the platform says it: a Windows virtual key or an X11 keysym
    of a letter (a hook's rewritten key has VK_PACKET, no letter)."""
    if QGuiApplication.platformName() == "cocoa":
        return None  # macOS key codes are positions, not letters
    if 0x41 <= virtual_key <= 0x5A or 0x61 <= virtual_key <= 0x7A:
        return chr(virtual_key).upper()
    return None


def intended_key(event, previous: str = "") -> Optional[str]:
    """The letter key behind a key event whose text is not that letter, else None (the event is
    what it says: handled the usual way)."""
    text = event.text()
    if not text or not text.isprintable():
        return None
    key = event.key()
    if len(text) == 1 and text.isascii() and Qt.Key_A <= key <= Qt.Key_Z:
        return None  # a plain letter: the shortcuts see it already
    return from_native(event.nativeVirtualKey()) or from_text(text, previous)


def keep_off(*widgets) -> None:
    """No input method on these widgets: the keys reach them, and the review actions, as pressed."""
    for w in widgets:
        w.setAttribute(Qt.WA_InputMethodEnabled, False)
