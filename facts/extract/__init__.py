"""Extractors: the interface, the registry, and the built-in rule-based one."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Protocol

from ..model import FactBase


@dataclass
class Extraction:
    """What an extractor finds in one article's text."""

    facts: list[FactBase]
    content: list[tuple[int, int]] = field(default_factory=list)
    metadata: dict[str, Optional[str]] = field(default_factory=dict)


class Extractor(Protocol):
    name: str
    version: str

    def extract(self, text: str, metadata: Optional[dict] = None) -> Extraction: ...


_REGISTRY: dict[str, Callable[[], Extractor]] = {}


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make an extractor available by name (a model, a service, imported predictions)."""
    _REGISTRY[name] = factory


def get(name: str) -> Extractor:
    if name not in _REGISTRY:
        raise KeyError(f"no extractor {name!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]()


def names() -> list[str]:
    return sorted(_REGISTRY)


def default_extractor() -> Extractor:
    return get("rules")


def _rules() -> Extractor:
    from .rules import RuleExtractor

    return RuleExtractor()


register("rules", _rules)
