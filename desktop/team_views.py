"""The team's views in the window: agreement between reviewers, and adjudication of their
disagreements from the keyboard (app.team on the workspace)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from app.workspace import WorkspaceError
from facts.model import Kind

from .i18n import QT_TR_NOOP, decimal, num, tr
from .theme import kind_label, status_label

ABSENT = QT_TR_NOOP("did not add it")
CONTEXT_CHARS = 160  # of the article around a disputed span


def _fmt(x: Optional[float]) -> str:
    return "—" if x is None else decimal(x, 2)


class AgreementDialog(QDialog):
    """Per pair of reviewers sharing articles: span F1 (added facts included) and Cohen's kappa
    on their decisions over the same proposed facts, per kind and overall, with the counts."""

    COLUMNS = (QT_TR_NOOP("Kind"), QT_TR_NOOP("Span F1"), QT_TR_NOOP("Spans A"), QT_TR_NOOP("Spans B"),
               QT_TR_NOOP("In both"), QT_TR_NOOP("Kappa"), QT_TR_NOOP("Decided by both"),
               QT_TR_NOOP("Same decision"))

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setObjectName("AgreementDialog")
        self.setWindowTitle(tr("Agreement between reviewers"))
        self.resize(760, 420)
        self.pair = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Reviewers:")))
        top.addWidget(self.pair, 1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.pairs: list = []
        self.pair.currentIndexChanged.connect(self._show_pair)
        self.refresh()

    def refresh(self) -> None:
        self.summary.setText(tr("Counting…"))

        def job(_progress, _cancelled):
            return self.window.workspace.agreement()

        self.window.tasks.run(tr("Counting agreement…"), job, self._loaded, self.window.task_failed,
                              show_progress=False)

    def _loaded(self, pairs) -> None:
        self.pairs = list(pairs)
        self.pair.blockSignals(True)
        self.pair.clear()
        for p in self.pairs:
            self.pair.addItem(f"{p.a} — {p.b}")
        self.pair.blockSignals(False)
        if not self.pairs:
            self.summary.setText(tr("No two reviewers share an article yet: assign articles to two "
                                    "reviewers (fact-review assign --overlap) to measure agreement."))
            self.table.setRowCount(0)
            return
        self._show_pair(0)

    def _show_pair(self, index: int) -> None:
        if not 0 <= index < len(self.pairs):
            return
        p = self.pairs[index]
        heads = [tr(c) for c in self.COLUMNS]
        heads[2] = tr("Spans of {name}").format(name=p.a)
        heads[3] = tr("Spans of {name}").format(name=p.b)
        self.table.setHorizontalHeaderLabels(heads)
        self.summary.setText(tr("{a} and {b} share {shared} articles; both finished {finished}: span F1 is "
                                "measured there, kappa on the proposed facts both decided.").format(
            a=p.a, b=p.b, shared=num(p.shared_articles), finished=num(p.finished_articles)))
        kinds = [k for k in p.by_kind if k != "all"] + ["all"]
        self.table.setRowCount(len(kinds))
        for row, k in enumerate(kinds):
            g = p.by_kind[k]
            cells = [tr("All kinds") if k == "all" else kind_label(k), _fmt(g.f1), num(g.spans_a),
                     num(g.spans_b), num(g.spans_both), _fmt(g.kappa), num(g.decided_both),
                     num(g.same_decision)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if k == "all":
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.table.setItem(row, col, item)


class FinalFactForm(QWidget):
    """The adjudicator's own final fact: kind and value (the span is the disputed one, or the
    side it starts from). Enter saves, Esc leaves."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for k in Kind:
            self.kind.addItem(kind_label(k.value), k.value)
        self.value = QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Value"), self.value)
        self.base: dict = {}

    def start(self, fact: dict) -> None:
        self.base = dict(fact)
        self.kind.setCurrentIndex(max(0, self.kind.findData(fact.get("kind"))))
        self.value.setText(fact.get("value", ""))
        self.show()
        self.value.setFocus()
        self.value.selectAll()

    def fact(self) -> dict:
        kind = self.kind.currentData()
        out = {k: self.base[k] for k in ("start", "end", "text") if k in self.base}
        out.update(kind=kind, value=self.value.text().strip())
        if kind == self.base.get("kind"):  # the kind's own fields, as the side had them
            out.update({k: v for k, v in self.base.items()
                        if k not in ("kind", "start", "end", "text", "value", "status", "note")})
        return out


