"""The review window, driven from the keyboard like a reviewer would.

The workspace is the five sample articles with the fixed facts of tests/data/seed_facts.jsonl
(tests/seed_facts.py), imported as a reviewer imports them: what the tests expect is read from
that file, never from what the extractor finds today."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from db.store import Store, StoreWriteError
from desktop.fact_model import FactRole
from app.workspace import Workspace
from desktop.main_window import MainWindow
from desktop.tasks import FakeThreadPool
from tests import seed_facts
from tests.conftest import answer_dialog, back_in


@pytest.fixture
def workspace(store):
    return seed_facts.load(store)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture(autouse=True)
def no_modal(monkeypatch):
    """Message boxes are modal: record them instead of blocking."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def make(qtbot, store, settings):
    w = MainWindow(Workspace(store, "lan"), settings, pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def window(qtbot, workspace, settings):
    return make(qtbot, workspace, settings)


def spans(facts) -> set:
    return {(f.kind, f.start, f.end) for f in facts}


def extracted(text: str) -> set:
    """What the extractor finds in `text` today: a window test asks only that it is what the
    window stored, never what it is."""
    from facts.extract import default_extractor

    return spans(default_extractor().extract(text).facts)


def key(qtbot, w, k, mod=Qt.NoModifier):
    target = QApplication.focusWidget() or w.facts.table
    qtbot.keyClick(target, k, mod)


def current(w):
    return w.facts.current_fact()


def test_first_open_selects_first_pending_fact_outside_text_fields(window, workspace):
    assert window.article.id == workspace.article_ids()[0]
    f = current(window)
    assert f is not None and f.status == "pending"
    assert (f.start, f.text) == (seed_facts.FIRST["start"], seed_facts.FIRST["text"])
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert window.view.selected == f.id
    assert "workspace.sqlite" in window.windowTitle()
    assert f"{seed_facts.FACTS} facts left" in window.status_left.text()


def test_accept_saves_and_moves_to_next_pending(qtbot, window, workspace):
    first = current(window)
    key(qtbot, window, Qt.Key_A)
    saved = workspace.fact(first.id)
    assert saved.status == "accepted" and saved.reviewer == "lan" and saved.reviewed_at
    nxt = current(window)
    assert nxt.id != first.id and nxt.status == "pending"
    assert "Accept saved" in window.status_saved.text()
    assert f"{seed_facts.FACTS - 1} facts left" in window.status_left.text()
    assert workspace.review_log(first.id)[0].action == "accept"


def test_reject_and_navigation_keys(qtbot, window, workspace):
    ids = [f.id for f in window.facts.visible_facts()]
    key(qtbot, window, Qt.Key_J)
    assert current(window).id == ids[1]
    key(qtbot, window, Qt.Key_Down)
    assert current(window).id == ids[2]
    key(qtbot, window, Qt.Key_K)
    key(qtbot, window, Qt.Key_Up)
    assert current(window).id == ids[0]
    key(qtbot, window, Qt.Key_R)
    assert workspace.fact(ids[0]).status == "rejected"
    assert current(window).id == ids[1]


def test_edit_form_validates_and_saves_with_enter(qtbot, window, workspace):
    f = current(window)
    assert (f.kind, f.text, f.value) == ("quantity", "Hơn 8.900", "8900")  # the file's first fact
    key(qtbot, window, Qt.Key_E)
    form = window.facts.form
    assert form.isVisible() and set(form.inputs) == {"value", "unit", "approx"}
    value = form.inputs["value"]
    value.clear()
    qtbot.keyClicks(value, "eight")  # QTest types Latin-1 only
    assert not form.save_button.isEnabled() and form.errors["value"].isVisible()
    assert "not a number" in form.errors["value"].text()
    value.clear()
    qtbot.keyClicks(value, "8901")
    assert form.save_button.isEnabled()
    qtbot.keyClick(value, Qt.Key_Return)
    saved = workspace.fact(f.id)
    assert saved.status == "edited" and saved.value == "8901"
    log = workspace.review_log(f.id)[0]
    assert log.action == "edit" and log.before["value"] == "8900" and log.after["value"] == "8901"
    assert not form.isVisible()


def test_escape_cancels_edit(qtbot, window, workspace):
    f = current(window)
    key(qtbot, window, Qt.Key_Return)
    assert window.facts.form.isVisible()
    qtbot.keyClicks(window.facts.form.inputs["value"], "123")
    qtbot.keyClick(window.facts.form.inputs["value"], Qt.Key_Escape)
    assert not window.facts.form.isVisible()
    assert workspace.fact(f.id).status == "pending"


def test_add_fact_from_selection_with_kind_keys(qtbot, window, workspace):
    text = window.article.text
    start = text.index("8.300.000 Euro")
    cur = window.view.text.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + len("8.300.000 Euro"), QTextCursor.KeepAnchor)
    window.view.text.setTextCursor(cur)
    window.facts.table.setFocus()
    key(qtbot, window, Qt.Key_N)
    form = window.facts.form
    assert form.isVisible() and form.kind.currentData() == "money"  # read by the normalisers
    assert form.values()["value"] == "8.300.000"  # shown the Vietnamese way
    assert form.read_values()[0]["value"] == "8300000" and form.values()["currency"] == "EUR"
    qtbot.keyClick(form.kind, Qt.Key_1)
    assert form.kind.currentData() == "quantity"
    qtbot.keyClick(form.kind, Qt.Key_2)
    assert form.kind.currentData() == "money"
    qtbot.keyClick(form.kind, Qt.Key_Return)
    added = [f for f in workspace.facts(window.article.id) if f.status == "added"]
    assert len(added) == 1 and added[0].value == "8300000" and added[0].fields["currency"] == "EUR"
    assert current(window).id == added[0].id


