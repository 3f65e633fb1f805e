"""What the other window tests left out, with the real widgets: keys pressed on the active
window, the mouse on the article's text, files dropped on the window, the File menu, the
real thread pool, and text with characters outside the Basic Multilingual Plane.

Workspaces come from fixed fact files (tests/data/seed_facts.jsonl, or a JSONL written here),
never from what the extractor finds today."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import (QCoreApplication, QMimeData, QPoint, QPointF, QSettings, Qt, QThreadPool,
                            QUrl)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication

from app.importing import import_paths
from app.workspace import Workspace
from db.store import Store
from desktop.main_window import MainWindow
from tests import seed_facts
from tests.conftest import answer_dialog, back_in, open_window, type_text


@pytest.fixture
def ws(store):
    return seed_facts.load(store)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def win(qtbot, ws, tmp_path, settings):
    return open_window(qtbot, ws, tmp_path, settings=settings, active=True)


def press(qtbot, w, key, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w, key, mod)


def point_at(view, offset: int, across: float = 0.5) -> QPoint:
    """A point `across` the width of the character at Python offset `offset` of the open
    article (0.5: its middle), in the coordinates of the article text's viewport (scrolled
    into view, the selection kept)."""
    def rects():
        cur = QTextCursor(view.text.document())
        cur.setPosition(view.offsets.to_doc(offset))
        left = view.text.cursorRect(cur)
        cur.setPosition(view.offsets.to_doc(offset + 1))
        return left, view.text.cursorRect(cur)

    left, _ = rects()
    if not view.text.viewport().rect().contains(left):
        bar = view.text.verticalScrollBar()
        bar.setValue(bar.value() + left.center().y() - view.text.viewport().height() // 2)
    left, right = rects()
    assert left.top() == right.top() and view.text.viewport().rect().contains(left), "not on one visible line"
    return QPoint(round(left.left() + across * (right.left() - left.left())), left.center().y())


def click(qtbot, view, offset: int, mod=Qt.NoModifier) -> None:
    """A click on the character at `offset`: the caret goes before it."""
    qtbot.mouseClick(view.text.viewport(), Qt.LeftButton, mod, point_at(view, offset, 0.25))


def shift_click_after(qtbot, view, offset: int) -> None:
    """A shift-click on the right of the character at `offset`: the selection ends after it."""
    qtbot.mouseClick(view.text.viewport(), Qt.LeftButton, Qt.ShiftModifier, point_at(view, offset, 0.75))


def select_words(view, start: int, end: int) -> None:
    """Select [start, end) of the article (Python offsets), as a drag of the mouse leaves it."""
    cur = QTextCursor(view.text.document())
    cur.setPosition(view.offsets.to_doc(start))
    cur.setPosition(view.offsets.to_doc(end), QTextCursor.KeepAnchor)
    view.text.setTextCursor(cur)


def highlighted(view) -> dict[int, str]:
    """Fact id → the characters its highlight covers in the article view."""
    return {sel.format.property(QTextFormat.UserProperty): sel.cursor.selectedText()
            for sel in view.text.extraSelections()}


def back_from_dialog(qtbot, w) -> None:
    """A dialog of Qt's own (a message box, the export dialog) has closed: a window manager
    gives the keys back to its parent window; the offscreen platform has none, so do as it
    would, then wait for the window to have them."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    w.activateWindow()
    back_in(qtbot, w)


def first_article_text(ws) -> str:
    return ws.article(ws.article_ids()[0]).text


# -- undo and redo of an added fact -----------------------------------------------------------
def test_an_added_fact_is_undone_and_redone_by_key(qtbot, win, ws):
    text = first_article_text(ws)
    start = text.index("Dự án HPET")
    end = start + len("Dự án HPET")
    select_words(win.view, start, end)
    win.facts.table.setFocus()
    press(qtbot, win, Qt.Key_N)
    form = win.facts.form
    assert form.isVisible() and form.span == (start, end)
    qtbot.keyClick(form.kind, Qt.Key_6)  # organisation
    qtbot.keyClick(form.kind, Qt.Key_Return)
    [added] = [f for f in ws.facts(win.article.id) if f.status == "added"]
    assert (added.start, added.end, added.kind) == (start, end, "organization")
    assert win.facts.current_fact().id == added.id and added.id in win.view.facts

    here = win.article.id
    press(qtbot, win, Qt.Key_BracketRight)  # on to the next article; the undo brings us back
    assert win.article.id != here
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert win.article.id == here and ws.fact(added.id) is None
    assert win.facts.model.row_of(added.id) is None and added.id not in highlighted(win.view)
    assert win.status_saved.text().startswith("✓ Undid: add")

    press(qtbot, win, Qt.Key_BracketRight)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.article.id == here
    back = [f for f in ws.facts(here) if f.status == "added"]
    assert [(f.start, f.end, f.kind, f.text) for f in back] == [(start, end, "organization", "Dự án HPET")]
    assert highlighted(win.view)[back[0].id] == "Dự án HPET"
    assert win.facts.current_fact().id == back[0].id
    assert win.status_saved.text().startswith("✓ Redid: add")


