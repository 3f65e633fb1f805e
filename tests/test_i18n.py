"""The interface in Vietnamese: every string translated, nothing shown in English, numbers and
dates the Vietnamese way, the language switched from Preferences, and the review keys working
whatever a Vietnamese input method (Telex, VNI) does to them."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QInputMethodQueryEvent, QKeyEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication,
                               QComboBox, QDialog, QDockWidget, QInputDialog, QLabel, QLineEdit,
                               QMenu, QMessageBox, QTabWidget, QTextBrowser, QTextEdit, QWidget)

from app.workspace import Workspace
from desktop import actions as registry
from desktop import i18n, ime
from desktop.fact_model import COL_KIND, FactRole
from desktop.main_window import MainWindow
from desktop.tasks import FakeThreadPool
from tests import seed_facts
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "fact_review_vi.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
# Key names, written as on the keyboard in both languages.
KEY_NAMES = {"ctrl", "shift", "alt", "meta", "esc", "enter", "return", "tab", "backtab", "space",
             "del", "delete", "backspace", "home", "end", "pgup", "pgdn", "ins",
             *(f"f{i}" for i in range(1, 13))}


def catalogue() -> list[tuple[str, str, str, ET.Element]]:
    """(context, source, translation, <translation>) of every message of the Vietnamese catalogue."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            out.append((name, m.findtext("source"), t.text or "", t))
    return out


def words(text: str) -> set[str]:
    """The all-ASCII words of `text`, lower case; file names, paths and addresses left out."""
    kept = [tok for tok in text.split() if not re.search(r"[/\\@]|\w\.\w", tok)]
    return {w.lower() for w in re.findall(r"\w+", " ".join(kept))
            if w.isascii() and re.fullmatch(r"[A-Za-z]{2,}", w)}


