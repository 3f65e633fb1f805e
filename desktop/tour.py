"""A first look at the window: the three panes, then the five keys that matter.

Drawn over the window (not a dialog): the pane it speaks of stays lit, the rest is shaded.
→, Enter or Space go on, ← goes back, Esc skips. Shown once on the first start (Prefs.tour_seen),
and again from Help ▸ Tour of the Window.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import actions as registry
from .theme import Theme

CARD_WIDTH = 380
MARGIN = 16


@dataclass(frozen=True)
class Step:
    title: str
    body: str  # HTML written here, naming keys only
    target: Optional[QWidget] = None  # the pane lit; None: the whole window stays shaded


def steps(window) -> list[Step]:
    """The tour of `window`, with the keys the reviewer uses (their own, if they changed any)."""
    keys = registry.current_keys(window.prefs.keys)

    def k(action_id: str) -> str:
        return f"<b>{html.escape(registry.keys_text(registry.SPECS[action_id], keys))}</b>"

    five = "".join(
        f"<tr><td style='padding:3px 14px 3px 0' align='right'>{k(i)}</td><td>{what}</td></tr>"
        for i, what in (("accept", "accept the selected fact"), ("reject", "reject it"),
                        ("edit", "edit its value, fields or span"),
                        ("add", "add a fact from the words selected in the article"),
                        ("next_pending", "the next pending fact, across articles")))
    return [
        Step("Articles", "Every article of the workspace. A bold title still has facts to review; "
             f"the bar shows how many are done. {k('next_article')} and {k('prev_article')} open "
             f"the next and previous one, {k('focus_articles')} moves the keys here.", window.articles),
        Step("The article", "Its text, each fact in its kind's colour: dashed while pending, solid once "
             "accepted, struck through when rejected, filled when selected. Grey lines are page "
             f"furniture: {k('furniture')} hides them. {k('find')} in the text finds words in it.",
             window.view),
        Step("Facts", "The article's facts in reading order. The keys act on the selected one: "
             f"{k('next_fact')} and {k('prev_fact')} move. Every decision is saved at once; "
             f"{k('undo')} takes it back.", window.facts),
        Step("Five keys do most of the work", f"<table>{five}</table><p>{k('help')} shows every key; "
             "Help ▸ Tour of the Window shows this tour again.</p>"),
    ]


class Tour(QWidget):
    finished = Signal()

    def __init__(self, window, tour: list[Step], theme: Theme):
        super().__init__(window)
        self.host = window
        self.steps = tour
        self.theme = theme
        self.index = 0
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName("Tour of the window")
        self.card = QFrame(self, objectName="tourCard")
        self.card.setAutoFillBackground(True)
        self.card.setFixedWidth(CARD_WIDTH)
        self.heading = QLabel(objectName="tourTitle")
        self.body = QLabel(wordWrap=True)  # text written in steps(), never imported text
        self.counter = QLabel(objectName="paneNote")
        self.back = QPushButton("← Back", focusPolicy=Qt.NoFocus)
        self.next = QPushButton("Next →", focusPolicy=Qt.NoFocus)
        skip = QPushButton("Skip tour (Esc)", focusPolicy=Qt.NoFocus, flat=True)
        self.back.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(1))
        skip.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter, 1)
        for b in (skip, self.back, self.next):
            buttons.addWidget(b)
        lay = QVBoxLayout(self.card)
        lay.setContentsMargins(18, 14, 18, 12)
        lay.addWidget(self.heading)
        lay.addWidget(self.body)
        lay.addLayout(buttons)
        window.installEventFilter(self)  # follow the window's size
        self.hide()

    def start(self) -> None:
        self.setGeometry(self.host.rect())
        self.raise_()
        self.show()
        self.setFocus()
        self._show(0)

    def go(self, delta: int) -> None:
        if self.index + delta >= len(self.steps):
            self.finish()
        elif self.index + delta >= 0:
            self._show(self.index + delta)

    def finish(self) -> None:
        self.host.removeEventFilter(self)
        self.hide()
        self.finished.emit()
        self.deleteLater()

    def _show(self, index: int) -> None:
        self.index = index
        step = self.steps[index]
        self.heading.setText(step.title)
        self.body.setText(step.body)
        self.counter.setText(f"{index + 1} of {len(self.steps)}")
        self.back.setEnabled(index > 0)
        self.next.setText("Start reviewing" if index == len(self.steps) - 1 else "Next →")
        self._place()
        self.update()

    def _lit(self) -> Optional[QRect]:
        target = self.steps[self.index].target
        if target is None:
            return None
        return QRect(target.mapTo(self.host, target.rect().topLeft()), target.size()).adjusted(-6, -6, 6, 6)

    def _place(self) -> None:
        """The card beside the lit pane, on the side with room, else over its lower part."""
        self.card.adjustSize()
        lit, size, w = self._lit(), self.card.size(), self.width()
        if lit is None:
            x, y = (w - size.width()) // 2, (self.height() - size.height()) // 2
        elif w - lit.right() - MARGIN >= size.width() + MARGIN:
            x, y = lit.right() + MARGIN, lit.top() + lit.height() // 4
        elif lit.left() - MARGIN >= size.width() + MARGIN:
            x, y = lit.left() - MARGIN - size.width(), lit.top() + lit.height() // 4
        else:
            x, y = lit.center().x() - size.width() // 2, lit.bottom() - size.height() - 3 * MARGIN
        self.card.move(max(MARGIN, min(x, w - size.width() - MARGIN)),
                       max(MARGIN, min(y, self.height() - size.height() - MARGIN)))

    # -- drawing and keys --------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        lit = self._lit()
        if lit is not None:
            hole = QPainterPath()
            hole.addRoundedRect(QRectF(lit), 8, 8)
            shade = shade.subtracted(hole)
        p.fillPath(shade, QColor(0, 0, 0, 170 if self.theme.palette.dark else 130))
        if lit is not None:
            p.setPen(QPen(self.theme.colour("accent"), 3))
            p.drawRoundedRect(QRectF(lit), 8, 8)
        p.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride:
            event.accept()  # while the tour shows, every key is its own: A accepts nothing
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key_Escape:
            self.finish()
        elif key in (Qt.Key_Right, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.go(1)
        elif key in (Qt.Key_Left, Qt.Key_Backspace):
            self.go(-1)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.host and event.type() == QEvent.Resize:
            self.setGeometry(self.host.rect())
            self._place()
        return super().eventFilter(obj, event)
