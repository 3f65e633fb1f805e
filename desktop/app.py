"""Starting the window: the application object, style, settings, the reviewer's name."""
from __future__ import annotations

import getpass
import sys
from importlib import resources
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

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


def open_or_explain(path: Path, is_default: bool, parent=None):
    """Open the workspace; if it cannot be, say why and offer what can be done."""
    from db.engine import CorruptWorkspaceError, WorkspaceError
    from db.safety import describe_backups, restore_backup
    from facts.workspace import open_workspace

    try:
        return open_workspace(path, is_default)
    except CorruptWorkspaceError as exc:
        backups = [b for b in describe_backups(path) if b.facts is not None]
        if not backups:
            QMessageBox.critical(parent, "Fact Review", f"{exc}\n\nThere is no backup of it.")
            return None
        answer = QMessageBox.question(
            parent, "Fact Review",
            f"{exc}\n\nRestore the latest backup ({backups[0].describe()})? The damaged file is "
            "kept beside it.", QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            return None
        restore_backup(backups[0].path, path)
        return open_workspace(path, is_default)
    except WorkspaceError as exc:
        QMessageBox.critical(parent, "Fact Review", str(exc))
        return None


def launch(path: Path, is_default: bool, reviewer: Optional[str] = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Fact Review")
    app.setStyleSheet(style_sheet())
    store = open_or_explain(path, is_default)
    if store is None:
        return 2
    settings = app_settings()
    window = MainWindow(store, reviewer or ask_reviewer(settings), settings)
    window.show()
    code = app.exec()
    window.store.close()
    return code
