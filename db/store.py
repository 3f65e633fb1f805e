"""The store: the one API the rest of the code calls to read and write a workspace.

Every public method is one transaction. Writes return what they changed so a
view can repaint only that.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from sqlalchemy import Connection, Engine, delete, func, insert, inspect, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError

from facts.i18n import _, kind_word, status_word
from facts.model import ARTICLE_FIELDS, FactBase, Status, field_word, restorable

from .engine import (CorruptWorkspaceError, Location, NoWorkspaceError, ServerURL, WorkspaceError,
                     is_new, make_engine, migrate, needs_migration, opening_error)
from .safety import DEFAULT_KEEP, WorkspaceLock, check_file, fingerprint, make_backup
from . import counts
from . import live
from .reports import Reports
from .search import index_articles, restrict, search_ids, text_ids
from .writer import Writer, fact_columns, now
from .rows import FACT_COLS, fact_record, lock_articles, recount, stored_hashes
from .records import (ArticleRecord, ArticleRow, Change, FactRecord, ModelRecord, ReviewEventRecord,
                      Reverted, Stats)
from .schema import Article, Fact, ReviewEvent, Reviewer, State


class StoreWriteError(WorkspaceError):
    """A write that did not reach the disk; nothing of it was saved."""


class UnstorableText(WorkspaceError):
    """A typed value holding a control character: refused, nothing saved."""


class StaleFactError(WorkspaceError):
    """A decision on a fact that another reviewer changed since it was shown: refused, nothing
    saved. `fact` is the fact as it is now, to show instead."""

    def __init__(self, fact: FactRecord, who: Optional[str], at: Optional[datetime]):
        self.fact = fact
        by = who or _("another reviewer")
        fields = dict(who=by, text=fact.text, kind=kind_word(fact.kind), status=status_word(fact.status))
        if at:
            said = _("{who} changed ‘{text}’ ({kind}, now {status}) at {when}, after it was shown here. It is "
                     "shown again as it is now: decide again if need be.")
            fields["when"] = f"{at.replace(tzinfo=timezone.utc).astimezone():%Y-%m-%d %H:%M:%S}"
        else:
            said = _("{who} changed ‘{text}’ ({kind}, now {status}), after it was shown here. It is shown again "
                     "as it is now: decide again if need be.")
        super().__init__(said.format(**fields))


def _refuse_unstorable(**texts: Any) -> None:
    """What a reviewer typed is stored as typed or refused, never silently changed (the rule
    is facts.textio's): a control character in a note, a name or a corrected field."""
    from facts.textio import typed_problem

    for name, value in texts.items():
        if isinstance(value, str) and (why := typed_problem(value)):
            raise UnstorableText(_("The {field} {problem}. Nothing was saved.").format(
                field=field_word(name), problem=why))


_ARTICLE_COLS = (
    Article.id, Article.uid, Article.origin, Article.text, Article.content, Article.title,
    Article.published, Article.source, Article.author, Article.url, Article.extracted_with,
    Article.n_facts, Article.n_pending,
)
_ROW_COLS = (Article.id, Article.uid, Article.title, Article.published, Article.n_facts, Article.n_pending)


_EVENT_QUERY = (
    select(ReviewEvent.id, ReviewEvent.fact_id, ReviewEvent.article_id, ReviewEvent.action,
           Reviewer.name, ReviewEvent.at, ReviewEvent.before, ReviewEvent.after, ReviewEvent.note)
    .outerjoin(Reviewer, Reviewer.id == ReviewEvent.reviewer_id)
)

# A deleted article's log entry: before {"article": PRESENT, "title", "row": the article's
# stored columns, "facts": each fact's stored columns}, after {"article": DELETED}; the entry
# that puts it back: before {"article": DELETED, "title"}, after {"article": PRESENT}.
PRESENT, DELETED = "in the workspace", "deleted"


class _Turns:
    """The threads of this program write in the order they asked (first come, first served;
    reentrant). SQLite's own lock is not fair: a thread that writes batch after batch (an
    import) would take it again before a waiting reviewer's decision woke up to try, and the
    decision would fail as "database is locked" after the busy timeout."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0  # the ticket handed to the next thread that asks
        self._serving = 0  # the ticket whose thread writes now
        self._owner: Optional[int] = None
        self._depth = 0

    def __enter__(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return
            ticket = self._next
            self._next += 1
            while self._serving != ticket:
                self._cond.wait()
            self._owner, self._depth = me, 1

    def __exit__(self, *exc) -> None:
        with self._cond:
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._serving += 1
                self._cond.notify_all()


class Store(Reports):
    """A workspace (an SQLite file, or a database on a PostgreSQL server) and the operations
    on it."""

    def __init__(self, engine: Engine, path: Location, lock: Optional[WorkspaceLock] = None):
        self.engine = engine
        self.path = path
        self.lock = lock
        self._reviewers: dict[str, int] = {}
        self._turns = _Turns()

    # -- opening ---------------------------------------------------------
    @classmethod
    def open(cls, path: Location | str, *, lock: bool = True, create: bool = True) -> "Store":
        """Open and migrate a workspace (creating it if `create`); raises WorkspaceError.

        With lock (the default) this process becomes the workspace's one writer until
        close(); read-only uses (listing, statistics, exports) pass lock=False. A workspace on
        a server has many writers at once, and no such lock."""
        if isinstance(path, ServerURL):
            return cls._open_server(path, create=create)
        path = Path(path).expanduser()
        if path.is_dir():
            raise WorkspaceError(_("{path} is a folder, not a workspace file.").format(path=path))
        if not create and is_new(path):
            if path.exists():
                said = _("There is no workspace at {where} (the file is empty). Importing articles into it "
                         "(`fact-review --db PATH import FILES`) or File ▸ New in the window creates one.")
            else:
                said = _("There is no workspace at {where}. Importing articles into it (`fact-review --db PATH "
                         "import FILES`) or File ▸ New in the window creates one.")
            raise NoWorkspaceError(said.format(where=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            check_file(path)
        except OSError as exc:
            raise WorkspaceError(_("{path} cannot be opened: {reason}.").format(
                path=path, reason=exc.strerror or exc)) from None
        held = WorkspaceLock(path).acquire() if lock else None
        read_only_media = not lock and path.exists() and not os.access(path.parent, os.W_OK)
        engine = make_engine(path, read_only_media=read_only_media and not _has_log(path))
        try:
            if held is None and needs_migration(engine, path):
                if read_only_media:
                    raise WorkspaceError(
                        _("{path} was written by an earlier version of Fact Review and must be brought up to "
                          "date, which cannot be done where it is (the folder cannot be written). Open it once "
                          "in a folder that can be, or copy it to one.").format(path=path))
                # Only one program changes the tables, and only one not writing it otherwise.
                with _briefly_locked(path):
                    migrate(engine, path)
            else:
                migrate(engine, path)
            _check_tables(engine, path)
            if held:
                held.hold_identity()  # a new file exists now
        except WorkspaceError:
            engine.dispose()
            if held:
                held.release()
            raise
        except (SADatabaseError, OSError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            if held:
                held.release()
            raise opening_error(path, exc) from exc
        return cls(engine, path, held)

    @classmethod
    def _open_server(cls, where: ServerURL, *, create: bool) -> "Store":
        if not create and is_new(where):
            raise NoWorkspaceError(
                _("There is no workspace at {where} (the database has no tables). Importing articles into it "
                  "(`fact-review --db URL import FILES`) creates one.").format(where=where))
        engine = make_engine(where)
        try:
            migrate(engine, where)
            _check_tables(engine, where)
        except WorkspaceError:
            engine.dispose()
            raise
        except SADatabaseError as exc:
            engine.dispose()
            raise opening_error(where, exc) from exc
        return cls(engine, where, None)

    @property
    def on_server(self) -> bool:
        return isinstance(self.path, ServerURL)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock:
            self.lock.release()
            self.lock = None

    # -- backups -------------------------------------------------------------
    def backup_if_changed(self, keep: int = DEFAULT_KEEP) -> Optional[Path]:
        """A consistent copy into the backups folder when anything changed since the last one.
        None on a server, whose own tools (pg_dump) back it up."""
        if self.on_server:
            return None
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            fp = fingerprint(raw)
            if fp == "0:0:0:0" or fp == self.get_state("last_backup"):
                return None
            made = make_backup(raw, self.path, keep, workspace_id=self.workspace_id())
        self.set_state("last_backup", fp)
        return made

    def workspace_id(self) -> str:
        """This workspace's own id (made on first use), recorded with each of its backups so
        that no other workspace's backup is ever listed, pruned or restored as one of its own."""
        wid = self.get_state("workspace_id")
        if not wid:
            import uuid

            wid = uuid.uuid4().hex
            self.set_state("workspace_id", wid)
        return wid

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        try:
            with self._turns, self.engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    # The write lock before the first read: sqlite3 would begin the transaction
                    # only at its first write, after it read what it changes, which another
                    # thread of the program (the window's worker) may have written meanwhile.
                    # So writers take turns, each reading what the one before wrote.
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
        except OperationalError as exc:  # disk full, read-only, I/O error, locked
            raise StoreWriteError(_("could not save to {path}: {reason}").format(
                path=self.path, reason=exc.orig)) from exc
        except SADatabaseError as exc:
            if isinstance(exc, IntegrityError):
                raise
            raise CorruptWorkspaceError(_("{path} is damaged: {reason}").format(
                path=self.path, reason=exc.orig)) from exc

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """One large transaction for bulk work."""
        with self._tx() as conn:
            yield Writer(conn, self.reviewer_id)

    # -- reviewers and state ----------------------------------------------
    def reviewer_id(self, name: Optional[str], conn: Optional[Connection] = None) -> Optional[int]:
        if not name:
            return None
        if name in self._reviewers:
            return self._reviewers[name]
        _refuse_unstorable(reviewer=name)  # every path that records a name comes here
        if conn is None:
            with self._tx() as c:
                return self.reviewer_id(name, c)
        rid = conn.execute(select(Reviewer.id).where(Reviewer.name == name)).scalar()
        if rid is None:  # unless another reviewer's program has just added the same name
            conn.execute(_insert(conn, Reviewer).values(name=name).on_conflict_do_nothing())
            rid = conn.execute(select(Reviewer.id).where(Reviewer.name == name)).scalar_one()
        # Cached only once the transaction is known to commit would be stricter; a
        # rolled-back insert is re-created on the next miss because we clear on error.
        self._reviewers[name] = rid
        return rid

    def reviewer_names(self) -> list[str]:
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(Reviewer.name)).scalars())

    def get_state(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            v = conn.execute(select(State.value).where(State.key == key)).first()
        return default if v is None else v[0]

    def set_state(self, key: str, value: Any) -> None:
        with self._tx() as conn:
            stmt = _insert(conn, State).values(key=key, value=value)
            conn.execute(stmt.on_conflict_do_update(index_elements=[State.key],
                                                    set_={"value": stmt.excluded.value}))

    # -- reading -----------------------------------------------------------
    def article_count(self) -> int:
        return self.counts().articles

    def article_ids(self, *, pending_only: bool = False, search: str = "",
                    ignore_diacritics: bool = True, cancelled=None) -> list[int]:
        """Ids in workspace order (with a search: best matches first); the list a
        view holds instead of rows. `cancelled`: a search stops (db.search.SearchCancelled)
        as soon as it is true."""
        with self.engine.connect() as conn:
            if search:
                found = search_ids(conn, search, ignore_diacritics=ignore_diacritics,
                                   cancelled=cancelled)
                if pending_only:
                    found = restrict(found, set(self._ids(conn, pending_only=True)))
                return found
            return self._ids(conn, pending_only=pending_only)

    @staticmethod
    def _ids(conn: Connection, *, pending_only: bool) -> list[int]:
        if conn.dialect.name == "sqlite":
            # Read from the covering index (a few MB), not the table (the texts), then sort.
            sql = "SELECT id FROM articles INDEXED BY ix_articles_n_pending"
            if pending_only:
                sql += " WHERE n_pending > 0"
            rows = conn.connection.dbapi_connection.execute(sql).fetchall()
            return sorted(r[0] for r in rows)
        # PostgreSQL keeps long texts apart from the rows (TOAST): a scan reads no text.
        q = select(Article.id).order_by(Article.id)
        return list(conn.execute(q.where(Article.n_pending > 0) if pending_only else q).scalars())

    def article_rows(self, ids: Sequence[int]) -> dict[int, ArticleRow]:
        out: dict[int, ArticleRow] = {}
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # Through the driver: tens of thousands of rows (a search's, `articles`) without
                # SQLAlchemy's cost per row and per statement.
                raw = conn.connection.dbapi_connection
                for chunk in _chunks(ids, 500):
                    sql = ("SELECT id, uid, title, published, n_facts, n_pending FROM articles "
                           f"WHERE id IN ({', '.join('?' * len(chunk))})")
                    for r in raw.execute(sql, list(chunk)):
                        out[r[0]] = ArticleRow(*r)
                return out
            for chunk in _chunks(ids, 500):
                for r in conn.execute(select(*_ROW_COLS).where(Article.id.in_(chunk))):
                    out[r[0]] = ArticleRow(*r)
        return out

    def article(self, article_id: int) -> Optional[ArticleRecord]:
        with self.engine.connect() as conn:
            r = conn.execute(select(*_ARTICLE_COLS).where(Article.id == article_id)).first()
        return ArticleRecord(*r) if r else None

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes (writer.content_hash) are stored already: an import
        with extraction reads only the texts that will go in."""
        with self.engine.connect() as conn:
            return stored_hashes(conn, hashes)

    def articles_to_extract(self, extractor: str, *, everything: bool = False,
                            never: bool = False) -> list[int]:
        """Articles not yet extracted by `extractor` (with `never`: by no extractor at all)."""
        q = select(Article.id).order_by(Article.id)
        if never:
            q = q.where(Article.extracted_with.is_(None))
        elif not everything:
            q = q.where((Article.extracted_with.is_(None)) | (Article.extracted_with != extractor))
        with self.engine.connect() as conn:
            return list(conn.execute(q).scalars())

    def decided_facts(self, statuses: Sequence[str]) -> Iterator[tuple]:
        """(extractor, kind, confidence, extra, original, status) of the facts with these
        statuses, streamed: what a calibration is fitted on."""
        q = select(Fact.extractor, Fact.kind, Fact.confidence, Fact.extra, Fact.original,
                   Fact.status).where(Fact.status.in_(list(statuses)))
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(q)
            for part in result.partitions():
                yield from (tuple(r) for r in part)

    def count_by_status(self, statuses: Sequence[str]) -> dict[str, int]:
        q = (select(Fact.status, func.count()).where(Fact.status.in_(list(statuses)))
             .group_by(Fact.status))
        with self.engine.connect() as conn:
            return {s: n for s, n in conn.execute(q)}

    def completed_count(self) -> int:
        """Articles with facts and none of them pending: what learning counts as done."""
        return self.counts().done_articles

    def count_to_extract(self, extractor: str, *, never: bool = False) -> int:
        """Articles not yet extracted by `extractor` (with `never`: by no extractor at all)."""
        q = select(func.count()).select_from(Article).where(
            Article.extracted_with.is_(None) if never else
            (Article.extracted_with.is_(None)) | (Article.extracted_with != extractor))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def facts(self, article_id: int) -> list[FactRecord]:
        """An article's facts in reading order."""
        q = (
            select(*FACT_COLS)
            .outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
            .where(Fact.article_id == article_id)
            .order_by(Fact.start, Fact.end, Fact.id)
        )
        with self.engine.connect() as conn:
            return [fact_record(r) for r in conn.execute(q)]

    def fact(self, fact_id: int, conn: Optional[Connection] = None) -> Optional[FactRecord]:
        q = select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id).where(
            Fact.id == fact_id
        )
        if conn is not None:
            r = conn.execute(q).first()
        else:
            with self.engine.connect() as c:
                r = c.execute(q).first()
        return fact_record(r) if r else None

    def pending_total(self) -> int:
        """Facts pending in the workspace: a maintained count (db/counts.py), not a recount."""
        with self.engine.connect() as conn:
            n = counts.pending_total(conn)
            if conn.dialect.name == "postgresql":
                self._fold_counts(conn)
        return n

    def counts(self) -> "counts.Counts":
        """The workspace's maintained counts (db/counts.py): articles, facts by kind, status
        and extractor; as cheap at a million articles as at ten."""
        with self.engine.connect() as conn:
            self._fold_counts(conn)
            return counts.read(conn)

    def _fold_counts(self, conn: Connection) -> None:
        """PostgreSQL: fold the rows of the counts when there are many (db/counts.fold)."""
        if conn.dialect.name == "postgresql" and counts.rows(conn) > counts.FOLD_AFTER:
            with self._tx() as tx:
                counts.fold(tx)

    def next_article_with_pending(self, after_id: int, *, wrap: bool = True) -> Optional[int]:
        with self.engine.connect() as conn:
            q = select(Article.id).where(Article.n_pending > 0).order_by(Article.id).limit(1)
            nxt = conn.execute(q.where(Article.id > after_id)).scalar()
            if nxt is None and wrap:
                nxt = conn.execute(q).scalar()
        return nxt

    def stats(self) -> Stats:
        """Facts by kind and status, from the maintained counts (db/counts.py)."""
        c = self.counts()
        articles = c.articles
        rows = [(k, s, n) for (k, s), n in c.by_kind_status().items()]
        by_kind: dict[str, int] = {}
        by_status: dict[str, int] = {}
        for kind, status, n in rows:
            by_kind[kind] = by_kind.get(kind, 0) + n
            by_status[status] = by_status.get(status, 0) + n
        return Stats(
            articles=articles, facts=sum(by_kind.values()), by_kind=by_kind,
            by_status=by_status, by_kind_status={(k, s): n for k, s, n in rows},
        )

    def status_counts(self, article_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = {i: {} for i in article_ids}
        with self.engine.connect() as conn:
            for chunk in _chunks(article_ids, 500):
                q = (
                    select(Fact.article_id, Fact.status, func.count())
                    .where(Fact.article_id.in_(chunk))
                    .group_by(Fact.article_id, Fact.status)
                )
                for aid, status, n in conn.execute(q):
                    out[aid][status] = n
        return out

    def iter_articles(self, batch: int = 200) -> Iterator[tuple[ArticleRecord, list[FactRecord]]]:
        """Every article with its facts, streamed in id order (exports)."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                arts = [ArticleRecord(*r) for r in conn.execute(
                    select(*_ARTICLE_COLS).where(Article.id > last).order_by(Article.id).limit(batch)
                )]
                if not arts:
                    return
                ids = [a.id for a in arts]
                facts: dict[int, list[FactRecord]] = {i: [] for i in ids}
                q = (
                    select(*FACT_COLS)
                    .outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
                    .where(Fact.article_id.in_(ids))
                    .order_by(Fact.article_id, Fact.start, Fact.end, Fact.id)
                )
                for r in conn.execute(q):
                    facts[r[1]].append(fact_record(r))
            for a in arts:
                yield a, facts[a.id]
            last = ids[-1]

    def review_log(self, fact_id: Optional[int] = None, limit: int = 200, *,
                   article_id: Optional[int] = None) -> list[ReviewEventRecord]:
        q = _EVENT_QUERY.order_by(ReviewEvent.id.desc()).limit(limit)
        if fact_id is not None:
            q = q.where(ReviewEvent.fact_id == fact_id)
        if article_id is not None:
            q = q.where(ReviewEvent.article_id == article_id, ReviewEvent.fact_id.is_(None))
        with self.engine.connect() as conn:
            return [ReviewEventRecord(*r) for r in conn.execute(q)]

    # -- review decisions --------------------------------------------------
    # Every decision is one transaction and one log entry; the record returned carries the
    # id of that entry (`event_id`), which undo, redo and History ▸ Revert all go back to.
    def decide(
        self,
        fact_id: int,
        action: str,
        reviewer: Optional[str],
        *,
        status: Optional[str] = None,
        changes: Optional[dict[str, Any]] = None,
        note: Optional[str] = None,
        version: Optional[int] = None,
    ) -> FactRecord:
        """Apply one decision and log it. `action` is what the log says (accept, reject,
        edit, flag, reset, undo, redo, revert); `status` the fact's new status; `changes`
        new values of kind, span, value or kind fields; `version` the fact's version its
        reviewer was shown (StaleFactError if it has changed since). Returns the fact as saved."""
        _refuse_unstorable(note=note, reviewer=reviewer, **{k: v for k, v in (changes or {}).items()
                                                             if k != "text"})

        def run(conn):
            self._lock_facts(conn, [fact_id])
            return self._judge_or_decide(conn, fact_id, action, reviewer, status, changes, note, version)
        return self._write(run)

    def decide_many(self, fact_ids: Sequence[int], action: str, reviewer: Optional[str], *,
                    status: str, versions: Optional[dict[int, int]] = None) -> list[FactRecord]:
        """The same decision on several facts, all or none, in one transaction; `versions`: of
        the facts shown to the reviewer, the version shown (as decide's)."""
        def run(conn):
            self._lock_facts(conn, fact_ids)
            return [self._judge_or_decide(conn, fid, action, reviewer, status, None, None,
                                          (versions or {}).get(fid)) for fid in fact_ids]
        return self._write(run)

    def _judge_or_decide(self, conn, fact_id, action, reviewer, status, changes, note, version):
        """On a shared article, an assigned reviewer's decision is kept as their own judgment
        (db/team.py); anywhere else it decides the workspace's fact."""
        from . import team

        judged = team.judge(self, conn, fact_id, action, reviewer, changes, note)
        if judged is not None:
            return judged
        return self._decide(conn, fact_id, action, reviewer, status, changes, note, version)

    @staticmethod
    def _lock_facts(conn, fact_ids: Sequence[int]) -> None:
        """Hold the articles of these facts (rows.lock_articles) before reading them."""
        aids: set[int] = set()
        for chunk in _chunks(list(fact_ids), 500):
            aids.update(conn.execute(select(Fact.article_id).where(Fact.id.in_(chunk))).scalars())
        lock_articles(conn, aids)

    def add_fact(self, article_id: int, fact: FactBase, reviewer: Optional[str],
                 note: Optional[str] = None) -> FactRecord:
        _refuse_unstorable(note=note, reviewer=reviewer)

        def run(conn):
            from . import team

            lock_articles(conn, [article_id])
            judged = team.judge_add(self, conn, article_id, fact, reviewer, note)
            if judged is not None:  # a reviewer of a shared article: theirs until adjudicated
                return judged
            rid = self.reviewer_id(reviewer, conn)
            cols = fact_columns(fact)
            cols.update(article_id=article_id, status=Status.added.value, reviewer_id=rid,
                        reviewed_at=now(), note=note)
            fid = conn.execute(insert(Fact).values(**cols)).inserted_primary_key[0]
            after = self.fact(fid, conn)
            after.event_id = self._log(conn, fid, article_id, "add", rid, None, after.snapshot(), note)
            recount(conn, [article_id])
            return after
        return self._write(run)

    def revert(self, event_ids: Sequence[int], reviewer: Optional[str], action: str = "revert", *,
               restore: Sequence[dict[str, Any]] = ()) -> Reverted:
        """Put back what logged decisions changed, as it was before them (of any session), all
        or none, newest first. Undo is the revert of a decision, redo the revert of the undo,
        History ▸ Revert and `fact-review revert` the revert of any entry: one path.

        The same-name proposals a reverted decision made and nobody has decided yet go with
        it (their rows are returned: `withdrawn`); `restore` puts such rows back under their
        own ids (the redo of an undo), where nothing overlaps them by then."""
        def run(conn):
            events = sorted(event_ids, reverse=True)
            self._lock_for_revert(conn, events, restore)
            withdrawn = []
            for chunk in _chunks(events, 500):
                withdrawn += [dict(r) for r in conn.execute(
                    select(Fact.__table__).where(Fact.proposed_by.in_(chunk),
                                                 Fact.status == Status.pending.value)).mappings()]
            if withdrawn:
                conn.execute(delete(Fact).where(Fact.id.in_([r["id"] for r in withdrawn])))
                recount(conn, sorted({r["article_id"] for r in withdrawn}))
            changes = [self._revert(conn, e, reviewer, action) for e in events]
            back = []
            for row in restore:
                if conn.execute(select(Fact.id).where(Fact.id == row["id"])).first() is not None:
                    continue
                if conn.execute(select(Article.id).where(Article.id == row["article_id"])).first() is None:
                    continue
                if conn.execute(select(Fact.id).where(Fact.article_id == row["article_id"],
                                                      Fact.start < row["end"],
                                                      Fact.end > row["start"])).first() is not None:
                    continue
                # Proposed now by the decision this redo put back.
                conn.execute(insert(Fact).values(**{**row, "proposed_by": changes[-1].event_id}))
                back.append(row["id"])
            if back:
                recount(conn, sorted({r["article_id"] for r in restore if r["id"] in back}))
            return Reverted(changes, withdrawn, self._fact_records(conn, back))
        return self._write(run)

    @staticmethod
    def _lock_for_revert(conn, events: Sequence[int], restore: Sequence[dict[str, Any]]) -> None:
        """Hold every article a revert may change: those of its decisions, of the proposals
        they made, and of the proposals it puts back."""
        aids = {r["article_id"] for r in restore}
        for chunk in _chunks(list(events), 500):
            aids.update(conn.execute(select(ReviewEvent.article_id)
                                     .where(ReviewEvent.id.in_(chunk))).scalars())
            aids.update(conn.execute(select(Fact.article_id)
                                     .where(Fact.proposed_by.in_(chunk))).scalars())
        lock_articles(conn, aids)

    def revert_one(self, event_id: int, reviewer: Optional[str], action: str = "revert") -> Change:
        """revert() of one decision: what it changed."""
        return self.revert([event_id], reviewer, action).changes[0]

    def correct_article(self, article_id: int, reviewer: Optional[str], **values: Any) -> int:
        """Correct the article's title, published date, source or author: a logged decision
        that undo and History can revert. Returns the log entry's id."""
        bad = set(values) - set(ARTICLE_FIELDS)
        if bad:
            raise ValueError(f"not editable: {', '.join(sorted(bad))}")
        _refuse_unstorable(reviewer=reviewer, **{"article_title" if k == "title" else k: v for k, v in values.items()})

        def run(conn):
            lock_articles(conn, [article_id])
            cur = conn.execute(select(*(getattr(Article, k) for k in values))
                               .where(Article.id == article_id)).first()
            if cur is None:
                raise WorkspaceError(_("article {id} no longer exists").format(id=article_id))
            before = dict(zip(values, cur))
            conn.execute(update(Article).where(Article.id == article_id).values(**values))
            if "title" in values:
                index_articles(conn, [article_id])
            return self._log(conn, None, article_id, "correct", self.reviewer_id(reviewer, conn),
                             before, dict(values), None)
        return self._write(run)

    def delete_articles(self, article_ids: Sequence[int], reviewer: Optional[str]) -> list[Change]:
        """Delete articles with their facts, all or none: one logged decision each, which
        keeps the article and every fact as stored (ids, statuses, reviewers, times, edits),
        so that undo, History ▸ Revert and `fact-review revert` put it back as it was. No
        other article or fact is ever given their ids meanwhile (migrations 0006, 0007)."""
        def run(conn):
            lock_articles(conn, article_ids)
            rid = self.reviewer_id(reviewer, conn)
            return [self._delete_article(conn, aid, rid, "delete") for aid in dict.fromkeys(article_ids)]
        return self._write(run)

    def delete_article(self, article_id: int, reviewer: Optional[str]) -> Change:
        return self.delete_articles([article_id], reviewer)[0]

    def same_pending(self, kind: str, text: str) -> list[int]:
        """Ids of the pending facts of this kind with exactly this text, anywhere."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(Fact.id).where(
                Fact.status == Status.pending.value, Fact.kind == kind, Fact.text == text)
                .order_by(Fact.article_id, Fact.start)).scalars())

    # -- proposals: other mentions of a name a reviewer decided (facts/propose.py) ------------
    def name_candidates(self, name: str) -> list[int]:
        """Ids of the articles whose text may hold `name`, in id order: its words as a phrase in
        the search index (any case; the caller matches exactly; db/search.py)."""
        with self.engine.connect() as conn:
            return text_ids(conn, name)

    def articles_with_name(self, kind: str, text: str) -> set[int]:
        """Articles holding a fact of this kind with exactly this text, of any status."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(Fact.article_id).where(Fact.kind == kind, Fact.text == text)
                                    .distinct()).scalars())

    def name_context(self, article_ids: Sequence[int], kind: str, text: str
                     ) -> list[tuple[int, str, list, list[tuple[int, int]], bool]]:
        """What proposing a name in these articles needs, per article: (id, text, content ranges,
        the spans of all its facts, whether a reviewer rejected a `kind` fact with this text there)."""
        out = []
        with self.engine.connect() as conn:
            for chunk in _chunks(list(article_ids), 200):
                arts = {r[0]: r for r in conn.execute(
                    select(Article.id, Article.text, Article.content).where(Article.id.in_(chunk)))}
                spans: dict[int, list[tuple[int, int]]] = {i: [] for i in arts}
                rejected: set[int] = set()
                for aid, s, e, k, t, st in conn.execute(
                        select(Fact.article_id, Fact.start, Fact.end, Fact.kind, Fact.text, Fact.status)
                        .where(Fact.article_id.in_(chunk))):
                    spans[aid].append((s, e))
                    if st == Status.rejected.value and k == kind and t == text:
                        rejected.add(aid)
                out += [(aid, arts[aid][1], arts[aid][2] or [], spans[aid], aid in rejected)
                        for aid in chunk if aid in arts]
        return out

    def add_proposals(self, proposals: Sequence[tuple[int, FactBase]], proposed_by: Optional[int]
                      ) -> list[FactRecord]:
        """Pending facts that a reviewer's decision (its log entry `proposed_by`) suggests, all in
        one transaction: each (article id, fact) is inserted unless a fact of any status overlaps
        it by then; the articles' counts follow. Not decisions: nothing is logged; reverting the
        decision takes back those still pending (revert_many)."""
        def run(conn):
            aids = sorted({aid for aid, _ in proposals})
            lock_articles(conn, aids)
            taken: dict[int, list[tuple[int, int]]] = {aid: [] for aid in aids}
            for chunk in _chunks(aids, 500):
                for aid, s, e in conn.execute(select(Fact.article_id, Fact.start, Fact.end)
                                              .where(Fact.article_id.in_(chunk))):
                    taken[aid].append((s, e))
            rows = []
            for aid, fact in proposals:
                if any(s < fact.end and fact.start < e for s, e in taken[aid]):
                    continue
                cols = fact_columns(fact)
                cols.update(article_id=aid, status=Status.pending.value, reviewer_id=None,
                            reviewed_at=None, proposed_by=proposed_by)
                rows.append(cols)
                taken[aid].append((fact.start, fact.end))
            if not rows:
                return []
            ids = list(conn.execute(insert(Fact).returning(Fact.id, sort_by_parameter_order=True),
                                    rows).scalars())
            recount(conn, sorted({r["article_id"] for r in rows}))
            return self._fact_records(conn, ids)
        return self._write(run)

    def _fact_records(self, conn, ids: Sequence[int]) -> list[FactRecord]:
        """These facts, in the order of `ids`."""
        found: dict[int, FactRecord] = {}
        for chunk in _chunks(list(ids), 500):
            q = select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id).where(
                Fact.id.in_(chunk))
            found.update((r[0], fact_record(r)) for r in conn.execute(q))
        return [found[i] for i in ids if i in found]

    def event(self, event_id: int) -> Optional[ReviewEventRecord]:
        with self.engine.connect() as conn:
            r = conn.execute(_EVENT_QUERY.where(ReviewEvent.id == event_id)).first()
        return ReviewEventRecord(*r) if r else None

    def update_article(self, article_id: int, **values: Any) -> None:
        """What the importer and the extractor fill in (content ranges, metadata found);
        a reviewer's correction goes through correct_article()."""
        allowed = {"title", "published", "source", "author", "content"}
        bad = set(values) - allowed
        if bad:
            raise ValueError(f"not editable: {', '.join(sorted(bad))}")
        with self._tx() as conn:
            conn.execute(update(Article).where(Article.id == article_id).values(**values))
            if "title" in values:
                index_articles(conn, [article_id])

    # -- decisions, inside a transaction ---------------------------------------------
    def _write(self, fn):
        try:
            with self._tx() as conn:
                out = fn(conn)
                live.notify(conn)  # the other windows on a server see it now
                return out
        except BaseException:
            self._reviewers.clear()  # an id cached inside a rolled-back transaction
            raise

    @staticmethod
    def _log(conn, fact_id, article_id, action, rid, before, after, note) -> int:
        return conn.execute(insert(ReviewEvent).values(
            fact_id=fact_id, article_id=article_id, action=action, reviewer_id=rid, at=now(),
            before=before, after=after, note=note)).inserted_primary_key[0]

    def _decide(self, conn, fact_id, action, reviewer, status, changes, note,
                version: Optional[int] = None) -> FactRecord:
        """One decision inside a transaction that holds the fact's article (lock_articles)."""
        before = self.fact(fact_id, conn)
        if before is None:
            raise WorkspaceError(_("fact {id} no longer exists").format(id=fact_id))
        if version is not None and version != before.version:  # who wrote it since: its last entry
            who, at = conn.execute(
                select(Reviewer.name, ReviewEvent.at)
                .outerjoin(Reviewer, Reviewer.id == ReviewEvent.reviewer_id)
                .where(ReviewEvent.fact_id == fact_id).order_by(ReviewEvent.id.desc()).limit(1)
            ).first() or (None, None)
            raise StaleFactError(before, who, at)
        values: dict[str, Any] = {"version": Fact.version + 1}
        if changes:
            merged = {**before.snapshot(), **changes}
            values.update({k: v for k, v in fact_columns(merged).items()
                           if k not in ("confidence", "extractor", "extra")})
            shown = before.snapshot()
            moved = any(merged.get(k) != shown.get(k) for k in changes)
            if action in ("undo", "redo", "revert"):
                # Back as the extractor gave it: not an edited fact any more.
                if before.original is not None and restorable(merged) == restorable(before.original):
                    values["original"] = None
            elif moved and before.original is None and before.status != Status.added:
                values["original"] = shown
        if status is not None:
            values["status"] = status
        if note is not None:
            values["note"] = note or None
        rid = self.reviewer_id(reviewer, conn)
        if (status or before.status) == Status.pending:
            values.update(reviewer_id=None, reviewed_at=None)  # nobody has decided it now
        else:
            values.update(reviewer_id=rid, reviewed_at=now())
        conn.execute(update(Fact).where(Fact.id == fact_id).values(**values))
        after = self.fact(fact_id, conn)
        after.event_id = self._log(conn, fact_id, before.article_id, action, rid, before.snapshot(),
                                   after.snapshot(), note)
        recount(conn, [before.article_id])
        return after

    def _revert(self, conn, event_id, reviewer, action) -> Change:
        r = conn.execute(_EVENT_QUERY.where(ReviewEvent.id == event_id)).first()
        if r is None:
            raise WorkspaceError(_("no decision {id} in the review log").format(id=event_id))
        ev = ReviewEventRecord(*r)
        rid = self.reviewer_id(reviewer, conn)
        from . import team

        if team.is_team_event(ev):  # a reviewer's judgment on a shared article (db/team.py)
            return team.revert_event(self, conn, ev, rid, action)
        if ev.fact_id is None and "article" in (ev.after or {}):  # a deletion, or its putting back
            if ev.after["article"] == DELETED:
                return self._restore_article(conn, ev, rid, action)
            return self._delete_article(conn, ev.article_id, rid, action)
        if conn.execute(select(Article.id).where(Article.id == ev.article_id)).first() is None:
            raise WorkspaceError(_("article {id} is deleted: revert its deletion first (History, or "
                                   "`fact-review log`)").format(id=ev.article_id))
        if ev.fact_id is None:  # a correction of the article
            cur = conn.execute(select(*(getattr(Article, k) for k in ev.before))
                               .where(Article.id == ev.article_id)).first()
            if cur is None:
                raise WorkspaceError(_("article {id} no longer exists").format(id=ev.article_id))
            conn.execute(update(Article).where(Article.id == ev.article_id).values(**ev.before))
            if "title" in ev.before:
                index_articles(conn, [ev.article_id])
            eid = self._log(conn, None, ev.article_id, action, rid, dict(zip(ev.before, cur)),
                            dict(ev.before), None)
            return Change(eid, ev.article_id, None, "article")
        current = self.fact(ev.fact_id, conn)
        if current is not None:
            self._refuse_over_another(conn, ev, rid, current)
        if ev.before is None:  # the decision added the fact: take it away again
            if current is None:
                raise WorkspaceError(_("the fact added by decision {id} is already gone").format(id=event_id))
            conn.execute(delete(Fact).where(Fact.id == ev.fact_id))
            eid = self._log(conn, ev.fact_id, ev.article_id, action, rid, current.snapshot(), None, None)
            recount(conn, [ev.article_id])
            return Change(eid, ev.article_id, ev.fact_id, "removed")
        before = ev.before
        if current is None:  # the decision removed the fact: put it back, under its own id
            # (never another fact's: ids are not reused, migration 0006)
            cols = fact_columns({**restorable(before), "extractor": before.get("extractor") or "manual",
                                 "confidence": before.get("confidence", 1.0)})
            status = before.get("status") or Status.added.value
            cols.update(id=ev.fact_id, article_id=ev.article_id, status=status, note=before.get("note"),
                        reviewer_id=None if status == Status.pending else rid,
                        reviewed_at=None if status == Status.pending else now())
            fid = conn.execute(insert(Fact).values(**cols)).inserted_primary_key[0]
            after = self.fact(fid, conn)
            after.event_id = self._log(conn, fid, ev.article_id, action, rid, None, after.snapshot(), None)
            recount(conn, [ev.article_id])
            return Change(after.event_id, ev.article_id, fid, "added", after)
        after = self._decide(conn, current.id, action, reviewer, before.get("status", "pending"),
                             restorable(before), before.get("note") or "")
        return Change(after.event_id, ev.article_id, after.id, "changed", after)

    # Rows are kept and put back as the database stores them (_stored_rows): what comes back is
    # identical, column for column.
    @staticmethod
    def _refuse_over_another(conn, ev: ReviewEventRecord, rid: Optional[int], current: FactRecord) -> None:
        """An undo or revert never puts back a fact over a later decision of another reviewer
        (it would silently undo theirs): StaleFactError, saying who and when."""
        later = conn.execute(
            select(Reviewer.name, ReviewEvent.at)
            .outerjoin(Reviewer, Reviewer.id == ReviewEvent.reviewer_id)
            .where(ReviewEvent.fact_id == ev.fact_id, ReviewEvent.id > ev.id,
                   ReviewEvent.reviewer_id.is_distinct_from(rid))
            .order_by(ReviewEvent.id.desc()).limit(1)).first()
        if later is not None:
            raise StaleFactError(current, later[0], later[1])

    def _delete_article(self, conn, article_id, rid, action) -> Change:
        rows = _stored_rows(conn, "articles", "id", article_id)
        if not rows:
            raise WorkspaceError(_("there is no article {id} in the workspace").format(id=article_id))
        row = rows[0]
        facts = _stored_rows(conn, "facts", "article_id", article_id)
        conn.execute(delete(Fact).where(Fact.article_id == article_id))
        # and from search (SQLite: 0004's triggers; PostgreSQL: 0011's cascade)
        conn.execute(delete(Article).where(Article.id == article_id))
        before = {"article": PRESENT, "title": row["title"] or row["uid"], "row": row,
                  "facts": facts}
        eid = self._log(conn, None, article_id, action, rid, before, {"article": DELETED}, None)
        return Change(eid, article_id, None, "deleted")

    def _restore_article(self, conn, ev, rid, action) -> Change:
        aid, kept = ev.article_id, ev.before or {}
        row, facts = kept.get("row"), kept.get("facts")
        if row is None or facts is None:
            raise WorkspaceError(_("decision {id} does not hold the article it deleted").format(id=ev.id))
        if conn.execute(select(Article.id).where(Article.id == aid)).first() is not None:
            raise WorkspaceError(_("article {id} is already in the workspace").format(id=aid))
        again = conn.execute(select(Article.id)
                             .where(Article.content_hash == row.get("content_hash"))).scalar()
        if again is not None:
            raise WorkspaceError(_("the text of article {id} was imported again as article {again}; delete that "
                                   "one first to put {id} back").format(id=aid, again=again))
        try:
            _insert_rows(conn, "articles", [row])
            _insert_rows(conn, "facts", facts)
        except IntegrityError as exc:
            raise WorkspaceError(_("article {id} cannot be put back: {reason}").format(
                id=aid, reason=exc.orig)) from exc
        index_articles(conn, [aid])
        recount(conn, [aid])
        eid = self._log(conn, None, aid, action, rid, {"article": DELETED, "title": kept.get("title")},
                        {"article": PRESENT}, None)
        return Change(eid, aid, None, "restored")

    # -- learned models (facts.learn) -------------------------------------------
    def save_model(self, data: bytes, *, trained_from: dict[str, Any], scores: dict[str, Any],
                   settings: dict[str, Any]) -> int:
        """Keep a newly learned model as the next version; returns that version (1, 2, …)."""
        from .schema import Model

        with self._tx() as conn:
            if conn.dialect.name == "postgresql":  # two programs learning at once: one version each
                conn.execute(text("LOCK TABLE models IN SHARE ROW EXCLUSIVE MODE"))
            last = conn.execute(select(func.max(Model.version))).scalar() or 0
            conn.execute(insert(Model).values(
                version=last + 1, created_at=now(), trained_from=trained_from, scores=scores,
                settings=settings, data=bytes(data)))
        return last + 1

    def latest_model(self, *, data: bool = True) -> Optional[ModelRecord]:
        """The newest learned model, or None; without `data`, its bytes are not read."""
        from .schema import Model

        cols = [Model.id, Model.version, Model.created_at, Model.trained_from, Model.scores,
                Model.settings] + ([Model.data] if data else [])
        with self.engine.connect() as conn:
            r = conn.execute(select(*cols).order_by(Model.version.desc()).limit(1)).first()
        return ModelRecord(*r) if r else None

    def decided_articles(self, batch: int = 200) -> Iterator[tuple[ArticleRecord, list[FactRecord]]]:
        """Articles with facts and none pending, with their facts, in id order: those whose
        facts are all decided (a caller leaves out any with a fact flagged for later)."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                arts = [ArticleRecord(*r) for r in conn.execute(
                    select(*_ARTICLE_COLS)
                    .where(Article.id > last, Article.n_pending == 0, Article.n_facts > 0)
                    .order_by(Article.id).limit(batch))]
                if not arts:
                    return
                ids = [a.id for a in arts]
                facts: dict[int, list[FactRecord]] = {i: [] for i in ids}
                q = (select(*FACT_COLS).outerjoin(Reviewer, Reviewer.id == Fact.reviewer_id)
                     .where(Fact.article_id.in_(ids))
                     .order_by(Fact.article_id, Fact.start, Fact.end, Fact.id))
                for r in conn.execute(q):
                    facts[r[1]].append(fact_record(r))
            for a in arts:
                yield a, facts[a.id]
            last = ids[-1]

    # -- internals -------------------------------------------------------------
def _has_log(path: Path) -> bool:
    """A write-ahead log with content beside the file (read as immutable, it would be missed)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


