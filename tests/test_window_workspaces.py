"""Opening workspaces from the window: nothing is created unasked, unread articles are
offered, and a workspace that cannot be written says so instead of a traceback."""
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from db.store import Store
from app.importing import import_paths
from tests.conftest import SEEDS, answer_dialog, open_window
from tests.reliability import scenarios_workspace as audit


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


def test_a_missing_workspace_is_offered_not_made(qtbot, tmp_path):
    from desktop.app import open_or_explain

    path = tmp_path / "typo.sqlite"
    seen = []
    answer_dialog(qtbot, Qt.Key_Escape, seen)
    assert open_or_explain(path, is_default=False) is None
    assert "There is no workspace at" in seen[0] and not path.exists()
    answer_dialog(qtbot, Qt.Key_Y, seen)  # the button's letter
    store = open_or_explain(path, is_default=False)
    assert store is not None and path.exists() and store.article_count() == 0
    store.close()


def test_open_recent_of_a_deleted_workspace_does_not_recreate_it(qtbot, store, settings, tmp_path):
    gone = tmp_path / "gone.sqlite"
    Store.open(gone).close()
    gone.unlink()
    w = open_window(qtbot, store, None, settings=settings)
    seen = []
    answer_dialog(qtbot, Qt.Key_Return, seen)
    w.switch_workspace(gone)
    assert "There is no workspace at" in seen[0]
    assert not gone.exists() and w.workspace.store is store


def test_file_new_creates_one(qtbot, store, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    new = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    w = open_window(qtbot, store, None, settings=settings)
    w.actions["new"].trigger()
    assert new.exists() and w.workspace.path == new
    w.workspace.close()


def test_articles_not_yet_extracted_are_offered(qtbot, store, settings):
    import_paths(store, sorted(SEEDS.glob("*.txt")))  # as an import stopped before extraction
    w = open_window(qtbot, store, None, settings=settings)
    button = w.status_unextracted
    assert button.isVisible() and button.text().startswith("5 articles not yet extracted")
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=60000)
    assert sum(len(store.facts(a)) for a in store.article_ids()) > 0
    assert store.count_to_extract(__import__("app.extracting", fromlist=["x"]).current_tag(store)) == 0


def test_a_read_only_workspace_says_so_at_start(qtbot, tmp_path):
    from desktop.app import open_or_explain

    try:
        with audit.small_disk(tmp_path) as mnt:
            ws = mnt / "ws.sqlite"
            s = Store.open(ws)
            import_paths(s, sorted(SEEDS.glob("*.txt"))[:1])
            s.close()
            import subprocess

            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            seen = []
            answer_dialog(qtbot, Qt.Key_Return, seen)
            assert open_or_explain(ws, is_default=False) is None
            assert "cannot be opened for writing" in seen[0] and "read-only" in seen[0]
    except audit.NotMountable as exc:
        pytest.skip(f"needs a tmpfs mount (run as root): {exc}")


def test_a_backup_that_cannot_be_written_is_a_hint(qtbot, store, settings, monkeypatch):
    import desktop.main_window as mw

    import_paths(store, sorted(SEEDS.glob("*.txt"))[:1])
    (Path(store.path).parent / "backups").write_text("not a folder")
    monkeypatch.setattr(mw, "BACKUP_DELAY_MS", 10)
    w = open_window(qtbot, store, None, settings=settings)
    qtbot.waitUntil(lambda: "Backup failed" in w.status_hint.text(), timeout=5000)
    assert "no backup of" in w.status_hint.text()
    assert QApplication.activeModalWidget() is None
