"""Money, percentages and quantities."""
from __future__ import annotations

import re
from decimal import Decimal

from .base import Cand, is_cap
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
# A unit abbreviation glued to a number: "2,8kg", "250ml", "72h", "63.000km2".
GLUED_UNIT = re.compile(r"(?:km2|km²|m2|m²|m3|m³|km|cm|mm|m|kg|mg|mcg|g|ml|lít|l|ha|h|kWh|kW|MW|GW|GB|MB|tấn)"
                        r"(?![^\W_])(?:/(?:h|s|giờ|ngày|tháng|năm|người|kg|m2|m3|km2|ha)(?![^\W_]))?")
# Before a clock time, not a duration: "lúc 6h", "từ 6h"; after a duration word: "trong 72h".
_TIME_LEADS = {"lúc", "vào", "từ", "đến", "tới", "khoảng", "sáng", "chiều", "tối", "trưa", "đêm",
               "rạng", "hồi", "giờ"}
_DURATION_LEADS = {"trong", "mất", "suốt", "sau", "hơn", "gần", "dài", "kéo", "vòng", "trên", "dưới"}
# The first number of a range, right before the second: "25.000 - ", "5 đến ", "3-".
_RANGE_FIRST = re.compile(rf"(?<![\w/.,:\-–])(?P<n1>{NUMBER})(?:\s+(?P<s1>{SCALE}))?"
                          r"(?P<sep>\s?[-–]\s?|\s+(?:đến|tới|lên)\s+)$")
# A word right before a position, with nothing but spaces between.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
# A count with no noun, at the end of a clause, after a colon or "là": "Lần 1: 1", "là 854,".
_BARE_COUNT_BEFORE = re.compile(r"(?:: |[ \u00a0]là[ \u00a0])$")
_BARE_COUNT_AFTER = re.compile(r"[ \u00a0]*(?:\n|[,.;](?!\d)|$)")


def range_first(text: str, pos: int):
    """The first number of a range whose second starts at pos, or None."""
    m = _RANGE_FIRST.search(text, max(0, pos - 30), pos)
    if not m or not (m.start() == 0 or not text[m.start() - 1].isalnum()):
        return None
    wb = word_before(text, m.start()).lower()
    if wb in _DATE_WORDS:
        return None  # "từ 50% vào năm 2016 lên 65%": a year, then the second figure
    if wb in _SCORE_WORDS and m.group("sep").strip() in "-–":
        return None  # "thua 2-3": a score
    return m


_DATE_WORDS = {"năm", "tháng", "ngày", "quý", "lúc", "số", "thứ"}
_SCORE_WORDS = {"thắng", "thua", "hòa", "hoà", "số", "tỷ", "tỉ", "cách"}


def word_before(text: str, pos: int) -> str:
    """The word right before pos, separated from it by spaces only ("" if none)."""
    m = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
    return m.group(1) if m else ""


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
    "đối", "chiếc", "vụ", "hộ", "căn", "phút",
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
            # "hỗ trợ gia đình 10 triệu,": a scaled amount with no noun after it, where the
            # sentence speaks of money, is an amount in đồng
            if not (raw.group("scale") and scale_of(raw.group("scale")) >= 10**6
                    and _CLAUSE_END.match(text, raw.end())
                    and _MONEY_CONTEXT.search(text, max(0, raw.start() - 50), raw.start())):
                continue
            cur = "đồng"
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
        approx = _approx_fields(m)
        rng = range_first(text, raw.start()) if not pre else None
        if rng:  # "từ 25.000 - 40.000 đồng", "5 đến 8 triệu đồng": the first takes the rest
            d1 = parse_number(rng.group("n1"))
            if d1 is not None:
                start, approx = raw.start(), "exact"
                a_s, a = approx_before(text, rng.start())
                v1 = format_value(d1 * scale_of(rng.group("s1") or m.group("scale")))
                out.append(Cand("money", a_s, rng.end("s1") if rng.group("s1") else rng.end("n1"), v1,
                                {"currency": code, "approx": approx_kind(a)}, 0.9, "money.range"))
        out.append(Cand("money", start, m.end(), value, {"currency": code, "approx": approx},
                        0.95, "money.amount"))
    return out


_CLAUSE_END = re.compile(r"[ \u00a0]*(?:[,.;:)\n]|$)")
_MONEY_CONTEXT = re.compile(r"(?<![^\W\d_])(?:tiền|hỗ trợ|giá|lương|thu nhập|chi phí|kinh phí|phạt|bồi thường|"
                            r"vốn|doanh thu|lợi nhuận|ngân sách|trị giá|tài trợ|quyên góp|ủng hộ|nợ)(?![^\W\d_])",
                            re.IGNORECASE)


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
        start, approx = _span_start(m), _approx_fields(m)
        rng = range_first(text, m.start("num"))
        if rng:  # "12-18%": the first is a percentage too
            d1 = parse_number(rng.group("n1"))
            if d1 is not None and not rng.group("s1"):
                start, approx = m.start("num"), "exact"
                a_s, a = approx_before(text, rng.start())
                out.append(Cand("percentage", a_s, rng.end("n1"), format_value(d1),
                                {"approx": approx_kind(a)}, 0.9, "percentage.range"))
        out.append(Cand("percentage", start, m.end(), format_value(d),
                        {"approx": approx}, 0.97, "percentage"))
    return out


