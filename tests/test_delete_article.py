"""Deleting an article: gone from every list, count, search, statistic and export; logged
with all it takes to put it back, and put back under its own ids by undo, History ▸
Revert and `fact-review revert`."""
import json
import re
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from db.engine import WorkspaceError, make_engine, migrate
from db.store import Store
from app.cli import main
from app.importing import import_paths
from tests import review_fixture
from tests.conftest import answer_dialog, back_in, open_window

FIRST = review_fixture.ARTICLES[0]["title"]
SECOND = review_fixture.ARTICLES[1]["title"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def everything(store, article_id):
    """The article and its facts as stored, to the last column: what must come back."""
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        art = raw.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchall()
        facts = raw.execute("SELECT * FROM facts WHERE article_id = ? ORDER BY id", (article_id,)).fetchall()
    return art, facts


def reviewed_workspace(db_path, tmp_path):
    """The two fixture articles with decisions of every kind on the first, then closed."""
    store = Store.open(db_path)
    import_paths(store, [review_fixture.write(tmp_path)])
    aid = store.article_ids()[0]
    facts = store.facts(aid)
    store.decide(facts[0].id, "accept", "lan", status="accepted")
    store.decide(facts[1].id, "reject", "minh", status="rejected", note="sai ngày")
    store.decide(facts[3].id, "edit", "lan", status="edited", changes={"value": "8901"})
    store.decide(facts[4].id, "flag", "lan", status="flagged")
    from facts.model import validate_fact

    text = store.article(aid).text
    s = text.index("chương trình")
    store.add_fact(aid, validate_fact({"kind": "organization", "start": s, "end": s + 12,
                                       "text": text[s:s + 12], "value": "chương trình",
                                       "extractor": "manual"}), "lan", note="thêm")
    store.close()
    return aid


def search(store, words):
    return store.article_ids(search=words)


# -- the command line ------------------------------------------------------------------------------
def test_cli_delete_then_revert_brings_it_back_identical(capsys, db_path, tmp_path):
    aid = reviewed_workspace(db_path, tmp_path)
    store = Store.open(db_path, lock=False)
    before = everything(store, aid)
    n_facts = len(before[1])
    store.close()
    db = ("--db", str(db_path))

    code, out, err = run(capsys, *db, "delete", str(aid))
    assert code == 0, err
    assert f"Deleted article {aid}" in out and FIRST in out and f"{n_facts} facts" in out
    (event,) = map(int, re.findall(r"fact-review --db \S+ revert (\d+)", out))

    code, out, _ = run(capsys, *db, "articles")
    assert FIRST not in out and SECOND in out and len(out.splitlines()) == 2
    code, out, _ = run(capsys, *db, "articles", "--search", "đào tạo")
    assert FIRST not in out
    code, out, _ = run(capsys, *db, "export", "--format", "jsonl")
    assert [json.loads(line)["title"] for line in out.splitlines()] == [SECOND]
    code, out, _ = run(capsys, *db, "export", "--format", "csv", "--all-statuses")
    assert "Bộ Y tế đào tạo" not in out and "Hà Nội tiêm chủng" in out
    code, out, _ = run(capsys, *db, "stats")
    assert "articles   1" in out and "facts      5" in out
    code, out, _ = run(capsys, *db, "log", "--limit", "1")
    assert f"{event:>7}" in out and "delete" in out and "deleted" in out

    store = Store.open(db_path, lock=False)
    assert store.article(aid) is None and store.facts(aid) == []
    assert search(store, "đào tạo") == [] and store.pending_total() == 5
    store.close()

    code, out, err = run(capsys, *db, "revert", str(event))
    assert code == 0, err
    assert f"Article {aid}" in out and "back" in out
    store = Store.open(db_path, lock=False)
    assert everything(store, aid) == before  # same ids, statuses, reviewers, times, edits
    assert search(store, "đào tạo") == [aid]
    assert store.stats().articles == 2
    assert store.review_log(limit=1)[0].action == "revert"
    store.close()
    code, out, _ = run(capsys, *db, "articles")
    assert FIRST in out and SECOND in out


def test_cli_deletes_several_and_each_reverts_alone(capsys, db_path, tmp_path):
    store = Store.open(db_path)
    import_paths(store, [review_fixture.write(tmp_path)])
    ids = store.article_ids()
    store.close()
    code, out, _ = run(capsys, "--db", str(db_path), "delete", *map(str, ids))
    assert code == 0 and out.count("Deleted article") == 2
    events = list(map(int, re.findall(r"revert (\d+)", out)))
    assert len(events) == 2
    code, out, _ = run(capsys, "--db", str(db_path), "stats")
    assert "articles   0" in out
    run(capsys, "--db", str(db_path), "revert", str(events[1]))
    store = Store.open(db_path, lock=False)
    assert store.article_ids() == [ids[1]]
    store.close()


def test_cli_unknown_article_deletes_nothing(capsys, db_path, tmp_path):
    store = Store.open(db_path)
    import_paths(store, [review_fixture.write(tmp_path)])
    first = store.article_ids()[0]
    store.close()
    code, out, err = run(capsys, "--db", str(db_path), "delete", str(first), "999")
    assert code == 2 and "999" in err and "Traceback" not in err
    store = Store.open(db_path, lock=False)
    assert store.article_count() == 2  # all or nothing
    store.close()


def test_cli_revert_of_a_deletion_twice_is_refused(capsys, db_path, tmp_path):
    store = Store.open(db_path)
    import_paths(store, [review_fixture.write(tmp_path)])
    aid = store.article_ids()[0]
    event = store.delete_article(aid, "lan").event_id
    store.revert_one(event, "lan")
    store.close()
    code, _, err = run(capsys, "--db", str(db_path), "revert", str(event))
    assert code == 2 and "already in the workspace" in err and "Traceback" not in err


# -- ids are never reused ------------------------------------------------------------------------------
def test_a_deleted_articles_id_goes_to_no_other_article(store, tmp_path):
    import_paths(store, [review_fixture.write(tmp_path)])
    last = store.article_ids()[-1]
    fact_ids = [f.id for f in store.facts(last)]
    change = store.delete_article(last, "lan")
    other = tmp_path / "other.txt"
    other.write_text("Một bài khác về Bộ Y tế.", encoding="utf-8")
    import_paths(store, [other])
    new = max(store.article_ids())
    assert new > last
    store.revert_one(change.event_id, "lan")
    assert last in store.article_ids() and [f.id for f in store.facts(last)] == fact_ids


def test_reverting_a_decision_on_a_deleted_article_says_why(store, tmp_path):
    import_paths(store, [review_fixture.write(tmp_path)])
    aid = store.article_ids()[0]
    f = store.facts(aid)[0]
    accepted = store.decide(f.id, "accept", "lan", status="accepted")
    store.delete_article(aid, "lan")
    with pytest.raises(WorkspaceError, match="deleted"):
        store.revert_one(accepted.event_id, "lan")
    assert store.article(aid) is None


def test_the_same_text_imported_again_is_not_duplicated_by_a_revert(store, tmp_path):
    path = review_fixture.write(tmp_path)
    import_paths(store, [path])
    aid = store.article_ids()[0]
    change = store.delete_article(aid, "lan")
    import_paths(store, [path])  # the first article comes in again, under a new id
    assert store.article_count() == 2
    with pytest.raises(WorkspaceError, match="imported again"):
        store.revert_one(change.event_id, "lan")
    assert store.article_count() == 2 and store.article(aid) is None


@pytest.mark.parametrize("start", ["0005", "0006"])
def test_migration_keeps_articles_facts_and_search(db_path, start):
    engine = make_engine(db_path)
    migrate(engine, db_path, target=start)
    with engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        for i in (1, 2, 3):
            raw.execute("INSERT INTO articles (id, uid, origin, text, content, title, content_hash, "
                        "imported_at, n_facts, n_pending) VALUES (?, ?, 'a.txt', ?, '[[0, 7]]', ?, ?, "
                        "'2025-01-01 00:00:00.000000', 1, 1)",
                        (i, f"a{i}", f"Bộ Y tế số {i}", f"Hà Nội {i}", f"h{i}"))
            raw.execute("INSERT INTO facts (article_id, kind, start, \"end\", text, value, confidence, "
                        "extractor, status) VALUES (?, 'organization', 0, 7, 'Bộ Y tế', 'Bộ Y tế', 1.0, "
                        "'x', 'pending')", (i,))
    engine.dispose()
    store = Store.open(db_path)
    assert store.article_ids() == [1, 2, 3]
    assert [len(store.facts(i)) for i in (1, 2, 3)] == [1, 1, 1]
    assert store.article_ids(search="ha noi") == [1, 2, 3]
    # The highest article deleted at once: its id is still never given to another.
    store.delete_article(3, "lan")
    assert store.article_ids(search="ha noi") == [1, 2]
    with store.writer() as w:
        from facts.model import ArticleIn

        new = w.add_article(ArticleIn(uid="n", origin="n.txt", text="Hà Nội mới", title="Hà Nội mới"))
    assert new == 4 and store.article_ids(search="ha noi") == [1, 2, 4]
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        triggers = raw.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                               "AND tbl_name = 'articles' AND name LIKE 'articles_fts%'").fetchone()[0]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "AUTOINCREMENT" in sql and triggers == 6
    store.close()
    assert sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- the window ----------------------------------------------------------------------------------------