def below() -> list[tuple[str, str]]:
    """(English, Vietnamese) of every message the layers below the window make (db/, facts/:
    resources/i18n/cli_vi.po), which the window shows in its own language too."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_cli_catalogue", ROOT / "scripts" / "update_cli_catalogue.py")
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look their module up
    spec.loader.exec_module(tool)
    return [(e.msgid, s) for e in tool.read_po().values() if e.msgid for s in e.msgstr]


MESSAGES = catalogue()
BELOW = below()
ENGLISH = set().union(*(words(src.replace("&", "")) for _, src, _, _ in MESSAGES),
                      *(words(src) for src, _ in BELOW))
VIETNAMESE = set().union(*(words(vi.replace("&", "")) for _, _, vi, _ in MESSAGES),
                         *(words(vi) for _, vi in BELOW))
# Words of English that a Vietnamese screen may not show: those of the sources that no
# translation keeps (a name like Markdown or Excel, a key like Enter, is kept by its translation).
FOREIGN = ENGLISH - VIETNAMESE - KEY_NAMES


def english_in(text: str) -> set[str]:
    return words(text.replace("&", "")) & FOREIGN


# -- the catalogue ---------------------------------------------------------------------------------
def test_every_string_of_the_catalogue_has_a_finished_translation():
    assert len(MESSAGES) > 400
    problems = []
    for ctx, src, vi, t in MESSAGES:
        if t.get("type") in ("unfinished", "vanished", "obsolete") or not vi.strip():
            problems.append(f"{ctx}/{src!r}: not translated")
            continue
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(vi)):
            problems.append(f"{ctx}/{src!r}: placeholders differ in {vi!r}")
        if ("&" in src) != ("&" in vi) or vi.count("&") > 1:
            problems.append(f"{ctx}/{src!r}: the mnemonic (&) is lost or doubled in {vi!r}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_is_a_real_translation_not_a_copy():
    same = [src for ctx, src, vi, _ in MESSAGES if vi == src and words(src) - KEY_NAMES
            and ctx != "QPlatformTheme"]
    assert set(same) <= {"Fact Review", "{name} — Fact Review", "Alt+0 … Alt+8"}, same


@pytest.mark.skipif(not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)),
                    reason="the Qt translation tools are not installed")
def test_catalogue_and_compiled_file_are_up_to_date_with_the_code():
    """Every marked string of desktop/ is in the .ts (a new string fails the completeness test
    above), and the committed .qm is the compilation of the committed .ts."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_compiled_catalogue_travels_with_the_app():
    """The wheel (package data) and the self-contained build (PyInstaller spec) carry the .qm
    that i18n.install loads."""
    assert Path(i18n.catalogue("vi")).is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^resources = \[.*"i18n/\*\.qm"', pyproject, re.M)
    spec = (ROOT / "packaging" / "fact-review.spec").read_text(encoding="utf-8")
    assert re.search(r'tree\("resources",[^)]*"\*\.qm"', spec)


def test_vietnamese_menus_keep_alt_keys_of_actions_free(qapp):
    i18n.install("vi")
    try:
        letters = [registry.mnemonic(registry.menu_title(m)) for m in registry.MENUS]
        assert all(letters) and len(set(letters)) == len(letters), letters
        taken = {registry.normal(k) for s in registry.ACTIONS for k in s.keys}
        assert not {f"Alt+{c}" for c in letters} & taken
        # Within a menu each entry has a letter of its own, one Alt or a keyboard types.
        by_menu = {}
        for s in registry.ACTIONS:
            if "&" in s.text_shown:
                by_menu.setdefault((s.menu, s.submenu), []).append(registry.mnemonic(s.text_shown))
        for menu, submenu in {(s.menu, s.submenu) for s in registry.ACTIONS if s.submenu}:
            by_menu[(menu, "")].append(registry.mnemonic(i18n.tr(submenu)))
        problems = {menu: keys for menu, keys in by_menu.items()
                    if len(set(keys)) != len(keys) or not all(k.isascii() for k in keys)}
        assert not problems, problems
    finally:
        i18n.install("en")


# -- the Vietnamese window -------------------------------------------------------------------------
@pytest.fixture
def vietnamese(qapp):
    assert i18n.install("vi") == "vi"
    yield
    i18n.install("en")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def window(qtbot, store, settings):
    w = MainWindow(Workspace(seed_facts.load(store), "lan"), settings, pool=FakeThreadPool())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def _plain(html_or_text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    if "<" in html_or_text and ">" in html_or_text:
        return QTextDocumentFragment.fromHtml(html_or_text).toPlainText()
    return html_or_text


def shown_texts(root: QWidget, data: tuple = ()) -> list[tuple[str, str]]:
    """Every text `root` and its children show or say: titles, labels, buttons, placeholders,
    tooltips, accessible names, items of pickers, tabs, headers, menus and actions. `data`:
    widgets whose content is the workspace's (an article's text), of which only the frame counts."""
    out = []

    def add(where, text):
        if text:
            out.append((where, _plain(str(text))))

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow():
            add(name + ".windowTitle", w.windowTitle())
        add(name + ".toolTip", w.toolTip() if w not in data else "")
        add(name + ".accessibleName", w.accessibleName())
        if w in data:
            continue
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QLineEdit):
            add(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name}[{i}]", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(f"{name}.tab{i}", w.tabText(i))
        elif isinstance(w, QDockWidget):
            add(name, w.windowTitle())
        elif isinstance(w, QMenu):
            add(name, w.title())
        elif isinstance(w, QAbstractSpinBox):
            add(name, getattr(w, "specialValueText", lambda: "")())
        elif isinstance(w, QTextBrowser) and w.objectName() != "articleText":
            add(name, w.toPlainText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            header = getattr(w, "horizontalHeader", None) or getattr(w, "header", None)
            if header is not None and not header().isHidden():
                for c in range(header().count()):
                    add(f"{name}.header{c}", w.model().headerData(c, Qt.Horizontal))
    for a in root.findChildren(QAction):
        for what in ("text", "toolTip", "statusTip"):
            add(f"action:{a.objectName()}.{what}", getattr(a, what)())
    return out


def english(texts) -> list[str]:
    return [f"{where}: {text!r} {sorted(found)}" for where, text in texts
            if (found := english_in(_plain(text or "")) - LANGUAGE_NAMES)]


LANGUAGE_NAMES = {"english"}  # each language is named in itself in the language picker


def test_the_detector_finds_english(vietnamese, window):
    """The check below can fail: an English string on a Vietnamese screen is caught, a translated
    one, a file name or a key name is not."""
    assert english_in("Accept every pending fact")
    assert english_in("3 facts left in the workspace")
    assert not english_in("Còn 3 dữ kiện trong không gian làm việc — workspace.sqlite, Ctrl+Shift+I, Enter")
    window.status_left.setText("12 facts left in the workspace")
    assert english(shown_texts(window))


def test_every_window_and_dialog_in_vietnamese_shows_no_english(qtbot, vietnamese, window, monkeypatch,
                                                               tmp_path):
    w = window
    said, boxes = [], []
    for name in ("hint", "show_saved"):
        original = getattr(w, name)
        monkeypatch.setattr(w, name, lambda m, original=original, name=name: (said.append((name, m)),
                                                                             original(m))[1])

    def record_box(box):
        boxes.append(box.text())
        boxes.extend(b.text() for b in box.buttons())
        if box.checkBox() is not None:
            boxes.append(box.checkBox().text())
        return QMessageBox.Cancel

    monkeypatch.setattr(QMessageBox, "exec", record_box)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.extend(map(str, a[1:3])))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (boxes.extend(a[1:3]), (0, True))[1])

    texts = []
    body = (w.view.text, w.view.title, *w.view.meta.values())  # the article's own words
    texts += shown_texts(w, data=body)
    # Kind names in the facts table are the interface's, the stored kinds unchanged.
    model = w.facts.table.model()
    for r in range(model.rowCount()):
        texts.append(("facts.kind", model.index(r, COL_KIND).data()))
        texts.append(("facts.tooltip", model.index(r, 1).data(Qt.ToolTipRole)))
    texts += [("status", lab.text()) for lab in (w.status_reviewer, w.status_position, w.status_left,
                                                   w.status_saved, w.status_unextracted)]
    texts.append(("articles.tooltip", w.article_model.index(0).data(Qt.ToolTipRole)))
    texts.append(("guidelines", w.guidelines.view.toPlainText()))

    # Keys, each saying something.
    for keys in ("a", "r", "f", "s", "S", "p", "p"):
        qtbot.keyClick(w.facts.table, keys[-1], Qt.ShiftModifier if keys.isupper() else Qt.NoModifier)
    qtbot.keyClick(w.facts.table, Qt.Key_Equal, Qt.ControlModifier)
    qtbot.keyClick(w.facts.table, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(w.facts.table, Qt.Key_A, Qt.ShiftModifier)  # asks how many: a message box
    w.facts.select(None)
    w.accept()  # no fact selected
    w.add()  # nothing selected in the text
    w.learning.ask_every()
    w.delete_article()  # asks first
    texts += [("status", w.status_position.text()), ("status", w.status_left.text())]
    texts += [("said", m) for _, m in said] + [("message box", b) for b in boxes]

    # The find bar, the edit form (editing and adding), the tour, the help.
    qtbot.keyClick(w.facts.table, Qt.Key_Slash)
    w.view.find_bar.field.setText("zzzz")
    texts += shown_texts(w.view.find_bar)
    w.facts.table.setFocus()
    w.facts.step(1)
    w.edit()
    texts += shown_texts(w.facts.form)
    w.facts.form.cancel()
    w.facts.form.add((0, 12), w.article.text)
    texts += shown_texts(w.facts.form)
    w.facts.form.cancel()
    w.comfort.show_tour()
    for _ in range(4):
        texts += shown_texts(w.comfort.tour)
        w.comfort.tour.go(1)
    w.toggle_help()
    texts += shown_texts(w.help)
    assert "Telex" in w.help.view.toPlainText() and "Unikey" in w.help.view.toPlainText()

    # Every dialog.
    from desktop.backups_dialog import BackupsDialog
    from desktop.export_dialog import ExportDialog
    from desktop.guidelines import GuidelinesEditor
    from desktop.history import HistoryDialog
    from desktop.preferences_dialog import PreferencesDialog
    from desktop.stats_view import StatsWindow

    prefs = PreferencesDialog(w.prefs, 3, w)
    prefs.keys.ask(adding=False)
    dialogs = [prefs, ExportDialog(w.workspace, "csv", w), BackupsDialog(w.workspace.path, w),
               HistoryDialog(w.workspace, None, lambda *_: True, w),
               StatsWindow(w.workspace, w.comfort.theme, w), GuidelinesEditor("", w)]
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    w.files.import_paths([str(bad)])
    dialogs += [d for d in QApplication.topLevelWidgets() if type(d).__name__ == "ImportErrors"]
    from desktop.team_views import AdjudicationDialog, AgreementDialog

    dialogs += [AgreementDialog(w), AdjudicationDialog(w)]
    assert len(dialogs) == 9
    history = dialogs[3]
    for d in dialogs:
        texts += shown_texts(d)
    for r in range(history.model.rowCount()):
        texts += [("history", history.model.index(r, c).data()) for c in (0, 2, 4, 5)]
    keys = prefs.keys.model
    texts += [("keys", keys.index(r, c).data()) for r in range(keys.rowCount()) for c in range(3)]
    for d in dialogs:
        d.close()

    assert len(texts) > 600
    found = english(texts)
    assert not found, "\n".join(found)


def test_numbers_dates_and_kinds_the_vietnamese_way(qtbot, vietnamese, window):
    assert i18n.num(1234567) == "1.234.567"
    assert i18n.decimal(0.8) == "0,80"
    assert i18n.date_time(datetime(2024, 12, 6, 14, 5, 9)) == "06/12/2024 14:05:09"
    assert i18n.published("2024-12-06T08:30") == "06/12/2024 08:30"
    assert window.status_position.text().startswith("Bài 1/")
    fact = window.facts.current_fact()
    row = window.facts.table.currentIndex().row()
    shown = window.facts.table.model().index(row, COL_KIND).data()
    assert shown == {"money": "Tiền", "quantity": "SL", "percentage": "%", "date": "Ngày", "person": "Người",
                     "organization": "TC", "location": "Nơi", "legal_reference": "VB"}[fact.kind]
    assert window.facts.table.model().index(row, 5).data() == f"{fact.confidence:.2f}".replace(".", ",")
    qtbot.keyClick(window.facts.table, Qt.Key_A)
    assert window.workspace.fact(fact.id).status == "accepted"  # the stored status is unchanged


def test_english_stays_english(window):
    i18n.install("en")
    assert window.status_position.text().startswith("Article 1 of ")
    assert i18n.num(1234567) == "1,234,567" and i18n.decimal(0.8) == "0.80"


def test_system_language_is_the_default(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Vietnamese, QLocale.Vietnam)))
    assert i18n.resolve("system") == "vi"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.French, QLocale.France)))
    assert i18n.resolve("system") == "en"
    assert i18n.resolve("vi") == "vi"


