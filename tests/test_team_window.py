"""The team in the window: a reviewer's queue, the agreement view, and adjudication from the
keyboard — on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import type_text
from tests.test_live import close, window
from tests.test_team import corpus, review_both

pytest_plugins = ["tests.pg.plugin"]


@pytest.fixture
def shared(engine_ws, tmp_path):
    """Two articles reviewed blind by lan and minh (tests/test_team.py counts their agreement
    by hand), opened by thu, who adjudicates."""
    engine_ws.import_paths([corpus(tmp_path)], extract=False)
    engine_ws.assign(["lan", "minh"], overlap=1.0)
    review_both(engine_ws)
    engine_ws.settle_agreed()
    engine_ws.reviewer = "thu"
    return engine_ws


def test_agreement_view_shows_the_hand_counted_figures(qtbot, shared, tmp_path):
    from desktop.team_views import AgreementDialog

    w = window(qtbot, shared, tmp_path, "thu")
    try:
        dialog = AgreementDialog(w)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
        assert dialog.pair.currentText() == "lan — minh"
        last = dialog.table.rowCount() - 1
        assert dialog.table.item(last, 1).text() in ("0.83", "0,83")  # 10/12, as counted by hand
        assert "2" in dialog.summary.text()
        dialog.close()
    finally:
        close(w)


def test_adjudication_from_the_keyboard(qtbot, shared, tmp_path):
    from desktop.team_views import AdjudicationDialog

    w = window(qtbot, shared, tmp_path, "thu")
    try:
        dialog = AdjudicationDialog(w)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert len(dialog.items) == 4 and dialog.list.count() == 4
        first = dialog.current()
        assert first.fact.text == "3 tỷ đồng"
        sides = [dialog.sides.item(r, 1).text() for r in range(dialog.sides.rowCount())]
        minh = sides.index("minh") + 1
        qtbot.keyClick(dialog, getattr(Qt, f"Key_{minh}"))  # take minh's side: the edited value
        fact = shared.fact(first.fact.id)
        assert (fact.status, fact.value) == ("edited", "3000000001")
        assert shared.review_log(fact.id)[0].action == "adjudicate"
        assert dialog.list.count() == 3 and "Adjudication saved" in w.status_saved.text()

        qtbot.keyClick(dialog, Qt.Key_Z, Qt.ControlModifier)  # undone: the disagreement is back
        assert shared.fact(first.fact.id).status == "pending" and dialog.list.count() == 4

        dialog.list.setCurrentRow(0)
        qtbot.keyClick(dialog, Qt.Key_R)
        assert shared.fact(first.fact.id).status == "rejected"
        # the curator's own final fact: E, a value, Enter
        d = dialog.current()
        qtbot.keyClick(dialog, Qt.Key_E)
        assert dialog.form.isVisible()
        dialog.form.value.clear()
        type_text(qtbot, dialog.form.value, d.sides[0].fact["value"] + " 2")
        qtbot.keyClick(dialog.form.value, Qt.Key_Return)
        written = shared.fact(d.fact.id)
        assert written.status == "edited" and written.value == d.sides[0].fact["value"] + " 2"
        while dialog.items:
            qtbot.keyClick(dialog, Qt.Key_1)
        assert "No disagreements left" in dialog.status.text()
        assert shared.pending_total() == 0
        dialog.close()
    finally:
        close(w)
