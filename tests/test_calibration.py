"""Calibrated confidence: fitted on the workspace's decisions, applied to new facts, and the
reliability table of `fact-review evaluate`."""
import json
import random

import pytest

from app.calibrating import load, table_for
from facts.calibration import RAW, STATE_KEY, calibrate, calibrated, fit, fit_curve, reliability
from app.cli import main
from facts.extract.evaluate import format_table, score
from facts.model import ArticleIn, Review, validate_fact
from tests.conftest import GOLD, SEEDS


def person(start=0, conf=0.8, extractor="rules/person.name@3", **extra):
    return validate_fact({"kind": "person", "start": start, "end": start + 3, "text": "abc", "value": "abc",
                          "confidence": conf, "extractor": extractor, **extra})


def simulate(n, seed, truth=lambda x: x ** 3):
    """An over-confident extractor: at raw confidence x a fact is right with chance truth(x)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        x = round(rnd.uniform(0.3, 1.0), 2)
        out.append(("rules/person.name@3", "person", x, rnd.random() < truth(x)))
    return out


def test_pav_gives_a_monotone_curve_pulled_off_zero_and_one():
    curve = fit_curve([(0.2, False)] * 5 + [(0.5, True), (0.5, False), (0.6, False)] + [(0.9, True)] * 5)
    assert curve["y"] == sorted(curve["y"])
    assert 0 < curve["y"][0] < 0.2 and 0.8 < curve["y"][-1] < 1
    assert sum(curve["n"]) == 13
    assert fit_curve([]) is None


def test_calibrated_confidence_means_the_share_accepted():
    table = fit(simulate(4000, 1))
    held_out = simulate(4000, 2)
    cal = [(calibrated(table, e, k, x), hit) for e, k, x, hit in held_out]
    raw = reliability([(x, hit) for _, _, x, hit in held_out])
    rel = reliability(cal)
    assert rel["ece"] < 0.03 < raw["ece"]
    for b in rel["bins"]:
        if b["facts"] >= 100:
            assert abs(b["share"] - b["mean_confidence"]) < 0.06
    for c in (0.3, 0.5, 0.7):  # among facts at confidence ≥ c, at least about c accepted
        above = [hit for conf, hit in cal if conf >= c]
        assert sum(above) / len(above) >= c - 0.03


def test_groups_back_off_from_rule_to_kind_to_everything():
    decisions = ([("rules/a@1", "person", 0.9, True)] * 30 + [("rules/b@2", "person", 0.9, False)] * 10
                 + [("rules/c@1", "money", 0.9, False)] * 5)
    table = fit(decisions, min_decisions=20)
    assert set(table["curves"]) == {"rules/a|person", "kind:person", "*"}
    assert calibrated(table, "rules/a@7", "person", 0.9) > 0.9  # its own rule, any version
    assert 0.7 < calibrated(table, "rules/b@2", "person", 0.9) < 0.8  # too few: the kind's 30 of 40
    assert calibrated(table, "rules/c@1", "money", 0.9) == calibrated(table, "x", "date", 0.9)
    assert calibrated(None, "rules/a@1", "person", 0.9) is None
    # typed facts and annotated corpora are no extractor's proposals
    assert fit([("manual", "person", 1.0, True), ("conll-import", "person", 1.0, True)],
               min_decisions=1)["curves"] == {}


def test_calibrate_keeps_the_raw_confidence_and_is_idempotent():
    table = {"version": 1, "curves": {"*": {"x": [0.5, 0.9], "y": [0.2, 0.6], "n": [10, 10]}}}
    f = calibrate([person(conf=0.7)], table)[0]
    assert f.confidence == 0.4 and f.model_dump()[RAW] == 0.7
    assert calibrate([f], table)[0].confidence == 0.4  # from the raw value, not the calibrated one
    d = calibrate([{"kind": "person", "confidence": 0.95, "extractor": "x"}], table)[0]
    assert d == {"kind": "person", "confidence": 0.6, "extractor": "x", RAW: 0.95}
    assert calibrate([person()], None)[0].confidence == 0.8


def add_decided(store, rows):
    """rows: (raw confidence, status[, extra fields]) of person facts, one article each."""
    first = store.article_count()
    with store.writer() as w:
        for i, (conf, status, *rest) in enumerate(rows, start=first):
            text = f"Bài {i}: abc."
            w.add_article(ArticleIn(uid=f"a{i}", origin="t", text=text,
                                    facts=[person(start=text.index("abc"), conf=conf, **(rest[0] if rest else {}))],
                                    reviews=[Review(status=status)]))


def test_the_workspace_table_is_fitted_stored_and_refitted_when_decisions_move_on(store):
    assert table_for(store) is None  # nothing decided yet
    add_decided(store, [(0.9, "accepted")] * 15 + [(0.9, "edited")] * 5 + [(0.6, "rejected")] * 20
                + [(0.6, "pending")] * 7 + [(0.99, "accepted", {"extractor": "manual"})] * 3)
    table = table_for(store)
    assert table["decisions"] == 40 and load(store)["counts"] == {"accepted": 18, "edited": 5, "rejected": 20}
    curve = table["curves"]["rules/person.name|person"]
    assert curve["x"] == [0.6, 0.9] and curve["y"][0] < 0.1 and curve["y"][1] > 0.9
    # the raw confidence is what a fit reads, whatever a fact was shown with
    add_decided(store, [(0.2, "accepted", {RAW: 0.6})] * 20)
    refit = table_for(store)
    assert refit["decisions"] == 60 and 0.4 < refit["curves"]["rules/person.name|person"]["y"][0] < 0.6
    assert store.get_state(STATE_KEY) == refit


def test_the_call_for_the_runner_stores_calibrated_facts(store):
    """What extract_articles does with it: `[f.model_dump() for f in calibrate(result.facts, table)]`."""
    add_decided(store, [(0.8, "accepted")] * 10 + [(0.8, "rejected")] * 30)
    aid = store.article_ids()[0]
    text = store.article(aid).text
    found = [validate_fact({"kind": "person", "start": text.index("Bài"), "end": text.index("Bài") + 3,
                            "text": "Bài", "value": "Bài", "confidence": 0.8,
                            "extractor": "rules/person.name@4"})]
    table = table_for(store)
    with store.writer() as w:
        w.replace_pending(aid, [f.model_dump() for f in calibrate(found, table)], "rules@4")
    new = next(f for f in store.facts(aid) if f.status == "pending")
    assert new.confidence == 0.25 and new.extra == {RAW: 0.8}  # 10 of 40 accepted at 0.8


def test_reliability_bins_and_evaluate_output():
    gold = {"article": "a", "facts": [{"kind": "person", "start": 0, "end": 3, "text": "abc", "value": "abc"}],
            "content": [[0, 10]]}
    pred = {"facts": [{"kind": "person", "start": 0, "end": 3, "text": "abc", "value": "abc", "confidence": 0.95},
                      {"kind": "person", "start": 5, "end": 8, "text": "xyz", "value": "xyz", "confidence": 0.9},
                      {"kind": "money", "start": 5, "end": 8, "text": "xyz", "value": "1", "confidence": 0.05}],
            "content": [[0, 10]]}
    rep = score([(gold, pred)])
    rel = rep.as_dict()["reliability"]
    assert [(b["low"], b["facts"], b["matched"]) for b in rel["bins"] if b["facts"]] == [(0.0, 1, 0), (0.9, 2, 1)]
    assert rel["bins"][9]["share"] == 0.5 and len(rel["bins"]) == 10
    table = format_table(rep)
    assert "0.9–1.0          2      1   0.500" in table and "expected calibration error" in table


def test_evaluate_command_prints_the_reliability_table(capsys, db_path):
    assert main(["evaluate", str(GOLD), "--articles", str(SEEDS), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sum(b["facts"] for b in out["reliability"]["bins"]) == out["overall"]["predicted"]
    # calibrated on a workspace without decisions: said, and the extractor's own shown
    assert main(["--db", str(db_path), "import", "--no-extract", str(SEEDS / "000_2de5f09fb336969d.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "evaluate", str(GOLD), "--articles", str(SEEDS), "--calibrated"]) == 0
    out, err = capsys.readouterr()
    assert "Reliability" in out and "too few decisions" in err
    assert main(["--db", str(db_path.parent / "none.sqlite"), "evaluate", str(GOLD), "--articles", str(SEEDS),
                 "--calibrated"]) == 2


@pytest.mark.parametrize("conf,bin_low", [(0.0, 0.0), (0.1, 0.1), (0.3, 0.3), (0.7, 0.7), (0.99, 0.9), (1.0, 0.9)])
def test_bins_edges(conf, bin_low):
    rel = reliability([(conf, True)])
    assert next(b["low"] for b in rel["bins"] if b["facts"]) == bin_low
