"""A team on one workspace, on SQLite and on a real PostgreSQL server: assignments and queues,
blind judgments on shared articles, agreement against a hand count, adjudication, `edit`,
copying a workspace across engines, and the commands."""
import json
import re

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.copying import copy_workspace
from app.team import TeamError
from app.workspace import Workspace, WorkspaceError
from db.engine import location
from db.schema import Assignment, Judgment, ReviewEvent

pytest_plugins = ["tests.pg.plugin"]

A1 = "Bộ Y tế chi 3 tỷ đồng cho Hà Nội và 20 bệnh viện của Sở Y tế."
A2 = "Ông Nguyễn Văn Hải nói 45% người dân ở Đà Nẵng đồng ý."


def span(text, words, **fact):
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words, "extractor": "test@1", **fact}


ARTICLES = [
    {"id": "a1", "title": "Một", "text": A1, "facts": [
        span(A1, "Bộ Y tế", kind="organization", value="Bộ Y tế"),
        span(A1, "3 tỷ đồng", kind="money", value="3000000000", currency="VND"),
        span(A1, "Hà Nội", kind="location", value="Hà Nội"),
        span(A1, "20", kind="quantity", value="20"),
    ]},
    {"id": "a2", "title": "Hai", "text": A2, "facts": [
        span(A2, "Nguyễn Văn Hải", kind="person", value="Nguyễn Văn Hải"),
        span(A2, "45%", kind="percentage", value="45"),
        span(A2, "Đà Nẵng", kind="location", value="Đà Nẵng"),
    ]},
]


def corpus(tmp_path):
    path = tmp_path / "team.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture
def team_ws(engine_ws, tmp_path):
    """Two articles, both assigned to lan and minh (blind), their facts pending."""
    report, _ = engine_ws.import_paths([corpus(tmp_path)], extract=False)
    assert report.articles == 2
    done = engine_ws.assign(["lan", "minh"], overlap=1.0)
    assert done.shared == 2
    return engine_ws


def by_text(ws, article_id):
    return {f.text: f for f in ws.facts(article_id)}


def as_(ws, who):
    ws.reviewer = who
    return ws


def review_both(ws):
    """The decisions whose agreement is counted by hand in the test below."""
    a1, a2 = ws.article_ids()
    lan = as_(ws, "lan")
    f = by_text(lan, a1)
    lan.decide([f["Bộ Y tế"].id], "accept")
    lan.decide([f["3 tỷ đồng"].id], "accept")
    lan.decide([f["Hà Nội"].id], "reject")
    lan.decide([f["20"].id], "accept")
    lan.add(a1, _org(A1, "Sở Y tế"))
    g = by_text(lan, a2)
    lan.decide([g["Nguyễn Văn Hải"].id, g["Đà Nẵng"].id], "accept")
    lan.decide([g["45%"].id], "reject")

    minh = as_(ws, "minh")
    f = by_text(minh, a1)
    assert {x.status for x in f.values()} == {"pending"}, "minh must not see lan's decisions"
    assert "Sở Y tế" not in f, "nor the fact lan added"
    minh.decide([f["Bộ Y tế"].id], "accept")
    minh.decide([f["3 tỷ đồng"].id], "edit", changes={"value": "3000000001"})
    minh.decide([f["Hà Nội"].id], "accept")
    minh.decide([f["20"].id], "reject")
    minh.add(a1, _org(A1, "Sở Y tế"))
    g = by_text(minh, a2)
    minh.decide([g["Nguyễn Văn Hải"].id], "accept")
    minh.decide([g["45%"].id], "reject")
    minh.decide([g["Đà Nẵng"].id], "edit", changes={"level": "province"})
    return a1, a2


def _org(text, words):
    from facts.model import validate_fact

    return validate_fact({**span(text, words, kind="organization", value=words), "extractor": "manual"})