class AdjudicationDialog(QDialog):
    """The disagreements of shared articles, one after another, each reviewer's side beside the
    other's; the curator settles each from the keyboard: 1, 2, … take that reviewer's side,
    R rejects, E writes the final fact, J/K move, Ctrl+Z undoes the last settlement. Each
    settlement is the workspace's decision, logged like any other."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setObjectName("AdjudicationDialog")
        self.setWindowTitle(tr("Adjudicate disagreements"))
        self.resize(980, 560)
        self.items: list = []
        self.list = QListWidget()
        self.list.setObjectName("disagreements")
        self.context = QTextBrowser()
        self.context.setOpenLinks(False)
        self.sides = QTableWidget(0, 6)
        self.sides.setHorizontalHeaderLabels([tr("Key"), tr("Reviewer"), tr("Decision"), tr("Kind"),
                                              tr("Text"), tr("Value")])
        self.sides.verticalHeader().hide()
        self.sides.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.sides.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.sides.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.sides.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.form = FinalFactForm()
        self.form.hide()
        self.form.value.returnPressed.connect(self._save_final)
        self.status = QLabel()
        self.status.setWordWrap(True)
        keys = QLabel(tr("1, 2…: take that reviewer's side · R: reject · E: write the final fact "
                         "(Enter saves, Esc leaves) · J/K: next, previous · Ctrl+Z: undo"))
        keys.setWordWrap(True)
        keys.setObjectName("adjudicationKeys")

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.context, 2)
        rl.addWidget(self.sides, 2)
        rl.addWidget(self.form)
        rl.addWidget(self.status)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(keys, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.list.currentRowChanged.connect(self._show)
        self.list.setFocus()
        self.undo_events: list[list[int]] = []
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def refresh(self, keep: Optional[int] = None) -> None:
        try:
            self.items = self.window.workspace.disagreements()
        except WorkspaceError as exc:
            self.status.setText(tr("Could not read the disagreements: {error}").format(error=exc))
            self.items = []
        self.list.blockSignals(True)
        self.list.clear()
        titles: dict[int, str] = {}
        for d in self.items:
            if d.article_id not in titles:
                art = self.window.workspace.article(d.article_id)
                titles[d.article_id] = (art.title if art else "") or tr("article {id}").format(id=d.article_id)
            text, kind = self._what(d)
            QListWidgetItem(f"{titles[d.article_id][:40]} · {kind_label(kind)}: {text}", self.list)
        self.list.blockSignals(False)
        if not self.items:
            self.context.clear()
            self.sides.setRowCount(0)
            self.status.setText(tr("No disagreements left: every shared article the reviewers finished "
                                   "is settled."))
            return
        self.list.setCurrentRow(min(keep or 0, len(self.items) - 1))
        self._show(self.list.currentRow())

    @staticmethod
    def _what(d) -> tuple[str, str]:
        if d.fact is not None:
            return d.fact.text, d.fact.kind
        side = next(s for s in d.sides if s.fact)
        return side.fact.get("text", ""), side.fact.get("kind", "")

    def current(self):
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- showing -------------------------------------------------------------------------------
    def _show(self, row: int) -> None:
        self.form.hide()
        if not 0 <= row < len(self.items):
            return
        d = self.items[row]
        art = self.window.workspace.article(d.article_id)
        span = (d.fact.start, d.fact.end) if d.fact is not None else next(
            (s.fact["start"], s.fact["end"]) for s in d.sides if s.fact)
        if art is not None:
            a, b = span
            lo, hi = max(0, a - CONTEXT_CHARS), min(len(art.text), b + CONTEXT_CHARS)
            from html import escape

            self.context.setHtml(
                f"<p><b>{escape(art.title or '')}</b></p><p>{'…' if lo else ''}"
                f"{escape(art.text[lo:a])}<span style='background:#ffe08a;color:#000'>"
                f"{escape(art.text[a:b])}</span>{escape(art.text[b:hi])}{'…' if hi < len(art.text) else ''}</p>")
        self.sides.setRowCount(len(d.sides))
        for i, s in enumerate(d.sides):
            f = s.fact or {}
            decision = tr(ABSENT) if s.status == "absent" else status_label(s.status)
            cells = [str(i + 1), s.reviewer, decision, kind_label(f.get("kind", "")) if f else "—",
                     f.get("text", "") if f else "—", f.get("value", "") if f else "—"]
            for col, text in enumerate(cells):
                self.sides.setItem(i, col, QTableWidgetItem(text))
        self.status.setText(tr("Disagreement {i} of {n}").format(i=num(row + 1), n=num(len(self.items))))

    # -- settling ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if self.form.isVisible():
            if event.key() == Qt.Key_Escape:
                self.form.hide()
                self.list.setFocus()
                return
            return super().keyPressEvent(event)
        key, text = event.key(), event.text().lower()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif Qt.Key_1 <= key <= Qt.Key_9 and not event.modifiers() & ~Qt.KeypadModifier:
            self.take(key - Qt.Key_1)
        elif key == Qt.Key_R or text == "r":
            self.settle(reject=True)
        elif key == Qt.Key_E or text == "e":
            self.write_final()
        elif key in (Qt.Key_J, Qt.Key_Down) or text == "j":
            self.list.setCurrentRow(min(self.list.currentRow() + 1, len(self.items) - 1))
        elif key in (Qt.Key_K, Qt.Key_Up) or text == "k":
            self.list.setCurrentRow(max(self.list.currentRow() - 1, 0))
        elif key == Qt.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def take(self, index: int) -> None:
        d = self.current()
        if d is None or not 0 <= index < len(d.sides):
            return
        self.settle(take=d.sides[index].reviewer)

    def write_final(self) -> None:
        d = self.current()
        if d is None:
            return
        base = next((s.fact for s in d.sides if s.fact), None)
        if base is None and d.fact is not None:
            base = d.fact.snapshot()
        self.form.start(base or {})

    def _save_final(self) -> None:
        self.settle(fact=self.form.fact())

    def settle(self, **how) -> None:
        d = self.current()
        if d is None:
            return
        row = self.list.currentRow()
        try:
            changes = self.window.workspace.adjudicate(d.key, **how)
        except (WorkspaceError, ValueError) as exc:
            self.status.setText(tr("Not saved: {error}").format(error=exc))
            return
        self.window.apply_changes(changes)
        self.undo_events.append(list(changes.events))
        self.window.show_saved(tr("Adjudication saved"))
        self.refresh(keep=row)

    def undo(self) -> None:
        """The last settlement taken back (the workspace's revert, as History ▸ Revert)."""
        if not self.undo_events:
            self.status.setText(tr("Nothing to undo here"))
            return
        events = self.undo_events.pop()
        try:
            changes = self.window.workspace.revert(events, "undo")
        except WorkspaceError as exc:
            self.status.setText(tr("Not saved: {error}").format(error=exc))
            return
        self.window.apply_changes(changes)
        self.window.show_saved(tr("Adjudication undone"))
        self.refresh(keep=self.list.currentRow())


__all__ = ["AgreementDialog", "AdjudicationDialog"]
