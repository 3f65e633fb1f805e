"""Fast matching of word lists: names are found by their first word, then compared whole.

A regex alternation of hundreds of names tries every name at every position;
this looks up only the names that begin with the word found there.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress, count
from operator import itemgetter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

TOKEN = re.compile(r"[^\W_]+\+?|[^\W\d_]\.(?:[^\W\d_]\.?)+")
# The text cut into gap, token, gap, token, ..., gap in one call: a quarter faster than a
# match object for each token.
_SPLIT = re.compile(f"({TOKEN.pattern})")


@dataclass(slots=True)
class Tok:
    s: int
    e: int
    w: str


class TokenIndex:
    """Every token of one text, found once: parallel lists, objects made on demand."""

    def __init__(self, text: str):
        self.text = text
        parts = _SPLIT.split(text)
        at = list(accumulate(map(len, parts), initial=0))  # where each part begins
        self.starts = at[1:-1:2]
        self.ends = at[2::2]
        self.words = parts[1::2]
        self._caps: list[int] | None = None
        self._cap_words: list[str] | None = None
        self._cap_lower: list[str] | None = None
        self._lower: list[str] | None = None
        self._hits: list[int] | None = None
        self._hit_words: list[str] = []
        self._hits_version = -1

    @property
    def list_hits(self) -> list[int]:
        """Indices of the tokens that are the first word of a name of any list registered
        with register_first_words (made once per text, on demand: one pass over the tokens
        for all the case-sensitive lists that are not of capitalised names only)."""
        if self._hits is None or self._hits_version != _FIRST_WORDS_VERSION[0]:
            keys = _FIRST_WORDS
            self._hits = list(compress(count(), map(keys.__contains__, self.words)))
            self._hit_words = list(map(self.words.__getitem__, self._hits))
            self._hits_version = _FIRST_WORDS_VERSION[0]
        return self._hits

    @property
    def list_hit_words(self) -> list[str]:
        """The tokens at `list_hits`, in order."""
        self.list_hits
        return self._hit_words

    @property
    def lower_words(self) -> list[str]:
        """Every token lowercased (made once, on demand)."""
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        return self._lower

    @property
    def caps(self) -> list[int]:
        """Indices of tokens that begin with a capital letter."""
        if self._caps is None:
            # (iterated in C: a comprehension here cost as much as a list's whole look-up)
            self._caps = list(compress(count(), map(str.isupper, map(_FIRST, self.words))))
        return self._caps

    @property
    def cap_words(self) -> list[str]:
        """The tokens at `caps`, in order."""
        if self._cap_words is None:
            caps = self.caps
            self._cap_words = [self.words[i] for i in caps] if caps else []
        return self._cap_words

    @property
    def cap_lower(self) -> list[str]:
        """The tokens at `caps`, lowercased."""
        if self._cap_lower is None:
            self._cap_lower = [w.lower() for w in self.cap_words]
        return self._cap_lower

    def after(self, pos: int, limit: int = 30) -> list[tuple[Tok, str]]:
        """Tokens from pos on the same line, with the gap before each."""
        text = self.text
        starts, ends, words = self.starts, self.ends, self.words
        i = bisect_left(starts, pos)
        stop = min(i + limit, len(starts))
        if i >= stop:
            return []
        # The end of the line, looked for no further than the last token asked for: on
        # a long line, looking to its end at every call would be quadratic.
        end = text.find("\n", pos, ends[stop - 1])
        end = ends[stop - 1] if end < 0 else end
        out, p = [], pos
        while i < stop:
            s, e = starts[i], ends[i]
            if e > end:
                break
            out.append((Tok(s, e, words[i]), text[p:s]))
            p = e
            i += 1
        return out


_FIRST = itemgetter(0)
_FIRST_WORDS: set[str] = set()
_FIRST_WORDS_VERSION = [0]


def register_first_words(words) -> None:
    """Words a caller will look for among the tokens (TokenIndex.list_hits)."""
    new = set(words) - _FIRST_WORDS
    if new:
        _FIRST_WORDS.update(new)
        _FIRST_WORDS_VERSION[0] += 1


_cache: list[TokenIndex] = []


def index(text: str) -> TokenIndex:
    """The token index of `text`, kept for the text most recently asked about."""
    if _cache and _cache[0].text is text:
        return _cache[0]
    idx = TokenIndex(text)
    _cache[:] = [idx]
    return idx


@dataclass(slots=True)
class LexMatch:
    s: int
    e: int
    surface: str

    def group(self, _g=0) -> str:
        return self.surface

    def start(self, _g=0) -> int:
        return self.s

    def end(self, _g=0) -> int:
        return self.e


def _word_before_ok(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _word_after_ok(text: str, pos: int) -> bool:
    return pos >= len(text) or not (text[pos].isalnum() or text[pos] == "_")


class Lexicon:
    def __init__(
        self,
        names: Iterable[str],
        ignore_case: bool = False,
        before_ok: Callable[[str, int], bool] = _word_before_ok,
        after_ok: Callable[[str, int], bool] = _word_after_ok,
        capitalised_only: bool = False,
    ):
        """`capitalised_only`: match only where the text has a capital letter (a case-blind
        list of proper names); lists whose names all start with one get this anyway."""
        names = list(names)
        self.ignore_case = ignore_case
        self.before_ok = before_ok
        self.after_ok = after_ok
        by_first: dict[str, list[str]] = {}
        for name in set(names):
            m = TOKEN.match(name)
            if not m:
                continue
            key = m.group().lower() if ignore_case else m.group()
            by_first.setdefault(key, []).append(name.lower() if ignore_case else name)
        self.by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}
        # Most lists hold capitalised names only: then only capitalised tokens are looked at.
        self.capitalised = capitalised_only or all(n[:1].isupper() for n in names)
        if not self.capitalised and not ignore_case:
            register_first_words(self.by_first)

    def _at(self, text: str, pos: int, word: str) -> Optional[LexMatch]:
        cands = self.by_first.get(word.lower() if self.ignore_case else word)
        if not cands:
            return None
        for name in cands:
            end = pos + len(name)
            piece = text[pos:end]
            if (piece.lower() if self.ignore_case else piece) == name and self.after_ok(text, end):
                return LexMatch(pos, end, piece)
        return None

    def match(self, text: str, pos: int) -> Optional[LexMatch]:
        m = TOKEN.match(text, pos)
        if not m or not self.before_ok(text, pos):
            return None
        return self._at(text, pos, m.group())

    def fullmatch(self, text: str, start: int, end: int) -> bool:
        m = self.match(text, start)
        return bool(m) and m.e == end

    def finditer(self, text: str) -> Iterator[LexMatch]:
        """Non-overlapping matches, leftmost-longest."""
        last_end = 0
        keys = self.by_first
        idx = index(text)
        words, starts = idx.words, idx.starts
        # The tokens that begin a name, picked out in C (a loop in Python over every token,
        # per list, cost more than all the rest of the look-up).
        if self.capitalised:
            hits = compress(idx.caps, map(keys.__contains__,
                                          idx.cap_lower if self.ignore_case else idx.cap_words))
        elif self.ignore_case:
            hits = compress(count(), map(keys.__contains__, idx.lower_words))
        else:
            # the tokens that begin a name of any list, found once per text, then this list's
            hits = compress(idx.list_hits, map(keys.__contains__, idx.list_hit_words))
        for i in hits:
            w = words[i]
            s = starts[i]
            if s < last_end or not self.before_ok(text, s):
                continue
            m = self._at(text, s, w)
            if m:
                last_end = m.e
                yield m