def test_assign_splits_evenly_with_a_share_to_two(engine_ws, seed_dir):
    ws = engine_ws
    ws.import_paths([seed_dir], extract=False)
    done = ws.assign(["a", "b", "c"], overlap=0.4)
    assert len(done.plan) == 5 and done.shared == 2
    assert sum(len(w) for w in done.plan.values()) == 7  # 3 alone, 2 to two
    loads = {r: v["articles"] for r, v in done.totals.items()}
    assert sorted(loads.values()) == [2, 2, 3]  # as even as 7 among 3 can be
    assert len({w for w in done.plan.values() if len(w) == 2}) == 2  # the pairs vary
    assert ws.assign(["a", "b", "c"], 0.4).plan == {}  # nothing left to assign
    for bad, said in ((["a", "", "b"], "none empty"), (["a", "a"], "more than once"),
                      (["a", "b"], "between 0 and 1")):
        with pytest.raises(TeamError, match=said):
            ws.assign(bad, 1.5 if said.startswith("between") else 0.1)
    with pytest.raises(TeamError, match="at least two reviewers"):
        ws.assign(["solo"], 0.1)
    with ws.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Assignment)).scalar() == 7
    queue = ws.my_queue("a")
    assert queue and all(q.left == q.facts == 0 for q in queue)  # not extracted: no facts


def test_blind_judgments_keep_the_workspace_pending_and_are_logged(team_ws):
    ws = team_ws
    a1, _ = ws.article_ids()
    pending = ws.pending_total()
    lan = as_(ws, "lan")
    org = by_text(lan, a1)["Bộ Y tế"]
    done = lan.decide([org.id], "accept")
    assert done.facts[0].status == "accepted" and done.facts[0].extra["judged_by"] == "lan"
    assert not done.proposed  # a judgment proposes nothing others would see
    assert ws.pending_total() == pending and ws.store.fact(org.id).status == "pending"
    assert as_(ws, None).facts(a1)[0].status == "pending"
    assert by_text(as_(ws, "minh"), a1)["Bộ Y tế"].status == "pending"
    assert by_text(as_(ws, "lan"), a1)["Bộ Y tế"].status == "accepted"
    log = ws.review_log(org.id)
    assert [e.action for e in log] == ["accept"] and log[0].reviewer == "lan"
    # undo through the one revert path
    back = ws.revert(done.events[0], "undo")
    assert back.facts[0].status == "pending" and by_text(ws, a1)["Bộ Y tế"].status == "pending"
    redo = ws.revert(back.events[0], "redo")
    assert redo.facts[0].status == "accepted"
    # an added fact is lan's alone, under a negative id, and hers to edit
    added = lan.add(a1, _org(A1, "Sở Y tế")).facts[0]
    assert added.id < 0 and added.status == "added"
    assert "Sở Y tế" not in by_text(as_(ws, "minh"), a1)
    with pytest.raises(WorkspaceError, match="added by lan"):
        ws.decide([added.id], "reject")
    lan = as_(ws, "lan")
    edited = lan.edit(added.id, fields={"acronym": "SYT"}).facts[0]
    assert edited.id == added.id and edited.fields["acronym"] == "SYT" and edited.status == "added"
    undone = ws.revert(edited.event_id, "undo")
    assert undone.facts[0].fields["acronym"] == ""
    gone = ws.revert(added.event_id, "undo")
    assert gone.removed == [(added.id, a1)] and "Sở Y tế" not in by_text(lan, a1)
    # an article with one reviewer: the decision is final, as always
    with ws.store.engine.begin() as conn:
        conn.execute(Assignment.__table__.delete().where(Assignment.article_id == a1,
                                                         Assignment.reviewer_id != select(
                                                             Assignment.reviewer_id).where(
                                                             Assignment.article_id == a1).limit(1)
                                                         .scalar_subquery()))
    solo = [q for q in ws.my_queue("lan") + ws.my_queue("minh") if q.article_id == a1][0]
    who = as_(ws, solo.reviewers[0])
    money = by_text(who, a1)["3 tỷ đồng"]
    assert who.decide([money.id], "accept").facts[0].status == "accepted"
    assert ws.store.fact(money.id).status == "accepted"


