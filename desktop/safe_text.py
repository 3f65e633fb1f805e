"""Imported and typed text is shown as text, never read as markup.

Qt reads a string as rich text wherever the format is "automatic" (tooltips, QLabel,
QMessageBox) and it merely looks like markup (`Qt.mightBeRichText`). A title holding
`<img src="/dev/zero">` then makes Qt read that file to draw it: the window froze or
crashed on hover, and any local file could be opened. Every place of the window that
shows an article's title, text, source, author or id, a fact's text, value, fields or
note, a reviewer's name, a file name or a search goes through this module:

* a label is set to plain text (`plain`);
* a tooltip, a message box's static functions and `setHtml` get `rich`: the text
  escaped, inside an explicit rich-text paragraph that keeps its spaces and line breaks,
  so it is shown exactly as written whatever Qt guesses;
* a piece of a larger HTML text gets `escape`.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escape(text: object) -> str:
    """`text` as HTML character data: `<`, `>` and `&` shown, never read as markup."""
    return html.escape("" if text is None else str(text), quote=False)


def rich(text: object) -> str:
    """`text` for a place that reads rich text (a tooltip, QMessageBox.warning, setHtml):
    escaped and explicitly rich, so it shows as written, spaces and line breaks kept."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def plain(*labels: QLabel) -> QLabel:
    """Labels that show their text as it is: never markup. Returns the first."""
    for label in labels:
        label.setTextFormat(Qt.PlainText)
    return labels[0]


def warn(parent: QWidget, title: str, text: str):
    """QMessageBox.warning with its text shown as written (a path, an error quoting a value)."""
    return QMessageBox.warning(parent, title, rich(text))
