"""At home for an eight-hour day: text size, a dark theme, keys of one's own, furniture out of the
way, the guidelines at hand, find in the article, and a first tour. Each is driven by key on the
real widgets, and read back from the widgets and the saved preferences."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.importing import import_paths
from desktop import actions as registry
from desktop import settings as prefs_store
from desktop.theme import DARK, KIND_COLOURS, KINDS, LIGHT, MIN_CONTRAST, Theme, contrast
from tests import review_fixture
from tests.conftest import answer_dialog, back_in, open_window, type_text


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)


@pytest.fixture
def win(qtbot, store, tmp_path, settings):
    import_paths(store, [review_fixture.write(tmp_path)])
    return open_window(qtbot, store, tmp_path, settings=settings, active=True)


@pytest.fixture(autouse=True)
def no_modal(monkeypatch):
    """Message boxes are recorded instead of blocking."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def press(qtbot, w, key, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w.facts.table, key, mod)


def preferences(qtbot, w, fill):
    """Edit ▸ Preferences by its key, `fill` run on the dialog, then Enter saves it."""
    answer_dialog(qtbot, Qt.Key_Return, first=fill)
    press(qtbot, w, Qt.Key_Comma, Qt.ControlModifier)
    back_in(qtbot, w)


# -- text size --------------------------------------------------------------------------------
def test_text_size_follows_the_keys_and_is_kept(qtbot, win, store, tmp_path, settings):
    article, table, rows = win.view.text, win.facts.table, win.articles.view
    size, row, item = (article.font().pointSizeF(), table.verticalHeader().defaultSectionSize(),
                       rows.sizeHintForRow(0))
    press(qtbot, win, Qt.Key_Equal, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Equal, Qt.ControlModifier)
    assert article.font().pointSizeF() == pytest.approx(size * 1.2)
    assert table.font().pointSizeF() > QApplication.font().pointSizeF()
    assert table.verticalHeader().defaultSectionSize() > row and rows.sizeHintForRow(0) > item
    assert "120%" in win.status_hint.text()
    press(qtbot, win, Qt.Key_Minus, Qt.ControlModifier)
    assert prefs_store.load(settings).text_zoom == 110
    win.close()

    again = open_window(qtbot, store, tmp_path, settings=QSettings(settings.fileName(), QSettings.IniFormat),
                        active=True)
    assert again.view.text.font().pointSizeF() == pytest.approx(size * 1.1)
    press(qtbot, again, Qt.Key_0, Qt.ControlModifier)
    assert again.view.text.font().pointSizeF() == pytest.approx(size)
    assert prefs_store.load(settings).text_zoom == 100


# -- themes and colours -----------------------------------------------------------------------
def painted(w):
    """(text colour, ground) of every highlight the article shows."""
    return [(s.format.foreground().color(), s.format.background().color())
            for s in w.view.text.extraSelections() if s.format.background().style() != Qt.NoBrush]


def decide_some(qtbot, w):
    """Facts in every state on screen: accepted, rejected, pending, and one selected."""
    press(qtbot, w, Qt.Key_A)
    press(qtbot, w, Qt.Key_A)
    press(qtbot, w, Qt.Key_R)


def test_the_dark_theme_is_chosen_in_preferences_and_every_highlight_reads(qtbot, win, settings):
    decide_some(qtbot, win)
    assert QApplication.palette().base().color().name() == LIGHT.base
    light = painted(win)
    assert len(light) >= 8

    preferences(qtbot, win, lambda d: d.theme.setCurrentIndex(d.theme.findData("dark")))
    assert prefs_store.load(settings).theme == "dark"
    assert QApplication.palette().base().color().name() == DARK.base
    assert DARK.base in QApplication.instance().styleSheet()
    dark = painted(win)
    assert len(dark) == len(light) and dark != light
    for text, ground in light + dark:
        assert contrast(text, ground) >= MIN_CONTRAST, (text.name(), ground.name())
    assert win.facts.model.theme.palette is DARK  # the lists' colours too

    preferences(qtbot, win, lambda d: d.theme.setCurrentIndex(d.theme.findData("light")))
    assert QApplication.palette().base().color().name() == LIGHT.base and painted(win) == light


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("colours", [KIND_COLOURS, {k: "#777777" for k in KINDS}, {k: "#f0e442" for k in KINDS}],
                         ids=["okabe-ito", "mid-grey", "yellow"])
