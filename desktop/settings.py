"""Typed preferences, declared once, stored as JSON in QSettings with a schema version.

QSettings itself holds only window geometry and splitter state besides these.
"""
from __future__ import annotations

import json

from pydantic import BaseModel, Field, ValidationError
from PySide6.QtCore import QSettings

SCHEMA_VERSION = 1
MAX_RECENT = 8


class Prefs(BaseModel):
    schema_version: int = SCHEMA_VERSION
    reviewer: str | None = None
    accept_threshold: float = Field(default=0.8, ge=0.0, le=1.0)
    recent: list[str] = Field(default_factory=list)
    keep_backups: int = Field(default=10, ge=1, le=1000)
    confirm_bulk: bool = True  # Shift+A says how many facts it will accept, first

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
