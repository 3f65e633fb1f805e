"""Edit ▸ Preferences ▸ Keys: every action with its keys. Enter on one waits for its new key; a key
that another action, a menu or the window already has is refused, with the reason."""
from __future__ import annotations

from typing import Mapping, Optional, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QKeySequenceEdit, QLabel,
                               QPushButton, QTreeView, QVBoxLayout, QWidget)

from .actions import ACTIONS, SPECS, current_keys, key_owner, pretty
from .i18n import QT_TR_NOOP, tr
from .safe_text import plain

IdRole = Qt.UserRole + 1
COL_KEYS = 2
PROMPT = QT_TR_NOOP("Choose an action and press Enter to give it another key.")


class KeysPage(QWidget):
    def __init__(self, changed: Mapping[str, Sequence[str]], parent=None):
        super().__init__(parent)
        self.keys = current_keys(changed)
        self.asking: Optional[str] = None  # the action waiting for its key
        self.adding = False  # the key goes beside its keys, not in their place
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([tr("Action"), tr("Menu"), tr("Keys")])
        for spec in ACTIONS:
            menu = spec.menu_shown
            row = [QStandardItem(spec.label), QStandardItem(menu), QStandardItem()]
            for item in row:
                item.setEditable(False)
            row[0].setData(spec.id, IdRole)
            row[0].setToolTip(spec.tip_shown)
            self.model.appendRow(row)
            self._show_keys(spec.id)
        self.table = QTreeView(objectName="keysTable")
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAccessibleName(tr("Actions and their keys"))
        self.table.setColumnWidth(0, 250)
        self.table.setColumnWidth(1, 150)
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.installEventFilter(self)  # Enter asks for a key here; it does not close the dialog
        self.capture = QKeySequenceEdit()
        self.capture.setMaximumSequenceLength(1)
        self.capture.setAccessibleName(tr("New key"))
        self.capture.setEnabled(False)
        self.capture.editingFinished.connect(self._captured)
        self.prompt = plain(QLabel(tr(PROMPT)))
        self.message = plain(QLabel(objectName="fieldError"))
        self.message.setWordWrap(True)
        change = QPushButton(tr("&Change Key…"))
        change.clicked.connect(lambda: self.ask(adding=False))
        add = QPushButton(tr("A&dd a Key…"))
        add.clicked.connect(lambda: self.ask(adding=True))
        default = QPushButton(tr("Its De&fault"))
        default.clicked.connect(self._restore_one)
        every = QPushButton(tr("&Every Default"))
        every.clicked.connect(self._restore_all)
        buttons = QHBoxLayout()
        for b in (change, add, default):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(every)
        for b in (change, add, default, every):
            b.setAutoDefault(False)  # Enter in the list asks for a key; it never presses these
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.prompt)
        lay.addWidget(self.capture)
        lay.addWidget(self.message)

    def changed(self) -> dict[str, list[str]]:
        """The keys that differ from the defaults: what Prefs.keys keeps."""
        return {i: list(keys) for i, keys in self.keys.items() if keys != SPECS[i].keys}

    def _current(self) -> str:
        index = self.table.currentIndex()
        return self.model.index(index.row(), 0).data(IdRole)

    def _row(self, action_id: str) -> int:
        return next(r for r in range(self.model.rowCount()) if self.model.index(r, 0).data(IdRole) == action_id)

    def _show_keys(self, action_id: str) -> None:
        text = tr(" or ").join(pretty(k) for k in self.keys[action_id]) or "—"
        self.model.item(self._row(action_id), COL_KEYS).setText(text)

    def ask(self, adding: bool) -> None:
        """Wait for the key of the chosen action (Esc keeps its keys)."""
        self.asking, self.adding = self._current(), adding
        self.message.clear()
        self.prompt.setText((tr("Press the other key for “{action}” (Esc keeps its keys)") if adding else
                             tr("Press the new key for “{action}” (Esc keeps its keys)")).format(
            action=SPECS[self.asking].label))
        self.capture.setEnabled(True)
        self.capture.clear()
        self.capture.setFocus()

    def _captured(self) -> None:
        if self.asking is None:
            return
        action_id, self.asking = self.asking, None
        key = self.capture.keySequence().toString()
        self.capture.clear()
        self.capture.setEnabled(False)
        self.table.setFocus()
        self.prompt.setText(tr(PROMPT))
        if not key or key == "Esc":  # left without a key
            return
        owner = key_owner(key, self.keys, action_id)
        if owner is not None:
            self.message.setText(tr("Not changed: {reason}.").format(reason=owner))
            return
        self.keys[action_id] = (*self.keys[action_id], key) if self.adding else (key,)
        self._show_keys(action_id)

    def _restore_one(self) -> None:
        action_id = self._current()
        owners = [o for k in SPECS[action_id].keys if (o := key_owner(k, self.keys, action_id))]
        if owners:
            self.message.setText(tr("Not changed: {reason}.").format(reason=owners[0]))
            return
        self.message.clear()
        self.keys[action_id] = SPECS[action_id].keys
        self._show_keys(action_id)

    def _restore_all(self) -> None:
        self.message.clear()
        self.keys = current_keys({})
        for spec in ACTIONS:
            self._show_keys(spec.id)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.table and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.ask(adding=False)
            return True
        return super().eventFilter(obj, event)