def test_text_on_every_kind_colour_reads_in_both_themes(palette, colours):
    """4.5:1 at least (WCAG AA) for the words of a pending, decided and selected fact, the kind
    column and the status glyphs, for the defaults and for colours a reviewer might pick."""
    theme = Theme(palette, colours)
    base = theme.colour("base")
    for kind in KINDS:
        for ground in (theme.tint(kind, decided=False), theme.tint(kind, decided=True)):
            assert contrast(theme.text_on(ground), ground) >= MIN_CONTRAST, kind
        assert contrast(theme.on_kind(kind), theme.kind(kind)) >= MIN_CONTRAST, kind
        assert contrast(theme.kind_text(kind), base) >= MIN_CONTRAST, kind
    for status in palette.status:
        assert contrast(theme.status(status), base) >= MIN_CONTRAST, status
    for name in ("text", "muted", "error", "ok", "accent"):
        assert contrast(theme.colour(name), base) >= MIN_CONTRAST, name
    for name in ("text_selection", "selection"):  # drawn with the theme's text colour
        assert contrast(theme.colour("text"), theme.colour(name)) >= MIN_CONTRAST, name
    for name in ("find", "find_current"):
        ground = theme.colour(name)
        assert contrast(theme.text_on(ground), ground) >= MIN_CONTRAST, name


def test_system_theme_follows_the_system_as_it_changes(qtbot, win, monkeypatch):
    from PySide6.QtGui import QStyleHints

    assert win.prefs.theme == "system"
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda self: Qt.ColorScheme.Dark)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().window().color().name() == DARK.window
    assert win.view.theme.palette is DARK
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda self: Qt.ColorScheme.Light)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.palette().window().color().name() == LIGHT.window


def test_a_kind_colour_is_changed_in_preferences_and_the_defaults_come_back(qtbot, win, settings, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#5e3c99"))
    org = next(f for f in win.facts.visible_facts() if f.kind == "organization")
    win.select_fact(org.id)

    def pick(dialog):
        dialog.tabs.setCurrentIndex(1)
        dialog.colour_buttons["organization"].click()
    preferences(qtbot, win, pick)
    assert prefs_store.load(settings).kind_colours == {"organization": "#5e3c99"}
    selected = next(s for s in win.view.text.extraSelections()
                    if s.format.property(0x100000) == org.id)  # QTextFormat.UserProperty
    assert selected.format.background().color().name() == "#5e3c99"
    assert contrast(selected.format.foreground().color(), QColor("#5e3c99")) >= MIN_CONTRAST

    def restore(dialog):
        dialog.tabs.setCurrentIndex(1)
        next(b for b in dialog.findChildren(type(dialog.colour_buttons["money"]))
             if "Colour-blind-safe" in b.text()).click()
    preferences(qtbot, win, restore)
    assert prefs_store.load(settings).kind_colours == {}


# -- keys -------------------------------------------------------------------------------------
def choose(page, action_id):
    from desktop.keys_page import IdRole

    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(IdRole) == action_id)
    page.table.setCurrentIndex(page.model.index(row, 0))
    page.table.setFocus()


def test_a_key_is_changed_in_preferences_and_a_taken_one_refused(qtbot, win, store, settings):
    said = []

    def remap(dialog):
        page = dialog.keys
        dialog.tabs.setCurrentWidget(page)
        choose(page, "accept")
        qtbot.keyClick(page.table, Qt.Key_Return)  # waits for the key
        qtbot.keyClick(page.capture, Qt.Key_Y)
        choose(page, "reject")
        qtbot.keyClick(page.table, Qt.Key_Return)
        qtbot.keyClick(page.capture, Qt.Key_Y)  # Accept's now
        said.append(page.message.text())
        choose(page, "flag")
        qtbot.keyClick(page.table, Qt.Key_Return)
        qtbot.keyClick(page.capture, Qt.Key_F, Qt.AltModifier)  # the File menu's
        said.append(page.message.text())
        choose(page, "next_pending")
        qtbot.keyClick(page.table, Qt.Key_Return)
        qtbot.keyClick(page.capture, Qt.Key_Escape)  # keeps its keys
    preferences(qtbot, win, remap)
    assert said == ["Not changed: Y is already the key of “Accept” (Review).",
                    "Not changed: Alt+F opens the File menu."]
    assert prefs_store.load(settings).keys == {"accept": ["Y"]}
    assert win.actions["accept"].shortcut().toString() == "Y"  # what the Review menu shows
    assert "(Y)" in win.actions["accept"].toolTip()
    f = win.facts.current_fact()
    press(qtbot, win, Qt.Key_A)
    assert store.fact(f.id).status == "pending"
    press(qtbot, win, Qt.Key_Y)
    assert store.fact(f.id).status == "accepted"

    press(qtbot, win, Qt.Key_F1)
    shown = win.help.view.toPlainText()
    assert "YAccept" in shown.replace("\t", "").replace("\n", "") or "Y\nAccept" in shown
    win.help.close()


