"""Streamed reads for exports and statistics: plain tuples, nothing built whole in memory.

A mixin of Store, apart because these queries serve other code (exports, statistics)
than the review itself, and are tuned for volume rather than for one row.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable, Iterator, Optional

from sqlalchemy import func, select

from facts.model import ALL_KIND_FIELDS
from facts.tables import ArticleRow, FactRow

from .schema import Article, Fact, ReviewEvent, Reviewer


def _stored_utc(value: datetime) -> datetime:
    """A bound given in local time (a naive date typed by the user) or with its own offset,
    as the naive UTC time the workspace stores."""
    return value.astimezone(timezone.utc).replace(tzinfo=None)


class Reports:
    engine = None  # set by Store

    def iter_fact_rows(
        self,
        *,
        statuses: Optional[Iterable[str]] = None,
        kinds: Optional[Iterable[str]] = None,
        reviewer: Optional[str] = None,
        since: Optional[datetime] = None,
        until: Optional[datetime] = None,
        articles_per_batch: int = 500,
    ) -> Iterator[FactRow]:
        """Every fact with its article's metadata (facts.tables.FactRow; reviewed_at as ISO text), streamed in article and reading order. The hot path of every export:
        plain DB-API cursors, the article's metadata read once per article, not joined onto
        each fact, nothing parsed that does not need to be."""
        with self.engine.connect() as conn:
            server = conn.dialect.name == "postgresql"
            if server:  # one snapshot throughout, as SQLite's open cursor below reads
                conn.execution_options(isolation_level="REPEATABLE READ")
            raw = conn.connection.dbapi_connection
            ph = "%s" if server else "?"  # the drivers' placeholders: psycopg's, sqlite3's
            where, params = [], []
            for col, values in (("status", statuses), ("kind", kinds)):
                if values is not None:
                    values = list(values)
                    if not values:
                        return
                    where.append(f"{col} IN ({', '.join([ph] * len(values))})")
                    params += values
            names = dict(raw.execute("SELECT id, name FROM reviewers").fetchall())
            if reviewer is not None:
                rid = next((i for i, n in names.items() if n == reviewer), None)
                if rid is None:
                    return
                where.append(f"reviewer_id = {ph}")
                params.append(rid)
            for col, op, value in (("reviewed_at", ">=", since), ("reviewed_at", "<", until)):
                if value is not None:
                    where.append(f"{col} {op} {ph}")
                    bound = _stored_utc(value)
                    params.append(bound if server else bound.isoformat(sep=" "))
            cond = "".join(f" AND {w}" for w in where)
            kind_cols = ", ".join(f'"{f}"' for f in ALL_KIND_FIELDS)
            sql = (f'SELECT article_id, kind, text, start, "end", value, {kind_cols}, confidence, '
                   f"extractor, status, reviewer_id, reviewed_at, note, original FROM facts "
                   f"WHERE article_id BETWEEN {ph} AND {ph}{cond} ORDER BY article_id, start, \"end\", id")
            # On the server a named cursor, read a batch at a time rather than whole.
            arts = raw.cursor(name="export_articles") if server else raw.cursor()
            arts.execute("SELECT id, uid, origin, title, published, source FROM articles ORDER BY id")
            n_kind = len(ALL_KIND_FIELDS)
            while True:
                chunk = arts.fetchmany(articles_per_batch)
                if not chunk:
                    return
                meta = {r[0]: r[1:] for r in chunk}
                cut = 9 + n_kind
                for r in raw.execute(sql, [chunk[0][0], chunk[-1][0], *params]):
                    rid, at, note, original = r[cut:]
                    if at is not None:  # SQLite's "2025-01-02 09:00:00.000000", the server's datetime
                        at = at.isoformat() if server else at.replace(" ", "T", 1)
                        if at.endswith(".000000"):
                            at = at[:-7]
                        at += "+00:00"  # stored in UTC: say so
                    if isinstance(original, str):  # SQLite's JSON text; psycopg decodes it
                        # SQLAlchemy writes a missing JSON value as the text "null"
                        original = None if original == "null" else json.loads(original)
                    before = (original or {}).get("value")
                    yield FactRow(*meta[r[0]], *r[1:cut], names.get(rid), at, note, before)

    def iter_article_rows(self) -> Iterator[ArticleRow]:
        """Each article with its metadata and its facts counted by status (facts.tables.ArticleRow),
        streamed."""
        counts = {
            st: select(func.count()).where(Fact.article_id == Article.id, Fact.status == st)
            .correlate(Article).scalar_subquery()
            for st in ("pending", "accepted", "edited", "rejected", "added", "flagged")
        }
        q = select(Article.uid, Article.origin, Article.title, Article.published, Article.source,
                   Article.author, Article.url, Article.n_facts, *counts.values()).order_by(Article.id)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(q)
            for part in result.partitions():
                yield from map(ArticleRow._make, part)

    def iter_review_events(self) -> Iterator[tuple]:
        """(reviewer, at, action, kind, fact id) of every logged decision, by reviewer then time."""
        q = (select(Reviewer.name, ReviewEvent.at, ReviewEvent.action,
                    func.coalesce(ReviewEvent.after["kind"].as_string(),
                                  ReviewEvent.before["kind"].as_string()),
                    ReviewEvent.fact_id)
             .outerjoin(Reviewer, Reviewer.id == ReviewEvent.reviewer_id)
             .order_by(Reviewer.name, ReviewEvent.at, ReviewEvent.id))
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(q)
            for part in result.partitions():
                yield from part

    def decisions_by_rule(self) -> list[tuple[str, str, str, int]]:
        """(extractor rule, kind, status, count) of the facts an extractor produced: the
        maintained counts (db/counts.py), not a pass over the facts."""
        return self.counts().by_rule()

