"""What a reviewer types is read right, nothing happens out of sight, no step needs the mouse.

The workspace comes from a fixed fact file (tests/review_fixture.py), never from the
extractor, and every test drives the real widgets by key and reads the workspace after."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import settings as prefs_store
from desktop.fact_model import COL_VALUE
from app.workspace import Workspace
from desktop.main_window import MainWindow
from desktop.tasks import FakeThreadPool
from app.importing import import_paths
from tests import review_fixture
from tests.conftest import answer_dialog, back_in, type_text


@pytest.fixture
def ws(store, tmp_path):
    import_paths(store, [review_fixture.write(tmp_path)])
    return store


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Modal message boxes are recorded and answered instead of blocking."""
    shown = {"warning": [], "question": [], "answer": QMessageBox.Yes}
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown["warning"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: shown["question"].append(a[2]) or shown["answer"])
    return shown


@pytest.fixture
def win(qtbot, ws, settings):
    w = MainWindow(Workspace(ws, "lan"), settings, pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def press(qtbot, w, k, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w.facts.table, k, mod)


def select(w, text, kind=None):
    f = next(f for f in w.facts.visible_facts() if f.text == text and (kind is None or f.kind == kind))
    w.select_fact(f.id)
    return f


def shown_value(w, fact_id):
    model = w.facts.model
    row = model.row_of(fact_id)
    return model.data(model.index(row, COL_VALUE))


# -- values typed the Vietnamese way -------------------------------------------------------
def test_quantity_typed_with_a_thousands_dot_is_read_as_thousands(qtbot, win, ws):
    f = select(win, "hơn 8.900")
    assert shown_value(win, f.id) == "8.900"  # grouped in the list
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    assert form.inputs["value"].text() == "8.900"  # shown the Vietnamese way, read back the same
    form.inputs["value"].selectAll()
    qtbot.keyClicks(form.inputs["value"], "8.901")
    assert form.readings["value"].text() == "= 8901"  # before Enter saves it
    qtbot.keyClick(form.inputs["value"], Qt.Key_Return)
    assert ws.fact(f.id).value == "8901" and ws.fact(f.id).status == "edited"
    assert shown_value(win, f.id) == "8.901"


@pytest.mark.parametrize("typed,stored", [("1,5", "1.5"), ("8.900", "8900"), ("12000", "12000"),
                                          ("2,8 triệu", "2800000")])
def test_numbers_read_as_the_extractor_reads_them(qtbot, win, ws, typed, stored):
    f = select(win, "63")
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    value.selectAll()
    value.insert(typed)  # what an input method commits
    assert win.facts.form.readings["value"].text() == f"= {stored}"
    qtbot.keyClick(value, Qt.Key_Return)
    assert ws.fact(f.id).value == stored


def test_money_with_a_scale_word_and_grouped_display(qtbot, win, ws):
    f = select(win, "3 tỷ đồng")
    assert shown_value(win, f.id) == "3.000.000.000"
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    assert value.text() == "3.000.000.000"
    value.selectAll()
    value.insert("3,5 tỷ")
    assert win.facts.form.readings["value"].text() == "= 3500000000"
    qtbot.keyClick(value, Qt.Key_Return)
    assert ws.fact(f.id).value == "3500000000"
    assert shown_value(win, f.id) == "3.500.000.000"


@pytest.mark.parametrize("typed", ["06/12/2024", "6-12-2024"])
def test_dates_typed_the_vietnamese_way(qtbot, win, ws, typed):
    f = select(win, "Ngày 06/12/2024")
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    value.selectAll()
    qtbot.keyClicks(value, "2024-01-01")
    value.selectAll()
    qtbot.keyClicks(value, typed)
    assert win.facts.form.readings["value"].text() == "= 2024-12-06"
    qtbot.keyClick(value, Qt.Key_Return)
    assert ws.fact(f.id).value == "2024-12-06"


def test_an_unreadable_value_is_refused_with_its_reason(qtbot, win, ws):
    f = select(win, "63")
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    form.inputs["value"].selectAll()
    qtbot.keyClicks(form.inputs["value"], "1.2.3")
    assert not form.save_button.isEnabled() and "is not a number" in form.errors["value"].text()
    qtbot.keyClick(form.inputs["value"], Qt.Key_Return)
    assert form.isVisible() and ws.fact(f.id).value == "63"


# -- statistics count net decisions -------------------------------------------------------------
def test_statistics_count_net_decisions_not_undo_and_redo(qtbot, win, ws):

    for _ in range(3):
        press(qtbot, win, Qt.Key_A)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    accepted = [f for a in ws.article_ids() for f in ws.facts(a) if f.status == "accepted"]
    assert len(accepted) == 2
    assert len(ws.review_log()) == 6  # the log keeps every step
    [session] = Workspace(ws).report().sessions
    assert session.decisions == 2 and dict(session.by_action) == {"accept": 2}


# -- files -----------------------------------------------------------------------------------
def test_ctrl_i_opens_the_import_dialog_and_imports(qtbot, win, ws, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    f = tmp_path / "bài mới.txt"
    f.write_text("Tin mới\nBệnh viện Bạch Mai tiếp nhận 20 bệnh nhân.", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda parent, *a, **k: asked.append(parent) or ([str(f)], ""))
    before = len(ws.article_ids())
    press(qtbot, win, Qt.Key_I, Qt.ControlModifier)
    assert asked == [win]  # the window is the dialog's parent
    assert len(ws.article_ids()) == before + 1
    assert "1 file imported" in win.status_saved.text()


def test_export_everything_jsonl_from_the_window_is_lossless(qtbot, win, ws, tmp_path, monkeypatch):
    import json

    from PySide6.QtWidgets import QFileDialog

    from desktop.export_dialog import ExportDialog

    press(qtbot, win, Qt.Key_A)
    press(qtbot, win, Qt.Key_R)
    out = tmp_path / "all.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportDialog, "exec", lambda self: True)
    win.actions["export_jsonl"].trigger()
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    exported = sorted(f["status"] for a in lines for f in a["facts"])
    stored = sorted(f.status for a in ws.article_ids() for f in ws.facts(a))
    assert exported == stored and {"pending", "accepted", "rejected"} <= set(exported)


def test_export_reviewed_articles_as_conll_from_the_window(qtbot, win, ws, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.export_dialog import ExportDialog

    second = ws.article_ids()[1]
    win.open_article(second)
    ws.decide_many([f.id for f in ws.facts(second)], "accept", "lan", status="accepted")
    out = tmp_path / "reviewed.conll"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportDialog, "exec", lambda self: self.format.setCurrentIndex(
        self.format.findData("conll")) or True)
    win.actions["export_jsonl"].trigger()
    text = out.read_text(encoding="utf-8")
    assert text.count("-DOCSTART-") == 1  # the first article still has pending facts
    assert "Ba\tI-LOC" in text.replace(" ", "\t") and "Exported 1 article to" in win.status_saved.text()


# -- undo and History put back the same things, in view -----------------------------------------
def change_kind(qtbot, win, kind_index):
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    qtbot.keyClick(form.inputs["value"], Qt.Key_Backtab)  # from the value to the span
    assert QApplication.focusWidget() is form.span_label
    qtbot.keyClick(form.span_label, Qt.Key_Backtab)  # and the kind picker
    assert QApplication.focusWidget() is form.kind
    qtbot.keyClick(form.kind, Qt.Key_0 + kind_index)
    qtbot.keyClick(form.kind, Qt.Key_Return)


def test_undo_after_a_change_of_kind_restores_the_kind(qtbot, win, ws):
    f = select(win, "Nguyễn Văn Hải")
    change_kind(qtbot, win, 6)  # 6 = organisation
    assert ws.fact(f.id).kind == "organization" and ws.fact(f.id).status == "edited"
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert (ws.fact(f.id).kind, ws.fact(f.id).status) == ("person", "pending")
    assert win.facts.current_fact().kind == "person"  # the list shows what is stored


def test_history_revert_restores_what_undo_restores(qtbot, win, ws):
    from desktop.history import HistoryDialog

    f = select(win, "Nguyễn Văn Hải")
    change_kind(qtbot, win, 7)  # location
    press(qtbot, win, Qt.Key_H)
    dialog = win.findChild(HistoryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.table.hasFocus() and dialog.table.currentIndex().row() == 0
    qtbot.keyClick(dialog.table, Qt.Key_Tab)  # Tab reaches Revert, Enter presses it
    assert QApplication.focusWidget() is dialog.revert_button
    qtbot.keyClick(dialog.revert_button, Qt.Key_Return)
    assert (ws.fact(f.id).kind, ws.fact(f.id).status) == ("person", "pending")
    assert win.facts.current_fact().kind == "person"
    qtbot.keyClick(dialog.table, Qt.Key_Escape)
    assert not dialog.isVisible()
    back_in(qtbot, win)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)  # the revert is undoable too
    assert ws.fact(f.id).kind == "location"


def accept_all_answering(qtbot, win, key):
    answer_dialog(qtbot, key)
    press(qtbot, win, Qt.Key_A, Qt.ShiftModifier)
    back_in(qtbot, win)


def test_shift_a_says_how_many_and_esc_cancels(qtbot, win, ws):
    aid = win.article.id
    asked = []
    answer_dialog(qtbot, Qt.Key_Escape, seen=asked)
    press(qtbot, win, Qt.Key_A, Qt.ShiftModifier)
    back_in(qtbot, win)
    assert "Accept 10 pending facts" in asked[0]
    assert all(f.status == "pending" for f in ws.facts(aid))
    accept_all_answering(qtbot, win, Qt.Key_Return)
    assert all(f.status == "accepted" for f in ws.facts(aid))


def test_shift_a_without_asking_when_the_preference_says_so(qtbot, win, ws):
    win.actions["confirm_bulk"].trigger()  # Review ▸ Ask Before Accepting All, unchecked
    assert not win.prefs.confirm_bulk
    aid = win.article.id
    press(qtbot, win, Qt.Key_A, Qt.ShiftModifier)  # no dialog: it would block here
    assert all(f.status == "accepted" for f in ws.facts(aid))


def test_do_not_ask_again_is_remembered_and_the_menu_brings_it_back(qtbot, win, ws):
    def never(box):
        qtbot.keyClick(box.checkBox(), Qt.Key_Space)  # "Do not ask again"

    answer_dialog(qtbot, Qt.Key_Return, first=never)
    press(qtbot, win, Qt.Key_A, Qt.ShiftModifier)
    back_in(qtbot, win)
    assert not prefs_store.load(win.settings).confirm_bulk
    assert not win.actions["confirm_bulk"].isChecked()
    win.actions["confirm_bulk"].trigger()
    assert prefs_store.load(win.settings).confirm_bulk


def test_undo_first_shows_the_article_it_changes_and_says_what_it_did(qtbot, win, ws):
    first = win.article
    accept_all_answering(qtbot, win, Qt.Key_Return)
    press(qtbot, win, Qt.Key_BracketRight)
    assert win.article.id != first.id
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert win.article.id == first.id  # brought back to where undo acts
    assert f"Undid: accept of 10 facts in ‘{first.title}’" in win.status_saved.text()
    assert all(f.status == "pending" for f in ws.facts(first.id))
    press(qtbot, win, Qt.Key_BracketRight)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.article.id == first.id and "Redid: accept of 10 facts" in win.status_saved.text()
    assert all(f.status == "accepted" for f in ws.facts(first.id))


def test_alt_a_accepts_every_identical_pending_mention_as_one_step(qtbot, win, ws):
    f = select(win, "Bộ Y tế", "organization")
    press(qtbot, win, Qt.Key_A, Qt.AltModifier)
    same = [x for a in ws.article_ids() for x in ws.facts(a)
            if x.text == "Bộ Y tế" and x.kind == "organization"]
    assert len(same) == 5 and all(x.status == "accepted" for x in same)  # both articles
    assert "5 mentions of “Bộ Y tế” accepted" in win.status_saved.text()
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)  # one step undoes them all
    assert all(ws.fact(x.id).status == "pending" for x in same)
    assert ws.fact(f.id).status == "pending"


def test_alt_r_rejects_every_identical_pending_mention(qtbot, win, ws):
    select(win, "Bộ Y tế", "organization")
    press(qtbot, win, Qt.Key_R, Qt.AltModifier)
    same = [x for a in ws.article_ids() for x in ws.facts(a) if x.text == "Bộ Y tế"]
    assert {x.status for x in same} == {"rejected"}
    others = [x for a in ws.article_ids() for x in ws.facts(a) if x.text != "Bộ Y tế"]
    assert {x.status for x in others} == {"pending"}


# -- flag for later ---------------------------------------------------------------------------
def test_f_flags_moves_on_and_the_filter_shows_flagged(qtbot, win, ws, tmp_path):
    f = win.facts.current_fact()
    press(qtbot, win, Qt.Key_F)
    assert ws.fact(f.id).status == "flagged"
    assert win.facts.current_fact().id != f.id  # moved on
    win.facts.status_filter.setFocus()
    win.facts.table.setFocus()
    while win.facts.filters()["status"] != "flagged":
        press(qtbot, win, Qt.Key_S)  # the status filter from the keyboard
    assert [x.id for x in win.facts.visible_facts()] == [f.id]
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert ws.fact(f.id).status == "pending"
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert ws.fact(f.id).status == "flagged"


def test_flagged_is_kept_through_export_and_import(qtbot, win, ws, tmp_path):
    from db.store import Store
    from facts.exporter import write_jsonl

    f = win.facts.current_fact()
    press(qtbot, win, Qt.Key_F)
    out = tmp_path / "all.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        write_jsonl(ws.iter_articles(), fh)
    other = Store.open(tmp_path / "other.sqlite")
    try:
        import_paths(other, [out])
        statuses = [x.status for a in other.article_ids() for x in other.facts(a) if x.text == f.text]
        assert "flagged" in statuses
    finally:
        other.close()


# -- the article's own fields: read-only until M, validated, logged, undoable -------------------
def test_a_stray_key_never_changes_the_title_or_date(qtbot, win, ws):
    aid, title = win.article.id, win.article.title
    for edit in win.view.header_edits.values():
        assert edit.isReadOnly() and edit.focusPolicy() == Qt.NoFocus
    press(qtbot, win, Qt.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "xyz")
    assert ws.article(aid).title == title and ws.review_log(article_id=aid) == []


def test_m_corrects_the_date_read_the_vietnamese_way_logged_and_undoable(qtbot, win, ws):
    aid = win.article.id
    press(qtbot, win, Qt.Key_M)
    assert QApplication.focusWidget() is win.view.title and not win.view.title.isReadOnly()
    qtbot.keyClick(win.view.title, Qt.Key_Tab)
    date = win.view.meta["published"]
    assert QApplication.focusWidget() is date
    date.selectAll()
    type_text(qtbot, date, "hôm qua")
    qtbot.keyClick(date, Qt.Key_Return)
    assert "Date not saved" in win.view.meta_error.text() and ws.article(aid).published == "2024-12-06"
    date.selectAll()
    qtbot.keyClicks(date, "7-12-2024")
    qtbot.keyClick(date, Qt.Key_Return)
    assert ws.article(aid).published == "2024-12-07"
    assert date.isReadOnly() and QApplication.focusWidget() is win.facts.table  # back to review
    [event] = ws.review_log(article_id=aid)
    assert (event.action, event.before, event.after) == (
        "correct", {"published": "2024-12-06"}, {"published": "2024-12-07"})
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert ws.article(aid).published == "2024-12-06" and date.text() == "2024-12-06"
    assert "Undid: correction of the date" in win.status_saved.text()


def test_esc_leaves_a_metadata_field_unsaved(qtbot, win, ws):
    aid, title = win.article.id, win.article.title
    win.actions["edit_metadata"].trigger()  # Review ▸ Correct Title, Date, Source and Author
    type_text(qtbot, win.view.title, "Tiêu đề mới")
    qtbot.keyClick(win.view.title, Qt.Key_Escape)
    assert ws.article(aid).title == title and win.view.title.text() == title
    assert win.view.title.isReadOnly()


def test_history_lists_and_reverts_a_title_correction(qtbot, win, ws):
    from desktop.history import HistoryDialog

    aid, title = win.article.id, win.article.title
    press(qtbot, win, Qt.Key_M)
    win.view.title.selectAll()
    type_text(qtbot, win.view.title, "Tiêu đề đã sửa")
    qtbot.keyClick(win.view.title, Qt.Key_Return)
    assert ws.article(aid).title == "Tiêu đề đã sửa"
    press(qtbot, win, Qt.Key_H)
    dialog = win.findChild(HistoryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.only_fact.isChecked()  # it opens on the selected fact's decisions
    qtbot.keyClick(dialog.table, Qt.Key_Backtab)
    assert QApplication.focusWidget() is dialog.only_fact
    qtbot.keyClick(dialog.only_fact, Qt.Key_Space)  # every decision
    assert dialog.model.data(dialog.model.index(0, 3)) == "article title"
    qtbot.keyClick(dialog.only_fact, Qt.Key_Tab)
    qtbot.keyClick(dialog.table, Qt.Key_Tab)
    qtbot.keyClick(dialog.revert_button, Qt.Key_Return)
    assert ws.article(aid).title == title and win.view.title.text() == title


# -- correcting a span from the keyboard ---------------------------------------------------------
def test_shift_arrows_move_the_end_of_a_fact_saved_as_an_edit(qtbot, win, ws):
    f = select(win, "Nguyễn Văn Hải")
    press(qtbot, win, Qt.Key_Right, Qt.ShiftModifier)
    after = ws.fact(f.id)
    assert (after.text, after.status, after.value) == ("Nguyễn Văn Hải, Vụ", "edited", "Nguyễn Văn Hải, Vụ")
    assert win.view.facts[f.id].end == after.end  # shown in the text
    press(qtbot, win, Qt.Key_Left, Qt.ShiftModifier)
    press(qtbot, win, Qt.Key_Left, Qt.ShiftModifier)
    assert ws.fact(f.id).text == "Nguyễn Văn"
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    back = ws.fact(f.id)
    assert (back.text, back.status, back.start, back.end) == ("Nguyễn Văn Hải", "pending", f.start, f.end)


def test_ctrl_shift_arrows_move_the_start_of_a_fact(qtbot, win, ws):
    f = select(win, "hơn 8.900")
    press(qtbot, win, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    after = ws.fact(f.id)
    assert after.text == "8.900" and after.value == "8900" and after.status == "edited"
    press(qtbot, win, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)
    press(qtbot, win, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)
    assert ws.fact(f.id).text == "biết hơn 8.900"


def edit_on_the_span_row(qtbot, win, text):
    """E on the fact, then Shift+Tab from the value to the form's Span row."""
    f = select(win, text)
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    qtbot.keyClick(form.inputs["value"], Qt.Key_Backtab)
    assert QApplication.focusWidget() is form.span_label
    return f, form


def test_the_edit_form_takes_the_same_span_keys(qtbot, win, ws):
    f, form = edit_on_the_span_row(qtbot, win, "Nguyễn Văn Hải")
    qtbot.keyClick(form.span_label, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)
    assert "“Ông Nguyễn Văn Hải”" in form.span_label.text()
    assert ws.fact(f.id).text == "Nguyễn Văn Hải"  # nothing saved before Enter
    qtbot.keyClick(form.span_label, Qt.Key_Return)
    assert (ws.fact(f.id).text, ws.fact(f.id).status) == ("Ông Nguyễn Văn Hải", "edited")


def test_shift_arrows_in_a_text_field_still_select_text(qtbot, win, ws):
    f = select(win, "63")
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    value.setCursorPosition(0)
    qtbot.keyClick(value, Qt.Key_Right, Qt.ShiftModifier)
    assert value.selectedText() == "6" and ws.fact(f.id).text == "63"


# -- every pane and dialog from the keyboard -----------------------------------------------------
def test_kind_and_status_filters_have_keys(qtbot, win, ws):
    press(qtbot, win, Qt.Key_6, Qt.AltModifier)  # organisation, the legend's sixth
    kinds = {f.kind for f in win.facts.visible_facts()}
    assert kinds == {"organization"}
    press(qtbot, win, Qt.Key_0, Qt.AltModifier)
    assert len(win.facts.visible_facts()) == 10
    press(qtbot, win, Qt.Key_S)
    assert win.facts.filters()["status"] == "pending"
    press(qtbot, win, Qt.Key_S, Qt.ShiftModifier)
    assert win.facts.filters()["status"] is None


def test_esc_leaves_the_search_box_for_the_facts(qtbot, win, ws):
    press(qtbot, win, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is win.articles.search
    type_text(qtbot, win.articles.search, "Ba Đình")
    qtbot.keyClick(win.articles.search, Qt.Key_Escape)
    assert QApplication.focusWidget() is win.facts.table
    press(qtbot, win, Qt.Key_A)  # review goes on at once
    assert any(f.status == "accepted" for a in ws.article_ids() for f in ws.facts(a))


def test_arrows_and_enter_act_on_the_articles_list_when_it_has_the_keys(qtbot, win, ws):
    first, second = ws.article_ids()
    fact = win.facts.current_fact()
    press(qtbot, win, Qt.Key_1, Qt.ControlModifier)
    assert QApplication.focusWidget() is win.articles.view
    press(qtbot, win, Qt.Key_Down)
    assert win.facts.current_fact().id == fact.id  # the facts did not move
    assert win.articles.view.currentIndex().row() == 1
    press(qtbot, win, Qt.Key_Return)
    assert win.article.id == second and QApplication.focusWidget() is win.facts.table
    press(qtbot, win, Qt.Key_1, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Escape)
    assert QApplication.focusWidget() is win.facts.table


def test_help_opens_on_the_review_keys_and_scrolls_from_the_keyboard(qtbot, win):
    win.resize(700, 400)
    press(qtbot, win, Qt.Key_F1)
    help_ = win.help
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_)
    help_.resize(500, 300)
    view = help_.view
    assert view.toPlainText().split("Keyboard", 1)[1].split()[12:13] == ["Review"] or \
        view.toPlainText().index("Review") < view.toPlainText().index("File")
    assert view.hasFocus()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    qtbot.keyClick(view, Qt.Key_PageDown)
    assert bar.value() > 0
    low = bar.value()
    qtbot.keyClick(view, Qt.Key_Down)
    assert bar.value() > low
    qtbot.keyClick(view, Qt.Key_PageUp)
    qtbot.keyClick(view, Qt.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key_Escape)
    assert not help_.isVisible()


def test_the_selected_fact_is_shown_with_context_never_on_the_last_line(qtbot, win, ws, tmp_path):
    long = "\n".join(f"Đoạn {i}: bệnh viện tiếp nhận thêm bệnh nhân." for i in range(200))
    path = tmp_path / "dai.jsonl"
    import json
    text = long + "\nCuối bài: 77 ca."
    start = text.index("77 ca")
    path.write_text(json.dumps({"title": "Bài dài", "text": text, "facts": [
        {"kind": "quantity", "start": start, "end": start + 5, "text": "77 ca", "value": "77"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(ws, [path])
    win.articles.search.clear()
    aid = ws.article_ids()[-1]
    win.open_article(aid)
    qtbot.wait(50)
    view = win.view.text
    from PySide6.QtGui import QTextCursor
    cur = QTextCursor(view.document())
    cur.setPosition(start)
    rect = view.cursorRect(cur)
    line = view.fontMetrics().lineSpacing()
    assert rect.top() >= 2 * line and rect.bottom() <= view.viewport().height() - 2 * line


def test_a_search_with_no_match_shows_an_empty_state(qtbot, win, ws):
    press(qtbot, win, Qt.Key_F, Qt.ControlModifier)
    type_text(qtbot, win.articles.search, "không có từ này")
    qtbot.keyClick(win.articles.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.articles.count.text() == "0 articles")
    assert win.article is None and win.facts.visible_facts() == []
    assert "No article matches “không có từ này”" in win.view.text.toPlainText()
    assert win.view.title.text() == ""
    press(qtbot, win, Qt.Key_A)  # nothing to act on, nothing written
    assert all(f.status == "pending" for a in ws.article_ids() for f in ws.facts(a))


# -- closing with the edit form open ----------------------------------------------------------------
def open_edit(qtbot, win, text, typed):
    f = select(win, text)
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    value.selectAll()
    qtbot.keyClicks(value, typed)
    return f


def test_quitting_with_an_edit_open_asks_and_enter_saves_it(qtbot, win, ws):
    f = open_edit(qtbot, win, "63", "64")
    asked = []
    answer_dialog(qtbot, Qt.Key_Return, seen=asked)
    press(qtbot, win, Qt.Key_Q, Qt.ControlModifier)
    assert "Save the edit of this fact before closing?" in asked[0]
    assert ws.fact(f.id).value == "64" and not win.isVisible()


def test_quitting_with_an_edit_open_esc_keeps_editing(qtbot, win, ws):
    f = open_edit(qtbot, win, "63", "64")
    answer_dialog(qtbot, Qt.Key_Escape)
    press(qtbot, win, Qt.Key_Q, Qt.ControlModifier)
    assert win.isVisible() and win.facts.form.isVisible()
    assert win.facts.form.inputs["value"].text() == "64" and ws.fact(f.id).value == "63"


def test_quitting_with_an_unreadable_edit_says_it_cannot_be_saved(qtbot, win, ws):
    f = open_edit(qtbot, win, "63", "1.2.3")
    asked = []
    answer_dialog(qtbot, Qt.Key_Return, seen=asked)  # the default is to keep editing
    press(qtbot, win, Qt.Key_Q, Qt.ControlModifier)
    assert "cannot be saved as typed" in asked[0] and win.isVisible()
    assert ws.fact(f.id).value == "63"


# -- every menu action does what it says ----------------------------------------------------------
def _menu_actions(menubar):
    out = []

    def walk(menu):
        for a in menu.actions():
            if a.menu():
                walk(a.menu())
            elif a.objectName().startswith("action_"):
                out.append(a.objectName().removeprefix("action_"))
    for top in menubar.actions():
        walk(top.menu())
    return out


def _focus(win):
    return QApplication.focusWidget()


MENU_CHECKS = {
    # id: (what to do first, what must be true after the action, given the record of dialogs)
    "new": lambda w, ws, seen: "getSaveFileName" in seen,
    "open": lambda w, ws, seen: "getOpenFileName" in seen,
    "import_files": lambda w, ws, seen: "getOpenFileNames" in seen,
    "import_folder": lambda w, ws, seen: "getExistingDirectory" in seen,
    "export_csv": lambda w, ws, seen: "ExportDialog" in seen,
    "export_xlsx": lambda w, ws, seen: "ExportDialog" in seen,
    "export_articles": lambda w, ws, seen: "ExportDialog" in seen,
    "export_jsonl": lambda w, ws, seen: "ExportDialog" in seen,
    "restore_backup": lambda w, ws, seen: "BackupsDialog" in seen,
    "quit": lambda w, ws, seen: not w.isVisible(),
    "undo": lambda w, ws, seen: "Undid" in w.status_saved.text(),
    "redo": lambda w, ws, seen: "Redid" in w.status_saved.text(),
    "find": lambda w, ws, seen: _focus(w) is w.articles.search,
    "next_fact": lambda w, ws, seen: w.facts.current_fact().text == "Ngày 06/12/2024",
    "prev_fact": lambda w, ws, seen: w.facts.current_fact().text == "Bộ Y tế",
    "accept": lambda w, ws, seen: ws.facts(w.article.id)[0].status == "accepted",
    "reject": lambda w, ws, seen: ws.facts(w.article.id)[0].status == "rejected",
    "flag": lambda w, ws, seen: ws.facts(w.article.id)[0].status == "flagged",
    "edit": lambda w, ws, seen: w.facts.form.isVisible(),
    "add": lambda w, ws, seen: "Select the words" in w.status_hint.text(),
    "to_text": lambda w, ws, seen: _focus(w) is w.view.text,
    "span_end_grow": lambda w, ws, seen: ws.facts(w.article.id)[0].text == "Bộ Y tế đào",
    "span_end_shrink": lambda w, ws, seen: ws.facts(w.article.id)[0].text == "Bộ Y",
    "span_start_grow": lambda w, ws, seen: "cannot move" in w.status_hint.text(),  # first word
    "span_start_shrink": lambda w, ws, seen: ws.facts(w.article.id)[0].text == "Y tế",
    "next_pending": lambda w, ws, seen: w.facts.current_fact().text == "Ngày 06/12/2024",
    "accept_all": lambda w, ws, seen: "QMessageBox" in seen,
    "confirm_bulk": lambda w, ws, seen: not w.prefs.confirm_bulk and not prefs_store.load(w.settings).confirm_bulk,
    "accept_same": lambda w, ws, seen: ws.facts(w.article.id)[2].status == "accepted",
    "reject_same": lambda w, ws, seen: ws.facts(w.article.id)[2].status == "rejected",
    "edit_metadata": lambda w, ws, seen: not w.view.title.isReadOnly() and _focus(w) is w.view.title,
    "extract": lambda w, ws, seen: "xtract" in w.status_saved.text() or "article" in w.status_saved.text(),
    "learn": lambda w, ws, seen: "Nothing learned yet" in w.status_hint.text(),  # 2 articles, none done
    "learn_every": lambda w, ws, seen: "getInt" in seen,
    "history": lambda w, ws, seen: w.history.isVisible(),
    "delete_article": lambda w, ws, seen: "QMessageBox" in seen and ws.article_count() == 2,
    "next_article": lambda w, ws, seen: w.article.title == "Hà Nội tiêm chủng mở rộng",
    "prev_article": lambda w, ws, seen: w.article.title == "Bộ Y tế đào tạo cán bộ y tế cơ sở",
    "focus_articles": lambda w, ws, seen: _focus(w) is w.articles.view,
    "focus_facts": lambda w, ws, seen: _focus(w) is w.facts.table,
    "pending_only": lambda w, ws, seen: w.articles.pending.isChecked(),
    "status_next": lambda w, ws, seen: w.facts.filters()["status"] == "pending",
    "status_prev": lambda w, ws, seen: w.facts.filters()["status"] == "flagged",
    "kind_all": lambda w, ws, seen: w.facts.filters()["kind"] is None and len(w.facts.visible_facts()) == 10,
    **{f"kind_{k}": (lambda w, ws, seen, k=k: w.facts.filters()["kind"] == k)
       for k in ("quantity", "money", "percentage", "date", "person", "organization", "location",
                 "legal_reference")},
    "stats": lambda w, ws, seen: w.stats_window.isVisible(),
    "help": lambda w, ws, seen: w.help.isVisible(),
    "preferences": lambda w, ws, seen: "PreferencesDialog" in seen,
    "agreement": lambda w, ws, seen: w.agreement.isVisible() and "No two reviewers" in w.agreement.summary.text(),
    "adjudicate": lambda w, ws, seen: w.adjudication.isVisible() and "No disagreements" in w.adjudication.status.text(),
    "my_queue": lambda w, ws, seen: not w.queue_only,  # no articles assigned: stays off
    "import_guidelines": lambda w, ws, seen: "getOpenFileName" in seen,
    "edit_guidelines": lambda w, ws, seen: "GuidelinesEditor" in seen,
    "find_in_article": lambda w, ws, seen: w.view.find_bar.isVisible(),
    "find_next": lambda w, ws, seen: w.view.find_bar.isVisible(),
    "find_prev": lambda w, ws, seen: w.view.find_bar.isVisible(),
    "zoom_in": lambda w, ws, seen: w.prefs.text_zoom == 110,
    "zoom_out": lambda w, ws, seen: w.prefs.text_zoom == 90,
    "zoom_reset": lambda w, ws, seen: w.prefs.text_zoom == 100,
    "furniture": lambda w, ws, seen: w.view.hide_furniture,
    "guidelines": lambda w, ws, seen: w.guidelines.dock.isVisible(),
    "tour": lambda w, ws, seen: w.comfort.tour is not None and w.comfort.tour.isVisible(),
}
BEFORE = {"prev_article": "next_article", "undo": "accept", "redo": "accept+undo", "prev_fact": "next_fact", "focus_facts": "focus_articles"}


def test_every_menu_action_has_a_check_here(win):
    assert sorted(_menu_actions(win.menuBar())) == sorted(MENU_CHECKS)


def test_no_two_actions_share_a_key_nor_a_menu_mnemonic(win):
    """Qt triggers neither of two actions with the same key (Alt+R once opened the Review
    menu instead of rejecting every mention)."""
    from desktop import actions as registry

    keys = [k for spec in registry.ACTIONS for k in spec.keys]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    mnemonics = set()
    for top in win.menuBar().actions():
        text = top.text()
        if "&" in text:
            mnemonics.add("Alt+" + text[text.index("&") + 1].upper())
    assert not mnemonics & set(keys)


@pytest.mark.parametrize("action", sorted(MENU_CHECKS))
def test_every_menu_action_shows_its_dialog_or_effect(qtbot, win, ws, monkeypatch, action):
    from PySide6.QtWidgets import QDialog, QFileDialog

    seen = []
    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, _n=name, **k: seen.append(_n) or (
            [] if _n.endswith("s") else "", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: seen.append("getExistingDirectory") or "")
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: seen.append("getInt") or (0, False))
    monkeypatch.setattr(QDialog, "exec", lambda self: seen.append(type(self).__name__) or 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append("QMessageBox") or QMessageBox.Cancel)
    for step in BEFORE.get(action, "").split("+"):
        if step == "accept":
            select(win, "Bộ Y tế")
        if step:
            win.actions[step].trigger()
    if action in ("accept", "reject", "flag", "span_end_grow", "span_end_shrink", "span_start_grow",
                  "span_start_shrink", "accept_same", "reject_same", "next_pending", "next_fact"):
        win.facts.select(ws.facts(win.article.id)[0].id)
    if action in ("accept_same", "reject_same"):
        win.facts.select(ws.facts(win.article.id)[2].id)
    if action == "span_end_shrink":
        win.actions["span_end_grow"].trigger()
        win.actions["span_end_grow"].trigger()
        win.actions["span_end_shrink"].trigger()
        win.actions["span_end_shrink"].trigger()
    win.actions[action].trigger()
    assert MENU_CHECKS[action](win, ws, seen), (action, seen, win.status_hint.text(), win.status_saved.text())


def test_review_keys_do_not_act_inside_the_open_form(qtbot, win, ws):
    f, form = edit_on_the_span_row(qtbot, win, "Nguyễn Văn Hải")
    for k in (Qt.Key_A, Qt.Key_R, Qt.Key_F, Qt.Key_BracketRight, Qt.Key_E):
        press(qtbot, win, k)
    assert form.isVisible() and ws.fact(f.id).status == "pending"
    assert win.article.id == ws.article_ids()[0]
    form.cancel_button.setFocus()
    press(qtbot, win, Qt.Key_Return)  # Enter on Cancel cancels
    assert not form.isVisible() and ws.fact(f.id).status == "pending"


def test_a_failed_undo_does_not_say_it_undid(qtbot, win, ws, monkeypatch, dialogs):
    from db.engine import WorkspaceError

    f = win.facts.current_fact()
    press(qtbot, win, Qt.Key_A)

    def full(*a, **k):
        raise WorkspaceError("database or disk is full")
    monkeypatch.setattr(ws, "revert", full)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert ws.fact(f.id).status == "accepted"
    assert "Not saved" in win.status_saved.text() and "Undid" not in win.status_saved.text()
    assert dialogs["warning"]


def test_a_refused_date_is_not_left_on_screen(qtbot, win, ws):
    press(qtbot, win, Qt.Key_M)
    qtbot.keyClick(win.view.title, Qt.Key_Tab)
    date = win.view.meta["published"]
    date.selectAll()
    type_text(qtbot, date, "abc")
    qtbot.keyClick(date, Qt.Key_Tab)
    assert "Date not saved" in win.view.meta_error.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert date.isReadOnly() and date.text() == "2024-12-06" == ws.article(win.article.id).published


def test_undo_of_an_add_keeps_the_kind_filter(qtbot, win, ws):
    press(qtbot, win, Qt.Key_7, Qt.AltModifier)  # only places
    text = win.article.text
    s = text.index("cán bộ y tế cơ sở")
    from PySide6.QtGui import QTextCursor
    cur = QTextCursor(win.view.text.document())
    cur.setPosition(s)
    cur.setPosition(s + len("cán bộ y tế cơ sở"), QTextCursor.KeepAnchor)
    win.view.text.setTextCursor(cur)
    press(qtbot, win, Qt.Key_N)
    form = win.facts.form
    form.kind.setCurrentIndex(6)  # location
    qtbot.keyClick(form.kind, Qt.Key_Return)
    assert any(f.status == "added" for f in ws.facts(win.article.id))
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert not any(f.status == "added" for f in ws.facts(win.article.id))
    assert win.facts.filters()["kind"] == "location"


@pytest.mark.parametrize("typed", ["31/02/2024", "29-02-2023"])
def test_a_date_that_is_not_on_the_calendar_is_refused(qtbot, win, ws, typed):
    f = select(win, "Ngày 06/12/2024")
    press(qtbot, win, Qt.Key_E)
    value = win.facts.form.inputs["value"]
    value.selectAll()
    qtbot.keyClicks(value, typed)
    assert "not a day of the calendar" in win.facts.form.errors["value"].text()
    qtbot.keyClick(value, Qt.Key_Return)
    assert ws.fact(f.id).value == "2024-12-06"


# -- a control character pasted into the form is refused beside its field ------------------------
def test_a_control_character_in_a_note_or_field_is_refused_beside_it(qtbot, win, ws):
    f = select(win, "63")
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    form.note.setFocus()
    form.note.insert("xem lại\x07")  # as pasted from a terminal
    assert form.note_error.isVisible() and "control character (U+0007)" in form.note_error.text()
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.note, Qt.Key_Return)
    assert form.isVisible() and ws.fact(f.id).note is None
    form.note.setText("xem lại")
    unit = form.inputs["unit"]
    unit.setText("tỉnh\x1b[2J")
    assert not form.save_button.isEnabled() and "U+001B" in form.errors["unit"].text()
    unit.setText("tỉnh")
    qtbot.keyClick(unit, Qt.Key_Return)
    assert ws.fact(f.id).note == "xem lại" and ws.fact(f.id).fields["unit"] == "tỉnh"


def test_the_store_refuses_a_control_character_a_caller_did_not_check(ws):
    from db.store import UnstorableText

    f = ws.facts(ws.article_ids()[0])[0]
    for call in (lambda: ws.decide(f.id, "accept", "lan", status="accepted", note="a\x00b"),
                 lambda: ws.decide(f.id, "accept", "l\x1ban", status="accepted"),
                 lambda: ws.correct_article(f.article_id, "lan", title="Tin\x1b[2J")):
        with pytest.raises(UnstorableText, match="control character"):
            call()
    assert ws.fact(f.id).status == "pending" and not ws.review_log(limit=5)
