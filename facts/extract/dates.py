"""Dates, times and ranges to ISO 8601."""
from __future__ import annotations

import re
from typing import Optional

from .base import Cand, Taken

_LEAD = r"(?:(?:[Rr]ạng\s+sáng|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)\s+(?:ngày\s+)?|[Nn]gày\s+)"
# The lead word is looked up before a match rather than tried at every position.
_LEAD_TAIL = re.compile(rf"(?<![^\W\d_]){_LEAD}$")
_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>(?:19|20)\d{2})"
_TIME = r"(?P<hh>\d{1,2})[:h](?P<mi>\d{2})(?:\s*(?P<ampm>AM|PM|SA|CH))?"
_QUAL_WORDS = r"(?:[Đđ]ầu|[Cc]uối|[Gg]iữa|[Hh]ết|[Tt]rong)"
_QUAL_TAIL = re.compile(rf"(?<![^\W\d_]){_QUAL_WORDS}\s+$")

PATTERNS: list[tuple[str, re.Pattern]] = [
    # 06/12/2024 | 14:38 PM — the date line of a page
    ("datetime", re.compile(rf"{_D}/{_M}/{_Y}\s*\|\s*{_TIME}")),
    # 2025-01-19 07:05
    ("iso", re.compile(rf"{_Y}-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[ T]{_TIME})?(?![\d])")),
    # từ năm 2010 đến 2016 / từ 2022 đến 2023 / từ năm 2010 đến năm 2016
    ("year_range", re.compile(
        r"(?:từ|Từ)\s+(?:năm\s+)?(?P<y1>(?:19|20)\d{2})\s+(?:đến|tới|-|–)\s+(?:năm\s+)?"
        r"(?P<y2>(?:19|20)\d{2})(?![\d/])")),
    # ngày 6 tháng 10 năm 2024
    ("dmy_words", re.compile(rf"{_D}\s+tháng\s+{_M}\s+năm\s+{_Y}(?!\d)")),
    # Ngày 06/12/2024, Chiều 14/01/2025, 16.6.2017, 1-11-2014
    ("dmy", re.compile(rf"{_D}(?P<sep>[/.\-]){_M}(?P=sep){_Y}(?![\d/])")),
    # tháng 5/2020, tháng 5 năm 2020
    ("month", re.compile(rf"[Tt]háng\s+{_M}(?:/|\s+năm\s+|-){_Y}(?!\d)")),
    # 2017-2018, 2021–2025
    ("range", re.compile(r"(?P<y1>(?:19|20)\d{2})\s?[-–]\s?(?P<y2>(?:19|20)\d{2})(?![\d/])")),
    # đầu năm 2025, năm 2030
    ("year", re.compile(rf"[Nn]ăm\s+{_Y}(?![\d/])")),
    # Ngày 6/10, Sáng 7-12, ngày 10.2 — needs the lead word
    ("dm", re.compile(rf"{_D}(?P<sep>[/.\-]){_M}(?![\d/.\-]\d)")),
]

_DROP_QUAL = ("trong", "hết")
# What may not stand right before a match, by pattern (checked here: a pattern that
# starts with a look-behind cannot use the regex engine's fast scan for its first character).
_NOT_BEFORE = {"datetime": "/", "iso": "-", "dmy": "/.-", "range": "/.-", "dm": "/.-"}
_LEAD_KINDS = ("dmy", "dmy_words", "dm")
_QUAL_KINDS = ("month", "year")


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
    taken = Taken(len(text))
    for name, rx in PATTERNS:
        bad = _NOT_BEFORE.get(name, "")
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_" or text[s - 1] in bad):
                continue
            if name in _LEAD_KINDS:
                lead = _LEAD_TAIL.search(text, max(0, s - 24), s)
                if lead:
                    s = lead.start()
                elif name == "dm":
                    continue  # "6/10" alone may be a fraction; "Ngày 6/10" is a date
            elif name in _QUAL_KINDS:
                q = _QUAL_TAIL.search(text, max(0, s - 8), s)
                if q and q.group().split()[0].lower() not in _DROP_QUAL:
                    s = q.start()
            if not taken.free(s, e):
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
                conf = 0.85
            elif name == "dm":
                d, mo = int(g["d"]), int(g["m"])
                if not _valid(d, mo):
                    continue
                value = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}"
                conf = 0.8
            if value is None:
                continue
            taken.add(s, e)
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
