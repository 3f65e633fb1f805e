import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.jsonl"


# The home of whoever runs the tests, read before any test points HOME elsewhere.
REAL_HOME = Path(os.path.expanduser("~"))


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch) -> Path:
    """No test ever sees the user's real workspace, settings, data or cache folder: HOME and
    the XDG folders are a fresh temporary folder of each test's own (returned)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    # The command line answers in English here whatever the machine's locale (tests that
    # want Vietnamese set it: tests/test_cli_language.py).
    monkeypatch.setenv("FACT_REVIEW_LANG", "en")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("FACT_REVIEW_DB", raising=False)
    monkeypatch.setenv("FACT_REVIEW_REVIEWER", "tester")
    return home


@pytest.fixture(autouse=True)
def messages_in_english():
    """The messages of the layers below the window (facts/i18n.py: one language a process) are
    English when a test starts and again when it ends, whatever language a test chose: a
    Vietnamese window or `--lang vi` leaks into no other test."""
    from facts import i18n

    i18n.use("en")
    yield
    i18n.use("en")


def pytest_collection_modifyitems(config, items):
    """The slow tests first (a stable sort): under pytest-xdist they start at once on their
    workers while the many short ones fill the others, rather than beginning last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """A test may end with an edit form open; closing its window then would ask whether to
    save it and wait for an answer. Forms are put away before pytest-qt closes the windows."""
    import sys

    if "desktop.fact_form" in sys.modules:
        from PySide6.QtWidgets import QApplication

        from desktop.fact_form import FactForm

        if QApplication.instance() is not None:
            for top in QApplication.topLevelWidgets():
                for form in top.findChildren(FactForm):
                    form.hide()
    return (yield)


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
    from app.importing import import_paths

    report = import_paths(store, [seed_dir])
    assert report.articles == 5
    return store


def answer_dialog(qtbot, key, seen=None, first=None):
    """Press `key` on the next modal dialog the window opens, as the reviewer would
    (what it said is appended to `seen`)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def press():
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(10, press)
            return
        if seen is not None:
            seen.append(getattr(w, "text", lambda: "")())
        if first is not None:
            first(w)
        qtbot.keyClick(w, key)

    QTimer.singleShot(0, press)


def back_in(qtbot, window):
    """Wait until a dialog has closed and the window has the keys again."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def type_text(qtbot, widget, text: str) -> None:
    """Type as a Vietnamese reviewer does: ASCII by key, every other letter committed by the
    input method (Telex, VNI), which is how Unikey and ibus deliver them."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def open_window(qtbot, store, tmp_path, reviewer: str = "lan", settings=None, active: bool = False):
    """The review window on `store`, shown and activated, its jobs run at once (FakeThreadPool);
    `active`: also wait until it has the keys (for key sequences such as Ctrl+L)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.workspace import Workspace
    from desktop.main_window import MainWindow
    from desktop.tasks import FakeThreadPool

    settings = settings or QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    w = MainWindow(Workspace(store, reviewer), settings, pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    if active:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    return w
