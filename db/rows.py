"""Reading a fact row, locking articles and keeping their counts: what the store and the bulk
writer share."""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import Connection, func, select, update

from facts.model import ALL_KIND_FIELDS, KIND_FIELDS, Status

from .records import FactRecord
from .schema import Article, Fact, Reviewer

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


def recount(conn: Connection, article_ids: Iterable[int]) -> None:
    """An article's n_facts and n_pending, counted again from its facts (inside a transaction
    that holds the article: lock_articles)."""
    for aid in article_ids:
        n = select(func.count()).where(Fact.article_id == aid).scalar_subquery()
        p = (
            select(func.count())
            .where(Fact.article_id == aid, Fact.status == Status.pending.value)
            .scalar_subquery()
        )
        conn.execute(update(Article).where(Article.id == aid).values(n_facts=n, n_pending=p))
