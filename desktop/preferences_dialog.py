"""Edit ▸ Preferences: every preference the window keeps, in one place, from the keyboard
(Tab moves, Ctrl+Tab changes page, Enter saves, Esc leaves)."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGridLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from facts.textio import clean

from .appearance import THEMES
from .i18n import NATIVE_NAMES, resolve, tr
from .keys_page import KeysPage
from .safe_text import plain
from .settings import MAX_ZOOM, MIN_ZOOM, ZOOM_STEP, Prefs
from .theme import KIND_COLOURS, KINDS, Theme, kind_label


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Prefs, learn_every: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences — Fact Review"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._review_page(prefs, learn_every), tr("&Review"))
        self.tabs.addTab(self._appearance_page(prefs), tr("&Appearance"))
        self.keys = KeysPage(prefs.keys)
        self.tabs.addTab(self.keys, tr("&Keys"))
        self.error = plain(QLabel(objectName="fieldError"))
        box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.error)
        lay.addWidget(box)
        self.reviewer.textChanged.connect(self._check)
        self.save_button = box.button(QDialogButtonBox.Save)
        self.resize(720, 560)

    def _review_page(self, prefs: Prefs, learn_every: int) -> QWidget:
        self.reviewer = QLineEdit(prefs.reviewer or "")
        self.reviewer.setToolTip(tr("Recorded on every decision from now on"))
        self.threshold = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.05)
        self.threshold.setLocale(QLocale())  # 0,80 in Vietnamese
        self.threshold.setValue(prefs.accept_threshold)
        self.threshold.setToolTip(tr("Shift+A accepts the pending facts of the article at or above this confidence"))
        self.confirm = QCheckBox(tr("Say how many facts a bulk accept or reject decides, first"))
        self.confirm.setChecked(prefs.confirm_bulk)
        self.keep = QSpinBox(minimum=1, maximum=1000)
        self.keep.setValue(prefs.keep_backups)
        self.keep.setToolTip(tr("Backups kept of each workspace (fewer for a big one: within 1 GB)"))
        self.every = QSpinBox(minimum=0, maximum=100000)
        self.every.setValue(learn_every)
        self.every.setSpecialValueText(tr("only on demand (Ctrl+L)"))
        self.every.setToolTip(tr("Learn again after this many newly completed articles (this workspace)"))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("Reviewer &name:"), self.reviewer)
        form.addRow(tr("Shift+A accepts &from confidence:"), self.threshold)
        form.addRow("", self.confirm)
        form.addRow(tr("&Backups kept:"), self.keep)
        form.addRow(tr("&Learn again after … completed articles:"), self.every)
        return page

    def _appearance_page(self, prefs: Prefs) -> QWidget:
        self.theme = QComboBox()
        for key, label in THEMES.items():
            self.theme.addItem(tr(label), key)
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        self.theme.setToolTip(tr("System follows the light or dark setting of the computer, as it changes"))
        # Each language in itself; the system's is named, so that the choice is plain.
        self.language = QComboBox()
        self.language.addItem(tr("System ({language})").format(language=NATIVE_NAMES[resolve("system")]), "system")
        for key, name in NATIVE_NAMES.items():
            self.language.addItem(name, key)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setToolTip(tr("The language of menus, dialogs and messages; the window is built "
                                    "again in it when the preferences are saved"))
        self.zoom = QSpinBox(minimum=MIN_ZOOM, maximum=MAX_ZOOM, singleStep=ZOOM_STEP, suffix=" %")
        self.zoom.setValue(prefs.text_zoom)
        self.zoom.setToolTip(tr("The article and the lists; Ctrl+= and Ctrl+- change it as you read"))
        self.colours = {kind: prefs.kind_colours.get(kind, KIND_COLOURS[kind]) for kind in KINDS}
        self.colour_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, kind in enumerate(KINDS):
            button = QPushButton(f"{i + 1}  {kind_label(kind)}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, k=kind: self._pick(k))
            self.colour_buttons[kind] = button
            grid.addWidget(button, i // 4, i % 4)
        self.set_kind_colours(self.colours)
        defaults = QPushButton(tr("Colour-blind-safe &Defaults"))
        defaults.setAutoDefault(False)
        defaults.setToolTip(tr("The Okabe–Ito based colours, told apart with every common form of colour blindness"))
        defaults.clicked.connect(lambda: self.set_kind_colours(KIND_COLOURS))
        note = plain(QLabel(tr("A kind's colour grounds its facts in the article; the words on it stay "
                               "black or white enough to read, whatever the colour.")))
        note.setWordWrap(True)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("&Language:"), self.language)
        form.addRow(tr("&Theme:"), self.theme)
        form.addRow(tr("Text &size:"), self.zoom)
        form.addRow(tr("Kind colours:"), grid)
        form.addRow("", defaults)
        form.addRow("", note)
        return page

    def _pick(self, kind: str) -> None:
        colour = QColorDialog.getColor(QColor(self.colours[kind]), self,
                                       tr("Colour of {kind} facts").format(kind=kind_label(kind).lower()))
        if colour.isValid():
            self.set_kind_colours({**self.colours, kind: colour.name()})

    def set_kind_colours(self, colours: dict[str, str]) -> None:
        """The colours chosen, each button drawn as a selected fact of its kind would be."""
        self.colours = dict(colours)
        theme = Theme(kinds=self.colours)
        for kind, button in self.colour_buttons.items():
            button.setStyleSheet(f"background:{self.colours[kind]}; color:{theme.on_kind(kind).name()};"
                                 "font-weight:600; padding:4px 8px; border-radius:3px")

    def _check(self) -> None:
        name = self.reviewer.text()
        ok = bool(name.strip()) and clean(name) == name
        self.error.setText("" if ok else tr("A reviewer needs a name, without control characters."))
        self.save_button.setEnabled(ok)

    def apply_to(self, prefs: Prefs) -> None:
        prefs.reviewer = " ".join(self.reviewer.text().split())
        prefs.accept_threshold = round(self.threshold.value(), 2)
        prefs.confirm_bulk = self.confirm.isChecked()
        prefs.keep_backups = self.keep.value()
        prefs.theme = self.theme.currentData()
        prefs.language = self.language.currentData()
        prefs.text_zoom = self.zoom.value()
        prefs.kind_colours = {k: c for k, c in self.colours.items() if c.lower() != KIND_COLOURS[k].lower()}
        prefs.keys = self.keys.changed()