def test_agreement_matches_a_hand_count(team_ws):
    ws = team_ws
    review_both(ws)
    [pair] = ws.agreement()
    assert (pair.a, pair.b, pair.shared_articles, pair.finished_articles) == ("lan", "minh", 2, 2)
    every = pair.by_kind["all"]
    # Kappa over the 7 proposed facts both decided. lan: 5 accepted, 2 rejected; minh: 3
    # accepted, 2 edited, 2 rejected; the same decision on 3 (Bộ Y tế, Nguyễn Văn Hải, 45%).
    # pₒ = 3/7, pₑ = (5·3 + 0·2 + 2·2)/49 = 19/49, κ = (21 − 19)/(49 − 19) = 1/15.
    assert (every.decided_both, every.same_decision) == (7, 3)
    assert every.kappa == pytest.approx(1 / 15)
    # Spans kept: lan 6 (Bộ Y tế, 3 tỷ đồng, 20, Sở Y tế added; Nguyễn Văn Hải, Đà Nẵng),
    # minh 6 (Bộ Y tế, 3 tỷ đồng edited, Hà Nội, Sở Y tế added; Nguyễn Văn Hải, Đà Nẵng);
    # both 5. F1 = 2·5 / 12.
    assert (every.spans_a, every.spans_b, every.spans_both) == (6, 6, 5)
    assert every.f1 == pytest.approx(10 / 12)
    loc = pair.by_kind["location"]
    assert (loc.spans_a, loc.spans_b, loc.spans_both) == (1, 2, 1) and loc.f1 == pytest.approx(2 / 3)
    # location decisions: Hà Nội (rejected, accepted), Đà Nẵng (accepted, edited): pₒ 0, pₑ 1/4
    assert loc.kappa == pytest.approx(-1 / 3)
    assert pair.by_kind["quantity"].f1 == 0.0 and pair.by_kind["organization"].f1 == 1.0
    assert pair.by_kind["organization"].kappa is None  # both accepted the one: pₑ = 1
    assert pair.by_kind["legal_reference"].f1 is None


def test_adjudication_settles_disagreements_as_logged_decisions(team_ws):
    ws = team_ws
    a1, a2 = review_both(ws)
    ws.reviewer = "thu"  # the adjudicator, assigned to neither article
    items = ws.disagreements()
    keys = {d.key: d for d in items}
    assert len(items) == 4 and all(k.startswith("fact:") for k in keys)
    texts = {d.fact.text: d for d in items}
    assert set(texts) == {"3 tỷ đồng", "Hà Nội", "20", "Đà Nẵng"}
    money = texts["3 tỷ đồng"]
    assert {(s.reviewer, s.status) for s in money.sides} == {("lan", "accepted"), ("minh", "edited")}
    assert {s.fact["value"] for s in money.sides} == {"3000000000", "3000000001"}

    settled = ws.settle_agreed()
    assert len(settled.events) == 4  # Bộ Y tế, Nguyễn Văn Hải, 45%, and Sở Y tế added by both
    final = {f.text: f.status for f in as_(ws, "thu").facts(a1) + ws.facts(a2)}
    assert final["Bộ Y tế"] == "accepted" and final["Sở Y tế"] == "added" and final["45%"] == "rejected"

    ws.reviewer = "thu"
    done = ws.adjudicate(money.key, take="minh")
    assert done.facts[0].status == "edited" and done.facts[0].value == "3000000001"
    assert ws.adjudicate(texts["Hà Nội"].key, reject=True).facts[0].status == "rejected"
    assert ws.adjudicate(texts["20"].key, take="lan").facts[0].status == "accepted"
    dn = texts["Đà Nẵng"]
    written = ws.adjudicate(dn.key, fact={**{k: v for k, v in dn.fact.snapshot().items()
                                             if k not in ("status", "note")}, "level": "other"})
    assert written.facts[0].status == "edited" and written.facts[0].fields["level"] == "other"
    assert ws.disagreements() == [] and ws.pending_total() == 0
    log = ws.review_log(money.fact.id)
    assert log[0].action == "adjudicate" and log[0].reviewer == "thu"
    # adjudicated already: refused, saying by whom; undone: the disagreement is back
    with pytest.raises(WorkspaceError, match="already edited"):
        ws.adjudicate(money.key, take="lan")
    ws.revert(done.events[0])
    assert [d.key for d in ws.disagreements()] == [money.key]
    with pytest.raises(WorkspaceError, match="not a reviewer of article"):
        ws.adjudicate(money.key, take="thu")
    with pytest.raises(ValueError, match="not a disagreement"):
        ws.adjudicate("fact:x", take="lan")
    with pytest.raises(ValueError, match="is '3 tỷ đồng', not 'ba tỷ đồn'"):
        ws.adjudicate(money.key, fact={**money.sides[0].fact, "text": "ba tỷ đồn"})
    with pytest.raises(ValueError, match="span 12-21 is 9 characters"):
        ws.adjudicate(money.key, fact={**money.sides[0].fact, "text": "Hà"})
    # agreement is on the reviewers' own decisions: adjudication changes nothing of it
    assert ws.agreement()[0].by_kind["all"].f1 == pytest.approx(10 / 12)


