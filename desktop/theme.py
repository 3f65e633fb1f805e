"""Colours and glyphs of kinds and statuses, shared by every view."""
from __future__ import annotations

from PySide6.QtGui import QColor

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
KIND_LABELS: dict[str, str] = {
    "quantity": "Quantity", "money": "Money", "percentage": "Percentage", "date": "Date",
    "person": "Person", "organization": "Organization", "location": "Location",
    "legal_reference": "Legal ref.",
}
KINDS = list(KIND_COLOURS)
# Short names for the narrow kind column; the colour says the rest.
KIND_SHORT: dict[str, str] = {
    "quantity": "Qty", "money": "Money", "percentage": "%", "date": "Date", "person": "Person",
    "organization": "Org", "location": "Place", "legal_reference": "Legal",
}

STATUS_GLYPHS = {"pending": "○", "accepted": "✓", "edited": "✎", "rejected": "✗", "added": "+",
                 "flagged": "⚑"}
STATUS_COLOURS = {"pending": "#8a8a8a", "accepted": "#1a7f37", "edited": "#0969da",
                  "rejected": "#cf222e", "added": "#8250df", "flagged": "#bf8700"}
DIMMED = "#a0a0a0"


def kind_colour(kind: str, alpha: int = 255) -> QColor:
    c = QColor(KIND_COLOURS.get(kind, "#888888"))
    c.setAlpha(alpha)
    return c


def status_colour(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, "#000000"))
