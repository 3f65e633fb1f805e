"""The built-in extractor: gold regression, sample articles, entities, properties, re-extraction."""
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extract import default_extractor, get, names, register
from facts.extract.evaluate import score
from app.extracting import extract_articles, run_extraction
from facts.model import validate_fact

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "seeds.jsonl"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def extractor():
    return default_extractor()


# The scores on the seed and dev gold, pinned per kind: tests/test_gold_scores.py.


@pytest.mark.parametrize("line", GOLD.read_text(encoding="utf-8").splitlines())
def test_each_sample_article(extractor, line):
    gold = json.loads(line)
    text = (SEEDS / gold["article"]).read_text(encoding="utf-8")
    result = extractor.extract(text)
    for f in result.facts:
        assert text[f.start:f.end] == f.text
        assert f.extractor.startswith("rules/") and f.extractor.endswith("@1")
        assert 0 < f.confidence <= 1
        assert any(s <= f.start and f.end <= e for s, e in result.content)
    for key in ("title", "published", "source", "author"):
        assert result.metadata[key] == gold[key], key
    rep = score([(gold, {"facts": [f.model_dump() for f in result.facts], "content": result.content})])
    assert rep.overall().scores()["f1"] >= 0.85


def facts_of(extractor, text, kind=None):
    return [(f.kind, f.text, f.value) for f in extractor.extract(text).facts
            if kind is None or f.kind == kind]


def test_people_titles_and_honorifics(extractor):
    text = ("Phát biểu tại hội nghị, Thứ trưởng Bộ Y tế Lê Văn Minh cho biết. "
            "PGS.TS Trần Thị Hoa, Giám đốc Bệnh viện Nhi Trung ương, nhấn mạnh. "
            "Ông John Smith - Trưởng đại diện Tổ chức Y tế Thế giới tại Việt Nam cho rằng.")
    facts = {f.value: f for f in extractor.extract(text).facts if f.kind == "person"}
    assert facts["Lê Văn Minh"].title == "Thứ trưởng Bộ Y tế"
    assert facts["Trần Thị Hoa"].honorific == "PGS.TS"
    assert facts["Trần Thị Hoa"].title == "Giám đốc Bệnh viện Nhi Trung ương"
    assert facts["John Smith"].honorific == "Ông"
    orgs = facts_of(extractor, text, "organization")
    assert ("organization", "Bộ Y tế", "Bộ Y tế") in orgs
    assert ("organization", "Bệnh viện Nhi Trung ương", "Bệnh viện Nhi Trung ương") in orgs
    assert ("organization", "Tổ chức Y tế Thế giới", "Tổ chức Y tế Thế giới") in orgs


def test_organisations_flat_and_acronyms(extractor):
    text = ("Sở Y tế tỉnh Nghệ An phối hợp với Quỹ Nhi đồng Liên hợp quốc (UNICEF). "
            "UNICEF cam kết hỗ trợ. Ban tổ chức cho biết UBND các tỉnh đã tham gia.")
    ents = facts_of(extractor, text)
    assert ("organization", "Sở Y tế tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An") in ents
    assert ("organization", "Quỹ Nhi đồng Liên hợp quốc (UNICEF)", "Quỹ Nhi đồng Liên hợp quốc") in ents
    assert ("organization", "UNICEF", "UNICEF") in ents
    assert not any(k == "location" and t == "Nghệ An" for k, t, _ in ents)  # inside the organisation
    assert not any(t in ("Ban tổ chức", "UBND") for _, t, _ in ents)


def test_places(extractor):
    text = "Đoàn công tác đến huyện Mường Nhé, tỉnh Điện Biên, rồi sang Lào và về Thanh Hoá."
    places = {t: v for k, t, v in facts_of(extractor, text, "location")}
    assert set(places) == {"huyện Mường Nhé", "tỉnh Điện Biên", "Lào", "Thanh Hoá"}
    levels = {f.text: f.level for f in extractor.extract(text).facts if f.kind == "location"}
    assert levels == {"huyện Mường Nhé": "district", "tỉnh Điện Biên": "province",
                      "Lào": "country", "Thanh Hoá": "province"}


def test_number_inside_a_name_is_not_a_quantity(extractor):
    text = "Bệnh viện Quân y 175 đã tiếp nhận 12 bệnh nhân."
    assert facts_of(extractor, text, "quantity") == [("quantity", "12", "12")]


def test_date_inside_legal_reference_is_a_field(extractor):
    text = "Theo Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư."
    kinds = [k for k, _, _ in facts_of(extractor, text)]
    assert "date" not in kinds and kinds.count("legal_reference") == 1


def test_registry():
    assert "rules" in names()
    register("null", lambda: type("Null", (), {"name": "null", "version": "0",
                                               "extract": lambda self, t, m=None: None})())
    assert get("null").name == "null"
    with pytest.raises(KeyError):
        get("nope")


# -- properties ------------------------------------------------------------------
VI_CHARS = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 .,/-:%()\n"
                                "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"))
