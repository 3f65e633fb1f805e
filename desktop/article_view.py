"""The centre pane: the article's metadata, its text with every fact highlighted, a find bar,
a legend."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QTextEdit,
                               QVBoxLayout, QWidget)

from facts.reading import read_date

from .find_bar import FindBar, find_all
from .safe_text import plain, rich
from .i18n import QT_TR_NOOP, tr
from .theme import KINDS, Theme, kind_label

CONTEXT_LINES = 3  # lines of text kept visible above and below the selected fact
META_FIELDS = (("published", QT_TR_NOOP("Published")), ("source", QT_TR_NOOP("Source")),
               ("author", QT_TR_NOOP("Author")))


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each


class OffsetMap:
    """Python string offsets ↔ QTextDocument positions (which count UTF-16 units)."""

    def __init__(self, text: str):
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_doc(self, pos: int) -> int:
        return pos + bisect_left(self.astral, pos) if self.astral else pos

    def from_doc(self, pos: int) -> int:
        if not self.astral:
            return pos
        lo, hi = 0, pos
        while lo < hi:  # the largest p with to_doc(p) <= pos
            mid = (lo + hi + 1) // 2
            if self.to_doc(mid) <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo


class ArticleView(QWidget):
    factClicked = Signal(int)
    metadataEdited = Signal(str, object)  # field, new value (None when cleared)
    metadataDone = Signal()  # the reviewer left the title, date, source and author

    def __init__(self, find_case: bool = False, find_diacritics: bool = False, parent=None):
        super().__init__(parent)
        self.article = None
        self.facts: dict[int, object] = {}
        self.selected: Optional[int] = None
        self.offsets = OffsetMap("")
        self.theme = Theme()
        self.hide_furniture = False
        self.matches: list[tuple[int, int]] = []  # of the find bar, in this article
        self.match: Optional[int] = None  # the current one
        # A fact's highlight, made once for the article shown: fact id → (the record, whether
        # selected, the selection); and the highlight's format by kind, state and selection.
        self._highlights: dict[int, tuple[object, bool, QTextEdit.ExtraSelection]] = {}
        self._formats: dict[tuple[str, str, bool], QTextCharFormat] = {}
        self._plain = False  # the document holds an article's plain text (not a message)

        self.title = QLineEdit(objectName="headerTitle", placeholderText=tr("Title"))
        self.title.setAccessibleName(tr("Article title"))
        self.meta: dict[str, QLineEdit] = {}
        meta_row = QHBoxLayout()
        meta_row.setSpacing(12)
        for key, label in META_FIELDS:
            label = tr(label)
            edit = QLineEdit(placeholderText=label)
            edit.setProperty("meta", True)
            edit.setAccessibleName(label)
            edit.setToolTip(tr("{field} (M or Review ▸ Correct Title, Date, Source and Author)").format(field=label))
            self.meta[key] = edit
            meta_row.addWidget(edit, 2 if key == "source" else 1)

        self.text = QTextBrowser(objectName="articleText")
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.ClickFocus)
        # A caret the keyboard can move, so words can be selected without a mouse.
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.text_size = max(self.text.font().pointSizeF(), 10) * 1.25  # at 100%
        self.set_zoom(100)
        self.text.document().setDocumentMargin(8)
        self.text.viewport().installEventFilter(self)
        self.text.setAccessibleName(tr("Article text"))

        self.header_edits = {"title": self.title, **self.meta}
        for key, edit in self.header_edits.items():
            edit.editingFinished.connect(lambda k=key, e=edit: self._edited(k, e))
            edit.installEventFilter(self)
        self.meta_error = plain(QLabel(objectName="fieldError"))  # it quotes what was typed
        self.meta_error.setWordWrap(True)
        self.meta_error.hide()
        self.editing = False
        self.set_editing(False)

        self.find_bar = FindBar(find_case, find_diacritics)
        self.find_bar.changed.connect(self._find)
        self.find_bar.stepped.connect(self.find_step)
        self.find_bar.closed.connect(self._find_closed)

        # One wrapped label: the legend never sets a minimum width for the window.
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setToolTip(tr("Fact kinds; in the add form, 1–8 pick the kind"))
        self._fill_legend()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addLayout(meta_row)
        lay.addWidget(self.meta_error)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.legend)

    # -- comfort ------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._highlights.clear()
        self._formats.clear()
        self._fill_legend()
        if self.article is not None:
            self._dim_furniture(self.article)
            self._paint()

    def _fill_legend(self) -> None:
        chips = []
        for i, kind in enumerate(KINDS, start=1):
            ground = self.theme.tint(kind, decided=True)
            chips.append(f"<span style='background:{ground.name()};color:{self.theme.text_on(ground).name()};"
                         f"border-bottom:2px solid {self.theme.kind(kind).name()}'>&nbsp;{i}&nbsp;"
                         f"{kind_label(kind).replace(' ', '&nbsp;')}&nbsp;</span>")
        self.legend.setText("&nbsp; ".join(chips))

    def set_zoom(self, percent: int) -> None:
        """The article's text at `percent` of its usual size; the selected fact stays in view."""
        font = QFont(self.text.font())
        font.setPointSizeF(self.text_size * percent / 100)
        self.text.setFont(font)
        if self.article is not None:
            self._room_below()
            f = self.facts.get(self.selected) if self.selected is not None else None
            if f is not None:
                self.show_with_context(f.start, f.end)

    def set_furniture_hidden(self, hidden: bool) -> None:
        self.hide_furniture = hidden
        if self.article is not None:
            self._show_lines()
            f = self.facts.get(self.selected) if self.selected is not None else None
            if f is not None:
                self.show_with_context(f.start, f.end)

    def _show_lines(self) -> None:
        """With furniture hidden, a line of furniture only is not laid out, and a blank line
        stays between the paragraphs around it. The selected fact and the current find match
        always show, furniture or not."""
        content = sorted(self.article.content or [[0, len(self.article.text)]])
        keep = [(f.start, f.end) for f in [self.facts.get(self.selected)] if f is not None]
        if self.match is not None:
            keep.append(self.matches[self.match])
        doc = self.text.document()
        after_blank = True  # no blank line at the top
        changed = False
        block = doc.begin()
        while block.isValid():
            start = self.offsets.from_doc(block.position())
            end = start + len(block.text())
            furniture = self.hide_furniture and not any(
                s < max(end, start + 1) and start < e for s, e in content + keep)
            shown = not furniture if block.text() else not (furniture and after_blank)
            if shown:
                after_blank = not block.text()
            if block.isVisible() != shown:
                block.setVisible(shown)
                changed = True
            block = block.next()
        if changed:
            doc.markContentsDirty(0, doc.characterCount())

    # -- find in the article ----------------------------------------------------------
    def open_find(self) -> None:
        """The find bar, with the words selected in the article (on one line) as its query."""
        selected = self.text.textCursor().selectedText()
        self.find_bar.open(selected if selected and "\u2029" not in selected else None)
        self._find()

    def _find(self) -> None:
        """Every match of the query highlighted; the current one the first at or after the caret."""
        text = self.article.text if self.article is not None else ""
        self.matches = find_all(text, self.find_bar.query(), match_case=self.find_bar.case.isChecked(),
                                match_diacritics=self.find_bar.diacritics.isChecked())
        caret = self.offsets.from_doc(self.text.textCursor().selectionStart())
        self.match = next((i for i, (s, _e) in enumerate(self.matches) if s >= caret),
                          0 if self.matches else None)
        self._show_match()

    def find_step(self, delta: int) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
            return
        if self.matches:
            self.match = ((self.match or 0) + delta) % len(self.matches)
        self._show_match()

    def _show_match(self) -> None:
        """The current match brought into view, the caret at it (the next query starts there)."""
        self.find_bar.show_count(self.match, len(self.matches))
        if self.match is not None:
            start, end = self.matches[self.match]
            if self.hide_furniture:
                self._show_lines()
            self._select(start, start)
            self.show_with_context(start, end)
        self._paint()

    def _select(self, start: int, end: int) -> None:
        cur = QTextCursor(self.text.document())
        cur.setPosition(self.offsets.to_doc(start))
        cur.setPosition(self.offsets.to_doc(end), QTextCursor.KeepAnchor)
        self.text.setTextCursor(cur)

    def _find_closed(self) -> None:
        """The current match stays selected (N adds it as a fact); the others go."""
        if self.match is not None:
            self._select(*self.matches[self.match])
        self.matches, self.match = [], None
        if self.article is not None:
            if self.hide_furniture:
                self._show_lines()
            self._paint()

    # -- content --------------------------------------------------------------
    def set_article(self, article, facts) -> None:
        self.article = article
        self.selected = None
        self.facts = {f.id: f for f in facts}
        self.set_editing(False)
        self.show_header(article)
        self.offsets = OffsetMap(article.text)
        self._highlights.clear()  # their cursors are in the text replaced
        self._set_text(article)
        if self.find_bar.isVisible():
            self._find()  # the same query in this article
        else:
            self.matches, self.match = [], None
        self._show_lines()
        self._paint()
        self.text.verticalScrollBar().setValue(0)

    def _set_text(self, article) -> None:
        """The article's text, its furniture dimmed, laid out once: replaced in one edit block
        in the document as it is, whose root frame keeps its room below. (setPlainText would
        make a new root frame without it: the text laid out again without, the scroll bar
        hidden, then laid out with, at another width, and the bar shown again.)"""
        doc = self.text.document()
        if not self._plain:  # a message (clear) before it: a new document's formats
            doc.setPlainText(article.text)
            self._plain = True
            self._room_below()
            self._dim_furniture(article)
            return
        cur = QTextCursor(doc)
        cur.beginEditBlock()
        cur.select(QTextCursor.Document)
        cur.removeSelectedText()  # one empty block left: made as a new document's
        cur.block().setVisible(True)
        cur.setBlockFormat(QTextBlockFormat())
        cur.setBlockCharFormat(QTextCharFormat())
        cur.insertText(article.text, QTextCharFormat())
        self._dim_furniture(article, cur)
        self._room_below()
        cur.endEditBlock()  # the caret left after the text, as setPlainText leaves it

    def _room_below(self) -> None:
        """Room after the last line, so a fact there can be shown above the bottom edge."""
        root = self.text.document().rootFrame()
        fmt = root.frameFormat()
        margin = max(8, self.text.viewport().height() // 3)
        if fmt.bottomMargin() != margin:  # the same: no new layout
            fmt.setBottomMargin(margin)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.article is not None:
            self._room_below()

    def show_header(self, article) -> None:
        """Title, date, source and author as stored (after a correction, or its undo)."""
        self.article = article
        for key, edit in self.header_edits.items():
            edit.setText(getattr(article, key) or "")
            edit.setCursorPosition(0)
        self.title.setToolTip(rich(article.title) if article.title else "")

    def set_editing(self, on: bool) -> None:
        """Title, date, source and author are read-only until the reviewer asks to correct
        them (a stray key must never overwrite them); they take no focus meanwhile."""
        if not on and self.editing and self.article is not None:
            self.show_header(self.article)  # what is stored, never a refused value left typed
        self.editing = on and self.article is not None
        for edit in self.header_edits.values():
            edit.setReadOnly(not self.editing)
            edit.setFocusPolicy(Qt.StrongFocus if self.editing else Qt.NoFocus)
        self.meta_error.hide()
        if self.editing:
            self.title.setFocus()
            self.title.selectAll()

    def clear(self, message: str = "") -> None:
        """No article: blank, or a message saying why (no match, an empty workspace).
        `message` is HTML: what the reviewer typed in it is escaped (safe_text.escape)."""
        self.set_editing(False)
        self.article = None
        self.facts = {}
        self.selected = None
        self._highlights.clear()
        self._plain = False
        self.matches, self.match = [], None
        self.find_bar.show_count(None, 0)
        self.text.setExtraSelections([])
        self.text.clear()
        if message:
            self.text.setHtml(f"<p style='color:{self.theme.palette.muted}; margin-top:40px' "
                              f"align='center'>{message}</p>")
        self.title.clear()
        for e in self.meta.values():
            e.clear()

    def _dim_furniture(self, article, cur: Optional[QTextCursor] = None) -> None:
        """The lines that are not the article's content dimmed. `cur`: in a text just inserted
        with no format, in the edit block of that cursor."""
        if cur is None:
            cur = QTextCursor(self.text.document())
            cur.select(QTextCursor.Document)
            cur.setCharFormat(QTextCharFormat())  # the theme's text colour: the one before may differ
        fmt = QTextCharFormat()
        fmt.setForeground(self.theme.colour("dimmed"))
        n = len(article.text)
        pos = 0
        for s, e in sorted(article.content or [[0, n]]) + [[n, n]]:
            if s > pos:
                cur.setPosition(self.offsets.to_doc(pos))
                cur.setPosition(self.offsets.to_doc(s), QTextCursor.KeepAnchor)
                cur.setCharFormat(fmt)
            pos = max(pos, e)

    def _selection(self, f) -> QTextEdit.ExtraSelection:
        selected = f.id == self.selected
        made = self._highlights.get(f.id)
        if made is not None and made[0] is f and made[1] == selected:
            return made[2]
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.text.document())
        cur.setPosition(self.offsets.to_doc(f.start))
        cur.setPosition(self.offsets.to_doc(f.end), QTextCursor.KeepAnchor)
        sel.cursor = cur
        state = f.status if f.status in ("pending", "rejected") else "decided"
        fmt = self._formats.get((f.kind, state, selected))
        if fmt is None:
            fmt = self._formats[(f.kind, state, selected)] = self._format(f.kind, f.status, selected)
        fmt = QTextCharFormat(fmt)
        fmt.setProperty(QTextFormat.UserProperty, f.id)
        sel.format = fmt
        self._highlights[f.id] = (f, selected, sel)
        return sel

    def _format(self, kind: str, status: str, selected: bool) -> QTextCharFormat:
        """The highlight of a fact of `kind` and `status`, selected or not."""
        fmt = QTextCharFormat()
        colour = self.theme.kind(kind)
        if selected:
            fmt.setBackground(colour)
            fmt.setForeground(self.theme.on_kind(kind))
            fmt.setFontWeight(QFont.Bold)
        elif status == "rejected":
            fmt.setFontStrikeOut(True)
            fmt.setForeground(self.theme.colour("rejected"))
        else:
            ground = self.theme.tint(kind, decided=status != "pending")
            fmt.setBackground(ground)
            fmt.setForeground(self.theme.text_on(ground))
            if status == "pending":
                fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
                fmt.setUnderlineColor(colour)
            else:  # accepted, edited, added
                fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
                fmt.setUnderlineColor(colour.darker(130) if not self.theme.palette.dark else colour)
        return fmt

    def _found(self, i: int) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        start, end = self.matches[i]
        sel.cursor = QTextCursor(self.text.document())
        sel.cursor.setPosition(self.offsets.to_doc(start))
        sel.cursor.setPosition(self.offsets.to_doc(end), QTextCursor.KeepAnchor)
        ground = self.theme.colour("find_current" if i == self.match else "find")
        sel.format.setBackground(ground)
        sel.format.setForeground(self.theme.text_on(ground))
        return sel

    def _paint(self) -> None:
        # Selected last so it is drawn over any fact of another kind it overlaps; the find
        # bar's matches over the facts, the current one last.
        facts = sorted(self.facts.values(), key=lambda f: (f.id == self.selected, f.start))
        found = sorted(range(len(self.matches)), key=lambda i: i == self.match)
        self.text.setExtraSelections([self._selection(f) for f in facts] + [self._found(i) for i in found])

    def update_fact(self, fact) -> None:
        self.facts[fact.id] = fact
        self._paint()

    def remove_fact(self, fact_id: int) -> None:
        self.facts.pop(fact_id, None)
        self._highlights.pop(fact_id, None)
        self._paint()

    def select_fact(self, fact_id: Optional[int]) -> None:
        self.selected = fact_id
        if self.hide_furniture and self.article is not None:
            self._show_lines()
        self._paint()
        f = self.facts.get(fact_id) if fact_id is not None else None
        if f is not None:
            cur = QTextCursor(self.text.document())
            cur.setPosition(self.offsets.to_doc(f.start))
            self.text.setTextCursor(cur)
            self.show_with_context(f.start, f.end)

    def show_with_context(self, start: int, end: int) -> None:
        """Scroll so the words from `start` to `end` show whole with a few lines above and below,
        never on the first or last visible line (centred when they were not already so)."""
        doc_cursor = QTextCursor(self.text.document())
        doc_cursor.setPosition(self.offsets.to_doc(start))
        top = self.text.cursorRect(doc_cursor).top()
        doc_cursor.setPosition(self.offsets.to_doc(end))
        bottom = self.text.cursorRect(doc_cursor).bottom()
        height = self.text.viewport().height()
        margin = min(CONTEXT_LINES * self.text.fontMetrics().lineSpacing(), height // 4)
        if top >= margin and bottom <= height - margin:
            return
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + (top + bottom) // 2 - height // 2)

    def selected_span(self) -> Optional[tuple[int, int]]:
        cur = self.text.textCursor()
        if not cur.hasSelection():
            return None
        s = self.offsets.from_doc(cur.selectionStart())
        e = self.offsets.from_doc(cur.selectionEnd())
        # A selection made by double-click may take a trailing space; the span should not.
        text = self.article.text if self.article else ""
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return (s, e) if e > s else None

    def focus_text(self) -> None:
        """Keyboard selection: the caret at the selected fact (or the top), focus in the text."""
        f = self.facts.get(self.selected) if self.selected is not None else None
        cur = QTextCursor(self.text.document())
        cur.setPosition(self.offsets.to_doc(f.start) if f else 0)
        self.text.setTextCursor(cur)
        self.text.setFocus()

    def fact_at(self, pos: int) -> Optional[int]:
        hits = [f for f in self.facts.values() if f.start <= pos < f.end]
        if not hits:
            return None
        return min(hits, key=lambda f: f.end - f.start).id

    # -- events -------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj in self.header_edits.values() and event.type() == QEvent.KeyPress:
            if event.key() == Qt.Key_Escape:  # leave without saving what was not saved yet
                if self.article is not None:
                    self.show_header(self.article)
                self.set_editing(False)
                self.metadataDone.emit()
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                key = next(k for k, e in self.header_edits.items() if e is obj)
                if self._edited(key, obj):
                    self.set_editing(False)
                    self.metadataDone.emit()
                return True
        if obj is self.text.viewport() and event.type() == QEvent.MouseButtonRelease:
            if not self.text.textCursor().hasSelection():
                doc_pos = self.text.cursorForPosition(event.position().toPoint()).position()
                fid = self.fact_at(self.offsets.from_doc(doc_pos))
                if fid is not None:
                    self.factClicked.emit(fid)
        return super().eventFilter(obj, event)

    def _edited(self, key: str, edit: QLineEdit) -> bool:
        """Save one corrected field; a date is read the Vietnamese way and refused with its
        reason when it is not one. Returns whether the field is saved (or unchanged)."""
        if self.article is None or not self.editing:
            return True
        value = edit.text().strip() or None
        if key == "published" and value is not None:
            reading = read_date(value)
            if not reading.ok:
                self.meta_error.setText(tr("Date not saved: {reason}").format(reason=reading.error))
                self.meta_error.show()
                return False
            value = reading.value
        self.meta_error.hide()
        if value != getattr(self.article, key):
            self.metadataEdited.emit(key, value)
        return True
