"""Money, percentages and quantities."""
from __future__ import annotations

import re

from .base import Cand, is_cap, prev_words
from .numbers import NUMBER, SCALE, approx_before, approx_kind, format_value, parse_number, scale_of
from .words import CODE_WORDS, CURRENCIES, NUMBER_WORDS, UNIT_STOP, VAGUE_COUNTS

_CUR = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
# Word boundaries: Python's \b treats Vietnamese letters as word characters, which is what we want.
# Numbers are found once per text; each kind then reads what follows a number
# (scale, currency, %) and looks up the approximator before it.
NUMBER_RE = re.compile(NUMBER)
MONEY_AFTER = re.compile(rf"(?:\s*(?P<scale>{SCALE})(?![\w]))?(?:\s*(?P<cur>{_CUR}))?(?![\w])")
PRE_CURRENCY = re.compile(r"(?:US\$|\$|€)\s?$")
PERCENT_AFTER = re.compile(r"\s*(?:%|phần\s+trăm)")
QUANTITY_AFTER = re.compile(rf"(?:\s+(?P<scale>{SCALE})(?![\w]))?(?![\w,.]\d)")


class _Num:
    """A number and what a pattern read after it, answering like one regex match."""

    __slots__ = ("n", "x")

    def __init__(self, n, x):
        self.n, self.x = n, x

    def group(self, g=0):
        if g == "num":
            return self.n.group()
        if g == 0:
            return self.n.string[self.n.start():self.x.end()]
        return self.x.group(g)

    def start(self, g=0):
        return self.n.start() if g in (0, "num") else self.x.start(g)

    def end(self, g=0):
        if g == "num":
            return self.n.end()
        return self.x.end() if g == 0 else self.x.end(g)


_last: list = []


def _numbers(text: str) -> list:
    if not (_last and _last[0] is text):
        _last[:] = [text, list(NUMBER_RE.finditer(text))]
    return _last[1]


def _followed(text: str, after: re.Pattern):
    for n in _numbers(text):
        x = after.match(text, n.end())
        if x:
            yield _Num(n, x)
def _both_cases(words) -> str:
    alts = {w for v in words for w in (v, v[0].upper() + v[1:])}
    return "|".join(re.escape(a) for a in sorted(alts, key=len, reverse=True))


VAGUE = re.compile(rf"(?P<vague>{_both_cases(VAGUE_COUNTS)})(?![\w])")
WORD_COUNT = re.compile(rf"(?P<word>{_both_cases(NUMBER_WORDS)})\s+(?=[^\W\d_])")
_UNIT_TOKEN = re.compile(r"\s*([^\W\d_]+(?:/[^\W\d_]+)?)")

# Count nouns a spelled-out number counts ("một bác sĩ"); a closed, general list.
COUNT_NOUNS = {
    "bác", "nhân", "người", "cán", "trạm", "bệnh", "tỉnh", "xã", "huyện", "lần", "đội",
    "đơn", "cơ", "ca", "trẻ", "học", "lớp", "khóa", "khoá", "điều", "y", "chuyên", "giảng",
    "thôn", "bản", "phòng", "khoa", "trường", "năm", "tháng", "ngày", "tuần", "giờ", "đoàn",
}


def _unit(text: str, pos: int, max_words: int = 6) -> tuple[str, int]:
    """The noun phrase after a number: words up to a stop word or punctuation."""
    words, end = [], pos
    while len(words) < max_words:
        m = _UNIT_TOKEN.match(text, end)
        if not m or "\n" in text[end:m.start(1)]:
            break
        w = m.group(1)
        if w.lower() in UNIT_STOP or is_cap(w) or w.lower() in CURRENCIES:
            break
        words.append(w)
        end = m.end(1)
    return " ".join(words), end


class _M:
    """A pattern match together with the approximator found before it."""

    __slots__ = ("m", "a_start", "a")

    def __init__(self, m, text: str, anchor: str = "num"):
        self.m = m
        self.a_start, self.a = approx_before(text, m.start(anchor))

    def group(self, g):
        return self.a if g == "approx" else self.m.group(g)

    def start(self, g=0):
        return self.a_start if g == "approx" else self.m.start(g)

    def end(self, g=0):
        return self.m.end(g)


def _approx_fields(m) -> str:
    return approx_kind(m.group("approx"))


def _span_start(m) -> int:
    return m.start("approx") if m.group("approx") else m.start("num")


