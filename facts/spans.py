"""A fact's span moved by one word at either end, as the reviewer corrects it by key.

A word is a run of letters and digits (Vietnamese syllables included, with `.`, `,`, `/`
and `-` inside numbers, dates and codes such as `8.900`, `06/12/2024` or `20-NQ/TW`);
what lies between two words (spaces, punctuation) belongs to neither end.
"""
from __future__ import annotations

import re
from typing import Optional

_WORD = re.compile(r"\w+(?:[./,\-]\w+)*")


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def move(text: str, start: int, end: int, edge: str, delta: int) -> Optional[tuple[int, int]]:
    """The span with its `edge` ("start" or "end") moved by one word: delta +1 grows the
    span (end to the right, start to the left), -1 shrinks it. None when it cannot move
    (at the edge of the text, or it would leave no word)."""
    words = _words(text)
    inside = [(s, e) for s, e in words if s < end and e > start]
    if edge == "end" and delta > 0:
        nxt = next(((s, e) for s, e in words if s >= end), None)
        return (start, nxt[1]) if nxt else None
    if edge == "end":
        if len(inside) < 2:
            return None
        return start, inside[-2][1]
    if delta > 0:
        prev = next(((s, e) for s, e in reversed(words) if e <= start), None)
        return (prev[0], end) if prev else None
    if len(inside) < 2:
        return None
    return inside[1][0], end