def test_switching_language_in_preferences_rebuilds_the_window_in_place(qtbot, window):
    w = window
    qtbot.keyClick(w.facts.table, Qt.Key_J)
    qtbot.keyClick(w.facts.table, Qt.Key_A)
    accepted = w.review.stack.command(0).target.fact_id
    place = (w.article.id, w.facts.current_fact().id)
    w.prefs.language = "vi"
    try:
        assert w.rebuild_in_language()
        new = w.successor
        qtbot.addWidget(new)
        assert new.menuBar().actions()[0].text() == "&Tệp"
        assert new.actions["accept"].text() == "&Chấp nhận"
        assert (new.article.id, new.facts.current_fact().id) == place
        assert new.actions["undo"].isEnabled()  # the undo stack came along
        new.actions["undo"].trigger()
        assert new.workspace.fact(accepted).status == "pending"
        # (its step was named when it was made, in English then)
        assert new.status_saved.text().startswith("✓ Đã hoàn tác: ")
    finally:
        i18n.install("en")


# -- the messages of the layers below, on a Vietnamese screen --------------------------------------
def test_the_window_language_is_the_language_of_every_message(qapp):
    """What db/ and facts/ say (facts/i18n.py) follows the window's language, chosen or switched."""
    from facts import i18n as core

    try:
        assert i18n.install("vi") == "vi" and core.language() == "vi"
        assert core._("the file is empty") == "tệp trống"
    finally:
        i18n.install("en")
    assert core.language() == "en" and core._("the file is empty") == "the file is empty"