@pytest.fixture
def ws(store, tmp_path):
    import_paths(store, [review_fixture.write(tmp_path)])
    return store


@pytest.fixture(autouse=True)
def no_modal(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def win(qtbot, ws, tmp_path):
    return open_window(qtbot, ws, tmp_path)


def press(qtbot, k, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), k, mod)


def delete_answering(qtbot, win, key, asked=None):
    answer_dialog(qtbot, key, seen=asked)
    press(qtbot, Qt.Key_Delete, Qt.ControlModifier)
    back_in(qtbot, win)


def listed(win):
    return list(win.article_model.ids)


def test_window_delete_asks_then_undo_and_redo(qtbot, win, ws):
    first, second = ws.article_ids()
    win.select_fact(ws.facts(first)[0].id)
    press(qtbot, Qt.Key_A)  # a decision on it: it comes back too
    before = everything(ws, first)
    assert win.article.id == first

    asked = []
    delete_answering(qtbot, win, Qt.Key_Escape, asked)  # Esc keeps it
    assert "Delete the article" in asked[0] and FIRST in asked[0] and "10 facts" in asked[0]
    assert ws.article(first) is not None and listed(win) == [first, second]

    delete_answering(qtbot, win, Qt.Key_Return)  # Enter deletes
    assert ws.article(first) is None and ws.facts(first) == []
    assert listed(win) == [second] and win.article.id == second  # the next one opens
    assert "Deleted" in win.status_saved.text() and "Ctrl+Z" in win.status_saved.text()
    assert FIRST in win.status_saved.text()
    assert win.status_position.text().endswith("of 1") and "5 facts left" in win.status_left.text()
    event = ws.review_log(limit=1)[0]
    assert event.action == "delete" and event.article_id == first and event.fact_id is None

    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert everything(ws, first) == before
    assert listed(win) == [first, second] and win.article.id == first
    assert "Undid: deletion of" in win.status_saved.text()
    assert ws.article_ids(search="đào tạo") == [first]

    press(qtbot, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert ws.article(first) is None and listed(win) == [second] and win.article.id == second
    assert "Redid: deletion of" in win.status_saved.text()

    press(qtbot, Qt.Key_H)  # the history shows the deletion and its undo and redo
    from desktop.history import EventRole, HistoryDialog

    dialog = win.findChild(HistoryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.only_fact.setChecked(False)  # every decision, not only the selected fact's
    dialog.table.setFocus()
    rows = [dialog.model.index(r, 0).data(EventRole) for r in range(dialog.model.rowCount())]
    assert [e.action for e in rows[:3]] == ["redo", "undo", "delete"]
    texts = [dialog.model.index(r, 3).data() for r in range(3)]
    assert all(FIRST in t for t in texts), texts
    assert dialog.model.index(2, 4).data() == "in the workspace"
    assert dialog.model.index(2, 5).data() == "deleted"
    # History ▸ Revert of the redo (which deleted it again) puts it back.
    qtbot.keyClick(dialog.table, Qt.Key_Tab)
    qtbot.keyClick(dialog.revert_button, Qt.Key_Return)
    assert everything(ws, first) == before and win.article.id == first
    qtbot.keyClick(dialog.table, Qt.Key_Escape)
    back_in(qtbot, win)


def test_window_delete_of_the_last_article_leaves_the_empty_state(qtbot, win, ws):
    first, second = ws.article_ids()
    delete_answering(qtbot, win, Qt.Key_Return)
    delete_answering(qtbot, win, Qt.Key_Return)
    assert ws.article_count() == 0 and win.article is None and listed(win) == []
    assert "No articles yet" in win.view.text.toPlainText()
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert ws.article_ids() == [second] and win.article.id == second
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert ws.article_ids() == [first, second] and win.article.id == first


def test_window_delete_under_a_search_and_its_undo(qtbot, win, ws):
    first, second = ws.article_ids()
    win.articles.search.setText("tiêm chủng")
    win.articles._emit_filter()
    qtbot.waitUntil(lambda: listed(win) == [second])
    delete_answering(qtbot, win, Qt.Key_Return)
    assert listed(win) == [] and win.article is None
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert win.article.id == second and second in listed(win)


def test_window_delete_is_refused_while_the_edit_form_is_open(qtbot, win, ws):
    press(qtbot, Qt.Key_E)
    assert win.facts.form.isVisible()
    win.actions["delete_article"].trigger()  # no question: it would block here
    assert ws.article_count() == 2 and "edit" in win.status_hint.text()
    win.facts.form.cancel()
