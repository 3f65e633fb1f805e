"""Same name, every mention, at once.

When a reviewer accepts, adds or edits into a name (a person, organization or location),
its other mentions across the workspace are proposed as pending facts of the same kind
(extractor `same-name@1`): the same text, case-sensitive, on word boundaries, inside an
article's content. Not where a fact of any kind or status already overlaps the mention, and
not in an article where a reviewer rejected that kind and text: a mention rejected in one
context is not proposed there again.

The matching and the rules are here; app/proposing.py runs them over a workspace (its
full-text index finds the articles to read, at most MAX_ARTICLES a decision).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .i18n import _, grouped, ngettext
from .model import CURATED, KIND_FIELDS

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


def proposals_in(rec, text: str, content, spans: Iterable[tuple[int, int]]) -> list[dict]:
    """The facts proposing `rec`'s name where it is mentioned in this article's text (inside
    `content`), except where a fact (`spans`) already covers the words."""
    shared = {f: rec.fields.get(f, "") for f in SHARED_FIELDS[rec.kind] if f in KIND_FIELDS[rec.kind]}
    spans = list(spans)
    out = []
    for s in mentions(text, rec.text, content):
        e = s + len(rec.text)
        if any(a < e and s < b for a, b in spans):
            continue
        out.append({"kind": rec.kind, "start": s, "end": e, "text": rec.text, "value": rec.value,
                    **shared, "confidence": RAW_CONFIDENCE, "extractor": EXTRACTOR})
    return out


def distinct_names(records: Iterable) -> list:
    """The decided names among these facts, each (kind, text) once, in order."""
    seen, names = set(), []
    for rec in records:
        if is_name(rec) and (rec.kind, rec.text) not in seen:
            seen.add((rec.kind, rec.text))
            names.append(rec)
    return names


def summary(results: list[Proposed]) -> str:
    """For the status bar: “Proposed ‘Nguyễn Văn Hải’ in 12 more places”; empty if nothing."""
    places = sum(len(r.facts) for r in results)
    capped = [r for r in results if r.capped]
    said = ""
    if places:
        named = [r for r in results if r.facts]
        if len(named) == 1:
            said = ngettext("Proposed ‘{name}’ in {n} more place", "Proposed ‘{name}’ in {n} more places",
                            places).format(name=named[0].text, n=grouped(places))
        else:
            said = ngettext("Proposed {names} names in {n} more place", "Proposed {names} names in {n} more places",
                            places).format(names=len(named), n=grouped(places))
    if capped:
        r = capped[0]
        if len(capped) == 1:
            note = _("searched {searched} of the {articles} articles that mention ‘{name}’").format(
                searched=grouped(r.searched), articles=grouped(r.articles), name=r.text)
        else:
            note = _("searched {searched} of the {articles} articles that mention them").format(
                searched=grouped(sum(x.searched for x in results)), articles=grouped(sum(x.articles for x in results)))
        said = f"{said} ({note})" if said else _("Proposed nothing yet ({note})").format(note=note)
    return said
