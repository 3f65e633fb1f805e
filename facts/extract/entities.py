"""Organisations, people and places."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

from .base import Cand, is_cap
from .gazetteer import Gazetteer, tone_variants
from .lexicon import Lexicon, index
from .words import (ADMIN_BODIES, DEPARTMENTS, HEADS_NEED_PLACE, ORG_HEADS_LOWER, SHORT_HEADS, ADMIN_WORDS, DOC_TYPES, GENERIC_BEFORE, HONORIFICS,
                    BRAND_LEADS, NOT_ORG_ACRONYMS, ROLE_WORDS, ZONES, FEATURES, FEATURE_COMPOUNDS, KINSHIP, OCCUPATIONS, REGION_LEADS, SEA_WORDS, NAME_TAILS, NAME_WORDS, ORG_HEADS, PLACE_LEADS, ORG_HEADS_WITH_PLACE, ORG_STOP, TITLES,
                    WEAK_HONORIFICS)

_SPACE = (" ", "\u00a0")
_JOINERS = ("-", "–", "&")
_ADMIN_LOWER = frozenset(w for w in ADMIN_WORDS if w.islower() and " " not in w and w not in ("vùng", "miền", "bản", "làng", "ấp", "thôn"))
ROMAN = re.compile(r"^[IVXLC]+$")
# After these a head noun is an ordinary word, not an organisation ("Hội nghị", "Bộ trưởng").
HEAD_EXCLUDE = {
    "Hội": {"nghị", "thảo", "thi", "chợ", "diễn", "viên", "trại", "nhập", "Nghị", "Thảo"},
    "Ban": {"hành", "đầu", "ngày", "đêm", "giám", "Giám"},
    "Trường": {"hợp", "Hợp", "học", "hợp,"},
    "Bộ": {"trưởng", "phận", "máy", "đội", "ngành", "môn", "Trưởng", "phim", "sưu"},
    "Viện": {"trưởng", "phí", "Trưởng"},
    "Cục": {"trưởng", "Trưởng"},
    "Vụ": {"trưởng", "việc", "án", "Trưởng"},
    "Sở": {"hữu", "dĩ", "thích"},
    "Quỹ": {"đạo", "thời", "tích"},
    "Trung tâm": {"điểm", "của"},
    "Tổ chức": {"các", "thực", "triển", "tập", "lễ", "hội"},
    "Văn phòng": {"phẩm"},
    "Công an": {"viên"},
    "Hội đồng": {"hương"},
    "Khoa": {"học", "Học"},
    "Phòng": {"chống", "ngừa", "họp", "thí", "trọ", "ngủ", "bệnh", "tránh", "dịch", "vệ", "khi", "the", "Chống"},
    "Trạm": {"dừng", "thu", "xăng"},
    "Báo": {"cáo", "chí", "động", "giá", "hiệu", "tin"},
    "Đài": {"Loan", "phát", "tưởng", "truyền", "tiếng"},
    "TT": {"BYT", "TT"},
    "trường": {"hợp", "học", "phái", "độ", "hạng", "kỳ"},
    "sở": {"hữu", "dĩ", "thích", "trường", "tại"},
    "viện": {"trưởng", "phí", "dẫn", "trợ"},
    "phòng": {"chống", "ngừa", "họp", "thí", "trọ", "ngủ", "bệnh", "tránh", "dịch", "vệ", "khi"},
    "khoa": {"học"},
    "báo": {"cáo", "chí", "động", "giá", "hiệu", "tin"},
    "đài": {"phát", "truyền", "tiếng"},
    "Cơ quan": {"chức", "chủ", "đầu"},
}
_HEADS = sorted(set(ORG_HEADS) | {v for h in ORG_HEADS for v in tone_variants(h)}, key=len, reverse=True)
HEAD_RE = Lexicon(_HEADS)
# A lowercase head ends a word of two syllables where the word before it makes one with it
# ("thị trường Mỹ", "cơ sở Hà Nội", "bệnh viện" is its own head).
_LOWER_HEAD_COMPOUND = {"trường": {"thị", "môi", "hiện", "quảng", "chiến", "lập", "sân", "nông",
                                  "ngư", "công", "phi", "thương", "nhà", "đấu", "trực", "bãi"},
                        "sở": {"cơ", "trụ", "căn", "hội", "cư", "nhà"},
                        "viện": {"bệnh", "học", "nhập", "xuất", "nằm", "thư", "nghị", "tu"},
                        "phòng": {"dự", "đề", "quốc", "biên", "văn", "đặt", "buồng", "chỉ", "phân"},
                        "khoa": {"chuyên", "bách", "nha", "nhi", "nội", "ngoại", "sản", "đa", "văn",
                                 "cử", "sách", "giáo"},
                        "báo": {"thông", "cảnh", "dự", "khai", "tình", "tố", "cáo", "đăng", "báo"},
                        "đài": {"khán", "lâu", "vọng"},
                        "hãng": set()}
HEAD_LOWER_RE = Lexicon(sorted(ORG_HEADS_LOWER, key=len, reverse=True),
                        before_ok=lambda t, p: (p == 0 or not t[p - 1].isalnum()) and not (
                            (w := re.search(r"(\w+)\s$", t[max(0, p - 10):p]))
                            and w.group(1).lower() in _LOWER_HEAD_COMPOUND.get(t[p:p + 6].split(" ")[0], ())),
                        after_ok=lambda t, p: p < len(t) and t[p] == " ")
_TITLES = sorted({v for t in TITLES for v in tone_variants(t)}, key=len, reverse=True)
TITLE_RE = Lexicon(_TITLES)
_HON = sorted(set(HONORIFICS), key=len, reverse=True)
HON_RE = Lexicon(_HON, before_ok=lambda t, p: p == 0 or not (t[p - 1].isalnum() or t[p - 1] == "."),
                 after_ok=lambda t, p: p < len(t) and t[p].isspace())
_ADMIN = sorted(ADMIN_WORDS, key=len, reverse=True)
ADMIN_RE = Lexicon(_ADMIN, after_ok=lambda t, p: p < len(t) and t[p].isspace())
DOC_TYPE_RE = Lexicon(DOC_TYPES)
_after_space = lambda t, p: p < len(t) and t[p] == " "  # noqa: E731
KIN_RE = Lexicon(KINSHIP, after_ok=_after_space)
FEATURE_RE = Lexicon(FEATURES, after_ok=_after_space)
PLACE_LEAD_RE = Lexicon(PLACE_LEADS, after_ok=_after_space)
REGION_LEAD_RE = Lexicon(REGION_LEADS, after_ok=_after_space)
ZONE_RE = Lexicon(sorted(ZONES, key=len, reverse=True), after_ok=_after_space)
# A list of capitalised names: "Đống Đa, Hai Bà Trưng, Hoàng Mai và Thanh Xuân".
_CAP = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_ITEM = rf"[{_CAP}][^\W\d_]*(?: [{_CAP}][^\W\d_]*){{0,3}}"
NAME_LIST = re.compile(rf"{_ITEM}(?:(?:, |,? và ){_ITEM})+")
_LIST_SEP = re.compile(r", |,? và ")
_TP_GLUED = re.compile(r"T(?<![^\W_.]T)[Pp]\.(?=[A-ZĐ])")
OCC_RE = Lexicon(sorted({f for o in OCCUPATIONS if o[0].islower() for f in (o, o[0].upper() + o[1:])},
                        key=len, reverse=True), after_ok=_after_space)
BRAND_RE = Lexicon(sorted(BRAND_LEADS, key=len, reverse=True), after_ok=_after_space)
# English words of the names of clubs, shops, products and events, not of people
NOT_NAME_WORDS = frozenset("""City United Forest FC Club Coffee Update Games Cup League Open Masters
Group Inc Corp Company Bank Airlines Air Motors News Times Post Street Park Hotel Center Centre
University College School Institute Foundation Party Show Awards Festival Day Week World Global
International National Super Pro Max Plus Mini Phone Pay Store Watch Gold Star Stars Island Bay
Beach Mountain River Lake Valley Tower Bridge Tour Series Edition Studio Studios Records Music
Entertainment Media Film Films Pictures Team Racing Sport Sports Football Real Sporting Athletic
Galaxy Pixel Note Edge Smart Home Office Windows Android Cloud Online Mobile Express Airways Mall
Market Plaza Square Garden Gardens Resort Spa Beauty Fashion Design Energy Oil Gas Power Capital
Holdings Partners Ventures Fund Trust Association Council Committee Agency Service Services""".split())
_LEAD_WORDS = frozenset(KINSHIP) | frozenset(HONORIFICS) | frozenset(w[0].upper() + w[1:] for w in KINSHIP)
BRAND_WORDS = frozenset(w for b in BRAND_LEADS for w in b.split()) | {"Công", "ty", "công"}
# A numbered address: the street named after the number ("số 10 Trần Hưng Đạo", "ngõ 95 …").
ADDRESS = re.compile(r"(?<![^\W\d_])(?:số|ngõ|ngách|hẻm|kiệt|Số|Ngõ|Hẻm) \d{1,4}[A-Za-z]?(?:/\d{1,4}){0,3} (?=[A-ZĐ])")
# Initials for a name: "H.V.Đ", "N.T.H.", and one initial after a kinship word ("anh Đ.").
INITIALS = re.compile(r"[A-ZĐ](?:\.[A-ZĐ]){1,4}\.?(?![^\W\d_])|[A-ZĐ]\.(?![^\W\d_])")
INITIALS_ALONE = re.compile(r"(?<![^\W_.])[A-ZĐ]\.[A-ZĐ]\.[A-ZĐ](?:\.[A-ZĐ])?\.?(?![^\W\d_])")
ACRONYM_AFTER = re.compile(r"\s?\((?P<acr>[A-ZĐ][A-ZĐ0-9&\-]{1,11})\)")
# `who` was `[^/()\n]{1,40}?` before `\s*/`. Its shortest fit ends in a space only when it
# is that one space, right before the slash (or before newlines and the slash): a longer
# fit would have done without its last space. Written so, `who` never ends inside a run
# of spaces, and `\s*` no longer reads the rest of the run for each length of `who`
# (quadratic in a run of spaces).
PHOTO_CREDIT = re.compile(r"\((?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh)\s*:\s*"
                          r"(?P<who>[^/()\n]{0,39}?[^/()\s]|[^\S\n](?=\n*/))"
                          r"\s*/\s*(?P<outlet>[^()\n/]{2,40}?)\)")
# `^[^\S\n]*`, not `^\s*`: under re.M, `^\s*` read on from every blank line through all
# the blank lines after it (quadratic in a run of them); the same groups are found from
# the start of the line they are on.
SOURCE_LINE = re.compile(r"^[^\S\n]*(?:Nguồn\s*:\s*|Theo\s+(?:https?://)?(?=\S+\.\w{2,}))(?P<src>(?:https?://)?(?:www\.)?(?P<dom>[\w-]+(?:\.[\w-]+)+))", re.M)
_NEXT_WORD = re.compile(r"[ \u00a0]([^\W_]+)")
# Stock codes: three capitals in a list of three or more, or after "mã", "cổ phiếu".
# (The look-behind after the first letter: a pattern that starts with one is tried at every
# position, one that starts with a letter class is scanned for fast.)
TICKER_LIST = re.compile(r"[A-Z](?<![^\W_][A-Z])[A-Z]{2}(?:(?:, | và |, và )[A-Z]{3}(?![^\W_])){2,}")
TICKER_AFTER = re.compile(r"[mMcC](?<![^\W_].)(?:ã|ổ phiếu)(?: cổ phiếu| chứng khoán)? (?P<t>[A-Z]{3})(?![^\W_])")
COMPANY_CODE = re.compile(r"(?:[Cc]ông ty|[Tt]ập đoàn|[Tt]ổng [Cc]ông ty|Cty|CTCP)\b.* (?P<c>[A-ZĐ][A-ZĐ0-9&]{1,5})$")
TICKER_PAIR = re.compile(r"[A-Z](?<![^\W_][A-Z])[A-Z]{2}(?:(?:, | và )[A-Z]{3}(?![^\W_]))+")
TICKER_MOVES = re.compile(r"(?P<t>[A-Z](?<![^\W_][A-Z])[A-Z]{2}) (?:tăng|giảm|đứng giá|khớp|có lúc|chỉ còn|đóng cửa|"
                          r"mất|lên|xuống|vẫn|đã|bị)(?![^\W\d_])")
_ROLES = sorted({r for t in TITLES + OCCUPATIONS + ROLE_WORDS for r in (t, t.lower())}, key=len, reverse=True)
ROLE_AFTER = re.compile(r"[ \u00a0]?[,\-–][ \u00a0]*(?:một |người |là )?(?:cựu |nguyên |đồng )?(?:%s)(?![^\W\d_])"
                        % "|".join(re.escape(r) for r in _ROLES))
AGE_AFTER = re.compile(r"[ \u00a0]?\((?:\d{1,3}[ \u00a0]tuổi|SN[ \u00a0]?\d{4}|sinh năm)")
# A photo credit outside brackets: "Ảnh: Hải Bình", "(ảnh: Phạm Nguyễn)".
PHOTO_LEAD = re.compile(r"[Ảả](?<![^\W\d_].)nh(?: minh (?:họa|hoạ))?[ \u00a0]?:[ \u00a0]*(?=[A-ZĐ])")
# A name closing a paragraph, after the last sentence or alone on its line, with the outlet
# in brackets after it: "… giao thông. Nguyễn Cường", "Theo Hải Bình (VNE)".
BYLINE_END = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[.!?…\"”)] ))(?:Theo )?"
                        r"(?P<n>[A-ZĐ][^\W\d_]*(?: [A-ZĐ][^\W\d_]*){1,3})[ \u00a0]*"
                        r"(?:\((?P<o>[^()\n]{2,20})\)[ \u00a0]*)?$")
# `^[^\S\n]*`: as in SOURCE_LINE.
OUTLET_LINE = re.compile(r"^[^\S\n]*\((?P<o>[^()\n]{2,40})\)\s*$", re.M)


class _Head:
    """A head noun found by position, answering like a match."""

    def __init__(self, s: int, e: int, w: str):
        self.s, self.e, self.w = s, e, w

    def group(self, _g=0) -> str:
        return self.w

    def start(self, _g=0) -> int:
        return self.s

    def end(self, _g=0) -> int:
        return self.e


def tokens_after(text: str, pos: int, limit: int = 30):
    return index(text).after(pos, limit)


class EntityFinder:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    # -- shared tests ----------------------------------------------------------
    def place_at(self, text: str, pos: int):
        m = self.gaz.place_re.match(text, pos)
        if m and m.group() in self.gaz.ambiguous_countries:
            return None
        return m

    def name_at(self, text: str, pos: int, min_parts: int = 2) -> Optional[tuple[int, int]]:
        """A person's name starting at pos: 2–4 capitalised syllables, first a family name."""
        idx = index(text)
        i = bisect_left(idx.starts, pos)  # no token made unless a family name starts here
        if i == len(idx.starts) or idx.starts[i] != pos or idx.words[i] not in self.gaz.surnames:
            return None
        toks = tokens_after(text, pos, 5)
        if self.place_at(text, pos) or self._org_known_at(text, pos):
            return None
        parts = [toks[0][0]]
        for tok, gap in toks[1:]:
            if gap not in _SPACE or not _is_name_part(tok.w) or len(parts) >= 4:
                break
            parts.append(tok)
        if len(parts) < min_parts:
            return None
        return parts[0].s, parts[-1].e

    def _org_known_at(self, text: str, pos: int) -> bool:
        m = self.gaz.org_re.match(text, pos)
        return bool(m)

    # -- organisations ---------------------------------------------------------
    def organisations(self, text: str) -> list[Cand]:
        out: list[Cand] = []
        for m in HEAD_RE.finditer(text):
            c = self._org_from_head(text, m)
            if c:
                out.append(c)
        for m in HEAD_LOWER_RE.finditer(text):
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt and (nxt.group(1)[0].isupper() or (m.group() in ADMIN_BODIES and nxt.group(1) in _ADMIN_LOWER)):
                c = self._org_from_head(text, m)
                if c:
                    out.append(c)
        # A programme with a director, a coordinator, a manager is an office: any title
        # before "Chương trình" makes it one ("Giám đốc Chương trình …").
        for m in TITLE_RE.finditer(text):
            if text.startswith(" Chương trình ", m.end()):
                c = self._org_from_head(text, _Head(m.end() + 1, m.end() + 13, "Chương trình"))
                if c:
                    out.append(c)
        # A brand after the word for its kind of business: "hãng Apple", "chuỗi cửa hàng Popeyes"
        for m in BRAND_RE.finditer(text):
            toks = tokens_after(text, m.end(), 8)
            k = 0
            while (k < len(toks) and k < 3 and toks[k][1] in _SPACE and toks[k][0].w.islower()
                   and toks[k][0].w not in ORG_STOP and not toks[k][0].w.isdigit()):
                k += 1
            if k >= len(toks) or toks[k][1] not in _SPACE or not is_cap(toks[k][0].w):
                continue
            s0 = toks[k][0].s
            e0 = self._cap_run(text, s0, 3)
            if not e0:
                continue
            if text[e0:e0 + 2] in ("'s", "’s"):
                e0 += 2
            elif " " not in text[s0:e0] and not _foreign(text[s0:e0]):
                continue  # one Vietnamese syllable ("thương hiệu Nhật"): a word, not a brand
            if (self.place_at(text, s0) or self.name_at(text, s0) or HEAD_RE.match(text, s0)
                    or TITLE_RE.match(text, s0) or HON_RE.match(text, s0)):
                continue
            out.append(Cand("organization", s0, e0, text[s0:e0], {"acronym": ""}, 0.65, "org.brand"))
        for m in self.gaz.org_re.finditer(text):
            if not m.group()[0].isupper():
                continue
            if _generic_before(text, m.start()):
                continue
            end, acr = m.end(), ""
            a = ACRONYM_AFTER.match(text, end)
            if a:
                end, acr = a.end(), a.group("acr")
            out.append(Cand("organization", m.start(), end, m.group(), {"acronym": acr}, 0.95,
                            "org.known"))
        return out

    def _org_from_head(self, text: str, m, group: int | str = 0) -> Optional[Cand]:
        head = m.group(group)
        start = m.start(group)
        excl = HEAD_EXCLUDE.get(head, ())
        nxt = _NEXT_WORD.match(text, m.end(group))
        if not nxt or nxt.group(1) in excl:
            return None  # "Bộ trưởng", "Hội nghị": an ordinary word, no name follows
        generic = _generic_before(text, start)
        toks = tokens_after(text, m.end(group), 16)
        end = m.end(group)
        i, named, last_place = 0, False, False
        while i < len(toks):
            tok, gap = toks[i]
            if (gap == "." and named and i and toks[i - 1][0].w in ("TP", "Tp") and is_cap(tok.w)
                    and toks[i - 1][0].e == tok.s - 1):
                end, i = tok.e, i + 1  # "Công an TP.Vinh": the city glued to its word
                continue
            if gap not in _SPACE:
                # Joiners inside a name: "Sở LĐ-TB&XH", "Trường Đại học Kinh tế - Luật";
                # a dash before a place, a person or a role ends it ("TAND huyện X - Thanh Hóa").
                g = gap.strip(" \u00a0")
                if not (named and g in _JOINERS and is_cap(tok.w) and (
                        g == gap or not (self.place_at(text, tok.s) or self.name_at(text, tok.s)
                                         or TITLE_RE.match(text, tok.s) or HEAD_RE.match(text, tok.s)
                                         or HON_RE.match(text, tok.s) or tok.w.isupper()))):
                    break
            if is_cap(tok.w) or (named and ROMAN.match(tok.w)) or (named and tok.w.isdigit()):
                # A full name (three syllables) ends the organisation: "Bộ Y tế Đào Hồng Lan";
                # two may be a place inside it ("huyện Nam Trà My").
                if named and (self.name_at(text, tok.s, min_parts=3) or TITLE_RE.match(text, tok.s)
                              or HON_RE.match(text, tok.s)
                              or (gap in _SPACE and DOC_TYPE_RE.match(text, tok.s))):
                    break
                pm = self.place_at(text, tok.s)
                # After a complete known name only a place may follow ("Bộ Y tế Liên Bang Nga …").
                if named and not pm and self.gaz.org_re.fullmatch(text, start, end):
                    break
                if pm:
                    end = pm.end()
                    # Regions named together: "khu vực Đông Á, Thái Bình Dương".
                    if self.gaz.places.get(pm.group()) == "region" and text[end:end + 2] == ", ":
                        pm2 = self.place_at(text, end + 2)
                        if pm2 and self.gaz.places.get(pm2.group()) == "region":
                            pm = pm2
                            end = pm.end()
                    while i < len(toks) and toks[i][0].s < pm.end():
                        i += 1
                    named = last_place = True
                    continue
                end, named, i, last_place = tok.e, True, i + 1, False
                # A capitalised syllable and the lowercase ones that make a word with it
                # ("Y tế", "Phát triển nông thôn"): accepted by the word, not by a stop list.
                w = tok.w.lower()
                while (i < len(toks) and toks[i][1] in _SPACE and toks[i][0].w.islower()
                       and f"{w} {toks[i][0].w}" in NAME_WORDS):
                    end, w, i = toks[i][0].e, toks[i][0].w, i + 1
                    if (i + 1 < len(toks) and toks[i][1] in _SPACE and toks[i + 1][1] in _SPACE
                            and f"{toks[i][0].w} {toks[i + 1][0].w}" in NAME_TAILS):
                        w = toks[i][0].w  # a lowercase word after it: "… nông thôn"
                        end, i = toks[i][0].e, i + 1
                continue
            # An administrative word ends the name of a body of one place: "UBND tỉnh",
            # "Sở Y tế tỉnh" (with the place after it, the lowercase words below take it).
            if (tok.w in _ADMIN_LOWER and (named or head in ADMIN_BODIES)
                    and not (i + 1 < len(toks) and toks[i + 1][1] in _SPACE
                             and (is_cap(toks[i + 1][0].w) or toks[i + 1][0].w.isdigit()))
                    and not (i + 1 < len(toks) and toks[i + 1][0].w in ("này", "nhà", "đó", "ấy", "khác"))):
                end, named, i = tok.e, True, i + 1
                break
            # lowercase words: part of the name only when a capitalised word follows
            # ("Hội Thầy thuốc trẻ Việt Nam"), or as the tail of the last word ("Y tế").
            k = i
            while (k < len(toks) and k - i < 5 and not is_cap(toks[k][0].w)
                   and toks[k][0].w.lower() not in ORG_STOP and toks[k][1] in _SPACE
                   and not toks[k][0].w.isdigit()):
                k += 1
            if (k < len(toks) and k > i and toks[k][1] in _SPACE and is_cap(toks[k][0].w)
                    and not self.name_at(text, toks[k][0].s) and not TITLE_RE.match(text, toks[k][0].s)
                    and not DOC_TYPE_RE.match(text, toks[k][0].s)
                    and not HEAD_RE.match(text, toks[k][0].s)):  # "… xây dựng Trung tâm …": a new name
                end, i, last_place = toks[k - 1][0].e, k, False
                continue
            if (named and k == i and toks[i][0].w == "và" and i + 1 < len(toks)
                    and toks[i + 1][1] in _SPACE and is_cap(toks[i + 1][0].w)
                    and not HEAD_RE.match(text, toks[i + 1][0].s)
                    and not self.gaz.org_re.match(text, toks[i + 1][0].s)
                    and not self.place_at(text, toks[i + 1][0].s)
                    and not self.name_at(text, toks[i + 1][0].s)
                    and not HON_RE.match(text, toks[i + 1][0].s)
                    and not TITLE_RE.match(text, toks[i + 1][0].s)
                    and not toks[i + 1][0].w.isupper()
                    and (i + 2 >= len(toks) or toks[i + 2][1] not in _SPACE
                         or not toks[i + 2][0].w.islower()
                         or f"{toks[i + 1][0].w.lower()} {toks[i + 2][0].w}" in NAME_WORDS)):
                end, i = toks[i + 1][0].e, i + 2  # "Vụ Truyền thông và Thi đua"
                continue
            if (k < len(toks) and k > i and named and toks[k][1] in _SPACE
                    and ROMAN.match(toks[k][0].w)):
                end, i = toks[k][0].e, k + 1
                continue
            break
        if not named and head in DEPARTMENTS:
            # a department named in lowercase words, word by word: "Khoa phục hồi chức năng"
            j = 0
            while (j + 1 < len(toks) and toks[j][1] in _SPACE and toks[j + 1][1] in _SPACE
                   and toks[j][0].w.islower() and f"{toks[j][0].w} {toks[j + 1][0].w}" in NAME_WORDS):
                j += 2
            if j:
                end, named = toks[j - 1][0].e, True
        if not named:
            return None
        if head in HEADS_NEED_PLACE and not self.place_at(text, m.end(group) + 1):
            return None
        # Representations abroad keep their place: "Phái đoàn … tại Việt Nam".
        if head in ORG_HEADS_WITH_PLACE:
            t = re.match(r" tại ", text[end:end + 5])
            if t:
                pm = self.place_at(text, end + 5)
                if pm:
                    end = pm.end()
        # Inside parentheses an affiliation runs to the closing one: "(Vụ …, khen thưởng)".
        if text[start - 1:start] == "(":
            close = text.find(")", end, end + 60)
            if close > 0 and "(" not in text[end:close] and "\n" not in text[end:close]:
                end = close
        value_end = end
        acr = ""
        a = ACRONYM_AFTER.match(text, end)
        if a:
            end, acr = a.end(), a.group("acr")
        value = " ".join(text[start:value_end].split())
        conf = 0.8 if value_end - start > len(head) + 2 else 0.6
        # A generic mention ("các Tổ chức Phi Chính phủ") is kept only to block the
        # names inside it, then dropped.
        name = text[m.end(group):value_end].strip()
        if head[0].islower() and head not in HEADS_NEED_PLACE and (
                self.gaz.place_re.fullmatch(name, 0, len(name)) or HEAD_RE.fullmatch(name, 0, len(name))):
            return None  # "doanh nghiệp Hàn Quốc", "trường Đại học": a kind, not a name
        short = name if (head in SHORT_HEADS and _all_caps(name) and not HEAD_RE.match(name, 0)
                         and not self.gaz.place_re.fullmatch(name, 0, len(name))) else ""
        return Cand("organization", start, end, value, {"acronym": acr}, conf,
                    "org.generic" if generic else "org.head", short=short)

    def tickers(self, text: str) -> dict[str, str]:
        """Stock codes the story lists ("HQC, FLC, ROS và HAI") or names as one ("mã HQC"):
        each is a company wherever the story uses it."""
        found = {}
        for m in TICKER_LIST.finditer(text):
            for t in re.findall(r"[A-Z]{3}", m.group()):
                found[t] = t
        for m in TICKER_AFTER.finditer(text):
            found[m.group("t")] = m.group("t")
        found = {t: v for t, v in found.items() if t not in NOT_ORG_ACRONYMS}
        if len(found) >= 3:
            # a market story: codes listed with a known one, or moving as codes do
            for m in TICKER_PAIR.finditer(text):
                codes = re.findall(r"[A-Z]{3}", m.group())
                if any(c in found for c in codes):
                    found.update((c, c) for c in codes if c not in NOT_ORG_ACRONYMS)
            for m in TICKER_MOVES.finditer(text):
                if m.group("t") not in NOT_ORG_ACRONYMS:
                    found[m.group("t")] = m.group("t")
        return found

    def company_codes(self, orgs: list) -> dict[str, str]:
        """A company named with a code at the end of its name ("Công ty cổ phần dược phẩm CVI")
        is that code wherever the story uses it alone."""
        out = {}
        for c in orgs:
            m = COMPANY_CODE.match(c.value) if c.rule == "org.head" else None
            if m and m.group("c") not in NOT_ORG_ACRONYMS:
                out[m.group("c")] = m.group("c")
        return out

    def acronyms(self, text: str, defined: dict[str, str]) -> list[Cand]:
        lex = _acronym_lexicon(frozenset(self.gaz.acronyms) | frozenset(defined))
        out = []
        for m in lex.finditer(text):
            if text[m.s - 1:m.s] == "(" and text[m.e:m.e + 1] == ")":
                continue  # the definition itself, part of the full name's span
            out.append(Cand("organization", m.s, m.e, m.group(), {"acronym": ""}, 0.85,
                            "org.acronym"))
        return out

    def outlets(self, text: str) -> list[Cand]:
        out = []
        for m in PHOTO_CREDIT.finditer(text):
            o = m.group("outlet").strip()
            if not o:
                continue  # "(Ảnh: X /   )" names no outlet (an empty span is no fact)
            s = m.start("outlet") + m.group("outlet").index(o)
            out.append(Cand("organization", s, s + len(o), o, {"acronym": ""}, 0.8, "org.photo_credit"))
        for m in SOURCE_LINE.finditer(text):
            dom = m.group("dom")
            out.append(Cand("organization", m.start("dom"), m.end("dom"), dom, {"acronym": ""}, 0.85,
                            "org.source_line"))
        for m in OUTLET_LINE.finditer(text):
            o = m.group("o")
            if o in self.gaz.outlets or re.fullmatch(r"[\w.-]+\.(?:vn|com|net|org)", o):
                out.append(Cand("organization", m.start("o"), m.end("o"), o, {"acronym": ""}, 0.9,
                                "org.outlet_line"))
        for m in self.gaz.outlet_re.finditer(text):
            out.append(Cand("organization", m.start(), m.end(), m.group(), {"acronym": ""}, 0.7,
                            "org.outlet"))
        return out

    # -- places ------------------------------------------------------------------
    def places(self, text: str) -> list[Cand]:
        out = []
        for m in ADMIN_RE.finditer(text):
            word = m.group()
            p = m.end()
            while p < len(text) and text[p] in _SPACE:
                p += 1
            pm = self.gaz.place_re.match(text, p)
            if pm:
                end = pm.end()
            else:
                toks = tokens_after(text, p, 4)
                parts = []
                for tok, gap in toks:
                    if (parts and gap not in _SPACE) or not (is_cap(tok.w) or tok.w.isdigit()):
                        break
                    if parts and (TITLE_RE.match(text, tok.s) or HEAD_RE.match(text, tok.s)):
                        break
                    parts.append(tok)
                if not parts or (toks and toks[0][0].s != p):
                    continue
                end = parts[-1].e
            level = ADMIN_WORDS[word]
            name = text[p:end]
            if word.lower() in ("thành phố", "tp", "tp.") and self.gaz.places.get(name) != "province":
                level = "district"
            out.append(Cand("location", m.start(), end, text[m.start():end], {"level": level}, 0.85,
                            "location.admin", short=name if _all_caps(name) else ""))
        # "TP.Vinh": the city glued to its word
        for m in _TP_GLUED.finditer(text):
            if self.gaz.place_re.match(text, m.start()):
                continue  # "TP.HCM" is in the list
            pm = self.place_at(text, m.end())
            end = pm.end() if pm else 0
            for tok, gap in ([] if pm else tokens_after(text, m.end(), 3)):
                if (end and (gap not in _SPACE or self.name_at(text, tok.s, min_parts=3)
                             or TITLE_RE.match(text, tok.s) or HEAD_RE.match(text, tok.s))
                        or not _is_name_part(tok.w) or (not end and tok.s != m.end())):
                    break
                end = tok.e
            if end:
                name = text[m.end():end]
                level = "province" if self.gaz.places.get(name) == "province" else "district"
                out.append(Cand("location", m.start(), end, text[m.start():end], {"level": level}, 0.85,
                                "location.admin", short=name if _all_caps(name) else ""))
        # "Khu CNC Hòa Lạc": a zone keeps its word; the name alone later is the same place
        for m in ZONE_RE.finditer(text):
            end = self._cap_run(text, m.end() + 1, 4)
            if end:
                name = text[m.end() + 1:end]
                out.append(Cand("location", m.start(), end, text[m.start():end], {"level": "other"}, 0.8,
                                "location.zone", short=name if _all_caps(name) else ""))
        # "khu vực Tây Nam Bộ": the word is part of a region's span (FACTS.md)
        for m in REGION_LEAD_RE.finditer(text):
            pm = self.place_at(text, m.end() + 1)
            if pm and self.gaz.places.get(pm.group()) == "region":
                out.append(Cand("location", m.start(), pm.end(), text[m.start():pm.end()],
                                {"level": "region"}, 0.85, "location.admin"))
        for m in self.gaz.place_re.finditer(text):
            surface = m.group()
            level = self.gaz.places[surface]
            if surface in self.gaz.ambiguous_countries:
                before = text[max(0, m.start() - 12):m.start()]
                if not re.search(r"(?:nước|Vương quốc|Liên bang|CHLB|Cộng hòa|Cộng hoà)\s+$", before):
                    continue
            out.append(Cand("location", m.start(), m.end(), surface, {"level": level}, 0.9,
                            f"location.{level}"))
        return out

    def features(self, text: str) -> list[Cand]:
        """Rivers, seas, streets, airports … after their feature word; streets after a
        junction or a house number."""
        out = []
        for lex, keep_word in ((FEATURE_RE, True), (PLACE_LEAD_RE, False)):
            for m in lex.finditer(text):
                end = self._cap_run(text, m.end() + 1)
                if not end:
                    continue
                if keep_word:
                    w = re.search(r"(\w+)[ \u00a0]$", text[max(0, m.start() - 10):m.start()])
                    if (w and f"{w.group(1).lower()} {m.group().lower()}" in FEATURE_COMPOUNDS
                            and text[m.end() + 1:end] not in ("Đông", "Tây", "Nam", "Bắc")):
                        continue  # "đê biển Gành Hào": a sea dike, the name is the place's
                    if m.group().lower() in SEA_WORDS:
                        pm = self.place_at(text, m.end() + 1)
                        if pm and pm.end() == end and self.gaz.places.get(pm.group()) in ("province", "country"):
                            continue  # "biển Bạc Liêu": the sea of a province is the province
                if keep_word or " " in text[m.end() + 1:end]:
                    s = m.start() if keep_word else m.end() + 1
                    out.append(Cand("location", s, end, text[s:end], {"level": "other"}, 0.75,
                                    "location.feature" if keep_word else "location.street"))
                    # a junction of two streets: "nút giao Trường Sơn – Lê Lợi"
                    j = re.match(r" [–-] (?=[A-ZĐ])", text[end:end + 4]) if not keep_word else None
                    if j:
                        e2 = self._cap_run(text, end + j.end())
                        if e2 and " " in text[end + j.end():e2]:
                            out.append(Cand("location", end + j.end(), e2, text[end + j.end():e2],
                                            {"level": "other"}, 0.75, "location.street"))
        for m in ADDRESS.finditer(text):
            end = self._cap_run(text, m.end())
            if end and " " in text[m.end():end]:  # a street has two syllables at least
                out.append(Cand("location", m.end(), end, text[m.end():end], {"level": "other"}, 0.75,
                                "location.street"))
        return out

    def _cap_run(self, text: str, pos: int, limit: int = 5) -> int:
        """The end of the run of capitalised words (and numbers after them) from pos, or 0."""
        end = 0
        for tok, gap in tokens_after(text, pos, limit):
            if (end and gap not in _SPACE) or (not end and tok.s != pos):
                break
            if not (is_cap(tok.w) or (end and tok.w.isdigit())):
                break
            if end and (TITLE_RE.match(text, tok.s) or HEAD_RE.match(text, tok.s)
                        or HON_RE.match(text, tok.s)):
                break
            end = tok.e
        return end

    def place_lists(self, text: str, ents: list, taken) -> list[Cand]:
        """Names listed with a place are places of the same kind: "Đống Đa, Hai Bà Trưng,
        Hoàng Mai" after one of them is known; "Mỹ, Anh, Pháp, Đức" (a country that is also
        a word is one among countries)."""
        known = {(c.start, c.end): c.fields.get("level", "") for c in ents if c.kind == "location"}
        # "quận Cầu Giấy, Long Biên": a known place with its word ends where the item does
        for c in ents:
            word, _, name = c.value.partition(" ")
            if c.kind == "location" and c.rule == "location.admin" and word.islower() and name:
                known.setdefault((c.end - len(name), c.end), c.fields.get("level", ""))
        out = []
        for m in NAME_LIST.finditer(text):
            items, pos = [], m.start()
            for sep in _LIST_SEP.finditer(text, m.start(), m.end()):
                items.append((pos, sep.start()))
                pos = sep.end()
            items.append((pos, m.end()))
            levels = []
            amb = self.gaz.ambiguous_countries
            for s, e in items:
                lv = known.get((s, e)) or (self.gaz.places.get(text[s:e]) if text[s:e] not in amb else None)
                if lv:
                    levels.append(lv)
            if not levels:
                continue
            level = levels[0] if len(set(levels)) == 1 else "other"
            for s, e in items:
                name = text[s:e]
                if (s, e) in known or not taken.free(s, e):
                    continue
                if any(w in NOT_NAME_WORDS for w in name.split(" ")):
                    continue  # "Man United": a club
                if name in amb and level != "country":
                    continue  # "tiếng Anh, …": a country that is also a word, among no countries
                if name in self.gaz.places:
                    lv = self.gaz.places[name]
                elif " " not in name or (level == "country"):
                    continue  # one word alone may be anything; a country must be known
                else:
                    lv = level
                if (self.name_at(text, s, min_parts=3) or HEAD_RE.match(text, s) or TITLE_RE.match(text, s)
                        or HON_RE.match(text, s) or self._org_known_at(text, s)
                        or KIN_RE.match(text, s) or self.gaz.outlet_re.match(text, s)):
                    continue
                taken.add(s, e)
                out.append(Cand("location", s, e, name, {"level": lv}, 0.7, "location.list"))
        return out

    # -- people --------------------------------------------------------------------
    def people(self, text: str) -> list[Cand]:
        out: list[Cand] = []
        for m in HON_RE.finditer(text):
            hon = m.group()
            p = m.end()
            while p < len(text) and text[p] in _SPACE:
                p += 1
            span = self._any_name(text, p, min_parts=2 if hon in WEAK_HONORIFICS or hon.istitle() and len(hon) <= 3 else 1)
            if not span:
                continue
            title = self._title_after(text, span[1])
            out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                            {"title": title, "honorific": hon}, 0.9, "person.honorific"))
        for m in TITLE_RE.finditer(text):
            p = m.end()
            title_end = p
            # "Thứ trưởng Bộ Y tế Nguyễn Trường Sơn": the organisation is part of the title.
            hm = HEAD_RE.match(text, p + 1) if text[p:p + 1] in _SPACE else None
            if hm:
                org = self._org_from_head(text, hm)
                if org:
                    title_end = org.end
                    p = org.end
            if text[p:p + 1] not in _SPACE:
                continue
            p += 1
            hm2 = HON_RE.match(text, p)
            hon = ""
            if hm2:
                hon = hm2.group()
                p = hm2.end() + 1
            span = self.name_at(text, p) or (self._any_name(text, p, 2) if hon else None)
            if not span and not hon and title_end == m.end():
                # "Thủ tướng Ấn Độ Narendra Modi": the country is part of the title
                pm = self.place_at(text, p)
                if pm and text[pm.end():pm.end() + 1] in _SPACE:
                    q = pm.end() + 1
                    span = self.name_at(text, q) or self._foreign_name(text, q)
                    if span:
                        title_end = pm.end()
            if not span:
                continue
            out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                            {"title": text[m.start():title_end], "honorific": hon}, 0.9,
                            "person.title"))
        # A kinship word and one syllable or initials: "anh Tứ", "cháu Bảo", "anh Đ."
        for m in KIN_RE.finditer(text):
            p = m.end() + 1
            if m.group()[0].isupper() and re.search(r"[^\W\d_]\s$", text[max(0, m.start() - 2):m.start()]):
                w = re.search(r"(\w+)\s$", text[max(0, m.start() - 12):m.start()])
                if w and w.group(1)[0].isupper():
                    continue  # inside a name: "Hai Bà Trưng"
            im = INITIALS.match(text, p)
            if im:
                out.append(Cand("person", p, im.end(), im.group(), {"title": "", "honorific": m.group()},
                                0.75, "person.initials"))
                continue
            toks = tokens_after(text, p, 2)
            if not toks or toks[0][0].s != p or not _is_name_part(toks[0][0].w) or "." in toks[0][0].w:
                continue
            if len(toks) > 1 and toks[1][1] in _SPACE and is_cap(toks[1][0].w):
                # two names or more: the honorific rules read them; a name with a middle
                # name ("cô Định Thị Hương") whatever the family name
                if toks[1][0].w in ("Thị", "Văn") and m.group().lower() not in ("anh", "em"):
                    span = self._any_name(text, p, 3)
                    if span:
                        out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                                        {"title": self._title_after(text, span[1]), "honorific": m.group()},
                                        0.75, "person.kin_full"))
                continue
            if (self.place_at(text, p) or self.place_at(text, m.start()) or HEAD_RE.match(text, p)
                    or TITLE_RE.match(text, p) or self._org_known_at(text, p)):
                continue
            out.append(Cand("person", p, toks[0][0].e, toks[0][0].w,
                            {"title": "", "honorific": m.group()}, 0.7, "person.kin"))
        for m in INITIALS_ALONE.finditer(text):
            out.append(Cand("person", m.start(), m.end(), m.group(), {"title": "", "honorific": ""},
                            0.7, "person.initials"))
        surnames = self.gaz.surnames
        idx = index(text)
        for i in idx.caps:
            w, s0 = idx.words[i], idx.starts[i]
            if w not in surnames or w in HONORIFICS:
                continue
            if s0 and text[s0 - 1].isalnum():
                continue
            span = self.name_at(text, s0, min_parts=3)
            if span:
                out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                                {"title": self._title_after(text, span[1]), "honorific": ""}, 0.7,
                                "person.surname"))
        for m in PHOTO_CREDIT.finditer(text):
            who = m.group("who").strip()
            if re.fullmatch(r"(?:[A-ZĐ][\w]*\.?\s?){1,4}", who) and who not in self.gaz.outlets:
                s = m.start("who") + m.group("who").index(who)
                out.append(Cand("person", s, s + len(who), who, {"title": "", "honorific": ""}, 0.75,
                                "person.photo_credit"))
        # An occupation before a name of any language: "tỷ phú Warren Buffett", "ca sĩ Mỹ Tâm"
        for m in OCC_RE.finditer(text):
            p = m.end() + 1
            span = self.name_at(text, p) or self._any_name(text, p, 2)
            if not span:
                # one syllable: "tài xế Anh" (a Vietnamese given name, not a word in capitals)
                one = self._any_name(text, p, 1)
                if one and " " not in text[one[0]:one[1]] and not _foreign(text[one[0]:one[1]]) \
                        and not self.place_at(text, p) and text[one[1]:one[1] + 3] not in (" ấy", " ta"):
                    span = one
            if span and not self._org_known_at(text, p) and not self.gaz.outlet_re.match(text, p):
                out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                                {"title": "", "honorific": ""}, 0.8, "person.occupation"))
        out += self._foreign_people(text)
        out += self._credits_and_bylines(text)
        return out

    # -- names without a lead word ------------------------------------------------------
    def _foreign_name(self, text: str, pos: int) -> Optional[tuple[int, int]]:
        """Two or three capitalised words of a foreign name from pos ("Narendra Modi")."""
        toks = tokens_after(text, pos, 4)
        parts = []
        for tok, gap in toks:
            if (parts and gap not in _SPACE) or not _is_name_part(tok.w) or len(parts) == 3:
                break
            parts.append(tok)
        if (len(parts) < 2 or parts[0].s != pos or not all(_latin(t.w) for t in parts)
                or not any(_foreign(t.w) for t in parts)):
            return None
        return parts[0].s, parts[-1].e

    def _foreign_people(self, text: str) -> list[Cand]:
        """A foreign name needs no honorific: a run of two or three capitalised words spelt
        as no Vietnamese syllable is ("Warren Buffett", "Ramanan Laxminarayan")."""
        out = []
        idx = index(text)
        words, starts, ends = idx.words, idx.starts, idx.ends
        caps = idx.caps
        n = len(words)
        last = -1
        for i in caps:
            w = words[i]
            if i <= last or not w.isascii() or not _foreign(w) or not _is_name_part(w):
                continue
            # the start of the run of capitalised words this one is in
            j = i
            while j and text[ends[j - 1]:starts[j]] == " " and _is_name_part(words[j - 1]):
                j -= 1
            k = i
            while k + 1 < n and text[ends[k]:starts[k + 1]] == " " and _is_name_part(words[k + 1]):
                k += 1
            last = k
            # a country or a courtesy word before the name is not part of it ("Anh Dominic Raab")
            while j < k and (words[j] in self.gaz.places or words[j] in _LEAD_WORDS):
                j += 1
            if not 1 <= k - j <= 2:
                continue
            run = words[j:k + 1]
            if (not all(_latin(w) for w in run) or sum(map(_foreign, run)) < len(run) - 1
                    or not _foreign(run[0]) or not _foreign(run[-1])
                    or any(w in NOT_NAME_WORDS or w in self.gaz.places for w in run)):
                continue  # "Real Madrid", "Man City", "Pacific Coffee": a club, a shop
            s, e = starts[j], ends[k]
            if e < len(text) and text[e] in "'’&":
                continue  # "McDonald's", "Johnson & Johnson": a company
            if (self.place_at(text, s) or self._org_known_at(text, s) or self.gaz.outlet_re.match(text, s)
                    or HEAD_RE.match(text, s) or TITLE_RE.match(text, s)):
                continue
            wb = re.search(r"(\w+)[ \u00a0]$", text[max(0, s - 16):s])
            if wb and (wb.group(1).lower() in BRAND_WORDS or wb.group(1) in BRAND_WORDS):
                continue  # "hãng Berkshire Hathaway"
            # Capitalised foreign words may name anything (a club, a product): a person where
            # the story says who it is — a role or an age after the name ("Elon Musk, giám đốc
            # điều hành …", "Jeff Bezos - CEO", "Warren Buffett (90 tuổi)"). Other mentions
            # follow from there (the same name, the family name: rules.py, docpass.py).
            if not (ROLE_AFTER.match(text, e) or AGE_AFTER.match(text, e)):
                continue
            out.append(Cand("person", s, e, text[s:e], {"title": self._title_after(text, e), "honorific": ""},
                            0.65, "person.foreign"))
        return out

    def _credits_and_bylines(self, text: str) -> list[Cand]:
        """Photo credits outside brackets ("Ảnh: Hải Bình", "(ảnh: Phạm Nguyễn)") and bylines
        at the end of a paragraph ("… giao thông. Nguyễn Cường", "Theo Hải Bình (VNE)")."""
        out = []
        for m in PHOTO_LEAD.finditer(text):
            parts = []
            for tok, gap in tokens_after(text, m.end(), 5):
                if (parts and gap not in _SPACE) or (not parts and tok.s != m.end()):
                    break
                if not _is_name_part(tok.w) or len(parts) == 4:
                    break
                parts.append(tok)
            # "Ảnh: Hải Bình Tài xế Anh …": the last word begins the next sentence
            while len(parts) > 1 and text[parts[-1].e:parts[-1].e + 1] == " " \
                    and text[parts[-1].e + 1:parts[-1].e + 2].islower():
                parts.pop()
            if not parts or all(_latin(t.w) and _foreign(t.w) for t in parts):
                continue  # "Ảnh: Daily Mail": an outlet or an agency
            s, e = parts[0].s, parts[-1].e
            if (len(parts) < 2 and text[e:e + 1] != "/") or self.gaz.outlet_re.match(text, s) \
                    or self._org_known_at(text, s) or self.place_at(text, s):
                continue
            out.append(Cand("person", s, e, text[s:e], {"title": "", "honorific": ""}, 0.75,
                            "person.photo_credit"))
        pos = 0
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            line_end = n if nl < 0 else nl
            m = BYLINE_END.search(text, max(pos, line_end - 90), line_end)
            if m:
                s, e = m.span("n")
                name = m.group("n")
                if name.startswith("Theo ") or any(len(w) > 1 and w.isupper() for w in name.split()):
                    m = None  # "Theo VOV": a source line
            if m:
                alone = s == pos or not text[pos:s].strip()
                ok = not (self.place_at(text, s) or self._org_known_at(text, s) or HEAD_RE.match(text, s)
                          or TITLE_RE.match(text, s) or self.gaz.outlet_re.match(text, s)
                          or name in self.gaz.places)
                if ok and alone:
                    # a line of its own: a heading unless a full name
                    ok = bool(self.name_at(text, s) or self._foreign_name(text, s))
                if ok:
                    out.append(Cand("person", s, e, name, {"title": "", "honorific": ""}, 0.7,
                                    "person.byline_end"))
                    o = m.group("o")
                    if o and (o.isupper() or o in self.gaz.outlets) and not o.isdigit():
                        out.append(Cand("organization", m.start("o"), m.end("o"), o, {"acronym": ""}, 0.8,
                                        "org.byline_outlet"))
            if nl < 0:
                break
            pos = nl + 1
        return out

    def _any_name(self, text: str, pos: int, min_parts: int) -> Optional[tuple[int, int]]:
        """A name in any language after an honorific: capitalised words."""
        toks = tokens_after(text, pos, 5)
        parts = []
        for tok, gap in toks:
            if (parts and gap not in _SPACE) or not _is_name_part(tok.w):
                break
            if parts and (TITLE_RE.match(text, tok.s) or HEAD_RE.match(text, tok.s)):
                break
            parts.append(tok)
            if len(parts) == 4:
                break
        if not parts or parts[0].s != pos or len(parts) < min_parts:
            return None
        if self.place_at(text, pos) and self.place_at(text, pos).end() >= parts[-1].e:
            return None
        return parts[0].s, parts[-1].e

    def _title_after(self, text: str, end: int) -> str:
        """'Name, Chủ tịch Tổng hội …' or 'Name - Giám đốc …': the role after a name."""
        m = re.match(r"\s*(?:,|-|–)\s*", text[end:end + 4])
        if not m:
            return ""
        p = end + m.end()
        t = TITLE_RE.match(text, p)
        if not t:
            return ""
        q = t.end()
        # the title runs through the organisations and roles that follow it
        while True:
            hm = HEAD_RE.match(text, q + 1) if text[q:q + 1] in _SPACE else None
            if hm:
                org = self._org_from_head(text, hm)
                if org:
                    q = org.end
            else:
                caps = re.match(r"(?: [A-ZĐ][^\W\d_]*(?: [a-zđ][^\W\d_]*)?)+", text[q:q + 60])
                if caps and not self.name_at(text, q + 1):
                    q += caps.end()
            nxt = re.match(r", (?=[A-ZĐ])", text[q:q + 3])
            if nxt and (TITLE_RE.match(text, q + 2) or HEAD_RE.match(text, q + 2)):
                q2 = q + 2
                t2 = TITLE_RE.match(text, q2)
                if t2:
                    q = t2.end()
                    continue
                hm = HEAD_RE.match(text, q2)
                org = self._org_from_head(text, hm) if hm else None
                if org:
                    q = org.end
                    continue
            break
        return text[p:q].strip(" ,")


