"""Typed preferences, declared once, stored as JSON in QSettings with a schema version.

QSettings itself holds only window geometry, splitter and dock state besides these.
"""
from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, ValidationError
from PySide6.QtCore import QSettings

SCHEMA_VERSION = 1
MAX_RECENT = 8
ZOOM_STEP, MIN_ZOOM, MAX_ZOOM = 10, 70, 250  # text size of the article and the lists, in percent
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Prefs(BaseModel):
    schema_version: int = SCHEMA_VERSION
    reviewer: str | None = None
    accept_threshold: float = Field(default=0.8, ge=0.0, le=1.0)
    recent: list[str] = Field(default_factory=list)
    keep_backups: int = Field(default=10, ge=1, le=1000)
    confirm_bulk: bool = True  # Shift+A says how many facts it will accept, first
    theme: Literal["system", "light", "dark"] = "system"
    text_zoom: int = Field(default=100, ge=MIN_ZOOM, le=MAX_ZOOM)
    kind_colours: dict[str, Colour] = Field(default_factory=dict)  # only the kinds changed
    keys: dict[str, list[str]] = Field(default_factory=dict)  # action id → its keys, where changed
    hide_furniture: bool = False
    find_match_case: bool = False
    find_match_diacritics: bool = False
    tour_seen: bool = False
    language: Literal["system", "en", "vi"] = "system"  # the interface's (desktop/i18n.py)

    def remember(self, path: str) -> None:
        self.recent = [path] + [p for p in self.recent if p != path][: MAX_RECENT - 1]


def load(settings: QSettings) -> Prefs:
    raw = settings.value("prefs")
    if not raw:
        return Prefs()
    try:
        return Prefs.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        return Prefs()  # unreadable preferences fall back to defaults, never block the app


def save(settings: QSettings, prefs: Prefs) -> None:
    settings.setValue("prefs", prefs.model_dump_json())
    settings.sync()
