"""The facts of the open article, in reading order, with a kind and status filter."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel

from facts.reading import display_value

from .safe_text import rich
from .i18n import QT_TR_NOOP, decimal, tr
from .theme import STATUS_GLYPHS, Theme, choice_label, kind_label, kind_short, status_label

COL_STATUS, COL_KIND, COL_TEXT, COL_VALUE, COL_FIELDS, COL_CONF = range(6)
HEADERS = ["", QT_TR_NOOP("Kind"), QT_TR_NOOP("Text"), QT_TR_NOOP("Value"), QT_TR_NOOP("Details"),
           QT_TR_NOOP("Conf.")]
FactRole = Qt.UserRole + 1  # the FactRecord
SortRole = Qt.UserRole + 2  # raw value to sort by
# Roles as plain ints: an enum member crossing into Qt costs as much as the call itself.
_DISPLAY, _FACT, _SORT, _FOREGROUND, _FONT, _TOOLTIP, _ALIGN, _ACCESSIBLE = (int(r) for r in (
    Qt.DisplayRole, FactRole, SortRole, Qt.ForegroundRole, Qt.FontRole, Qt.ToolTipRole,
    Qt.TextAlignmentRole, Qt.AccessibleTextRole))
_CENTRE = int(Qt.AlignCenter)
# As a read-only table's cells (QAbstractTableModel.flags): never editable, dragged or checked.
_FLAGS = Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemNeverHasChildren


def fields_summary(f) -> str:
    return " · ".join(choice_label(v) if k in ("approx", "level") else f"{v}"
                      for k, v in f.fields.items() if v and v != "exact")


class FactTableModel(QStandardItemModel):
    """The facts as table rows. Every cell's data (text, sort value, colour, font, tooltip,
    the record) is set once, when a fact is shown or changes, and kept on the C++ side: a
    view asks for every cell and role of every row on each repaint (over a thousand calls
    when an article opens), which a Python data() answered one call at a time.

    Cells are filled through the model (setItemData), never held as Python QStandardItems:
    a C++-made item deleted by the model would leave a stale Python wrapper behind."""

    def __init__(self, parent=None):
        super().__init__(0, len(HEADERS), parent)
        prototype = QStandardItem()  # what a cell is made from: its flags
        prototype.setFlags(_FLAGS)
        self.setItemPrototype(prototype)
        self.facts: list = []
        self.theme = Theme()
        self._brushes: dict[tuple[str, str], QBrush] = {}
        self._fonts: dict[tuple[bool, bool], QFont] = {}

    def _brush(self, what: str, name: str) -> QBrush:
        b = self._brushes.get((what, name))
        if b is None:
            colour = {"status": self.theme.status, "kind": self.theme.kind_text,
                      "colour": self.theme.colour}[what](name)
            b = self._brushes[(what, name)] = QBrush(colour)
        return b

    def _foreground(self, f, col: int) -> Optional[QBrush]:
        if col == COL_STATUS:
            return self._brush("status", f.status)
        if col == COL_KIND:
            return self._brush("kind", f.kind)
        if f.status == "rejected":
            return self._brush("colour", "rejected")
        return None

    def _font(self, bold: bool, strike: bool) -> QFont:
        font = self._fonts.get((bold, strike))
        if font is None:
            font = self._fonts[(bold, strike)] = QFont()
            font.setBold(bold)
            font.setStrikeOut(strike)
        return font

    @staticmethod
    def _tooltip(f) -> str:
        status = status_label(f.status)
        if f.reviewer:
            status = tr("{status} by {reviewer}").format(status=status, reviewer=f.reviewer)
        note = "\n" + tr("Note: {note}").format(note=f.note) if f.note else ""
        return rich(f"{kind_label(f.kind)}: {f.text} → {display_value(f.kind, f.value)}\n{status}\n"
                    f"{f.extractor} ({decimal(f.confidence)}){note}")

    def _cells(self, f, unset: bool = True) -> list[dict[int, object]]:
        """A fact's row: each cell's data by role; `unset`: with the roles a cell has not
        (None), for cells that had data before."""
        summary = fields_summary(f)
        texts = (STATUS_GLYPHS.get(f.status, "?"), kind_short(f.kind), f.text.replace("\n", " "),
                 display_value(f.kind, f.value), summary, decimal(f.confidence))
        sorts = (f.status, f.kind, f.start, f.value, summary, f.confidence)
        tip = self._tooltip(f)
        rejected = f.status == "rejected"
        cells = []
        for col in range(len(HEADERS)):
            cell = {_DISPLAY: texts[col], _FACT: f, _SORT: sorts[col], _TOOLTIP: tip,
                    _FOREGROUND: self._foreground(f, col),
                    _FONT: self._font(col in (COL_STATUS, COL_KIND), rejected and col in (COL_TEXT, COL_VALUE)),
                    _ALIGN: _CENTRE if col in (COL_STATUS, COL_CONF) else None,
                    _ACCESSIBLE: status_label(f.status) if col == COL_STATUS else None}
            cells.append(cell if unset else {r: v for r, v in cell.items() if v is not None})
        return cells

    def _fill(self, row: int, cells: list[dict[int, object]]) -> None:
        for col, data in enumerate(cells):
            self.setItemData(self.index(row, col), data)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._brushes.clear()
        if self.facts:
            self.blockSignals(True)  # one dataChanged for the table, below
            try:
                for row, f in enumerate(self.facts):
                    for col in range(len(HEADERS)):
                        self.setData(self.index(row, col), self._foreground(f, col), _FOREGROUND)
            finally:
                self.blockSignals(False)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.facts) - 1, len(HEADERS) - 1),
                                  [Qt.ForegroundRole])

    def set_facts(self, facts: list) -> None:
        """The rows replaced in one reset: filled with the model's own signals held back (a
        proxy and a view would handle each row's and each cell's)."""
        facts = list(facts)
        rows = [self._cells(f, unset=False) for f in facts]
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.facts = facts
            self.setRowCount(0)
            self.setRowCount(len(facts))
            for row, cells in enumerate(rows):
                self._fill(row, cells)
        finally:
            self.blockSignals(False)
            self.endResetModel()

    def row_of(self, fact_id: int) -> Optional[int]:
        for i, f in enumerate(self.facts):
            if f.id == fact_id:
                return i
        return None

    def update_fact(self, fact) -> None:
        """One fact changed: repaint its row only (or move it if its span moved)."""
        row = self.row_of(fact.id)
        if row is None:
            return
        old = self.facts[row]
        self.facts[row] = fact
        if (old.start, old.end) != (fact.start, fact.end):
            self.remove_fact(fact.id)
            self.insert_fact(fact)
            return
        cells = self._cells(fact)
        self.blockSignals(True)  # one dataChanged for the row, below
        try:
            self._fill(row, cells)
        finally:
            self.blockSignals(False)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def insert_fact(self, fact) -> None:
        row = 0
        while row < len(self.facts) and (self.facts[row].start, self.facts[row].end) <= (fact.start, fact.end):
            row += 1
        items = []  # made here, so the row comes in whole (a proxy filters it as it comes)
        for data in self._cells(fact):
            item = QStandardItem()
            item.setFlags(_FLAGS)
            for role, value in data.items():
                if value is not None:
                    item.setData(value, role)
            items.append(item)
        self.facts.insert(row, fact)  # as the views will see it once the row is in
        self.insertRow(row, items)

    def remove_fact(self, fact_id: int) -> None:
        row = self.row_of(fact_id)
        if row is None:
            return
        del self.facts[row]  # as the views will see it once the row is gone
        self.removeRow(row)

    # -- Qt model ----------------------------------------------------------------
    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None


class FactFilterProxy(QSortFilterProxyModel):
    """Shows the facts of the chosen kinds and statuses; keeps reading order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kinds: Optional[set[str]] = None
        self.statuses: Optional[set[str]] = None
        self.setSortRole(SortRole)

    def set_filter(self, kinds: Optional[set[str]], statuses: Optional[set[str]]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.kinds, self.statuses = kinds, statuses
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.kinds, self.statuses = kinds, statuses
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        f = self.sourceModel().data(self.sourceModel().index(row, 0, parent), FactRole)
        if f is None:
            return False
        if self.kinds is not None and f.kind not in self.kinds:
            return False
        if self.statuses is not None and f.status not in self.statuses:
            return False
        return True