@lru_cache(maxsize=64)
def _acronym_lexicon(names: frozenset) -> Lexicon:
    return Lexicon(names)


def _is_name_part(w: str) -> bool:
    return bool(w) and w[0].isupper() and (w.isalpha() or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]?", w)) and not w.isupper() or (len(w) == 1 and w.isupper())


def _all_caps(name: str) -> bool:
    """Every word capitalised, two words at least: a name that may stand alone."""
    parts = name.split(" ")
    return len(parts) >= 2 and all(p[:1].isupper() and p.isalpha() for p in parts)


def _generic_before(text: str, pos: int) -> bool:
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, pos - 12):pos])
    return bool(m) and m.group(1).lower() in GENERIC_BEFORE


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_VN_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}"
                          r"(?:ch|ng|nh|[cmnpt])?", re.IGNORECASE)


_FOREIGN: dict[str, bool] = {}


def _foreign(w: str) -> bool:
    """Spelt as no Vietnamese syllable is: "Buffett", "Elon", "Modi" (not "Nguyen", "Lan")."""
    f = _FOREIGN.get(w)
    if f is None:
        f = bool(w) and not _VN_SYLLABLE.fullmatch(w)
        if len(_FOREIGN) < 100_000:
            _FOREIGN[w] = f
    return f


def _latin(w: str) -> bool:
    """Letters of the Latin alphabet only, without Vietnamese marks."""
    return w.isascii() and w.isalpha()
