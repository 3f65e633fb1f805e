"""What a reviewer types is read right, nothing happens out of sight, no step needs the mouse.

The workspace comes from a fixed fact file (tests/review_fixture.py), never from the
extractor, and every test drives the real widgets by key and reads the workspace after."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.fact_model import COL_VALUE
from desktop.main_window import MainWindow
from desktop.tasks import FakeThreadPool
from facts.importer import import_paths
from tests import review_fixture


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
    w = MainWindow(ws, "lan", settings, pool=FakeThreadPool())
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
    from facts.stats import report

    for _ in range(3):
        press(qtbot, win, Qt.Key_A)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    accepted = [f for a in ws.article_ids() for f in ws.facts(a) if f.status == "accepted"]
    assert len(accepted) == 2
    assert len(ws.review_log()) == 6  # the log keeps every step
    [session] = report(ws).sessions
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
    assert "1 files imported" in win.status_saved.text()


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
