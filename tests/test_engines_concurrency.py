"""Reviewers deciding at once: on a PostgreSQL server from several programs, on SQLite from the
threads of one (its one writer). Counts stay right, no decision is lost, and a decision on a fact
someone else changed since it was shown is refused with who and when."""
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.workspace import StaleFactError, Workspace
from db.engine import location
from tests import seed_facts

pytest_plugins = ["tests.pg.plugin"]

ROOT = Path(__file__).resolve().parent.parent


def reviewers(workspace_at, engine_name):
    """Two reviewers, lan and binh, on one workspace (the sample articles): with their own
    connections to the server, or, on SQLite, where one program writes a file, that program's
    store under each one's name."""
    lan = Workspace.open(location(workspace_at), reviewer="lan", create=True)
    seed_facts.load(lan.store)
    if engine_name == "sqlite":
        return [lan, Workspace(lan.store, "binh")]
    return [lan, Workspace.open(location(workspace_at), reviewer="binh")]


def close(workspaces):
    for ws in {id(w.store): w for w in workspaces}.values():
        ws.close()


def true_counts(ws, article_id):
    facts = ws.store.facts(article_id)
    return len(facts), sum(f.status == "pending" for f in facts)


def stored_counts(ws, article_id):
    a = ws.article(article_id)
    return a.n_facts, a.n_pending


def at_once(jobs):
    """Run the jobs in threads released together; the exceptions they raised, by job."""
    start = threading.Barrier(len(jobs))
    errors = [[] for _ in jobs]

    def run(i, job):
        start.wait()
        try:
            job()
        except Exception as exc:  # collected: the test says which were expected
            errors[i].append(exc)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return errors


def test_deciding_one_article_at_once_keeps_its_counts(workspace_at, engine_name):
    """Two reviewers decide an article's facts, a fact each at the same moment, round after
    round: every decision is kept and after each round the article's counts are its facts'
    (one stored 48 pending where 47 were, before a decision held its article)."""
    team = reviewers(workspace_at, engine_name)
    try:
        aid = team[0].article_ids()[0]
        facts = team[0].facts(aid)
        team[1].facts(aid)
        pairs = list(zip(facts[0::2], facts[1::2]))
        for a, b in pairs:
            assert at_once([lambda: team[0].decide([a.id], "accept", propose=False),
                            lambda: team[1].decide([b.id], "reject", propose=False)]) == [[], []]
            assert stored_counts(team[0], aid) == true_counts(team[0], aid)
        decided = {f.id: f.status for f in team[0].facts(aid)}
        assert decided == {**{a.id: "accepted" for a, _ in pairs}, **{b.id: "rejected" for _, b in pairs},
                           **{f.id: "pending" for f in facts[2 * len(pairs):]}}
        assert team[0].pending_total() == seed_facts.FACTS - 2 * len(pairs)
    finally:
        close(team)


def test_the_same_fact_decided_at_once_is_decided_once(workspace_at, engine_name):
    """Two reviewers shown the same facts decide each of them at once: for every fact one
    decision is saved and the other is refused, never written over the first."""
    team = reviewers(workspace_at, engine_name)
    try:
        aid = team[0].article_ids()[1]
        facts = team[0].facts(aid)[:12]
        team[1].facts(aid)
        kept = [{}, {}]

        def decide(i, action):
            def job():
                for f in facts:
                    try:
                        team[i].decide([f.id], action, propose=False)
                        kept[i][f.id] = action
                    except StaleFactError:
                        pass
            return job

        assert at_once([decide(0, "accept"), decide(1, "reject")]) == [[], []]
        assert not kept[0].keys() & kept[1].keys() and kept[0].keys() | kept[1].keys() == {f.id for f in facts}
        now = {f.id: f for f in team[0].store.facts(aid)}
        for f in facts:
            status = {"accept": "accepted", "reject": "rejected"}[kept[0].get(f.id) or kept[1][f.id]]
            assert now[f.id].status == status and now[f.id].version == 2
            assert len(team[0].review_log(f.id)) == 1
        assert stored_counts(team[0], aid) == true_counts(team[0], aid)
    finally:
        close(team)


