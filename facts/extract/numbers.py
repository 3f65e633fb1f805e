"""Vietnamese numbers: parsing, scale words, approximators, and the value strings of FACTS.md."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from .words import APPROX_WORDS, SCALES

# A written number: 8.900 | 8.300.000 | 1,52 | 21,5 | 1.5 (before a scale word) | 26
NUMBER = (r"\d+\.\d{1,2}(?=\s*(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)\b|\s*%)"
          r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
SCALE = r"(?:nghìn|ngàn)\s+(?:tỷ|tỉ)|nghìn|ngàn|vạn|triệu|tỷ|tỉ"
_approx_alts = sorted(APPROX_WORDS, key=len, reverse=True)
APPROX = r"(?:%s)" % "|".join(re.escape(a) for a in _approx_alts)


# An approximator right before a position: searched in a short window, not at every position.
_APPROX_TAIL = re.compile(rf"(?<![^\W\d_])(?P<a>{APPROX})\s+$", re.IGNORECASE)


def _one_approx_before(text: str, pos: int) -> Optional[re.Match]:
    lo = max(0, pos - 20)
    m = _APPROX_TAIL.search(text, lo, pos)
    if not m or (m.start() == lo and lo > 0 and text[lo - 1].isalpha()):
        return None
    return m


def approx_before(text: str, pos: int) -> tuple[int, Optional[str]]:
    """(start of the approximators, the one nearest the number) before pos, or (pos, None).
    Stacked approximators are all in the span ("lên tới hơn 1.400"): the last one counts."""
    m = _one_approx_before(text, pos)
    if not m:
        return pos, None
    start, word = m.start(), m.group("a")
    for _ in range(2):
        m = _one_approx_before(text, start)
        if not m:
            break
        start = m.start()
    return start, word


def parse_number(text: str) -> Optional[Decimal]:
    """'8.900' -> 8900, '1,52' -> 1.52, '1.5' (decimal before a scale) -> 1.5."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not t or not re.fullmatch(r"[\d.,]+", t):
        return None
    try:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):  # Vietnamese grouping
            return Decimal(t.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", t):  # 1,000,000 (English)
            return Decimal(t.replace(",", ""))
        if re.fullmatch(r"\d+,\d+", t):
            return Decimal(t.replace(",", "."))
        if re.fullmatch(r"\d+\.\d{1,2}", t):  # 1.5 (tỉ): a decimal point
            return Decimal(t)
        if re.fullmatch(r"\d+", t):
            return Decimal(t)
    except InvalidOperation:
        return None
    return None


def scale_of(word: Optional[str]) -> int:
    if not word:
        return 1
    return SCALES.get(" ".join(word.lower().split()), 1)


def format_value(d: Decimal) -> str:
    """Plain decimal, '.' as the mark, no grouping, no trailing zeros: 1520000000, 28.4."""
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def approx_kind(word: Optional[str]) -> str:
    if not word:
        return "exact"
    return APPROX_WORDS.get(" ".join(word.lower().split()), "exact")


def number_value(number: str, scale: Optional[str] = None) -> Optional[str]:
    d = parse_number(number)
    if d is None:
        return None
    return format_value(d * scale_of(scale))