FRAGMENTS = st.sampled_from([
    "Hơn 8.900", " cán bộ ", "3 tỷ đồng", "28,4%", "ngày 06/12/2024", "Bộ Y tế", " tỉnh Cao Bằng",
    "Quyết định 2348/QĐ-TTg", "Thứ trưởng ", "Nguyễn Văn An", "(WB)", " và ", "\n", "Từ năm 2010 đến 2016",
    "Sáng 7-12", "khoảng 30", "hàng chục", "ông ", "Ngân hàng Thế giới", "1.5 tỉ", "/", "-", ",",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(VI_CHARS, max_size=12)), max_size=40).map("".join))
def test_offsets_always_valid(text):
    result = default_extractor().extract(text)
    for f in result.facts:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        validate_fact(f.model_dump())
    for s, e in result.content:
        assert 0 <= s < e <= len(text)
    by_kind = {}
    for f in result.facts:
        by_kind.setdefault(f.kind, []).append(f)
    for facts in by_kind.values():
        facts.sort(key=lambda f: f.start)
        for a, b in zip(facts, facts[1:]):
            assert a.end <= b.start  # same-kind spans never overlap


# -- re-extraction in a workspace ------------------------------------------------------
def test_reextraction_keeps_reviewed_facts(seeded_store):
    store = seeded_store
    aid = store.article_ids()[0]
    extract_articles(store, [aid])
    facts = store.facts(aid)
    assert len(facts) > 5 and all(f.status == "pending" for f in facts)
    accepted, rejected, edited = facts[0], facts[1], facts[2]
    store.decide(accepted.id, "accept", "lan", status="accepted")
    store.decide(rejected.id, "reject", "lan", status="rejected")
    store.decide(edited.id, "edit", "lan", status="edited", changes={"value": "9999"})
    added = store.add_fact(aid, validate_fact({"kind": "organization", "start": 0, "end": 3,
                                               "text": "Hơn", "value": "Hơn"}), "lan")
    # A pending fact the new version will no longer produce:
    stale = store.add_fact(aid, validate_fact({"kind": "quantity", "start": 4, "end": 9,
                                               "text": "8.900", "value": "1",
                                               "extractor": "rules/old@0"}), None)
    store.decide(stale.id, "reset", None, status="pending")

    summary = run_extraction(store, everything=True)
    after = {f.id: f for f in store.facts(aid)}
    assert after[accepted.id].status == "accepted"
    assert after[rejected.id].status == "rejected"
    assert after[edited.id].value == "9999" and after[edited.id].status == "edited"
    assert after[added.id].status == "added"
    assert stale.id not in after
    # Nothing new where a reviewed fact of the same kind already sits:
    for f in after.values():
        if f.status == "pending":
            for r in (after[accepted.id], after[rejected.id], after[edited.id]):
                assert not (f.kind == r.kind and f.start < r.end and r.start < f.end)
    assert len(after) == len(facts) + 1  # every original span, plus the reviewer's own fact
    assert summary.removed >= 1
    art = store.article(aid)
    assert art.extracted_with == "rules@1"
    page = default_extractor().extract(art.text)  # what was read from the page is filled in
    assert (art.title, art.source) == (page.metadata["title"], page.metadata["source"])
    assert art.title and art.source and art.content == [list(r) for r in page.content]


def test_extract_is_incremental(seeded_store):
    first = run_extraction(seeded_store)
    again = run_extraction(seeded_store)
    assert first.articles == 5 and again.articles == 0
    assert "up to date" in str(again)


def test_section_label_title_is_replaced(seeded_store):
    run_extraction(seeded_store)
    titles = {seeded_store.article(i).uid: seeded_store.article(i).title
              for i in seeded_store.article_ids()}
    assert titles["002_a6a5c79bbaa1a5b8"].startswith("Nỗ lực hợp tác quốc tế")
    assert seeded_store.article(seeded_store.article_ids()[2]).published == "2024-12-06T14:38"


@pytest.mark.parametrize("text,expected", [
    ("Bệnh viện Chợ Rẫy vừa phẫu thuật thành công.", [("organization", "Bệnh viện Chợ Rẫy")]),
    ("UBND tỉnh Quảng Nam xây dựng Trung tâm Y tế huyện Nam Trà My, dự kiến xong.",
     [("organization", "UBND tỉnh Quảng Nam"), ("organization", "Trung tâm Y tế huyện Nam Trà My")]),
    ("Sở Y tế tỉnh Hải Dương phối hợp với Bệnh viện Bạch Mai tổ chức Hội nghị Khoa học.",
     [("organization", "Sở Y tế tỉnh Hải Dương"), ("organization", "Bệnh viện Bạch Mai")]),
    ("Theo Sở Y tế TP.HCM, ông Nguyễn Hồng Tâm, Phó Giám đốc Sở Y tế, cho biết có 3 trường hợp tử vong.",
     [("organization", "Sở Y tế TP.HCM"), ("person", "Nguyễn Hồng Tâm"), ("organization", "Sở Y tế"),
      ("quantity", "3")]),
    ("Thông tư 22/2023/TT-BYT quy định giá khám từ ngày 17/11/2023 là 45.000 đồng/lượt.",
     [("legal_reference", "Thông tư 22/2023/TT-BYT"), ("date", "ngày 17/11/2023"), ("money", "45.000 đồng")]),
])
def test_sentences_the_rules_were_not_written_from(extractor, text, expected):
    assert [(k, t) for k, t, _ in facts_of(extractor, text)] == expected
