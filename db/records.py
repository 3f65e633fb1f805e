"""Plain objects the store hands out: no session, no lazy loading, safe to keep in a view."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional


@dataclass(slots=True)
class ArticleRow:
    """One line of the article list: what a list shows, never the text."""

    id: int
    uid: str
    title: Optional[str]
    published: Optional[str]
    n_facts: int
    n_pending: int

    @property
    def n_reviewed(self) -> int:
        return self.n_facts - self.n_pending


@dataclass(slots=True)
class ArticleRecord:
    id: int
    uid: str
    origin: str
    text: str
    content: list[list[int]]
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]
    author: Optional[str]
    url: Optional[str]
    extracted_with: Optional[str]
    n_facts: int
    n_pending: int


@dataclass(slots=True)
class FactRecord:
    id: int
    article_id: int
    kind: str
    start: int
    end: int
    text: str
    value: str
    fields: dict[str, str]  # the kind fields of FACTS.md for this kind
    confidence: float
    extractor: str
    status: str
    reviewer: Optional[str] = None
    reviewed_at: Optional[datetime] = None
    note: Optional[str] = None
    original: Optional[dict[str, Any]] = None
    extra: dict[str, Any] = field(default_factory=dict)
    version: int = 1  # bumped by every write of the fact: what a decision says it was shown
    event_id: Optional[int] = None  # the log entry of the write that returned this record

    def snapshot(self) -> dict[str, Any]:
        """The reviewable state of the fact, as the review log stores it."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            **self.fields,
            "status": self.status,
            "note": self.note,
        }


@dataclass(slots=True)
class ReviewEventRecord:
    id: int
    fact_id: Optional[int]  # None: a correction of the article
    article_id: int
    action: str
    reviewer: Optional[str]
    at: datetime
    before: Optional[dict[str, Any]]
    after: Optional[dict[str, Any]]
    note: Optional[str]


@dataclass(slots=True)
class Stats:
    articles: int
    facts: int
    by_kind: dict[str, int]
    by_status: dict[str, int]
    by_kind_status: dict[tuple[str, str], int]


@dataclass(slots=True)
class Change:
    """What one reverted decision changed: its new log entry, and the fact as saved."""

    event_id: int
    article_id: int
    fact_id: Optional[int]  # None: the article's own fields changed
    what: str  # "changed", "added" (put back), "removed", "article"
    fact: Optional[FactRecord] = None


@dataclass(slots=True)
class Reverted:
    """What a revert did: one Change per decision put back, the same-name proposals it took
    back (their rows as stored, to be put back by a redo), and those it put back."""

    changes: list[Change]
    withdrawn: list[dict[str, Any]]
    restored: list[FactRecord]


@dataclass(slots=True)
class ModelRecord:
    """A model learned from the reviewers' decisions (the `models` table)."""

    id: int
    version: int
    created_at: datetime
    trained_from: dict[str, Any]
    scores: dict[str, Any]
    settings: dict[str, Any]
    data: Optional[bytes] = None  # None when asked for without its bytes

    @property
    def tag(self) -> str:
        return f"learned@{self.version}"
