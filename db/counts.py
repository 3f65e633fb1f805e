"""The workspace's maintained counts (migration 0012): read, folded, and checked.

Triggers keep the table `counts` in the transaction of every write; nothing here writes a count
but `fold`, which only merges a name's rows into one (PostgreSQL, where each statement appends
its change). Reading them is a few hundred small rows whatever the workspace's size.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, case, func, select, text

from .schema import Article, Count, Fact

# On PostgreSQL, rows beyond this many are folded into one per name when the counts are read.
FOLD_AFTER = 2000
_FOLD_LOCK = 0x66_72_63_6E  # "frcn": one folding at a time (pg_try_advisory_xact_lock)


@dataclass(slots=True)
class Counts:
    articles: int = 0
    open_articles: int = 0  # with a fact pending
    done_articles: int = 0  # with facts, none pending
    # (kind, status, extractor) → facts
    facts: dict[tuple[str, str, str], int] = field(default_factory=dict)

    @property
    def pending(self) -> int:
        return sum(n for (_, s, _), n in self.facts.items() if s == "pending")

    def by_kind_status(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = defaultdict(int)
        for (k, s, _), n in self.facts.items():
            out[(k, s)] += n
        return {ks: n for ks, n in out.items() if n}

    def by_rule(self) -> list[tuple[str, str, str, int]]:
        """(extractor, kind, status, count) of the facts an extractor produced (not added)."""
        return sorted((e, k, s, n) for (k, s, e), n in self.facts.items() if s != "added" and n)


def _parse(totals: dict[str, int]) -> Counts:
    c = Counts(articles=totals.get("a", 0), open_articles=totals.get("a|open", 0),
               done_articles=totals.get("a|done", 0))
    for name, n in totals.items():
        if name.startswith("f|") and n:
            _, kind, status, extractor = name.split("|", 3)
            c.facts[(kind, status, extractor)] = n
    return c


def read(conn: Connection) -> Counts:
    """The counts as the connection's transaction sees them."""
    rows = conn.execute(select(Count.name, func.sum(Count.n)).group_by(Count.name)).all()
    return _parse({name: int(n) for name, n in rows})


def pending_total(conn: Connection) -> int:
    """Facts pending in the workspace: the names of pending facts only."""
    return int(conn.execute(select(func.coalesce(func.sum(Count.n), 0))
                            .where(Count.name.like("f|%|pending|%"))).scalar_one())


def rows(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(Count)).scalar_one()


def fold(conn: Connection) -> bool:
    """PostgreSQL: merge each name's rows into one, inside the caller's transaction, unless
    another program is folding now (then it is left to that one). Rows that concurrent
    transactions append meanwhile are not seen by the DELETE, so they stay and count; a row
    another folding deleted first is skipped. False when nothing was done."""
    if conn.dialect.name != "postgresql":
        return False
    if not conn.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": _FOLD_LOCK}).scalar():
        return False
    conn.execute(text("WITH gone AS (DELETE FROM counts RETURNING name, n) "
                      "INSERT INTO counts (name, n) SELECT name, sum(n) FROM gone GROUP BY name "
                      "HAVING sum(n) <> 0"))
    return True


def recounted(conn: Connection) -> Counts:
    """The same counts, counted from the rows themselves (tests; `fact-review check`)."""
    c = Counts()
    for kind, status, extractor, n in conn.execute(
            select(Fact.kind, Fact.status, Fact.extractor, func.count())
            .group_by(Fact.kind, Fact.status, Fact.extractor)):
        c.facts[(kind, status, extractor or "")] = c.facts.get((kind, status, extractor or ""), 0) + n
    c.articles, c.open_articles, c.done_articles = (int(x or 0) for x in conn.execute(select(
        func.count(),
        func.sum(case((Article.n_pending > 0, 1), else_=0)),
        func.sum(case(((Article.n_facts > 0) & (Article.n_pending == 0), 1), else_=0)),
    )).one())
    return c
