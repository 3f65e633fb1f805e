"""The review log in the window: see any earlier decision, and revert it."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout)

COLUMNS = ["When", "Reviewer", "Action", "Text", "Before", "After"]
EventRole = Qt.UserRole + 1


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

    reverted = Signal(object)  # what the revert changed (db.records.Change)

    def __init__(self, store, reviewer: str, fact_id=None, parent=None):
        super().__init__(parent)
        self.store, self.reviewer, self.fact_id = store, reviewer, fact_id
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
        self.model.set_events(self.store.review_log(fact, limit=500))
        self.table.resizeColumnsToContents()
        if self.model.events:
            self.table.selectRow(0)

    def revert_selected(self) -> None:
        from db.engine import WorkspaceError

        event = self.table.currentIndex().data(EventRole)
        if event is None:
            return
        try:
            change = self.store.revert(event.id, self.reviewer)
        except WorkspaceError as exc:
            self.message.setText(f"Not reverted: {exc}")
            return
        self.message.setText(f"Reverted and saved: decision {event.id} ({event.action}) undone.")
        self.reverted.emit(change)
        self.refresh()