def test_a_decision_on_a_fact_changed_since_it_was_shown_is_refused(workspace_at, engine_name):
    lan, binh = team = reviewers(workspace_at, engine_name)
    try:
        aid = lan.article_ids()[0]
        fact = lan.facts(aid)[0]
        binh.facts(aid)
        lan.decide([fact.id], "edit", changes={"value": "8901"})
        with pytest.raises(StaleFactError) as refused:
            binh.decide([fact.id], "reject")
        said = str(refused.value)
        at = lan.review_log(fact.id)[0].at
        from datetime import timezone

        assert "lan changed" in said and f"{at.replace(tzinfo=timezone.utc).astimezone():%H:%M:%S}" in said
        assert refused.value.fact.value == "8901" and refused.value.fact.version == 2
        assert lan.fact(fact.id).status == "edited" and lan.fact(fact.id).value == "8901"
        # shown again as it is now, it can be decided on
        assert binh.decide([fact.id], "reject").facts[0].status == "rejected"
        # and so for several at once: all or none
        facts = lan.facts(aid)[1:4]
        binh.facts(aid)
        lan.decide([facts[1].id], "flag")
        with pytest.raises(StaleFactError):
            binh.decide([f.id for f in facts], "accept")
        assert [binh.fact(f.id).status for f in facts] == ["pending", "flagged", "pending"]
    finally:
        close(team)


def test_the_window_shows_the_fact_as_it_is_now_when_a_decision_is_refused(qtbot, workspace_at, engine_name):
    from desktop.review import Review

    lan, binh = team = reviewers(workspace_at, engine_name)
    try:
        aid = binh.article_ids()[0]
        fact = binh.facts(aid)[0]
        review = Review(binh)
        changed, failed = [], []
        review.changed.connect(changed.append)
        review.failed.connect(failed.append)
        lan.facts(aid)
        lan.decide([fact.id], "reject")
        assert not review.accept(fact.id)
        assert [[f.status for f in c.facts] for c in changed] == [["rejected"]]
        assert failed and failed[0].startswith("Not saved: lan changed")
        assert review.stack.count() == 0
        assert review.accept(fact.id) and binh.fact(fact.id).status == "accepted"
    finally:
        close(team)


WORKER = """
import sys
from app.workspace import StaleFactError, Workspace
from db.engine import location

url, name, action, article = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ids = [int(x) for x in sys.argv[5].split(",")]
ws = Workspace.open(location(url), reviewer=name)
ws.facts(article)
print("ready", flush=True)
sys.stdin.readline()
for fid in ids:
    try:
        ws.decide([fid], action)
        print(fid, "saved", flush=True)
    except StaleFactError:
        print(fid, "refused", flush=True)
ws.close()
"""