# -- the span moved with the edit form open -------------------------------------------------------
def test_selecting_other_words_with_the_form_open_moves_the_span(qtbot, win, ws):
    text = first_article_text(ws)
    name = "Bệnh viện Đa khoa huyện Bảo Lạc"
    f = next(x for x in win.facts.visible_facts() if x.text == name)
    win.select_fact(f.id)
    press(qtbot, win, Qt.Key_E)
    form = win.facts.form
    assert form.isVisible() and form.fact_id == f.id
    # The reviewer clicks at the start of the words and shift-clicks at their end.
    shorter = "Bệnh viện Đa khoa"
    click(qtbot, win.view, f.start)
    shift_click_after(qtbot, win.view, f.start + len(shorter) - 1)
    assert win.view.selected_span() == (f.start, f.start + len(shorter))
    assert form.isVisible() and form.span == (f.start, f.start + len(shorter))
    assert f"“{shorter}”" in form.span_label.text()
    assert ws.fact(f.id).text == name  # nothing saved before Enter
    value = form.inputs["value"]  # the value is the reviewer's to change with it
    qtbot.mouseClick(value, Qt.LeftButton)
    value.selectAll()
    type_text(qtbot, value, shorter)
    qtbot.keyClick(value, Qt.Key_Return)
    saved = ws.fact(f.id)
    assert (saved.start, saved.end, saved.text) == (f.start, f.start + len(shorter), shorter)
    assert (saved.value, saved.status) == (shorter, "edited") and text[saved.start:saved.end] == shorter
    assert highlighted(win.view)[f.id] == shorter
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)  # and one undo puts the span back
    assert (ws.fact(f.id).start, ws.fact(f.id).end, ws.fact(f.id).text) == (f.start, f.end, name)


# -- the mouse on the article -----------------------------------------------------------------------
def test_a_click_on_a_highlight_selects_its_fact(qtbot, win, ws):
    facts = win.facts.visible_facts()
    first = win.facts.current_fact()
    other = next(x for x in facts if x.text == "Liên minh châu Âu")
    assert other.id != first.id
    click(qtbot, win.view, other.start + 3)
    assert win.facts.current_fact().id == other.id and win.view.selected == other.id
    # A click on words that are no fact leaves the selection where it was.
    plain = first_article_text(ws).index("đóng góp")
    assert win.view.fact_at(plain) is None
    click(qtbot, win.view, plain)
    assert win.facts.current_fact().id == other.id


# -- characters beyond U+FFFF --------------------------------------------------------------------
ASTRAL = "😀 Tin vui 𝕏 từ 𝄞 Bộ Y tế\n😀😀 Bộ Y tế chi 3 tỷ đồng cho tỉnh Cao Bằng 𝕏𝕏, ông Nguyễn Văn Hải nói."


