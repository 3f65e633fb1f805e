"""The left pane: search, the pending filter, and the article list."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QLabel, QLineEdit, QStyle,
                               QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget)

from .article_model import ArticleListModel, ArticleRole, IdRole

ROW_HEIGHT = 46


class ArticleDelegate(QStyledItemDelegate):
    """Title, date, and a bar of reviewed out of all facts."""

    def sizeHint(self, option, index) -> QSize:
        return QSize(120, ROW_HEIGHT)  # the view gives each row its full width

    def paint(self, painter: QPainter, option, index) -> None:
        r = index.data(ArticleRole)
        painter.save()
        selected = option.state & QStyle.State_Selected
        if selected:
            painter.fillRect(option.rect, QColor("#dbe9ff"))
        elif index.row() % 2:
            painter.fillRect(option.rect, QColor("#fafbfc"))
        rect = option.rect.adjusted(8, 4, -8, -4)
        if r is None:
            painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, "…")
            painter.restore()
            return
        font = option.font
        font.setBold(r.n_pending > 0)
        painter.setFont(font)
        fm = painter.fontMetrics()
        title = fm.elidedText(r.title or r.uid, Qt.ElideRight, rect.width())
        painter.setPen(QColor("#24292f"))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), fm.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, title)
        font.setBold(False)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        small = painter.fontMetrics()
        y = rect.top() + fm.height() + 3
        meta = (r.published or "").replace("T", " ")
        counts = f"{r.n_reviewed}/{r.n_facts}"
        painter.setPen(QColor("#57606a"))
        painter.drawText(QRect(rect.left(), y, rect.width(), small.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, meta)
        bar_w = min(90, rect.width() // 3)
        text_w = small.horizontalAdvance(counts) + 6
        bar = QRect(rect.right() - bar_w - text_w, y + small.height() // 2 - 3, bar_w, 6)
        painter.drawText(QRect(bar.right() + 6, y, text_w, small.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, counts)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("#e1e4e8"))
        painter.drawRoundedRect(bar, 3, 3)
        if r.n_facts:
            done = QRect(bar.left(), bar.top(), int(bar.width() * r.n_reviewed / r.n_facts), bar.height())
            painter.setBrush(QColor("#1a7f37") if r.n_pending == 0 else QColor("#54aeff"))
            painter.drawRoundedRect(done, 3, 3)
        painter.restore()


class ArticlesPane(QWidget):
    articleActivated = Signal(int)
    filterChanged = Signal(bool, str)  # pending only, search text

    def __init__(self, model: ArticleListModel, parent=None):
        super().__init__(parent)
        self.model = model
        title = QLabel("Articles", objectName="paneTitle")
        self.search = QLineEdit(placeholderText="Find in titles and text (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find in articles")
        self.pending = QCheckBox("Only with pending facts")
        self.count = QLabel()
        self.count.setStyleSheet("color:#57606a")
        # A flat tree view with uniform rows: unlike QListView it never lays out every row,
        # so scrolling to an article is instant with 100,000 of them.
        self.view = QTreeView()
        self.view.setModel(model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setUniformRowHeights(True)
        self.view.setRootIsDecorated(False)
        self.view.setHeaderHidden(True)
        self.view.setIndentation(0)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAccessibleName("Article list")
        self.view.clicked.connect(lambda idx: self.articleActivated.emit(idx.data(IdRole)))
        self.view.activated.connect(lambda idx: self.articleActivated.emit(idx.data(IdRole)))
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._emit_filter)
        self.pending.toggled.connect(lambda _c: self._emit_filter())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(title)
        lay.addWidget(self.search)
        lay.addWidget(self.pending)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)

    def _emit_filter(self) -> None:
        self._debounce.stop()
        self.filterChanged.emit(self.pending.isChecked(), self.search.text().strip())

    def show_current(self, article_id: int) -> None:
        row = self.model.row_for(article_id)
        if row is None:
            self.view.clearSelection()
            return
        idx = self.model.index(row)
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)

    def update_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(f"{n:,} article{'s' if n != 1 else ''}")