def find_money(text: str) -> list[Cand]:
    out = []
    for raw in _followed(text, MONEY_AFTER):
        pre = PRE_CURRENCY.search(text, max(0, raw.start() - 4), raw.start())
        m = _M(raw, text)
        if pre:
            m.a_start, m.a = approx_before(text, pre.start())
        cur = raw.group("cur") or (pre.group().strip() if pre else None)
        if not cur:
            continue
        if cur == "đ" and not m.group("scale") and "." not in m.group("num"):
            continue  # "5 đ" is too weak alone
        if cur.lower() == "đồng" and _before_word(text, m.end("cur")) in {"bộ", "thời", "nghiệp", "chí", "bào", "hành", "tình", "ý", "thuận", "hồ"}:
            continue  # "đồng bộ", "đồng thời" are not money
        d = parse_number(m.group("num"))
        if d is None:
            continue
        value = format_value(d * scale_of(m.group("scale")))
        code = CURRENCIES.get(cur) or CURRENCIES.get(cur.lower()) or CURRENCIES.get(cur.upper(), "")
        start = m.a_start if m.a else (pre.start() if pre else raw.start())
        out.append(Cand("money", start, m.end(), value, {"currency": code, "approx": _approx_fields(m)},
                        0.95, "money.amount"))
    return out


def _before_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text[pos:pos + 20])
    return m.group(1).lower() if m else ""


def find_percentages(text: str) -> list[Cand]:
    out = []
    for m in _followed(text, PERCENT_AFTER):
        m = _M(m, text)
        d = parse_number(m.group("num"))
        if d is None:
            continue
        out.append(Cand("percentage", _span_start(m), m.end(), format_value(d),
                        {"approx": _approx_fields(m)}, 0.97, "percentage"))
    return out


def find_quantities(text: str) -> list[Cand]:
    out = []
    for m in _followed(text, QUANTITY_AFTER):
        m = _M(m, text)
        num = m.group("num")
        start = m.start("num")
        before = text[max(0, start - 1):start]
        if before and (before.isalpha() or before in "-/.,:#+") and not m.group("approx"):
            continue  # part of a code, a date or a larger number
        after = text[m.end():m.end() + 2]
        if after[:1] in ("/", "-", ":", "%") or after[:1].isalpha():
            continue  # 6/10, 7-12, 14:38, 25kg, Y360
        pw = prev_words(text, _span_start(m), 2)
        if pw and (pw[-1].lower() in CODE_WORDS or (is_cap(pw[-1]) and not m.group("approx")
                                                     and pw[-1] not in ("Có", "Với", "Trong", "Sau", "Gần", "Hơn"))):
            continue  # "Hợp phần 3", "Quân y 175", "khóa 12"
        if not m.group("approx") and pw and pw[-1].lower() == "trên":
            continue
        d = parse_number(num)
        if d is None:
            continue
        scale = m.group("scale")
        unit, _ = _unit(text, m.end())
        # "trên 1 vạn dân" is a rate ("per"), not "more than one".
        if m.group("approx") and m.group("approx").lower() == "trên" and d == 1:
            continue
        if unit.split(" ")[0].lower() in ("năm",) and len(num) == 4:
            continue
        rng = re.match(r"\s+(?:lên|đến|tới|xuống|-|–)\s+\d", text[m.end():m.end() + 12])
        if not unit and not scale and not m.group("approx") and not rng:
            continue
        value = format_value(d * scale_of(scale))
        conf = 0.85 if unit else 0.6
        out.append(Cand("quantity", _span_start(m), m.end(), value,
                        {"unit": unit, "approx": _approx_fields(m)}, conf, "quantity.number"))
        if rng:  # "từ 21,5 lên 24 giường bệnh": the second number carries the unit
            pass
    for m in VAGUE.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        unit, _ = _unit(text, m.end())
        if not unit:
            continue
        value = str(VAGUE_COUNTS[" ".join(m.group("vague").lower().split())])
        out.append(Cand("quantity", m.start(), m.end(), value, {"unit": unit, "approx": "at_least"},
                        0.8, "quantity.vague"))
    for m in WORD_COUNT.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        m = _M(m, text, "word")
        nxt = text[m.end():m.end() + 12].split()
        head = nxt[0].lower() if nxt else ""
        if head not in COUNT_NOUNS or head in ("số", "trong", "cách"):
            continue
        if head in ("năm", "tháng", "ngày", "tuần", "giờ") and not m.group("approx"):
            continue
        unit, _ = _unit(text, m.end("word"))
        value = str(NUMBER_WORDS[m.group("word").lower()])
        conf = 0.75 if m.group("approx") else 0.5
        s = m.start("approx") if m.group("approx") else m.start("word")
        out.append(Cand("quantity", s, m.end("word"), value,
                        {"unit": unit, "approx": approx_kind(m.group("approx"))}, conf, "quantity.word"))
    return out

