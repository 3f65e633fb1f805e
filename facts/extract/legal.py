"""References to legal and policy documents: type, number, issuer, date."""
from __future__ import annotations

import re

from .base import Cand
from .words import DOC_CODES, DOC_TYPES

_TYPES = "|".join(re.escape(t) for t in sorted(DOC_TYPES, key=len, reverse=True))
_CODE = r"[A-ZĐ][A-ZĐa-z]*"
# 20-NQ/TW, 2348/QĐ-TTg, 52/2024/TT-BYT, 30/2020/NĐ-CP, 02-KH/BCĐTW, 15/2023/QH15
DOC_NUMBER = rf"\d{{1,5}}(?:/\d{{4}})?[/-]{_CODE}\d*(?:[/-]{_CODE}\d*)*"
_DATE = (r"(?:\s+ngày\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})"
         r"|\s+ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d{2})"
         r"|\s+năm\s+(?P<y3>(?:19|20)\d{2}))?")
REF = re.compile(
    rf"(?<![\w])(?:(?P<type>{_TYPES})\s+(?:số\s+)?|(?P<so>số\s+))(?P<num>{DOC_NUMBER})(?![\w/-]){_DATE}",
)


def _doc_type_from_code(number: str) -> str:
    for part in re.split(r"[/-]", number):
        base = re.sub(r"\d+$", "", part)
        if base in DOC_CODES:
            return DOC_CODES[base]
    return ""


def find_legal(text: str) -> list[Cand]:
    out = []
    for m in REF.finditer(text):
        number = m.group("num")
        doc_type = m.group("type") or _doc_type_from_code(number)
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
        start = m.start("type") if m.group("type") else m.start("num")
        conf = 0.95 if m.group("type") else 0.8
        out.append(Cand("legal_reference", start, m.end(), number,
                        {"doc_type": doc_type, "issuer": issuer, "date": date}, conf,
                        "legal.typed" if m.group("type") else "legal.number"))
    return out
