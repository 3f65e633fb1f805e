"""How the learned spans and the rules' facts make one list of facts.

For the model's kinds (person, organization, location by default):
- a learned span whose confidence (the mean marginal probability of its tokens' labels)
  reaches the threshold of its kind (`Settings.threshold_of`: chosen per kind by the k-fold
  estimate at learning, above 1 for a kind where the model did no better than the rules), and that overlaps no number, date or legal reference, is kept;
- a rule fact it overlaps is replaced by it, except one with exactly its kind and span,
  which stays the rule's fact (its value and fields are the rule's own reading);
- a rule fact no kept span overlaps stays, at a confidence lowered by how sure the model
  is that its tokens are outside any entity, or is dropped when that is the `drop` of its
  kind or more (`Settings.drop_of`, chosen as the threshold is).
Every other kind (numbers, dates, legal references) is the rules' alone, untouched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from pydantic import ValidationError

from ..model import FactBase, validate_fact
from .crf import Reading, Settings, Span

_ACRONYM_END = re.compile(r"\s?\((?P<acr>[A-ZĐ][A-ZĐ0-9&\-]{1,11})\)$")


def merge(text: str, rule_facts: Sequence[FactBase], reading: Reading, settings: Settings,
          extractor: str) -> list[FactBase]:
    if not reading.spans and not reading.rule_o:
        return list(rule_facts)  # the model agreed with the rules everywhere it read
    kinds = set(settings.kinds)
    others = [f for f in rule_facts if f.kind not in kinds]
    ents = [f for f in rule_facts if f.kind in kinds]
    cover = bytearray(len(text))
    for f in others:
        cover[f.start:f.end] = b"\x01" * (f.end - f.start)
    threshold = {k: settings.threshold_of(k) for k in kinds}
    spans = [s for s in reading.spans if s.kind in kinds and s.confidence >= threshold[s.kind]
             and cover.find(1, s.start, s.end) < 0]
    if settings.contest:
        # a learned span that differs from rule spans it overlaps wins only when the model
        # is surer of it than of them
        spans = [s for s in spans if all(
            s.confidence > reading.rule_p.get((f.start, f.end), 0.0) + settings.margin
            for f in ents if f.start < s.end and s.start < f.end
            and (f.kind, f.start, f.end) != (s.kind, s.start, s.end))]
    # overlapping learned spans cannot come out of one window; across windows, keep the surer
    spans.sort(key=lambda s: -s.confidence)
    taken = bytearray(len(text))
    kept: list[Span] = []
    for s in spans:
        if taken.find(1, s.start, s.end) < 0:
            taken[s.start:s.end] = b"\x01" * (s.end - s.start)
            kept.append(s)
    exact = {(s.kind, s.start, s.end): s for s in kept}
    out: list[FactBase] = list(others)
    for f in ents:
        same = exact.pop((f.kind, f.start, f.end), None)
        if same is not None:
            out.append(f)
            continue
        if taken.find(1, f.start, f.end) >= 0:
            continue  # replaced by a learned span
        p_o = reading.rule_o.get((f.start, f.end))
        if p_o is None:
            out.append(f)
        elif p_o < settings.drop_of(f.kind):
            out.append(f.model_copy(update={"confidence": round(f.confidence * (1.0 - p_o), 3)}))
    by_span = {(f.start, f.end): f for f in ents}
    for s in exact.values():
        fact = _learned_fact(text, s, extractor, by_span)
        if fact is not None:
            out.append(fact)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _learned_fact(text: str, s: Span, extractor: str, rule_by_span) -> Optional[FactBase]:
    surface = text[s.start:s.end]
    value = " ".join(surface.split())
    data = {"kind": s.kind, "start": s.start, "end": s.end, "text": surface, "value": value,
            "confidence": round(min(1.0, max(0.0, s.confidence)), 3), "extractor": extractor}
    if s.kind == "organization":
        m = _ACRONYM_END.search(value)
        if m and m.start() > 0:
            data["value"] = value[:m.start()].strip()
            data["acronym"] = m.group("acr")
    elif s.kind == "location":
        data["level"] = _level(value)
    elif s.kind == "person":
        data.update(_person_fields(text, s.start, s.end))
    try:
        return validate_fact(data)
    except ValidationError:
        return None


@lru_cache(maxsize=1)
def _admin_words() -> list[tuple[str, str]]:
    from ..extract.words import ADMIN_WORDS

    return [(w, ADMIN_WORDS[w]) for w in sorted(ADMIN_WORDS, key=len, reverse=True)]


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, list[str]]:
    """The honorifics by their last three characters, longest first."""
    from ..extract.words import HONORIFICS

    out: dict[str, list[str]] = {}
    for h in sorted(HONORIFICS, key=len, reverse=True):
        out.setdefault(h[-3:], []).append(h)
    return out


@lru_cache(maxsize=4096)
def _level(value: str) -> str:
    """A place's level: the gazetteer's, else its administrative word's, else unknown."""
    from ..extract.gazetteer import load

    places = load().places
    if value in places:
        return places[value]
    for word, level in _admin_words():
        if value.startswith(word + " ") or (word.endswith(".") and value.startswith(word)):
            return level
    return ""


def _person_fields(text: str, start: int, end: int) -> dict:
    """The honorific right before a name (`ông`, `PGS.TS`), as the word lists have it."""
    before = text[max(0, start - 40):start]
    honorific = ""
    if before.endswith(" "):
        by_last = _honorifics()
        last = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
        for h in by_last.get(last[-3:], ()):
            if before.endswith(h + " ") and (len(before) == len(h) + 1
                                             or not before[-len(h) - 2].isalnum()):
                honorific = h
                break
    return {"honorific": honorific, "title": ""}
