"""The article list: ids only, rows fetched in pages as they come into view."""
from __future__ import annotations

from collections import OrderedDict
from typing import Optional

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from .i18n import num, tr
from .safe_text import rich

ArticleRole = Qt.UserRole + 1  # the ArticleRow
IdRole = Qt.UserRole + 2
SortRole = Qt.UserRole + 3
PAGE = 200
CACHE_PAGES = 50


class ArticleListModel(QAbstractListModel):
    """Holds the ids of the listed articles; a row's data is fetched with its page."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.ids: list[int] = []
        self.row_of: dict[int, int] = {}
        self._pages: OrderedDict[int, dict] = OrderedDict()

    # -- filling -------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self.row_of = {aid: i for i, aid in enumerate(ids)}
        self._pages.clear()
        self.endResetModel()

    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        self.set_ids([])

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article's row (its counts changed)."""
        row = self.row_of.get(article_id)
        if row is None:
            return
        page = self._pages.get(row // PAGE)
        if page is not None:
            page.update(self.workspace.article_rows([article_id]))
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    # -- Qt model --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def _row(self, row: int):
        p = row // PAGE
        page = self._pages.get(p)
        if page is None:
            page = self.workspace.article_rows(self.ids[p * PAGE:(p + 1) * PAGE])
            self._pages[p] = page
            if len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(p)
        return page.get(self.ids[row])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role == IdRole:
            return self.ids[index.row()]
        r = self._row(index.row())
        if r is None:
            return None
        if role == Qt.DisplayRole:
            return r.title or r.uid
        if role == ArticleRole:
            return r
        if role == Qt.ToolTipRole:
            return rich(f"{r.title or r.uid}\n" + tr("{done} of {total} facts reviewed").format(
                done=num(r.n_reviewed), total=num(r.n_facts)))
        if role == SortRole:
            return r.id
        return None

    def row_for(self, article_id: int) -> Optional[int]:
        return self.row_of.get(article_id)
