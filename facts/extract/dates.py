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
    # từ ngày 18-5 đến 21-5, từ ngày 3 đến 9/6/2024: a range of days, one fact
    ("dm_range_words", re.compile(
        r"[Tt]ừ\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:[/.\-](?P<m1>\d{1,2}))?\s+(?:đến|tới)\s+(?:ngày\s+)?"
        rf"{_D}(?P<sep>[/.\-]){_M}(?:(?P=sep){_Y})?(?![\d/.\-]\d)")),
    # 30/4-1/5, 29/1 – 2/2/2024
    ("dm_range", re.compile(
        rf"(?P<d1>\d{{1,2}})(?P<s1>[/.])(?P<m1>\d{{1,2}})\s?[-–]\s?{_D}(?P=s1){_M}(?:(?P=s1){_Y})?(?![\d/.\-]\d)")),
    # ngày 6 tháng 10 năm 2024
    ("dmy_words", re.compile(rf"{_D}\s+tháng\s+{_M}\s+năm\s+{_Y}(?!\d)")),
    # Ngày 06/12/2024, Chiều 14/01/2025, 16.6.2017, 1-11-2014
    ("dmy", re.compile(rf"{_D}(?P<sep>[/.\-]){_M}(?P=sep){_Y}(?![\d/])")),
    # tháng 5/2020, tháng 5 năm 2020
    ("month", re.compile(rf"[Tt]háng\s+{_M}(?:/|\s+năm\s+|-){_Y}(?!\d)")),
    # 2017-2018, 2021–2025
    ("range", re.compile(r"(?P<y1>(?:19|20)\d{2})\s?[-–]\s?(?P<y2>(?:19|20)\d{2})(?![\d/]|[.,]\d)")),
    # quý III/2022, quý 2 năm 2023: a period
    ("quarter", re.compile(rf"[Qq]uý\s+(?P<q>IV|I{{1,3}}|[1-4])(?:/|\s+năm\s+){_Y}(?![\d/]|[.,]\d)")),
    # 6 tháng đầu năm 2023, 3 tháng cuối năm: a period
    ("months", re.compile(rf"(?P<n>\d{{1,2}})\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+{_Y})?(?![\d/]|[.,]\d)")),
    # đầu năm 2025, năm 2030, cùng kỳ năm 2016
    ("year", re.compile(rf"(?:[Nn]ăm|cùng kỳ(?:\s+năm)?)\s+{_Y}(?![\d/]|[.,]\d)")),
    # cuối tháng 3, tháng 9 năm ngoái: a month without its year (needs a word before it)
    ("month_only", re.compile(r"[Tt]háng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<rel>ngoái|nay|trước))?"
                              r"(?![\d/\-]|\.\d|\s+năm\s+\d)")),
    # từ 9/2020: a month and year without "tháng" (needs a preposition before it)
    ("my", re.compile(rf"{_M}/{_Y}(?![\d/]|[.,]\d)")),
    # Ngày 6/10, Sáng 7-12, ngày 10.2 — needs the lead word
    ("dm", re.compile(rf"{_D}(?P<sep>[/.\-]){_M}(?![\d/.\-]\d)")),
]

_DROP_QUAL = ("trong", "hết")
# Words without which a pattern cannot match: the text is searched for them first (one fast
# substring search instead of a scan with the pattern).
_GATES = {"datetime": ("|",), "year_range": ("ừ ",), "quarter": ("uý ",),
          "months": ("tháng đầu", "tháng cuối"), "dm_range_words": ("ừ ",), "dmy_words": ("tháng",),
          "month": ("háng",), "month_only": ("háng",), "year": ("ăm ", "cùng kỳ")}
# What may not stand right before a match, by pattern (checked here: a pattern that
# starts with a look-behind cannot use the regex engine's fast scan for its first character).
_NOT_BEFORE = {"datetime": "/", "iso": "-", "dmy": "/.-,", "range": "/.-,", "dm": "/.-,",
               "dm_range": "/.-,", "my": "/.-,", "months": "/.-,"}
_LEAD_KINDS = ("dmy", "dmy_words", "dm", "dm_range")
_QUAL_KINDS = ("month", "year", "month_only")
# Words after which a day and month (or a month and year) with no lead word read as a date
# ("từ 15/8", "dịp lễ 2/9", "vào 22/2"); and words after them that make a fraction ("3/4 số hộ").
_DATE_PREPS = {"vào", "từ", "đến", "tới", "trước", "sau", "dịp", "lễ", "tết", "hôm", "kể", "cuối",
               "đầu", "giữa", "hết", "trong", "nay", "qua"}
