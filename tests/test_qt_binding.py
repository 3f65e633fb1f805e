"""The Qt binding must not corrupt the interpreter: some PySide6 releases (6.12.0)
drop a reference to None on every void call, which aborts a long review session."""
import sys

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit


def test_void_calls_keep_none_alive(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setBackground(QColor("red"))
        edit.setExtraSelections([])
    assert sys.getrefcount(None) >= before - 50
