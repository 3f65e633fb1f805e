"""Bulk writes inside one transaction: import and extraction."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional, Sequence

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from facts.model import (ALL_KIND_FIELDS, KIND_FIELDS, ArticleIn, FactBase, Review, Status, extractor_name,
                         run_extractors)

from .rows import lock_articles, read_fact, recount
from .schema import Article, Fact, ReviewEvent
from .search import index_articles


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def fact_columns(fact: FactBase | dict[str, Any]) -> dict[str, Any]:
    """Column values of the facts table for a validated fact (or a dict of its fields)."""
    data = fact.model_dump() if isinstance(fact, FactBase) else dict(fact)
    kind = data["kind"]
    cols: dict[str, Any] = {
        "kind": kind,
        "start": data["start"],
        "end": data["end"],
        "text": data["text"],
        "value": data["value"],
        "confidence": data.get("confidence", 1.0),
        "extractor": data.get("extractor", ""),
    }
    for f in ALL_KIND_FIELDS:
        cols[f] = (data.get(f) or "") if f in KIND_FIELDS[kind] else None
    known = set(cols) | {"status", "reviewer", "reviewed_at", "note", "original"}
    extra = {k: v for k, v in data.items() if k not in known}
    cols["extra"] = extra or None
    return cols


# Built once: statements SQLAlchemy compiles and caches, for the per-article path.
_BY_HASH = select(Article.id).where(Article.content_hash == bindparam("h"))
_INSERT_ARTICLE = insert(Article)


class Writer:
    """Bulk writes inside one transaction (import, extraction)."""

    def __init__(self, conn: Connection, reviewer_id: Callable[[Optional[str], Connection], Optional[int]]):
        self.reviewer_id = reviewer_id
        self.conn = conn

    @contextmanager
    def savepoint(self):
        """All or nothing for one file inside a larger transaction."""
        sp = self.conn.begin_nested()
        try:
            yield
        except IntegrityError as exc:
            sp.rollback()
            raise ValueError(f"could not be stored: {exc.orig}") from exc
        except BaseException:
            sp.rollback()
            raise
        else:
            sp.commit()

    def add_article(self, art: ArticleIn) -> Optional[int]:
        """Insert an article and its facts; None if the same text is already stored."""
        h = content_hash(art.text)
        if self.conn.execute(_BY_HASH, {"h": h}).first():
            return None
        content = [list(r) for r in art.content] or [[0, len(art.text)]]
        aid = self.conn.execute(_INSERT_ARTICLE, {
            "uid": art.uid, "origin": art.origin, "text": art.text, "content": content,
            "title": art.title, "published": art.published, "source": art.source,
            "author": art.author, "url": art.url, "content_hash": h, "imported_at": now(),
            "n_facts": 0, "n_pending": 0,
        }).inserted_primary_key[0]
        index_articles(self.conn, [aid])
        if art.facts:
            rows = []
            for i, fact in enumerate(art.facts):
                review = art.reviews[i] if i < len(art.reviews) else Review()
                cols = fact_columns(fact)
                cols.update(
                    article_id=aid,
                    status=review.status.value,
                    reviewer_id=self.reviewer_id(review.reviewer, self.conn),
                    reviewed_at=_parse_dt(review.reviewed_at),
                    note=review.note,
                    original=review.original,
                )
                rows.append(cols)
            self.conn.execute(insert(Fact), rows)
            recount(self.conn, [aid])
        return aid

    def replace_pending(
        self, article_id: int, facts: Sequence[dict[str, Any]], extractor: str
    ) -> tuple[int, int]:
        """Re-extraction: keep reviewed facts, drop pending ones no longer produced,
        add new ones where no reviewed fact of the same kind overlaps. Returns (added, removed)."""
        lock_articles(self.conn, [article_id])  # no reviewer decides a fact it is replacing
        existing = self.conn.execute(
            select(Fact.id, Fact.kind, Fact.start, Fact.end, Fact.status, Fact.value,
                   Fact.extractor).where(Fact.article_id == article_id)
        ).all()
        # The characters reviewed facts cover, per kind: a new fact overlapping one is not
        # proposed again (a lookup over its own span, not over every reviewed fact).
        covered: dict[str, bytearray] = {}
        # The extractors of this run ("rules@1", or "rules@1+learned@4" with a model): their
        # pending facts are theirs to keep or remove; another's (same-name, an imported
        # model's) stay and count.
        names = run_extractors(extractor)

        def own(fact_extractor: Optional[str]) -> bool:
            return extractor_name(fact_extractor or "") in names

        for r in existing:
            if r.status != Status.pending or not own(r.extractor):
                marks = covered.setdefault(r.kind, bytearray())
                if len(marks) < r.end:
                    marks.extend(bytes(r.end - len(marks)))
                marks[r.start:r.end] = b"\x01" * (r.end - r.start)
        pending = {(r.kind, r.start, r.end, r.value, r.extractor): r.id for r in existing
                   if r.status == Status.pending}
        keep: set[int] = set()
        new_rows = []
        for f in facts:
            key = (f["kind"], f["start"], f["end"], f["value"], f.get("extractor", ""))
            if key in pending:
                keep.add(pending[key])
                continue
            marks = covered.get(f["kind"])
            if marks is not None and marks.find(1, f["start"], f["end"]) >= 0:
                continue
            cols = fact_columns(f)
            cols.update(article_id=article_id, status=Status.pending.value)
            new_rows.append(cols)
        # Only this extractor's pending facts are its to remove.
        stale = [fid for key, fid in pending.items() if fid not in keep and own(key[4])]
        if stale:
            self.conn.execute(delete(Fact).where(Fact.id.in_(stale)))
        if new_rows:
            self.conn.execute(insert(Fact), new_rows)
        self.conn.execute(
            update(Article).where(Article.id == article_id).values(extracted_with=extractor)
        )
        recount(self.conn, [article_id])
        return len(new_rows), len(stale)

    def merge_fact(self, row) -> bool:
        """A facts-CSV row coming home: update the fact at the same span and kind, or add it.
        Raises ValueError (with the row's line) when its article or text is not here."""
        arts = self.conn.execute(
            select(Article.id, Article.origin, Article.text).where(Article.uid == row.article_uid)
        ).all()
        if len(arts) > 1:
            arts = [a for a in arts if a.origin == row.article_origin] or arts[:0]
        if not arts:
            raise ValueError(f"{row.where}: no article {row.article_uid!r} in this workspace "
                             "(import the articles first)")
        aid, _, text = arts[0]
        lock_articles(self.conn, [aid])
        f = row.fact
        if text[f.start:f.end] != f.text:
            raise ValueError(f"{row.where}: text {f.text!r} is not at {f.start}-{f.end} of "
                             f"article {row.article_uid!r}")
        cols = fact_columns(f)
        review = row.review
        cols.update(status=review.status.value,
                    reviewer_id=self.reviewer_id(review.reviewer, self.conn),
                    reviewed_at=_parse_dt(review.reviewed_at), note=review.note)
        existing = self.conn.execute(
            select(Fact.id, Fact.original).where(Fact.article_id == aid, Fact.kind == f.kind,
                                                 Fact.start == f.start, Fact.end == f.end)
        ).first()
        if row.value_before_edit and (existing is None or existing.original is None):
            cols["original"] = {"value": row.value_before_edit}
        if existing is None:
            fid = self.conn.execute(insert(Fact).values(article_id=aid, **cols)).inserted_primary_key[0]
            before = None
        else:
            fid = existing.id
            before = read_fact(self.conn, fid)
            current = {k: getattr(before, k) for k in ("value", "status", "note", "confidence",
                                                       "extractor", "reviewer")}
            wanted = {"value": f.value, "status": review.status.value, "note": review.note,
                      "confidence": f.confidence, "extractor": f.extractor,
                      "reviewer": review.reviewer}
            if current == wanted and before.fields == {k: cols[k] or "" for k in before.fields}:
                return False
            self.conn.execute(update(Fact).where(Fact.id == fid).values(**cols, version=Fact.version + 1))
        after = read_fact(self.conn, fid)
        self.conn.execute(insert(ReviewEvent).values(
            fact_id=fid, article_id=aid, action="import",
            reviewer_id=cols["reviewer_id"], at=now(),
            before=before.snapshot() if before else None, after=after.snapshot(), note=None,
        ))
        recount(self.conn, [aid])
        return True

    def drop_stale_pending(self, article_id: int, extractor_prefix: str, keep: Iterable[tuple]) -> int:
        """Remove the article's pending facts whose
        extractor starts with `extractor_prefix` (`learned@`) and whose (kind, start, end,
        value, extractor) is not in `keep`. Reviewed facts are never touched. Returns how many."""
        keep = set(keep)
        lock_articles(self.conn, [article_id])
        rows = self.conn.execute(select(Fact.id, Fact.kind, Fact.start, Fact.end, Fact.value,
                                   Fact.extractor)
                            .where(Fact.article_id == article_id,
                                   Fact.status == Status.pending.value,
                                   Fact.extractor.startswith(extractor_prefix, autoescape=True))).all()
        stale = [r[0] for r in rows if tuple(r[1:]) not in keep]
        if stale:
            self.conn.execute(delete(Fact).where(Fact.id.in_(stale)))
        return len(stale)

    def set_metadata(self, article_id: int, **values: Any) -> None:
        if values:
            self.conn.execute(update(Article).where(Article.id == article_id).values(**values))
            if "title" in values:
                index_articles(self.conn, [article_id])


def _parse_dt(value: Optional[str | datetime]) -> Optional[datetime]:
    if value is None or isinstance(value, datetime):
        return value
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    # Stored in UTC; an exported time carries its offset (earlier exports had none: UTC).
    try:
        return at.astimezone(timezone.utc).replace(tzinfo=None) if at.tzinfo else at
    except OverflowError:  # year 1 at +01:00: before any time there is
        return None