def test_an_added_fact_only_one_reviewer_has(team_ws):
    ws = team_ws
    a1, _ = ws.article_ids()
    for who in ("lan", "minh"):
        me = as_(ws, who)
        me.decide([f.id for f in by_text(me, a1).values()], "accept")
    as_(ws, "lan").add(a1, _org(A1, "Sở Y tế"))
    [d] = [d for d in as_(ws, "thu").disagreements([a1]) if d.key.startswith("added:")]
    assert d.fact is None and {(s.reviewer, s.status) for s in d.sides} == {("lan", "added"), ("minh", "absent")}
    dropped = ws.adjudicate(d.key, take="minh")
    assert not dropped.facts and ws.disagreements([a1]) == []
    ws.revert(dropped.events[0])
    assert [x.key for x in ws.disagreements([a1])] == [d.key]
    kept = ws.adjudicate(d.key, take="lan")
    assert kept.facts[0].status == "added" and kept.facts[0].id > 0
    assert ws.disagreements([a1]) == []


def test_edit_checks_what_it_is_given(engine_ws, tmp_path):
    ws = engine_ws
    ws.import_paths([corpus(tmp_path)], extract=False)
    a1, _ = ws.article_ids()
    money = by_text(ws, a1)["3 tỷ đồng"]
    done = ws.edit(money.id, value="3000000000", fields={"currency": "USD"})
    assert done.facts[0].status == "edited" and done.facts[0].fields["currency"] == "USD"
    place = by_text(ws, a1)["Hà Nội"]
    moved = ws.edit(place.id, text="Sở Y tế", kind="organization", value="Sở Y tế").facts[0]
    assert (moved.kind, A1[moved.start:moved.end]) == ("organization", "Sở Y tế")
    for kw, said in (({"value": "ba tỷ"}, "not a number"), ({"fields": {"colour": "x"}}, "no field colour"),
                     ({"text": "Đà Lạt"}, "not in the article"), ({"kind": "planet"}, "unknown kind"),
                     ({}, "nothing to change")):
        with pytest.raises(ValueError, match=said):
            ws.edit(money.id, **kw)
    assert ws.fact(money.id).fields["currency"] == "USD"  # refused edits changed nothing


def test_copy_a_workspace_file_to_file(tmp_path, seed_dir):
    src = tmp_path / "src.sqlite"
    ws = Workspace.open(src, reviewer="lan", create=True)
    try:
        ws.import_paths([seed_dir])
        ws.assign(["lan", "minh"], 0.4)
        aid = ws.article_ids()[0]
        ws.decide([ws.facts(aid)[0].id], "accept")
        ws.delete_articles([ws.article_ids()[-1]])  # its id is never handed out again
    finally:
        ws.close()
    _copy_and_compare(src, tmp_path / "dst.sqlite")
    with pytest.raises(WorkspaceError, match="already holds a workspace"):
        copy_workspace(src, tmp_path / "dst.sqlite")
    with pytest.raises(WorkspaceError, match="same workspace"):
        copy_workspace(src, src)
    with pytest.raises(WorkspaceError, match="There is no workspace"):
        copy_workspace(tmp_path / "nothing.sqlite", tmp_path / "x.sqlite")
    assert not (tmp_path / "x.sqlite").exists()


