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
from .safe_text import rich


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
    from facts.textio import clean

    name = " ".join(clean(name).split()) if ok else ""  # a name, not control characters
    prefs.reviewer = name or default
    prefs_store.save(settings, prefs)
    return prefs.reviewer


def style_sheet() -> str:
    return resources.files("resources").joinpath("style.qss").read_text(encoding="utf-8")


def open_or_explain(path: Path, is_default: bool, parent=None):
    """Open the workspace; if it cannot be, say why and offer what can be done."""
    from db.engine import CorruptWorkspaceError, NoWorkspaceError, WorkspaceError
    from db.safety import WorkspaceLock, describe_backups, restore_backup
    from facts.workspace import open_workspace

    try:
        return open_workspace(path, is_default)
    except NoWorkspaceError:
        answer = QMessageBox.question(
            parent, "Fact Review", rich(f"There is no workspace at {path}.\n\nCreate a new, empty one there?"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return None
        try:
            return open_workspace(path, is_default, create=True)
        except WorkspaceError as exc:
            QMessageBox.critical(parent, "Fact Review", rich(exc))
            return None
    except CorruptWorkspaceError as exc:
        backups = [b for b in describe_backups(path) if b.facts is not None]
        if not backups:
            QMessageBox.critical(parent, "Fact Review", rich(f"{exc}\n\nThere is no backup of it."))
            return None
        answer = QMessageBox.question(
            parent, "Fact Review",
            rich(f"{exc}\n\nRestore the latest backup ({backups[0].describe()})? The damaged file "
                 "is kept beside it."), QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            return None
        try:
            lock = WorkspaceLock(path).acquire()  # no other program opens it meanwhile
            try:
                restore_backup(backups[0].path, path)
            finally:
                lock.release()
            return open_workspace(path, is_default)
        except WorkspaceError as exc:
            QMessageBox.critical(parent, "Fact Review", rich(exc))
            return None
    except WorkspaceError as exc:
        QMessageBox.critical(parent, "Fact Review", rich(exc))
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
