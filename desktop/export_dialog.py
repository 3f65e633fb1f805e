"""File ▸ Export: what to export, with the same choices as `fact-review export`."""
from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from facts.model import CURATED, Status
from facts.tables import ExportFilter

from .i18n import QT_TR_NOOP, date_format, tr
from .theme import KINDS, kind_label, status_label

FORMATS = [("csv", QT_TR_NOOP("Facts as CSV (opens in Excel)")),
           ("xlsx", QT_TR_NOOP("Facts and articles as Excel (XLSX)")),
           ("articles", QT_TR_NOOP("Articles as CSV (metadata and counts)")),
           ("jsonl", QT_TR_NOOP("Everything as JSONL (lossless)")),
           ("conll", QT_TR_NOOP("Reviewed articles as CoNLL (names tagged BIO, for training a model)"))]
STATUSES = [s.value for s in Status]


class ExportDialog(QDialog):
    def __init__(self, workspace, fmt: str = "csv", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export"))
        self.workspace = workspace
        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(tr(label), key)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.status = {s: QCheckBox(status_label(s)) for s in STATUSES}
        for s, box in self.status.items():
            box.setChecked(s in {c.value for c in CURATED})
        self.kind = {k: QCheckBox(kind_label(k)) for k in KINDS}
        for box in self.kind.values():
            box.setChecked(True)
        self.reviewer = QComboBox()
        self.reviewer.addItem(tr("anyone"), None)
        for name in workspace.reviewer_names():
            self.reviewer.addItem(name, name)
        self.use_dates = QCheckBox(tr("reviewed between"))
        self.since, self.until = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat(date_format())
        self.bom = QCheckBox(tr("UTF-8 with a BOM, so Excel shows Vietnamese right"))
        self.bom.setChecked(True)
        self.inert = QCheckBox(tr("Make cells starting with = + - @ inert (a leading apostrophe)"))
        self.inert.setChecked(True)

        statuses, kinds = QHBoxLayout(), QGridLayout()
        for box in self.status.values():
            statuses.addWidget(box)
        for i, box in enumerate(self.kind.values()):
            kinds.addWidget(box, i // 4, i % 4)
        dates = QHBoxLayout()
        for w in (self.use_dates, self.since, QLabel(tr("and")), self.until):
            dates.addWidget(w)
        dates.addStretch(1)
        self.filters = QWidget()
        form = QFormLayout(self.filters)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Statuses"), statuses)
        form.addRow(tr("Kinds"), kinds)
        form.addRow(tr("Reviewer"), self.reviewer)
        form.addRow("", dates)
        form.addRow("", self.bom)
        form.addRow("", self.inert)
        box = QDialogButtonBox(QDialogButtonBox.Cancel)
        box.addButton(tr("Export…"), QDialogButtonBox.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(tr("Export"), self.format)
        lay.addLayout(top)
        lay.addWidget(self.filters)
        lay.addWidget(box)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        # JSONL is the lossless copy: every status by default; tables: the curated facts.
        curated = {c.value for c in CURATED}
        for s, box in self.status.items():
            box.setChecked(fmt == "jsonl" or s in curated)
        self.filters.setEnabled(fmt in ("csv", "xlsx", "jsonl"))
        self.bom.setEnabled(fmt in ("csv", "articles"))
        self.inert.setEnabled(fmt in ("csv", "articles"))

    def export_filter(self) -> ExportFilter:
        statuses = {s for s, b in self.status.items() if b.isChecked()}
        kinds = {k for k, b in self.kind.items() if b.isChecked()}
        flt = ExportFilter(statuses=None if statuses == set(STATUSES) else statuses,
                           kinds=None if kinds == set(KINDS) else kinds,
                           reviewer=self.reviewer.currentData())
        if self.use_dates.isChecked():
            flt.since = datetime.combine(self.since.date().toPython(), time.min)
            flt.until = datetime.combine(self.until.date().toPython(), time.max)
        return flt

    def choose_path(self) -> str:
        fmt = self.format.currentData()
        suffix = {"csv": "csv", "xlsx": "xlsx", "articles": "csv", "jsonl": "jsonl", "conll": "conll"}[fmt]
        name = {"csv": "facts.csv", "xlsx": "facts.xlsx", "articles": "articles.csv", "jsonl": "workspace.jsonl",
                "conll": "reviewed.conll"}[fmt]
        path, _ = QFileDialog.getSaveFileName(self.parent(), tr("Export"), str(Path.home() / name),
                                              f"{suffix.upper()} (*.{suffix})")
        return path