def test_copy_up_to_a_server_and_back(tmp_path, pg_url, pg_cluster):
    src = tmp_path / "src.sqlite"
    ws = Workspace.open(src, reviewer="lan", create=True)
    try:
        ws.import_paths([corpus(tmp_path)], extract=False)
        ws.assign(["lan", "minh"], 1.0)
        review_both(ws)
        ws.set_guidelines("# Hướng dẫn")
    finally:
        ws.close()
    _copy_and_compare(src, location(pg_url))
    # the server's copy works as a workspace: judgments, agreement, adjudication
    up = Workspace.open(location(pg_url), reviewer="thu")
    try:
        assert up.agreement()[0].by_kind["all"].f1 == pytest.approx(10 / 12)
        assert len(up.disagreements()) == 4 and up.guidelines() == "# Hướng dẫn"
        up.settle_agreed()
        assert len(up.disagreements()) == 4
        new = up.import_paths([_one_more(tmp_path)], extract=False)[0].article_ids
        assert new and new[0] > max(up.article_ids()[:-1])
    finally:
        up.close()
    back = tmp_path / "back.sqlite"
    _copy_and_compare(location(pg_url), back)
    down = Workspace.open(back, reviewer="thu")
    try:
        assert len(down.disagreements()) == 4 and down.article_count() == 3
        assert down.article_ids(search="ha noi")  # the search index came along
    finally:
        down.close()


def _one_more(tmp_path):
    p = tmp_path / "more.txt"
    p.write_text("Tin mới\nHà Nội có 3 bệnh viện mới.", encoding="utf-8")
    return p


def _copy_and_compare(src, dst):
    report = copy_workspace(src, dst)
    assert "Verified" in report.summary()
    a, b = Workspace.open(src, lock=False), Workspace.open(dst, lock=False)
    try:
        assert a.stats() == b.stats()
        for aid in a.article_ids():
            assert [f.snapshot() | {"id": f.id} for f in a.facts(aid)] == \
                   [f.snapshot() | {"id": f.id} for f in b.facts(aid)]
        with a.store.engine.connect() as ca, b.store.engine.connect() as cb:
            for t in (Judgment, Assignment, ReviewEvent):
                assert ca.execute(select(func.count()).select_from(t)).scalar() == \
                       cb.execute(select(func.count()).select_from(t)).scalar()
        assert a.review_log(limit=1000)[0].id == b.review_log(limit=1000)[0].id
        assert a.latest_model() == b.latest_model()
    finally:
        a.close()
        b.close()
    return report


