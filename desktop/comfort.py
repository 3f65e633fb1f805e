"""How the window looks and answers over a long day, from the reviewer's preferences: theme, text
size, keys, page furniture, the find bar's options, and the first-run tour."""
from __future__ import annotations

from . import actions as registry
from . import settings as prefs_store
from .appearance import Appearance
from .i18n import tr
from .settings import MAX_ZOOM, MIN_ZOOM, ZOOM_STEP
from .theme import Theme
from .tour import Tour, steps


class Comfort:
    def __init__(self, window):
        self.w = window
        self.tour = None
        self.appearance = Appearance(window.prefs, window)
        self.appearance.changed.connect(self._theme_changed)
        bar = window.view.find_bar
        bar.case.toggled.connect(lambda on: self._keep(find_match_case=on))
        bar.diacritics.toggled.connect(lambda on: self._keep(find_match_diacritics=on))

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    def apply(self) -> None:
        """Every comfort preference, on the window (at start, and after Preferences)."""
        prefs = self.w.prefs
        self.appearance.apply()
        self._zoom(prefs.text_zoom)
        registry.set_keys(self.w.actions, prefs.keys)
        self.w.actions["furniture"].setChecked(prefs.hide_furniture)
        self.w.view.set_furniture_hidden(prefs.hide_furniture)

    def _keep(self, **changes) -> None:
        for name, value in changes.items():
            setattr(self.w.prefs, name, value)
        prefs_store.save(self.w.settings, self.w.prefs)

    def _theme_changed(self, theme: Theme) -> None:
        for pane in (self.w.view, self.w.articles, self.w.facts):
            pane.set_theme(theme)

    # -- text size ------------------------------------------------------------------------
    def zoom(self, delta: int) -> None:
        """Ctrl+= / Ctrl+- one step larger or smaller, Ctrl+0 (delta 0) back to 100%."""
        percent = self.w.prefs.text_zoom + delta * ZOOM_STEP if delta else 100
        percent = max(MIN_ZOOM, min(MAX_ZOOM, percent))
        self._keep(text_zoom=percent)
        self._zoom(percent)
        self.w.hint(tr("Text size {percent}%").format(percent=percent))

    def _zoom(self, percent: int) -> None:
        for pane in (self.w.view, self.w.articles, self.w.facts, self.w.guidelines.view):
            pane.set_zoom(percent)

    # -- page furniture -----------------------------------------------------------------------
    def hide_furniture(self, hidden: bool) -> None:
        self._keep(hide_furniture=hidden)
        self.w.view.set_furniture_hidden(hidden)
        self.w.hint(tr("Page furniture hidden") if hidden else tr("Page furniture shown, dimmed"))

    # -- the tour -------------------------------------------------------------------------------
    def offer_tour(self) -> None:
        """The tour, the first time the app starts."""
        if not self.w.prefs.tour_seen:
            self.show_tour()

    def show_tour(self) -> None:
        self._keep(tour_seen=True)
        if self.tour is not None:
            self.tour.finish()
        self.tour = Tour(self.w, steps(self.w), self.theme)
        self.tour.finished.connect(self._tour_done)
        self.tour.start()

    def _tour_done(self) -> None:
        self.tour = None
        self.w.facts.table.setFocus()
