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
from itertools import accumulate, chain, compress, count, product, repeat, starmap
from operator import and_, eq, getitem, gt, itemgetter, not_, or_, sub
from typing import Iterable, Optional, Sequence

# A token: a run of letters and digits, a line end, or one other character; as a group, to
# split a text at them (what is between is spaces).
_TOKENS = re.compile(r"([^\W_]+|\n|\S)")
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
    # organisation heads and titles of more than one syllable ("Trung tâm", "Bộ trưởng"), by
    # their first syllable as a text may write it (lower case, capitalised, upper case): the
    # syllables of each, lowercase
    phrases: dict


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
    organisation head nouns, administrative words, the place gazetteer, known organisations,
    and the heads and titles of several syllables as phrases (facts.extract.words and
    facts.extract.gazetteer, read, never copied)."""
    from ..extract import words as W
    from ..extract.gazetteer import load

    gaz = load()
    t0, ta = _syllables(W.TITLES)
    h0, _ = _syllables(W.HONORIFICS)
    o0, oa = _syllables(W.ORG_HEADS)
    a0, _ = _syllables(W.ADMIN_WORDS)
    p0, pa = _syllables(gaz.places, lower=False)
    _, ga = _syllables(gaz.orgs)
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for name in (*W.ORG_HEADS, *W.TITLES):
        ws = tuple(_WORD_SPLIT.findall(name.lower()))
        if len(ws) > 1:
            for first in (ws[0], ws[0].capitalize(), ws[0].upper()):
                phrases.setdefault(first, set()).add(ws)
    return _Lists(
        surnames=frozenset(gaz.surnames), title_first=frozenset(t0), title_any=frozenset(ta),
        hon_first=frozenset(h0), head_first=frozenset(o0), head_any=frozenset(oa),
        admin_first=frozenset(a0), place_first=frozenset(p0), place_any=frozenset(pa),
        org_any=frozenset(ga), generic=frozenset(w.lower() for w in W.GENERIC_BEFORE),
        trail_stop=frozenset(w.lower() for w in W.TRAIL_STOP),
        common=frozenset(x for ws in (W.ORG_STOP, W.UNIT_STOP, W.TRAIL_STOP, W.APPROX_WORDS,
                                      W.GENERIC_BEFORE)
                         for w in ws for x in _WORD_SPLIT.findall(w.lower())),
        phrases=phrases,
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


def context_features(w: str) -> tuple[list[str], ...]:
    """What a token says to its neighbours: as the one two before; as the one before, with
    its shape; as the one after, with its shape; as the one two after."""
    low = w.lower() if w != "\n" else "<nl>"
    sh = shape(w)
    return ["-2=" + low], ["-1=" + low, "-1s=" + sh], ["+1=" + low, "+1s=" + sh], ["+2=" + low]


_EDGE = (["-2=<s>"], ["-1=<s>", "-1s=<s>"], ["+1=</s>", "+1s=</s>"], ["+2=</s>"])


class Vocab:
    """Feature strings as crfsuite reads them (UTF-8 bytes), cached per syllable. A vocab
    made for a model keeps only the features the model knows: the others weigh nothing,
    and passing them would cost the tagger a look-up each."""

    def __init__(self, kinds: Sequence[str], known: Optional[set[bytes]] = None):
        self.known = known
        self._own: dict[str, list[bytes]] = {}
        self._ctx: dict[str, tuple[tuple[bytes, ...], ...]] = {}
        names = label_names(tuple(kinds))
        # the rules' tags on a token and its neighbours, by their codes (features.Doc.rule_tags,
        # -1 past an edge): rules[before][here][after]
        before, after = [*names, "<s>"], [*names, "</s>"]
        self.rules = [[[self._keep(["r=" + x, "r-1=" + p, "r+1=" + q]) for q in after]
                       for x in names] for p in before]
        self.name_b = [self._one("dB=" + k) for k in kinds]
        self.name_i = [self._one("dI=" + k) for k in kinds]
        self.bos, self.glued_before, self.glued_after = (
            self._one("bos"), self._one("glued-"), self._one("glued+"))
        self.dcap, self.dcap_low = self._one("dcap"), self._one("dcap-low")
        self.low_pair = self._one("low-pair")
        # the features of a token at its place (Featurizer._occurrence) by their code: glued
        # to the token before 1, to the one after 2, at a sentence's start 4, capitalised
        # elsewhere in the text 8, in lower case but capitalised elsewhere 16
        flags = (self.glued_before, self.glued_after, self.bos, self.dcap, self.dcap_low)
        self.occurrence = [tuple(f for bit, f in enumerate(flags) if code >> bit & 1 and f)
                           for code in range(1 << len(flags))]

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

    def ctx(self, w: Optional[str]) -> tuple[tuple[bytes, ...], ...]:
        """What a token says to its neighbours (None: an edge of the document)."""
        c = self._ctx.get(w)
        if c is None:
            if len(self._ctx) > _CACHE_LIMIT:
                self._ctx.clear()
            c = self._ctx[w] = (tuple(map(self._keep, context_features(w))) if w is not None
                                else tuple(map(self._keep, _EDGE)))
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
    names: dict = field(default_factory=dict)  # rule spans' syllables -> {kind index: spans}

    @property
    def n(self) -> int:
        return len(self.words)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Tokens [i, j) that overlap the characters start..end (possibly none)."""
        i = bisect_left(self.ends, start + 1)
        j = bisect_left(self.starts, end)
        return i, max(i, j)


