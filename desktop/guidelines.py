"""Annotation guidelines: Markdown kept in the workspace, shown in a dock beside the facts (G),
written in an editor with a preview, or imported from a .md file.

Imported text is untrusted. It is read as Markdown without HTML, and no resource it names is
ever loaded: an image, local or remote, stays a placeholder (`<img src="/dev/zero">` once froze
Qt, see safe_text), and a link is not followed.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QLabel,
                               QMessageBox, QPlainTextEdit, QSplitter, QTextBrowser, QVBoxLayout)

from app.workspace import WorkspaceError
from facts.textio import BadInput, decode, normalise

from .i18n import QT_TR_NOOP, tr
from .safe_text import plain, warn

MAX_BYTES = 1_000_000  # a guide, not a corpus
MIN_ARTICLE = 360  # the article's width, at least, beside the dock
MARKDOWN = QTextDocument.MarkdownDialectGitHub | QTextDocument.MarkdownNoHTML
OBJECT = "\ufffc"  # where an image stands in a document's text
NONE_YET = QT_TR_NOOP("*This workspace has no guidelines yet.*\n\nEdit ▸ Edit Guidelines… writes them; "
                      "File ▸ Import Guidelines… reads a Markdown file.")


def sealed(text: str, parent) -> QTextDocument:
    """`text` read as Markdown without HTML, each image replaced by its address in brackets before
    anything lays the document out: laying out an image loads it, from any path (Qt reads the
    file itself when the view refuses to), and `/dev/zero` never ends."""
    doc = QTextDocument(parent)
    doc.setMarkdown(text, MARKDOWN)
    cur = doc.find(OBJECT)
    while not cur.isNull():
        image = cur.charFormat()
        if image.isImageFormat():
            cur.insertText(tr("[image: {name}]").format(name=image.toImageFormat().name()), QTextCharFormat())
        cur = doc.find(OBJECT, cur)
    return doc


class GuidelinesView(QTextBrowser):
    """Markdown shown as written, never fetching what it names; a link is not followed."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="guidelines")
        self.setOpenLinks(False)
        self.setAccessibleName(tr("Annotation guidelines"))
        self.text_size = self.font().pointSizeF()  # at 100%

    def sizeHint(self) -> QSize:
        return QSize(380, 480)  # the dock's first width: a readable column beside the facts

    def show_markdown(self, text: str) -> None:
        self.setDocument(sealed(text, self))  # the one before, a child too, is deleted

    def set_zoom(self, percent: int) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self.text_size * percent / 100)
        self.setFont(font)


class GuidelinesEditor(QDialog):
    """The Markdown on the left, as it will show on the right. Ctrl+S or Ctrl+Enter saves; Esc
    asks before dropping a change."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Annotation Guidelines — Fact Review"))
        self.original = text
        self.source = QPlainTextEdit(text)
        self.source.setAccessibleName(tr("Guidelines in Markdown"))
        self.source.setPlaceholderText(tr("# Guidelines\n\n## Money\nAnnotate the amount with its currency word…"))
        self.preview = GuidelinesView()
        self._render = QTimer(self, singleShot=True, interval=200)
        self._render.timeout.connect(lambda: self.preview.show_markdown(self.text()))
        self.source.textChanged.connect(self._render.start)
        self.preview.show_markdown(text)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.source)
        split.addWidget(self.preview)
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        for key in ("Ctrl+S", "Ctrl+Return"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(plain(QLabel(tr("Markdown: # headings, **bold**, *italic*, - lists, | tables |. "
                                      "Ctrl+S saves, Esc cancels."))))
        lay.addWidget(split, 1)
        lay.addWidget(box)
        self.source.setFocus()
        self.resize(960, 620)

    def text(self) -> str:
        return self.source.toPlainText()

    def reject(self) -> None:
        if self.text() != self.original and QMessageBox.question(
                self, tr("Fact Review"), tr("Drop the changes to the guidelines?"),
                QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel) != QMessageBox.Discard:
            return
        super().reject()


def read_markdown(path: Path) -> str:
    """A Markdown file's text as stored (any encoding the importer reads), or ValueError saying why."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(tr("{name} is over {mb} MB: not a guide").format(name=path.name, mb=MAX_BYTES // 1_000_000))
        return normalise(decode(path.read_bytes()))
    except BadInput as exc:
        raise ValueError(f"{path.name}: {exc}") from exc
    except OSError as exc:
        raise ValueError(tr("{name} cannot be read: {reason}").format(name=path.name, reason=exc.strerror)) from exc


class Guidelines:
    """The window's guidelines: the dock, its key, editing and importing them."""

    def __init__(self, window):
        self.w = window
        self.view = GuidelinesView()
        self.dock = QDockWidget(tr("Guidelines"), window, objectName="guidelinesDock")
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.lists = (0, 0)  # the widths of the article list and the facts without the dock

    def connect(self, action) -> None:
        """The View menu's check follows the dock, closed by its button or by the key."""
        self.action = action
        action.toggled.connect(self._show)
        self.dock.toggleViewAction().toggled.connect(action.setChecked)

    def _show(self, on: bool) -> None:
        """The article gives the dock its room, down to MIN_ARTICLE, so that the lists keep their
        width as far as they can; they get it back when the dock goes."""
        sizes = self.w.splitter.sizes()
        if on:
            self.lists = (sizes[0], sizes[2])
        self.dock.setVisible(on)
        if not self.w.isVisible():
            return
        self.w.layout().activate()  # the panes take their new width now
        total = sum(self.w.splitter.sizes())
        left, right = self.lists
        article = max(MIN_ARTICLE, total - left - right)
        scale = min(1.0, (total - article) / max(1, left + right))
        left, right = round(left * scale), round(right * scale)
        self.w.splitter.setSizes([left, total - left - right, right])

    def load(self) -> None:
        """Show the open workspace's guidelines."""
        self.view.show_markdown(self.w.workspace.guidelines() or tr(NONE_YET))

    def _save(self, text: str, said: str) -> None:
        try:
            self.w.workspace.set_guidelines(text)
        except WorkspaceError as exc:
            warn(self.w, tr("Fact Review"), tr("The guidelines were not saved: {reason}").format(reason=exc))
            return
        self.load()
        self.action.setChecked(True)
        self.w.hint(said)

    def edit(self) -> None:
        editor = GuidelinesEditor(self.w.workspace.guidelines(), self.w)
        if editor.exec() and editor.text() != editor.original:
            self._save(editor.text(), tr("Guidelines saved in the workspace"))
        self.w.dialog_closed()

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.w, tr("Import guidelines"), "",
                                              "Markdown (*.md *.markdown *.txt);;" + tr("All files") + " (*)")
        if not name:
            return
        try:
            text = read_markdown(Path(name))
        except ValueError as exc:
            warn(self.w, tr("Fact Review"), str(exc))
            return
        self._save(text, tr("Guidelines imported from {name}").format(name=Path(name).name))
