"""Edit ▸ Preferences: every preference the window keeps, in one place, from the keyboard
(Tab moves, Enter saves, Esc leaves)."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLabel, QLineEdit, QSpinBox, QVBoxLayout)

from facts.textio import clean

from .safe_text import plain
from .settings import Prefs


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Prefs, learn_every: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences — Fact Review")
        self.reviewer = QLineEdit(prefs.reviewer or "")
        self.reviewer.setToolTip("Recorded on every decision from now on")
        self.threshold = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.05)
        self.threshold.setValue(prefs.accept_threshold)
        self.threshold.setToolTip("Shift+A accepts the pending facts of the article at or above this confidence")
        self.confirm = QCheckBox("Say how many facts a bulk accept or reject decides, first")
        self.confirm.setChecked(prefs.confirm_bulk)
        self.keep = QSpinBox(minimum=1, maximum=1000)
        self.keep.setValue(prefs.keep_backups)
        self.keep.setToolTip("Backups kept of each workspace (fewer for a big one: within 1 GB)")
        self.every = QSpinBox(minimum=0, maximum=100000)
        self.every.setValue(learn_every)
        self.every.setSpecialValueText("only on demand (Ctrl+L)")
        self.every.setToolTip("Learn again after this many newly completed articles (this workspace)")
        form = QFormLayout()
        form.addRow("&Reviewer name:", self.reviewer)
        form.addRow("Shift+A accepts &from confidence:", self.threshold)
        form.addRow("", self.confirm)
        form.addRow("&Backups kept:", self.keep)
        form.addRow("&Learn again after … completed articles:", self.every)
        self.error = plain(QLabel())
        self.error.setStyleSheet("color: #b42318")
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)
        self.reviewer.textChanged.connect(self._check)
        self.save_button = box.button(QDialogButtonBox.Save)

    def _check(self) -> None:
        name = self.reviewer.text()
        ok = bool(name.strip()) and clean(name) == name
        self.error.setText("" if ok else "A reviewer needs a name, without control characters.")
        self.save_button.setEnabled(ok)

    def apply_to(self, prefs: Prefs) -> None:
        prefs.reviewer = " ".join(self.reviewer.text().split())
        prefs.accept_threshold = round(self.threshold.value(), 2)
        prefs.confirm_bulk = self.confirm.isChecked()
        prefs.keep_backups = self.keep.value()