def test_add_without_selection_explains(qtbot, window):
    key(qtbot, window, Qt.Key_N)
    assert not window.facts.form.isVisible()
    assert "Select the words" in window.status_hint.text()


def test_space_goes_to_next_pending_across_articles(qtbot, window, workspace):
    first_article = window.article.id
    for f in workspace.facts(first_article):
        workspace.decide(f.id, "accept", "lan", status="accepted")
    window.open_article(first_article)
    key(qtbot, window, Qt.Key_Space)
    assert window.article.id != first_article
    assert current(window).status == "pending"


def test_article_keys(qtbot, window, workspace):
    ids = workspace.article_ids()
    key(qtbot, window, Qt.Key_BracketRight)
    assert window.article.id == ids[1]
    key(qtbot, window, Qt.Key_BracketRight)
    key(qtbot, window, Qt.Key_BracketLeft)
    assert window.article.id == ids[1]
    assert "Article 2 of 5" in window.status_position.text()


def test_accept_all_is_one_undo_step(qtbot, window, workspace):
    aid = window.article.id
    above = [f for f in workspace.facts(aid) if f.confidence >= 0.8]
    answer_dialog(qtbot, Qt.Key_Return)  # "Accept N pending facts…?"
    key(qtbot, window, Qt.Key_A, Qt.ShiftModifier)
    back_in(qtbot, window)
    statuses = {f.id: f.status for f in workspace.facts(aid)}
    assert all(statuses[f.id] == "accepted" for f in above)
    assert any(s == "pending" for s in statuses.values())  # the doubtful ones wait
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert all(f.status == "pending" for f in workspace.facts(aid))
    assert workspace.review_log(above[0].id)[0].action == "undo"
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert all(workspace.fact(f.id).status == "accepted" for f in above)


def test_undo_redo_single_decision(qtbot, window, workspace):
    f = current(window)
    key(qtbot, window, Qt.Key_R)
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    restored = workspace.fact(f.id)
    assert restored.status == "pending" and restored.reviewer is None
    assert [e.action for e in workspace.review_log(f.id)] == ["undo", "reject"]
    row = window.facts.model.row_of(f.id)
    assert window.facts.model.facts[row].status == "pending"


def test_undo_of_edit_restores_value(qtbot, window, workspace):
    f = current(window)
    assert window.review.edit(f.id, {"value": "1"})
    window.review.stack.undo()
    assert workspace.fact(f.id).value == f.value and workspace.fact(f.id).status == "pending"


