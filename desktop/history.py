"""The review log in the window: see any earlier decision, and revert it."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout)

from .i18n import QT_TR_NOOP, date_time, tr
from .safe_text import plain
from .theme import status_label

COLUMNS = [QT_TR_NOOP("When"), QT_TR_NOOP("Reviewer"), QT_TR_NOOP("Action"), QT_TR_NOOP("Text"),
           QT_TR_NOOP("Before"), QT_TR_NOOP("After")]
# The log's actions as shown (the stored ids never change); another id is shown as it is.
ACTIONS = {"accept": QT_TR_NOOP("accept"), "reject": QT_TR_NOOP("reject"), "flag": QT_TR_NOOP("flag"),
           "edit": QT_TR_NOOP("edit"), "add": QT_TR_NOOP("add"), "revert": QT_TR_NOOP("revert"),
           "undo": QT_TR_NOOP("undo"), "redo": QT_TR_NOOP("redo"), "delete": QT_TR_NOOP("delete"),
           "restore": QT_TR_NOOP("restore"), "correct": QT_TR_NOOP("correct"),
           "extract": QT_TR_NOOP("extract"), "propose": QT_TR_NOOP("propose"),
           "import": QT_TR_NOOP("import"), "undo_add": QT_TR_NOOP("undo of an add")}
# An article's presence before and after its deletion or its putting back.
PRESENCE = {"deleted": QT_TR_NOOP("deleted"), "restored": QT_TR_NOOP("restored"),
            "present": QT_TR_NOOP("present")}
FIELDS = {"title": QT_TR_NOOP("title"), "published": QT_TR_NOOP("date"), "source": QT_TR_NOOP("source"),
          "author": QT_TR_NOOP("author")}


def action_label(action: str) -> str:
    return tr(ACTIONS[action]) if action in ACTIONS else action
EventRole = Qt.UserRole + 1


def _presence(e):
    """(title, before, after) of an article's deletion or its putting back, else None."""
    if e.fact_id is not None or "article" not in (e.after or {}):
        return None
    before = e.before or {}
    shown = before.get("article", "—")
    return (before.get("title") or tr("article {id}").format(id=e.article_id),
            tr(PRESENCE[shown]) if shown in PRESENCE else shown,
            tr(PRESENCE[e.after["article"]]) if e.after["article"] in PRESENCE else e.after["article"])


def _state(snap) -> str:
    if not snap:
        return "—"
    return f"{status_label(snap.get('status', ''))}: {snap.get('value', '')}"


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
            return tr(COLUMNS[section])
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
                return [date_time(e.at), e.reviewer or "", action_label(e.action),
                        tr("article ‘{title}’").format(title=title), before, after][index.column()]
            if e.fact_id is None:  # a correction of the article's title, date, source or author
                field = next(iter(e.after or e.before or {}), "")
                return [date_time(e.at), e.reviewer or "", action_label(e.action),
                        tr("article {field}").format(field=tr(FIELDS[field]) if field in FIELDS else field),
                        str((e.before or {}).get(field) or "—"),
                        str((e.after or {}).get(field) or "—")][index.column()]
            snap = e.after or e.before or {}
            return [date_time(e.at), e.reviewer or "", action_label(e.action), snap.get("text", ""),
                    _state(e.before), _state(e.after)][index.column()]
        return None


class HistoryDialog(QDialog):
    """Decisions, newest first; Revert puts the fact back as it was before the chosen one."""

    def __init__(self, workspace, fact_id, revert: Callable[[int, str], bool], parent=None):
        """`revert(event id, label)` puts a decision back the way undo does; True if saved."""
        super().__init__(parent)
        self.workspace, self.fact_id, self._revert = workspace, fact_id, revert
        self.setWindowTitle(tr("Review history"))
        self.only_fact = QCheckBox(tr("Only the selected fact"))
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
        self.revert_button = QPushButton(tr("Revert to before this decision"))
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
        fields = ", ".join(tr(FIELDS[k]) if k in FIELDS else k for k in (event.after or event.before or {}))
        what = (f"‘{presence[0]}’" if presence is not None else
                tr("the {fields} of article {id}").format(fields=fields, id=event.article_id)
                if event.fact_id is None else
                f"“{(event.after or event.before or {}).get('text', '')}”")
        if not self._revert(event.id, tr("{action} of {what}").format(action=action_label(event.action), what=what)):
            self.message.setText(tr("Not reverted: see the message in the window."))
            return
        self.message.setText(tr("Reverted and saved: decision {id} ({action}) undone. Ctrl+Z in the window "
                                "undoes the revert.").format(id=event.id, action=action_label(event.action)))
        self.refresh()
        self.table.setFocus()
