"""Starting the window: the application object, style, settings, the reviewer's name."""
from __future__ import annotations

import getpass
import sys
from importlib import resources
from typing import Optional

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog

from . import settings as prefs_store
from .main_window import MainWindow


def app_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "fact-review", "fact-review")


def ask_reviewer(settings: QSettings, parent=None) -> str:
    """The reviewer's name, asked once and remembered (default: the system user)."""
    prefs = prefs_store.load(settings)
    if prefs.reviewer:
        return prefs.reviewer
    default = getpass.getuser()
    name, ok = QInputDialog.getText(parent, "Fact Review", "Your name, recorded on every decision:",
                                    text=default)
    prefs.reviewer = (name.strip() if ok and name.strip() else default)
    prefs_store.save(settings, prefs)
    return prefs.reviewer


def style_sheet() -> str:
    return resources.files("resources").joinpath("style.qss").read_text(encoding="utf-8")


def run(store, reviewer: Optional[str] = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Fact Review")
    app.setStyleSheet(style_sheet())
    settings = app_settings()
    window = MainWindow(store, reviewer or ask_reviewer(settings), settings)
    window.show()
    code = app.exec()
    window.store.close()
    return code
