"""CoNLL / IOB / BIO: an annotated corpus in as accepted facts, reviewed articles out."""
import io

import pytest

from app.cli import main
from facts.conll import (ConllOptions, join_tokens, parse_tag_map, read_conll, read_tokens,
                         tokenize, write_conll)
from app.importing import import_paths
from facts.importer import SUFFIXES
from facts.model import validate_fact
from facts.textio import BadInput

CONLL_2003_STYLE = """\
-DOCSTART- -X- -X- O

Ông Nc B-NP O
Nguyễn Np B-NP B-PER
Văn Np I-NP I-PER
Hải Np I-NP I-PER
, CH O O
Thứ N B-NP O
trưởng N I-NP O
Bộ N B-NP B-ORG
Y N I-NP I-ORG
tế N I-NP I-ORG
( CH O O
BYT Ny B-NP B-ORG
) CH O O
, CH O O
đến V B-VP O
Hà Np B-NP B-LOC
Nội Np I-NP I-LOC
" CH O O
hôm N O O
nay N O O
" CH O O
, CH O O
tỷ N O O
lệ N O O
đạt V O O
76 M O O
% CH O O
. CH O O

Tin N O O
“ CH O O
Việt Np O B-MISC
Nam Np O I-MISC
” CH O O
… CH O O

-DOCSTART- -X- -X- O

Sở N O B-ORG
Y N O I-ORG
tế N O I-ORG
TP.HCM Np O B-LOC
có V O O
3.000 M O O
ca N O O
COVID-19 Np O O
.

"""


def articles(raw, **options):
    return read_conll(raw, "corpus", "corpus.conll", ConllOptions(**options) if options else None)


def names(article):
    return [(f.kind, f.text) for f in article.facts]


def test_documents_sentences_and_names():
    arts = articles(CONLL_2003_STYLE.replace("\n.\n", "\n. O\n"))
    assert len(arts) == 2
    a, b = arts
    assert a.uid == "corpus#1" and b.uid == "corpus#2"
    assert a.text == ('Ông Nguyễn Văn Hải, Thứ trưởng Bộ Y tế (BYT), đến Hà Nội "hôm nay", '
                      "tỷ lệ đạt 76%.\nTin “Việt Nam”…")
    assert names(a) == [("person", "Nguyễn Văn Hải"), ("organization", "Bộ Y tế"),
                        ("organization", "BYT"), ("location", "Hà Nội")]  # MISC left out
    for f in a.facts:
        assert a.text[f.start:f.end] == f.text and f.value == f.text
        assert f.extractor == "conll-import" and f.confidence == 1.0
    assert all(r.status == "accepted" for r in a.reviews) and len(a.reviews) == len(a.facts)
    assert b.text == "Sở Y tế TP.HCM có 3.000 ca COVID-19."
    assert names(b) == [("organization", "Sở Y tế"), ("location", "TP.HCM")]


def test_a_line_without_a_tag_is_refused_with_its_line():
    with pytest.raises(BadInput) as exc:
        articles(CONLL_2003_STYLE)  # the last "." has no tag
    assert exc.value.line == 49 and "token and its tag" in exc.value.reason


@pytest.mark.parametrize("line,why", [("Hà X-LOC", "not an IOB/BIO tag"),
                                      ("Hà B-GPE", "GPE")])
def test_bad_tags_name_their_line(line, why):
    raw = f"Ông O\n{line}\n"
    with pytest.raises(BadInput) as exc:
        articles(raw)
    assert exc.value.line == 2 and why in exc.value.reason
    assert "line 2" == exc.value.where


def test_tag_map_option():
    raw = "Ông O\nở O\nHà B-GPE\nNội I-GPE\nvà O\nAnh B-NORP\n"
    with pytest.raises(BadInput, match="--tag-map GPE="):
        articles(raw)
    art, = articles(raw, tag_map=parse_tag_map("GPE=location,NORP=ignore"))
    assert names(art) == [("location", "Hà Nội")]
    # a default can be turned off, and full names of the usual types are known
    assert parse_tag_map("PER=ignore")["PER"] == ""
    assert parse_tag_map("")["PERSON"] == "person"
    for bad in ("GPE", "GPE=money", "=person"):
        with pytest.raises(ValueError):
            parse_tag_map(bad)


