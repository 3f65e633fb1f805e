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
from .i18n import tr
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
        for i, what in (("accept", tr("accept the selected fact")), ("reject", tr("reject it")),
                        ("edit", tr("edit its value, fields or span")),
                        ("add", tr("add a fact from the words selected in the article")),
                        ("next_pending", tr("the next pending fact, across articles"))))
    tour = registry.SPECS["tour"]
    return [
        Step(tr("Articles"), tr("Every article of the workspace. A bold title still has facts to review; "
                                "the bar shows how many are done. {next} and {prev} open the next and "
                                "previous one, {here} moves the keys here.").format(
            next=k("next_article"), prev=k("prev_article"), here=k("focus_articles")), window.articles),
        Step(tr("The article"), tr("Its text, each fact in its kind's colour: dashed while pending, solid "
                                   "once accepted, struck through when rejected, filled when selected. Grey "
                                   "lines are page furniture: {furniture} hides them. {find} in the text "
                                   "finds words in it.").format(furniture=k("furniture"), find=k("find")),
             window.view),
        Step(tr("Facts"), tr("The article's facts in reading order. The keys act on the selected one: "
                             "{next} and {prev} move. Every decision is saved at once; {undo} takes it "
                             "back.").format(next=k("next_fact"), prev=k("prev_fact"), undo=k("undo")),
             window.facts),
        Step(tr("Five keys do most of the work"), f"<table>{five}</table><p>" + tr(
            "{help} shows every key; {menu} shows this tour again.").format(
            help=k("help"), menu=html.escape(f"{tour.menu_shown} ▸ {tour.label}")) + "</p>"),
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
        self.setAccessibleName(tr("Tour of the window"))
        self.card = QFrame(self, objectName="tourCard")
        self.card.setAutoFillBackground(True)
        self.card.setFixedWidth(CARD_WIDTH)
        self.heading = QLabel(objectName="tourTitle")
        self.body = QLabel(wordWrap=True)  # text written in steps(), never imported text
        self.counter = QLabel(objectName="paneNote")
        self.back = QPushButton(tr("← Back"), focusPolicy=Qt.NoFocus)
        self.next = QPushButton(tr("Next →"), focusPolicy=Qt.NoFocus)
        skip = QPushButton(tr("Skip tour (Esc)"), focusPolicy=Qt.NoFocus, flat=True)
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
        self.counter.setText(tr("{current} of {total}").format(current=index + 1, total=len(self.steps)))
        self.back.setEnabled(index > 0)
        self.next.setText(tr("Start reviewing") if index == len(self.steps) - 1 else tr("Next →"))
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
