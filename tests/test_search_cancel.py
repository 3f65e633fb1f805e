"""A search superseded by a newer one stops where it is (db.search.interruptible), and the
window drops it; the Statistics window shows at once and draws its figures when read."""
import pytest

from app.workspace import SearchCancelled, Workspace
from db.store import Store
from facts.model import ArticleIn

pytest_plugins = ["tests.pg.plugin"]


def _fill(store: Store, n: int = 400) -> None:
    words = " ".join(f"Hà Nội từ {i} đường phố" for i in range(200))
    with store.writer() as w:
        for i in range(n):
            w.add_article(ArticleIn.model_construct(
                uid=f"a{i}", origin="t", text=f"Bài {i}. {words}", title=f"Tin {i} Hà Nội",
                published=None, source=None, author=None, url=None, content=[], facts=[], reviews=[]))


def test_a_cancelled_search_stops_inside_its_query(workspace_at, engine_name):
    from db.engine import location

    ws = Workspace.open(location(workspace_at), reviewer="lan", create=True)
    try:
        _fill(ws.store)
        whole = ws.article_ids(search="ha noi")
        assert len(whole) == 400
        with pytest.raises(SearchCancelled):
            ws.article_ids(search="ha noi", cancelled=lambda: True)
        if engine_name == "sqlite":
            asked = []

            def cancelled():  # false at first, then true: stopped by the progress handler
                asked.append(1)
                return len(asked) > 1

            with pytest.raises(SearchCancelled):
                ws.article_ids(search="ha noi", cancelled=cancelled)
            assert len(asked) >= 2  # asked inside the statement, which stopped there
        else:  # a statement running on the server is cancelled there, not waited for
            import time

            from sqlalchemy import text

            from db.search import interruptible

            t0 = time.monotonic()
            with ws.store.engine.connect() as conn, pytest.raises(SearchCancelled):
                with interruptible(conn, lambda: time.monotonic() - t0 > 0.2):
                    conn.execute(text("SELECT pg_sleep(20)"))
            assert time.monotonic() - t0 < 5
        # the connection is usable afterwards, and without `cancelled` nothing changes
        assert ws.article_ids(search="ha noi") == whole
        assert ws.article_ids(search="ha noi", cancelled=lambda: False) == whole
    finally:
        ws.close()


class HeldPool:
    """Holds the jobs until run() (a search still running when the next is typed)."""

    def __init__(self):
        self.held = []

    def start(self, runnable) -> None:
        self.held.append(runnable)

    def run(self) -> None:
        while self.held:
            self.held.pop(0).run()


def test_the_window_cancels_a_superseded_search(qtbot, store, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow

    _fill(store, 30)
    pool = HeldPool()
    w = MainWindow(Workspace(store, "lan"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   pool=pool)
    qtbot.addWidget(w)
    pool.run()
    ran = []
    real = store.article_ids

    def article_ids(**kw):
        try:
            out = real(**kw)
        except SearchCancelled:
            ran.append((kw["search"], "stopped"))
            raise
        ran.append((kw["search"], "to the end"))
        return out

    monkeypatch.setattr(store, "article_ids", article_ids)
    errors = []
    monkeypatch.setattr(w, "task_failed", errors.append)
    w.apply_article_filter(False, "tin 1")
    first = w._search_cancel
    w.apply_article_filter(False, "tin 2")
    assert first.is_set() and not w._search_cancel.is_set()
    pool.run()
    assert ran == [("tin 1", "stopped"), ("tin 2", "to the end")] and not errors
    assert w.article_model.ids == real(search="tin 2")


def test_statistics_window_shows_before_its_figures_are_read(qtbot, store, tmp_path):
    from desktop.stats_view import StatsWindow
    from desktop.tasks import TaskRunner
    from desktop.theme import Theme
    from tests import seed_facts

    ws = Workspace(seed_facts.load(store), "lan")
    f = ws.facts(ws.article_ids()[0])[0]
    ws.decide([f.id], "accept", propose=False)
    pool = HeldPool()
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    sw = StatsWindow(ws, Theme(), parent, tasks=TaskRunner(parent, pool))
    assert sw.progress is None and sw.loading.text() == "Counting…"
    pool.run()
    assert sw.progress is not None and sw.loading.isHidden()
    stats = ws.stats()
    assert sum(sum(v for v, _ in segs) for _, segs, _ in sw.progress.rows) == stats.facts
    assert sw.pace.rows[0][0].startswith("lan")

