"""What every rule produces, and helpers the rule modules share."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterable


@dataclass
class Cand:
    """A candidate fact before overlaps are resolved."""

    kind: str
    start: int
    end: int
    value: str
    fields: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.8
    rule: str = ""
    # the name without its administrative word or head noun ("Nam Giang" of "huyện Nam
    # Giang"), which the story may use alone later (docpass.py); empty where it may not
    short: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def prev_words(text: str, pos: int, n: int = 3) -> list[str]:
    """The n words before pos (nearest last), within the same line."""
    lo = max(0, pos - 60)  # only these 60 characters are read: no line start is looked for before
    line_start = text.rfind("\n", lo, pos) + 1
    return WORD.findall(text[max(line_start, lo):pos])[-n:]


class Ranges:
    """Ranges of a text (an article's content), asked whether one of them holds a span."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted((s, e) for s, e in ranges)
        self.starts = [s for s, _ in ordered]
        # the furthest end of the ranges starting at or before each start
        self.reach = list(accumulate((e for _, e in ordered), max))

    def hold(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.reach[i]


class Taken:
    """The characters of a text covered by the spans kept so far.

    Spans are never empty, so two overlap exactly when they share a character: asking
    costs the length of the span asked about, not the number of spans kept (comparing
    with each kept span made extraction quadratic in the length of the text)."""

    def __init__(self, size: int, spans: Iterable[Cand] = ()) -> None:
        self._cover = bytearray(size)
        for c in spans:
            self.add(c.start, c.end)

    def free(self, start: int, end: int) -> bool:
        return self._cover.find(1, start, end) < 0

    def add(self, start: int, end: int) -> None:
        self._cover[start:end] = b"\x01" * (end - start)
