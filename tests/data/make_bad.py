"""Writes the small bad input files of tests/data/bad/ and their MANIFEST.tsv.

Kept for provenance; the files are committed. Large ones (60 MB) are made by the tests.
    python tests/data/make_bad.py
"""
import io
import json
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).with_name("bad")
files: dict[str, str] = {}


def add(name, data, expect):
    files[name] = expect
    (OUT / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def zipped() -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("a.txt", "Bài báo")
    return b.getvalue()


ART = "Bộ Y tế chi 3 tỷ đồng cho 26 trạm y tế."


def fact(**kw):
    base = {"kind": "money", "start": 12, "end": 21, "text": "3 tỷ đồng", "value": "3000000000",
            "currency": "VND"}
    base.update(kw)
    return base


def doc(facts=None, **kw):
    return json.dumps({"text": ART, **({"facts": facts} if facts is not None else {}), **kw},
                      ensure_ascii=False)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    add("binary.txt", bytes(range(256)) * 8, "binary file")
    add("elf.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200, "binary file")
    add("empty.txt", b"", "the file is empty")
    add("only-spaces.md", b"   \n\t\n  ", "the file is empty")
    add("nul-bytes.txt", b"B\x00o\x00 Y t\x00e\x00", "binary file")
    add("utf16-no-bom.txt", "Bộ Y tế họp".encode("utf-16-le"), "binary file")
    add("truncated-utf8.json", '{"text": "Bộ Y tế cấp 3 tỷ đồng"}'.encode()[:-6], "line 1: invalid JSON")
    add("mixed-encodings.txt", "Bộ Y tế — phần UTF-8. ".encode() + b"\x81\x8d\x8f\x90\x9d\xff\xfe" * 60, "cannot decode the text")
    add("zip-archive.json", zipped(), "zip archive")
    add("unsupported.docx", b"PK\x03\x04 not really a docx", "unsupported file type .docx")
    add("broken.json", '{"text": "Bài báo",\n "title": "Tiêu đề",\n "facts": [}', "line 3: invalid JSON")
    add("trailing-comma.json", '{"text": "Bài báo", }', "line 1: invalid JSON")
    add("list-of-numbers.json", "[1, 2, 3]", "expected a JSON object with 'text'")
    add("no-text.json", '{"title": "Chỉ có tiêu đề"}', "missing 'text'")
    add("text-not-string.json", '{"text": 42}', "missing 'text'")
    add("empty-list.json", "[]", "the JSON list holds no articles")
    add("deeply-nested.json", '{"text": "Bài", "x": ' + "[" * 200 + "]" * 200 + "}", "nested deeper than")
    add("one-bad-line.jsonl", '{"text": "Bài một"}\n{"text": "Bài hai"}\n{"text": "Bài ba"\n'
        '{"text": "Bài bốn"}\n', "line 3: invalid JSON")
    add("jsonl-not-object.jsonl", '{"text": "Bài một"}\n"chỉ là chuỗi"\n', "line 2: expected a JSON object")
    add("missing-header.csv", "Bài báo một,Vietnam+\nBài báo hai,VnExpress\n", "no 'text' column")
    add("duplicated-header.csv", "text,title,text\nBài,Tựa,Bài nữa\n", "repeats the column text")
    add("header-only.csv", "id,text,title\n", "has a header but no articles")
    add("ragged.csv", "text,title\nBài một,Tựa\nBài hai,Tựa,thừa\n", "line 3: expected 2 columns, found 3")
    add("negative-span.json", doc([fact(start=-3)]), "span -3-21 lies outside the text")
    add("reversed-span.json", doc([fact(start=21, end=12)]), "span 21-12 lies outside the text")
    add("span-past-end.json", doc([fact(start=30, end=90)]), "span 30-90 lies outside the text")
    add("span-not-number.json", doc([fact(start="12")]), "'start' must be a whole number")
    add("unknown-kind.json", doc([fact(kind="disease")]), "fact 1: Input tag 'disease'")
    add("missing-kind.json", doc([{k: v for k, v in fact().items() if k != "kind"}]), "missing 'kind'")
    add("bad-money-value.json", doc([fact(value="ba tỷ")]), "is not a number")
    add("bad-currency.json", doc([fact(currency="đồng")]), "is not an ISO 4217 code")
    add("bad-date-value.json", json.dumps({"text": "Ngày 06/12/2024 tại Hà Nội.", "facts": [
        {"kind": "date", "start": 0, "end": 15, "text": "Ngày 06/12/2024", "value": "06/12/2024"}]},
        ensure_ascii=False), "is not an ISO 8601 date")
    add("bad-approx.json", doc([{"kind": "quantity", "start": 26, "end": 28, "text": "26", "value": "26",
                                 "approx": "roughly"}]), "approx must be one of")
    add("bad-level.json", json.dumps({"text": "Về tỉnh Cao Bằng.", "facts": [
        {"kind": "location", "start": 3, "end": 16, "text": "tỉnh Cao Bằng", "value": "tỉnh Cao Bằng",
         "level": "planet"}]}, ensure_ascii=False), "level must be one of")
    add("text-mismatch.json", doc([fact(text="4 tỷ đồng")]), "does not match the article")
    add("bad-status.json", doc([fact(status="maybe")]), "status")
    add("confidence-out-of-range.json", doc([fact(confidence=7)]), "confidence")
    add("facts-not-list.json", doc({"kind": "money"}), "'facts' must be a list")
    add("content-out-of-range.json", doc(None, content=[[0, 500]]), "content range [0, 500] lies outside")
    add("html-no-text.html", "<html><head><script>var a=1;</script></head><body><nav>menu</nav></body></html>",
        "the page has no visible text")
    with open(OUT / "MANIFEST.tsv", "w", encoding="utf-8") as f:
        f.write("# file\texpected message (empty: refused or imported whole, never half)\n")
        for name, expect in files.items():
            f.write(f"{name}\t{expect}\n")
    # Good files beside the bad ones: a Vietnamese name with spaces, and NFD text.
    (OUT / "bài báo tốt.txt").write_text("Bộ Y tế họp tại Hà Nội ngày 06/12/2024.\nBài viết có tên tệp "
                                         "tiếng Việt.", encoding="utf-8")
    (OUT / "nfd tốt.txt").write_text(unicodedata.normalize(
        "NFD", "Thứ trưởng Bộ Y tế Nguyễn Trường Sơn trao 3 tỷ đồng cho tỉnh Cao Bằng."), encoding="utf-8")
    print(f"{len(files)} bad files and 2 good ones in {OUT}")


if __name__ == "__main__":
    main()
