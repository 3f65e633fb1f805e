"""Learning from the window: on demand (Review ▸ Learn from Decisions, Ctrl+L) and after N
newly completed articles; then the articles under review are read again by the model."""
import json

import pytest
from PySide6.QtCore import Qt

from app.importing import import_paths
from tests.conftest import open_window

pytest.importorskip("pycrfsuite")

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà",
          "Vũ Đức Khang", "Đặng Mai Lan", "Bùi Thanh Sơn"]
ORGS = ["Bệnh viện Bạch Mai", "Sở Y tế Hà Nội", "Bộ Y tế", "Viện Pasteur", "Trung tâm Kiểm soát bệnh tật"]
PLACES = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An"]


def _article(i: int, status: str) -> dict:
    text, facts = "", []

    def put(words: str, kind: str = None) -> None:
        nonlocal text
        if kind:
            facts.append({"kind": kind, "start": len(text), "end": len(text) + len(words),
                          "text": words, "value": words, "status": status})
        text += words

    for j in range(4):
        p, o, l = PEOPLE[(i + j) % 8], ORGS[(i * 3 + j) % 5], PLACES[(i + 2 * j) % 5]
        put("Ông ")
        put(p, "person")
        put(", giám đốc ")
        put(o, "organization")
        put(", cho biết tình hình dịch bệnh tại ")
        put(l, "location")
        put(" đã ổn định. ")
    return {"id": f"{status}{i}", "title": f"Tin {i}", "text": text.strip(), "facts": facts}


@pytest.fixture
def ws(store, tmp_path):
    f = tmp_path / "reviewed.jsonl"
    rows = [_article(i, "accepted") for i in range(12)]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    g = tmp_path / "new.jsonl"
    g.write_text("\n".join(json.dumps({**_article(i, "pending"), "facts": []}, ensure_ascii=False)
                           for i in range(12, 15)) + "\n", encoding="utf-8")
    import_paths(store, [f, g])
    from app.extracting import run_extraction

    run_extraction(store)  # the three new ones have pending facts of the rules
    return store


def test_ctrl_l_learns_and_reads_the_articles_under_review_again(qtbot, ws, tmp_path):
    w = open_window(qtbot, ws, tmp_path, active=True)
    reviewed = {f.id: (f.status, f.start, f.end) for a in ws.article_ids() for f in ws.facts(a)
                if f.status != "pending"}
    qtbot.keyClick(w.facts.table, Qt.Key_L, Qt.ControlModifier)
    assert w.status_saved.text().startswith("✓ Model 1 learned from 12 articles:"), w.status_saved.text()
    model = ws.latest_model()
    assert model is not None and model.version == 1
    pending_articles = ws.article_ids(pending_only=True)
    # read again by the model (its facts carry learned@1 where it adds to the rules)
    assert all("learned@1" in ws.article(a).extracted_with for a in pending_articles)
    after = {f.id: (f.status, f.start, f.end) for a in ws.article_ids() for f in ws.facts(a)
             if f.id in reviewed}
    assert after == reviewed  # reviewed facts untouched
    # the finished articles got no new pending facts
    assert all(ws.status_counts([a])[a].get("pending", 0) == 0 for a in ws.article_ids()
               if a not in pending_articles)


def test_learning_starts_by_itself_after_n_completed_articles(qtbot, ws, tmp_path):
    from app.learning import STATE_AT, STATE_EVERY

    ws.set_state(STATE_EVERY, 1)
    ws.set_state(STATE_AT, 11)  # as if the last model was learned with 11 articles done
    w = open_window(qtbot, ws, tmp_path, active=True)
    w.learning._check.setInterval(10)
    first_pending = ws.article_ids(pending_only=True)[0]
    w.open_article(first_pending)
    ws.decide_many([f.id for f in ws.facts(first_pending) if f.status == "pending"][:-1],
                   "accept", "lan", status="accepted")
    w.open_article(first_pending)
    w.facts.select([f for f in ws.facts(first_pending) if f.status == "pending"][0].id)
    qtbot.keyClick(w.facts.table, Qt.Key_A)  # the article's last pending fact: 13 done now
    qtbot.waitUntil(lambda: "Model 1 learned" in w.status_saved.text(), timeout=60000)
    assert ws.get_state(STATE_AT) == ws.completed_count()


def test_too_little_to_learn_is_said(qtbot, store, tmp_path):
    from tests import review_fixture

    import_paths(store, [review_fixture.write(tmp_path)])
    w = open_window(qtbot, store, tmp_path, active=True)
    w.actions["learn"].trigger()
    assert "Nothing learned yet" in w.status_hint.text() and store.latest_model() is None
