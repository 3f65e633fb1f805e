"""Imported text is shown as text, never read as markup.

A title holding `<img src="/dev/zero">` once crashed the window on hover (Qt read the file
to draw the image) and `<img src="/etc/hosts">` or a local image path was opened. Articles
carrying such markup in every field come in through the real importer; every tooltip,
label and message that shows them must hold it escaped (or be plain text) BEFORE anything
is shown, so that a regression fails here instead of crashing the test run."""
import json
import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QToolTip

from desktop.article_model import IdRole
from desktop.fact_model import HEADERS, FactRole
from desktop.tasks import FakeThreadPool, TaskRunner
from app.importing import import_paths
from tests.conftest import answer_dialog, back_in, open_window

DEV_ZERO = '<img src="/dev/zero">'
BOLD = "<b>bold</b>"
REVIEWER = "<b>Lan</b>"
MARKUP = re.compile(r"<\s*(img|b)\b", re.I)


@pytest.fixture
def png(tmp_path):
    path = tmp_path / "pixel.png"
    img = QImage(8, 8, QImage.Format_RGB32)
    img.fill(0xFF0000)
    assert img.save(str(path))
    return path


def _fact(text, kind, needle, value=None, **review):
    start = text.index(needle)
    return {"kind": kind, "start": start, "end": start + len(needle), "text": needle,
            "value": value or needle, "confidence": 0.95, "extractor": "fixture@1", **review}


@pytest.fixture
def ws(store, tmp_path, png):
    local = f'<img src="{png}">'
    danger_title = f"Tin {DEV_ZERO} {local} {BOLD}"
    danger_text = f"{danger_title}\nBộ Y tế {DEV_ZERO} công bố {BOLD} tại {local} hôm nay."
    safe_title = f"Bài {local} {BOLD}"
    safe_text = f"{safe_title}\nSở {BOLD} và Sở {BOLD} họp tại {local}."
    rows = [
        {"id": "a1", "title": danger_title, "source": f"Báo {DEV_ZERO}", "author": f"{BOLD} {local}",
         "published": "2024-12-06", "text": danger_text,
         "facts": [_fact(danger_text, "organization", f"Bộ Y tế {DEV_ZERO}", status="accepted",
                         reviewer=REVIEWER, note=f"{local} {BOLD} {DEV_ZERO}"),
                   _fact(danger_text, "location", local)]},
        {"id": "a2", "title": safe_title, "text": safe_text,
         "facts": [_fact(safe_text, "organization", f"Sở {BOLD}"),
                   {**_fact(safe_text, "organization", f"Sở {BOLD}"),
                    "start": safe_text.rindex(f"Sở {BOLD}"),
                    "end": safe_text.rindex(f"Sở {BOLD}") + len(f"Sở {BOLD}")}]},
        {"id": f"{BOLD}{DEV_ZERO}", "text": "Bài thứ ba không có tiêu đề."},
    ]
    path = tmp_path / "markup.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    report = import_paths(store, [path])
    assert report.articles == 3, report.summary()
    return store


@pytest.fixture(autouse=True)
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def win(qtbot, ws, tmp_path):
    return open_window(qtbot, ws, tmp_path, REVIEWER)


def shown_as(s: str) -> str:
    """What Qt shows for a string it may read as rich text, checked safe first: a string
    Qt would read as markup must not hold any, only escaped text."""
    if not GuiQt.mightBeRichText(s):
        return s
    assert not MARKUP.search(s), f"markup would be read, not shown: {s!r}"
    doc = QTextDocument()
    doc.setHtml(s)
    return doc.toPlainText()


def assert_safe_tip(tip, *originals):
    assert tip, "no tooltip"
    text = shown_as(tip)
    for o in originals:
        assert o in text, (o, text)


def open_article(win, uid):
    aid = next(i for i in win.workspace.article_ids() if win.workspace.article(i).uid == uid)
    win.open_article(aid)
    return aid


def show_tooltip_at(widget, pos):
    QApplication.sendEvent(widget, QHelpEvent(QEvent.ToolTip, pos, widget.mapToGlobal(pos)))


# -- tooltips -------------------------------------------------------------------------------------
def test_article_list_tooltips_are_escaped_and_shown_as_written(qtbot, win, ws, png):
    model = win.article_model
    by_uid = {ws.article(model.data(model.index(r), IdRole)).uid: model.index(r)
              for r in range(model.rowCount())}
    a1 = ws.article(by_uid["a1"].data(IdRole))
    assert_safe_tip(by_uid["a1"].data(Qt.ToolTipRole), a1.title)
    assert_safe_tip(by_uid["a2"].data(Qt.ToolTipRole), f'<img src="{png}">', BOLD)
    assert_safe_tip(by_uid[f"{BOLD}{DEV_ZERO}"].data(Qt.ToolTipRole), f"{BOLD}{DEV_ZERO}")
    # Checked safe above: now hover it for real, the way the view shows it.
    view = win.articles.view
    idx = by_uid["a1"]
    show_tooltip_at(view.viewport(), view.visualRect(idx).center())
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == idx.data(Qt.ToolTipRole)
    qtbot.wait(50)  # painted: the process is alive, nothing was read
    QToolTip.hideText()


