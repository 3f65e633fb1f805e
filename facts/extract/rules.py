"""The built-in extractor: rules and word lists, no model, fully offline."""
from __future__ import annotations

import re
from typing import Optional

from ..model import validate_fact
from . import Extraction
from .base import Cand, in_ranges
from .content import analyse, byline_span
from .dates import find_dates
from .entities import EntityFinder
from .gazetteer import load
from .legal import find_legal
from .numeric import find_money, find_percentages, find_quantities

NUMERIC_ORDER = ("legal_reference", "money", "percentage", "date", "quantity")
ENTITY_ORDER = ("organization", "person", "location")


_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask(text: str, content) -> str:
    parts, pos = [], 0
    for s, e in content:
        parts.append(_NOT_NEWLINE.sub(" ", text[pos:s]))
        parts.append(text[s:e])
        pos = e
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(parts)


def _keep_greedy(cands: list[Cand], order: tuple[str, ...], against: list[Cand] = ()) -> list[Cand]:
    """Keep candidates that overlap nothing kept before them: by kind order, then longest."""
    rank = {k: i for i, k in enumerate(order)}
    kept: list[Cand] = list(against)
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (rank[c.kind], -c.length, -c.confidence, c.start)):
        if any(c.overlaps(k) for k in kept):
            continue
        kept.append(c)
        out.append(c)
    return out


def _keep_entities(cands: list[Cand]) -> list[Cand]:
    """Flat entities: the longest span wins; on a tie organisation, person, location."""
    rank = {k: i for i, k in enumerate(ENTITY_ORDER)}
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.length, rank[c.kind], -c.confidence, c.start)):
        if any(c.overlaps(k) for k in kept):
            continue
        kept.append(c)
    return kept


class RuleExtractor:
    name = "rules"
    version = "1"

    def __init__(self) -> None:
        self.entities = EntityFinder(load())

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"

    def extract(self, text: str, metadata: Optional[dict] = None) -> Extraction:
        page = analyse(text)
        meta = {"title": page.title, "published": page.published, "source": page.source,
                "author": page.author}
        published = (metadata or {}).get("published") or page.published
        year = int(published[:4]) if published and published[:4].isdigit() else None
        content = page.content
        inside = lambda cs: [c for c in cs if in_ranges(c.start, c.end, content)]  # noqa: E731
        # Rules read only the story: furniture is blanked (offsets unchanged), which
        # also keeps a match from straddling the edge of the content.
        text = _mask(text, content)

        numeric = inside(find_legal(text) + find_money(text) + find_percentages(text)
                         + find_dates(text, year))
        numeric = _keep_greedy(numeric, NUMERIC_ORDER[:-1])
        ef = self.entities
        orgs = ef.organisations(text) + ef.outlets(text)
        defined = {c.fields["acronym"]: c.value for c in orgs if c.fields.get("acronym")}
        orgs += ef.acronyms(text, defined)
        people = ef.people(text)
        by = byline_span(text, content)
        if by:
            people.append(Cand("person", by[0], by[1], text[by[0]:by[1]],
                               {"title": "", "honorific": ""}, 0.7, "person.byline"))
        ents = inside(orgs + people + ef.places(text))
        # Entities never sit inside a number, a date or a legal reference.
        ents = [e for e in ents if not any(e.overlaps(n) for n in numeric)]
        ents = [e for e in _keep_entities(ents) if e.rule != "org.generic"]
        for e in ents:
            if e.kind in ("person", "organization", "location"):
                e.value = " ".join(e.value.split())
        ents = self._propagate_people(text, content, ents)
        quantities = inside(find_quantities(text))
        quantities = _keep_greedy(quantities, ("quantity",), against=numeric + ents)
        facts = []
        for c in sorted(numeric + ents + quantities, key=lambda c: (c.start, c.end)):
            facts.append(validate_fact({
                "kind": c.kind, "start": c.start, "end": c.end, "text": text[c.start:c.end],
                "value": c.value, **c.fields, "confidence": c.confidence,
                "extractor": f"{self.name}/{c.rule}@{self.version}",
            }))
        return Extraction(facts=facts, content=content, metadata=meta)

    def _propagate_people(self, text: str, content, ents: list[Cand]) -> list[Cand]:
        """A name found once is a person wherever else it appears in the story."""
        names = {c.value: c for c in ents if c.kind == "person" and " " in c.value}
        extra = []
        for name, first in names.items():
            i = text.find(name)
            while i >= 0:
                s, e = i, i + len(name)
                i = text.find(name, e)
                if (s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                    continue
                cand = Cand("person", s, e, name,
                            {"title": self.entities._title_after(text, e), "honorific": ""},
                            0.75, "person.repeat")
                if not in_ranges(cand.start, cand.end, content):
                    continue
                if any(cand.overlaps(e) for e in ents + extra):
                    continue
                extra.append(cand)
        return ents + extra
