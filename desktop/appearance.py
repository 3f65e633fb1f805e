"""The theme in use, applied to the whole application: Light, Dark, or the system's, followed as
it changes (QStyleHints.colorScheme, Qt ≥ 6.5)."""
from __future__ import annotations

from importlib import resources
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from .i18n import QT_TR_NOOP
from .settings import Prefs
from .theme import Palette, Theme

THEMES = {"system": QT_TR_NOOP("System"), "light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}


def style_sheet(palette: Palette) -> str:
    """resources/style.qss with the palette's colours."""
    text = resources.files("resources").joinpath("style.qss").read_text(encoding="utf-8")
    return Template(text).substitute(
        {name: value for name, value in vars(palette).items() if isinstance(value, str)})


class Appearance(QObject):
    """Holds the reviewer's choice and says when the theme changes (`changed`)."""

    changed = Signal(object)  # Theme

    def __init__(self, prefs: Prefs, parent=None):
        super().__init__(parent)
        self.prefs = prefs
        self.theme = Theme()
        QApplication.instance().styleHints().colorSchemeChanged.connect(self._system_changed)

    def dark(self) -> bool:
        if self.prefs.theme == "system":
            return QApplication.instance().styleHints().colorScheme() == Qt.ColorScheme.Dark
        return self.prefs.theme == "dark"

    def apply(self) -> None:
        """Build the theme from the preferences and put it on every widget of the application."""
        self.theme = Theme.make(self.dark(), self.prefs.kind_colours)
        app = QApplication.instance()
        sheet = style_sheet(self.theme.palette)
        if app.styleSheet() != sheet:  # a restyle repolishes every widget: only when it changes
            app.setPalette(self.theme.palette.qpalette())
            app.setStyleSheet(sheet)
        self.changed.emit(self.theme)

    def _system_changed(self, _scheme) -> None:
        if self.prefs.theme == "system":
            self.apply()