def test_find_focuses_search_and_letters_type(qtbot, window, workspace):
    f = current(window)
    key(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.articles.search
    qtbot.keyClicks(window.articles.search, "Bredenkamp")
    assert workspace.fact(f.id).status == "pending"  # 'a' typed, not an accept
    window.articles._emit_filter()
    assert window.article_model.rowCount() == 1


def test_pending_filter_and_fact_filters(qtbot, window, workspace):
    aid = window.article.id
    for f in workspace.facts(aid):
        workspace.decide(f.id, "accept", "lan", status="accepted")
    window.articles.pending.setChecked(True)
    assert aid not in window.article_model.ids and window.article_model.rowCount() == 4
    window.facts.set_filters("money", None)
    assert {f.kind for f in window.facts.visible_facts()} <= {"money"}


def test_help_overlay(qtbot, window):
    key(qtbot, window, Qt.Key_F1)
    assert window.help.isVisible()
    from desktop.actions import ACTIONS
    from PySide6.QtWidgets import QTextBrowser

    shown = window.help.findChild(QTextBrowser).toPlainText()
    for spec in ACTIONS:
        if spec.keys and spec.in_help:
            assert spec.key_text in shown, spec.id
    assert "Alt+0 … Alt+8" in shown  # one row for the nine kind filters
    window.help.close()
    key(qtbot, window, Qt.Key_Question)
    assert window.help.isVisible()
    window.help.close()


def test_clicking_a_highlight_selects_its_fact(qtbot, window):
    f = window.facts.visible_facts()[5]
    window.view.factClicked.emit(f.id)
    assert current(window).id == f.id


def test_reopen_restores_place(qtbot, workspace, settings, tmp_path):
    w = make(qtbot, workspace, settings)
    w.step_article(1)
    w.step_article(1)
    w.facts.step(1)
    w.facts.step(1)
    fact, article = current(w).id, w.article.id
    w.facts.set_filters(None, "pending")
    w.resize(781, 577)  # inside the offscreen platform's 800×600 screen
    qtbot.waitUntil(lambda: w.size().width() == 781)
    w.splitter.setSizes([180, 330, 255])
    sizes = w.splitter.sizes()
    w.close()
    path = workspace.path
    workspace.close()
    store = Store.open(path)
    w2 = make(qtbot, store, QSettings(settings.fileName(), QSettings.IniFormat))
    assert w2.article.id == article and current(w2).id == fact
    assert w2.facts.filters()["status"] == "pending"
    assert (w2.size().width(), w2.size().height()) == (781, 577) and w2.splitter.sizes() == sizes
    w2.close()
    store.close()


def test_write_failure_is_not_shown_as_saved(qtbot, window, workspace, monkeypatch, no_modal):
    f = current(window)

    def fail(*a, **k):
        raise StoreWriteError("disk I/O error")

    monkeypatch.setattr(workspace, "decide", fail)
    key(qtbot, window, Qt.Key_A)
    assert no_modal and "disk I/O error" in no_modal[0]
    assert "Not saved" in window.status_saved.text()
    assert current(window).id == f.id  # still on it, to retry
    assert window.facts.model.facts[window.facts.model.row_of(f.id)].status == "pending"
    monkeypatch.undo()
    key(qtbot, window, Qt.Key_A)
    assert workspace.fact(f.id).status == "accepted"


def test_import_in_window_reports_bad_files(qtbot, window, workspace, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Bộ Y tế cấp 3 tỷ đồng cho tỉnh Cao Bằng.", encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("{oops", encoding="utf-8")
    window.files.import_paths([str(tmp_path / "in")])
    assert workspace.article_count() == 6
    assert window.article_model.rowCount() == 6
    from desktop.dialogs import ImportErrors
    errs = window.findChildren(ImportErrors)
    assert errs and "bad.json" in errs[0].text.toPlainText() and "line 1" in errs[0].text.toPlainText()
    errs[0].close()
    new = workspace.article_ids()[-1]
    assert workspace.article(new).extracted_with == "rules@1"
    assert spans(workspace.facts(new)) == extracted(workspace.article(new).text) != set()


def test_models_pass_qtmodeltester(qtmodeltester, window):
    qtmodeltester.check(window.article_model)
    qtmodeltester.check(window.facts.model)
    qtmodeltester.check(window.facts.proxy)


def test_fact_role_returns_record(window):
    idx = window.facts.proxy.index(0, 2)
    assert idx.data(FactRole).id == current(window).id


def test_statistics_window(qtbot, window, workspace):
    for f in workspace.facts(window.article.id)[:5]:
        workspace.decide(f.id, "accept", "lan", status="accepted")
    workspace.decide(workspace.facts(window.article.id)[6].id, "reject", "lan", status="rejected")
    key(qtbot, window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    sw = window.stats_window
    assert sw.isVisible()
    assert len(sw.progress.rows) == 8
    assert sw.pace.rows[0][0].startswith("lan")
    worst = sw.by_rule.rows[0]
    assert worst[2].startswith("0%") or worst[1][0][0] <= sw.by_rule.rows[-1][1][0][0]
    sw.grab()  # paints without error
    sw.close()


def test_export_csv_from_window(qtbot, window, workspace, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.export_dialog import ExportDialog

    out = tmp_path / "curated.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportDialog, "exec", lambda self: True)
    key(qtbot, window, Qt.Key_A)
    key(qtbot, window, Qt.Key_E, Qt.ControlModifier)  # the defaults: curated facts
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 2  # header and one fact
    assert "Exported 1 fact to" in window.status_saved.text()

    def only_pending_locations(self):
        for s, box in self.status.items():
            box.setChecked(s == "pending")
        for k, box in self.kind.items():
            box.setChecked(k == "location")
        self.bom.setChecked(False)
        return True

    monkeypatch.setattr(ExportDialog, "exec", only_pending_locations)
    key(qtbot, window, Qt.Key_E, Qt.ControlModifier)
    rows = out.read_text(encoding="utf-8").splitlines()
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(rows) == 1 + sum(1 for f in workspace.facts(1) if f.kind == "location" and f.status == "pending") + sum(
        1 for a in workspace.article_ids()[1:] for f in workspace.facts(a) if f.kind == "location")
    assert all(",location," in r for r in rows[1:])


def test_add_a_fact_without_the_mouse(qtbot, window, workspace):
    """T puts the caret in the article, Shift+arrows select, N adds, Enter saves."""
    key(qtbot, window, Qt.Key_T)
    assert QApplication.focusWidget() is window.view.text
    f = current(window)
    assert (f.start, f.text) == (0, "Hơn 8.900")  # the file's first fact
    for _ in range(4):  # the caret moves; the fact selection does not
        key(qtbot, window, Qt.Key_Right, Qt.ShiftModifier)
    assert current(window).id == f.id
    assert window.view.selected_span() == (0, 3)  # "Hơn " less its trailing space
    key(qtbot, window, Qt.Key_N)
    form = window.facts.form
    assert form.isVisible() and form.span == (0, 3)  # "Hơn" (the space trimmed)
    qtbot.keyClick(form.kind, Qt.Key_6)
    qtbot.keyClick(form.kind, Qt.Key_Return)
    assert any(x.status == "added" and x.text == "Hơn" for x in workspace.facts(window.article.id))
    key(qtbot, window, Qt.Key_T)
    key(qtbot, window, Qt.Key_Escape)
    assert QApplication.focusWidget() is window.facts.table


def test_extract_from_the_window(qtbot, window, workspace, tmp_path):
    from app.extracting import current_tag
    from app.importing import import_paths

    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a.txt").write_text("Bộ Y tế cấp 5 tỷ đồng cho tỉnh Sơn La.", encoding="utf-8")
    import_paths(workspace, [tmp_path / "new"])
    new = workspace.article_ids()[-1]
    assert workspace.facts(new) == []
    unread = workspace.count_to_extract(current_tag(workspace))  # the new one and the fixed five
    window.actions["extract"].trigger()
    assert spans(workspace.facts(new)) == extracted(workspace.article(new).text) != set()
    assert f"{unread} articles" in window.status_saved.text()
    assert workspace.count_to_extract(current_tag(workspace)) == 0


def test_damaged_workspace_offers_the_backup(qtbot, seeded_store, monkeypatch):
    from desktop.app import open_or_explain

    seeded_store.backup_if_changed()
    path = seeded_store.path
    seeded_store.close()
    path.write_bytes(b"garbage" * 1000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    store = open_or_explain(path, is_default=False)
    assert asked and "not a Fact Review workspace" in asked[0] and "Restore the latest backup" in asked[0]
    assert store is not None and store.article_count() == 5
    store.close()
    kept = list(path.parent.glob("workspace-before-restore-*.sqlite"))
    assert kept and kept[0].read_bytes().startswith(b"garbage")


def test_a_changed_workspace_is_backed_up_after_opening(qtbot, workspace, settings, monkeypatch):
    import desktop.main_window as mw
    from db.safety import list_backup_files

    monkeypatch.setattr(mw, "BACKUP_DELAY_MS", 10)
    assert list_backup_files(workspace.path) == []
    w = make(qtbot, workspace, settings)
    qtbot.waitUntil(lambda: len(list_backup_files(workspace.path)) == 1, timeout=3000)
    assert "Backup made" in w.status_hint.text()
    w.close()
