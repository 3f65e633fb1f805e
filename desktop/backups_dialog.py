"""File ▸ Restore Backup: the backups with their time and counts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from app.opening import backup_dir, describe_backups

from .i18n import date_time, decimal, num, plural, tr
from .safe_text import plain


def size_text(n: int) -> str:
    """A file's size: 1,234 bytes, 12.5 MB (12,5 MB in Vietnamese)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return tr("{n} bytes").format(n=num(n)) if unit == "bytes" else f"{decimal(n, 1)} {unit}"
        n /= 1024
    return str(n)


def backup_text(b) -> str:
    """One backup: when, what it holds, its size (db.safety.Backup.describe, in the interface's language)."""
    counts = (tr("unreadable") if b.facts is None else
              tr("{articles} articles, {facts} facts, {decisions} decisions").format(
                  articles=num(b.articles), facts=num(b.facts), decisions=num(b.decisions)))
    return f"{date_time(b.made)}  {counts}  ({size_text(b.size)})"


class BackupsDialog(QDialog):
    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Restore a backup"))
        self.backups = describe_backups(path)
        self.list = QListWidget()
        for b in self.backups:
            self.list.addItem(backup_text(b))
        if self.backups:
            self.list.setCurrentRow(0)
        note = QLabel(tr("The workspace is replaced by the chosen backup; the workspace as it is now "
                         "is kept beside it (…-before-restore-….sqlite).") if self.backups else
                      tr("No backups yet: one is made when a workspace that changed is opened."))
        note.setWordWrap(True)
        used = sum(b.size for b in self.backups)
        self.disk = plain(QLabel(plural(len(self.backups), tr("{n} backup, compressed, uses {size} in {folder}"),
                                        tr("{n} backups, compressed, use {size} in {folder}"))
                                 .replace("{size}", size_text(used)).replace("{folder}", str(backup_dir(path)))))
        self.disk.setWordWrap(True)
        self.disk.setTextInteractionFlags(self.disk.textInteractionFlags() | Qt.TextSelectableByMouse)
        box = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.restore_button = box.addButton(tr("Restore"), QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addWidget(note)
        lay.addWidget(self.disk)
        lay.addWidget(box)
        self.resize(560, 320)

    def chosen(self):
        row = self.list.currentRow()
        return self.backups[row].path if 0 <= row < len(self.backups) else None
