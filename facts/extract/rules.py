"""The built-in extractor: rules and word lists, no model, fully offline."""
from __future__ import annotations

import re
from itertools import accumulate, compress, count
from typing import Optional

from ..model import validate_fact
from . import Extraction
from .base import Cand, Ranges, Taken
from .content import analyse, byline_span
from .dates import find_dates
from .docpass import DocPass
from .entities import EntityFinder
from .gazetteer import load
from .legal import find_legal
from .numeric import find_money, find_percentages, find_quantities
from .words import HONORIFICS, KINSHIP, NAME_WORDS, OCCUPATIONS, ORG_HEADS, TITLES, pairs

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


def _keep_greedy(cands: list[Cand], order: tuple[str, ...], size: int,
                 against: list[Cand] = ()) -> list[Cand]:
    """Keep candidates that overlap nothing kept before them: by kind order, then longest.
    `size` is the length of the text."""
    rank = {k: i for i, k in enumerate(order)}
    taken = Taken(size, against)
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: (rank[c.kind], -c.length, -c.confidence, c.start)):
        if taken.free(c.start, c.end):
            taken.add(c.start, c.end)
            out.append(c)
    return out


def _keep_entities(cands: list[Cand], size: int) -> list[Cand]:
    """Flat entities: the longest span wins; on a tie organisation, person, location."""
    rank = {k: i for i, k in enumerate(ENTITY_ORDER)}
    taken = Taken(size)
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.length, rank[c.kind], -c.confidence, c.start)):
        if taken.free(c.start, c.end):
            taken.add(c.start, c.end)
            kept.append(c)
    return kept


class RuleExtractor:
    name = "rules"
    version = "1"

    def __init__(self) -> None:
        gaz = load()
        self.entities = EntityFinder(gaz)
        self.docpass = DocPass(gaz.surnames, HONORIFICS + KINSHIP + OCCUPATIONS + TITLES,
                               is_place=gaz.places.__contains__,
                               words=NAME_WORDS | pairs(TITLES + HONORIFICS + OCCUPATIONS + ORG_HEADS))

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
        story = Ranges(content)
        inside = lambda cs: [c for c in cs if story.hold(c.start, c.end)]  # noqa: E731
        # Rules read only the story: furniture is blanked (offsets unchanged), which
        # also keeps a match from straddling the edge of the content.
        text = _mask(text, content)

        numeric = inside(find_legal(text) + find_money(text) + find_percentages(text)
                         + find_dates(text, year))
        numeric = _keep_greedy(numeric, NUMERIC_ORDER[:-1], len(text))
        ef = self.entities
        orgs = ef.organisations(text) + ef.outlets(text)
        defined = {c.fields["acronym"]: c.value for c in orgs if c.fields.get("acronym")}
        defined.update(ef.tickers(text))
        defined.update(ef.company_codes(orgs))
        orgs += ef.acronyms(text, defined)
        people = ef.people(text)
        by = byline_span(text, content)
        if by:
            people.append(Cand("person", by[0], by[1], text[by[0]:by[1]],
                               {"title": "", "honorific": ""}, 0.7, "person.byline"))
        places = ef.places(text) + ef.features(text)
        # A street named after a person is a place there (FACTS.md v2).
        streets = {(c.start, c.end) for c in places if c.rule == "location.street"}
        people = [p for p in people if (p.start, p.end) not in streets]
        orgs = [o for o in orgs if (o.start, o.end) not in streets]
        ents = inside(orgs + people + places)
        # Entities never sit inside a number, a date or a legal reference.
        taken = Taken(len(text), numeric)
        ents = [e for e in ents if taken.free(e.start, e.end)]
        ents = [e for e in _keep_entities(ents, len(text)) if e.rule != "org.generic"]
        for e in ents:
            if e.kind in ("person", "organization", "location"):
                e.value = " ".join(e.value.split())
        ents = self._propagate_people(text, story, ents)
        ents += self.docpass.extra(text, story, ents, numeric,
                                   [c for c in places if c.rule in ("location.admin", "location.zone")])
        listed = ef.place_lists(text, ents, Taken(len(text), ents + numeric))
        ents += [c for c in listed if story.hold(c.start, c.end)]
        quantities = inside(find_quantities(text))
        quantities = _keep_greedy(quantities, ("quantity",), len(text), against=numeric + ents)
        facts = []
        for c in sorted(numeric + ents + quantities, key=lambda c: (c.start, c.end)):
            facts.append(validate_fact({
                "kind": c.kind, "start": c.start, "end": c.end, "text": text[c.start:c.end],
                "value": c.value, **c.fields, "confidence": c.confidence,
                "extractor": f"{self.name}/{c.rule}@{self.version}",
            }))
        return Extraction(facts=facts, content=content, metadata=meta)

    def _propagate_people(self, text: str, story: Ranges, ents: list[Cand]) -> list[Cand]:
        """A name found once is a person wherever else it appears in the story."""
        names = list(dict.fromkeys(c.value for c in ents if c.kind == "person" and " " in c.value))
        found = _find_whole(text, names)
        taken = Taken(len(text), ents)
        extra = []
        for name in names:
            for s in found[name]:
                e = s + len(name)
                if not story.hold(s, e) or not taken.free(s, e):
                    continue
                taken.add(s, e)
                extra.append(Cand("person", s, e, name,
                                  {"title": self.entities._title_after(text, e), "honorific": ""},
                                  0.75, "person.repeat"))
        return ents + extra


