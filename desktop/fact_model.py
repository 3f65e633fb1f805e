"""The facts of the open article, in reading order, with a kind and status filter."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont

from facts.reading import display_value

from .safe_text import rich
from .i18n import QT_TR_NOOP, decimal, tr
from .theme import STATUS_GLYPHS, Theme, choice_label, kind_label, kind_short, status_label

COL_STATUS, COL_KIND, COL_TEXT, COL_VALUE, COL_FIELDS, COL_CONF = range(6)
HEADERS = ["", QT_TR_NOOP("Kind"), QT_TR_NOOP("Text"), QT_TR_NOOP("Value"), QT_TR_NOOP("Details"),
           QT_TR_NOOP("Conf.")]
FactRole = Qt.UserRole + 1  # the FactRecord
SortRole = Qt.UserRole + 2  # raw value to sort by
_ROLES = frozenset(int(r) for r in (
    Qt.DisplayRole, FactRole, SortRole, Qt.ForegroundRole, Qt.FontRole, Qt.ToolTipRole,
    Qt.TextAlignmentRole, Qt.AccessibleTextRole))  # those data() answers


def fields_summary(f) -> str:
    return " · ".join(choice_label(v) if k in ("approx", "level") else f"{v}"
                      for k, v in f.fields.items() if v and v != "exact")


class FactTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.facts: list = []
        self.theme = Theme()
        # What data() answers, computed once: a row's texts (by fact id, for that very record),
        # the brushes of kinds and statuses, the fonts. A view asks for every cell and role
        # of every row on each repaint (a thousand calls when an article opens).
        self._texts: dict[int, tuple] = {}
        self._brushes: dict[tuple[str, str], QBrush] = {}
        self._fonts: dict[tuple[bool, bool], QFont] = {}

    def _display(self, f) -> tuple:
        cached = self._texts.get(f.id)
        if cached is None or cached[0] is not f:  # a record replaced (update_fact) is new
            cached = (f, STATUS_GLYPHS.get(f.status, "?"), kind_short(f.kind),
                      f.text.replace("\n", " "), display_value(f.kind, f.value), fields_summary(f),
                      decimal(f.confidence))
            self._texts[f.id] = cached
        return cached

    def _brush(self, what: str, name: str) -> QBrush:
        b = self._brushes.get((what, name))
        if b is None:
            colour = {"status": self.theme.status, "kind": self.theme.kind_text,
                      "colour": self.theme.colour}[what](name)
            b = self._brushes[(what, name)] = QBrush(colour)
        return b

    def _font(self, bold: bool, strike: bool) -> QFont:
        font = self._fonts.get((bold, strike))
        if font is None:
            font = self._fonts[(bold, strike)] = QFont()
            font.setBold(bold)
            font.setStrikeOut(strike)
        return font

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._brushes.clear()
        if self.facts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.facts) - 1, len(HEADERS) - 1),
                                  [Qt.ForegroundRole])

    def set_facts(self, facts: list) -> None:
        self.beginResetModel()
        self.facts = list(facts)
        self._texts.clear()
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
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def insert_fact(self, fact) -> None:
        row = 0
        while row < len(self.facts) and (self.facts[row].start, self.facts[row].end) <= (fact.start, fact.end):
            row += 1
        self.beginInsertRows(QModelIndex(), row, row)
        self.facts.insert(row, fact)
        self.endInsertRows()

    def remove_fact(self, fact_id: int) -> None:
        row = self.row_of(fact_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.facts[row]
        self.endRemoveRows()

    # -- Qt model ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.facts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if role not in _ROLES:  # most of what a view asks for, first and cheaply
            return None
        if not index.isValid() or not 0 <= index.row() < len(self.facts):
            return None
        f = self.facts[index.row()]
        col = index.column()
        if role == FactRole:
            return f
        if role == Qt.DisplayRole:
            return self._display(f)[1 + col] if 0 <= col < len(HEADERS) else None
        if role == SortRole:
            return {COL_STATUS: f.status, COL_KIND: f.kind, COL_TEXT: f.start, COL_VALUE: f.value,
                    COL_FIELDS: fields_summary(f), COL_CONF: f.confidence}.get(col)
        if role == Qt.ForegroundRole:
            if col == COL_STATUS:
                return self._brush("status", f.status)
            if col == COL_KIND:
                return self._brush("kind", f.kind)
            if f.status == "rejected":
                return self._brush("colour", "rejected")
        if role == Qt.FontRole:
            return self._font(col in (COL_STATUS, COL_KIND),
                              f.status == "rejected" and col in (COL_TEXT, COL_VALUE))
        if role == Qt.ToolTipRole:
            status = status_label(f.status)
            if f.reviewer:
                status = tr("{status} by {reviewer}").format(status=status, reviewer=f.reviewer)
            note = "\n" + tr("Note: {note}").format(note=f.note) if f.note else ""
            return rich(f"{kind_label(f.kind)}: {f.text} → {display_value(f.kind, f.value)}\n{status}\n"
                        f"{f.extractor} ({decimal(f.confidence)}){note}")
        if role == Qt.TextAlignmentRole and col in (COL_STATUS, COL_CONF):
            return int(Qt.AlignCenter)
        if role == Qt.AccessibleTextRole and col == COL_STATUS:
            return status_label(f.status)
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
