"""Bulk writes inside one transaction: import and extraction."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from operator import itemgetter
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional, Sequence

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from facts.i18n import _
from facts.model import (ALL_KIND_FIELDS, KIND_FIELDS, ArticleIn, FactBase, Review, Status, extractor_name,
                         run_extractors)

from .records import ArticleRecord
from .rows import ARTICLE_COLS, CHUNK, lock_articles, read_fact, recount, stored_hashes
from .schema import Article, Fact, ReviewEvent
from .search import index_articles


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def fact_columns(fact: FactBase | dict[str, Any]) -> dict[str, Any]:
    """Column values of the facts table for a validated fact (or a dict of its fields)."""
    data = fact.model_dump() if isinstance(fact, FactBase) else fact
    kind = data["kind"]
    get = data.get
    cols: dict[str, Any] = {
        "kind": kind,
        "start": data["start"],
        "end": data["end"],
        "text": data["text"],
        "value": data["value"],
        "confidence": get("confidence", 1.0),
        "extractor": get("extractor", ""),
    }
    own = _KIND_SETS[kind]
    for f in ALL_KIND_FIELDS:
        cols[f] = (get(f) or "") if f in own else None
    beyond = data.keys() - _KNOWN
    cols["extra"] = {k: v for k, v in data.items() if k in beyond} if beyond else None
    return cols


_KIND_SETS = {k: frozenset(fields) for k, fields in KIND_FIELDS.items()}
# The fields a fact's columns hold: any other goes in `extra`.
_KNOWN = frozenset(("kind", "start", "end", "text", "value", "confidence", "extractor", *ALL_KIND_FIELDS,
                    "status", "reviewer", "reviewed_at", "note", "original"))


_IDS = bindparam("ids", expanding=True)
# Built once: statements SQLAlchemy compiles once and reuses, run over a batch each.
_INSERT_ARTICLE = insert(Article)
_IDS_BY_HASH = select(Article.content_hash, Article.id).where(
    Article.content_hash.in_(bindparam("hs", expanding=True)))
_INSERT_FACTS = insert(Fact)
_READ_ARTICLES = select(*ARTICLE_COLS).where(Article.id.in_(_IDS))
_EXISTING = select(Fact.article_id, Fact.id, Fact.kind, Fact.start, Fact.end, Fact.status, Fact.value,
                   Fact.extractor).where(Fact.article_id.in_(_IDS))
_DELETE_FACTS = delete(Fact).where(Fact.id.in_(_IDS))
_EXTRACTED_WITH = update(Article).where(Article.id.in_(_IDS)).values(extracted_with=bindparam("tag"))
_PREFIXED: dict[str, Any] = {}  # drop_stale_pending's query for each extractor prefix
_SET_FIELDS: dict[tuple[str, ...], Any] = {}  # set_metadata's UPDATE for each set of columns


# The columns a fact row of an import or an extraction sets: fact_columns' and the review's.
_FACT_COLS = ("article_id", "kind", "start", "end", "text", "value", *ALL_KIND_FIELDS, "extra",
              "confidence", "extractor", "status", "reviewer_id", "reviewed_at", "note", "original")
_NO_FACT_COLS = dict.fromkeys(_FACT_COLS)
_FACT_SQL: dict[str, tuple[str, Callable, list[tuple[str, Callable]]]] = {}  # by dialect


def insert_facts(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert fact rows (dicts of _FACT_COLS; a missing one is NULL) in one executemany.

    On SQLite the rows go to the driver as tuples, each value through its column type's own
    bind processor (JSON and datetimes; the rest need none): the same values SQLAlchemy would
    send, without its per-row parameter building, which cost several times the insert itself
    (scripts/bench_import.py). Elsewhere through SQLAlchemy."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite":
        conn.execute(_INSERT_FACTS, [{c: r.get(c) for c in _FACT_COLS} for r in rows])
        return
    made = _FACT_SQL.get(dialect.name)
    if made is None:
        table = Fact.__table__
        sql = (f"INSERT INTO {table.name} ({', '.join(dialect.identifier_preparer.quote(c) for c in _FACT_COLS)}) "
               f"VALUES ({', '.join('?' for _ in _FACT_COLS)})")
        procs = [(c, p) for c in _FACT_COLS
                 if (p := table.c[c].type._cached_bind_processor(dialect)) is not None]
        made = _FACT_SQL[dialect.name] = (sql, itemgetter(*_FACT_COLS), procs)
    sql, getter, procs = made
    params = []
    for r in rows:
        r = {**_NO_FACT_COLS, **r}
        for c, proc in procs:
            v = r[c]
            if v is not None:
                r[c] = proc(v)
        params.append(getter(r))
    conn.exec_driver_sql(sql, params)


def _chunks(seq: Sequence, n: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _prefixed_pending(prefix: str):
    """The pending facts of some articles whose extractor starts with `prefix`, built once."""
    stmt = _PREFIXED.get(prefix)
    if stmt is None:
        stmt = _PREFIXED[prefix] = (
            select(Fact.id, Fact.article_id, Fact.kind, Fact.start, Fact.end, Fact.value, Fact.extractor)
            .where(Fact.article_id.in_(_IDS), Fact.status == Status.pending.value,
                   Fact.extractor.startswith(prefix, autoescape=True)))
    return stmt


def _set_fields(keys: tuple[str, ...]):
    """UPDATE articles SET these columns WHERE id = :b_id, built once for each set of columns."""
    stmt = _SET_FIELDS.get(keys)
    if stmt is None:
        cols = Article.__table__.c
        stmt = _SET_FIELDS[keys] = (
            update(Article).where(Article.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}", type_=cols[k].type) for k in keys}))
    return stmt


class Writer:
    """Bulk writes inside one transaction (import, extraction)."""

    def __init__(self, conn: Connection, reviewer_id: Callable[[Optional[str], Connection], Optional[int]]):
        self.reviewer_id = reviewer_id
        self.conn = conn
        # Content hashes looked up in this transaction, and those found stored (or stored here):
        # a batch asks the database once for all its texts.
        self._looked: set[str] = set()
        self._stored: set[str] = set()
        self._added: Optional[list[str]] = None  # hashes stored inside the open savepoint

    @contextmanager
    def savepoint(self):
        """All or nothing for one file inside a larger transaction."""
        sp = self.conn.begin_nested()
        outer, self._added = self._added, []
        try:
            yield
        except IntegrityError as exc:
            sp.rollback()
            self._forget()
            raise ValueError(_("could not be stored: {reason}").format(reason=exc.orig)) from exc
        except BaseException:
            sp.rollback()
            self._forget()
            raise
        else:
            sp.commit()
            if outer is not None:
                outer.extend(self._added)
        finally:
            self._added = outer

    def _forget(self) -> None:
        """The texts a rolled-back savepoint stored are not stored after all."""
        self._stored.difference_update(self._added or ())

    def look_up(self, hashes: Iterable[str]) -> None:
        """Read which of these content hashes are stored, in one query a CHUNK: add_articles
        then asks nothing for them."""
        todo = [h for h in dict.fromkeys(hashes) if h not in self._looked]
        self._stored |= stored_hashes(self.conn, todo)
        self._looked.update(todo)

    def add_article(self, art: ArticleIn) -> Optional[int]:
        """Insert an article and its facts; None if the same text is already stored."""
        return self.add_articles([art])[0]

    def add_articles(self, arts: Sequence[ArticleIn], *, hashes: Optional[Sequence[str]] = None,
                     filled: Optional[Sequence[Optional[dict[str, Any]]]] = None) -> list[Optional[int]]:
        """Insert articles and their facts, in a few statements for the lot: their ids in
        order, None for one whose text is already stored (or comes earlier in `arts`).
        `hashes`: their content_hash, when the caller has them; `filled`: for each, the fields
        (title, published, source, author, content) an extraction read before fills, stored
        with it rather than written over it after (which would index its words twice)."""
        if hashes is None:
            hashes = [content_hash(a.text) for a in arts]
        self.look_up(hashes)
        at = now()
        rows, new = [], []
        for i, (art, h) in enumerate(zip(arts, hashes)):
            if h in self._stored:
                continue
            self._stored.add(h)
            if self._added is not None:
                self._added.append(h)
            row = {
                "uid": art.uid, "origin": art.origin, "text": art.text,
                "content": [list(r) for r in art.content] or [[0, len(art.text)]],
                "title": art.title, "published": art.published, "source": art.source,
                "author": art.author, "url": art.url, "content_hash": h, "imported_at": at,
                "n_facts": 0, "n_pending": 0,
            }
            if filled is not None and filled[i]:
                row.update(filled[i])
            rows.append(row)
            new.append(i)
        ids: list[Optional[int]] = [None] * len(arts)
        if not rows:
            return ids
        for i, aid in zip(new, self._insert_articles(rows)):
            ids[i] = aid
        index_articles(self.conn, [ids[i] for i in new])
        own, counted = [], []
        for i in new:
            art, aid = arts[i], ids[i]
            for j, fact in enumerate(art.facts):
                review = art.reviews[j] if j < len(art.reviews) else Review()
                cols = fact_columns(fact)
                cols.update(
                    article_id=aid,
                    status=review.status.value,
                    reviewer_id=self.reviewer_id(review.reviewer, self.conn),
                    reviewed_at=_parse_dt(review.reviewed_at),
                    note=review.note,
                    original=review.original,
                )
                own.append(cols)
            if art.facts:
                counted.append(aid)
        insert_facts(self.conn, own)
        recount(self.conn, counted)
        return ids

    def _insert_articles(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert article rows (texts not stored yet, none twice); their ids in order: read
        back by content hash, in one query a CHUNK, after one executemany for the lot."""
        if len(rows) == 1:
            return [self.conn.execute(_INSERT_ARTICLE, rows[0]).inserted_primary_key[0]]
        self.conn.execute(_INSERT_ARTICLE, rows)
        ids: dict[str, int] = {}
        for chunk in _chunks([r["content_hash"] for r in rows]):
            ids.update(self.conn.execute(_IDS_BY_HASH, {"hs": list(chunk)}).all())
        return [ids[r["content_hash"]] for r in rows]

    def articles(self, article_ids: Sequence[int]) -> dict[int, ArticleRecord]:
        """These articles, read in one query a CHUNK."""
        out: dict[int, ArticleRecord] = {}
        for chunk in _chunks(list(article_ids)):
            for r in self.conn.execute(_READ_ARTICLES, {"ids": list(chunk)}):
                out[r[0]] = ArticleRecord(*r)
        return out

    def replace_pending(
        self, article_id: int, facts: Sequence[dict[str, Any]], extractor: str
    ) -> tuple[int, int]:
        """Re-extraction: keep reviewed facts, drop pending ones no longer produced,
        add new ones where no reviewed fact of the same kind overlaps. Returns (added, removed)."""
        return self.replace_pending_many([(article_id, facts)], extractor)[0]

    def replace_pending_many(
        self, batch: Sequence[tuple[int, Sequence[dict[str, Any]]]], extractor: str
    ) -> list[tuple[int, int]]:
        """replace_pending for several articles, each with the facts the run found in it, in a
        few statements for the lot (reading, deleting, inserting, counting). Returns each
        article's (added, removed), in order."""
        ids = [aid for aid, _ in batch]
        if len(set(ids)) != len(ids):  # the same article twice: the second reads the first's
            return [r for part in _distinct_runs(batch)
                    for r in self.replace_pending_many(part, extractor)]
        lock_articles(self.conn, ids)  # no reviewer decides a fact it is replacing
        existing: dict[int, list] = defaultdict(list)
        for chunk in _chunks(ids):
            for r in self.conn.execute(_EXISTING, {"ids": list(chunk)}):
                existing[r.article_id].append(r)
        # The extractors of this run ("rules@1", or "rules@1+learned@4" with a model): their
        # pending facts are theirs to keep or remove; another's (same-name, an imported
        # model's) stay and count.
        names = run_extractors(extractor)
        owners: dict[Optional[str], bool] = {}

        def own(fact_extractor: Optional[str]) -> bool:
            mine = owners.get(fact_extractor)
            if mine is None:
                mine = owners[fact_extractor] = extractor_name(fact_extractor or "") in names
            return mine

        out: list[tuple[int, int]] = []
        stale: list[int] = []
        new_rows: list[dict[str, Any]] = []
        for aid, facts in batch:
            rows = existing.get(aid)
            if not rows:  # nothing stored yet (a new article): every fact goes in
                for f in facts:
                    cols = fact_columns(f)
                    cols.update(article_id=aid, status=Status.pending.value)
                    new_rows.append(cols)
                out.append((len(facts), 0))
                continue
            # The characters reviewed facts cover, per kind: a new fact overlapping one is not
            # proposed again (a lookup over its own span, not over every reviewed fact).
            covered: dict[str, bytearray] = {}
            for r in rows:
                if r.status != Status.pending or not own(r.extractor):
                    marks = covered.setdefault(r.kind, bytearray())
                    if len(marks) < r.end:
                        marks.extend(bytes(r.end - len(marks)))
                    marks[r.start:r.end] = b"\x01" * (r.end - r.start)
            pending = {(r.kind, r.start, r.end, r.value, r.extractor): r.id for r in rows
                       if r.status == Status.pending}
            keep: set[int] = set()
            added = 0
            for f in facts:
                key = (f["kind"], f["start"], f["end"], f["value"], f.get("extractor", ""))
                if key in pending:
                    keep.add(pending[key])
                    continue
                marks = covered.get(f["kind"])
                if marks is not None and marks.find(1, f["start"], f["end"]) >= 0:
                    continue
                cols = fact_columns(f)
                cols.update(article_id=aid, status=Status.pending.value)
                new_rows.append(cols)
                added += 1
            # Only this extractor's pending facts are its to remove.
            gone = [fid for key, fid in pending.items() if fid not in keep and own(key[4])]
            stale += gone
            out.append((added, len(gone)))
        for chunk in _chunks(stale):
            self.conn.execute(_DELETE_FACTS, {"ids": list(chunk)})
        insert_facts(self.conn, new_rows)
        for chunk in _chunks(ids):
            self.conn.execute(_EXTRACTED_WITH, {"ids": list(chunk), "tag": extractor})
        recount(self.conn, ids)
        return out

    def merge_fact(self, row) -> bool:
        """A facts-CSV row coming home: update the fact at the same span and kind, or add it.
        Raises ValueError (with the row's line) when its article or text is not here."""
        arts = self.conn.execute(
            select(Article.id, Article.origin, Article.text).where(Article.uid == row.article_uid)
        ).all()
        if len(arts) > 1:
            arts = [a for a in arts if a.origin == row.article_origin] or arts[:0]
        if not arts:
            raise ValueError(_("{where}: no article {uid!r} in this workspace (import the articles "
                               "first)").format(where=row.where, uid=row.article_uid))
        aid, text = arts[0].id, arts[0].text
        lock_articles(self.conn, [aid])
        f = row.fact
        if text[f.start:f.end] != f.text:
            raise ValueError(_("{where}: text {text!r} is not at {start}-{end} of article {uid!r}").format(
                where=row.where, text=f.text, start=f.start, end=f.end, uid=row.article_uid))
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
        return self.drop_stale_pending_many([(article_id, keep)], extractor_prefix)

    def drop_stale_pending_many(self, batch: Sequence[tuple[int, Iterable[tuple]]],
                                extractor_prefix: str) -> int:
        """drop_stale_pending for several articles, each with what it keeps: one read and one
        delete for the lot. Returns how many facts were removed."""
        keeps: dict[int, set] = defaultdict(set)
        for aid, keep in batch:
            keeps[aid].update(keep)
        ids = sorted(keeps)
        lock_articles(self.conn, ids)
        stale = []
        for chunk in _chunks(ids):
            for r in self.conn.execute(_prefixed_pending(extractor_prefix), {"ids": list(chunk)}):
                if (r.kind, r.start, r.end, r.value, r.extractor) not in keeps[r.article_id]:
                    stale.append(r.id)
        for chunk in _chunks(stale):
            self.conn.execute(_DELETE_FACTS, {"ids": list(chunk)})
        return len(stale)

    def set_metadata(self, article_id: int, **values: Any) -> None:
        self.set_metadata_many({article_id: values})

    def set_metadata_many(self, values: dict[int, dict[str, Any]]) -> None:
        """Article fields for several articles: one statement for those setting the same
        columns; the search words of those whose title changed brought up to date."""
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for aid, cols in values.items():
            if cols:
                groups[tuple(sorted(cols))].append({"b_id": aid, **{f"b_{k}": v for k, v in cols.items()}})
        for keys, params in groups.items():
            self.conn.execute(_set_fields(keys), params)
        index_articles(self.conn, [aid for aid, cols in values.items() if "title" in (cols or {})])


def _distinct_runs(batch: Sequence[tuple[int, Any]]) -> Iterable[list[tuple[int, Any]]]:
    """The batch in consecutive parts, none holding the same article twice."""
    part: list[tuple[int, Any]] = []
    seen: set[int] = set()
    for item in batch:
        if item[0] in seen:
            yield part
            part, seen = [], set()
        part.append(item)
        seen.add(item[0])
    if part:
        yield part


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


