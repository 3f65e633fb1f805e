"""The right pane: the article's facts with kind and status filters, and the edit form."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableView, QVBoxLayout, QWidget)

from facts.model import Status

from .fact_form import FactForm
from .fact_model import (COL_CONF, COL_FIELDS, COL_KIND, COL_STATUS, COL_TEXT, COL_VALUE,
                         FactFilterProxy, FactRole, FactTableModel)
from .i18n import num, tr
from .theme import KINDS, STATUS_GLYPHS, Theme, kind_label, status_label

STATUSES = [s.value for s in Status]
NARROW = ((COL_STATUS, 24), (COL_KIND, 56), (COL_CONF, 40))  # widths at 100%: they grow with the text


class FactsPane(QWidget):
    currentFactChanged = Signal(object)  # fact id or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FactTableModel(self)
        self.proxy = FactFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel(tr("Facts"), objectName="paneTitle")
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(tr("All kinds"), None)
        for k in KINDS:
            self.kind_filter.addItem(kind_label(k), k)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("All statuses"), None)
        for s in STATUSES:
            self.status_filter.addItem(f"{STATUS_GLYPHS[s]} {status_label(s)}", s)
        for combo in (self.kind_filter, self.status_filter):
            combo.setFocusPolicy(Qt.ClickFocus)
            combo.currentIndexChanged.connect(self._filter_changed)
        self.kind_filter.setAccessibleName(tr("Filter by kind"))
        self.status_filter.setAccessibleName(tr("Filter by status"))

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.text_size = self.table.font().pointSizeF()  # at 100%
        self.theme = Theme()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(tr("Facts"))
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(False)
        for col, width in ((COL_VALUE, 120), (COL_FIELDS, 120)):
            self.table.setColumnWidth(col, width)
        h.setSectionResizeMode(COL_TEXT, QHeaderView.Stretch)
        self.set_zoom(100)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.form = FactForm(self)

        filters = QHBoxLayout()
        filters.addWidget(self.title, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.form)

    # -- comfort ----------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.model.set_theme(theme)
        self.form.theme = theme
        self.theme = theme
        self._update_title()

    def set_zoom(self, percent: int) -> None:
        """The table's text at `percent`; rows and the narrow columns grow with it, the text
        column keeps the room left."""
        font = QFont(self.table.font())
        font.setPointSizeF(self.text_size * percent / 100)
        self.table.setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        for col, width in NARROW:
            self.table.setColumnWidth(col, round(width * percent / 100))

    # -- content ----------------------------------------------------------------
    def set_facts(self, facts) -> None:
        self.model.set_facts(facts)
        self._update_title()

    def _update_title(self) -> None:
        facts = self.model.facts
        pending = sum(1 for f in facts if f.status == "pending")
        done = tr("{done} of {total} reviewed").format(done=num(len(facts) - pending), total=num(len(facts)))
        facts_title = tr("Facts")
        self.title.setText(f"{facts_title}  <span style='color:{self.theme.palette.muted};"
                           f"font-weight:normal'>{done}</span>")

    def update_fact(self, fact) -> None:
        self.model.update_fact(fact)
        self._update_title()

    def insert_fact(self, fact) -> None:
        self.model.insert_fact(fact)
        self._update_title()

    def remove_fact(self, fact_id: int) -> None:
        self.model.remove_fact(fact_id)
        self._update_title()

    # -- selection ------------------------------------------------------------------
    def current_fact(self):
        idx = self.table.currentIndex()
        return idx.data(FactRole) if idx.isValid() else None

    def visible_facts(self) -> list:
        return [self.proxy.index(r, 0).data(FactRole) for r in range(self.proxy.rowCount())]

    def select(self, fact_id: Optional[int]) -> bool:
        if fact_id is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.proxy.index(-1, -1))
            return False
        row = self.model.row_of(fact_id)
        if row is None:
            return False
        pidx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not pidx.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            pidx, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(pidx)
        return True

    def step(self, delta: int) -> None:
        n = self.proxy.rowCount()
        if not n:
            return
        cur = self.table.currentIndex()
        row = 0 if not cur.isValid() else max(0, min(n - 1, cur.row() + delta))
        self.select(self.proxy.index(row, 0).data(FactRole).id)

    def _current_changed(self, current, _previous) -> None:
        f = current.data(FactRole) if current.isValid() else None
        self.currentFactChanged.emit(f.id if f else None)

    # -- filters ----------------------------------------------------------------------
    def filters(self) -> dict:
        return {"kind": self.kind_filter.currentData(), "status": self.status_filter.currentData()}

    def set_filters(self, kind: Optional[str], status: Optional[str]) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def cycle_status(self, delta: int) -> None:
        """S / Shift+S: the status filter's next or previous choice, from the keyboard."""
        n = self.status_filter.count()
        self.status_filter.setCurrentIndex((self.status_filter.currentIndex() + delta) % n)

    def show_kind(self, kind: Optional[str]) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def _filter_changed(self) -> None:
        kind, status = self.kind_filter.currentData(), self.status_filter.currentData()
        current = self.current_fact()
        self.proxy.set_filter({kind} if kind else None, {status} if status else None)
        if current is not None:
            self.select(current.id)
