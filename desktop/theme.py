"""Colours and glyphs of kinds and statuses, and the light and dark palettes every view draws with.

Text on a coloured ground gets a contrast ratio of at least 4.5:1 (WCAG AA): the palette's text
colour where it reaches that, else black or white, one of which always does (at worst 4.58:1).
So a kind colour the reviewer picks can never make a highlighted fact unreadable.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from PySide6.QtGui import QColor, QPalette

from .i18n import QT_TRANSLATE_NOOP, QT_TR_NOOP, tr, tr_in

# One hue per kind, distinct for the common forms of colour blindness (Okabe–Ito based).
KIND_COLOURS: dict[str, str] = {
    "quantity": "#E69F00",
    "money": "#009E73",
    "percentage": "#56B4E9",
    "date": "#CC79A7",
    "person": "#D55E00",
    "organization": "#0072B2",
    "location": "#7A9A01",
    "legal_reference": "#8E6C8A",
}
# The kinds' names as shown (the stored kind ids never change): English, marked for the
# catalogue; kind_label() gives them in the interface's language.
KIND_LABELS: dict[str, str] = {
    "quantity": QT_TR_NOOP("Quantity"), "money": QT_TR_NOOP("Money"),
    "percentage": QT_TR_NOOP("Percentage"), "date": QT_TR_NOOP("Date"),
    "person": QT_TR_NOOP("Person"), "organization": QT_TR_NOOP("Organization"),
    "location": QT_TR_NOOP("Location"), "legal_reference": QT_TR_NOOP("Legal ref."),
}
KINDS = list(KIND_COLOURS)
# Short names for the narrow kind column; the colour says the rest.
KIND_SHORT: dict[str, str] = {
    "quantity": QT_TRANSLATE_NOOP("KindShort", "Qty"), "money": QT_TRANSLATE_NOOP("KindShort", "Money"),
    "percentage": "%", "date": QT_TRANSLATE_NOOP("KindShort", "Date"),
    "person": QT_TRANSLATE_NOOP("KindShort", "Person"), "organization": QT_TRANSLATE_NOOP("KindShort", "Org"),
    "location": QT_TRANSLATE_NOOP("KindShort", "Place"), "legal_reference": QT_TRANSLATE_NOOP("KindShort", "Legal"),
}
# A fact's status as shown (the stored status ids never change).
STATUS_LABELS: dict[str, str] = {
    "pending": QT_TR_NOOP("pending"), "accepted": QT_TR_NOOP("accepted"),
    "edited": QT_TR_NOOP("edited"), "rejected": QT_TR_NOOP("rejected"),
    "added": QT_TR_NOOP("added"), "flagged": QT_TR_NOOP("flagged"),
}


# The choices of a fact's approx and level fields as shown (stored as these ids).
CHOICE_LABELS: dict[str, str] = {
    "exact": QT_TR_NOOP("exact"), "more_than": QT_TR_NOOP("more than"),
    "less_than": QT_TR_NOOP("less than"), "about": QT_TR_NOOP("about"), "nearly": QT_TR_NOOP("nearly"),
    "at_least": QT_TR_NOOP("at least"), "up_to": QT_TR_NOOP("up to"),
    "country": QT_TR_NOOP("country"), "province": QT_TR_NOOP("province"),
    "district": QT_TR_NOOP("district"), "commune": QT_TR_NOOP("commune"), "region": QT_TR_NOOP("region"),
    "other": QT_TR_NOOP("other"),
}


def choice_label(value: str) -> str:
    return tr(CHOICE_LABELS[value]) if value in CHOICE_LABELS else value


def kind_label(kind: str) -> str:
    """A kind's name in the interface's language ("" for none; an unknown id as it is)."""
    return tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def kind_short(kind: str) -> str:
    return tr_in("KindShort", KIND_SHORT[kind]) if kind in KIND_SHORT else kind


def status_label(status: str) -> str:
    return tr(STATUS_LABELS[status]) if status in STATUS_LABELS else status

STATUS_GLYPHS = {"pending": "○", "accepted": "✓", "edited": "✎", "rejected": "✗", "added": "+",
                 "flagged": "⚑"}
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Palette:
    """The window's colours in one scheme (names as in resources/style.qss)."""

    dark: bool
    window: str
    base: str  # where text is read: the article, the lists
    alternate: str
    text: str
    muted: str
    border: str
    header: str
    selection: str  # the selected row of a list
    text_selection: str  # selected words in the article, and the current find match
    accent: str  # focus frames, links
    ok: str
    error: str
    warning: str
    dimmed: str  # page furniture, meant to recede
    rejected: str
    progress: str
    track: str
    find: str  # every match of the find bar…
    find_current: str  # …and the current one, in reverse video: unlike any fact's colour
    pending_alpha: float  # how much of a kind's colour tints a pending fact
    decided_alpha: float  # and an accepted, edited or added one
    status: Mapping[str, str] = field(default_factory=dict)

    def qpalette(self) -> QPalette:
        """The same colours for Qt's own widgets: menus, dialogs, scroll bars, pickers."""
        p = QPalette()
        roles = {QPalette.Window: self.window, QPalette.WindowText: self.text,
                 QPalette.Base: self.base, QPalette.AlternateBase: self.alternate,
                 QPalette.Text: self.text, QPalette.Button: self.header,
                 QPalette.ButtonText: self.text, QPalette.Highlight: self.selection,
                 QPalette.HighlightedText: self.text, QPalette.ToolTipBase: self.base,
                 QPalette.ToolTipText: self.text, QPalette.PlaceholderText: self.muted,
                 QPalette.Link: self.accent, QPalette.BrightText: self.error,
                 QPalette.Light: self.base, QPalette.Midlight: self.header,
                 QPalette.Mid: self.border, QPalette.Dark: self.border, QPalette.Shadow: self.border}
        for role, colour in roles.items():
            p.setColor(role, QColor(colour))
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
            p.setColor(QPalette.Disabled, role, QColor(self.dimmed))
        return p


