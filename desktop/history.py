"""The review log in the window: see any earlier decision, and revert it."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout)

from .safe_text import plain

COLUMNS = ["When", "Reviewer", "Action", "Text", "Before", "After"]
EventRole = Qt.UserRole + 1


def _presence(e):
    """(title, before, after) of an article's deletion or its putting back, else None."""
    if e.fact_id is not None or "article" not in (e.after or {}):
        return None
    before = e.before or {}
    return before.get("title") or f"article {e.article_id}", before.get("article", "—"), e.after["article"]


def _state(snap) -> str:
    if not snap:
        return "—"
    return f"{snap.get('status', '')}: {snap.get('value', '')}"


class HistoryModel(QAbstractTableModel):
    """Review-log events, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.events: list = []

    def set_events(self, events: list) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        e = self.events[index.row()]
        if role == EventRole:
            return e
        if role == Qt.DisplayRole:
            presence = _presence(e)
            if presence is not None:  # the article deleted, or put back
                title, before, after = presence
                return [f"{e.at:%Y-%m-%d %H:%M:%S}", e.reviewer or "", e.action,
                        f"article ‘{title}’", before, after][index.column()]
            if e.fact_id is None:  # a correction of the article's title, date, source or author
                field = next(iter(e.after or e.before or {}), "")
                return [f"{e.at:%Y-%m-%d %H:%M:%S}", e.reviewer or "", e.action, f"article {field}",
                        str((e.before or {}).get(field) or "—"),
                        str((e.after or {}).get(field) or "—")][index.column()]
            snap = e.after or e.before or {}
            return [f"{e.at:%Y-%m-%d %H:%M:%S}", e.reviewer or "", e.action, snap.get("text", ""),
                    _state(e.before), _state(e.after)][index.column()]
        return None


class HistoryDialog(QDialog):
    """Decisions, newest first; Revert puts the fact back as it was before the chosen one."""

    def __init__(self, workspace, fact_id, revert: Callable[[int, str], bool], parent=None):
        """`revert(event id, label)` puts a decision back the way undo does; True if saved."""
        super().__init__(parent)
        self.workspace, self.fact_id, self._revert = workspace, fact_id, revert
        self.setWindowTitle("Review history")
        self.only_fact = QCheckBox("Only the selected fact")
        self.only_fact.setChecked(fact_id is not None)
        self.only_fact.setEnabled(fact_id is not None)
        self.only_fact.toggled.connect(self.refresh)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.revert_button = QPushButton("Revert to before this decision")
        self.revert_button.clicked.connect(self.revert_selected)
        self.message = plain(QLabel())
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.only_fact)
        top.addStretch(1)
        top.addWidget(self.revert_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table)
        lay.addWidget(self.message)
        lay.addWidget(box)
        self.resize(900, 480)
        # From the list, Tab reaches Revert (Enter presses it), then Close; Esc closes.
        self.setTabOrder(self.table, self.revert_button)
        self.setTabOrder(self.revert_button, box.button(QDialogButtonBox.Close))
        self.setTabOrder(box.button(QDialogButtonBox.Close), self.only_fact)
        self.revert_button.setAutoDefault(True)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.setFocus()  # the keys start on the list: ↑ ↓ choose, Tab reaches Revert

    def refresh(self) -> None:
        fact = self.fact_id if self.only_fact.isChecked() else None
        self.model.set_events(self.workspace.review_log(fact, limit=500))
        self.table.resizeColumnsToContents()
        if self.model.events:
            self.table.selectRow(0)

    def revert_selected(self) -> None:
        event = self.table.currentIndex().data(EventRole)
        if event is None:
            return
        presence = _presence(event)
        what = (f"‘{presence[0]}’" if presence is not None else
                f"the {', '.join(event.after or event.before or {})} of article {event.article_id}"
                if event.fact_id is None else
                f"“{(event.after or event.before or {}).get('text', '')}”")
        if not self._revert(event.id, f"{event.action} of {what}"):
            self.message.setText("Not reverted: see the message in the window.")
            return
        self.message.setText(f"Reverted and saved: decision {event.id} ({event.action}) undone. "
                             "Ctrl+Z in the window undoes the revert.")
        self.refresh()
        self.table.setFocus()