def astral_workspace(store, folder: Path):
    facts = []
    for kind, words, value, fields in (
            ("organization", "Bộ Y tế", "Bộ Y tế", {}),
            ("money", "3 tỷ đồng", "3000000000", {"currency": "VND", "approx": "exact"}),
            ("location", "tỉnh Cao Bằng", "tỉnh Cao Bằng", {"level": "province"}),
            ("person", "Nguyễn Văn Hải", "Nguyễn Văn Hải", {})):
        s = ASTRAL.index(words, ASTRAL.index("\n"))
        facts.append({"kind": kind, "start": s, "end": s + len(words), "text": words, "value": value,
                      "confidence": 0.9, "extractor": "fixture@1", **fields})
    path = folder / "astral.jsonl"
    path.write_text(json.dumps({"id": "astral", "title": "Tin vui", "text": ASTRAL, "facts": facts},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_paths(store, [path])
    assert report.articles == 1 and not report.failed, report
    return store


def test_emoji_and_other_astral_characters_before_facts(qtbot, store, tmp_path, settings):
    ws = astral_workspace(store, tmp_path)
    w = open_window(qtbot, ws, tmp_path, settings=settings, active=True)
    stored = {f.id: f for f in ws.facts(w.article.id)}
    assert ASTRAL[stored[min(stored)].start - 1] == " " and len(stored) == 4
    # every highlight covers its fact's characters, not ones shifted by the emoji
    assert highlighted(w.view) == {fid: f.text for fid, f in stored.items()}
    # a click on a word after them selects the fact there
    place = next(f for f in stored.values() if f.kind == "location")
    click(qtbot, w.view, place.start + len("tỉnh C"))
    assert w.facts.current_fact().id == place.id
    # words selected after them come back as the right offsets, and are added there
    start = ASTRAL.index("chi")
    click(qtbot, w.view, start)
    shift_click_after(qtbot, w.view, start + len("chi") - 1)
    assert w.view.selected_span() == (start, start + 3)
    w.facts.table.setFocus()
    press(qtbot, w, Qt.Key_N)
    qtbot.keyClick(w.facts.form.kind, Qt.Key_6)
    qtbot.keyClick(w.facts.form.kind, Qt.Key_Return)
    [added] = [f for f in ws.facts(w.article.id) if f.status == "added"]
    assert (added.start, added.end, added.text) == (start, start + 3, "chi")
    assert highlighted(w.view)[added.id] == "chi"


# -- the real thread pool ---------------------------------------------------------------------------
@pytest.fixture
def pool():
    p = QThreadPool()
    p.setMaxThreadCount(2)
    yield p
    p.waitForDone(10000)


def real_pool_window(qtbot, ws, settings, pool):
    w = MainWindow(Workspace(ws, "lan"), settings, pool=pool)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    return w


def test_a_search_answered_after_a_newer_one_is_dropped(qtbot, ws, settings, pool, monkeypatch, request):
    w = real_pool_window(qtbot, ws, settings, pool)
    workspace = w.workspace
    search_ids = workspace.article_ids
    slow_started, release = threading.Event(), threading.Event()

    def article_ids(*, pending_only=False, search="", **options):
        ids = search_ids(pending_only=pending_only, search=search, **options)
        if search == "Bredenkamp":  # the first search answers only after the second
            slow_started.set()
            assert release.wait(10)
        return ids

    monkeypatch.setattr(workspace, "article_ids", article_ids)
    request.addfinalizer(release.set)  # a failure below never leaves the worker waiting
    stale = search_ids(search="Bredenkamp")
    newer = search_ids(search="Liên minh châu Âu")
    assert stale and newer and stale != newer

    press(qtbot, w, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(w.articles.search, "Bredenkamp")
    qtbot.keyClick(w.articles.search, Qt.Key_Return)
    qtbot.waitUntil(slow_started.is_set, timeout=5000)
    w.articles.search.selectAll()
    qtbot.keyClicks(w.articles.search, "Lien minh chau Au")  # any case and diacritics
    qtbot.keyClick(w.articles.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: w.article_model.ids == newer, timeout=5000)

    release.set()
    assert pool.waitForDone(5000)  # the stale answer is posted to the window …
    QCoreApplication.sendPostedEvents()
    qtbot.waitUntil(lambda: not w.tasks._running, timeout=5000)  # … handled (no job left running)
    assert w.article_model.ids == newer  # … and dropped
    assert w.article.id in newer


def test_a_failing_background_job_is_reported_and_the_window_goes_on(qtbot, ws, settings, pool, monkeypatch):
    w = real_pool_window(qtbot, ws, settings, pool)
    main_thread = threading.get_ident()
    ran_on = []

    def extract(**_options):
        ran_on.append(threading.get_ident())
        raise RuntimeError("the extractor ran out of memory")

    monkeypatch.setattr(w.workspace, "extract", extract)
    seen = []
    answer_dialog(qtbot, Qt.Key_Return, seen)
    w.actions["extract"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert ran_on and ran_on[0] != main_thread  # off the GUI thread
    assert "the extractor ran out of memory" in seen[0]
    back_from_dialog(qtbot, w)
    f = w.facts.current_fact()
    press(qtbot, w, Qt.Key_A)  # the window goes on
    assert ws.fact(f.id).status == "accepted"


# -- File ▸ New, Open, Open Recent -------------------------------------------------------------------
def file_menu(w):
    return next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "File")


def test_file_new_open_and_open_recent(qtbot, win, ws, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    first = ws.path
    menu = file_menu(win)
    assert {win.actions["new"], win.actions["open"], win.recent_menu.menuAction()} <= set(menu.actions())

    fresh = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    press(qtbot, win, Qt.Key_N, Qt.ControlModifier)
    assert win.workspace.path == fresh and fresh.exists()
    assert win.workspace.article_count() == 0 and win.article is None
    assert "fresh.sqlite" in win.windowTitle()

    other = tmp_path / "other.sqlite"
    s = Store.open(other)
    import_paths(s, [seed_facts.PATH])
    s.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    press(qtbot, win, Qt.Key_O, Qt.ControlModifier)
    assert win.workspace.path == other and win.article_model.rowCount() == len(seed_facts.ARTICLES)

    recent = [a.text().replace("&&", "&") for a in win.recent_menu.actions()]
    assert recent[:3] == [str(other), str(fresh), str(first)]  # newest first
    next(a for a in win.recent_menu.actions() if a.text() == str(first)).trigger()
    assert win.workspace.path == first
    assert f"{seed_facts.FACTS} facts left" in win.status_left.text()
    win.workspace.close()


# -- files dropped on the window ----------------------------------------------------------------------
def drop(widget, paths: list[Path]):
    """Drag files over `widget` and drop them, as a file manager does: returns whether the
    drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton,
                                              Qt.NoModifier))
    return True


def test_a_file_dropped_on_the_window_is_imported(qtbot, win, ws, tmp_path):
    f = tmp_path / "bài thả.txt"
    f.write_text("Tin thả vào\nBệnh viện Bạch Mai tiếp nhận 20 bệnh nhân.", encoding="utf-8")
    before = ws.article_count()
    assert drop(win, [f])
    assert ws.article_count() == before + 1
    assert win.article_model.rowCount() == before + 1
    assert "1 file imported" in win.status_saved.text()
    # Text dragged from elsewhere (no file) is not taken.
    mime = QMimeData()
    mime.setText("Bộ Y tế")
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()


def test_a_file_dropped_on_the_article_text_is_imported(qtbot, win, ws, tmp_path):
    """Where a reviewer's pointer mostly is: over the article."""
    f = tmp_path / "bài thả.txt"
    f.write_text("Tin thả vào\nBệnh viện Bạch Mai tiếp nhận 20 bệnh nhân.", encoding="utf-8")
    before = ws.article_count()
    drop(win.view.text.viewport(), [f])
    assert ws.article_count() == before + 1


# -- exports from the window, through the export dialog ----------------------------------------------
def export_with_dialog(qtbot, win, action: str, out: Path, monkeypatch, choose=None):
    """File ▸ `action`: the real export dialog, answered with Enter (after `choose(dialog)`)."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen = []
    answer_dialog(qtbot, Qt.Key_Return, seen, first=choose)
    win.actions[action].trigger()
    back_from_dialog(qtbot, win)


def test_export_xlsx_from_the_window(qtbot, win, ws, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    press(qtbot, win, Qt.Key_A)
    press(qtbot, win, Qt.Key_A)
    press(qtbot, win, Qt.Key_R)
    out = tmp_path / "curated.xlsx"
    export_with_dialog(qtbot, win, "export_xlsx", out, monkeypatch)
    assert "Exported 2 facts to curated.xlsx" in win.status_saved.text()
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Facts", "Articles"]
    facts = list(wb["Facts"].iter_rows(values_only=True))
    header = list(facts[0])
    rows = [dict(zip(header, r)) for r in facts[1:]]
    accepted = sorted((f.text, f.start) for a in ws.article_ids() for f in ws.facts(a) if f.status == "accepted")
    assert sorted((r["text"], r["start"]) for r in rows) == accepted  # the curated facts only
    assert all(r["status"] == "accepted" and r["reviewer"] == "lan" for r in rows)
    assert len(list(wb["Articles"].iter_rows())) == 1 + len(seed_facts.ARTICLES)
    wb.close()


def test_export_jsonl_from_the_window_with_a_kind_filter(qtbot, win, ws, tmp_path, monkeypatch):
    person = next(f for f in win.facts.visible_facts() if f.kind == "person")
    win.select_fact(person.id)
    press(qtbot, win, Qt.Key_A)
    out = tmp_path / "people.jsonl"

    def only_people(dialog):
        for kind, box in dialog.kind.items():
            box.setChecked(kind == "person")

    export_with_dialog(qtbot, win, "export_jsonl", out, monkeypatch, choose=only_people)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in lines] == [a["id"] for a in seed_facts.ARTICLES]  # every article
    exported = sorted((a["id"], f["start"], f["status"]) for a in lines for f in a["facts"])
    stored = sorted((ws.article(a).uid, f.start, f.status) for a in ws.article_ids()
                    for f in ws.facts(a) if f.kind == "person")
    assert exported == stored and {"accepted", "pending"} <= {status for *_, status in exported}