LIGHT = Palette(
    dark=False, window="#f6f7f9", base="#ffffff", alternate="#f6f8fa", text="#1f2328",
    muted="#57606a", border="#d0d7de", header="#eef0f3", selection="#dbe9ff",
    text_selection="#ffd966", accent="#0969da", ok="#1a7f37", error="#cf222e",
    warning="#9a6700", dimmed="#8c959f", rejected="#8c959f", progress="#54aeff",
    track="#e1e4e8", find="#fff176", find_current="#1f2328", pending_alpha=0.24, decided_alpha=0.55,
    status={"pending": "#6e7781", "accepted": "#1a7f37", "edited": "#0969da",
            "rejected": "#cf222e", "added": "#8250df", "flagged": "#9a6700"})
# Not black: a grey ground with off-white text tires the eyes less over a long day.
DARK = Palette(
    dark=True, window="#1e2024", base="#25282d", alternate="#2a2d33", text="#e3e6ea",
    muted="#9aa3ad", border="#3a3f46", header="#2c3036", selection="#2f4a6e",
    text_selection="#735b00", accent="#58a6ff", ok="#3fb950", error="#ff7b72",
    warning="#d29922", dimmed="#6e7681", rejected="#7d8590", progress="#388bfd",
    track="#3a3f46", find="#d9c530", find_current="#e3e6ea", pending_alpha=0.30, decided_alpha=0.42,
    status={"pending": "#8b949e", "accepted": "#3fb950", "edited": "#58a6ff",
            "rejected": "#ff7b72", "added": "#b392f0", "flagged": "#d29922"})


# -- contrast ---------------------------------------------------------------------------------
def luminance(c: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: QColor, ground: QColor, alpha: float) -> QColor:
    """`top` laid over `ground` at `alpha`, as an opaque colour (so its contrast is known)."""
    return QColor.fromRgbF(*(alpha * t + (1 - alpha) * g for t, g in
                             zip(top.getRgbF()[:3], ground.getRgbF()[:3])))


def readable(ground: QColor, preferred: QColor) -> QColor:
    """A text colour on `ground`: `preferred` when it is readable there, else black or white."""
    if contrast(preferred, ground) >= MIN_CONTRAST:
        return preferred
    return max((QColor("#000000"), QColor("#ffffff")), key=lambda c: contrast(c, ground))


def legible(colour: QColor, ground: QColor, toward: QColor) -> QColor:
    """`colour` moved toward `toward` (the text colour) just enough to be read as text on `ground`."""
    for step in range(11):
        mixed = blend(toward, colour, step / 10)
        if contrast(mixed, ground) >= MIN_CONTRAST:
            return mixed
    return toward


@dataclass(frozen=True)
class Theme:
    """A palette and the kind colours: what a view needs to draw itself."""

    palette: Palette = LIGHT
    kinds: Mapping[str, str] = field(default_factory=lambda: dict(KIND_COLOURS))

    @classmethod
    def make(cls, dark: bool, kind_colours: Mapping[str, str]) -> "Theme":
        """The light or dark palette, with the reviewer's colours for the kinds they changed."""
        return cls(DARK if dark else LIGHT, {**KIND_COLOURS, **{k: v for k, v in kind_colours.items()
                                                               if k in KIND_COLOURS}})

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self.palette, name))

    def kind(self, kind: str) -> QColor:
        return QColor(self.kinds.get(kind, "#888888"))

    def tint(self, kind: str, decided: bool) -> QColor:
        """The ground of a fact's words: its kind's colour, light for pending, fuller once decided."""
        alpha = self.palette.decided_alpha if decided else self.palette.pending_alpha
        return blend(self.kind(kind), self.colour("base"), alpha)

    def text_on(self, ground: QColor) -> QColor:
        return readable(ground, self.colour("text"))

    def on_kind(self, kind: str) -> QColor:
        """Text on a kind's full colour (the selected fact): black or white, the more legible."""
        ground = self.kind(kind)
        return max((QColor("#000000"), QColor("#ffffff")), key=lambda c: contrast(c, ground))

    def kind_text(self, kind: str) -> QColor:
        """A kind's colour as text on the lists' ground (the kind column)."""
        return legible(self.kind(kind), self.colour("base"), self.colour("text"))

    def status(self, status: str) -> QColor:
        return QColor(self.palette.status.get(status, self.palette.text))
