"""The document-level pass: what a story names in full once, it names shortly later.

A person named in full ("Nguyễn Văn Hải") is a person where the story later uses the
given name ("ông Hải"), the short form ("Văn Hải") or, for a foreign name, the family name
("Bill Gates" … "Gates"); initials too ("anh H.V.Đ" … "anh Đ."). A place named after its
administrative word ("huyện Nam Giang") is a place where the story later drops the word;
an organisation named after its head noun ("Bệnh viện Hồng Phúc") is one where the story
later uses the name alone ("chuyển lên Hồng Phúc").

One pass over the capitalised words of the text: each is looked up among the short forms
(a dict), so the pass costs the length of the text, not its length times the names.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .base import Cand, Ranges, Taken
from .lexicon import index

# Characters after which a capitalised word may be capitalised only because it begins a
# sentence (or a line, or a quotation).
_SENTENCE_START = set(".!?:…\n\"“”'‘’([-–")


def _lead_words(text: str, pos: int) -> str:
    """The text of the line before pos, at most 24 characters, lowercased and stripped."""
    lo = max(0, pos - 24)
    nl = text.rfind("\n", lo, pos)
    return text[(nl + 1 if nl >= 0 else lo):pos].lower()


class DocPass:
    """Variants of the names a story has given, and where they stand."""

    def __init__(self, surnames: frozenset, leads: Iterable[str], is_place, words: frozenset = frozenset()):
        self.surnames = surnames
        # lowercased words or phrases that introduce a person: honorifics, kinship words,
        # titles, occupations ("ông", "anh", "Bộ trưởng", "tài xế")
        self.leads = tuple(sorted({w.lower() for w in leads}, key=len, reverse=True))
        self._lead_set = frozenset(self.leads)
        self.is_place = is_place
        # two-syllable words, lowercased ("thủ tướng"): a given name is not their first syllable
        self.words = words

    # -- variants -------------------------------------------------------------------
    def person_variants(self, name: str) -> list[tuple[str, float]]:
        parts = name.split()
        out: list[tuple[str, float]] = []
        if len(parts) == 1:
            w = parts[0]
            if "." in w and w.replace(".", "").isupper() and len(w.replace(".", "")) >= 2:
                out.append((w.replace(".", "")[-1] + ".", 0.7))  # "H.V.Đ" … "Đ."
            return out
        if parts[0] in self.surnames:
            out.append((parts[-1], 0.7))  # the given name: "Hải"
            if len(parts) >= 3:
                out.append((" ".join(parts[-2:]), 0.75))  # "Văn Hải", "Phương Anh"
        else:  # a foreign name: the family name, and the given name of a two-word name
            out.append((parts[-1], 0.7))
            if len(parts) == 2:
                out.append((parts[0], 0.6))
        return [(v, c) for v, c in out if len(v) >= 2 and v[0].isupper()]

    # -- the pass -----------------------------------------------------------------------
    def extra(self, text: str, story: Ranges, ents: list[Cand], against: list[Cand],
              places: Iterable[Cand] = ()) -> list[Cand]:
        """`ents`: the entities kept; `against`: spans no entity may overlap; `places`: places
        named after an administrative word, kept or not ("thị xã X" inside "Phòng Kinh tế
        thị xã X" still names X)."""
        variants: dict[str, tuple[str, str, float, dict]] = {}  # surface -> (kind, rule, conf, fields)
        full: set[str] = set()
        for c in ents:
            if c.kind == "person":
                full.add(c.value)
        for c in ents:
            if c.kind == "person":
                for v, conf in self.person_variants(c.value):
                    if v in full or self.is_place(v):
                        continue
                    variants.setdefault(v, ("person", "person.short", conf, {"title": "", "honorific": ""}))
        for c in list(ents) + list(places):
            if c.kind == "location" and c.rule in ("location.admin", "location.zone"):
                name = c.short
                if name and " " in name and name not in variants:
                    variants[name] = ("location", "location.short", 0.75, {"level": c.fields["level"]})
            elif c.kind == "organization" and c.short:
                short = c.short
                if short not in variants and short not in full and not self.is_place(short):
                    variants[short] = ("organization", "org.short", 0.7, {"acronym": ""})
        if not variants:
            return []
        by_first: dict[str, list[str]] = {}
        for v in variants:
            by_first.setdefault(v.split(" ", 1)[0], []).append(v)
        for vs in by_first.values():
            vs.sort(key=len, reverse=True)
        idx = index(text)
        words, starts, ends = idx.words, idx.starts, idx.ends
        taken = Taken(len(text), list(ents) + list(against))
        lower_words: Optional[set[str]] = None
        out: list[Cand] = []
        n = len(words)
        for i in idx.caps:
            cands = by_first.get(words[i])
            if not cands:
                continue
            s = starts[i]
            for v in cands:
                e = s + len(v)
                if not text.startswith(v, s) or (e < len(text) and (text[e].isalnum())):
                    continue
                j = i + v.count(" ")  # the last token of the variant
                if j >= n or ends[j] != e:
                    continue
                kind, rule, conf, fields = variants[v]
                if not taken.free(s, e) or not story.hold(s, e):
                    break
                # Part of a longer run of capitalised words: another name ("Hải Phòng").
                if j + 1 < n and text[e:starts[j + 1]] == " " and words[j + 1][0].isupper():
                    break
                lead = self._lead(text, s)
                if i and text[ends[i - 1]:s] == " " and words[i - 1][0].isupper() and lead is None:
                    break
                if kind == "person" and " " not in v and self._word_with_next(text, e, v):
                    break  # "Nhân dân", "Thủ tướng": the syllable of a longer word
                if kind == "person" and " " not in v and lead is None:
                    # A lone given name: a sentence may begin with the same word ("Anh ấy").
                    k = s - 1
                    while k >= 0 and text[k] in " \u00a0":
                        k -= 1
                    if k < 0 or text[k] in _SENTENCE_START:
                        if lower_words is None:
                            lower_words = {w for w in words if w[0].islower()}
                        if v.lower() in lower_words:
                            break
                f = dict(fields)
                if kind == "person" and lead:
                    f["honorific"] = text[s - len(lead) - 1:s - 1] if lead else ""
                taken.add(s, e)
                out.append(Cand(kind, s, e, v, f, conf, rule))
                break
        return out

    def _word_with_next(self, text: str, e: int, v: str) -> bool:
        if text[e:e + 1] != " ":
            return False
        j = e + 1
        k = j
        while k < len(text) and k - j < 12 and text[k].isalpha():
            k += 1
        nxt = text[j:k]
        return bool(nxt) and nxt.islower() and f"{v.lower()} {nxt}" in self.words

    def _lead(self, text: str, s: int) -> Optional[str]:
        """The honorific, kinship word, title or occupation right before s, lowercased."""
        if s < 2 or text[s - 1] not in " \u00a0":
            return None
        before = _lead_words(text, s - 1)
        for lead in self.leads:
            if before.endswith(lead):
                p = len(before) - len(lead)
                if p == 0 or not before[p - 1].isalnum():
                    return lead
        return None
