"""What every rule produces, and helpers the rule modules share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


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

    def overlaps(self, other: "Cand") -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def prev_words(text: str, pos: int, n: int = 3) -> list[str]:
    """The n words before pos (nearest last), within the same line."""
    line_start = text.rfind("\n", 0, pos) + 1
    return WORD.findall(text[max(line_start, pos - 60):pos])[-n:]


def in_ranges(start: int, end: int, ranges) -> bool:
    return any(s <= start and end <= e for s, e in ranges)
