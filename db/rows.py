"""Reading a fact row, locking articles and keeping their counts: what the store and the bulk
writer share."""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import Connection, bindparam, func, select, update

from facts.model import ALL_KIND_FIELDS, KIND_FIELDS, Status

from .records import FactRecord
from .schema import Article, Fact, Reviewer

ARTICLE_COLS = (
    Article.id, Article.uid, Article.origin, Article.text, Article.content, Article.title,
    Article.published, Article.source, Article.author, Article.url, Article.extracted_with,
    Article.n_facts, Article.n_pending,
)
FACT_COLS = (
    Fact.id, Fact.article_id, Fact.kind, Fact.start, Fact.end, Fact.text, Fact.value,
    *(getattr(Fact, f) for f in ALL_KIND_FIELDS),
    Fact.confidence, Fact.extractor, Fact.status, Reviewer.name, Fact.reviewed_at,
    Fact.note, Fact.original, Fact.extra, Fact.version,
)


def fact_record(row) -> FactRecord:
    (fid, aid, kind, start, end, text, value, *rest) = row
    kf = dict(zip(ALL_KIND_FIELDS, rest[: len(ALL_KIND_FIELDS)]))
    conf, extractor, status, reviewer, reviewed_at, note, original, extra, version = rest[len(ALL_KIND_FIELDS):]
    fields = {f: kf[f] or "" for f in KIND_FIELDS[kind]}
    return FactRecord(
        id=fid, article_id=aid, kind=kind, start=start, end=end, text=text, value=value,
        fields=fields, confidence=conf, extractor=extractor, status=status, reviewer=reviewer,
        reviewed_at=reviewed_at, note=note, original=original, extra=extra or {}, version=version,
    )


def read_fact(conn: Connection, fact_id: int) -> Optional[FactRecord]:
    r = conn.execute(select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
                     .where(Fact.id == fact_id)).first()
    return fact_record(r) if r else None


def lock_articles(conn: Connection, article_ids: Iterable[int]) -> None:
    """Hold these articles until the transaction ends, before reading the facts it changes:
    reviewers deciding facts of one article at once then take turns, each reading what the one
    before wrote, so no decision is lost and the counts recounted at its end are right. Locked
    in id order, as extraction goes through articles too, so writers do not wait on each other
    in a circle (should they, the server ends one of them with an error, and nothing of it is
    saved).

    On PostgreSQL a row lock (SELECT … FOR UPDATE); on SQLite, where one program writes a
    workspace, the write transaction itself holds the whole file (Store._tx: BEGIN IMMEDIATE)."""
    ids = sorted(set(article_ids))
    if conn.dialect.name == "sqlite" or not ids:
        return
    conn.execute(select(Article.id).where(Article.id.in_(ids)).order_by(Article.id).with_for_update())


CHUNK = 500  # ids or hashes a statement names at most (SQLite's limit of variables, far below)
_HASHES = select(Article.content_hash).where(Article.content_hash.in_(bindparam("hs", expanding=True)))


def stored_hashes(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of these content hashes (writer.content_hash) are stored: one query a CHUNK."""
    todo = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for i in range(0, len(todo), CHUNK):
        found.update(conn.execute(_HASHES, {"hs": todo[i:i + CHUNK]}).scalars())
    return found


def recount(conn: Connection, article_ids: Iterable[int]) -> None:
    """The articles' n_facts and n_pending, counted again from their facts (inside a transaction
    that holds them: lock_articles): one statement a CHUNK of articles."""
    ids = sorted(set(article_ids))
    for i in range(0, len(ids), CHUNK):
        conn.execute(_RECOUNT, {"ids": ids[i:i + CHUNK]})


# Built once: each article's counts from its own facts (subqueries correlated with the row).
_RECOUNT = (
    update(Article)
    .where(Article.id.in_(bindparam("ids", expanding=True)))
    .values(
        n_facts=select(func.count()).where(Fact.article_id == Article.id).scalar_subquery(),
        n_pending=select(func.count())
        .where(Fact.article_id == Article.id, Fact.status == Status.pending.value)
        .scalar_subquery(),
    )
)
