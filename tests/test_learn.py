"""The learned entity layer (facts.learn): `fact-review learn`, the model in the workspace,
extraction with it, and what it is made of. Small synthetic corpora, few iterations."""
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the shared data, beside the repository: never copied into it

# Names no word list of the rules knows (no Vietnamese family name, no honorific, no title
# before them): only a model that learned from the decisions finds these people.
NAMES = ["Zorbak", "Quintel", "Vexor", "Malgun", "Tarik", "Bodmer", "Keltan", "Rovian",
         "Sadrek", "Mirelo", "Dovak", "Penrik", "Gaston", "Lumbar", "Corvin", "Halvek"]
PLACES = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế"]
SENTENCES = ["{p} cho biết dự án sẽ hoàn thành trong năm nay.",
             "Theo {p}, kết quả rất tốt.",
             "Chiều qua, {p} đến thăm {l}.",
             "Sáng nay {p} làm việc tại {l}.",
             "Người dân {l} cảm ơn {p} đã giúp đỡ."]


def synthetic(rng: random.Random, sentences: int, status: str | None = "accepted"):
    """One article's text and its true facts (people, places), with a review status."""
    text, facts = "", []
    for _ in range(sentences):
        person = " ".join(rng.sample(NAMES, 2))
        place = rng.choice(PLACES)
        template = rng.choice(SENTENCES)
        sentence = template.format(p=person, l=place)
        i = sentence.index(person)
        facts.append({"kind": "person", "start": len(text) + i, "end": len(text) + i + len(person),
                      "text": person, "value": person})
        if "{l}" in template:
            j = sentence.index(place)
            facts.append({"kind": "location", "start": len(text) + j,
                          "end": len(text) + j + len(place), "text": place, "value": place,
                          "level": "province"})
        text += sentence + "\n"
    if status:
        for f in facts:
            f.update(status=status, reviewer="tester")
    return text, facts


def write_jsonl(path: Path, articles) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for uid, text, facts in articles:
            obj = {"id": uid, "text": text}
            if facts:
                obj["facts"] = facts
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def reviewed_corpus(tmp_path: Path, n: int = 8, seed: int = 1) -> Path:
    rng = random.Random(seed)
    return write_jsonl(tmp_path / f"reviewed{seed}.jsonl",
                       [(f"r{seed}-{i}", *synthetic(rng, 12)) for i in range(n)])


def kind_counts(path: Path) -> dict[str, int]:
    out = {"person": 0, "organization": 0, "location": 0}
    for line in path.read_text(encoding="utf-8").splitlines():
        for f in json.loads(line).get("facts", []):
            out[f["kind"]] += 1
    return out


def new_corpus(tmp_path: Path, n: int = 3, seed: int = 99) -> Path:
    rng = random.Random(seed)
    return write_jsonl(tmp_path / f"new{seed}.jsonl",
                       [(f"n{seed}-{i}", synthetic(rng, 6, None)[0], None) for i in range(n)])


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def learned(db_path, *args, capsys):
    return run(capsys, "--db", db_path, "learn", "--folds", 2, "--iterations", 40, *args)


def facts_by_extractor(db_path):
    from db.store import Store

    store = Store.open(db_path, lock=False)
    try:
        out = {}
        for art, facts in store.iter_articles():
            for f in facts:
                out.setdefault(f.extractor.split("/")[0], []).append((art.uid, f))
        return out
    finally:
        store.close()


# -- the command line ---------------------------------------------------------------------
def test_learn_then_new_articles_get_learned_facts(capsys, db_path, tmp_path):
    src = reviewed_corpus(tmp_path)
    code, out, _ = run(capsys, "--db", db_path, "import", "--no-extract", src)
    assert code == 0 and "8 articles" in out
    code, out, err = learned(db_path, capsys=capsys)
    assert code == 0, err
    assert "Learned from 8 articles" in out and f"{kind_counts(src)['person']} person" in out
    assert "Model 1 kept in the workspace" in out

    code, out, err = run(capsys, "--db", db_path, "import", new_corpus(tmp_path))
    assert code == 0
    assert "rules@1+learned@1" in err  # the extraction that ran with the import
    got = facts_by_extractor(db_path)
    people = [f for uid, f in got.get("learned@1", []) if uid.startswith("n")]
    assert people, "the model found none of the people the rules cannot find"
    assert all(f.kind == "person" and f.status == "pending" for f in people)
    assert all(0 < f.confidence <= 1 for f in people)
    assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", f.text) for f in people)
    assert not [f for uid, f in got.get("rules", []) if f.kind == "person"]  # the rules: none


