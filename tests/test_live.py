"""Two reviewers' windows on one workspace: each sees the other's decisions within two seconds
(on PostgreSQL woken by the server, on SQLite by reading the log every second), without losing
its place."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.live import LiveLog
from app.workspace import Workspace
from db.engine import location
from tests import seed_facts

pytest_plugins = ["tests.pg.plugin"]


@pytest.fixture
def team(workspace_at, engine_name):
    """lan and binh: on a server each with a connection of their own; on SQLite, where one
    program writes the file, that program's store under each one's name."""
    lan = Workspace.open(location(workspace_at), reviewer="lan", create=True)
    seed_facts.load(lan.store)
    binh = (Workspace(lan.store, "binh") if engine_name == "sqlite"
            else Workspace.open(location(workspace_at), reviewer="binh"))
    yield lan, binh
    for ws in {id(w.store): w for w in (lan, binh)}.values():
        ws.close()


def window(qtbot, ws, tmp_path, name):
    from desktop.main_window import MainWindow
    from desktop.tasks import FakeThreadPool

    w = MainWindow(ws, QSettings(str(tmp_path / f"{name}.ini"), QSettings.IniFormat), pool=FakeThreadPool())
    w.show()
    qtbot.waitExposed(w)
    return w


def close(*windows):
    for w in windows:
        w.close()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_decision_in_one_window_shows_in_the_other_within_two_seconds(qtbot, team, tmp_path):
    lan_ws, binh_ws = team
    lan, binh = window(qtbot, lan_ws, tmp_path, "lan"), window(qtbot, binh_ws, tmp_path, "binh")
    try:
        article = lan.article.id
        binh.open_article(article)
        facts = lan.facts.visible_facts()
        mine, theirs = facts[0], facts[3]
        lan.select_fact(mine.id)
        left = lan_ws.pending_total()

        binh.select_fact(theirs.id)
        binh.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is binh, timeout=3000)
        qtbot.keyClick(QApplication.focusWidget() or binh.facts.table, Qt.Key_R)
        assert binh_ws.fact(theirs.id).status == "rejected"
        began = time.monotonic()

        def shown():
            row = lan.facts.model.row_of(theirs.id)
            return lan.facts.model.facts[row].status == "rejected"
        qtbot.waitUntil(shown, timeout=2000)
        took = time.monotonic() - began
        assert took < 2.0
        assert lan.facts.current_fact().id == mine.id  # lan's place is kept
        assert lan.article.id == article
        qtbot.waitUntil(lambda: f"{left - 1:,} facts left" in lan.status_left.text(), timeout=2000)
        assert "1 decision" in lan.status_hint.text() and "reviewer" in lan.status_hint.text()
        # and lan's decision on the fact binh changed goes through: lan has seen it as it is now
        lan.select_fact(theirs.id)
        lan.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is lan, timeout=3000)
        qtbot.keyClick(QApplication.focusWidget() or lan.facts.table, Qt.Key_A)
        qtbot.waitUntil(lambda: lan_ws.fact(theirs.id).status == "accepted", timeout=2000)
        assert "✗" not in lan.status_saved.text()
    finally:
        close(lan, binh)


def test_an_article_deleted_by_another_reviewer_leaves_the_list(qtbot, team, tmp_path):
    lan_ws, binh_ws = team
    lan = window(qtbot, lan_ws, tmp_path, "lan")
    try:
        first = lan.article.id
        gone = [a for a in lan.article_model.ids if a != first][0]
        binh_ws.delete_articles([gone])
        qtbot.waitUntil(lambda: gone not in lan.article_model.ids, timeout=2000)
        assert lan.article.id == first
    finally:
        close(lan)


def test_the_log_reader_sees_each_entry_once_and_not_its_own(team):
    lan, binh = team
    log = LiveLog(lan)
    assert not log.read()  # starts at the end: what is there is already shown
    article = lan.article_ids()[0]
    a, b = lan.facts(article)[:2]
    mine = lan.decide([a.id], "accept")
    log.mine(mine.events)
    binh.facts(article)
    theirs = binh.decide([b.id], "reject")
    got = log.read()
    assert got.events == theirs.events
    assert [f.id for f in got.facts] == [b.id] and got.facts[0].status == "rejected"
    assert not log.read()
    # a fact binh changed is shown to lan as it is now: lan's decision on it is not refused
    assert lan.decide([b.id], "accept").facts[0].status == "accepted"


def test_undo_never_puts_back_a_fact_over_another_reviewers_later_decision(qtbot, team, tmp_path,
                                                                             monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    lan_ws, binh_ws = team
    lan = window(qtbot, lan_ws, tmp_path, "lan")
    lan.live.stop()  # binh's decision not on lan's screen yet: the undo is what meets it
    try:
        lan.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is lan, timeout=3000)
        fact = lan.facts.current_fact()
        qtbot.keyClick(QApplication.focusWidget() or lan.facts.table, Qt.Key_A)
        assert lan_ws.fact(fact.id).status == "accepted"
        binh_ws.facts(fact.article_id)
        binh_ws.decide([fact.id], "reject")
        qtbot.keyClick(QApplication.focusWidget() or lan.facts.table, Qt.Key_Z, Qt.ControlModifier)
        qtbot.waitUntil(lambda: lan.status_saved.text().startswith("✗"), timeout=2000)
        assert "binh changed" in lan.status_saved.text() and warned
        assert lan_ws.fact(fact.id).status == "rejected"  # binh's decision stands
        row = lan.facts.model.row_of(fact.id)
        assert lan.facts.model.facts[row].status == "rejected"  # and lan sees it
        # lan's own undo of lan's own decision, with no one in between, still goes through
        other = lan.facts.visible_facts()[1]
        lan.select_fact(other.id)
        qtbot.keyClick(QApplication.focusWidget() or lan.facts.table, Qt.Key_A)
        qtbot.keyClick(QApplication.focusWidget() or lan.facts.table, Qt.Key_Z, Qt.ControlModifier)
        qtbot.waitUntil(lambda: lan_ws.fact(other.id).status == "pending", timeout=2000)
    finally:
        close(lan)


def test_a_server_workspace_is_remembered_without_its_password_and_reopened_from_recent(qtbot, tmp_path, pg_url):
    from urllib.parse import urlsplit

    from db.engine import ServerURL

    assert ServerURL("postgresql+psycopg://lan:s3cret@db/news").without_password() == \
        "postgresql+psycopg://lan@db/news"
    ws = Workspace.open(location(pg_url), reviewer="lan", create=True)
    seed_facts.load(ws.store)
    w = window(qtbot, ws, tmp_path, "lan")
    try:
        remembered = w.prefs.recent[0]
        assert urlsplit(remembered).password is None and "***" not in remembered
        w.recent_menu.actions()[0].trigger()  # File ▸ Open Recent: it is the one open: stays
        assert w.workspace is ws
        w.switch_workspace(location(remembered), closed=False)  # reopened by what was remembered
        assert w.workspace.path == location(pg_url) or str(w.workspace.path) == remembered
    finally:
        w.workspace.close()
        close(w)
