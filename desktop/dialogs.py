"""Small windows: the key help, the list of files that failed to import, the reviewer's name."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QTextBrowser, QVBoxLayout)

from .i18n import tr
from .safe_text import plain


class HelpOverlay(QDialog):
    """Every key in use (actions.help_html). Its own keys (F1, ?) or Esc close it."""

    def __init__(self, text: str, keys: Sequence[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setModal(False)
        self.view = view = QTextBrowser()
        view.setHtml(text)
        view.setAccessibleName(tr("Keyboard shortcuts"))
        # It has the keys: ↑ ↓ PgUp PgDn Home End scroll it.
        view.setFocusPolicy(Qt.StrongFocus)
        view.setFocus()
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.close)
        lay.addWidget(close)
        for key in (*keys, "Esc"):
            QShortcut(QKeySequence(key), self, activated=self.close)
        self.resize(620, 560)


class ImportErrors(QDialog):
    """What could not be imported and why; the text can be selected and copied."""

    def __init__(self, summary: str, failures: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import: some files were not imported"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(f"{path}\n    {reason}" for path, reason in failures))
        copy = QPushButton(tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.addButton(copy, QDialogButtonBox.ActionRole)
        box.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(plain(QLabel(summary + "\n" + tr("Nothing of a failed file was stored; the other files "
                                                        "were imported."))))
        lay.addWidget(self.text)
        lay.addWidget(box)
        self.resize(720, 380)
