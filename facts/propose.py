"""Same name, every mention, at once.

When a reviewer accepts, adds or edits into a name (a person, organization or location),
its other mentions across the workspace are proposed as pending facts of the same kind
(extractor `same-name@1`): the same text, case-sensitive, on word boundaries, inside an
article's content. Not where a fact of any kind or status already overlaps the mention, and
not in an article where a reviewer rejected that kind and text: a mention rejected in one
context is not proposed there again.

A string matcher: the full-text index (db/search.py, migration 0004) finds the articles whose
text holds the name's words, and only those are read and matched exactly. At most
`max_articles` articles are read per decision (the decision's own article first, then the ones
that hold no fact of that name yet), and the status bar says when that cap left some out.
The confidence is RAW_CONFIDENCE, calibrated on the workspace's decisions on earlier
proposals (facts/calibration.py) once there are enough.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .model import CURATED, KIND_FIELDS, validate_fact

NAME_KINDS = ("person", "organization", "location")
EXTRACTOR = "same-name@1"
RAW_CONFIDENCE = 0.8
MAX_ARTICLES = 300
#: The fields a mention shares with the decided name; a person's title and honorific belong
#: to the place where they are written, not to the name.
SHARED_FIELDS = {"person": (), "organization": ("acronym",), "location": ("level",)}


@dataclass
class Proposed:
    """What one decided name proposed."""

    kind: str
    text: str
    facts: list = field(default_factory=list)  # FactRecords inserted
    articles: int = 0  # articles whose text holds the name's words
    searched: int = 0  # of them, read and matched

    @property
    def capped(self) -> bool:
        return self.searched < self.articles


def mentions(text: str, name: str, content: Optional[Iterable] = None) -> list[int]:
    """Starts of `name` in `text`: exact (case-sensitive), on word boundaries, inside the
    content ranges (the whole text without them)."""
    if not name:
        return []
    ranges = [tuple(r) for r in content] if content else [(0, len(text))]
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    out = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a <= s and e <= b for a, b in ranges):
            out.append(s)
    return out


def is_name(rec) -> bool:
    """A decided name whose other mentions are worth proposing."""
    return rec is not None and rec.kind in NAME_KINDS and rec.status in CURATED and bool(rec.text.strip())


def _order(store, rec, ids: list[int]) -> list[int]:
    """The decision's article first, then the articles that hold no fact of this name yet,
    then the rest (a common name's later decisions reach further into the workspace)."""
    first = [rec.article_id] if rec.article_id in ids else []
    rest = [i for i in ids if i != rec.article_id]
    covered = store.articles_with_name(rec.kind, rec.text)
    return first + [i for i in rest if i not in covered] + [i for i in rest if i in covered]


def propose_same_name(store, rec, *, max_articles: int = MAX_ARTICLES,
                      table: Optional[dict] = None) -> Proposed:
    """Propose the other mentions of the decided name `rec` (a FactRecord). Returns what was
    inserted (store.add_proposals: one transaction, counts updated)."""
    from .calibration import calibrate

    out = Proposed(rec.kind, rec.text)
    if not is_name(rec) or max_articles <= 0:
        return out
    ids = store.name_candidates(rec.text)
    out.articles = len(ids)
    if len(ids) > max_articles:
        ids = _order(store, rec, ids)[:max_articles]
    elif rec.article_id in ids:
        ids = [rec.article_id] + [i for i in ids if i != rec.article_id]
    out.searched = len(ids)
    shared = {f: rec.fields.get(f, "") for f in SHARED_FIELDS[rec.kind] if f in KIND_FIELDS[rec.kind]}
    facts = []
    for aid, text, content, spans, rejected in store.name_context(ids, rec.kind, rec.text):
        if rejected:
            continue  # a reviewer said no to this name here
        for s in mentions(text, rec.text, content):
            e = s + len(rec.text)
            if any(a < e and s < b for a, b in spans):
                continue
            facts.append((aid, {"kind": rec.kind, "start": s, "end": e, "text": rec.text,
                                "value": rec.value, **shared, "confidence": RAW_CONFIDENCE,
                                "extractor": EXTRACTOR}))
    if not facts:
        return out
    calibrated = calibrate([f for _, f in facts], table)
    out.facts = store.add_proposals([(aid, validate_fact(f, typed=False))
                                     for (aid, _), f in zip(facts, calibrated)])
    return out


def propose_after(store, records: Iterable[Any], *, max_articles: int = MAX_ARTICLES) -> list[Proposed]:
    """After a decision on these facts (accepted, edited, added): propose the other mentions of
    each distinct name among them, the names sharing one budget of `max_articles` articles."""
    from .calibration import load

    seen, names = set(), []
    for rec in records:
        if is_name(rec) and (rec.kind, rec.text) not in seen:
            seen.add((rec.kind, rec.text))
            names.append(rec)
    if not names:
        return []
    table = load(store)
    out, budget = [], max_articles
    for rec in names:
        if budget <= 0:
            out.append(Proposed(rec.kind, rec.text, articles=len(store.name_candidates(rec.text))))
            continue
        res = propose_same_name(store, rec, max_articles=budget, table=table)
        budget -= res.searched
        out.append(res)
    return out


def summary(results: list[Proposed]) -> str:
    """For the status bar: “Proposed ‘Nguyễn Văn Hải’ in 12 more places”; empty if nothing."""
    places = sum(len(r.facts) for r in results)
    capped = [r for r in results if r.capped]
    said = ""
    if places:
        named = [r for r in results if r.facts]
        what = f"‘{named[0].text}’" if len(named) == 1 else f"{len(named)} names"
        said = f"Proposed {what} in {places:,} more place{'s' if places != 1 else ''}"
    if capped:
        r = capped[0]
        note = (f"searched {r.searched:,} of the {r.articles:,} articles that mention ‘{r.text}’"
                if len(capped) == 1 else
                f"searched {sum(x.searched for x in results):,} of the "
                f"{sum(x.articles for x in results):,} articles that mention them")
        said = f"{said} ({note})" if said else f"Proposed nothing yet ({note})"
    return said