# -- the command line ------------------------------------------------------------------------
def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_the_team_from_the_command_line(capsys, workspace_at, tmp_path):
    db = ("--db", workspace_at)
    assert run(capsys, *db, "import", "--no-extract", corpus(tmp_path))[0] == 0
    code, out, _ = run(capsys, *db, "assign", "--reviewers", "lan,minh", "--overlap", "1")
    assert code == 0 and "Assigned 2 articles (2 to two reviewers)" in out
    code, _, err = run(capsys, *db, "assign", "--reviewers", "lan", "--overlap", "0.5")
    assert code == 2 and "at least two reviewers" in err
    code, out, _ = run(capsys, *db, "--reviewer", "lan", "queue", "--json")
    queue = [json.loads(line) for line in out.splitlines()]
    assert [q["left"] for q in queue] == [4, 3] and all(q["shared"] for q in queue)

    code, out, _ = run(capsys, *db, "--reviewer", "lan", "facts", "--json")
    facts = {f["text"]: f for f in map(json.loads, out.splitlines())}
    code, out, _ = run(capsys, *db, "--reviewer", "lan", "accept", facts["Bộ Y tế"]["id"], facts["20"]["id"])
    assert code == 0 and out.count("accepted") == 2
    code, out, _ = run(capsys, *db, "--reviewer", "minh", "reject", facts["20"]["id"])
    assert code == 0
    code, out, _ = run(capsys, *db, "--reviewer", "minh", "edit", facts["Bộ Y tế"]["id"],
                       "--field", "acronym=BYT")
    assert code == 0 and "kept apart until adjudicated" in out
    code, _, err = run(capsys, *db, "--reviewer", "minh", "edit", facts["3 tỷ đồng"]["id"], "--value", "ba")
    assert code == 2 and f"fact {facts['3 tỷ đồng']['id']}: value" in err and "not a number" in err
    code, _, err = run(capsys, *db, "edit", facts["3 tỷ đồng"]["id"], "--field", "currency")
    assert code == 2 and "NAME=VALUE" in err
    code, out, _ = run(capsys, *db, "--reviewer", "lan", "queue")
    assert re.search(r"\s2 left of 4", out)

    code, out, _ = run(capsys, *db, "agreement", "--json")
    [pair] = json.loads(out)
    every = pair["by_kind"]["all"]
    assert (every["decided_both"], every["same_decision"]) == (2, 0) and pair["finished_articles"] == 0
    code, out, _ = run(capsys, *db, "agreement")
    assert code == 0 and "lan and minh: 2 shared articles" in out

    code, out, _ = run(capsys, *db, "disagreements", "--json")
    items = [json.loads(line) for line in out.splitlines()]
    assert {i["fact"]["text"] for i in items} == {"Bộ Y tế", "20"}
    key = next(i["key"] for i in items if i["fact"]["text"] == "20")
    code, _, err = run(capsys, *db, "--reviewer", "thu", "adjudicate", key)
    assert code == 2 and "--take" in err
    code, out, _ = run(capsys, *db, "--reviewer", "thu", "adjudicate", key, "--take", "minh")
    assert code == 0 and "rejected" in out
    event = int(re.search(r"revert (\d+)", out)[1])
    key2 = next(i["key"] for i in items if i["fact"]["text"] == "Bộ Y tế")
    code, out, _ = run(capsys, *db, "--reviewer", "thu", "adjudicate", key2, "--value", "Bộ Y tế",
                       "--field", "acronym=BYT")
    assert code == 0 and "edited" in out
    code, out, _ = run(capsys, *db, "log", "--limit", "3")
    assert "adjudicate" in out and "thu" in out
    assert run(capsys, *db, "revert", event)[0] == 0
    code, out, _ = run(capsys, *db, "disagreements")
    assert key in out and key2 not in out
    code, out, _ = run(capsys, *db, "--reviewer", "thu", "adjudicate", "--agreed")
    assert code == 0 and "Settled 0 items" in out

    dst = tmp_path / "copy.sqlite"
    code, out, err = run(capsys, "copy", workspace_at, dst)
    assert code == 0 and "Verified" in out, err
    code, _, err = run(capsys, "copy", workspace_at, dst)
    assert code == 1 and "already holds a workspace" in err


def test_backups_of_a_server_say_what_to_use(capsys, pg_url, tmp_path):
    assert run(capsys, "--db", pg_url, "import", "--no-extract", corpus(tmp_path))[0] == 0
    code, out, _ = run(capsys, "--db", pg_url, "backups")
    assert code == 0 and "pg_dump" in out
    code, _, err = run(capsys, "--db", pg_url, "restore", "--latest")
    assert code == 2 and "pg_dump" in err and "pg_restore" in err and "no backups" not in err


def test_two_reviewers_judge_one_shared_article_at_once_on_a_server(pg_url, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    first = Workspace.open(location(pg_url), reviewer="lan", create=True)
    first.import_paths([corpus(tmp_path)], extract=False)
    first.assign(["lan", "minh"], 1.0)
    second = Workspace.open(location(pg_url), reviewer="minh")
    try:
        def work(ws, action):
            for aid in ws.article_ids():
                for f in ws.facts(aid):
                    ws.decide([f.id], action)
            return action
        with ThreadPoolExecutor(2) as pool:
            assert sorted(pool.map(work, (first, second), ("accept", "reject"))) == ["accept", "reject"]
        with first.store.engine.connect() as conn:
            by = dict(conn.execute(select(Judgment.status, func.count()).group_by(Judgment.status)).all())
        assert by == {"accepted": 7, "rejected": 7}
        assert first.pending_total() == 7
        assert len(first.disagreements()) == 7
        assert first.agreement()[0].by_kind["all"].f1 == 0.0
    finally:
        second.close()
        first.close()
