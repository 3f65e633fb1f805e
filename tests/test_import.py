"""The importer: every format, every encoding, every bad input, all or nothing per file."""
import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from app.importing import import_paths, read_file
from facts.textio import BadInput

TONES = "\u0300\u0301\u0303\u0309\u0323"
VI = "Bộ Y tế cấp 3 tỷ đồng cho tỉnh Cao Bằng ngày 06/12/2024."


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 writes Vietnamese tone marks as combining characters."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base.encode("cp1258") + "".join(c for c in d if c in TONES).encode("cp1258"))
    return b"".join(out)


def one(store, path):
    report = import_paths(store, [path])
    assert len(report.files) == 1
    return report.files[0]


def texts(store):
    return [store.article(i).text for i in store.article_ids()]


# -- formats ----------------------------------------------------------------------
def test_txt_title_from_first_line(store, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Hơn 8.900 cán bộ y tế được đào tạo\n\nNội dung bài báo.\r\nDòng hai.", encoding="utf-8")
    r = one(store, p)
    assert r.status == "imported" and r.imported == 1
    art = store.article(r.article_ids[0])
    assert art.title == "Hơn 8.900 cán bộ y tế được đào tạo"
    assert "\r" not in art.text and art.text.endswith("Dòng hai.")
    assert art.uid == "a" and art.origin == str(p)


def test_txt_first_line_not_a_headline_gives_no_title(store, tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("06/12/2024 | 14:38 PM\nBài viết.", encoding="utf-8")
    assert store.article(one(store, p).article_ids[0]).title is None


def test_markdown_heading(store, tmp_path):
    p = tmp_path / "c.md"
    p.write_text("# Bộ Y tế họp bàn\n\nNội dung.", encoding="utf-8")
    assert store.article(one(store, p).article_ids[0]).title == "Bộ Y tế họp bàn"


def test_html_visible_text_only(store, tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Trang tin</title><style>p{color:red}</style>"
        "<script>var x = 'bí mật';</script></head><body><nav>Trang chủ | Tin tức</nav>"
        "<h1>Bộ Y tế &amp; WHO hợp tác</h1><p>Đoạn một.</p><p>Đoạn <b>hai</b>.</p>"
        "<footer>Bản quyền</footer></body></html>",
        encoding="utf-8",
    )
    art = store.article(one(store, p).article_ids[0])
    assert art.title == "Bộ Y tế & WHO hợp tác"
    assert art.text == "Bộ Y tế & WHO hợp tác\n\nĐoạn một.\n\nĐoạn hai."
    for hidden in ("bí mật", "color", "Trang chủ", "Bản quyền"):
        assert hidden not in art.text


def test_html_title_falls_back_to_title_tag(store, tmp_path):
    p = tmp_path / "t.htm"
    p.write_text("<title>Tiêu đề trang</title><p>Nội dung.</p>", encoding="utf-8")
    assert store.article(one(store, p).article_ids[0]).title == "Tiêu đề trang"


def test_json_one_article_with_facts_and_metadata(store, tmp_path):
    text = "Bộ Y tế chi 3 tỷ đồng."
    p = tmp_path / "one.json"
    p.write_text(json.dumps({
        "id": "x1", "text": text, "title": "Tiêu đề", "published": "2024-12-06",
        "source": "Vietnam+", "author": "Gia Hưng",
        "facts": [{"kind": "money", "start": 12, "end": 21, "text": "3 tỷ đồng",
                   "value": "3000000000", "currency": "VND", "extractor": "other/model@2",
                   "confidence": 0.7}],
    }, ensure_ascii=False), encoding="utf-8")
    r = one(store, p)
    art = store.article(r.article_ids[0])
    assert (art.uid, art.title, art.published, art.source, art.author) == (
        "x1", "Tiêu đề", "2024-12-06", "Vietnam+", "Gia Hưng")
    [f] = store.facts(art.id)
    assert (f.kind, f.text, f.value, f.fields, f.status, f.extractor) == (
        "money", "3 tỷ đồng", "3000000000", {"currency": "VND", "approx": ""}, "pending",
        "other/model@2")
    assert art.n_facts == 1 and art.n_pending == 1


def test_json_list(store, tmp_path):
    p = tmp_path / "list.json"
    p.write_text(json.dumps([{"text": "Bài một."}, {"text": "Bài hai."}]), encoding="utf-8")
    r = one(store, p)
    assert r.imported == 2
    assert sorted(texts(store)) == ["Bài hai.", "Bài một."]


def test_jsonl(store, tmp_path):
    p = tmp_path / "many.jsonl"
    p.write_text('{"text": "Một."}\n\n{"text": "Hai.", "title": "T"}\n', encoding="utf-8")
    assert one(store, p).imported == 2


def test_csv(store, tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,title,text,source,url\n7,"Tựa, có phẩy","Dòng 1\nDòng 2 ""trích""",VnExpress,'
                 'https://vnexpress.net/a\n', encoding="utf-8")
    art = store.article(one(store, p).article_ids[0])
    assert (art.uid, art.title, art.text, art.source, art.url) == (
        "7", "Tựa, có phẩy", 'Dòng 1\nDòng 2 "trích"', "VnExpress", "https://vnexpress.net/a")


def test_folder_is_recursive_and_skips_other_files(store, tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("Bài A ở đây.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "b.txt").write_text("Bài B ở đây.", encoding="utf-8")
    (tmp_path / "d" / "notes.docx").write_bytes(b"PK\x03\x04")
    report = import_paths(store, [tmp_path / "d"])
    assert report.articles == 2 and not report.failed
    assert report.count("skipped") == 1 and "1 skipped" in report.summary()


# -- encodings and offsets ------------------------------------------------------------
def test_windows_1258(store, tmp_path):
    seed = Path(__file__).parent.parent / "seeds" / "000_2de5f09fb336969d.txt"
    text = seed.read_text(encoding="utf-8")[:1500]
    text = text.replace("“", '"').replace("”", '"').replace("…", "...")  # not in cp1258
    p = tmp_path / "cp1258.txt"
    p.write_bytes(encode_cp1258(text))
    with pytest.raises(UnicodeDecodeError):
        p.read_bytes().decode("utf-8")
    art = store.article(one(store, p).article_ids[0])
    assert art.text == text.strip("\n")
    assert unicodedata.is_normalized("NFC", art.text)


def test_utf16_with_bom(store, tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + VI.encode("utf-16-le"))
    assert texts(store) == [] and store.article(one(store, p).article_ids[0]).text == VI


def test_utf8_bom(store, tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + VI.encode())
    assert store.article(one(store, p).article_ids[0]).text == VI


def test_nfd_text_offsets_are_reanchored(store, tmp_path):
    nfc = "Ông Nguyễn Trường Sơn nói: Bộ Y tế chi 3 tỷ đồng."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    raw_start = nfd.index("3 t")
    raw_end = raw_start + len(unicodedata.normalize("NFD", "3 tỷ đồng"))
    p = tmp_path / "nfd.json"
    p.write_text(json.dumps({"text": nfd, "facts": [
        {"kind": "money", "start": raw_start, "end": raw_end, "text": nfd[raw_start:raw_end],
         "value": "3000000000", "currency": "VND"}]}), encoding="utf-8")
    art = store.article(one(store, p).article_ids[0])
    assert art.text == nfc
    [f] = store.facts(art.id)
    assert art.text[f.start:f.end] == f.text == "3 tỷ đồng"
    assert (f.start, f.end) == (nfc.index("3 tỷ"), nfc.index("3 tỷ") + 9)


def test_nfd_txt_is_stored_nfc(store, tmp_path):
    p = tmp_path / "nfd.txt"
    p.write_text(unicodedata.normalize("NFD", VI), encoding="utf-8")
    assert store.article(one(store, p).article_ids[0]).text == VI


# -- duplicates ---------------------------------------------------------------------
def test_same_article_twice_adds_nothing(store, seed_dir):
    first = import_paths(store, [seed_dir])
    again = import_paths(store, [seed_dir])
    assert first.articles == 5
    assert again.articles == 0 and again.count("duplicate") == 5
    assert store.article_count() == 5


def test_same_text_after_normalisation_is_a_duplicate(store, tmp_path):
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "b.txt").write_text(unicodedata.normalize("NFD", VI).replace(".", ".\r\n"),
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text(unicodedata.normalize("NFD", VI), encoding="utf-8")
    report = import_paths(store, [tmp_path / "a.txt", tmp_path / "c.txt"])
    assert [f.status for f in report.files] == ["imported", "duplicate"]


# -- bad input ----------------------------------------------------------------------
BAD = {
    "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 50, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n ", "empty"),
    "broken.json": (b'{"text": "a",\n "title": }', "line 2: invalid JSON"),
    "badline.jsonl": (b'{"text": "ok"}\n{"text": "ok 2"}\n{"text": \n', "line 3: invalid JSON"),
    "notext.csv": ("title,body\nA,B\n".encode(), "line 1: the CSV header has no 'text' column"),
    "outside.json": (json.dumps({"text": "Ngắn.", "facts": [
        {"kind": "quantity", "start": 2, "end": 40, "text": "x", "value": "1"}]}).encode(),
        "fact 1: span 2-40 lies outside the text"),
    "kind.json": (json.dumps({"text": "Có 26 trạm.", "facts": [
        {"kind": "animal", "start": 3, "end": 5, "text": "26", "value": "26"}]}).encode(),
        "fact 1: "),
    "value.json": (json.dumps({"text": "Có 26 trạm.", "facts": [
        {"kind": "quantity", "start": 3, "end": 5, "text": "26", "value": "hai sáu"}]}).encode(),
        "is not a number"),
    "mismatch.json": (json.dumps({"text": "Có 26 trạm.", "facts": [
        {"kind": "quantity", "start": 3, "end": 5, "text": "27", "value": "27"}]}).encode(),
        "does not match the article"),
    "notobject.json": (b"[1, 2]", "expected a JSON object"),
    "archive.txt": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "zip archive"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_reported_and_nothing_stored(store, tmp_path, name):
    data, message = BAD[name]
    p = tmp_path / name
    p.write_bytes(data)
    r = one(store, p)
    assert r.status == "failed"
    assert message in r.error, r.error
    assert store.article_count() == 0 and store.stats().facts == 0


def test_unknown_kind_message_names_the_kinds(tmp_path):
    p = tmp_path / "k.json"
    p.write_bytes(BAD["kind.json"][0])
    with pytest.raises(BadInput) as exc:
        read_file(p)
    assert "animal" in exc.value.reason or "quantity" in exc.value.reason


def test_oversized_file_is_refused_before_reading(store, tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Bài báo dài. " * 2000, encoding="utf-8")
    report = import_paths(store, [p], max_bytes=10_000)
    assert report.files[0].error == "the file is 31.2 KB, over the 9.8 KB limit (raise it with --max-size)"
    assert store.article_count() == 0


def test_one_bad_article_keeps_the_whole_file_out(store, tmp_path):
    p = tmp_path / "half.jsonl"
    p.write_text('{"text": "Bài tốt một."}\n{"title": "no text"}\n', encoding="utf-8")
    r = one(store, p)
    assert r.error == "line 2: missing 'text' (the article's text)"
    assert store.article_count() == 0


def test_good_files_beside_bad_ones_go_in(store, tmp_path):
    (tmp_path / "good.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "good2.jsonl").write_text('{"text": "Khác."}\n', encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert report.count("imported") == 2 and report.count("failed") == 1
    assert store.article_count() == 2


def test_csv_wrong_column_count_names_the_line(store, tmp_path):
    p = tmp_path / "cols.csv"
    p.write_text("text,title\nMột,A\nHai,B,C\n", encoding="utf-8")
    assert one(store, p).error == "line 3: expected 2 columns, found 3"
    assert store.article_count() == 0


def test_fact_rows_stored_as_sqlalchemy_would_store_them(store):
    """insert_facts' SQLite path hands the driver tuples: each column holds what the ORM's own
    insert stores for the same fact (JSON fields, a review time, the NULLs of other kinds)."""
    from datetime import datetime

    from sqlalchemy import insert, select

    from db.schema import Fact
    from db.writer import _FACT_COLS, insert_facts

    from facts.model import ArticleIn

    with store.writer() as w:
        aid = w.add_article(ArticleIn(uid="a", origin="test", text=VI))
    base = {"article_id": aid, "kind": "money", "start": 12, "end": 18, "text": "3 tỷ đồng",
            "value": "3000000000", "unit": "", "currency": "VND", "approx": "",
            "extra": {"nguồn": "Bộ Y tế", "n": [1, 2]}, "confidence": 0.5, "extractor": "x",
            "status": "accepted", "reviewed_at": datetime(2024, 12, 6, 8, 30, 1),
            "original": {"value": "3"}, "note": "ghi chú"}
    with store.writer() as w:
        insert_facts(w.conn, [dict(base)])
        w.conn.execute(insert(Fact), [{c: base.get(c) for c in _FACT_COLS}])
    with store.engine.connect() as conn:
        rows = conn.execute(select(Fact).where(Fact.article_id == aid).order_by(Fact.id)).all()
        raw = conn.exec_driver_sql("SELECT * FROM facts WHERE article_id = ? ORDER BY id", (aid,)).all()
    assert len(rows) == 2
    a, b = (r._mapping for r in rows)
    cols = [c.key for c in Fact.__table__.c if c.key != "id"]
    assert {c: a[c] for c in cols} == {c: b[c] for c in cols}
    assert a["extra"] == {"nguồn": "Bộ Y tế", "n": [1, 2]} and a["reviewed_at"] == base["reviewed_at"]
    assert raw[0][1:] == raw[1][1:]  # the stored bytes too, not only what they read back as
