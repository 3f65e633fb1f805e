"""References to legal and policy documents: type, number, issuer, date."""
from __future__ import annotations

import re

from .base import Cand
from .lexicon import index, register_first_words
from .words import DOC_CODES, DOC_TYPES

# A type as written, capitalised or not ("Thông tư", "thông tư"; FACTS.md v2); in lowercase
# only the types that are never a common word ("văn bản", "quy định" are any document, a
# rule: the code in the number names the type there).
_LOWER_OK = {"nghị quyết", "quyết định", "chỉ thị", "thông tư", "nghị định", "công văn", "công điện",
             "kế hoạch", "pháp lệnh", "thông tư liên tịch", "nghị quyết liên tịch"}
_TYPE_FORMS = sorted({f for t in DOC_TYPES for f in (t, t[0].lower() + t[1:], t.lower())
                      if f == t or t.lower() in _LOWER_OK}, key=len, reverse=True)
_TYPES = "|".join(re.escape(t) for t in _TYPE_FORMS)
_CODE = r"[A-ZĐ][A-ZĐa-z]*"
# A hyphen inside a number, also with spaces around it: "15/2020 - NĐ-CP".
_SEP = r"(?:[/-]|[ \u00a0][-–][ \u00a0])"
# 20-NQ/TW, 2348/QĐ-TTg, 52/2024/TT-BYT, 30/2020/NĐ-CP, 02-KH/BCĐTW, 15/2023/QH15
DOC_NUMBER = rf"\d{{1,5}}(?:/\d{{4}})?{_SEP}{_CODE}\d*(?:{_SEP}{_CODE}\d*)*"
_DATE = (r"(?:\s+ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})"
         r"|\s+ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d{2})"
         r"|\s+năm\s+(?P<y3>(?:19|20)\d{2}))?")
# The type, then "số", a bracket or both before the number: "Nghị định (số 15/2020/NĐ-CP)".
REF = re.compile(
    rf"(?<![\w])(?:(?P<type>{_TYPES})(?:\s*\(\s*|\s+)(?:số\s+)?|(?P<so>số\s+))(?P<num>{DOC_NUMBER})(?![\w/-]){_DATE}",
)
# A number alone after a type: "Nghị định 74", "quyết định số 43" (FACTS.md v2: also a later
# mention of a document cited in full before).
_BARE = re.compile(rf"(?<![\w])(?P<type>{_TYPES})\s+(?P<so>số\s+)?(?P<num>\d{{1,5}})(?![\w/.,-]|[.,]\d)")
# Without "số" only these types are read with a bare number ("Kế hoạch 5 năm" is no reference).
_BARE_TYPES = {"nghị định", "nghị quyết", "quyết định", "thông tư", "chỉ thị", "công văn", "công điện",
               "kết luận", "thông tư liên tịch", "nghị quyết liên tịch"}
_NOT_AFTER_BARE = re.compile(r"\s*(?:%|phần|năm|tháng|ngày|tuổi|người|khoản)(?![^\W\d_])")
_CANON = {t.lower(): t for t in DOC_TYPES}
# The first syllable of each type, and "số": where a reference may begin (looked up by token,
# not by trying the long alternation of types at every position of the text).
_FIRST = frozenset(f.split()[0] for f in _TYPE_FORMS) | {"số", "Số"}


register_first_words(_FIRST)


def _starts(text: str) -> list[int]:
    idx = index(text)
    words, starts = idx.words, idx.starts
    return [starts[i] for i in idx.list_hits if words[i] in _FIRST]


def _doc_type_from_code(number: str) -> str:
    for part in re.split(r"[/-]", number):
        base = re.sub(r"\d+$", "", part)
        if base in DOC_CODES:
            return DOC_CODES[base]
    return ""


def find_legal(text: str) -> list[Cand]:
    out = []
    starts = _starts(text)
    last = 0
    found = []
    for p in starts:
        if p < last:
            continue
        m = REF.match(text, p)
        if m:
            found.append(m)
            last = m.end()
    for m in found:
        number = re.sub(r"[ \u00a0]+", "", m.group("num")).replace("–", "-")
        typed = m.group("type")
        doc_type = _CANON.get(typed.lower(), typed) if typed else _doc_type_from_code(number)
        if not doc_type:
            continue
        issuer = re.split(r"[/-]", number)[-1]
        date = ""
        if m.group("y"):
            date = f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
        elif m.group("y2"):
            date = f"{int(m.group('y2')):04d}-{int(m.group('m2')):02d}-{int(m.group('d2')):02d}"
        elif m.group("y3"):
            date = m.group("y3")
        start = m.start("type") if typed else m.start("num")
        conf = 0.95 if typed else 0.8
        out.append(Cand("legal_reference", start, m.end(), number,
                        {"doc_type": doc_type, "issuer": issuer, "date": date}, conf,
                        "legal.typed" if typed else "legal.number"))
    last = 0
    for p in starts:
        m = _BARE.match(text, p) if p >= last else None
        if not m:
            continue
        last = m.end()
        typed = m.group("type").lower()
        num = m.group("num")
        if not m.group("so") and (typed not in _BARE_TYPES or re.fullmatch(r"(?:19|20)\d\d", num)):
            continue
        if _NOT_AFTER_BARE.match(text, m.end()):
            continue
        out.append(Cand("legal_reference", m.start(), m.end(), num,
                        {"doc_type": _CANON.get(typed, m.group("type")), "issuer": "", "date": ""},
                        0.75, "legal.bare"))
    return out