@contextmanager
def _briefly_locked(path: Path, wait_s: float = 60.0) -> Iterator[None]:
    """The workspace's lock for a moment (a reader migrating), waiting for a writer that has it."""
    import time

    from .safety import WorkspaceLockedError

    deadline = time.monotonic() + wait_s
    while True:
        try:
            lock = WorkspaceLock(path).acquire()
            break
        except WorkspaceLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    try:
        yield
    finally:
        lock.release()


def _check_tables(engine: Engine, path: Path) -> None:
    from sqlalchemy import inspect

    from .schema import Base

    have = set(inspect(engine).get_table_names())
    missing = sorted(set(Base.metadata.tables) - have)
    if missing:
        raise CorruptWorkspaceError(_("{path} is damaged: the table(s) {tables} are missing.").format(
            path=path, tables=", ".join(missing)))


def _stored_rows(conn: Connection, table: str, column: str, value: int) -> list[dict[str, Any]]:
    """The rows of `table` whose `column` is `value`, in id order, as plain JSON values: on
    SQLite as it stores them (times as text, JSON as its text, SQL NULL apart from JSON null);
    on PostgreSQL as the server writes the row in JSON (times in ISO 8601)."""
    if conn.dialect.name == "sqlite":
        return [dict(r) for r in conn.exec_driver_sql(
            f"SELECT * FROM {table} WHERE {column} = ? ORDER BY id", (value,)).mappings()]
    return list(conn.execute(text(f"SELECT row_to_json(t) FROM {table} t WHERE {column} = :v "
                                  "ORDER BY id"), {"v": value}).scalars())


def _insert_rows(conn: Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Rows as _stored_rows read them, back into `table` (columns it no longer has are left
    out; those it has gained since take their defaults)."""
    if not rows:
        return
    have = {c["name"] for c in inspect(conn).get_columns(table)}
    cols = [c for c in rows[0] if c in have]
    names = ", ".join(f'"{c}"' for c in cols)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})",
                             [tuple(r.get(c) for c in cols) for r in rows])
        return
    conn.execute(text(f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                      f"json_populate_recordset(NULL::{table}, CAST(:rows AS json))"),
                 {"rows": json.dumps(list(rows))})


def _insert(conn: Connection, table):
    """An INSERT that can say ON CONFLICT, in the connection's dialect (both have it)."""
    return (sqlite if conn.dialect.name == "sqlite" else postgresql).insert(table)


def _chunks(seq: Sequence[int], n: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]