def test_the_help_says_which_find_is_which(qtbot, win):
    press(qtbot, win, Qt.Key_F1)
    shown = win.help.view.toPlainText()
    assert "Find in Articles" in shown and "pressed while the article text has the keys" in shown
    assert "Find in This Article" in shown and "Shift+F3" in shown
    win.help.close()


def test_a_remapped_kind_filter_gets_a_help_row_of_its_own():
    keys = registry.current_keys({"kind_money": ["Ctrl+Alt+M"]})
    text = registry.help_html({"kind_money": ["Ctrl+Alt+M"]})
    assert "Alt+0 … Alt+8" not in text and "Ctrl+Alt+M" in text and "Only Money" in text
    assert registry.keys_text(registry.SPECS["kind_all"], keys) == "Alt+0"


# -- page furniture ------------------------------------------------------------------------------
def test_one_key_hides_page_furniture_and_shows_it_again(qtbot, seeded_store, tmp_path, settings):
    from app.extracting import run_extraction

    run_extraction(seeded_store)  # it finds the story's lines; the rest is furniture
    w = open_window(qtbot, seeded_store, tmp_path, settings=settings, active=True)
    aid = next(a for a in seeded_store.article_ids()
               if (art := seeded_store.article(a)).content and art.content[0][0] > 1000)
    w.open_article(aid)
    doc = w.view.text.document()

    def hidden():
        block, n = doc.begin(), 0
        while block.isValid():
            n += not block.isVisible()
            block = block.next()
        return n
    height = doc.size().height()
    assert hidden() == 0
    press(qtbot, w, Qt.Key_P)
    assert hidden() > 3 and doc.size().height() < height
    assert w.actions["furniture"].isChecked() and prefs_store.load(settings).hide_furniture
    content_start = seeded_store.article(aid).content[0][0]
    in_furniture = next((f for f in w.facts.model.facts if f.end <= content_start), None)
    if in_furniture is not None:  # a fact in hidden furniture shows its line when selected
        w.select_fact(in_furniture.id)
        assert doc.findBlock(w.view.offsets.to_doc(in_furniture.start)).isVisible()
    press(qtbot, w, Qt.Key_P)
    assert hidden() == 0 and not prefs_store.load(settings).hide_furniture


# -- guidelines ----------------------------------------------------------------------------------
def test_guidelines_are_imported_toggled_and_kept_in_the_workspace(qtbot, win, store, tmp_path, monkeypatch):
    from app.workspace import Workspace

    md = tmp_path / "guide.md"
    md.write_text("# Hướng dẫn\n\n## Money\n\nTag **3 tỷ đồng** whole.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(md), ""))
    dock = win.guidelines.dock
    assert not dock.isVisible()
    panes = win.splitter.sizes()
    win.actions["import_guidelines"].trigger()
    assert dock.isVisible() and "Tag 3 tỷ đồng whole." in win.guidelines.view.toPlainText()
    assert Workspace(store).guidelines().startswith("# Hướng dẫn")
    assert "imported from guide.md" in win.status_hint.text()
    press(qtbot, win, Qt.Key_G)
    assert not dock.isVisible() and not win.actions["guidelines"].isChecked()
    assert win.splitter.sizes() == panes  # the room it took is given back
    press(qtbot, win, Qt.Key_G)
    assert dock.isVisible() and win.actions["guidelines"].isChecked()
    assert win.facts.table.hasFocus()  # the keys stay with the facts


def test_guidelines_are_written_in_the_editor(qtbot, win, store, monkeypatch):
    from app.workspace import Workspace

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Discard)

    def write(editor):
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        editor.source.selectAll()
        type_text(qtbot, editor.source, "Ghi chú: tiền tệ")
        qtbot.keyClick(editor.source, Qt.Key_S, Qt.ControlModifier)
        if editor.isVisible():  # Ctrl+S failed: fail below, without a dialog left open
            editor.done(0)
    answer_dialog(qtbot, Qt.Key_Shift, first=write)  # a key that does nothing, after Ctrl+S
    win.actions["edit_guidelines"].trigger()
    back_in(qtbot, win)
    assert not asked and Workspace(store).guidelines() == "Ghi chú: tiền tệ"
    assert win.guidelines.dock.isVisible() and "Ghi chú" in win.guidelines.view.toPlainText()

    def drop(editor):
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
        type_text(qtbot, editor.source, " thêm")
    answer_dialog(qtbot, Qt.Key_Escape, first=drop)
    win.actions["edit_guidelines"].trigger()
    back_in(qtbot, win)
    assert asked == ["Drop the changes to the guidelines?"]
    assert Workspace(store).guidelines() == "Ghi chú: tiền tệ"