# A capitalised token: a run of letters and digits whose first is an upper-case letter (what
# _TOKENS finds as a word with w[0].isupper()); as a group, to split a text at them.
_UPPER = "".join(c for c in map(chr, range(0x10000)) if c.isupper())
# (The look-behind comes after the capital letter, which lets the regex engine skip ahead
# to the next capital letter instead of trying every position.)
_CAPITAL = re.compile(rf"([{_UPPER}](?<![^\W_].)[^\W_]*)")
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
    starts, stops, capitals = _capitals(text, ranges)
    doc = Doc(text, [], [], [], kinds, caps=Counter(capitals))
    doc.names = _names(text, rule_spans, kinds)
    in_rules = bytearray(n_text)  # characters inside a rule span of the model's kinds
    for _, s, e in rule_spans:
        in_rules[s:e] = b"\x01" * (e - s)
    in_other = bytearray(n_text)  # inside another fact of the rules
    for s, e in other_spans:
        in_other[s:e] = b"\x01" * (e - s)
    if mode == "all":
        seeds = [(a, b) for a, b in zip(starts, stops) if not in_other[a]]
        seeds += [(s, e) for _, s, e in rule_spans]
    else:
        seeds = _uncovered(text, ranges, starts, stops, capitals, in_rules, in_other, ordinary)
    seeds += [(int(s), int(e)) for s, e in extra]
    if seeds:
        _tokenize(doc, _regions(text, ranges, sorted(seeds), in_rules, before, after))
    doc.breaks = list(compress(count(), map("\n".__eq__, doc.words)))
    doc.rule_tags, doc.rule_runs = _tags_of(doc, rule_spans)
    marks: set[int] = set()
    token_starts, ends = doc.starts, doc.ends
    n = doc.n
    for a, b in seeds:
        i = bisect_left(token_starts, a)
        if i < n and token_starts[i] == a and ends[i] == b:
            marks.add(i)  # a seed of one token, as most are
        else:
            i, j = doc.covering(a, b)
            marks.update(range(i, j))
    doc.seeds = sorted(marks)
    return doc


def _capitals(text: str, ranges) -> tuple[list[int], list[int], list[str]]:
    """The capitalised tokens of the content ranges: where each starts, where it ends, and
    the tokens."""
    starts: list[int] = []
    stops: list[int] = []
    words: list[str] = []
    for s, e in ranges:
        parts = _CAPITAL.split(text[s:e])  # text, capitalised, text, …, text
        at = list(accumulate(map(len, parts), initial=s))
        starts += at[1:-1:2]
        stops += at[2::2]
        words += parts[1::2]
    return starts, stops, words