def test_kfold_printout_has_a_row_per_kind(capsys, db_path, tmp_path):
    src = reviewed_corpus(tmp_path)
    counts = kind_counts(src)
    run(capsys, "--db", db_path, "import", "--no-extract", src)
    code, out, _ = learned(db_path, capsys=capsys)
    assert code == 0
    assert "2-fold estimate" in out and "rules alone" in out and "learned+rules" in out
    rows = {m.group(1): m.groups()[1:] for m in re.finditer(
        r"^(person|organization|location) +(\d+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)$",
        out, re.M)}
    assert set(rows) == {"person", "organization", "location"}
    assert int(rows["person"][0]) == counts["person"] and int(rows["location"][0]) == counts["location"]
    assert rows["organization"][0] == "0"
    rules_f1, learned_f1 = float(rows["person"][3]), float(rows["person"][6])
    assert rules_f1 == 0.0 and learned_f1 > 0.9  # the rules know none of these names
    assert re.search(r"learned in [\d.]+ s", out)
    # both ways of reading estimated, the one kept marked
    ways = re.findall(r"^  ([* ]) (the names the rules left unexplained|every name and rule span)", out, re.M)
    assert sorted(w for _, w in ways) == ["every name and rule span", "the names the rules left unexplained"]
    assert [m for m, _ in ways].count("*") == 1


def test_too_little_data_is_refused_clearly(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "import", "--no-extract", reviewed_corpus(tmp_path, n=3))
    code, out, err = learned(db_path, capsys=capsys)
    assert code == 1
    assert "too little to learn from: 3 articles with every fact decided" in err
    assert "at least 5" in err and "Traceback" not in err + out
    from db.store import Store

    store = Store.open(db_path, lock=False)
    try:
        assert store.latest_model() is None  # nothing kept
    finally:
        store.close()


def test_pending_articles_are_not_training_data(capsys, db_path, tmp_path):
    """An article with a fact still pending (or flagged for later) is not decided."""
    rng = random.Random(5)
    arts = []
    for i in range(6):
        text, facts = synthetic(rng, 4)
        facts[0]["status"] = "pending" if i % 2 else "flagged"
        arts.append((f"p{i}", text, facts))
    run(capsys, "--db", db_path, "import", "--no-extract", write_jsonl(tmp_path / "p.jsonl", arts))
    code, _, err = learned(db_path, capsys=capsys)
    assert code == 1 and "0 articles with every fact decided" in err


def test_bad_folds(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "import", "--no-extract", reviewed_corpus(tmp_path))
    code, _, err = run(capsys, "--db", db_path, "learn", "--folds", 1)
    assert code == 2 and "--folds must be at least 2" in err


# -- the model in the workspace -----------------------------------------------------------
def test_model_survives_close_reopen_and_copy(capsys, db_path, tmp_path):
    from db.store import Store
    from app.extracting import current_tag, extractor_for
    from facts.learn import LearnedExtractor

    src = reviewed_corpus(tmp_path)
    run(capsys, "--db", db_path, "import", "--no-extract", src)
    learned(db_path, capsys=capsys)
    learned(db_path, capsys=capsys)  # a second model: version 2
    store = Store.open(db_path)
    try:
        record = store.latest_model()
        assert record.version == 2 and record.data
        assert record.trained_from["articles"] == 8
        assert record.trained_from["facts"] == kind_counts(src)
        assert set(record.scores["by_kind"]) == {"person", "organization", "location"}
        assert record.scores["by_kind"]["person"]["learned"]["f1"] > 0.9
        assert record.settings["kinds"] == ["person", "organization", "location"]
        assert record.created_at is not None
        assert store.latest_model(data=False).data is None
        assert current_tag(store) == "rules@1+learned@2"
        data = record.data
    finally:
        store.close()

    copy = tmp_path / "elsewhere" / "copy.sqlite"
    copy.parent.mkdir()
    shutil.copy(db_path, copy)
    store = Store.open(copy)
    try:
        assert store.latest_model().data == data
        ex = extractor_for(store)
        assert isinstance(ex, LearnedExtractor) and ex.tag == "rules@1+learned@2"
        text = "Sáng nay Bodmer Keltan làm việc tại Huế.\n"
        found = {(f.kind, f.text, f.extractor) for f in ex.extract(text).facts}
        assert ("person", "Bodmer Keltan", "learned@2") in found
        assert ("location", "Huế", "rules/place.gazetteer@1") in found or any(
            k == "location" and t == "Huế" for k, t, _ in found)
    finally:
        store.close()


