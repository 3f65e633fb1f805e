"""Find in the open article: a small bar under its text, with the count of matches.

Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the previous, Esc leaves. Case
and diacritics are ignored unless the reviewer asks to match them: in Vietnamese they tell words
apart (ma, má, mà, mã), so matching them is one click away.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from .i18n import num, tr
from .safe_text import plain


@lru_cache(maxsize=4096)
def _without_marks(c: str) -> str:
    """A letter without its diacritics (ệ → e, Đ → D), always one character."""
    if c in "đĐ":
        return "d" if c == "đ" else "D"
    base = unicodedata.normalize("NFD", c)[0]
    return c if unicodedata.combining(base) else base


def _fold(text: str, match_case: bool, match_diacritics: bool) -> str:
    """`text` as compared: one character for each of its characters, so offsets carry over."""
    if not match_diacritics:
        text = "".join(_without_marks(c) for c in text)
    if not match_case:
        text = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    return text


def find_all(text: str, query: str, *, match_case: bool = False,
             match_diacritics: bool = False) -> list[tuple[int, int]]:
    """Every match of `query` in `text`, as (start, end) offsets of `text`, in reading order."""
    query = unicodedata.normalize("NFC", query)  # the way article text is stored
    if not query.strip():
        return []
    hay = _fold(text, match_case, match_diacritics)
    needle = _fold(query, match_case, match_diacritics)
    out = []
    i = hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + len(needle))
    return out


class FindBar(QWidget):
    changed = Signal()  # the query or an option changed
    stepped = Signal(int)  # +1 the next match, -1 the previous one
    closed = Signal()

    def __init__(self, match_case: bool, match_diacritics: bool, parent=None):
        super().__init__(parent)
        self.field = QLineEdit(placeholderText=tr("Find in this article"))
        self.field.setAccessibleName(tr("Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count = plain(QLabel(objectName="findCount"))
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(tr("{current} of {total}").format(current=888, total=888)) + 8)
        self.case = QCheckBox(tr("Match case"))
        self.case.setChecked(match_case)
        self.diacritics = QCheckBox(tr("Match diacritics"))
        self.diacritics.setChecked(match_diacritics)
        self.diacritics.setToolTip(tr("Off: ha noi finds Hà Nội. On: only the very diacritics typed"))
        buttons = []
        for text, tip, delta in (("↑", tr("Previous match (Shift+Enter, Shift+F3)"), -1),
                                 ("↓", tr("Next match (Enter, F3)"), 1)):
            b = QToolButton(text=text, toolTip=tip, autoRaise=True)
            b.clicked.connect(lambda _c=False, d=delta: self.stepped.emit(d))
            buttons.append(b)
        close = QToolButton(text="✕", toolTip=tr("Close (Esc)"), autoRaise=True)
        close.clicked.connect(self.close_bar)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.field, 1)
        lay.addWidget(self.count)
        for w in (*buttons, self.case, self.diacritics, close):
            lay.addWidget(w)
        self.field.textChanged.connect(self.changed)
        self.case.toggled.connect(self.changed)
        self.diacritics.toggled.connect(self.changed)
        self.hide()

    def query(self) -> str:
        return self.field.text()

    def open(self, query: Optional[str] = None) -> None:
        """Show the bar with the keys in its field (`query` in it, when given)."""
        self.show()
        if query:
            self.field.setText(query)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: Optional[int], total: int) -> None:
        """“3 of 12”, “No match”, or nothing while the field is empty."""
        if not self.query().strip():
            self.count.setText("")
        elif not total:
            self.count.setText(tr("No match"))
        else:
            self.count.setText(tr("{current} of {total}").format(current=num((current or 0) + 1), total=num(total)))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.field and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self.stepped.emit(-1 if event.modifiers() & Qt.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
