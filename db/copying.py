"""A whole workspace copied into another, across engines (an SQLite file to a PostgreSQL
database and back): every table of the schema, row for row and id for id, in one transaction of
the destination, read from one consistent snapshot of the source.

What each engine derives is left to it: the maintained counts (migration 0012's triggers fill
them as the rows arrive) and the search index (SQLite's triggers of 0004; on PostgreSQL
search.index_articles). The ids never handed out again (deleted articles and facts, 0006/0007)
stay so: each id sequence of the destination starts where the source's stood.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from sqlalchemy import Connection, func, insert, select, text

from .schema import Base

# Derived from the other tables by the destination itself.
DERIVED = {"counts"}
# What belongs to the file, not to the workspace: a copy has its own id and its own backups.
FILE_STATE = {"workspace_id", "last_backup"}
BATCH = 1000


@dataclass
class Copied:
    """Rows copied, by table; and any table whose rows differ in number (empty when verified)."""

    rows: dict[str, int] = field(default_factory=dict)
    mismatched: dict[str, tuple[int, int]] = field(default_factory=dict)


def tables():
    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED]


def is_empty(conn: Connection) -> dict[str, int]:
    """The tables of a workspace that hold rows ({} when it holds nothing but state)."""
    out = {}
    for t in tables():
        if t.name in ("state", "reviewers"):
            continue
        n = conn.execute(select(func.count()).select_from(t)).scalar_one()
        if n:
            out[t.name] = n
    return out


def snapshot(conn: Connection) -> None:
    """Read the source as of one moment, whatever is written meanwhile."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
    else:
        conn.exec_driver_sql("BEGIN")  # a read transaction: one snapshot of the file (WAL)
        conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()


def copy_rows(src: Connection, dst: Connection, progress: Optional[Callable[[str, int], None]] = None
              ) -> Copied:
    """Every table's rows from `src` into `dst` (an empty workspace of the same schema)."""
    out = Copied()
    for t in tables():
        n = 0
        q = select(t).order_by(*t.primary_key.columns)
        result = src.execution_options(stream_results=True, yield_per=BATCH).execute(q)
        for part in result.partitions(BATCH):
            rows = [dict(r._mapping) for r in part]
            if t.name == "state":
                rows = [r for r in rows if r["key"] not in FILE_STATE]
            if rows:
                dst.execute(insert(t), rows)
            n += len(rows)
            if progress:
                progress(t.name, n)
        out.rows[t.name] = n
    _index(dst)
    _sequences(src, dst)
    return out


def count_rows(conn: Connection) -> dict[str, int]:
    out = {}
    for t in tables():
        q = select(func.count()).select_from(t)
        if t.name == "state":
            q = q.where(t.c.key.not_in(FILE_STATE))
        out[t.name] = conn.execute(q).scalar_one()
    return out


def _index(dst: Connection) -> None:
    if dst.dialect.name != "postgresql":
        return  # SQLite's triggers (0004) indexed each article as it came
    from .schema import Article
    from .search import index_articles

    last = 0
    while True:
        ids = list(dst.execute(select(Article.id).where(Article.id > last).order_by(Article.id)
                               .limit(BATCH)).scalars())
        if not ids:
            return
        index_articles(dst, ids)
        last = ids[-1]


def _next_ids(conn: Connection) -> dict[str, int]:
    """The highest id each table has handed out (deleted rows' included)."""
    out: dict[str, int] = {}
    for t in tables():
        if "id" not in t.c or not t.c.id.primary_key:
            continue
        high = conn.execute(select(func.max(t.c.id))).scalar() or 0
        if conn.dialect.name == "sqlite":
            seq = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (t.name,)).scalar() \
                if _has_sqlite_sequence(conn) else None
        else:
            name = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name}).scalar()
            seq = None
            if name:
                last, called = conn.execute(text(f"SELECT last_value, is_called FROM {name}")).one()
                seq = last if called else last - 1
        out[t.name] = max(high, seq or 0)
    return out


def _has_sqlite_sequence(conn: Connection) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first() is not None


def _sequences(src: Connection, dst: Connection) -> None:
    for table, high in _next_ids(src).items():
        if not high:
            continue
        if dst.dialect.name == "postgresql":
            name = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar()
            if name:
                dst.execute(text("SELECT setval(CAST(:s AS regclass), :v, true)"), {"s": name, "v": high})
        elif _has_sqlite_sequence(dst):
            autoinc = dst.exec_driver_sql("SELECT 1 FROM sqlite_sequence WHERE name = ?", (table,)).first()
            if autoinc is not None:
                dst.exec_driver_sql("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?",
                                    (high, table))
            elif _autoincrement(dst, table):
                dst.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, high))


def _autoincrement(conn: Connection, table: str) -> bool:
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar() or ""
    return "AUTOINCREMENT" in sql.upper()