def test_reextraction_after_learning_keeps_reviewed_facts(capsys, db_path, tmp_path):
    from db.store import Store

    run(capsys, "--db", db_path, "import", "--no-extract", reviewed_corpus(tmp_path))
    # An article the reviewer has started on: the extraction's facts, some decided.
    rng = random.Random(7)
    text, _ = synthetic(rng, 6, None)
    run(capsys, "--db", db_path, "import", write_jsonl(tmp_path / "one.jsonl", [("mine", text, None)]))
    store = Store.open(db_path)
    try:
        aid = next(a.id for a, _ in store.iter_articles() if a.uid == "mine")
        facts = store.facts(aid)
        assert facts and all(f.status == "pending" for f in facts)
        store.decide(facts[0].id, "reject", "tester", status="rejected")
        if len(facts) > 1:
            store.decide(facts[1].id, "edit", "tester", status="edited",
                         changes={"value": facts[1].value + " (sửa)"})
        person = next(f for f in _people(text))
        added = store.add_fact(aid, person, "tester")
        reviewed = {f.id: f.snapshot() for f in store.facts(aid) if f.status != "pending"}
    finally:
        store.close()

    code, out, _ = learned(db_path, capsys=capsys)
    assert code == 0
    code, out, _ = run(capsys, "--db", db_path, "extract")
    assert code == 0 and "rules@1+learned@1" in out  # a new model: every article again
    store = Store.open(db_path)
    try:
        after = {f.id: f for f in store.facts(aid)}
        for fid, snap in reviewed.items():
            assert after[fid].snapshot() == snap  # untouched
        assert after[added.id].status == "added"
        # new learned facts never overlap a reviewed fact of their kind
        for f in after.values():
            if f.status == "pending":
                assert not any(r["kind"] == f.kind and r["start"] < f.end and f.start < r["end"]
                               for r in reviewed.values()), f
        assert store.article(aid).extracted_with == "rules@1+learned@1"
        assert store.count_to_extract("rules@1+learned@1") == 0
    finally:
        store.close()
    code, out, _ = run(capsys, "--db", db_path, "extract")
    assert "Nothing to extract" in out  # up to date with this model


def _people(text):
    from facts.model import validate_fact

    for m in re.finditer(r"[A-Z][a-z]+ [A-Z][a-z]+", text):
        yield validate_fact({"kind": "person", "start": m.start(), "end": m.end(), "text": m.group(),
                             "value": m.group(), "extractor": "manual"})


def test_new_model_replaces_the_old_models_pending_facts(capsys, db_path, tmp_path):
    """Pending facts of model 1 that model 2 does not find again are removed; the same
    finding is one fact, not two."""
    run(capsys, "--db", db_path, "import", "--no-extract", reviewed_corpus(tmp_path))
    learned(db_path, capsys=capsys)
    run(capsys, "--db", db_path, "import", new_corpus(tmp_path))
    first = [f for uid, f in facts_by_extractor(db_path)["learned@1"] if uid.startswith("n")]
    assert first
    learned(db_path, capsys=capsys)
    code, out, _ = run(capsys, "--db", db_path, "extract")
    assert code == 0
    got = facts_by_extractor(db_path)
    assert "learned@1" not in got
    second = [f for uid, f in got["learned@2"] if uid.startswith("n")]
    spans = [(f.article_id, f.kind, f.start, f.end) for f in second]
    assert len(spans) == len(set(spans)) and len(second) >= len(first) - 2


