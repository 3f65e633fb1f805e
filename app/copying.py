"""`fact-review copy SRC DST`: a whole workspace — articles, facts, the review log, learned
models, assignments and judgments, guidelines and each reviewer's place — copied into an empty
one, from an SQLite file to a PostgreSQL database or back (or file to file, server to server).

The source is read from one snapshot (it may be in use meanwhile); the destination is written
in one transaction, checked before it commits — every table's rows counted on both sides, the
maintained counts equal to a recount and to the source's — and refused when it already holds
a workspace. Stopped or failed, nothing of the copy is kept (a file it created is removed)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import text

from db import copying, counts
from db.engine import Location, ServerURL, WorkspaceError
from db.engine import is_new as nothing_there
from db.store import Store
from facts.i18n import _, decimal, num


@dataclass
class CopyReport:
    source: Location
    destination: Location
    rows: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    facts: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """What was copied, in the language in use (table names stay ids)."""
        tables = ", ".join(f"{num(n)} {t}" for t, n in self.rows.items() if n)
        return _("Copied {source} to {destination} in {seconds} s: {tables}. Verified: every table's "
                 "rows, and the counts ({articles} articles, {facts} facts), are the same on both sides."
                 ).format(source=self.source, destination=self.destination, seconds=decimal(self.seconds, 1),
                          tables=tables, articles=num(self.articles), facts=num(self.facts))


def _same_place(a: Location, b: Location) -> bool:
    if isinstance(a, ServerURL) or isinstance(b, ServerURL):
        return str(a) == str(b)
    a, b = Path(a).expanduser(), Path(b).expanduser()
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def copy_workspace(src: Location, dst: Location, *,
                   progress: Optional[Callable[[str, int], None]] = None) -> CopyReport:
    """Copy the workspace at `src` into `dst` (created if there is nothing there; refused if
    it holds a workspace with anything in it). Raises WorkspaceError saying why."""
    if _same_place(src, dst):
        raise WorkspaceError(_("{source} and {destination} are the same workspace: nothing to copy").format(
            source=src, destination=dst))
    started = time.monotonic()
    source = Store.open(src, lock=False, create=False)
    try:
        created = nothing_there(dst)
        try:
            target = Store.open(dst, lock=True, create=True)
        except WorkspaceError as exc:
            raise WorkspaceError(_("the destination {destination}: {error}").format(
                destination=dst, error=exc)) from None
        ok = False
        try:
            report = _copy(source, target, progress)
            ok = True
        finally:
            target.close()
            if not ok and created and not isinstance(dst, ServerURL):
                _remove_file(Path(dst).expanduser())
    finally:
        source.close()
    report.source, report.destination = src, dst
    report.seconds = time.monotonic() - started
    return report


def _copy(source: Store, target: Store, progress) -> CopyReport:
    with source.engine.connect() as sconn:
        copying.snapshot(sconn)
        with target._tx() as dconn:
            if dconn.dialect.name == "postgresql":  # nobody imports into it while it is filled
                dconn.execute(text("LOCK TABLE articles, facts, review_events IN EXCLUSIVE MODE"))
            held = copying.is_empty(dconn)
            if held:
                what = ", ".join(f"{n} {t}" for t, n in held.items())
                raise WorkspaceError(_("{path} already holds a workspace ({what}): copy into an empty one. "
                                       "Nothing was copied.").format(path=target.path, what=what))
            done = copying.copy_rows(sconn, dconn, progress)
            have, want = copying.count_rows(dconn), copying.count_rows(sconn)
            wrong = {t: (want[t], have[t]) for t in want if want[t] != have[t]}
            if wrong:
                tables = ", ".join(_("{table}: {rows} rows, {copied} copied").format(table=t, rows=a, copied=b)
                                   for t, (a, b) in wrong.items())
                raise WorkspaceError(_("the copy does not match its source ({tables}). Nothing was copied.")
                                     .format(tables=tables))
            kept, recount, theirs = counts.read(dconn), counts.recounted(dconn), counts.recounted(sconn)
            if not (kept == recount == theirs):
                raise WorkspaceError(_("the copy's counts do not match its source ({kept} / {theirs}). Nothing "
                                       "was copied.").format(kept=kept, theirs=theirs))
    return CopyReport(source.path, target.path, done.rows, theirs.articles,
                      sum(theirs.facts.values()))


def _remove_file(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal"), path.with_name(path.name + ".lock")):
        try:
            p.unlink()
        except OSError:
            pass