def test_imported_guidelines_load_no_image_and_no_html(qtbot, win, tmp_path, monkeypatch):
    """Laying out an image loads it, from any path or address: none reaches the document."""
    picture = tmp_path / "pic.png"
    image = QImage(8, 8, QImage.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(picture))
    md = tmp_path / "hostile.md"
    md.write_text(f"![local]({picture}) ![web](http://example.invalid/x.png) ![ref][r]\n\n"
                  f"[r]: {picture.as_uri()}\n\n| a | b |\n|---|---|\n| ![cell]({picture}) | 2 |\n\n"
                  f"<img src=\"{picture}\"> <b>bold</b> [link](http://example.invalid)\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(md), ""))
    win.actions["import_guidelines"].trigger()
    view = win.guidelines.view
    shown = view.toPlainText()
    assert "\ufffc" not in shown  # no image object left to lay out
    assert shown.count("[image: ") == 4 and f"[image: {picture}]" in shown
    assert "<b>bold</b>" in shown and f'<img src="{picture}">' in shown  # HTML shown as typed
    view.grab()
    assert not view.openLinks() and not view.openExternalLinks()


def test_a_guidelines_file_that_is_not_text_is_refused(qtbot, win, tmp_path, monkeypatch, no_modal):
    from app.workspace import Workspace

    bad = tmp_path / "guide.md"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    win.actions["import_guidelines"].trigger()
    assert no_modal and "guide.md" in no_modal[0] and not win.guidelines.dock.isVisible()
    assert Workspace(win.workspace.store).guidelines() == ""


# -- find in the article -------------------------------------------------------------------------
def test_find_in_the_article_from_its_text(qtbot, win, store):
    bar = win.view.find_bar
    press(qtbot, win, Qt.Key_F, Qt.ControlModifier)  # from the facts: the article list's search
    assert QApplication.focusWidget() is win.articles.search and not bar.isVisible()
    press(qtbot, win, Qt.Key_Escape)
    press(qtbot, win, Qt.Key_T)  # the keys in the article text
    press(qtbot, win, Qt.Key_F, Qt.ControlModifier)
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    type_text(qtbot, bar.field, "bộ y tế")
    assert bar.count.text() == "1 of 5"  # any case: the title's “cán bộ y tế” too
    press(qtbot, win, Qt.Key_Return)
    assert bar.count.text() == "2 of 5"
    press(qtbot, win, Qt.Key_F3)
    press(qtbot, win, Qt.Key_Return, Qt.ShiftModifier)
    assert bar.count.text() == "2 of 5"
    press(qtbot, win, Qt.Key_F3, Qt.ShiftModifier)
    press(qtbot, win, Qt.Key_F3, Qt.ShiftModifier)
    assert bar.count.text() == "5 of 5"  # round from the first to the last
    start, end = win.view.matches[win.view.match]
    assert win.article.text[start:end] == "Bộ Y tế"
    highlighted = [s for s in win.view.text.extraSelections()
                   if s.format.background().color() in (win.view.theme.colour("find"),
                                                        win.view.theme.colour("find_current"))]
    assert len(highlighted) == 5
    assert highlighted[-1].format.background().color() == win.view.theme.colour("find_current")

    bar.case.click()
    assert bar.count.text() == "1 of 1"  # the case typed only: “cán bộ y tế”
    bar.field.setFocus()
    bar.field.selectAll()
    type_text(qtbot, bar.field, "bo y te")
    assert bar.count.text() == "1 of 1"  # the case typed, without diacritics: “cán bộ y tế”
    bar.case.click()
    assert bar.count.text().endswith("of 5")  # as ha noi finds Hà Nội
    bar.diacritics.click()
    assert bar.count.text() == "No match"
    assert win.prefs.find_match_diacritics and not win.prefs.find_match_case  # kept
    bar.diacritics.click()

    bar.field.setFocus()
    press(qtbot, win, Qt.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is win.facts.table
    assert not win.view.matches


def test_a_found_phrase_is_added_as_a_fact(qtbot, win):
    press(qtbot, win, Qt.Key_Slash)
    bar = win.view.find_bar
    assert bar.isVisible()
    type_text(qtbot, bar.field, "Vụ trưởng")
    assert bar.count.text() == "1 of 1"
    press(qtbot, win, Qt.Key_Escape)
    press(qtbot, win, Qt.Key_N)
    form = win.facts.form
    assert form.isVisible() and win.article.text[form.span[0]:form.span[1]] == "Vụ trưởng"
    form.cancel()


def test_find_follows_to_the_next_article(qtbot, win):
    press(qtbot, win, Qt.Key_Slash)
    type_text(qtbot, win.view.find_bar.field, "Hà Nội")
    assert win.view.find_bar.count.text() == "No match"
    win.step_article(1)
    assert win.view.find_bar.count.text() == "1 of 2"


# -- the tour ------------------------------------------------------------------------------------
def test_the_tour_shows_once_walks_by_key_and_comes_back_from_help(qtbot, win, store, settings):
    f = win.facts.current_fact()
    win.comfort.offer_tour()
    tour = win.comfort.tour
    assert tour.isVisible() and tour.hasFocus() and tour.heading.text() == "Articles"
    press(qtbot, win, Qt.Key_A)  # the tour has the keys: nothing is decided
    assert store.fact(f.id).status == "pending"
    for title in ("The article", "Facts", "Five keys do most of the work"):
        press(qtbot, win, Qt.Key_Right)
        assert tour.heading.text() == title
    assert "<b>A</b>" in tour.body.text() and "<b>Space</b>" in tour.body.text()
    press(qtbot, win, Qt.Key_Left)
    assert tour.heading.text() == "Facts"
    press(qtbot, win, Qt.Key_Escape)
    assert win.comfort.tour is None and QApplication.focusWidget() is win.facts.table
    assert prefs_store.load(settings).tour_seen

    win.comfort.offer_tour()
    assert win.comfort.tour is None  # once only
    win.actions["tour"].trigger()
    tour = win.comfort.tour
    assert tour.isVisible()
    for _ in range(4):
        press(qtbot, win, Qt.Key_Return)
    assert win.comfort.tour is None


def test_the_tour_names_the_reviewers_own_keys(qtbot, win, settings):
    win.prefs.keys = {"accept": ["Y"]}
    win.comfort.show_tour()
    assert "<b>Y</b>" in win.comfort.tour.steps[-1].body
    press(qtbot, win, Qt.Key_Escape)


def test_the_first_start_shows_the_tour(qtbot, store, tmp_path, monkeypatch):
    """launch() offers it once the window shows (its event loop replaced by a check)."""
    from desktop import app as desktop_app

    import_paths(store, [review_fixture.write(tmp_path)])
    store.close()
    made = []

    class Window(desktop_app.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            qtbot.addWidget(self)
            made.append(self)
    monkeypatch.setattr(desktop_app, "MainWindow", Window)
    monkeypatch.setattr(desktop_app, "app_settings",
                        lambda: QSettings(str(tmp_path / "first.ini"), QSettings.IniFormat))
    toured = []
    monkeypatch.setattr(QApplication, "exec", lambda *a: toured.append(made[0].comfort.tour.isVisible()) or 0)
    assert desktop_app.launch(tmp_path / "workspace.sqlite", False, reviewer="lan") == 0
    assert toured == [True]
    made[0].comfort.tour.finish()