# -- the parts --------------------------------------------------------------------------
def test_tokens_keep_offsets_and_punctuation():
    from facts.learn.features import scan

    text = "Theo Bộ Y tế (BYT), TP.HCM có 3 ca.\nÔng Zorbak Quintel nói."
    doc = scan(text, [[0, len(text)]], ("person",), extra=[(0, len(text))])
    assert all(text[s:e] == w for s, e, w in zip(doc.starts, doc.ends, doc.words) if w != "\n")
    assert ["(", "BYT", ")", ","] == doc.words[4:8]
    assert ["TP", ".", "HCM"] == doc.words[8:11]
    assert "\n" in doc.words  # a line end: a boundary windows never cross


def test_windows_never_cross_a_line_end_and_take_whole_rule_spans():
    from facts.learn.features import scan, windows

    text = "Nói xong thì Zorbak\nQuintel về nhà ở Cần Thơ mới."
    place = text.index("Cần Thơ")
    doc = scan(text, [], ("person", "location"), [("location", place, place + 7)])
    for a, b in windows(doc, 1, 2):
        assert "\n" not in doc.words[a:b]
    seeds = {doc.words[i] for i in doc.seeds}
    assert {"Zorbak", "Quintel"} <= seeds and "Cần" not in seeds  # the rules explain Cần Thơ
    ws = windows(doc, 1, 1)
    assert any(doc.words[a:b][-2:] == ["Cần", "Thơ"] for a, b in ws) or not any(
        "Cần" in doc.words[a:b] for a, b in ws)


def test_features_reuse_the_project_word_lists():
    from facts.extract.words import ADMIN_WORDS, ORG_HEADS, TITLES
    from facts.learn.features import lists, own_features

    L = lists()
    assert "nguyễn" not in L.surnames and "Nguyễn" in L.surnames
    assert "huyện" in L.admin_first and set(ADMIN_WORDS)  # the lists' own entries
    assert ORG_HEADS[0].split()[0].lower() in L.head_first
    assert TITLES[0].split()[0].lower() in L.title_first | L.title_any
    f = own_features("Nguyễn")
    assert {"w=nguyễn", "s=Xx", "s3=yễn", "L:sur", "dia"} <= set(f)
    assert "ascii-cap" in own_features("Zorbak") and "s=XX" in own_features("UBND")


def test_settings_round_trip():
    from facts.learn import Settings

    s = Settings(kinds=["person", "date"], iterations=7)
    back = Settings.from_json(json.loads(json.dumps(s.to_json())))
    assert back == s and back.kinds == ("person", "date")
    assert Settings.from_json({"unknown": 1}) == Settings()


def test_merge_replaces_rule_spans_and_leaves_numbers_alone():
    from facts.learn.crf import Reading, Settings, Span
    from facts.learn.merge import merge
    from facts.model import validate_fact

    text = "Bệnh viện Đa khoa Hồng Phúc chi 3 tỷ đồng cho Zorbak Quintel."
    rule = lambda kind, s, e, **kw: validate_fact({  # noqa: E731
        "kind": kind, "start": s, "end": e, "text": text[s:e], "value": text[s:e],
        "confidence": 0.8, "extractor": "rules/x@1", **kw})
    org_end = text.index(" chi")
    money = text.index("3 tỷ")
    zq = text.index("Zorbak")
    facts = [rule("organization", 0, text.index(" Hồng")),  # cut short by the rules
             validate_fact({"kind": "money", "start": money, "end": money + 9,
                            "text": text[money:money + 9], "value": "3000000000", "currency": "VND",
                            "extractor": "rules/x@1"}),
             rule("location", text.index("Hồng"), org_end)]
    reading = Reading(spans=[Span("organization", 0, org_end, 0.9),
                             Span("person", zq, zq + 14, 0.8),
                             Span("person", money, money + 4, 0.99)],  # over a number: no
                      rule_p={(0, text.index(" Hồng")): 0.3, (text.index("Hồng"), org_end): 0.2})
    out = merge(text, facts, reading, Settings(), "learned@3")
    got = {(f.kind, f.text, f.extractor) for f in out}
    assert ("organization", "Bệnh viện Đa khoa Hồng Phúc", "learned@3") in got
    assert ("person", "Zorbak Quintel", "learned@3") in got
    assert ("money", "3 tỷ đồng", "rules/x@1") in got
    assert not any(k == "location" for k, _, _ in got)  # inside the learned organisation
    assert len(out) == 3
    person = next(f for f in out if f.kind == "person")
    assert person.confidence == 0.8 and person.value == "Zorbak Quintel"