def test_fact_tooltips_are_escaped_in_every_column_and_shown(qtbot, win, ws, png):
    open_article(win, "a1")
    model = win.facts.model
    assert model.rowCount() == 2
    for row in range(model.rowCount()):
        f = model.index(row, 0).data(FactRole)
        for col in range(len(HEADERS)):
            tip = model.index(row, col).data(Qt.ToolTipRole)
            assert_safe_tip(tip, f.text)
            if f.note:
                assert_safe_tip(tip, f.note, REVIEWER)
    table = win.facts.table
    idx = table.model().index(0, 2)
    show_tooltip_at(table.viewport(), table.visualRect(idx).center())
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == idx.data(Qt.ToolTipRole)
    qtbot.wait(50)
    QToolTip.hideText()


def test_the_title_field_tooltip_is_escaped_and_shown(qtbot, win, ws):
    aid = open_article(win, "a1")
    title = ws.article(aid).title
    assert win.view.title.text() == title  # a line edit: plain
    assert win.view.meta["source"].text() == ws.article(aid).source
    assert_safe_tip(win.view.title.toolTip(), title)
    show_tooltip_at(win.view.title, win.view.title.rect().center())
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == win.view.title.toolTip()
    qtbot.wait(50)
    QToolTip.hideText()


# -- labels and messages ----------------------------------------------------------------------------
def labels_showing_markup(root):
    return [lab for lab in root.findChildren(QLabel) if MARKUP.search(lab.text())]


def test_status_bar_and_form_labels_are_plain_text(qtbot, win, ws):
    for lab in (win.status_reviewer, win.status_saved, win.status_hint, win.status_position,
                win.status_left, win.view.meta_error, win.facts.form.span_label):
        assert lab.textFormat() == Qt.PlainText, lab
    assert REVIEWER in win.status_reviewer.text()
    # A decision that names the fact: its text in the status bar, as written.
    open_article(win, "a2")
    win.select_fact(win.facts.visible_facts()[0].id)
    qtbot.keyClick(win.facts.table, Qt.Key_A, Qt.AltModifier)
    assert f"“Sở {BOLD}” accepted" in win.status_saved.text()
    # The edit form on a fact whose text holds markup: its span shown as written.
    open_article(win, "a1")
    win.select_fact(next(f.id for f in win.facts.visible_facts() if f.kind == "organization"))
    qtbot.keyClick(win.facts.table, Qt.Key_E)
    assert win.facts.form.isVisible()
    assert f"Bộ Y tế {DEV_ZERO}" in win.facts.form.span_label.text()
    for lab in labels_showing_markup(win):
        assert lab.textFormat() == Qt.PlainText, (lab.objectName(), lab.text())
    win.facts.form.cancel()


def test_the_confirmation_shows_the_title_as_written(qtbot, win, ws, png):
    open_article(win, "a2")
    asked, formats = [], []
    answer_dialog(qtbot, Qt.Key_Escape, seen=asked, first=lambda box: formats.append(box.textFormat()))
    qtbot.keyClick(win.facts.table, Qt.Key_A, Qt.ShiftModifier)
    back_in(qtbot, win)
    assert formats == [Qt.PlainText]
    assert f'‘Bài <img src="{png}"> {BOLD}’' in asked[0]


def test_warnings_hold_the_message_escaped(win, warnings):
    win.task_failed(f"could not read {DEV_ZERO}\nline 2: {BOLD}")
    assert len(warnings) == 1
    assert shown_as(warnings[0]) == f"could not read {DEV_ZERO}\nline 2: {BOLD}"


def test_history_shows_decisions_on_markup_as_written(qtbot, win, ws):
    from desktop.history import HistoryDialog

    open_article(win, "a1")
    f = next(f for f in win.facts.visible_facts() if f.kind == "location")
    win.select_fact(f.id)
    qtbot.keyClick(win.facts.table, Qt.Key_R)
    dialog = HistoryDialog(ws, None, win._revert_event, win)
    model = dialog.model
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            tip = model.index(row, col).data(Qt.ToolTipRole)
            if tip:
                shown_as(tip)
    assert dialog.message.textFormat() == Qt.PlainText
    dialog.revert_selected()  # the revert of the rejection, named by the fact's text
    assert ws.fact(f.id).status == "pending"
    assert win.status_saved.textFormat() == Qt.PlainText
    dialog.close()


def test_progress_and_import_reports_show_file_names_plain(qtbot, win, tmp_path):
    from desktop.backups_dialog import BackupsDialog
    from desktop.dialogs import ImportErrors

    runner = TaskRunner(win, FakeThreadPool())
    seen = []

    def job(progress, _cancelled):
        progress(1, 2, f"{DEV_ZERO}.txt")
        dialog = win.findChildren(QProgressDialog)[-1]
        seen.extend(lab.textFormat() for lab in dialog.findChildren(QLabel))
        return None

    runner.run("Importing articles…", job, lambda _r: None, lambda _m: None)
    assert seen and set(seen) == {Qt.PlainText}
    errors = ImportErrors(f"1 failed: {DEV_ZERO}.txt", [(f"{DEV_ZERO}.txt", BOLD)], win)
    assert labels_showing_markup(errors) and all(lab.textFormat() == Qt.PlainText for lab in labels_showing_markup(errors))
    backups = BackupsDialog(tmp_path / f"{BOLD}.sqlite", win)
    assert backups.disk.textFormat() == Qt.PlainText


def test_a_search_with_markup_is_shown_as_typed(qtbot, win):
    win.articles.search.setText(f"zzz {DEV_ZERO}")
    win.articles._emit_filter()
    qtbot.waitUntil(lambda: win.article is None)
    assert f"zzz {DEV_ZERO}" in win.view.text.toPlainText()