def test_a_failed_import_says_why_in_vietnamese(qtbot, vietnamese, window, tmp_path):
    from desktop.dialogs import ImportErrors

    (tmp_path / "bad.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    window.files.import_paths([str(tmp_path / n) for n in ("bad.json", "notes.pdf", "empty.txt")])
    shown = [d for d in QApplication.topLevelWidgets() if isinstance(d, ImportErrors) and d.isVisible()]
    assert len(shown) == 1
    text = shown[0].text.toPlainText()
    try:
        assert "dòng 1: JSON không hợp lệ: cần tên thuộc tính đặt trong dấu nháy kép (cột 3)" in text
        assert "kiểu tệp .pdf không được hỗ trợ; cần một trong .bio, .conll" in text
        assert "empty.txt\n    tệp trống" in text
        assert not english_in(text), text
    finally:
        shown[0].close()


def test_a_workspace_that_cannot_be_opened_says_why_in_vietnamese(vietnamese, window, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(_plain(a[2])))
    not_ours = tmp_path / "notes.sqlite"
    not_ours.write_text("chỉ là một tệp văn bản", encoding="utf-8")
    window.switch_workspace(not_ours)
    assert warned == [f"{not_ours} không phải không gian làm việc của Fact Review (không phải cơ sở dữ liệu "
                      "SQLite)."]
    assert window.workspace.path != not_ours  # the workspace before it is still open


def test_the_edit_form_says_why_a_value_is_refused_in_vietnamese(qtbot, vietnamese, window):
    f = next(f for f in window.facts.visible_facts() if f.kind in ("quantity", "money"))
    window.select_fact(f.id)
    window.edit()
    form = window.facts.form
    value = form.inputs["value"]
    value.selectAll()
    qtbot.keyClicks(value, "1.2.3")
    assert not form.save_button.isEnabled()
    assert form.errors["value"].text().startswith("“1.2.3” không phải là số: viết 8.900 hoặc 8900 cho tám nghìn")
    value.selectAll()
    qtbot.keyClicks(value, "12")
    form.note.setText("xem\x07 lại")
    assert form.note_error.text() == "chứa một ký tự điều khiển (U+0007) ở ký tự thứ 4; hãy xóa nó"
    form.cancel()


# -- Vietnamese input methods -------------------------------------------------------------------------
@pytest.mark.parametrize("text, before, key", [
    ("â", "a", "A"), ("ê", "e", "E"), ("ô", "o", "O"),  # aa ee oo
    ("á", "a", "S"), ("à", "a", "F"), ("ả", "a", "R"), ("ã", "a", "X"), ("ạ", "a", "J"),  # tones
    ("ấ", "â", "S"), ("ậ", "â", "J"), ("ấ", "á", "A"),  # a second mark: the new one
    ("ă", "a", "W"), ("ư", "", "W"), ("ơ", "o", "W"), ("đ", "d", "D"),
    ("as", "á", "S"), ("Á", "A", "S"), ("k", "", "K"), ("1", "", None), ("ß", "", None),
])
def test_the_key_behind_what_telex_sends(text, before, key):
    assert ime.from_text(text, before) == key


def _key(w, text: str, key: int = 0, native_key: int = 0, mods=Qt.NoModifier):
    """A key as a hooking input method (Unikey, EVKey) delivers it: its text composed, its key
    code not the letter's, no native virtual key (VK_PACKET) unless given."""
    for kind in (QEvent.ShortcutOverride, QEvent.KeyPress):
        QApplication.sendEvent(w, QKeyEvent(kind, key, mods, 0, native_key, 0, text))
    QApplication.sendEvent(w, QKeyEvent(QEvent.KeyRelease, key, mods, 0, native_key, 0, text))


def test_review_keys_work_when_telex_composes_them(qtbot, window):
    w = window
    table = w.facts.table
    table.setFocus()
    first = w.facts.current_fact()
    qtbot.keyClick(table, Qt.Key_A)  # accepted, the next pending one selected
    second = w.facts.current_fact()
    assert w.workspace.fact(first.id).status == "accepted"
    # A again: Telex makes “aa” into “â” — Backspace, then â.
    _key(table, "\b", Qt.Key_Backspace)
    _key(table, "â", Qt.Key_Acircumflex)
    assert w.workspace.fact(second.id).status == "accepted"
    third = w.facts.current_fact()
    # S after it: “â” + s is “ấ”; S steps the status filter.
    status = w.facts.status_filter.currentIndex()
    _key(table, "\b", Qt.Key_Backspace)
    _key(table, "ấ", 0x1EA4)
    assert w.facts.status_filter.currentIndex() == status + 1
    w.facts.set_filters(None, None)
    w.facts.select(third.id)
    # R as “ả” with the physical key known (ibus forwards it; Windows' own layouts): reject.
    _key(table, "ả", 0x1EA2, native_key=0x52)
    assert w.workspace.fact(third.id).status == "rejected"


def test_review_keys_work_when_the_input_method_commits_text(qtbot, window):
    w = window
    w.facts.table.setFocus()
    fact = w.facts.current_fact()
    event = QInputMethodEvent()
    event.setCommitString("f")  # F, committed rather than typed: flag
    QApplication.sendEvent(w.facts.table, event)
    assert w.workspace.fact(fact.id).status == "flagged"
    nxt = w.facts.current_fact()
    event = QInputMethodEvent()
    event.setCommitString("ạ")  # after an “a”: J, the next fact
    w._ime_last = "a"
    QApplication.sendEvent(w.facts.table, event)
    assert w.facts.current_fact().id != nxt.id


def test_no_input_method_composes_where_single_keys_review(window):
    for pane in window.review_surfaces:
        assert not pane.testAttribute(Qt.WA_InputMethodEnabled)
        query = QInputMethodQueryEvent(Qt.ImEnabled)
        QApplication.sendEvent(pane, query)
        assert not query.value(Qt.ImEnabled)
    # Text fields keep it: Vietnamese is typed there.
    assert window.articles.search.testAttribute(Qt.WA_InputMethodEnabled)


def test_composed_letters_still_type_in_text_fields(qtbot, window):
    w = window
    fact = w.facts.current_fact()
    w.articles.search.setFocus()
    _key(w.articles.search, "â", Qt.Key_Acircumflex)
    event = QInputMethodEvent()
    event.setCommitString("ạ")
    QApplication.sendEvent(w.articles.search, event)
    assert w.articles.search.text() == "âạ"
    assert w.workspace.fact(fact.id).status == "pending"


def test_the_help_says_what_to_do_with_an_input_method(qtbot, window):
    window.toggle_help()
    text = window.help.view.toPlainText()
    assert "Telex" in text and "EVKey" in text and "â" in text
