"""Tables of a workspace, as SQLAlchemy 2 typed mappings.

The migrations in db/migrations create exactly these; a test compares the two.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import (JSON, BigInteger, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"
    # Covers id and n_pending: the article list and the pending total never read the text.
    __table_args__ = (Index("ix_articles_n_pending", "n_pending"),
                      {"sqlite_autoincrement": True})  # a deleted article's id stays its own (0007)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, index=True)  # the id it came with (file stem, CSV id)
    origin: Mapped[str] = mapped_column(String)  # file it was imported from
    text: Mapped[str] = mapped_column(Text)
    content: Mapped[list] = mapped_column(JSON, default=list)  # [[start, end], ...]
    title: Mapped[Optional[str]] = mapped_column(String)
    published: Mapped[Optional[str]] = mapped_column(String)
    source: Mapped[Optional[str]] = mapped_column(String)
    author: Mapped[Optional[str]] = mapped_column(String)
    url: Mapped[Optional[str]] = mapped_column(String)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime]
    # Set when an extractor has run on the article: "name@version".
    extracted_with: Mapped[Optional[str]] = mapped_column(String)
    # Denormalised counters so the article list never aggregates facts.
    n_facts: Mapped[int] = mapped_column(Integer, default=0)
    n_pending: Mapped[int] = mapped_column(Integer, default=0)


class Reviewer(Base):
    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class Fact(Base):
    __tablename__ = "facts"
    __table_args__ = (
        Index("ix_facts_article_start", "article_id", "start"),
        Index("ix_facts_status_kind", "status", "kind"),
        {"sqlite_autoincrement": True},  # an id is never handed to another fact (0006)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    # Kind fields, one column each so they can be queried; NULL where the kind has no such field.
    unit: Mapped[Optional[str]] = mapped_column(String)
    approx: Mapped[Optional[str]] = mapped_column(String)
    currency: Mapped[Optional[str]] = mapped_column(String)
    title: Mapped[Optional[str]] = mapped_column(String)
    honorific: Mapped[Optional[str]] = mapped_column(String)
    acronym: Mapped[Optional[str]] = mapped_column(String)
    level: Mapped[Optional[str]] = mapped_column(String)
    doc_type: Mapped[Optional[str]] = mapped_column(String)
    issuer: Mapped[Optional[str]] = mapped_column(String)
    date: Mapped[Optional[str]] = mapped_column(String)
    # Fields beyond FACTS.md that an imported fact carried.
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    extractor: Mapped[str] = mapped_column(String, default="")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    reviewer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("reviewers.id"))
    reviewed_at: Mapped[Optional[datetime]]
    note: Mapped[Optional[str]] = mapped_column(Text)
    # The fact as the extractor gave it, kept on the first edit.
    original: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    # A same-name proposal: the log entry of the decision whose name proposed it (0009).
    proposed_by: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    # Bumped by every write of the fact: a decision on a version another reviewer has changed
    # since it was shown is refused (0010).
    version: Mapped[int] = mapped_column(Integer, server_default="1")


class ReviewEvent(Base):
    """Append-only log: one row per decision, undo included."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No FK: the log outlives deletions. Empty for a correction of the article itself.
    fact_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    article_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(16))
    reviewer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("reviewers.id"))
    at: Mapped[datetime]
    before: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    after: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[Optional[str]] = mapped_column(Text)


class State(Base):
    """Where the reviewer is, filters: small JSON values by key."""

    __tablename__ = "state"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Model(Base):
    """A statistical model learned from the reviewers' decisions (facts.learn), with what it
    was learned from and how well it did: the newest version is the one extraction uses, and
    a copied workspace brings it along."""

    __tablename__ = "models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True, index=True)  # 1, 2, 3…
    created_at: Mapped[datetime]  # UTC
    trained_from: Mapped[dict[str, Any]] = mapped_column(JSON)  # articles, facts by kind
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)  # k-fold, learned+rules vs rules
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # the CRF model file (python-crfsuite)


class Count(Base):
    """Maintained counts by name (migration 0012: kept by triggers; db/counts.py reads them):
    a count is the sum of `n` over its rows."""

    __tablename__ = "counts"
    __table_args__ = (Index("ix_counts_name", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    n: Mapped[int] = mapped_column(BigInteger)


class Assignment(Base):
    """An article and a reviewer it is assigned to (migration 0013; db/team.py). An article
    with two reviewers is shared: their decisions on it are kept apart (Judgment). No foreign
    key to the article: like the log, it outlives a deletion that may be reverted."""

    __tablename__ = "assignments"

    article_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"), primary_key=True, index=True)
    assigned_at: Mapped[datetime]


class Judgment(Base):
    """One reviewer's own decision on a shared article (migration 0013; db/team.py): on a
    proposed fact (`fact_id`, one a reviewer) or a fact they added (`fact_id` NULL; shown to
    them as fact id -id), with the fact as they would have it."""

    __tablename__ = "judgments"
    __table_args__ = (UniqueConstraint("fact_id", "reviewer_id", name="uq_judgments_fact_reviewer"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id"))
    fact_id: Mapped[Optional[int]] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    fields: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[Optional[str]] = mapped_column(Text)
    at: Mapped[datetime]
    # The adjudication that settled an added fact without keeping it (its log entry).
    resolved_by: Mapped[Optional[int]] = mapped_column(Integer)
