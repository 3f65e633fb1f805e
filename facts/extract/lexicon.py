"""Fast matching of word lists: names are found by their first word, then compared whole.

A regex alternation of hundreds of names tries every name at every position;
this looks up only the names that begin with the word found there.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

TOKEN = re.compile(r"[^\W_]+\+?|[^\W\d_]\.(?:[^\W\d_]\.?)+")


@dataclass(slots=True)
class Tok:
    s: int
    e: int
    w: str


class TokenIndex:
    """Every token of one text, found once."""

    def __init__(self, text: str):
        self.text = text
        spans = [m.span() for m in TOKEN.finditer(text)]
        self.toks = [Tok(s, e, text[s:e]) for s, e in spans]
        self.starts = [s for s, _ in spans]
        self._lower: list[str] | None = None
        self._where: dict[bool, dict[str, list[int]]] = {}

    def where(self, lower: bool) -> dict[str, list[int]]:
        """Token positions by word (or by lowercased word)."""
        if lower not in self._where:
            d: dict[str, list[int]] = {}
            words = self.lower if lower else [t.w for t in self.toks]
            for i, w in enumerate(words):
                d.setdefault(w, []).append(i)
            self._where[lower] = d
        return self._where[lower]

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = [t.w.lower() for t in self.toks]
        return self._lower

    def after(self, pos: int, limit: int = 30) -> list[tuple[Tok, str]]:
        """Tokens from pos on the same line, with the gap before each."""
        text = self.text
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        i = bisect_left(self.starts, pos)
        out, p = [], pos
        toks = self.toks
        while i < len(toks) and len(out) < limit:
            t = toks[i]
            if t.e > end:
                break
            out.append((t, text[p:t.s]))
            p = t.e
            i += 1
        return out


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
    ):
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
        lower = self.ignore_case
        idx = index(text)
        where = idx.where(lower)
        if len(keys) < len(where):
            hits = [i for k in keys if k in where for i in where[k]]
        else:
            hits = [i for w, pos in where.items() if w in keys for i in pos]
        hits.sort()
        for i in hits:
            t = idx.toks[i]
            if t.s < last_end or not self.before_ok(text, t.s):
                continue
            m = self._at(text, t.s, t.w)
            if m:
                last_end = m.e
                yield m
