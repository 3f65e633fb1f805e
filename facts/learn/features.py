"""Syllables of a text, the windows the model reads, and the features of each syllable.

Vietnamese words are space-separated syllables: a token is a run of letters and digits, or
one character of punctuation, or a line end (a boundary no window crosses). Each token keeps
its character offsets in the text.

Speed is the point here (the extractor with a model must stay above 1 MB/s on one core, and
the rules alone take most of that):
- only windows around candidate names are read (`scan`): by default a capitalised syllable
  the rules left unexplained, one token before it and two after (one when an ordinary word
  follows), widened to take in whole any rule span they touch; only the regions holding
  them are tokenized;
- what a syllable says about itself and about its neighbours is the same at every
  occurrence, so it is built once per syllable (`Vocab`) as UTF-8 bytes, what crfsuite reads,
  and only the features the model knows are kept; a token's list joins those cached tuples
  with a few constants chosen by its rule tags and its document — no dict per token, no
  string built per token.

Features: the syllable lowercased; its shape (Xx, X, XX, x, d, mixed) with diacritics or a
capitalised ASCII word; its last three letters (a suffix; a prefix did no better); membership of the project's word
lists (surnames, titles, honorifics, organisation heads, administrative words, places, known
organisations, ordinary words: facts/data through facts.extract, never copied); the syllable
and shape of the neighbours (±1, or ±2 with `Settings.context`); the rules' BIO tag on the
token and its neighbours; being glued to a neighbour (TP.HCM, Covid-19) or at a sentence's
start; and two document features: the same syllable capitalised elsewhere in the text, and
inside a rule's span of a kind elsewhere.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add, itemgetter, sub
from typing import Iterable, Optional, Sequence

# (spaces other than a line end)(a run of letters and digits | a line end | one other character)
_PAIR = re.compile(r"([^\S\n]*)([^\W_]+|\n|\S)")
_G0, _G1 = itemgetter(0), itemgetter(1)
# A token after one of these starts a sentence: its capital letter says little.
_SENTENCE_END = frozenset(".!?:;…\n\"“”'‘’•-–—*(")
_WORD_SPLIT = re.compile(r"[^\W_]+")


# -- word lists (the project's own, reused) ------------------------------------------
@dataclass(frozen=True)
class _Lists:
    surnames: frozenset
    title_first: frozenset
    title_any: frozenset
    hon_first: frozenset
    head_first: frozenset
    head_any: frozenset
    admin_first: frozenset
    place_first: frozenset
    place_any: frozenset
    org_any: frozenset
    generic: frozenset
    trail_stop: frozenset
    common: frozenset  # ordinary words of the lists (stop words, approximators): lowercase


def _syllables(names: Iterable[str], lower: bool = True) -> tuple[set, set]:
    first, anyw = set(), set()
    for name in names:
        words = _WORD_SPLIT.findall(name.lower() if lower else name)
        if words:
            first.add(words[0])
            anyw.update(words)
    return first, anyw


@lru_cache(maxsize=1)
def lists() -> _Lists:
    """The word lists of facts/data as sets of syllables: surnames, titles, honorifics,
    organisation head nouns, administrative words, the place gazetteer, known organisations
    (facts.extract.words and facts.extract.gazetteer, read, never copied)."""
    from ..extract import words as W
    from ..extract.gazetteer import load

    gaz = load()
    t0, ta = _syllables(W.TITLES)
    h0, _ = _syllables(W.HONORIFICS)
    o0, oa = _syllables(W.ORG_HEADS)
    a0, _ = _syllables(W.ADMIN_WORDS)
    p0, pa = _syllables(gaz.places, lower=False)
    _, ga = _syllables(gaz.orgs)
    return _Lists(
        surnames=frozenset(gaz.surnames), title_first=frozenset(t0), title_any=frozenset(ta),
        hon_first=frozenset(h0), head_first=frozenset(o0), head_any=frozenset(oa),
        admin_first=frozenset(a0), place_first=frozenset(p0), place_any=frozenset(pa),
        org_any=frozenset(ga), generic=frozenset(w.lower() for w in W.GENERIC_BEFORE),
        trail_stop=frozenset(w.lower() for w in W.TRAIL_STOP),
        common=frozenset(x for ws in (W.ORG_STOP, W.UNIT_STOP, W.TRAIL_STOP, W.APPROX_WORDS,
                                      W.GENERIC_BEFORE)
                         for w in ws for x in _WORD_SPLIT.findall(w.lower())),
    )


# -- per-syllable features, cached -----------------------------------------------------
def shape(w: str) -> str:
    if w == "\n":
        return "nl"
    if w.isdigit():
        return "d"
    if not w.isalnum():
        return "p"
    if w.isalpha():
        if w.islower():
            return "x"
        if w.isupper():
            return "X" if len(w) == 1 else "XX"
        if w[0].isupper() and w[1:].islower():
            return "Xx"
        return "xX"  # mixed: VnExpress, iPhone
    return "xd"  # letters and digits: Y360, COVID19


_CACHE_LIMIT = 300_000


def own_features(w: str) -> list[str]:
    """What a syllable says about itself: the syllable lowercased, its shape, diacritics,
    last three letters, and the word lists it is in."""
    low = w.lower() if w != "\n" else "<nl>"
    sh = shape(w)
    f = ["w=" + low, "s=" + sh]
    if sh not in ("p", "nl"):
        f.append("s3=" + low[-3:])  # (a prefix feature, p2, did no better on the gold)
        if not w.isascii():
            f.append("dia")
        elif sh in ("Xx", "xX"):
            f.append("ascii-cap")  # a foreign name or a brand, seldom a Vietnamese word
        L = lists()
        if w in L.surnames:
            f.append("L:sur")
        if low in L.title_first:
            f.append("L:title0")
        elif low in L.title_any:
            f.append("L:title")
        if low in L.hon_first:
            f.append("L:hon")
        if low in L.head_first:
            f.append("L:head0")
        elif low in L.head_any:
            f.append("L:head")
        if low in L.admin_first:
            f.append("L:admin")
        if w in L.place_first:
            f.append("L:place0")
        elif w in L.place_any:
            f.append("L:place")
        if low in L.org_any:
            f.append("L:org")
        if low in L.generic:
            f.append("L:generic")
        if low in L.trail_stop:
            f.append("L:stop")
    return f


def context_features(w: str) -> list[str]:
    """What a token says to its neighbours: as the one two before, the one before, the one
    after, two after; its shape as the one before, as the one after."""
    low = w.lower() if w != "\n" else "<nl>"
    sh = shape(w)
    return ["-2=" + low, "-1=" + low, "+1=" + low, "+2=" + low, "-1s=" + sh, "+1s=" + sh]


_EDGE = ["-2=<s>", "-1=<s>", "+1=</s>", "+2=</s>", "-1s=<s>", "+1s=</s>"]


class Vocab:
    """Feature strings as crfsuite reads them (UTF-8 bytes), cached per syllable. A vocab
    made for a model keeps only the features the model knows: the others weigh nothing,
    and passing them would cost the tagger a look-up each."""

    def __init__(self, kinds: Sequence[str], known: Optional[set[bytes]] = None):
        self.known = known
        self._own: dict[str, list[bytes]] = {}
        self._ctx: dict[str, tuple[tuple[bytes, ...], ...]] = {}
        names = label_names(tuple(kinds))
        self.rt = [self._keep(["r=" + x]) for x in names]
        self.rtp = [self._keep(["r-1=" + x]) for x in names] + [self._keep(["r-1=<s>"])]
        self.rtn = [self._keep(["r+1=" + x]) for x in names] + [self._keep(["r+1=</s>"])]
        self.dr = [self._one("dr=" + k) for k in kinds]
        self.bos, self.glued_before, self.glued_after = (
            self._one("bos"), self._one("glued-"), self._one("glued+"))
        self.dcap, self.dcap_low = self._one("dcap"), self._one("dcap-low")
        self.edge = tuple(self._keep([x]) for x in _EDGE)

    def _keep(self, feats: list[str]) -> tuple[bytes, ...]:
        out = [x.encode() for x in feats]
        known = self.known
        return tuple(out) if known is None else tuple(x for x in out if x in known)

    def _one(self, feat: str) -> Optional[bytes]:
        b = feat.encode()
        return b if self.known is None or b in self.known else None

    def own(self, w: str) -> tuple[bytes, ...]:
        f = self._own.get(w)
        if f is None:
            if len(self._own) > _CACHE_LIMIT:
                self._own.clear()
            f = self._own[w] = self._keep(own_features(w))
        return f

    def ctx(self, w: str) -> tuple[tuple[bytes, ...], ...]:
        c = self._ctx.get(w)
        if c is None:
            if len(self._ctx) > _CACHE_LIMIT:
                self._ctx.clear()
            c = self._ctx[w] = tuple(self._keep([x]) for x in context_features(w))
        return c


@lru_cache(maxsize=8)
def training_vocab(kinds: tuple[str, ...]) -> Vocab:
    """Every feature, unfiltered: what training reads."""
    return Vocab(kinds)


# -- a document ------------------------------------------------------------------------
@dataclass
class Doc:
    """The tokens of the regions of a text the model reads, with the rules' entity tags on
    them, what the whole document says about them, and the tokens windows are read around."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    kinds: tuple[str, ...]
    rule_tags: list[int] = field(default_factory=list)  # 0 O, 2k+1 B-kind k, 2k+2 I-kind k
    rule_runs: list[tuple[int, int]] = field(default_factory=list)  # token ranges of rule spans
    breaks: list[int] = field(default_factory=list)  # line ends and edges of regions
    seeds: list[int] = field(default_factory=list)  # tokens windows are read around
    caps: Counter = field(default_factory=Counter)  # capitalised syllables of the whole text
    in_rule: dict = field(default_factory=dict)  # (syllable, kind index) -> in rule spans

    @property
    def n(self) -> int:
        return len(self.words)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Tokens [i, j) that overlap the characters start..end (possibly none)."""
        i = bisect_left(self.ends, start + 1)
        j = bisect_left(self.starts, end)
        return i, max(i, j)


# A capitalised token: a run of letters and digits whose first is an upper-case letter (what
# _PAIR finds as a word with w[0].isupper()).
_UPPER = "".join(c for c in map(chr, range(0x10000)) if c.isupper())
CAP = re.compile(rf"(?<![^\W_])[{_UPPER}][^\W_]*")
_TOKEN = re.compile(r"[^\W_]+|\S")
_SPACE = " \t\u00a0"
# Characters read around a seed for each token of margin (a window's own, and one more for
# its context features); region edges are then moved out to whitespace.
_CHARS_PER_TOKEN = 6
_JOIN = 0  # tokens: windows this close are read as one (a window has a cost of its own)
_NEAR = 12  # characters: another capitalised word this close after a seed is in its run


def scan(text: str, content: Sequence[Sequence[int]], kinds: Sequence[str],
         rule_spans: Sequence[tuple[str, int, int]] = (),
         other_spans: Sequence[tuple[int, int]] = (), *, before: int = 1, after: int = 2,
         mode: str = "uncovered", extra: Sequence[tuple[int, int]] = (),
         ordinary: frozenset = frozenset()) -> Doc:
    """The regions of `text` the model reads, tokenized, with the rules' spans on them.

    Seeds are candidate names, found in the content ranges: in mode "uncovered" capitalised
    syllables the rules left unexplained (outside their facts), but for an ordinary word
    capitalised at a sentence's start (one the lists call ordinary, or that the text also
    has in lower case, or `ordinary` words: "Theo", "Các") and for the first word of a title
    ("Thủ tướng"); in
    mode "all", every capitalised syllable outside the rules' other facts, and every rule
    span of the model's kinds. `extra` (character spans) are seeds too: training reads around
    every true and every rejected span. `rule_spans` (kind, start, end) of the model's kinds
    tag the tokens; `other_spans` are the rules' facts of other kinds (numbers, dates, legal
    references).

    Only regions around the seeds are tokenized (a window's `before` and `after` tokens and
    one more each side for context, taking in whole any rule span they cut): most of a text
    is never read, which is what keeps the model's cost a fraction of the rules'."""
    kinds = tuple(kinds)
    n_text = len(text)
    ranges = sorted((int(s), int(e)) for s, e in content) if content else [(0, n_text)]
    cap_spans: list[tuple[int, int]] = []
    for s, e in ranges:
        cap_spans += [m.span() for m in CAP.finditer(text, s, e)]
    doc = Doc(text, [], [], [], kinds, caps=Counter(text[a:b] for a, b in cap_spans))
    doc.in_rule = _in_rule(text, rule_spans, kinds)
    in_rules = bytearray(n_text)  # characters inside a rule span of the model's kinds
    for _, s, e in rule_spans:
        in_rules[s:e] = b"\x01" * (e - s)
    in_other = bytearray(n_text)  # inside another fact of the rules
    for s, e in other_spans:
        in_other[s:e] = b"\x01" * (e - s)
    if mode == "all":
        seeds = [(a, b) for a, b in cap_spans if not in_other[a]]
        seeds += [(s, e) for _, s, e in rule_spans]
    else:
        seeds = _uncovered(text, ranges, cap_spans, in_rules, in_other, ordinary)
    seeds += [(int(s), int(e)) for s, e in extra]
    if seeds:
        _tokenize(doc, _regions(text, ranges, sorted(seeds), in_rules, before, after))
    doc.breaks = list(compress(count(), map("\n".__eq__, doc.words)))
    doc.rule_tags, doc.rule_runs = _tags_of(doc, rule_spans)
    at = dict(zip(doc.starts, count()))
    marks: set[int] = set()
    ends = doc.ends
    for a, b in seeds:
        i = at.get(a)
        if i is not None and ends[i] == b:
            marks.add(i)  # a seed of one token, as most are
        else:
            i, j = doc.covering(a, b)
            marks.update(range(i, j))
    doc.seeds = sorted(marks)
    return doc


def _uncovered(text, ranges, cap_spans, in_rules, in_other, ordinary=frozenset(),
               ) -> list[tuple[int, int]]:
    L = lists()
    common, title_first, head_first = L.common, L.title_first, L.head_first
    out = []
    k, lo = 0, ranges[0][0]
    last = len(text) - 1
    multi = len(ranges) > 1
    nxt = [a for a, _ in cap_spans[1:]] + [len(text) + _NEAR]
    before = [-_NEAR - 1] + [b for _, b in cap_spans[:-1]]
    for (a, b), after, prev_end in zip(cap_spans, nxt, before):
        if in_rules[a] or in_other[a]:
            continue
        if multi:
            while k + 1 < len(ranges) and ranges[k + 1][0] <= a:
                k += 1
                lo = ranges[k][0]
        j = a - 1
        c = text[j] if j >= lo else "\n"
        if c == " ":
            j -= 1
            c = text[j] if j >= lo else "\n"
        while c in _SPACE:
            j -= 1
            c = text[j] if j >= lo else "\n"
        if c in _SENTENCE_END:
            # at a sentence's start, an ordinary word with no capitalised word right after
            # it is no candidate ("Tuy nhiên", "Theo"; but "Bệnh viện Chợ Rẫy" stays)
            low = text[a:b].lower()
            if after - b > _NEAR and low not in head_first and (
                    low in common or low in ordinary or (" " + low + " ") in text):
                continue
        elif b < last and text[b] == " " and text[b + 1].islower():
            low = text[a:b].lower()
            if low in title_first and low not in head_first:
                continue  # a title ("Thủ tướng", "Chủ tịch"): no name starts here
            if (after - b > _NEAR and a - prev_end > _NEAR and not low.isascii()
                    and low not in head_first and (low in ordinary or (" " + low + " ") in text)):
                continue  # one capitalised ordinary syllable among lower-case words
        out.append((a, b))
    return out


def _in_rule(text: str, rule_spans, kinds) -> dict[tuple[str, int], int]:
    code = {k: i for i, k in enumerate(kinds)}
    out: dict[tuple[str, int], int] = {}
    for kind, s, e in rule_spans:
        k = code.get(kind)
        if k is not None:
            for w in _TOKEN.findall(text, s, e):
                out[(w, k)] = out.get((w, k), 0) + 1
    return out


def _regions(text: str, ranges, seeds, in_rules: bytearray, before: int, after: int,
             ) -> list[tuple[int, int]]:
    """Character regions around the seeds (sorted), inside the content range of each,
    taking in whole any rule span they cut, edges moved out to whitespace, merged."""
    pad_b = _CHARS_PER_TOKEN * (before + 1)
    pad_a = _CHARS_PER_TOKEN * (after + 1)
    out: list[list[int]] = []
    k = 0
    lo, hi = ranges[0]
    for a, b in seeds:
        while k + 1 < len(ranges) and ranges[k + 1][0] <= a:
            k += 1
            lo, hi = ranges[k]
        if a < lo or a >= hi:
            continue
        x, y = max(lo, a - pad_b), min(hi, b + pad_a)
        if in_rules[x]:  # a rule span cut: all of it, and the margin before it
            x = max(lo, in_rules.rfind(0, lo, x) + 1 - pad_b)
        if y < hi and in_rules[y]:
            y = in_rules.find(0, y, hi)
            y = hi if y < 0 else min(hi, y + pad_a)
        if x > lo:
            x = max(lo, text.rfind(" ", lo, x + 1))
        y = text.find(" ", y, hi)
        if y < 0:
            y = hi
        if out and out[-1][2] == lo and x <= out[-1][1]:
            if y > out[-1][1]:
                out[-1][1] = y
        else:
            out.append([x, y, lo])
    return [(x, y) for x, y, _ in out]


def _tokenize(doc: Doc, regions) -> None:
    text = doc.text
    starts, ends, words = doc.starts, doc.ends, doc.words
    for x, y in regions:
        if words:  # between two regions: a boundary, as a line end is
            starts.append(x)
            ends.append(x)
            words.append("\n")
        pairs = _PAIR.findall(text, x, y)
        w = list(map(_G1, pairs))
        wl = list(map(len, w))
        en = list(accumulate(map(add, map(len, map(_G0, pairs)), wl), initial=x))
        del en[0]
        starts += map(sub, en, wl)
        ends += en
        words += w


def _tags_of(doc: Doc, spans: Iterable[tuple[str, int, int]]) -> tuple[list[int], list]:
    tags = [0] * doc.n
    runs = []
    code = {k: i for i, k in enumerate(doc.kinds)}
    for kind, s, e in spans:
        k = code.get(kind)
        if k is None:
            continue
        i, j = doc.covering(s, e)
        if i < j:
            tags[i] = 2 * k + 1
            for t in range(i + 1, j):
                tags[t] = 2 * k + 2
            runs.append((i, j))
    runs.sort()
    return tags, runs


@lru_cache(maxsize=16)
def label_names(kinds: tuple[str, ...]) -> tuple[str, ...]:
    out = ["O"]
    for k in kinds:
        out += ["B-" + k, "I-" + k]
    return tuple(out)


def labels_of(doc: Doc, spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """BIO labels of the tokens for spans (kind, start, end); a span whose edges are not on
    token edges takes the tokens it overlaps."""
    names = label_names(doc.kinds)
    return [names[t] for t in _tags_of(doc, spans)[0]]


# -- windows ---------------------------------------------------------------------------
def windows(doc: Doc, before: int, after: int) -> list[tuple[int, int]]:
    """Token ranges [i, j) the model reads: `before` tokens before and `after` tokens after
    each seed, widened to whole rule spans, never across a line end."""
    cand = doc.seeds
    if not cand:
        return []
    n = doc.n
    merged: list[list[int]] = []
    words = doc.words
    stop = lists().trail_stop
    for i in cand:
        a, b = i - before, i + after + 1
        if after > 1 and i + 1 < n and words[i + 1] in stop:
            b = i + 2  # a name does not run on past an ordinary word ("đã", "của")
        if before and i and words[i - 1] in stop:
            a = i  # nor start with one ("tại", "của")
        if merged and a <= merged[-1][1] + _JOIN:
            if b > merged[-1][1]:
                merged[-1][1] = b
        else:
            merged.append([a, b])
    runs = doc.rule_runs
    if runs:  # a window that cuts a rule span takes all of it
        run_starts = [r[0] for r in runs]
        for w in merged:
            k = bisect_left(run_starts, w[0]) - 1
            if k >= 0 and runs[k][1] > w[0]:
                w[0] = runs[k][0]
            k = bisect_left(run_starts, w[1]) - 1
            if k >= 0 and runs[k][1] > w[1]:
                w[1] = runs[k][1]
    breaks = doc.breaks
    out: list[tuple[int, int]] = []
    last = 0
    for a, b in merged:
        a, b = max(a, 0, last), min(b, n)
        s = a
        k = bisect_left(breaks, a)
        while k < len(breaks) and breaks[k] < b:
            t = breaks[k]
            if t > s:
                out.append((s, t))
            s = t + 1
            k += 1
        if b > s:
            out.append((s, b))
        last = max(last, b)
    return out


# -- features --------------------------------------------------------------------------
class Featurizer:
    """The features of one document's tokens, computed for the windows read."""

    def __init__(self, doc: Doc, vocab: Optional[Vocab] = None, context: int = 1):
        self.doc = doc
        self.context = context  # neighbours read: ±1 syllables and shapes, or also ±2 syllables
        self.vocab = vocab or training_vocab(doc.kinds)
        # Document features: the same syllable capitalised elsewhere, and inside a rule's
        # span of a kind elsewhere.
        self.caps = doc.caps
        self.in_rule = doc.in_rule
        self.rule_words = {w for w, _ in doc.in_rule}

    def _in_rule(self, f: list, w: str, t: int) -> None:
        dr = self.vocab.dr
        for kk in range(len(dr)):
            c = self.in_rule.get((w, kk))
            if c and dr[kk] and c - (1 if t and (t - 1) // 2 == kk else 0) > 0:
                f.append(dr[kk])

    def window(self, a: int, b: int) -> list[list[bytes]]:
        """The feature lists of tokens a..b-1: built column by column (each a C-level pass
        over cached tuples), joined in one comprehension, then the few per-occurrence
        features added where they apply."""
        doc = self.doc
        V = self.vocab
        words, tags = doc.words, doc.rule_tags
        n = doc.n
        W = words[a:b]
        own = list(map(V._own.get, W))
        if None in own:
            own = list(map(V.own, W))
        lo, hi = max(a - 2, 0), min(b + 2, n)
        near = words[lo:hi]
        ctx = list(map(V._ctx.get, near))
        if None in ctx:
            ctx = list(map(V.ctx, near))
        edge = V.edge
        if a - 2 < lo:
            ctx[:0] = [edge] * (lo - a + 2)
        if b + 2 > hi:
            ctx += [edge] * (b + 2 - hi)
        m = b - a
        T = tags[max(a - 1, 0):b + 1]
        if a == 0:
            T.insert(0, -1)
        if b == n:
            T.append(-1)
        rt, rtp, rtn = V.rt, V.rtp, V.rtn
        if self.context > 1:
            out = [[*o, *c2[0], *c1[1], *n1[2], *n2[3], *c1[4], *n1[5], *rt[t], *rtp[tp], *rtn[tn]]
                   for o, c2, c1, n1, n2, tp, t, tn in zip(
                       own, ctx, ctx[1:], ctx[3:], ctx[4:], T, T[1:], T[2:])]
        else:
            out = [[*o, *c1[1], *n1[2], *c1[4], *n1[5], *rt[t], *rtp[tp], *rtn[tn]]
                   for o, c1, n1, tp, t, tn in zip(own, ctx[1:], ctx[3:], T, T[1:], T[2:])]
        # per occurrence, in one pass: glued to a neighbour, a sentence's start, the syllable
        # capitalised elsewhere, in a rule span elsewhere
        starts, ends = doc.starts, doc.ends
        gb, ga, bos, dcap, dcap_low = V.glued_before, V.glued_after, V.bos, V.dcap, V.dcap_low
        caps, rule_words = self.caps, self.rule_words
        prev_end = ends[a - 1] if a else -1
        prev = words[a - 1] if a else "\n"
        nxt = starts[a + 1:b + 1]
        if len(nxt) < m:
            nxt.append(-2)
        for f, w, s, e, s1, t in zip(out, W, starts[a:b], ends[a:b], nxt, tags[a:b]):
            if s == prev_end and gb:
                f.append(gb)
            if e == s1 and ga:
                f.append(ga)
            prev_end = e
            c = w[0]
            if c.isupper():
                if bos and prev in _SENTENCE_END:
                    f.append(bos)
                if dcap and caps[w] > 1:
                    f.append(dcap)
            elif dcap_low and c.islower() and w.capitalize() in caps:
                f.append(dcap_low)
            prev = w
            if w in rule_words:
                self._in_rule(f, w, t)
        return out
