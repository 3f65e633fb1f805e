"""Seeing the others' decisions as they are made: what the review log gained since a reader
last looked, and on a PostgreSQL server a wake-up when it gains anything (LISTEN/NOTIFY).

The log's ids come from a sequence: on a server two transactions can commit in the other order
than they took their ids, so a reader asks again from a little before the newest id it saw and
skips the ids it has seen (`Cursor`), and never misses an entry that committed late.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable, Optional

from sqlalchemy import Connection, func, select, text

from .schema import Fact, ReviewEvent

CHANNEL = "fact_review_log"
# How far back a reader looks again for entries that took their id before a newer one but
# committed after it: more than the writers that can be between taking an id and committing.
LATE = 64


def notify(conn: Connection) -> None:
    """Inside a write's transaction on a server: wake the listeners when it commits (the
    server delivers a notification at commit, and drops it on rollback)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


@dataclass
class Entry:
    id: int
    fact_id: Optional[int]
    article_id: int
    action: str


@dataclass
class Cursor:
    """Where a reader stands in the log."""

    newest: int = 0
    seen: set[int] = field(default_factory=set)

    def read(self, conn: Connection, limit: int = 2000) -> list[Entry]:
        """The entries committed since the last read (at most `limit`, the oldest first)."""
        low = max(0, self.newest - LATE)
        rows = conn.execute(
            select(ReviewEvent.id, ReviewEvent.fact_id, ReviewEvent.article_id, ReviewEvent.action)
            .where(ReviewEvent.id > low).order_by(ReviewEvent.id).limit(limit + len(self.seen))
        ).all()
        out = [Entry(*r) for r in rows if r[0] not in self.seen][:limit]
        for e in out:
            self.seen.add(e.id)
            self.newest = max(self.newest, e.id)
        floor = self.newest - LATE
        self.seen = {i for i in self.seen if i > floor}
        return out


def start_cursor(conn: Connection) -> Cursor:
    """A reader that starts at the log's end: what is in it now is already on screen."""
    newest = conn.execute(select(func.max(ReviewEvent.id))).scalar() or 0
    ids = conn.execute(select(ReviewEvent.id).where(ReviewEvent.id > newest - LATE)).scalars()
    return Cursor(newest=newest, seen=set(ids))


def proposed_by(conn: Connection, event_ids: list[int]) -> list[int]:
    """The facts that decisions proposed elsewhere (same-name proposals)."""
    if not event_ids:
        return []
    return list(conn.execute(select(Fact.id).where(Fact.proposed_by.in_(event_ids))).scalars())


class Listener:
    """On a server: a connection of its own that LISTENs for new log entries and calls `wake`
    (from its own thread) when one commits. Stops with `stop()`; a lost connection is opened
    again a second later, so a server restart does not end the updates."""

    def __init__(self, conninfo: str, wake: Callable[[], None]):
        self._conninfo = conninfo
        self._wake = wake
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="log-listener", daemon=True)

    def start(self) -> "Listener":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        got = False
                        for _ in conn.notifies(timeout=0.5):
                            got = True
                            break
                        if got:
                            self._wake()
            except psycopg.Error:
                self._stop.wait(1.0)


def listen(where, wake: Callable[[], None]) -> Optional[Listener]:
    """A started Listener for a workspace on a server (`where`, a ServerURL); None for a file,
    whose readers poll the log instead (reading its newest id costs microseconds)."""
    from .engine import ServerURL

    if not isinstance(where, ServerURL):
        return None
    conninfo = where.url().set(drivername="postgresql").render_as_string(hide_password=False)
    return Listener(conninfo, wake).start()
