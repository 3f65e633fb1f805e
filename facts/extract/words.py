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