def find_quantities(text: str) -> list[Cand]:
    out = []
    for m in _followed(text, QUANTITY_AFTER):
        m = _M(m, text)
        num = m.group("num")
        start = m.start("num")
        rng = range_first(text, start)
        before = text[max(0, start - 1):start]
        if (before and (before.isalpha() or before in "-/.,:#+") and not m.group("approx")
                and not (rng and before in "-–")):
            continue  # part of a code, a date or a larger number
        after = text[m.end():m.end() + 2]
        glued = None
        if after[:1].isalpha() and not m.group("scale"):
            glued = GLUED_UNIT.match(text, m.end())
            if not glued:
                continue  # Y360, 4T
        elif after[:1] in ("/", "-", "–", ":", "%") or after[:1].isalpha():
            continue  # 6/10, 7-12, 14:38, the first number of a range (read with the second)
        wb = word_before(text, _span_start(m))
        if wb and (wb.lower() in CODE_WORDS or (is_cap(wb) and not m.group("approx")
                                                and wb not in ("Có", "Với", "Trong", "Sau", "Gần", "Hơn"))):
            # "Hợp phần 3", "Quân y 175", "khóa 12"; not "trong số 307 công dân"
            if not (wb.lower() == "số" and word_before(text, _span_start(m) - len(wb) - 1).lower()
                    in ("trong", "tổng")):
                continue
        if not m.group("approx") and wb.lower() == "trên":
            continue
        d = parse_number(num)
        if d is None:
            continue
        scale = m.group("scale")
        if glued:
            unit, end = glued.group(), glued.end()
            if unit == "h" and (wb.lower() in _TIME_LEADS or (d < 24 and wb.lower() not in _DURATION_LEADS)
                                or re.match(r"\s+(?:sáng|trưa|chiều|tối|đêm|ngày|cùng)", text[end:end + 8])):
                continue  # a clock time ("lúc 6h"), not a duration
        else:
            unit, _ = _unit(text, m.end())
            end = m.end()
        # "trên 1 vạn dân" is a rate ("per"), not "more than one".
        if m.group("approx") and m.group("approx").lower() == "trên" and d == 1:
            continue
        if unit.split(" ")[0].lower() in ("năm",) and len(num) == 4:
            continue
        if not unit and not scale and not m.group("approx"):
            rng = None  # "tỷ số 2-1": a score, not two counts
            if not (_BARE_COUNT_BEFORE.search(text, max(0, start - 4), start)
                    and _BARE_COUNT_AFTER.match(text, m.end()) and "," not in num
                    and not (num[0] == "0" and len(num) > 1) and len(num) <= 7):  # not a phone number
                continue
        value = format_value(d * scale_of(scale))
        conf = 0.85 if unit else 0.6
        s0, approx = _span_start(m), _approx_fields(m)
        if rng:  # "30-35 học sinh": two facts, the first with the unit and scale of the second
            d1 = parse_number(rng.group("n1"))
            if d1 is not None:
                s0, approx = start, "exact"
                a_s, a = approx_before(text, rng.start())
                e1 = rng.end("s1") if rng.group("s1") else rng.end("n1")
                out.append(Cand("quantity", a_s, e1, format_value(d1 * scale_of(rng.group("s1") or scale)),
                                {"unit": unit, "approx": approx_kind(a)}, conf, "quantity.range"))
        out.append(Cand("quantity", s0, end, value,
                        {"unit": unit, "approx": approx}, conf, "quantity.number"))
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
        word = m.group("word")
        n = NUMBER_WORDS[word.lower()]
        m = _M(m, text, "word")
        nxt = _NEXT_WORDS.match(text, m.end())
        nxt = [w for w in nxt.groups() if w] if nxt else []
        head = nxt[0] if nxt else ""
        if not head.isalpha() or not head.islower():
            continue  # "Ba Tỉnh", "Hai Bà Trưng": a name
        if word[0].isupper() and not _sentence_start(text, m.start("word")):
            continue
        wb = word_before(text, m.start("word")).lower()
        if (wb in ("thứ", "số", "lần") or (wb == "là" and n == 1)) and not m.group("approx"):
            continue  # "thứ hai" (second), "là một" (is a)
        end = m.end("word")
        value = Decimal(n)
        if head in SCALE_WORDS:  # "gần hai triệu người"
            value *= scale_of(head)
            end = m.end() + len(head)
            head = nxt[1] if len(nxt) > 1 else ""
            if not head.isalpha() or not head.islower():
                continue
            unit, _ = _unit(text, end)
        else:
            if head in ("số", "trong", "cách", "mươi", "mười", "trăm", "chục", "lăm", "mốt", "tư"):
                continue
            if n == 1 and head not in COUNT_NOUNS:
                continue  # "một" is also the article "a": only before a count noun
            if head.lower() in UNIT_STOP or head in ("bên", "chiều", "phía", "mặt", "tay"):
                continue
            unit, _ = _unit(text, end)
        if not unit:
            continue
        conf = 0.75 if m.group("approx") else 0.6
        s = m.start("approx") if m.group("approx") else m.start("word")
        out.append(Cand("quantity", s, end, format_value(value),
                        {"unit": unit, "approx": approx_kind(m.group("approx"))}, conf, "quantity.word"))
    return out


_NEXT_WORDS = re.compile(r"([^\W\d_]+)(?:[ \u00a0]([^\W\d_]+))?")
SCALE_WORDS = {"nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"}


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \u00a0":
        k -= 1
    return k < 0 or text[k] in ".!?:…\n\"“”'‘’(-–"
