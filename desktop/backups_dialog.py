"""File ▸ Restore Backup: the backups with their time and counts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from app.opening import backup_dir, describe_backups, human_size

from .safe_text import plain


class BackupsDialog(QDialog):
    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.backups = describe_backups(path)
        self.list = QListWidget()
        for b in self.backups:
            self.list.addItem(b.describe())
        if self.backups:
            self.list.setCurrentRow(0)
        note = QLabel("The workspace is replaced by the chosen backup; the workspace as it is now "
                      "is kept beside it (…-before-restore-….sqlite)." if self.backups else
                      "No backups yet: one is made when a workspace that changed is opened.")
        note.setWordWrap(True)
        used = sum(b.size for b in self.backups)
        self.disk = plain(QLabel(f"{len(self.backups)} backup{'s' if len(self.backups) != 1 else ''}, "
                                 f"compressed, use {human_size(used)} in {backup_dir(path)}"))
        self.disk.setWordWrap(True)
        self.disk.setTextInteractionFlags(self.disk.textInteractionFlags() | Qt.TextSelectableByMouse)
        box = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.restore_button = box.addButton("Restore", QDialogButtonBox.AcceptRole)
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
