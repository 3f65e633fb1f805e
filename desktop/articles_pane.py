"""The left pane: search, the pending filter, and the article list."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QLabel, QLineEdit, QStyle,
                               QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget)

from .article_model import ArticleListModel, ArticleRole, IdRole
from .i18n import plural, published, tr
from .theme import Theme

SMALL = 0.85  # the date and counts, beside the title
LEFT = Qt.AlignLeft | Qt.AlignVCenter  # made once: an enum operation costs a call per row painted


class ArticleDelegate(QStyledItemDelegate):
    """Title, date, and a bar of reviewed out of all facts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = Theme()
        self._colours: tuple[Theme, dict] = (self.theme, {})  # the theme's, as each row asks

    def _colour(self, name: str):
        theme, colours = self._colours
        if theme is not self.theme:
            self._colours = theme, colours = self.theme, {}
        colour = colours.get(name)
        if colour is None:
            colour = colours[name] = theme.colour(name)
        return colour

    def sizeHint(self, option, index) -> QSize:
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * SMALL)
        # The view gives each row its full width; its height follows the text size.
        return QSize(120, option.fontMetrics.height() + QFontMetrics(small).height() + 14)

    def paint(self, painter: QPainter, option, index) -> None:
        r = index.data(ArticleRole)
        colour = self._colour
        painter.save()
        selected = option.state & QStyle.State_Selected
        if selected:
            painter.fillRect(option.rect, colour("selection"))
        elif index.row() % 2:
            painter.fillRect(option.rect, colour("alternate"))
        rect = option.rect.adjusted(8, 4, -8, -4)
        if r is None:
            painter.drawText(rect, LEFT, "…")
            painter.restore()
            return
        font = option.font
        font.setBold(r.n_pending > 0)
        painter.setFont(font)
        fm = painter.fontMetrics()
        title = fm.elidedText(r.title or r.uid, Qt.ElideRight, rect.width())
        painter.setPen(colour("text"))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), fm.height()), LEFT, title)
        font.setBold(False)
        font.setPointSizeF(font.pointSizeF() * SMALL)
        painter.setFont(font)
        small = painter.fontMetrics()
        y = rect.top() + fm.height() + 3
        meta = published(r.published or "")
        counts = f"{r.n_reviewed}/{r.n_facts}"
        painter.setPen(colour("muted"))
        painter.drawText(QRect(rect.left(), y, rect.width(), small.height()), LEFT, meta)
        bar_w = min(90, rect.width() // 3)
        text_w = small.horizontalAdvance(counts) + 6
        bar = QRect(rect.right() - bar_w - text_w, y + small.height() // 2 - 3, bar_w, 6)
        painter.drawText(QRect(bar.right() + 6, y, text_w, small.height()), LEFT, counts)
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour("track"))
        painter.drawRoundedRect(bar, 3, 3)
        if r.n_facts:
            done = QRect(bar.left(), bar.top(), int(bar.width() * r.n_reviewed / r.n_facts), bar.height())
            painter.setBrush(colour("ok" if r.n_pending == 0 else "progress"))
            painter.drawRoundedRect(done, 3, 3)
        painter.restore()


class ArticlesPane(QWidget):
    articleActivated = Signal(int)
    filterChanged = Signal(bool, str)  # pending only, search text

    def __init__(self, model: ArticleListModel, parent=None):
        super().__init__(parent)
        self.model = model
        title = QLabel(tr("Articles"), objectName="paneTitle")
        self.search = QLineEdit(placeholderText=tr("Find in titles and text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Find in articles"))
        self.pending = QCheckBox(tr("Only with pending facts"))
        self.count = QLabel(objectName="paneNote")
        # A flat tree view with uniform rows: unlike QListView it never lays out every row,
        # so scrolling to an article is instant with 100,000 of them.
        self.view = QTreeView()
        self.view.setModel(model)
        self.delegate = ArticleDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.text_size = self.view.font().pointSizeF()  # at 100%
        self.view.setUniformRowHeights(True)
        self.view.setRootIsDecorated(False)
        self.view.setHeaderHidden(True)
        self.view.setIndentation(0)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAccessibleName(tr("Article list"))
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

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.view.viewport().update()

    def set_zoom(self, percent: int) -> None:
        font = QFont(self.view.font())
        font.setPointSizeF(self.text_size * percent / 100)
        self.view.setFont(font)
        self.view.doItemsLayout()  # uniform rows: the new height is read from the first one

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
        self.count.setText(plural(n, tr("{n} article"), tr("{n} articles")))