_FRACTION_AFTER = re.compile(r"\s*(?:số|tổng|dân|diện|lượng|các|những)(?![^\W\d_])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
# A clock time right before a date ("00h15 ngày 1/10", "khoảng 15h20 phút ngày 15/1/2016",
# "từ 6h đến 18h ngày 1/10"), and one on "the same day" as the date before it.
_T = r"\d{1,2}(?:h|:|\s?giờ)(?:\s?\d{2}(?:\s?phút)?)?"
_TIME_TAIL = re.compile(rf"(?:(?P<pre>[Kk]hoảng|[Tt]ừ|[Ll]úc|[Vv]ào)\s+)?(?:(?P<t1>{_T})\s*(?:đến|tới|-|–)\s*)?"
                        rf"(?P<t2>{_T})\s+$")
_SAME_DAY = re.compile(rf"(?:[Kk]hoảng\s+)?(?P<t>{_T})\s+(?:(?P<part>sáng|trưa|chiều|tối|đêm)\s+)?cùng ngày")
_HOURS = re.compile(r"(?P<h1>\d{1,2})\s?[-–]\s?(?P<h2>\d{1,2})h(?![^\W_])")
_CLOCK = re.compile(r"(?P<hh>\d{1,2})(?:h|:|\s?giờ)\s?(?P<mi>\d{2})?")
_PM_PARTS = ("chiều", "tối")


def _clock(t: str, part: str = "") -> str:
    m = _CLOCK.match(t)
    hh, mi = int(m.group("hh")), int(m.group("mi") or 0)
    if part.lower() in _PM_PARTS and hh < 12:
        hh += 12
    if hh > 24 or mi > 59:
        return ""
    return f"T{hh % 24:02d}:{mi:02d}"


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 16), pos)
    return m.group(1).lower() if m else ""


def _valid(d: Optional[int], m: Optional[int]) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def _time(m) -> str:
    hh, mi = int(m.group("hh")), int(m.group("mi"))
    if (m.group("ampm") or "").upper() in ("PM", "CH") and hh < 12:
        hh += 12
    if hh > 23 or mi > 59:
        return ""
    return f"T{hh:02d}:{mi:02d}"


# Every pattern needs a digit, and a date reaches only so far from its digits ("cùng kỳ năm
# 2016", "tháng 9 năm ngoái", and what its look-aheads read after it): the patterns read only
# the stretches of the text within _REACH characters of a digit, a quarter of a news story or
# less, and each pattern's scan costs that much less. Stretches closer than 2 * _REACH are one,
# so no match is lost or cut between two (whitespace runs of dozens of characters inside a
# date aside).
_REACH = 32
_DIGITS = re.compile(rf"\d(?:\D{{0,{2 * _REACH}}}\d)*")


def _stretches(text: str) -> list[tuple[int, int]]:
    """The parts of the text within _REACH characters of a digit, in order."""
    n = len(text)
    return [(max(0, m.start() - _REACH), min(n, m.end() + _REACH)) for m in _DIGITS.finditer(text)]


def _finditer(rx: re.Pattern, text: str, stretches: list[tuple[int, int]]):
    """rx.finditer(text) where a match can be (the look-behinds of the callers read the whole
    text: `pos` and `endpos` only bound where matches start and end)."""
    for a, b in stretches:
        yield from rx.finditer(text, a, b)


