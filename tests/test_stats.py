"""Sessions, pace and acceptance rates from a workspace with known decisions."""
from datetime import datetime, timedelta

from app.extracting import run_extraction
from app.workspace import Workspace
from facts.stats import acceptance, sessions


def test_sessions_split_on_pauses_and_by_reviewer():
    t = datetime(2025, 1, 1, 9, 0)
    events = [("an", t, "accept", "money", 1), ("an", t + timedelta(minutes=10), "reject", "date", 2),
              ("an", t + timedelta(minutes=20), "accept", "money", 3),
              ("an", t + timedelta(hours=2), "edit", "person", 4),
              ("lan", t + timedelta(minutes=5), "accept", "location", 5)]
    s = sessions(events)
    assert [(x.reviewer, x.decisions) for x in s] == [("an", 3), ("lan", 1), ("an", 1)]
    first = s[0]
    assert first.by_action == {"accept": 2, "reject": 1} and first.by_kind["money"] == 2
    assert round(first.per_hour) == 9  # 3 decisions in 20 minutes


def test_undo_and_redo_are_not_decisions():
    t = datetime(2025, 1, 1, 9, 0)
    m = lambda n: t + timedelta(minutes=n)  # noqa: E731
    events = [("an", m(0), "accept", "money", 1), ("an", m(1), "reject", "date", 2),
              ("an", m(2), "undo", "date", 2),  # the reject taken back
              ("an", m(3), "undo", "money", 1), ("an", m(4), "redo", "money", 1),  # accept stands
              ("an", m(5), "add", "person", 3), ("an", m(6), "undo_add", "person", 3),
              ("an", m(7), "edit", "date", 2)]
    [s] = sessions(events)
    assert s.decisions == 2 and s.by_action == {"accept": 1, "edit": 1}
    assert s.by_kind == {"money": 1, "date": 1}


def test_undo_in_a_later_session_takes_back_from_the_earlier_one():
    t = datetime(2025, 1, 1, 9, 0)
    events = [("an", t, "accept", "money", 1), ("an", t + timedelta(minutes=1), "accept", "date", 2),
              ("an", t + timedelta(hours=3), "undo", "date", 2)]
    [s] = sessions(events)  # the later session made no net decision
    assert s.decisions == 1 and s.by_action == {"accept": 1}


def test_acceptance_worst_first():
    rows = [("rules/a@1", "money", "accepted", 9), ("rules/a@1", "money", "rejected", 1),
            ("rules/b@1", "date", "accepted", 1), ("rules/b@1", "date", "edited", 1),
            ("rules/b@1", "date", "rejected", 2), ("rules/c@1", "date", "pending", 5)]
    by_rule = acceptance(rows, "rule")
    assert [r.name for r in by_rule] == ["rules/b@1", "rules/a@1"]  # c: nothing reviewed
    assert by_rule[0].rate == 0.25 and by_rule[1].rate == 0.9
    by_kind = {r.name: r.rate for r in acceptance(rows, "kind")}
    assert by_kind == {"money": 0.9, "date": 0.25}


def test_report_on_a_workspace(seeded_store):
    run_extraction(seeded_store)
    facts = seeded_store.facts(seeded_store.article_ids()[0])
    money = [f for f in facts if f.kind == "money"]
    orgs = [f for f in facts if f.kind == "organization"][:4]
    for f in orgs[:3]:
        seeded_store.decide(f.id, "accept", "lan", status="accepted")
    seeded_store.decide(orgs[3].id, "reject", "lan", status="rejected")
    seeded_store.decide(money[0].id, "edit", "an", status="edited", changes={"value": "1"})
    rep = Workspace(seeded_store).report()
    assert {s.reviewer: s.decisions for s in rep.sessions} == {"an": 1, "lan": 4}
    kinds = {r.name: (r.accepted, r.edited, r.rejected) for r in rep.by_kind}
    assert kinds == {"organization": (3, 0, 1), "money": (0, 1, 0)}
    assert rep.by_rule[0].rate == 0.0 and rep.by_rule[0].name.startswith("rules/money")


def test_stats_command_prints_sessions(seeded_store, capsys):
    from app.cli import main

    run_extraction(seeded_store)
    f = seeded_store.facts(seeded_store.article_ids()[0])[0]
    seeded_store.decide(f.id, "accept", "lan", status="accepted")
    assert main(["--db", str(seeded_store.path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Review sessions" in out and "lan" in out and "100.0%" in out
    assert f"accept 1; {f.kind} 1" in out
