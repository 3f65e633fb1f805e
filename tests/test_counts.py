"""Maintained counts (migration 0012, db/counts.py) equal a recount of the rows after every kind
of write, on both engines, and with reviewers deciding at once."""
import random

from facts.model import validate_fact
from db import counts
from db.engine import location
from app.workspace import Workspace
from tests.test_engines_concurrency import at_once
from tests.test_propose import NAME, write_workspace_file

pytest_plugins = ["tests.pg.plugin"]


def same_as_recount(ws):
    store = ws.store
    with store.engine.connect() as conn:
        want = counts.recounted(conn)
    got = store.counts()
    assert got.facts == {k: n for k, n in want.facts.items() if n}
    assert (got.articles, got.open_articles, got.done_articles) == (
        want.articles, want.open_articles, want.done_articles)
    pending = sum(n for (_, s, _), n in want.facts.items() if s == "pending")
    assert store.pending_total() == pending
    assert store.completed_count() == want.done_articles
    stats = store.stats()
    assert stats.articles == want.articles and stats.facts == sum(want.facts.values())
    return got


def test_counts_follow_every_kind_of_write(engine_ws, seed_dir, tmp_path):
    ws = engine_ws
    same_as_recount(ws)
    ws.import_paths([seed_dir])
    got = same_as_recount(ws)
    assert got.articles == 5 and got.pending > 0 and got.open_articles == 5
    rng = random.Random(7)
    events = []
    for aid in ws.article_ids():
        facts = ws.facts(aid)
        for f in rng.sample(facts, min(12, len(facts))):
            action = rng.choice(["accept", "reject", "flag", "accept", "reset"])
            events += ws.decide([f.id], action, propose=False).events
        left = [f.id for f in ws.facts(aid) if f.status == "pending"][:5]
        if left:
            events += ws.decide(left, "reject").events
        f = ws.facts(aid)[0]
        events += ws.decide([f.id], "edit", changes={"kind": "date" if f.kind != "date" else "percentage"},
                            propose=False).events
        same_as_recount(ws)
    aid = ws.article_ids()[0]
    text = ws.article(aid).text
    at = text.index(" ") + 1
    span = text[at:text.index(" ", at)]
    added = ws.add(aid, validate_fact({"kind": "quantity", "start": at, "end": at + len(span),
                                       "text": span, "value": span, "unit": ""}))
    events += added.events
    same_as_recount(ws)
    # undo, redo, revert of many at once
    undone = ws.revert(events[-3:], "undo")
    same_as_recount(ws)
    ws.revert(undone.events, "redo")
    same_as_recount(ws)
    ws.revert(events[:10])
    same_as_recount(ws)
    # an article deleted, and put back
    gone = ws.delete_articles(ws.article_ids()[1:3])
    got = same_as_recount(ws)
    assert got.articles == 3
    ws.revert(gone.events)
    assert same_as_recount(ws).articles == 5
    # extraction again over everything: reviewed facts stay, pending ones replaced
    ws.extract(everything=True)
    same_as_recount(ws)
    # an import of reviewed facts, and same-name proposals
    ws.import_paths([write_workspace_file(tmp_path)])
    same_as_recount(ws)
    new = [i for i in ws.article_ids() if any(f.text == NAME for f in ws.facts(i))][0]
    name = next(f for f in ws.facts(new) if f.text == NAME and f.status == "pending")
    done = ws.decide([name.id], "accept")
    same_as_recount(ws)
    ws.revert(done.events, "undo")
    same_as_recount(ws)


def test_counts_stay_right_with_reviewers_deciding_at_once(workspace_at, engine_name, seed_dir):
    """Reviewers moving facts between the same statuses in opposite directions at the same
    moment (a counter row per name would make them wait on each other in a circle)."""
    lan = Workspace.open(location(workspace_at), reviewer="lan", create=True)
    lan.import_paths([seed_dir], extract=True)
    team = [lan] + ([Workspace(lan.store, "binh"), Workspace(lan.store, "chi")]
                    if engine_name == "sqlite" else
                    [Workspace.open(location(workspace_at), reviewer=n) for n in ("binh", "chi")])
    try:
        ids = lan.article_ids()
        per = [[f.id for i in ids[k::3] for f in lan.facts(i)] for k in range(3)]

        def job(k):
            def run():
                rng = random.Random(k)
                for _ in range(25):
                    fid = rng.choice(per[k])
                    team[k].facts(team[k].fact(fid).article_id)  # shown as it is now
                    done = team[k].decide([fid], rng.choice(["accept", "reject", "reset"]),
                                          propose=False)
                    if rng.random() < 0.3:
                        team[k].revert(done.events, "undo")
            return run

        assert at_once([job(k) for k in range(3)]) == [[], [], []]
        same_as_recount(lan)
        if engine_name == "postgresql":  # the rows appended, folded back into one per name
            with lan.store.engine.begin() as conn:
                assert counts.fold(conn)
            same_as_recount(lan)
            with lan.store.engine.connect() as conn:
                assert counts.rows(conn) == len(lan.store.counts().facts) + 3 - sum(
                    1 for n in (lan.store.counts().articles, lan.store.counts().open_articles,
                                lan.store.counts().done_articles) if n == 0)
    finally:
        for ws in {id(w.store): w for w in team}.values():
            ws.close()


def test_a_workspace_from_before_0012_gets_its_counts(db_path, seed_dir):
    from alembic import command

    from db.engine import _alembic_config, make_engine
    from db.store import Store

    ws = Workspace.open(db_path, reviewer="lan", create=True)
    ws.import_paths([seed_dir])
    ws.decide([ws.facts(ws.article_ids()[0])[0].id], "accept", propose=False)
    ws.close()
    engine = make_engine(db_path)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        assert "counts" not in {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    engine.dispose()
    ws = Workspace(Store.open(db_path), "lan")
    try:
        assert same_as_recount(ws).articles == 5
    finally:
        ws.close()
