"""The review log in the window: see any earlier decision, and revert it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

COLUMNS = ["When", "Reviewer", "Action", "Text", "Before", "After"]


def _state(snap) -> str:
    if not snap:
        return "—"
    return f"{snap.get('status', '')}: {snap.get('value', '')}"


class HistoryDialog(QDialog):
    """Decisions, newest first; Revert puts the fact back as it was before the chosen one."""

    reverted = Signal(object, int)  # the fact as saved (or None when removed), article id

    def __init__(self, store, reviewer: str, fact_id=None, parent=None):
        super().__init__(parent)
        self.store, self.reviewer, self.fact_id = store, reviewer, fact_id
        self.setWindowTitle("Review history")
        self.only_fact = QCheckBox("Only the selected fact")
        self.only_fact.setChecked(fact_id is not None)
        self.only_fact.setEnabled(fact_id is not None)
        self.only_fact.toggled.connect(self.refresh)
        # A small, fixed list of log rows: a table widget is the simplest fit here.
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.revert_button = QPushButton("Revert to before this decision")
        self.revert_button.clicked.connect(self.revert_selected)
        self.message = QLabel()
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
        self.refresh()

    def refresh(self) -> None:
        fact = self.fact_id if self.only_fact.isChecked() else None
        self.events = self.store.review_log(fact, limit=500)
        self.table.setRowCount(len(self.events))
        for r, e in enumerate(self.events):
            snap = e.after or e.before or {}
            cells = [f"{e.at:%Y-%m-%d %H:%M:%S}", e.reviewer or "", e.action,
                     snap.get("text", ""), _state(e.before), _state(e.after)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, e.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self.events:
            self.table.selectRow(0)

    def revert_selected(self) -> None:
        from db.engine import WorkspaceError

        row = self.table.currentRow()
        if row < 0:
            return
        event = self.events[row]
        try:
            rec = self.store.revert(event.id, self.reviewer)
        except WorkspaceError as exc:
            self.message.setText(f"Not reverted: {exc}")
            return
        self.message.setText(f"Reverted and saved: decision {event.id} ({event.action}) undone.")
        self.reverted.emit(rec, event.article_id)
        self.refresh()