def test_programs_deciding_on_one_server_at_once(pg_url):
    """Three programs on one server decide the facts of one article at once — two of them the
    same facts — accepting proposes each name's other mentions into the same articles."""
    ws = Workspace.open(location(pg_url), reviewer="setup", create=True)
    seed_facts.load(ws.store)
    try:
        aid = ws.article_ids()[2]
        facts = ws.facts(aid)
        shared, own = facts[: len(facts) // 2], facts[len(facts) // 2:]
        plan = [("lan", "accept", shared), ("binh", "reject", shared), ("chi", "accept", own)]
        procs = [subprocess.Popen([sys.executable, "-c", WORKER, pg_url, name, action, str(aid),
                                   ",".join(str(f.id) for f in ids)], cwd=ROOT, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for name, action, ids in plan]
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        outcomes = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            outcomes.append(dict(line.split() for line in out.splitlines()))
        lan, binh, chi = outcomes
        for f in shared:
            assert sorted([lan[str(f.id)], binh[str(f.id)]]) == ["refused", "saved"]
        assert set(chi.values()) == {"saved"}
        now = {f.id: f.status for f in ws.store.facts(aid)}
        for f in shared:
            assert now[f.id] == ("accepted" if lan[str(f.id)] == "saved" else "rejected")
        assert all(now[f.id] == "accepted" for f in own)
        for a in ws.article_ids():
            assert stored_counts(ws, a) == true_counts(ws, a)
        assert ws.pending_total() == sum(true_counts(ws, a)[1] for a in ws.article_ids())
    finally:
        ws.close()


def test_in_the_window_a_refused_decision_shows_the_fact_as_it_is_now(qtbot, workspace_at, engine_name,
                                                                      tmp_path, monkeypatch):
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.main_window import MainWindow
    from desktop.tasks import FakeThreadPool

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    lan, binh = team = reviewers(workspace_at, engine_name)
    win = MainWindow(lan, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), pool=FakeThreadPool())
    win.live.stop()  # binh's decision has not reached lan's window yet (tests/test_live.py: it does)
    try:
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        shown = win.facts.current_fact()
        binh.facts(shown.article_id)
        binh.decide([shown.id], "reject")
        qtbot.keyClick(QApplication.focusWidget() or win.facts.table, Qt.Key_A)
        qtbot.waitUntil(lambda: win.status_saved.text().startswith("✗"))
        assert "binh changed" in win.status_saved.text() and warned
        assert win.facts.model.facts[win.facts.model.row_of(shown.id)].status == "rejected"
        assert lan.fact(shown.id).status == "rejected"
        win.select_fact(shown.id)
        qtbot.keyClick(QApplication.focusWidget() or win.facts.table, Qt.Key_A)
        qtbot.waitUntil(lambda: lan.fact(shown.id).status == "accepted")
    finally:
        # Gone with its timers (learning and the view's place look at the workspace after a
        # pause) before the test's database is.
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        close(team)


MANY = """
import sys
from app.workspace import StaleFactError, Workspace
from db.engine import location

url, name, order = sys.argv[1], sys.argv[2], sys.argv[3]
ws = Workspace.open(location(url), reviewer=name)
ids = [f.id for a in ws.article_ids() for f in ws.facts(a)]  # shown: each at its version now
if order == "backward":
    ids.reverse()
actions = ["accept", "reject", "flag"]
print("ready", flush=True)
sys.stdin.readline()
for k in range(500):
    fid = ids[k % len(ids)]
    try:
        ws.decide([fid], actions[k % 3], propose=False)
        print(fid, "saved", flush=True)
    except StaleFactError:  # the other one changed it since it was shown here: refused, reported
        print(fid, "refused", flush=True)
ws.close()
"""


def test_two_programs_make_500_decisions_each_on_one_server(pg_url):
    """Two reviewers' programs, 500 decisions each at the same time over the same facts (one
    walking them forward, the other backward): every decision saved is logged once, none is
    lost (each fact's version counts every write of it, and its state is its last logged
    one), a decision on a fact changed since it was shown is refused, and the counts equal a
    recount."""
    from sqlalchemy import func, select

    from db.schema import Fact, ReviewEvent, Reviewer

    ws = Workspace.open(location(pg_url), reviewer="setup", create=True)
    seed_facts.load(ws.store)
    try:
        procs = [subprocess.Popen([sys.executable, "-c", MANY, pg_url, name, order], cwd=ROOT, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for name, order in (("lan", "forward"), ("binh", "backward"))]
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        saved: dict[str, int] = {}
        for name, p in zip(("lan", "binh"), procs):
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            lines = [line.split() for line in out.splitlines()]
            assert len(lines) == 500
            saved[name] = sum(1 for _, what in lines if what == "saved")
        assert saved["lan"] > 0 and saved["binh"] > 0
        with ws.store.engine.connect() as conn:
            logged = dict(conn.execute(
                select(Reviewer.name, func.count()).join(ReviewEvent, ReviewEvent.reviewer_id == Reviewer.id)
                .group_by(Reviewer.name)).all())
            assert logged.get("lan") == saved["lan"] and logged.get("binh") == saved["binh"]
            writes = dict(conn.execute(select(ReviewEvent.fact_id, func.count())
                                       .group_by(ReviewEvent.fact_id)).all())
            last = {}
            for fid, after in conn.execute(select(ReviewEvent.fact_id, ReviewEvent.after)
                                           .order_by(ReviewEvent.id)):
                last[fid] = after["status"]
            for fid, version, status in conn.execute(select(Fact.id, Fact.version, Fact.status)):
                assert version == 1 + writes.get(fid, 0), fid  # no write lost, none counted twice
                if fid in last:
                    assert status == last[fid], fid
        for a in ws.article_ids():
            assert stored_counts(ws, a) == true_counts(ws, a)
        assert ws.pending_total() == sum(true_counts(ws, a)[1] for a in ws.article_ids())
    finally:
        ws.close()