def _uncovered(text: str, ranges, starts: list[int], stops: list[int], words: list[str],
               in_rules: bytearray, in_other: bytearray, ordinary: frozenset = frozenset(),
               ) -> list[tuple[int, int]]:
    """The capitalised tokens the rules left unexplained that may start or be a name, as
    character spans: an organisation's head always; never a title ("Thủ tướng", "Phó Chủ
    tịch"); not an ordinary word at a sentence's start ("Tuy nhiên", "Theo": a name right
    after it is a candidate of its own, whose window reads this word), nor one capitalised
    ordinary syllable alone among lower-case words."""
    common = lists().common
    roles = _ROLES
    out = []
    k, lo = 0, ranges[0][0]
    last = len(text) - 1
    multi = len(ranges) > 1
    nxt = [*starts[1:], len(text) + _NEAR]
    prev = [-_NEAR - 1, *stops[:-1]]
    ordinary_here: dict[str, bool] = {}
    # inside any fact of the rules (most capitals): skipped at C speed
    covered = (int.from_bytes(in_rules, "little") | int.from_bytes(in_other, "little")
               ).to_bytes(len(in_rules), "little")
    rows = compress(zip(starts, stops, words, nxt, prev), map(not_, map(covered.__getitem__, starts)))
    for a, b, w, after, prev_end in rows:
        role = roles.get(w)
        if role is None:
            role = _role(w)
        if role:
            if role == _HEAD:
                out.append((a, b))
            continue
        if multi:
            while k + 1 < len(ranges) and ranges[k + 1][0] <= a:
                k += 1
                lo = ranges[k][0]
        j = a - 1
        c = text[j] if j >= lo else "\n"
        while c in _SPACE:
            j -= 1
            c = text[j] if j >= lo else "\n"
        if c in _SENTENCE_END:
            is_plain = ordinary_here.get(w)
            if is_plain is None:
                low = w.lower()
                is_plain = ordinary_here[w] = (low in common or low in ordinary
                                               or (" " + low + " ") in text)
            if is_plain:
                continue
        elif (after - b > _NEAR and a - prev_end > _NEAR and b < last and text[b] == " "
              and text[b + 1].islower() and not w.isascii()):
            low = w.lower()
            if low in ordinary or (" " + low + " ") in text:
                continue  # one capitalised ordinary syllable among lower-case words
        out.append((a, b))
    return out


@lru_cache(maxsize=1)
def _heads() -> frozenset:
    """The first syllables of organisation heads as a text may write them (lower case,
    capitalised, upper case)."""
    return frozenset(x for w in lists().head_first for x in (w, w.capitalize(), w.upper()))


_HEAD, _TITLE = 1, 2
_ROLES: dict[str, int] = {}


def _role(w: str) -> int:
    """Whether a capitalised syllable is the first of an organisation head (_HEAD), else of a
    title (_TITLE), else neither (0)."""
    role = _ROLES.get(w)
    if role is None:
        if len(_ROLES) > _CACHE_LIMIT:
            _ROLES.clear()
        low = w.lower()
        L = lists()
        role = _ROLES[w] = (_HEAD if low in L.head_first else _TITLE if low in L.title_first
                            else 0)
    return role


def _names(text: str, rule_spans, kinds) -> dict[tuple[str, ...], dict[int, int]]:
    """The rule spans of the model's kinds as their syllables, with how many spans of each
    kind (by index) read so."""
    code = {k: i for i, k in enumerate(kinds)}
    out: dict[tuple[str, ...], dict[int, int]] = {}
    for kind, s, e in rule_spans:
        k = code.get(kind)
        if k is not None:
            counts = out.setdefault(tuple(_TOKEN.findall(text, s, e)), {})
            counts[k] = counts.get(k, 0) + 1
    return out


