"""Same name, every mention: a decided name proposes its other mentions, in the store and
in the window, and its undo takes them back."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.importing import import_paths
from tests.conftest import open_window
from facts.model import validate_fact
from app.proposing import propose_after
from facts.propose import EXTRACTOR, RAW_CONFIDENCE, mentions, summary

NAME = "Nguyễn Văn Hải"

# (text, content or None, [(kind, text, nth, status)])
ARTICLES = [
    ("Ông Nguyễn Văn Hải, Vụ trưởng, cho biết Bộ Y tế sẽ mở rộng. Theo Nguyễn Văn Hải, kết quả tốt.",
     None, [("person", NAME, 0, "pending"), ("organization", "Bộ Y tế", 0, "pending")]),
    # two mentions to propose; not the lower-case one, not inside a longer word
    ("Nguyễn Văn Hải thăm Hà Nội. Sau đó Nguyễn Văn Hải nói với nguyễn văn hải và Nguyễn Văn Hảii.",
     None, [("location", "Hà Nội", 0, "accepted")]),
    # a reviewer rejected this name here: no mention of it is proposed here again
    ("Nguyễn Văn Hải (đường) và ngõ Nguyễn Văn Hải ở Hải Phòng.",
     None, [("person", NAME, 0, "rejected")]),
    # covered by a fact of another kind: not proposed
    ("Quỹ Nguyễn Văn Hải trao 10 suất học bổng.", None, [("organization", "Quỹ Nguyễn Văn Hải", 0, "pending")]),
    # outside the story's content (page furniture) not proposed; in the story, it is
    ("Tin cùng chuyên mục: Nguyễn Văn Hải nghỉ hưu\nBài chính: Nguyễn Văn Hải về thăm quê.",
     "second line", []),
]


def _nth(text, needle, n):
    i = -1
    for _ in range(n + 1):
        i = text.index(needle, i + 1)
    return i


def write_workspace_file(folder):
    lines = []
    for i, (text, content, facts) in enumerate(ARTICLES):
        obj = {"id": f"a{i + 1}", "text": text, "facts": []}
        if content == "second line":
            obj["content"] = [[text.index("\n") + 1, len(text)]]
        for kind, t, n, status in facts:
            s = _nth(text, t, n)
            obj["facts"].append({"kind": kind, "start": s, "end": s + len(t), "text": t, "value": t,
                                 "confidence": 0.9, "extractor": "fixture@1", "status": status})
        lines.append(json.dumps(obj, ensure_ascii=False))
    path = folder / "names.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ws(store, tmp_path):
    import_paths(store, [write_workspace_file(tmp_path)])
    return store


def ids(store):
    return store.article_ids()


def the_name(store, article_index=0):
    aid = ids(store)[article_index]
    return next(f for f in store.facts(aid) if f.text == NAME and f.kind == "person")


def proposals(store):
    return [(store.article(f.article_id).uid, f.start, f.text) for aid in ids(store)
            for f in store.facts(aid) if f.extractor == EXTRACTOR]


def test_mentions_are_exact_whole_words_inside_the_content():
    text = "Hà Nội, hà nội, Hà Nộii, (Hà Nội) và xHà Nội."
    assert mentions(text, "Hà Nội") == [0, 26]
    assert mentions(text, "Hà Nội", [[8, 40]]) == [26]
    assert mentions(text, "") == []


def test_an_accepted_name_proposes_its_other_mentions(ws):
    f = the_name(ws)
    rec = ws.decide(f.id, "accept", "lan", status="accepted")
    before = {a: ws.article(a).n_pending for a in ids(ws)}
    results = propose_after(ws, [rec])
    a1, a2 = ids(ws)[:2]
    t1, t2, t5 = ARTICLES[0][0], ARTICLES[1][0], ARTICLES[4][0]
    assert proposals(ws) == [("a1", _nth(t1, NAME, 1), NAME),
                             ("a2", _nth(t2, NAME, 0), NAME), ("a2", _nth(t2, NAME, 1), NAME),
                             ("a5", _nth(t5, NAME, 1), NAME)]
    assert summary(results) == f"Proposed ‘{NAME}’ in 4 more places"
    for p in results[0].facts:
        assert p.status == "pending" and p.kind == "person" and p.value == NAME
        assert p.confidence == RAW_CONFIDENCE and p.reviewer is None
    # the counts follow, in one transaction
    assert ws.article(a1).n_pending == before[a1] + 1 and ws.article(a2).n_pending == before[a2] + 2
    # deciding it again proposes nothing new: every mention is covered now
    assert summary(propose_after(ws, [ws.fact(f.id)])) == ""


def test_only_names_that_a_reviewer_kept_propose(ws):
    f = the_name(ws)
    assert propose_after(ws, [ws.fact(f.id)]) == []  # still pending
    rejected = ws.decide(f.id, "reject", "lan", status="rejected")
    assert propose_after(ws, [rejected]) == []
    org = next(x for x in ws.facts(ids(ws)[0]) if x.kind == "organization")
    assert [r.facts for r in propose_after(ws, [ws.decide(org.id, "accept", "lan", status="accepted")])] == [[]]


def test_an_added_name_proposes_too_and_keeps_what_the_name_shares(ws):
    aid = ids(ws)[1]
    text = ARTICLES[1][0]
    s = text.index("Hà Nội")
    ws.decide(next(f.id for f in ws.facts(aid) if f.text == "Hà Nội"), "reject", "lan", status="rejected")
    rec = ws.add_fact(aid, validate_fact({"kind": "location", "start": s, "end": s + 6, "text": "Hà Nội",
                                          "value": "Hà Nội", "level": "province", "extractor": "manual"}), "lan")
    # rejected as a location in a2 before: the new fact overlaps it, nothing else mentions it
    assert [r.facts for r in propose_after(ws, [rec])] == [[]]


def test_the_cap_says_what_was_left_unread(ws):
    rec = ws.decide(the_name(ws).id, "accept", "lan", status="accepted")
    results = propose_after(ws, [rec], max_articles=2)
    res, = results
    assert res.articles == 5 and res.searched == 2 and res.capped
    assert summary(results) == (f"Proposed ‘{NAME}’ in 3 more places "
                                f"(searched 2 of the 5 articles that mention ‘{NAME}’)")
    # the next decisions on that name read further: the articles without it first
    again = propose_after(ws, [ws.fact(rec.id)], max_articles=3)
    assert again[0].searched == 3 and [f.article_id for f in again[0].facts] == [ids(ws)[4]]


def test_proposals_are_calibrated_on_the_workspace_decisions(ws):
    from facts.calibration import STATE_KEY

    ws.set_state(STATE_KEY, {"version": 1, "curves": {
        "same-name|person": {"x": [0.8], "y": [0.55], "n": [40]}}})
    rec = ws.decide(the_name(ws).id, "accept", "lan", status="accepted")
    facts = propose_after(ws, [rec])[0].facts
    assert facts and all(f.confidence == 0.55 and f.extra["raw_confidence"] == RAW_CONFIDENCE
                         for f in facts)


def test_undo_in_the_store_takes_them_back_and_redo_restores_them(ws):
    rec = ws.decide(the_name(ws).id, "accept", "lan", status="accepted")
    made = propose_after(ws, [rec])[0].facts
    made_ids = sorted(f.id for f in made)
    undone = ws.revert([rec.event_id], "lan", "undo")
    taken, back = undone.withdrawn, undone.restored
    assert ws.fact(rec.id).status == "pending" and proposals(ws) == [] and back == []
    assert sorted(r["id"] for r in taken) == made_ids
    back = ws.revert([c.event_id for c in undone.changes], "lan", "redo", restore=taken).restored
    assert ws.fact(rec.id).status == "accepted"
    assert sorted(f.id for f in back) == made_ids and len(proposals(ws)) == 4
    assert all(ws.fact(i).status == "pending" and ws.fact(i).extractor == EXTRACTOR for i in made_ids)


# -- in the window ------------------------------------------------------------------------
@pytest.fixture
def win(qtbot, ws, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    return open_window(qtbot, ws, tmp_path)


def press(qtbot, w, k, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w.facts.table, k, mod)


def pending_in_list(w, article_id):
    from desktop.article_model import ArticleRole

    model = w.article_model
    return model.data(model.index(model.row_for(article_id)), ArticleRole).n_pending


def test_accept_in_the_window_proposes_says_so_and_undo_takes_them_back(qtbot, win, ws):
    a1, a2 = ids(ws)[:2]
    win.open_article(a1)
    f = the_name(ws)
    win.select_fact(f.id)
    shown_before = len(win.facts.model.facts)
    press(qtbot, win, Qt.Key_A)
    assert ws.fact(f.id).status == "accepted"
    assert f"Proposed ‘{NAME}’ in 4 more places" in win.status_saved.text()
    made = [x for aid in ids(ws) for x in ws.facts(aid) if x.extractor == EXTRACTOR]
    assert len(made) == 4
    # the mention in the open article is in its list, pending, after the next pending fact
    assert len(win.facts.model.facts) == shown_before + 1
    assert [(x.text, x.status) for x in win.facts.visible_facts()][1:] == [
        ("Bộ Y tế", "pending"), (NAME, "pending")]
    assert win.facts.current_fact().text == "Bộ Y tế"
    press(qtbot, win, Qt.Key_Space)
    assert win.facts.current_fact().extractor == EXTRACTOR
    assert pending_in_list(win, a2) == ws.article(a2).n_pending == 2
    assert win.status_left.text() == f"{ws.pending_total()} facts left in the workspace"

    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier)
    assert ws.fact(f.id).status == "pending" and proposals(ws) == []
    assert len(win.facts.model.facts) == shown_before and pending_in_list(win, a2) == 0
    press(qtbot, win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert ws.fact(f.id).status == "accepted"
    assert sorted(x.id for aid in ids(ws) for x in ws.facts(aid) if x.extractor == EXTRACTOR) \
        == sorted(x.id for x in made)  # back under their own ids
    assert pending_in_list(win, a2) == 2


def test_accepting_a_proposal_proposes_nothing_more_and_reject_stays_in_its_context(qtbot, win, ws):
    a1, a2, a3 = ids(ws)[:3]
    win.open_article(a1)
    win.select_fact(the_name(ws).id)
    press(qtbot, win, Qt.Key_A)
    p = next(x for x in win.facts.visible_facts() if x.extractor == EXTRACTOR)
    win.select_fact(p.id)
    press(qtbot, win, Qt.Key_R)  # rejected in a1: a1 is its context now
    assert ws.fact(p.id).status == "rejected"
    assert "Proposed" not in win.status_saved.text()
    # nothing comes back to a1 or a3 however often the name is decided elsewhere
    win.open_article(a2)
    q = next(x for x in win.facts.visible_facts() if x.extractor == EXTRACTOR)
    win.select_fact(q.id)
    press(qtbot, win, Qt.Key_A)
    assert ws.fact(q.id).status == "accepted"
    assert "Proposed" not in win.status_saved.text()
    assert [x.status for x in ws.facts(a1) if x.extractor == EXTRACTOR] == ["rejected"]
    assert not [x for x in ws.facts(a3) if x.extractor == EXTRACTOR]


def test_an_edit_into_a_name_and_an_add_propose(qtbot, win, ws):
    a1, a2 = ids(ws)[:2]
    win.open_article(a1)
    org = next(x for x in ws.facts(a1) if x.kind == "organization")
    assert win.review.edit(org.id, {"value": "Bộ Y tế"}, None)
    assert "Proposed" not in win.status_saved.text()  # no other mention of it anywhere
    win.open_article(a2)
    hn = next(x for x in ws.facts(a2) if x.text == "Hà Nội")
    win.review.reject(hn.id)
    s = ARTICLES[0][0].index("Theo ") + 5
    rec = win.review.add(a1, validate_fact({"kind": "person", "start": s, "end": s + len(NAME), "text": NAME,
                                            "value": NAME, "extractor": "manual"}))
    assert rec is not None and rec.status == "added"
    assert f"Added fact saved · Proposed ‘{NAME}’ in 3 more places" in win.status_saved.text()
    win.review.stack.undo()
    assert ws.fact(rec.id) is None and proposals(ws) == []


def test_a_span_moved_word_by_word_proposes_no_partial_name(qtbot, win, ws):
    a1 = ids(ws)[0]
    win.open_article(a1)
    f = the_name(ws)
    win.select_fact(f.id)
    press(qtbot, win, Qt.Key_Left, Qt.ShiftModifier)  # "Nguyễn Văn": saved as an edit
    assert ws.fact(f.id).text == "Nguyễn Văn" and ws.fact(f.id).status == "edited"
    assert proposals(ws) == [] and "Proposed" not in win.status_saved.text()
    press(qtbot, win, Qt.Key_Right, Qt.ShiftModifier)
    press(qtbot, win, Qt.Key_A)  # the accept of the name as it ends up proposes it
    assert ws.fact(f.id).text == NAME and len(proposals(ws)) == 4


def test_extraction_after_a_proposal_does_not_put_a_second_fact_on_it(store, tmp_path):
    """A same-name proposal is pending and not the extractor's: extraction neither removes
    it nor proposes the same name on top of it."""
    from app.extracting import run_extraction

    f = tmp_path / "a.txt"
    f.write_text("Bộ Y tế cho biết hôm nay.", encoding="utf-8")
    import_paths(store, [f])
    [aid] = store.article_ids()
    [prop] = store.add_proposals([(aid, validate_fact({
        "kind": "organization", "start": 0, "end": 7, "text": "Bộ Y tế", "value": "Bộ Y tế",
        "extractor": EXTRACTOR, "confidence": 0.8}))], proposed_by=None)
    run_extraction(store)
    run_extraction(store, everything=True)
    at = [x for x in store.facts(aid) if x.kind == "organization" and x.start == 0]
    assert [x.id for x in at] == [prop.id]