def test_iob1_and_bioes_are_read_like_iob2():
    iob1 = "Nguyễn I-PER\nVăn I-PER\nAn I-PER\nLê B-PER\nBa I-PER\ngặp O\nHà I-LOC\nNội I-LOC\n"
    art, = articles(iob1)
    assert names(art) == [("person", "Nguyễn Văn An"), ("person", "Lê Ba"), ("location", "Hà Nội")]
    # an I- of another type begins a name of its own
    art, = articles("Bộ I-ORG\nY I-ORG\ntế I-ORG\nHà I-LOC\nNội I-LOC\n")
    assert names(art) == [("organization", "Bộ Y tế"), ("location", "Hà Nội")]
    bioes = "Lê S-PER\nBa S-PER\nở O\nHà B-LOC\nNội E-LOC\nCao B-LOC\nBằng E-LOC\n"
    art, = articles(bioes)
    assert names(art) == [("person", "Lê"), ("person", "Ba"), ("location", "Hà Nội"),
                          ("location", "Cao Bằng")]


def test_tabs_segmented_words_comments_and_documents_without_docstart():
    raw = ("# newdoc id = a\n# sent_id = 1\nÔng\tO\nHà Nội\tB-PER\n.\tO\n\n"
           "# doc\nPhạm_Văn_Đồng\tB-PER\n#\tO\nsnake_case\tO\n")
    a, b = articles(raw)
    assert a.text == "Ông Hà Nội." and names(a) == [("person", "Hà Nội")]
    assert b.text == "Phạm Văn Đồng # snake case" and names(b) == [("person", "Phạm Văn Đồng")]
    many = "".join(f"Câu O\n{i} O\n\n" for i in range(5))
    assert len(articles(many)) == 1
    assert [a.text for a in articles(many, doc_sentences=2)] == ["Câu 0\nCâu 1", "Câu 2\nCâu 3", "Câu 4"]


def test_nothing_but_marks_is_refused():
    with pytest.raises(BadInput, match="no tokens"):
        articles("-DOCSTART- -X- -X- O\n\n# doc\n")


def test_joining_and_tokenising_agree():
    tokens = ["(", "Theo", "“", "Bộ", "Y", "tế", "”", ")", ",", '"', "ca", '"', "tăng", "12", "%",
              "...", "!", "-", "3.000", "TP.HCM", "COVID-19", "15/8", "[", "1", "]", ";", "«", "x", "»"]
    text, spans = join_tokens(tokens)
    assert text == '(Theo “Bộ Y tế”), "ca" tăng 12%...! - 3.000 TP.HCM COVID-19 15/8 [1]; «x»'
    assert [text[s:e] for s, e in spans] == tokens
    assert [text[s:e] for s, e in tokenize(text)] == tokens


