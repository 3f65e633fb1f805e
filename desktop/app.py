"""Starting the window: the application object, style, settings, the reviewer's name."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from . import settings as prefs_store
from . import i18n
from .backups_dialog import backup_text
from .i18n import tr
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
    name, ok = QInputDialog.getText(parent, tr("Fact Review"), tr("Your name, recorded on every decision:"),
                                    text=default)
    from facts.textio import clean

    name = " ".join(clean(name).split()) if ok else ""  # a name, not control characters
    prefs.reviewer = name or default
    prefs_store.save(settings, prefs)
    return prefs.reviewer


def open_or_explain(path: Path, is_default: bool, reviewer: Optional[str] = None, parent=None):
    """Open the workspace; if it cannot be, say why and offer what can be done."""
    from app.opening import describe_backups, open_workspace, restore
    from app.workspace import CorruptWorkspaceError, NoWorkspaceError, WorkspaceError

    try:
        return open_workspace(path, is_default, reviewer=reviewer)
    except NoWorkspaceError:
        answer = QMessageBox.question(
            parent, tr("Fact Review"), rich(tr("There is no workspace at {path}.\n\nCreate a new, empty one there?").format(path=path)),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return None
        try:
            return open_workspace(path, is_default, reviewer=reviewer, create=True)
        except WorkspaceError as exc:
            QMessageBox.critical(parent, tr("Fact Review"), rich(exc))
            return None
    except CorruptWorkspaceError as exc:
        backups = [b for b in describe_backups(path) if b.readable]
        if not backups:
            QMessageBox.critical(parent, tr("Fact Review"), rich(f"{exc}\n\n" + tr("There is no backup of it.")))
            return None
        answer = QMessageBox.question(
            parent, tr("Fact Review"),
            rich(f"{exc}\n\n" + tr("Restore the latest backup ({backup})? The damaged file is kept beside "
                                    "it.").format(backup=backup_text(backups[0]))),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            return None
        try:
            restore(backups[0].path, path)  # holding the lock: no other program opens it meanwhile
            return open_workspace(path, is_default, reviewer=reviewer)
        except WorkspaceError as exc:
            QMessageBox.critical(parent, tr("Fact Review"), rich(exc))
            return None
    except WorkspaceError as exc:
        QMessageBox.critical(parent, tr("Fact Review"), rich(exc))
        return None


def launch(path: Path, is_default: bool, reviewer: Optional[str] = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Fact Review")
    settings = app_settings()
    i18n.install(prefs_store.load(settings).language, app)  # before any window or question
    # Fusion draws every widget from the palette the window sets (desktop/appearance.py): a
    # dark theme stays dark on a light system, where a platform style keeps colours of its own.
    app.setStyle("Fusion")
    workspace = open_or_explain(path, is_default, reviewer or ask_reviewer(settings))
    if workspace is None:
        return 2
    window = MainWindow(workspace, settings)
    window.show()
    window.comfort.offer_tour()
    code = app.exec()
    while window.successor is not None:  # rebuilt in another language (Preferences)
        window = window.successor
    window.workspace.close()
    return code
