"""Closed word classes of Vietnamese news text, from facts/data/words.toml (read once)."""
from __future__ import annotations

import tomllib
from importlib import resources

_DATA = tomllib.loads(resources.files("facts.data").joinpath("words.toml").read_text(encoding="utf-8"))
_LISTS = _DATA["lists"]

APPROX_WORDS: dict[str, str] = _DATA["approximators"]
SCALES: dict[str, int] = _DATA["scales"]
VAGUE_COUNTS: dict[str, int] = _DATA["vague_counts"]
NUMBER_WORDS: dict[str, int] = _DATA["number_words"]
CURRENCIES: dict[str, str] = _DATA["currencies"]
ADMIN_WORDS: dict[str, str] = _DATA["admin_words"]
DOC_CODES: dict[str, str] = _DATA["doc_codes"]

UNIT_STOP: set[str] = set(_LISTS["unit_stop"])
CODE_WORDS: set[str] = set(_LISTS["code_words"])
TITLES: list[str] = _LISTS["titles"]
HONORIFICS: list[str] = _LISTS["honorifics"]
WEAK_HONORIFICS: set[str] = set(_LISTS["weak_honorifics"])
ORG_HEADS: list[str] = _LISTS["org_heads"]
ORG_HEADS_WITH_PLACE: set[str] = set(_LISTS["org_heads_with_place"])
GENERIC_BEFORE: set[str] = set(_LISTS["generic_before"])
TRAIL_STOP: set[str] = set(_LISTS["trail_stop"])
ORG_STOP: set[str] = UNIT_STOP | set(_LISTS["org_stop_extra"])
DOC_TYPES: list[str] = _LISTS["doc_types"]
KINSHIP: list[str] = _LISTS["kinship"]
OCCUPATIONS: list[str] = _LISTS["occupations"]
NAME_TAILS: frozenset[str] = frozenset(_LISTS["name_tails"])
FEATURES: list[str] = _LISTS["features"]
PLACE_LEADS: list[str] = _LISTS["place_leads"]
REGION_LEADS: list[str] = _LISTS["region_leads"]
FEATURE_COMPOUNDS: set[str] = set(_LISTS["feature_compounds"])
SEA_WORDS: set[str] = set(_LISTS["sea_words"])
BRAND_LEADS: list[str] = _LISTS["brand_leads"]
ZONES: list[str] = _LISTS["zones"]
ROLE_WORDS: list[str] = _LISTS["role_words"]
NOT_ORG_ACRONYMS: set[str] = set(_LISTS["not_org_acronyms"])
ORG_HEADS_LOWER: list[str] = _LISTS["org_heads_lower"]
HEADS_NEED_PLACE: set[str] = set(_LISTS["heads_need_place"])
SHORT_HEADS: set[str] = set(_LISTS["short_heads"])
DEPARTMENTS: set[str] = set(_LISTS["departments"])
ADMIN_BODIES: set[str] = set(_LISTS["admin_bodies"])


def pairs(names) -> set[str]:
    """Two syllables in a row, lowercased, the second lowercase in the name: "y tế" of
    "Bộ Y tế"."""
    out = set()
    for name in names:
        parts = name.replace(",", " ").split()
        for a, b in zip(parts, parts[1:]):
            if b.isalpha() and b.islower() and a.isalpha():  # noqa: SIM102
                out.add(f"{a.lower()} {b}")
    return out


def _org_list() -> list[str]:
    text = resources.files("facts.data").joinpath("organizations.txt").read_text(encoding="utf-8")
    return [p.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
            for p in ln.split("|")]


NAME_WORDS: frozenset[str] = frozenset(set(_LISTS["name_words"]) | pairs(ORG_HEADS) | pairs(TITLES)
                                       | pairs(_org_list()))
