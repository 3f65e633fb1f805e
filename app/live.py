"""The others' decisions, as they are made: what the review log gained since this front end
last looked, as the `Changes` a front end already knows how to show.

A window polls `read()` (every second on an SQLite file; on a PostgreSQL server it is also
woken by the server the moment another program commits a decision: `listen`). Its own writes
come back too; `mine()` marks them, so they are not shown twice.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from db import live as log

from .changes import Changes


class LiveLog:
    def __init__(self, workspace):
        self.workspace = workspace
        store = workspace.store
        with store.engine.connect() as conn:
            self._cursor = log.start_cursor(conn)
        self._listener: Optional[log.Listener] = None

    @property
    def on_server(self) -> bool:
        return self.workspace.store.on_server

    def mine(self, event_ids: Iterable[int]) -> None:
        """Entries this front end wrote and has shown already."""
        self._cursor.seen.update(event_ids)

    def read(self) -> Changes:
        """What the log gained since the last read, as Changes: the facts decided (as they are
        now, and shown at that version: a decision on one is made on what the reviewer sees),
        the facts proposed by those decisions, the facts gone, the articles whose own fields
        changed and those deleted. Empty when nothing happened."""
        store = self.workspace.store
        with store.engine.connect() as conn:
            entries = self._cursor.read(conn)
            if not entries:
                return Changes()
            fact_ids = {e.fact_id for e in entries if e.fact_id is not None}
            fact_ids.update(log.proposed_by(conn, [e.id for e in entries]))
            records = {fid: store.fact(fid, conn) for fid in sorted(fact_ids)}
        changes = Changes(events=[e.id for e in entries])
        where = {e.fact_id: e.article_id for e in entries if e.fact_id is not None}
        for fid, rec in records.items():
            if rec is None:
                if fid in where:
                    changes.removed.append((fid, where[fid]))
            else:
                changes.facts.append(rec)
        for aid in sorted({e.article_id for e in entries if e.fact_id is None}):
            if store.article(aid) is None:
                changes.deleted.append(aid)
            else:
                changes.articles.append(aid)
        return self.workspace._shows(changes)

    def listen(self, wake: Callable[[], None]) -> bool:
        """On a server: call `wake` (from another thread) whenever another program commits a
        decision. False on a file, where polling is all there is."""
        if self._listener is None:
            self._listener = log.listen(self.workspace.store.path, wake)
        return self._listener is not None

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
