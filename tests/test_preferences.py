"""Edit ▸ Preferences (Ctrl+,): every preference the window keeps has a place to be set."""
from PySide6.QtCore import QSettings, Qt

from app.importing import import_paths
from desktop import settings as prefs_store
from tests import review_fixture
from tests.conftest import answer_dialog, back_in, open_window, type_text


def test_preferences_are_set_from_the_keyboard_and_kept(qtbot, store, tmp_path):
    import_paths(store, [review_fixture.write(tmp_path)])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    w = open_window(qtbot, store, tmp_path, settings=settings, active=True)

    def fill(dialog):
        dialog.reviewer.selectAll()
        type_text(qtbot, dialog.reviewer, "Thảo")
        dialog.threshold.setValue(0.95)
        dialog.keep.setValue(4)
        dialog.every.setValue(0)
        dialog.confirm.setChecked(False)
        dialog.reviewer.setFocus()

    answer_dialog(qtbot, Qt.Key_Return, first=fill)
    qtbot.keyClick(w.facts.table, Qt.Key_Comma, Qt.ControlModifier)
    back_in(qtbot, w)
    kept = prefs_store.load(settings)
    assert (kept.reviewer, kept.accept_threshold, kept.keep_backups, kept.confirm_bulk) == (
        "Thảo", 0.95, 4, False)
    assert not w.actions["confirm_bulk"].isChecked() and w.learning.every() == 0
    assert store.get_state("learn_every") == 0
    f = w.facts.current_fact()
    qtbot.keyClick(w.facts.table, Qt.Key_A)
    assert store.fact(f.id).reviewer == "Thảo"  # the next decision is the new name's
    assert "Reviewer: Thảo" in w.status_reviewer.text()


def test_a_name_of_control_characters_cannot_be_saved(qtbot, store, tmp_path):
    from desktop.preferences_dialog import PreferencesDialog
    from desktop.settings import Prefs

    dialog = PreferencesDialog(Prefs(reviewer="lan"), 25)
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("lan\x1b[31m")
    assert not dialog.save_button.isEnabled() and "control characters" in dialog.error.text()
    dialog.reviewer.setText("   ")
    assert not dialog.save_button.isEnabled()
    dialog.reviewer.setText("Lan Anh")
    assert dialog.save_button.isEnabled()
