"""The review log lets a user see and revert any earlier decision, after a restart too.

The workspaces are the sample articles with the fixed facts of tests/data/seed_facts.jsonl
(tests/seed_facts.py): nothing here depends on what the extractor finds today."""
import pytest
from PySide6.QtCore import QSettings

from db.store import Store
from desktop.history import HistoryDialog
from app.workspace import Workspace
from desktop.main_window import MainWindow
from desktop.tasks import FakeThreadPool
from app.cli import main
from facts.model import validate_fact
from tests import seed_facts


@pytest.fixture
def fixed_store(store):
    """The sample articles with their fixed pending facts."""
    return seed_facts.load(store)


def decided(store):
    aid = store.article_ids()[0]
    facts = store.facts(aid)
    store.decide(facts[0].id, "accept", "lan", status="accepted")
    store.decide(facts[1].id, "edit", "lan", status="edited", changes={"value": "9999"})
    added = store.add_fact(aid, validate_fact({"kind": "organization", "start": 0, "end": 3,
                                               "text": "Hơn", "value": "Hơn"}), "lan")
    return facts[0], facts[1], added


def reopen(store):
    path = store.path
    store.close()
    return Store.open(path)


def test_revert_any_decision_after_restart(fixed_store):
    accepted, edited, added = decided(fixed_store)
    store = reopen(fixed_store)
    log = {e.fact_id: e for e in store.review_log()}
    change = store.revert_one(log[edited.id].id, "an")
    assert change.what == "changed" and change.fact.value == edited.value
    assert store.fact(edited.id).status == "pending"
    removed = store.revert_one(log[added.id].id, "an")
    assert removed.what == "removed" and removed.fact is None and store.fact(added.id) is None
    removal = store.review_log(added.id)[0]
    assert removal.action == "revert"
    back = store.revert_one(removal.id, "an").fact  # reverting the revert brings the fact back
    assert back.text == "Hơn" and back.status == "added"
    store.close()


def test_log_and_revert_commands(fixed_store, capsys):
    accepted, _, _ = decided(fixed_store)
    path = fixed_store.path
    fixed_store.close()
    assert main(["--db", str(path), "log", "--fact", str(accepted.id)]) == 0
    out = capsys.readouterr().out
    event_id = int(out.split()[0])
    assert "accept" in out and "pending → accepted" in out
    assert main(["--db", str(path), "--reviewer", "an", "revert", str(event_id)]) == 0
    assert "back to pending" in capsys.readouterr().out
    store = Store.open(path)
    assert store.fact(accepted.id).status == "pending"
    assert store.review_log(accepted.id)[0].reviewer == "an"
    store.close()
    assert main(["--db", str(path), "revert", "999999"]) == 2
    assert "no decision 999999" in capsys.readouterr().err


def test_history_dialog_reverts_in_the_window(qtbot, qtmodeltester, fixed_store, tmp_path):
    accepted, _, _ = decided(fixed_store)
    store = reopen(fixed_store)
    w = MainWindow(Workspace(store, "lan"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    w.select_fact(accepted.id)
    w.show_history()
    dialog = w.history
    assert isinstance(dialog, HistoryDialog) and dialog.only_fact.isChecked()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 2).data() == "accept"
    dialog.revert_selected()
    assert store.fact(accepted.id).status == "pending"
    row = w.facts.model.row_of(accepted.id)
    assert w.facts.model.facts[row].status == "pending"
    assert "Revert saved" in w.status_saved.text()
    dialog.only_fact.setChecked(False)
    assert dialog.model.rowCount() >= 4
    dialog.close()
    w.close()
    store.close()


def test_restore_backup_from_the_window(qtbot, fixed_store, tmp_path, monkeypatch):
    from desktop.backups_dialog import BackupsDialog

    fixed_store.backup_if_changed()
    w = MainWindow(Workspace(fixed_store, "lan"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    f = w.facts.current_fact()
    w.accept()
    assert w.workspace.fact(f.id).status == "accepted"
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: True)
    monkeypatch.setattr(BackupsDialog, "chosen", lambda self: self.backups[-1].path)  # the oldest
    w.files.restore_backup()
    assert w.workspace.fact(f.id).status == "pending"
    assert "Backup restored" in w.status_saved.text()
    w.close()
    w.workspace.close()


def test_an_added_fact_undone_never_gives_its_id_to_the_next_fact(store, tmp_path):
    """Add, undo, add another: a revert of the first add's undo must not touch the second."""
    from app.importing import import_paths
    from facts.model import validate_fact
    from tests import review_fixture

    import_paths(store, [review_fixture.write(tmp_path)])
    first, second = store.article_ids()
    a1, a2 = store.article(first), store.article(second)

    def add(article, words):
        s = article.text.index(words)
        return store.add_fact(article.id, validate_fact({
            "kind": "location", "start": s, "end": s + len(words), "text": words, "value": words}), "lan")

    f = add(a1, "cán bộ y tế cơ sở")
    undo = store.revert_one(f.event_id, "lan", "undo")
    g = add(a2, "Ba Đình")
    assert g.id != f.id
    store.revert_one(undo.event_id, "lan", "redo")  # F comes back …
    assert store.fact(g.id).text == "Ba Đình"  # … and G is untouched
    assert [x.text for x in store.facts(first) if x.status == "added"] == ["cán bộ y tế cơ sở"]


def test_undo_of_an_accept_leaves_no_trace_of_an_edit(store, tmp_path):
    """Accept then undo: the fact is pending as the extractor gave it, with no value before
    an edit in the exports (nobody edited it)."""
    from app.importing import import_paths
    from tests import review_fixture

    import_paths(store, [review_fixture.write(tmp_path)])
    f = store.facts(store.article_ids()[0])[3]
    rec = store.decide(f.id, "accept", "lan", status="accepted")
    store.revert_one(rec.event_id, "lan", "undo")
    assert store.fact(f.id).status == "pending" and store.fact(f.id).original is None
    edit = store.decide(f.id, "edit", "lan", status="edited", changes={"value": "9000"})
    assert store.fact(f.id).original["value"] == "8900"
    store.revert_one(edit.event_id, "lan", "undo")
    back = store.fact(f.id)
    assert (back.value, back.status, back.original) == ("8900", "pending", None)


def test_a_damaged_backup_chosen_in_the_window_is_said_and_the_workspace_kept(qtbot, fixed_store,
                                                                                tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.backups_dialog import BackupsDialog

    made = fixed_store.backup_if_changed()
    made.write_bytes(made.read_bytes()[:200])  # cut short
    w = MainWindow(Workspace(fixed_store, "lan"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    f = w.facts.current_fact()
    w.accept()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: True)
    monkeypatch.setattr(BackupsDialog, "chosen", lambda self: made)
    w.files.restore_backup()
    assert warned and "cannot be read" in warned[0] and "left as it is" in warned[0]
    assert w.workspace.fact(f.id).status == "accepted"  # the workspace as it was, open again
    w.close()
    w.workspace.close()