_RUN = re.compile(r"[^\W_]+")  # letters and digits: what str.isalnum() accepts
_RUN_SPLIT = re.compile(r"([^\W_]+)")


def _find_whole(text: str, names: list[str]) -> dict[str, list[int]]:
    """Where each name stands in `text` with no letter or digit right before or after it:
    name -> starts in order, those a chain of text.find(name, end of the last one) finds.

    That chain itself for a few names in a story (each search runs in C over the text);
    _find_whole_by_words where searching the whole text once per name would cost more than
    one pass over its words."""
    if len(names) * len(text) > _FIND_EACH_LIMIT:
        return _find_whole_by_words(text, names)
    n = len(text)
    found: dict[str, list[int]] = {}
    for name in names:
        starts = found[name] = []
        if not name:
            continue
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not ((at and text[at - 1].isalnum()) or (end < n and text[end].isalnum())):
                starts.append(at)
            at = text.find(name, end)
    return found


_FIND_EACH_LIMIT = 4_000_000  # names x characters: 40 names in a 100 KB story


def _find_whole_by_words(text: str, names: list[str]) -> dict[str, list[int]]:
    """_find_whole in one pass over the text's words, not one search of the whole text per
    name (for many names in a long text): a name
    whole in the text starts and ends where words do, so it is looked up where the text
    has its first word, as the text running to the end of its last word. (Names have
    letters: they come from the person rules.)"""
    found: dict[str, list[int]] = {name: [] for name in names}
    # first word -> (characters before it, words, characters after the last) -> names
    shapes: dict[str, dict[tuple[int, int, int], set[str]]] = {}
    for name in names:
        runs = [m.span() for m in _RUN.finditer(name)]
        if runs:
            shape = (runs[0][0], len(runs), len(name) - runs[-1][1])
            shapes.setdefault(name[runs[0][0]:runs[0][1]], {}).setdefault(shape, set()).add(name)
    if not shapes:
        return found
    # The text's words and where they start and end, cut in one re.split; only the words
    # that begin a name are then looked at (picked out in C).
    parts = _RUN_SPLIT.split(text)
    at = list(accumulate(map(len, parts), initial=0))
    starts, ends, runs_of_text = at[1:-1:2], at[2::2], parts[1::2]
    n, m = len(text), len(runs_of_text)
    for j in compress(count(), map(shapes.__contains__, runs_of_text)):
        a = starts[j]
        for (before, words, after), group in shapes[runs_of_text[j]].items():
            if j + words > m:
                continue
            s, e = a - before, ends[j + words - 1] + after
            if s < 0 or e > n or text[s:e] not in group:
                continue
            if (s and text[s - 1].isalnum()) or (e < n and text[e].isalnum()):
                continue
            found[text[s:e]].append(s)
    for name, starts in found.items():
        shifts = _overlap_shifts(name)
        if shifts and starts:
            found[name] = _found_in_turn(text, name, starts, shifts)
    return found


def _overlap_shifts(name: str) -> list[int]:
    """The shifts, shortest first, at which `name` overlaps itself: 7 for "Hà Thị Hà",
    11 for "Nguyễn Văn N" (from the Knuth–Morris–Pratt prefix function: its borders)."""
    border = [0] * len(name)
    k = 0
    for i in range(1, len(name)):
        while k and name[i] != name[k]:
            k = border[k - 1]
        if name[i] == name[k]:
            k += 1
        border[i] = k
    shifts = []
    while k:
        shifts.append(len(name) - k)
        k = border[k - 1]
    return shifts


def _found_in_turn(text: str, name: str, starts: list[int], shifts: list[int]) -> list[int]:
    """Those of `starts` that text.find(name, end of the last one found) finds in turn.
    Of a run of overlapping occurrences (any, whole or not) it finds the first, then
    the first that starts after that one ends, and so on: a run is walked back from each
    start to its beginning, or to an occurrence already decided, then forward."""
    length = len(name)
    last_end: dict[int, int] = {}  # occurrence -> end of the last one found up to it
    out = []
    for s in starts:
        run = [s]
        while run[-1] not in last_end:
            at = run[-1]
            before = next((at - d for d in shifts if d <= at and text.startswith(name, at - d)), None)
            if before is None:
                break  # the run begins here: nothing found before it overlaps it
            run.append(before)
        end = last_end[run.pop()] if run[-1] in last_end else 0
        for at in reversed(run):
            if at >= end:
                end = at + length
            last_end[at] = end
        if last_end[s] == s + length:
            out.append(s)
    return out