def find_dates(text: str, year: Optional[int] = None) -> list[Cand]:
    """Every date expression; `year` resolves dates given without one."""
    out: list[Cand] = []
    taken = Taken(len(text))
    stretches = _stretches(text)
    for name, rx in PATTERNS:
        gate = _GATES.get(name)
        if gate and not any(g in text for g in gate):
            continue  # a word the pattern needs is nowhere in the text
        bad = _NOT_BEFORE.get(name, "")
        for m in _finditer(rx, text, stretches):
            s, e = m.start(), m.end()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_" or text[s - 1] in bad):
                continue
            if name in _LEAD_KINDS:
                lead = _LEAD_TAIL.search(text, max(0, s - 24), s)
                if lead:
                    s = lead.start()
                elif name == "dm":
                    # "6/10" alone may be a fraction or a score; after "vào", "từ", "dịp lễ"
                    # a day and month is a date
                    if (m.group("sep") == "." or _word_before(text, s) not in _DATE_PREPS
                            or _FRACTION_AFTER.match(text, e)):
                        continue
            elif name == "my" and _word_before(text, s) not in _DATE_PREPS:
                continue
            if name in _QUAL_KINDS:
                q = _QUAL_TAIL.search(text, max(0, s - 8), s)
                if q and q.group().split()[0].lower() not in _DROP_QUAL:
                    s = q.start()
                elif name == "month_only" and not (q or m.group("rel")
                                                   or _word_before(text, s) in _DATE_PREPS):
                    continue  # "tháng 3" alone: read only after a word that makes it a date
                if name == "month_only" and s and text[max(0, s - 3):s].strip(" ").isdigit():
                    continue  # "6 tháng 3 ngày": a duration
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
            elif name == "my":
                mo, y = int(g["m"]), int(g["y"])
                if not _valid(None, mo):
                    continue
                value = f"{y:04d}-{mo:02d}"
                conf = 0.8
            elif name == "month_only":
                mo = int(g["m"])
                if not _valid(None, mo):
                    continue
                y = year
                if y and g.get("rel") in ("ngoái", "trước"):
                    y -= 1
                value = f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}"
                conf = 0.75
            elif name == "quarter":
                q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(g["q"]) or int(g["q"])
                y = int(g["y"])
                value = f"{y:04d}-{3 * q - 2:02d}/{y:04d}-{3 * q:02d}"
            elif name == "months":
                n = int(g["n"])
                if not 1 <= n <= 12:
                    continue
                a, b = (1, n) if g["half"] == "đầu" else (13 - n, 12)
                y = g.get("y") or (str(year) if year else "")
                value = f"{y}-{a:02d}/{y}-{b:02d}" if y else f"--{a:02d}/--{b:02d}"
            elif name in ("dm_range", "dm_range_words"):
                d2, m2 = int(g["d"]), int(g["m"])
                d1, m1 = int(g["d1"]), int(g["m1"] or m2)
                if not (_valid(d1, m1) and _valid(d2, m2)) or (m1, d1) >= (m2, d2):
                    continue
                y = g.get("y") or (str(year) if year else "")
                value = (f"{y}-{m1:02d}-{d1:02d}/{y}-{m2:02d}-{d2:02d}" if y
                         else f"--{m1:02d}-{d1:02d}/--{m2:02d}-{d2:02d}")
                conf = 0.85
            elif name == "dm":
                d, mo = int(g["d"]), int(g["m"])
                if not _valid(d, mo):
                    continue
                value = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}"
                conf = 0.8
            if value is None:
                continue
            if name in ("dmy", "dm", "dmy_words") and "T" not in value:
                s, value = _with_time(text, s, value, m.group())
            if not taken.free(s, e):
                continue
            taken.add(s, e)
            out.append(Cand("date", s, e, value, {}, conf, f"date.{name}"))
    out += _times(text, taken, out, stretches)
    return out


def _at(day: str, t: str) -> str:
    """A day and a clock time: `2024-10-01T00:15`, or without the year `--10-01T00:15`
    (FACTS.md v2, the partial date with its time)."""
    return day + t


def _with_time(text: str, s: int, value: str, date_text: str) -> tuple[int, str]:
    """A clock time right before a day extends its span and value: "00h15 ngày 1/10"."""
    t = _TIME_TAIL.search(text, max(0, s - 40), s)
    if not t:
        return s, value
    part = text[s:s + 8].split(" ")[0]
    t2 = _clock(t.group("t2"), part)
    if not t2:
        return s, value
    pre = (t.group("pre") or "").lower()
    if t.group("t1"):
        t1 = _clock(t.group("t1"), part)
        if not t1:
            return s, value
        start = t.start("pre") if pre == "từ" else t.start("t1")
        return start, f"{_at(value, t1)}/{_at(value, t2)}"
    return (t.start("pre") if pre == "khoảng" else t.start("t2")), _at(value, t2)


def _times(text: str, taken: Taken, dates: list[Cand],
           stretches: list[tuple[int, int]]) -> list[Cand]:
    """Times without a date of their own: on the same day as the date before ("2h30 cùng
    ngày"), and hours of the day ("cao điểm 6-22h")."""
    out = []
    days = sorted((c.start, c.value.split("T")[0].split("/")[0]) for c in dates
                  if re.fullmatch(r"(?:\d{4}|-)-\d{2}-\d{2}(?:T.*)?", c.value.split("/")[0]))
    for m in (_finditer(_SAME_DAY, text, stretches) if "cùng ngày" in text else ()):
        if m.start() and text[m.start() - 1] in "0123456789/.,:":
            continue
        before = [v for st, v in days if st < m.start()]
        t = _clock(m.group("t"), m.group("part") or "")
        if not before or not t or not taken.free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        out.append(Cand("date", m.start(), m.end(), _at(before[-1], t), {}, 0.75, "date.same_day"))
    for m in _finditer(_HOURS, text, stretches):
        if m.start() and text[m.start() - 1] in "0123456789/.,:":
            continue
        h1, h2 = int(m.group("h1")), int(m.group("h2"))
        if not h1 < h2 <= 24 or not taken.free(m.start(), m.end()):
            continue
        if _word_before(text, m.start()) in ("trong", "mất", "khoảng", "suốt", "sau", "từ", "tới"):
            continue  # "mất 1-2h": a duration
        taken.add(m.start(), m.end())
        out.append(Cand("date", m.start(), m.end(), f"T{h1:02d}:00/T{h2 % 24:02d}:00", {}, 0.7, "date.hours"))
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
