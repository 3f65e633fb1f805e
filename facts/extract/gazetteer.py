"""The word lists in facts/data, loaded once and compiled into matchers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import Lexicon

# Old and new tone placement on oa/oe/uy: "Hóa" and "Hoá" are the same word.
_TONE_SWAPS = [
    ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
    ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
    ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
]


def tone_variants(name: str) -> set[str]:
    out = {name}
    for a, b in _TONE_SWAPS:
        for v in list(out):
            if a in v:
                out.add(v.replace(a, b))
            if b in v:
                out.add(v.replace(b, a))
    return out


def _lines(name: str) -> list[str]:
    text = resources.files("facts.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _entries(name: str) -> list[list[str]]:
    return [[p.strip() for p in ln.split("|") if p.strip()] for ln in _lines(name)]


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, str]  # surface form -> level
    ambiguous_countries: frozenset[str]
    place_re: Lexicon
    surnames: frozenset[str]
    orgs: dict[str, tuple[str, str]]  # lowercased surface -> (canonical, acronym)
    org_re: Lexicon
    acronyms: dict[str, str]  # acronym -> name
    outlets: frozenset[str]
    outlet_re: Lexicon


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    places: dict[str, str] = {}
    ambiguous: set[str] = set()
    for level, fname in (("province", "provinces.txt"), ("country", "countries.txt"),
                         ("region", "regions.txt"), ("other", "cities.txt")):
        for entry in _entries(fname):
            for surface in entry:
                star = surface.endswith("*")
                surface = surface.rstrip("* ").strip()
                for v in tone_variants(surface):
                    if level == "other" and v in places:
                        continue  # "Singapore": the country, not the city
                    places[v] = level
                    if star:
                        ambiguous.add(v)
    surnames = frozenset(w for ln in _lines("surnames.txt") for w in ln.split())
    orgs: dict[str, tuple[str, str]] = {}
    acronyms: dict[str, str] = {}
    for entry in _entries("organizations.txt"):
        name, acr = entry[0], (entry[1] if len(entry) > 1 and entry[1].isupper() else "")
        for surface in [entry[0]] + [e for e in entry[1:] if not e.isupper()]:
            for v in tone_variants(surface):
                orgs[v.lower()] = (v, acr)
        if acr:
            acronyms[acr] = name
    outlets = frozenset(v for entry in _entries("outlets.txt") for s in entry for v in tone_variants(s))
    return Gazetteer(
        places=places,
        ambiguous_countries=frozenset(ambiguous),
        place_re=Lexicon(places),
        surnames=surnames,
        orgs=orgs,
        org_re=Lexicon([v for v, _ in orgs.values()], ignore_case=True, capitalised_only=True),
        acronyms=acronyms,
        outlets=outlets,
        outlet_re=Lexicon(outlets),
    )
