"""Dates, times and ranges to ISO 8601."""
from __future__ import annotations

import re
from typing import Optional

from .base import Cand

_LEAD = r"(?:(?:rạng\s+sáng|sáng|chiều|tối|trưa|đêm|hôm)\s+(?:ngày\s+)?|ngày\s+)"
_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>(?:19|20)\d{2})"
_TIME = r"(?P<hh>\d{1,2})[:h](?P<mi>\d{2})(?:\s*(?P<ampm>AM|PM|SA|CH))?"
_QUAL = r"(?:(?:đầu|cuối|giữa|hết|trong)\s+)?"

PATTERNS: list[tuple[str, re.Pattern]] = [
    # 06/12/2024 | 14:38 PM — the date line of a page
    ("datetime", re.compile(rf"(?<![\d/]){_D}/{_M}/{_Y}\s*\|\s*{_TIME}", re.I)),
    # 2025-01-19 07:05
    ("iso", re.compile(rf"(?<![\d-]){_Y}-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[ T]{_TIME})?(?![\d])")),
    # từ năm 2010 đến 2016 / từ 2022 đến 2023 / từ năm 2010 đến năm 2016
    ("year_range", re.compile(
        r"(?<![\w])(?:từ|Từ)\s+(?:năm\s+)?(?P<y1>(?:19|20)\d{2})\s+(?:đến|tới|-|–)\s+(?:năm\s+)?"
        r"(?P<y2>(?:19|20)\d{2})(?![\d/])")),
    # ngày 6 tháng 10 năm 2024
    ("dmy_words", re.compile(
        rf"(?<![\w])(?:{_LEAD})?{_D}\s+tháng\s+{_M}\s+năm\s+{_Y}(?!\d)", re.I)),
    # Ngày 06/12/2024, Chiều 14/01/2025, 16.6.2017, 1-11-2014
    ("dmy", re.compile(
        rf"(?<![\w/.\-])(?:{_LEAD})?{_D}(?P<sep>[/.\-]){_M}(?P=sep){_Y}(?![\d/])", re.I)),
    # tháng 5/2020, tháng 5 năm 2020
    ("month", re.compile(rf"(?<![\w]){_QUAL}tháng\s+{_M}(?:/|\s+năm\s+|-){_Y}(?!\d)", re.I)),
    # 2017-2018, 2021–2025
    ("range", re.compile(r"(?<![\w/.\-])(?P<y1>(?:19|20)\d{2})\s?[-–]\s?(?P<y2>(?:19|20)\d{2})(?![\d/])")),
    # đầu năm 2025, năm 2030
    ("year", re.compile(rf"(?<![\w]){_QUAL}năm\s+{_Y}(?![\d/])", re.I)),
    # Ngày 6/10, Sáng 7-12, ngày 10.2 — needs the lead word
    ("dm", re.compile(rf"(?<![\w])(?:{_LEAD}){_D}(?P<sep>[/.\-]){_M}(?![\d/.\-]\d)", re.I)),
]

# A lead word kept in the span: "Ngày 06/12/2024". Prepositions are never in the span.
_QUAL_DROP = re.compile(r"^(?:trong|hết)\s+", re.I)


def _valid(d: Optional[int], m: Optional[int]) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def _time(m) -> str:
    hh, mi = int(m.group("hh")), int(m.group("mi"))
    if (m.group("ampm") or "").upper() in ("PM", "CH") and hh < 12:
        hh += 12
    if hh > 23 or mi > 59:
        return ""
    return f"T{hh:02d}:{mi:02d}"


def find_dates(text: str, year: Optional[int] = None) -> list[Cand]:
    """Every date expression; `year` resolves dates given without one."""
    out: list[Cand] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            g = m.groupdict()
            value, conf = None, 0.9
            if name in ("datetime", "iso"):
                d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
                if not _valid(d, mo):
                    continue
                value = f"{y:04d}-{mo:02d}-{d:02d}"
                if g.get("hh"):
                    t = _time(m)
                    value += t
                conf = 0.95
            elif name in ("year_range", "range"):
                y1, y2 = int(g["y1"]), int(g["y2"])
                if y2 <= y1:
                    continue
                value = f"{y1}/{y2}"
            elif name in ("dmy", "dmy_words"):
                d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
                if not _valid(d, mo):
                    continue
                value = f"{y:04d}-{mo:02d}-{d:02d}"
                conf = 0.95
            elif name == "month":
                mo, y = int(g["m"]), int(g["y"])
                if not _valid(None, mo):
                    continue
                value = f"{y:04d}-{mo:02d}"
            elif name == "year":
                value = g["y"]
                q = _QUAL_DROP.match(text, s)
                if q:
                    s = q.end()
                conf = 0.85
            elif name == "dm":
                d, mo = int(g["d"]), int(g["m"])
                if not _valid(d, mo):
                    continue
                value = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}"
                conf = 0.8
            if value is None:
                continue
            taken.append((s, e))
            out.append(Cand("date", s, e, value, {}, conf, f"date.{name}"))
    return out


def published_from(text: str) -> Optional[str]:
    """The date line near the top of a story: 06/12/2024 | 14:38 PM, Thứ Hai, ngày …"""
    for name, rx in PATTERNS[:2]:
        m = rx.search(text)
        if m:
            g = m.groupdict()
            if not _valid(int(g["d"]), int(g["m"])):
                continue
            v = f"{int(g['y']):04d}-{int(g['m']):02d}-{int(g['d']):02d}"
            if g.get("hh"):
                v += _time(m)
            return v
    return None