def _regions(text: str, ranges, seeds, in_rules: bytearray, before: int, after: int,
             ) -> list[tuple[int, int]]:
    """Character regions around the seeds (sorted), inside the content range of each,
    taking in whole any rule span they cut, edges moved out to whitespace, merged."""
    pad_b = _CHARS_PER_TOKEN * before + 2  # then out to a space: the token before too
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
        x = a - pad_b if a - pad_b > lo else lo
        y = b + pad_a if b + pad_a < hi else hi
        if in_rules[x]:  # a rule span cut: all of it, and the margin before it
            x = in_rules.rfind(0, lo, x) + 1 - pad_b
            if x < lo:
                x = lo
        if y < hi and in_rules[y]:
            y = in_rules.find(0, y, hi)
            y = hi if y < 0 or y + pad_a > hi else y + pad_a
        if x > lo:
            x = text.rfind(" ", lo, x + 1)
            if x < lo:
                x = lo
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
        parts = _TOKENS.split(text[x:y])  # spaces, token, spaces, …, token, spaces
        at = list(accumulate(map(len, parts), initial=x))
        starts += at[1:-1:2]
        ends += at[2::2]
        words += parts[1::2]


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
    heads = _heads()
    for i in cand:
        a, b = i - before, i + after + 1
        if after > 1 and i + 1 < n and words[i + 1] in stop:
            b = i + 2  # a name does not run on past an ordinary word ("đã", "của")
        elif after > 1 and i + 1 < n and words[i + 1].islower() and words[i] not in heads:
            b = i + 2  # nor, but for an organisation's head ("Bộ Y tế"), past a lower-case one
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
        self.matches, self.repeated = self._name_matches()
        self._pairs: dict[tuple[str, str], bool] = {}  # low-pair, by (syllable, next)
        self._seeds = set(doc.seeds)
        self._twice = {w for w, c in doc.caps.items() if c > 1}  # capitalised more than once

    def _name_matches(self) -> tuple[dict[int, list[bytes]], list[tuple[int, int]]]:
        """Where tokens read as a rule span of a kind elsewhere in the document (a text names
        a person, a place, an organisation the same way again, and the rules do not always
        see it), but for where the lists read an organisation head or a title ("Trung tâm"
        is no person Trung): {token: features}, dB=kind on the first token, dI=kind on the
        others. And the rule spans that are such a repeat themselves (token ranges)."""
        doc = self.doc
        V = self.vocab
        by_first: dict[str, list] = {}
        for ws, counts in doc.names.items():
            by_first.setdefault(ws[0], []).append((ws, counts))
        phrases = lists().phrases
        words, tags = doc.words, doc.rule_tags
        n = doc.n
        out: dict[int, list[bytes]] = {}
        repeated: list[tuple[int, int]] = []
        for i in compress(count(), map(by_first.__contains__, words)):
            if _phrase_at(words, i, phrases):
                continue
            for ws, counts in by_first[words[i]]:
                j = i + len(ws)
                if j > n or tuple(words[i:j]) != ws:
                    continue
                for k, spans in counts.items():
                    here = tags[i] == 2 * k + 1 and (j == n or tags[j] != 2 * k + 2)
                    if spans - here <= 0:
                        continue
                    if here:
                        repeated.append((i, j))
                    if V.name_b[k]:
                        out.setdefault(i, []).append(V.name_b[k])
                    if V.name_i[k]:
                        for x in range(i + 1, j):
                            out.setdefault(x, []).append(V.name_i[k])
        return out, repeated

    def windows(self, spans: Sequence[tuple[int, int]], rule_tags: Optional[list[int]] = None,
                ) -> list[list[list[bytes]]]:
        """The feature lists of the tokens of each window (a, b), all built at once: a
        column per feature group (each a C-level pass over cached tuples), joined in one
        comprehension, then cut into windows. `rule_tags` stand for the rules' tags in the
        rule features (training reads some windows as if the rules had missed a span)."""
        if not spans:
            return []
        doc = self.doc
        V = self.vocab
        tags = doc.rule_tags if rule_tags is None else rule_tags
        idx = list(chain.from_iterable(starmap(range, spans)))
        W = list(map(doc.words.__getitem__, idx))
        own = list(map(V._own.get, W))
        if None in own:
            own = list(map(V.own, W))
        near = [None, None, *doc.words, None, None]  # token i's neighbour d away: near[i + 2 + d]
        before = self._context(map(near[1:].__getitem__, idx))
        after = self._context(map(near[3:].__getitem__, idx))
        padded = [-1, *tags, -1]
        tp = list(map(padded.__getitem__, idx))
        t0 = list(map(tags.__getitem__, idx))
        tn = list(map(padded[2:].__getitem__, idx))
        occ = self._occurrence(idx, W)
        R = V.rules
        if self.context > 1:
            two_before = self._context(map(near.__getitem__, idx))
            two_after = self._context(map(near[4:].__getitem__, idx))
            out = [[*o, *b2[0], *b1[1], *a1[2], *a2[3], *R[p][t][q], *x]
                   for o, b2, b1, a1, a2, p, t, q, x in zip(
                       own, two_before, before, after, two_after, tp, t0, tn, occ)]
        else:
            out = [[*o, *b1[1], *a1[2], *R[p][t][q], *x]
                   for o, b1, a1, p, t, q, x in zip(own, before, after, tp, t0, tn, occ)]
        for i, feats in self.matches.items():
            k = bisect_left(idx, i)
            if k < len(idx) and idx[k] == i:
                out[k] += feats
        if V.low_pair:
            self._low_pairs(idx, W, out)
        cuts = list(accumulate(b - a for a, b in spans))
        return [out[x - (b - a):x] for x, (a, b) in zip(cuts, spans)]

    def _context(self, neighbours: Iterable[Optional[str]]) -> list[tuple]:
        """What each neighbour says (Vocab.ctx; None: an edge of the document)."""
        V = self.vocab
        words = list(neighbours)
        ctx = list(map(V._ctx.get, words))
        if None in ctx:
            ctx = list(map(V.ctx, words))
        return ctx

    def _occurrence(self, idx: list[int], W: list[str]) -> list[tuple[bytes, ...]]:
        """The features of the tokens idx (W) at their place (Vocab.occurrence): glued to the
        token before or after (TP.HCM, Covid-19), at a sentence's start, the syllable
        capitalised elsewhere in the text (or, in lower case, capitalised there)."""
        doc = self.doc
        words, starts, ends = doc.words, doc.starts, doc.ends
        end_before, start_after = [-1, *ends], [*starts[1:], -2]
        word_before = ["\n", *words]
        caps, twice = doc.caps, self._twice
        table = self.vocab.occurrence
        out = []
        for i, w in zip(idx, W):
            code = (starts[i] == end_before[i]) | (ends[i] == start_after[i]) << 1
            c = w[0]
            if c.isupper():
                if word_before[i] in _SENTENCE_END:
                    code |= 4
                if w in twice:
                    code |= 8
            elif c.islower() and w.capitalize() in caps:
                code |= 16
            out.append(table[code])
        return out

    def _low_pairs(self, idx: list[int], W: list[str], out: list[list[bytes]]) -> None:
        """low-pair on a capitalised seed that with the next syllable reads as a phrase the
        text also has in lower case ("Khoa học", "Trung tâm"): words, not a name."""
        doc = self.doc
        text, seen, feat = doc.text, self._pairs, self.vocab.low_pair
        words, n = doc.words, doc.n
        for k in compress(count(), map(self._seeds.__contains__, idx)):
            w, i = W[k], idx[k]
            if w[0].isupper() and i + 1 < n and words[i + 1].islower():
                pair = (w, words[i + 1])
                hit = seen.get(pair)
                if hit is None:
                    hit = seen[pair] = (w.lower() + " " + pair[1]) in text
                if hit:
                    out[k].append(feat)


def _phrase_at(words: list[str], i: int, phrases: dict) -> bool:
    """Whether an organisation head or a title of several syllables starts at token i."""
    for ws in phrases.get(words[i], ()):
        j = i + len(ws)
        if j <= len(words) and all(w.lower() == x for w, x in zip(words[i + 1:j], ws[1:])):
            return True
    return False
