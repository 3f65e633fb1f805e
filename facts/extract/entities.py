"""Organisations, people and places."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .base import Cand, is_cap
from .gazetteer import Gazetteer, tone_variants
from .lexicon import Lexicon, index
from .words import (ADMIN_WORDS, DOC_TYPES, GENERIC_BEFORE, HONORIFICS, ORG_HEADS,
                    ORG_HEADS_WITH_PLACE, ORG_STOP, TITLES, TRAIL_STOP, WEAK_HONORIFICS)

_SPACE = (" ", "\u00a0")
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
    "Cơ quan": {"chức", "chủ", "đầu"},
}
_HEADS = sorted(set(ORG_HEADS) | {v for h in ORG_HEADS for v in tone_variants(h)}, key=len, reverse=True)
HEAD_RE = Lexicon(_HEADS)
_TITLES = sorted({v for t in TITLES for v in tone_variants(t)}, key=len, reverse=True)
TITLE_RE = Lexicon(_TITLES)
_HON = sorted(set(HONORIFICS), key=len, reverse=True)
HON_RE = Lexicon(_HON, before_ok=lambda t, p: p == 0 or not (t[p - 1].isalnum() or t[p - 1] == "."),
                 after_ok=lambda t, p: p < len(t) and t[p].isspace())
_ADMIN = sorted(ADMIN_WORDS, key=len, reverse=True)
ADMIN_RE = Lexicon(_ADMIN, after_ok=lambda t, p: p < len(t) and t[p].isspace())
DOC_TYPE_RE = Lexicon(DOC_TYPES)
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
PROGRAMME_AFTER_TITLE = re.compile(r"(?:Giám đốc|Điều phối viên|Trưởng|Quản lý)\s+(?P<prog>Chương trình)(?=\s)")
# `^[^\S\n]*`: as in SOURCE_LINE.
OUTLET_LINE = re.compile(r"^[^\S\n]*\((?P<o>[^()\n]{2,40})\)\s*$", re.M)


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
        toks = tokens_after(text, pos, 5)
        if not toks or toks[0][0].s != pos or toks[0][0].w not in self.gaz.surnames:
            return None
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
        # A programme office is named by its leader's title: "Giám đốc Chương trình …".
        for m in PROGRAMME_AFTER_TITLE.finditer(text):
            c = self._org_from_head(text, m, "prog")
            if c:
                out.append(c)
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
            if gap not in _SPACE:
                break
            if is_cap(tok.w) or (named and ROMAN.match(tok.w)) or (named and tok.w.isdigit()):
                # A full name (three syllables) ends the organisation: "Bộ Y tế Đào Hồng Lan";
                # two may be a place inside it ("huyện Nam Trà My").
                if named and (self.name_at(text, tok.s, min_parts=3) or TITLE_RE.match(text, tok.s)
                              or HON_RE.match(text, tok.s) or DOC_TYPE_RE.match(text, tok.s)):
                    break
                pm = self.place_at(text, tok.s)
                # After a complete known name only a place may follow ("Bộ Y tế Liên Bang Nga …").
                if named and not pm and self.gaz.org_re.fullmatch(text, start, end):
                    break
                if pm:
                    end = pm.end()
                    while i < len(toks) and toks[i][0].s < pm.end():
                        i += 1
                    named = last_place = True
                    continue
                end, named, i, last_place = tok.e, True, i + 1, False
                continue
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
                    and not toks[i + 1][0].w.isupper()):
                end, i = toks[i + 1][0].e, i + 2  # "Vụ Truyền thông và Thi đua"
                continue
            if (k < len(toks) and k > i and named and toks[k][1] in _SPACE
                    and ROMAN.match(toks[k][0].w)):
                end, i = toks[k][0].e, k + 1
                continue
            known = self.gaz.org_re.fullmatch(text, start, end)
            if (named and i > 0 and is_cap(toks[i - 1][0].w) and not known and not last_place
                    and toks[i][0].w.lower() not in TRAIL_STOP and not toks[i][0].w.isdigit()):
                # one trailing syllable completes a word ("Y tế", "Quốc gia"); verbs and
                # adverbs ("vừa", "tổ chức") never do
                end = toks[i][0].e  # one trailing syllable: "Bộ Y tế"
                i += 1
            break
        if not named:
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
        short = name if (_all_caps(name) and not HEAD_RE.match(name, 0)
                         and not self.gaz.place_re.fullmatch(name, 0, len(name))) else ""
        return Cand("organization", start, end, value, {"acronym": acr}, conf,
                    "org.generic" if generic else "org.head", short=short)

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
            if not span:
                continue
            out.append(Cand("person", span[0], span[1], text[span[0]:span[1]],
                            {"title": text[m.start():title_end], "honorific": hon}, 0.9,
                            "person.title"))
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
