import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.jsonl"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test ever sees the user's real workspace, settings or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FACT_REVIEW_DB", raising=False)
    monkeypatch.setenv("FACT_REVIEW_REVIEWER", "tester")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def store(db_path):
    from db.store import Store

    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture
def seeded_store(store, seed_dir):
    from facts.importer import import_paths

    report = import_paths(store, [seed_dir])
    assert report.articles == 5
    return store


def answer_dialog(qtbot, key):
    """Press `key` on the next modal dialog the window opens, as the reviewer would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def press():
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(10, press)
            return
        qtbot.keyClick(w, key)

    QTimer.singleShot(0, press)


def back_in(qtbot, window):
    """Wait until a dialog has closed and the window has the keys again."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