def test_an_import_is_all_or_nothing_and_a_folder_finds_the_suffixes(store, tmp_path):
    assert {".conll", ".iob", ".bio"} <= SUFFIXES
    good = "Lê B-PER\nBa I-PER\n\n"
    (tmp_path / "a.conll").write_text("-DOCSTART- O\n\n" + good + "-DOCSTART- O\n\nHà B-LOC\nNội I-LOC\n"
                                      "-DOCSTART- O\n\nxấu\n", encoding="utf-8")
    (tmp_path / "b.iob").write_text(good, encoding="utf-8")
    (tmp_path / "c.bio").write_text("Hà B-LOC\nNội I-LOC\n", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    by_name = {f.path.rsplit("/", 1)[-1]: f for f in report.files}
    assert by_name["a.conll"].error == "line 12: expected a token and its tag, found only 'xấu'"
    assert by_name["b.iob"].imported == 1 and by_name["c.bio"].imported == 1
    texts = sorted(store.article(i).text for i in store.article_ids())
    assert texts == ["Hà Nội", "Lê Ba"]  # nothing of a.conll
    facts = [f for i in store.article_ids() for f in store.facts(i)]
    assert {(f.kind, f.text, f.status, f.extractor) for f in facts} == {
        ("person", "Lê Ba", "accepted", "conll-import"), ("location", "Hà Nội", "accepted", "conll-import")}


ROUND_TRIP = """\
-DOCSTART- O

Ông O
Nguyễn B-PER
Văn I-PER
Hải I-PER
( O
Bộ B-ORG
Y I-ORG
tế I-ORG
) O
nói O
: O
“ O
Hà B-LOC
Nội I-LOC
đã O
có O
3.000 O
ca O
” O
. O

Lê B-PER
Ba I-PER
Nguyễn B-PER
An I-PER
, O
" O
Cao B-LOC
Bằng I-LOC
" O
. O

-DOCSTART- O

Không O
có O
tên O
nào O
. O

-DOCSTART- O

TP.HCM B-LOC
, O
20 O
% O
... O

"""


def conll_of(store, **kw) -> str:
    out = io.StringIO()
    write_conll(store.iter_articles(), out, **kw)
    return out.getvalue()


def test_round_trip_gives_the_same_tokens_and_tags(store, tmp_path):
    path = tmp_path / "corpus.conll"
    path.write_text(ROUND_TRIP, encoding="utf-8")
    assert import_paths(store, [path]).articles == 3
    exported = conll_of(store)
    assert read_tokens(exported) == read_tokens(ROUND_TRIP)
    assert exported == ROUND_TRIP  # here even the marks and blank lines


def test_round_trip_through_the_command_line(capsys, db_path, tmp_path):
    src = tmp_path / "in.bio"
    src.write_text(ROUND_TRIP.replace(" ", "\t"), encoding="utf-8")
    assert main(["--db", str(db_path), "import", "--no-extract", str(src)]) == 0
    out = tmp_path / "out.conll"
    assert main(["--db", str(db_path), "export", "--format", "conll", "-o", str(out)]) == 0
    assert "3 articles, 4 sentences written to" in capsys.readouterr().err
    assert read_tokens(out.read_text(encoding="utf-8")) == read_tokens(ROUND_TRIP)
    # mapped types come in as their kinds
    gpe = tmp_path / "gpe.conll"
    gpe.write_text("Ở O\nHuế B-GPE\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "--no-extract", "--tag-map", "GPE=location", str(gpe)]) == 0
    assert main(["--db", str(db_path), "import", "--tag-map", "GPE=money", str(gpe)]) == 2
    assert "--tag-map" in capsys.readouterr().err


def fact(kind, text, article, nth=0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = article.index(text, start + 1)
    return validate_fact({"kind": kind, "start": start, "end": start + len(text), "text": text,
                          "value": text, "extractor": "test@1", **extra})


def test_export_takes_decided_articles_and_curated_names(store):
    from facts.model import ArticleIn, Review

    t1 = "Tin cùng chuyên mục: Lê Văn Tám\nBộ Y tế và ông Lê Văn Tám đến Hà Nội ngày 6/12, tốn 3 tỷ đồng."
    t2 = "Ông Trần Văn Hai ở Huế."
    t3 = "Chưa có gì."
    with store.writer() as w:
        a1 = w.add_article(ArticleIn(
            uid="a1", origin="a1.txt", text=t1, content=[(t1.index("\n") + 1, len(t1))],
            facts=[fact("organization", "Bộ Y tế", t1), fact("person", "Lê Văn Tám", t1, 1),
                   fact("location", "Hà Nội", t1), fact("date", "ngày 6/12", t1, value="--12-06"),
                   fact("location", "Tám", t1, 1)],
            reviews=[Review(status="accepted"), Review(status="edited"), Review(status="rejected"),
                     Review(status="accepted"), Review(status="accepted")]))
        w.add_article(ArticleIn(uid="a2", origin="a2.txt", text=t2, facts=[fact("person", "Trần Văn Hai", t2)]))
        w.add_article(ArticleIn(uid="a3", origin="a3.txt", text=t3))
    out = io.StringIO()
    assert write_conll(store.iter_articles(), out) == (1, 1, 1)  # a2 is pending, a3 holds no decision
    tokens = read_tokens(out.getvalue())
    assert tokens == [[("Bộ", "B-ORG"), ("Y", "I-ORG"), ("tế", "I-ORG"), ("và", "O"), ("ông", "O"),
                       ("Lê", "B-PER"), ("Văn", "I-PER"), ("Tám", "I-PER"),  # the longer name wins
                       ("đến", "O"), ("Hà", "O"), ("Nội", "O"),  # rejected
                       ("ngày", "O"), ("6/12", "O"), (",", "O"), ("tốn", "O"), ("3", "O"), ("tỷ", "O"),
                       ("đồng", "O"), (".", "O")]]  # the page furniture left out
    # --kind location: the accepted location inside the name is tagged now
    only = read_tokens(conll_of(store, kinds={"location"}))[0]
    assert [(tok, tag) for tok, tag in only if tag != "O"] == [("Tám", "B-LOC")]
    assert len(store.facts(a1)) == 5