def test_merge_keeps_a_rule_span_the_model_is_surer_of():
    from facts.learn.crf import Reading, Settings, Span
    from facts.learn.merge import merge
    from facts.model import validate_fact

    text = "Sở Y tế Hà Nội họp."
    end = text.index(" họp")
    rule = validate_fact({"kind": "organization", "start": 0, "end": end, "text": text[:end],
                          "value": text[:end], "extractor": "rules/org@1"})
    reading = Reading(spans=[Span("organization", 0, 7, 0.6)], rule_p={(0, end): 0.7})
    out = merge(text, [rule], reading, Settings(), "learned@1")
    assert [(f.text, f.extractor) for f in out] == [("Sở Y tế Hà Nội", "rules/org@1")]


# -- the dev gold: learned+rules against the rules alone -----------------------------------
@pytest.mark.skipif(not (SHARED / "gold" / "dev.jsonl").is_file(),
                    reason="the shared gold (../shared/gold, beside the repository) is not here")
def test_kfold_on_the_dev_gold_beats_the_rules(tmp_path):
    """5-fold over the 25 gold articles, trained on the gold facts imported as accepted:
    learned+rules above the rules alone on every entity kind (exact spans)."""
    import importlib.util

    from db.store import Store
    from app.importing import import_paths
    from facts.learn import Settings, learn, training_docs

    spec = importlib.util.spec_from_file_location("bench_learn", ROOT / "scripts" / "bench_learn.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    src = tmp_path / "gold.jsonl"
    assert bench.gold_jsonl(SHARED, src) == 25
    store = Store.open(tmp_path / "gold.sqlite")
    try:
        import_paths(store, [src])
        docs = training_docs(store)
    finally:
        store.close()
    assert len(docs) == 25
    result = learn(docs, Settings(), folds=5)
    for kind, s in result.scores["by_kind"].items():
        assert s["learned"]["f1"] > s["rules"]["f1"], (kind, s)


def test_tune_leaves_a_kind_to_the_rules_where_the_model_does_no_better():
    """The merge's threshold per kind is chosen on the k-fold readings: a kind where the
    model's spans only hurt stays the rules' ("never", above 1); a kind where they help is
    the model's too. Saved with the model's settings."""
    from facts.learn.crf import Reading, Settings, Span
    from facts.learn.training import Prepared, TrainingDoc, score, tune
    from facts.model import validate_fact

    text = "Ông Zorbak Quintel đến Hà Nội hôm qua."
    zq, hn = text.index("Zorbak"), text.index("Hà Nội")
    rule = validate_fact({"kind": "location", "start": hn, "end": hn + 6, "text": "Hà Nội",
                          "value": "Hà Nội", "extractor": "rules/x@1"})
    doc = TrainingDoc("t", text, [[0, len(text)]], None,
                      truth=[("person", zq, zq + 14), ("location", hn, hn + 6)], rejected=[])
    prepared = [Prepared(doc, [rule], None)]
    reading = Reading(spans=[Span("person", zq, zq + 14, 0.8),  # right: the rules missed it
                             Span("location", hn, hn + 2, 0.95)],  # wrong: cuts Hà Nội short
                      rule_p={(hn, hn + 6): 0.5})
    tuned = tune(prepared, [reading], Settings())
    assert tuned.threshold_of("person") <= 0.8
    assert tuned.threshold_of("location") > 1 and tuned.drop_of("location") > 1
    s = score(prepared, [reading], tuned)
    assert s["person"]["learned"].f1 == 1.0 and s["location"]["learned"].f1 == 1.0
    assert Settings.from_json(json.loads(json.dumps(tuned.to_json()))) == tuned


def test_a_model_left_off_on_every_kind_costs_nothing(capsys, db_path, tmp_path):
    """Where the k-fold estimate leaves every kind to the rules, the extractor with the model
    gives the rules' own facts without reading the text again."""
    from facts.extract.rules import RuleExtractor
    from facts.learn import LearnedExtractor, Settings

    src = reviewed_corpus(tmp_path)
    run(capsys, "--db", db_path, "import", "--no-extract", src)
    learned(db_path, capsys=capsys)
    from db.store import Store

    store = Store.open(db_path, lock=False)
    try:
        record = store.latest_model()
    finally:
        store.close()
    settings = Settings.from_json(record.settings)
    assert settings.threshold_of("person") <= 1  # the model finds these people
    off = Settings.from_json({**record.settings, "thresholds": {k: 2.0 for k in settings.kinds},
                              "drops": {k: 2.0 for k in settings.kinds}})
    ex = LearnedExtractor(record.data, record.version, off)
    assert not ex.active
    text = "Sáng nay Bodmer Keltan làm việc tại Huế.\n"
    rules = RuleExtractor().extract(text).facts
    assert [f.model_dump() for f in ex.extract(text).facts] == [f.model_dump() for f in rules]


def _gold_docs(tmp_path):
    import importlib.util

    from app.importing import import_paths
    from db.store import Store
    from facts.learn import training_docs

    if not (SHARED / "gold").is_dir():
        pytest.skip(f"no shared gold folder at {SHARED} (the data beside the repository)")
    spec = importlib.util.spec_from_file_location("bench_learn", ROOT / "scripts" / "bench_learn.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    src = tmp_path / "gold.jsonl"
    bench.gold_jsonl(SHARED, src)
    store = Store.open(tmp_path / "gold.sqlite")
    try:
        import_paths(store, [src])
        return training_docs(store)
    finally:
        store.close()


_ADMIN = re.compile(r"(?:tỉnh|huyện|xã|thành phố|quận|phường|thị xã|thị trấn|vùng)\s+")


def _theirs(d):
    """The gold article as reviewers who leave the administrative word out of a place."""
    from dataclasses import replace

    spans = []
    for kind, s, e in d.truth:
        m = _ADMIN.match(d.text, s) if kind == "location" else None
        spans.append((kind, m.end() if m and m.end() < e else s, e))
    return replace(d, truth=spans)


def test_reviewers_spans_unlike_the_rules_make_the_model_read_every_name(tmp_path):
    """A workspace whose reviewers leave the lowercase administrative word out of a place
    (`Quảng Nam`, not `tỉnh Quảng Nam` as FACTS.md and the rules have it): reading only
    around names the rules left unexplained, the model cannot move the rules' spans; reading
    around every name it can. Learning estimates both, keeps the better, and the model
    extracts places the reviewers' way. On the gold as written, the cheaper reading is kept."""
    from facts.extract.rules import RuleExtractor
    from facts.learn import LearnedExtractor, Settings, learn

    docs = _gold_docs(tmp_path)
    as_written = learn(docs, Settings(), folds=3)
    assert as_written.settings.candidates == "uncovered"
    shifted = [_theirs(d) for d in docs]
    result = learn(shifted, Settings(), folds=3)
    est = result.scores["estimates"]
    assert result.settings.candidates == "all"
    assert est["all"]["location"] > est["uncovered"]["location"] + 0.05, est
    loc = result.scores["by_kind"]["location"]
    assert loc["learned"]["f1"] > loc["rules"]["f1"] + 0.1, loc
    text = "Sáng 5/3, đoàn công tác đã đến tỉnh Quảng Nam và thành phố Đà Nẵng."
    rules = {f.text for f in RuleExtractor().extract(text).facts if f.kind == "location"}
    assert rules == {"tỉnh Quảng Nam", "thành phố Đà Nẵng"}
    ex = LearnedExtractor(result.data, 1, result.settings)
    places = {f.text for f in ex.extract(text).facts if f.kind == "location"}
    assert "Quảng Nam" in places and "tỉnh Quảng Nam" not in places, places


def test_over_many_articles_the_way_of_reading_is_chosen_on_a_sample(tmp_path, monkeypatch):
    """Past MODE_SAMPLE articles, both ways are estimated on a sample only, then the one kept
    on every article: the scores say so."""
    import facts.learn.training as training
    from facts.learn import Settings, learn

    docs = [_theirs(d) for d in _gold_docs(tmp_path)]
    monkeypatch.setattr(training, "MODE_SAMPLE", 15)
    result = learn(docs, Settings(), folds=3)
    assert result.settings.candidates == "all"
    assert result.scores["estimated_on"] == 15 and set(result.scores["estimates"]) == {"uncovered", "all"}
    assert result.trained_from["articles"] == 25


@pytest.mark.parametrize("with_model", [False, True], ids=["rules", "rules+model"])
def test_import_read_in_several_processes_stores_the_same_facts(capsys, tmp_path, monkeypatch, with_model):
    """`import` reads a batch of articles in several processes (FACT_REVIEW_JOBS; as many as
    the cores by default): the facts, values, confidences and article fields stored are those
    of one process, with the workspace's model too. (Under the test runner's own threads a
    fork is let through here; the command line forks only from a single thread.)"""
    import sqlite3

    import app.extracting as extracting

    import app.importing as importing

    monkeypatch.setattr(extracting, "_can_fork", lambda: True)
    monkeypatch.setattr(extracting, "PARALLEL_MIN", 8)
    monkeypatch.setattr(importing, "PIPELINE_BYTES", 1000)  # batches read while the last is written
    lines = new_corpus(tmp_path, n=40, seed=5).read_text(encoding="utf-8").splitlines(keepends=True)
    news = tmp_path / "news"
    news.mkdir()
    for i in range(0, len(lines), 8):  # five files: five batches
        (news / f"part{i // 8}.jsonl").write_text("".join(lines[i:i + 8]), encoding="utf-8")
    stored = {}
    real = extracting.ProcessPoolExecutor
    for jobs in ("1", "2"):
        db = tmp_path / f"w{jobs}.sqlite"
        if with_model:
            run(capsys, "--db", db, "import", "--no-extract", reviewed_corpus(tmp_path))
            assert learned(db, capsys=capsys)[0] == 0
        monkeypatch.setenv("FACT_REVIEW_JOBS", jobs)
        pools = []
        monkeypatch.setattr(extracting, "ProcessPoolExecutor",
                            lambda *a, **k: pools.append(real(*a, **k)) or pools[-1])
        code, out, err = run(capsys, "--db", db, "import", news)
        assert code == 0, err
        assert len(pools) == (jobs == "2")  # read in other processes only when asked to
        con = sqlite3.connect(db)
        try:
            stored[jobs] = (
                con.execute("SELECT a.uid, f.kind, f.start, f.\"end\", f.value, f.extractor, "
                            "f.confidence, f.status FROM facts f JOIN articles a ON a.id = f.article_id "
                            "WHERE a.uid LIKE 'n5-%' ORDER BY 1, 2, 3, 4").fetchall(),
                con.execute("SELECT uid, title, published, content, extracted_with FROM articles "
                            "WHERE uid LIKE 'n5-%' ORDER BY uid").fetchall())
        finally:
            con.close()
    assert stored["1"][0] and stored["1"] == stored["2"]
    assert any("learned@" in r[5] for r in stored["2"][0]) == with_model


def _reader_dies(item):
    import os

    os._exit(1)  # a reading process killed (out of memory, kill -9) while it reads


def test_a_reading_process_that_dies_leaves_the_reading_to_the_command(capsys, tmp_path, monkeypatch):
    """Where a reading process dies, the import reads the rest in its own process: the same
    facts stored, exit 0."""
    import sqlite3

    import app.extracting as extracting

    monkeypatch.setattr(extracting, "_can_fork", lambda: True)
    monkeypatch.setattr(extracting, "PARALLEL_MIN", 8)
    news = new_corpus(tmp_path, n=30, seed=6)
    counts = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("FACT_REVIEW_JOBS", jobs)
        if jobs == "2":
            monkeypatch.setattr(extracting, "_worker_read", _reader_dies)
        db = tmp_path / f"w{jobs}.sqlite"
        code, out, err = run(capsys, "--db", db, "import", news)
        assert code == 0, err
        con = sqlite3.connect(db)
        counts[jobs] = con.execute("SELECT kind, start, \"end\", value FROM facts ORDER BY 1, 2, 3").fetchall()
        con.close()
    assert counts["1"] and counts["1"] == counts["2"]


def test_decided_articles_without_names_are_refused_clearly():
    """Decided articles holding no fact of the model's kinds: `learn` says so (in words, not a
    crash)."""
    from facts.learn import Settings, TooLittleData, learn
    from facts.learn.training import TrainingDoc

    text = "Giá xăng tăng 500 đồng mỗi lít từ ngày 5/3."
    docs = [TrainingDoc(f"d{i}", text, [[0, len(text)]], None, truth=[("money", 14, 23)], rejected=[])
            for i in range(6)]
    with pytest.raises(TooLittleData, match="the 6 decided articles hold no accepted, edited or added "
                                            "person, organization, location fact"):
        learn(docs, Settings(), folds=2)
