"""The application layer is the one path: the command line and the window make the same calls,
with the same log entries; a revert (undo, History, `fact-review revert`) takes back what the
decision did, its same-name proposals included; the import graph runs one way."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.cli import main
from app.importing import import_paths
from tests.conftest import ROOT, open_window

NAME = "Nguyễn Văn Hải"
ARTICLES = [
    ("Bệnh viện mở khoa mới", f"Ông {NAME} cho biết bệnh viện mở khoa mới vào tháng sau."),
    ("Tiêm chủng ở vùng cao", f"Theo ông {NAME}, 1.200 trẻ em đã được tiêm chủng."),
    ("Hội nghị y tế", f"Tại hội nghị, {NAME} nói về tiêm chủng."),
]


def write_articles(folder: Path, extractor: str = "my-model@1") -> Path:
    """Three articles naming one person; only the first has the name as a (pending) fact, from
    an extractor of the user's own, as README's example imports it."""
    lines = []
    for i, (title, text) in enumerate(ARTICLES):
        facts = []
        if i == 0:
            s = text.index(NAME)
            facts.append({"kind": "person", "start": s, "end": s + len(NAME), "text": NAME,
                          "value": NAME, "extractor": extractor, "confidence": 0.9})
        lines.append(json.dumps({"id": f"a{i}", "title": title, "text": text, "facts": facts},
                                ensure_ascii=False))
    path = folder / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ws(store, tmp_path):
    import_paths(store, [write_articles(tmp_path)])
    return store


def the_name(store):
    return next(f for a in store.article_ids() for f in store.facts(a) if f.text == NAME)


def proposals(store):
    return [f for a in store.article_ids() for f in store.facts(a) if f.extractor == "same-name@1"]


def cli(db, *args) -> int:
    return main(["--db", str(db), "--reviewer", "lan", *args])


def test_facts_lists_ids_and_accept_decides_like_the_window(ws, db_path, tmp_path, qtbot, capsys):
    f = the_name(ws)
    assert cli(db_path, "facts", "--json") == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["id"], x["text"], x["status"]) for x in listed] == [(f.id, NAME, "pending")]

    ws.close()
    assert cli(db_path, "accept", str(f.id)) == 0
    said = capsys.readouterr().out
    assert f"Fact {f.id} accepted" in said and "2 more places" in said
    from db.store import Store

    store = Store.open(db_path)
    try:
        by_cli = store.review_log(f.id)[0]
        assert store.fact(f.id).status == "accepted" and len(proposals(store)) == 2
        # The window's A on one of the proposals: the same call, the same kind of entry.
        other = proposals(store)[0]
        w = open_window(qtbot, store, tmp_path, active=True)
        w.open_article(other.article_id, fact_id=other.id)
        qtbot.keyClick(w.facts.table, Qt.Key_A)
        by_window = store.review_log(other.id)[0]
        assert store.fact(other.id).status == "accepted"
        assert (by_cli.action, by_cli.reviewer, set(by_cli.before), set(by_cli.after)) == (
            by_window.action, by_window.reviewer, set(by_window.before), set(by_window.after))
    finally:
        store.close()


def test_reject_and_unknown_ids_from_the_command_line(ws, db_path, capsys):
    f = the_name(ws)
    ws.close()
    assert cli(db_path, "reject", str(f.id), "999999") == 2
    assert "no fact 999999" in capsys.readouterr().err
    assert cli(db_path, "reject", str(f.id)) == 0
    assert cli(db_path, "facts", "--status", "rejected") == 0
    assert NAME in capsys.readouterr().out


def test_reverting_an_accept_takes_back_its_proposals_everywhere(ws, db_path, capsys):
    """Undo did; History ▸ Revert and `fact-review revert` left them pending."""
    f = the_name(ws)
    ws.close()
    assert cli(db_path, "accept", str(f.id)) == 0
    from db.store import Store

    store = Store.open(db_path, lock=False)
    event = store.review_log(f.id)[0].id
    assert len(proposals(store)) == 2
    store.close()
    capsys.readouterr()
    assert cli(db_path, "revert", str(event)) == 0
    assert "2 other mentions it proposed" in capsys.readouterr().out
    store = Store.open(db_path, lock=False)
    try:
        assert store.fact(f.id).status == "pending" and proposals(store) == []
    finally:
        store.close()


def test_history_revert_in_the_window_takes_back_proposals_and_its_undo_brings_them(qtbot, ws, tmp_path):
    from desktop.history import HistoryDialog

    w = open_window(qtbot, ws, tmp_path, active=True)
    f = the_name(ws)
    w.open_article(f.article_id, fact_id=f.id)
    qtbot.keyClick(w.facts.table, Qt.Key_A)
    assert len(proposals(ws)) == 2
    w.open_article(f.article_id, fact_id=f.id)  # A moved on to the next pending fact
    qtbot.keyClick(w.facts.table, Qt.Key_H)
    dialog = w.findChild(HistoryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.table, Qt.Key_Tab)
    qtbot.keyClick(dialog.revert_button, Qt.Key_Return)
    assert ws.fact(f.id).status == "pending" and proposals(ws) == []
    qtbot.keyClick(dialog.table, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.facts.table, Qt.Key_Z, Qt.ControlModifier)  # the revert undone
    assert ws.fact(f.id).status == "accepted" and len(proposals(ws)) == 2


def test_a_users_own_extractor_keeps_its_facts_through_extraction(ws, db_path, capsys):
    """`my-model@1`, as README imports it: extraction neither removes its pending fact nor
    proposes the same span again on top of it."""
    f = the_name(ws)
    ws.close()
    assert cli(db_path, "extract", "--all") == 0
    from db.store import Store

    store = Store.open(db_path, lock=False)
    try:
        kept = store.fact(f.id)
        assert kept is not None and kept.extractor == "my-model@1" and kept.status == "pending"
        overlapping = [x for x in store.facts(f.article_id)
                       if x.kind == "person" and x.start < f.end and f.start < x.end]
        assert [x.id for x in overlapping] == [f.id]
    finally:
        store.close()


def test_switching_workspaces_closes_the_dialogs_of_the_one_before(qtbot, ws, tmp_path):
    from desktop.history import HistoryDialog

    w = open_window(qtbot, ws, tmp_path)
    w.show_history()
    w.show_stats()
    other = tmp_path / "other.sqlite"
    w.switch_workspace(other, create=True)
    assert w.workspace.path == other
    assert not any(d.isVisible() for d in w.findChildren(HistoryDialog))
    assert w.stats_window is None and w.history is None
    w.workspace.close()


def test_the_import_graph_runs_one_way():
    """window → application → storage → core: import-linter's contracts in pyproject.toml."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    run = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 kept, 0 broken" in run.stdout


def test_each_reviewer_reopens_a_shared_workspace_where_they_stood(ws):
    from app.workspace import ViewState, Workspace

    first, second = ws.article_ids()[:2]
    Workspace(ws, "lan").save_view_state(ViewState(article=first, search="tiêm"))
    Workspace(ws, "binh").save_view_state(ViewState(article=second, pending_only=True))
    assert Workspace(ws, "lan").view_state() == ViewState(article=first, search="tiêm")
    assert Workspace(ws, "binh").view_state() == ViewState(article=second, pending_only=True)
    # a place kept by a version that had one for all is the first place of each reviewer
    ws.set_state("view", {"article": second})
    assert Workspace(ws, "an").view_state().article == second
