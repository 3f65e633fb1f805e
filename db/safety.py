"""Keeping a workspace safe: one writer at a time, damage detected on open, backups.

The lock is an OS file lock (flock / LockFileEx through msvcrt), so the system
releases it when a process dies: a crash never leaves a workspace locked.
Backups use SQLite's online backup API, which copies a consistent snapshot of
a live database; a plain file copy of a database in WAL mode is not one.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from .engine import CorruptWorkspaceError, WorkspaceError

DEFAULT_KEEP = 10
HEADER = b"SQLite format 3\x00"


class WorkspaceLockedError(WorkspaceError):
    pass


class WorkspaceLock:
    """Held for as long as a process may write to the workspace."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.fh = None

    def acquire(self) -> "WorkspaceLock":
        fh = open(self.lock_path, "a+", encoding="utf-8")
        try:
            _lock(fh)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise WorkspaceLockedError(
                f"{self.path} is open in another Fact Review ({holder}). Close it there first: "
                "two programs writing one workspace could undo each other's decisions."
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()} since {datetime.now():%Y-%m-%d %H:%M}")
        fh.flush()
        self.fh = fh
        return self

    def release(self) -> None:
        if self.fh is not None:
            try:
                _unlock(self.fh)
            finally:
                self.fh.close()
                self.fh = None


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def check_file(path: Path) -> None:
    """Cheap checks before SQLite reads a file: is it SQLite, is it whole?"""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return  # a new workspace
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(HEADER):
        raise CorruptWorkspaceError(f"{path} is not a Fact Review workspace (not an SQLite database).")
    if len(head) < 100:
        raise CorruptWorkspaceError(f"{path} is damaged: the file is cut short ({len(head)} bytes).")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", head[28:32])[0]
    valid = struct.unpack(">I", head[24:28])[0] == struct.unpack(">I", head[92:96])[0]
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if valid and pages and not has_wal and path.stat().st_size < pages * page_size:
        raise CorruptWorkspaceError(
            f"{path} is damaged: it is cut short ({path.stat().st_size:,} of "
            f"{pages * page_size:,} bytes)."
        )


# -- backups -----------------------------------------------------------------------
@dataclass
class Backup:
    path: Path
    made: datetime
    articles: Optional[int]
    facts: Optional[int]
    decisions: Optional[int]

    def describe(self) -> str:
        counts = ("unreadable" if self.facts is None else
                  f"{self.articles:,} articles, {self.facts:,} facts, {self.decisions:,} decisions")
        return f"{self.made:%Y-%m-%d %H:%M:%S}  {counts}"


def backup_dir(path: Path) -> Path:
    return Path(path).parent / "backups"


def fingerprint(conn: sqlite3.Connection) -> str:
    """What changed: the last decision, article and fact, and how many facts."""
    q = ("SELECT (SELECT coalesce(max(id), 0) FROM review_events), (SELECT coalesce(max(id), 0) "
         "FROM articles), (SELECT coalesce(max(id), 0) FROM facts), (SELECT count(*) FROM facts)")
    return ":".join(str(x) for x in conn.execute(q).fetchone())


def make_backup(conn: sqlite3.Connection, path: Path, keep: int = DEFAULT_KEEP,
                when: Optional[datetime] = None) -> Path:
    """A consistent copy of the live database `conn` into the backups folder; old ones pruned."""
    d = backup_dir(path)
    d.mkdir(parents=True, exist_ok=True)
    when = when or datetime.now()
    dest = d / f"{Path(path).stem}-{when:%Y%m%d-%H%M%S-%f}.sqlite"
    tmp = dest.with_name(dest.name + ".part")
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    os.replace(tmp, dest)
    for old in list_backup_files(path)[keep:]:
        old.unlink(missing_ok=True)
    return dest


def list_backup_files(path: Path) -> list[Path]:
    """Newest first."""
    d = backup_dir(path)
    if not d.is_dir():
        return []
    return sorted(d.glob(f"{Path(path).stem}-*.sqlite"), reverse=True)


def describe_backups(path: Path) -> list[Backup]:
    out = []
    for p in list_backup_files(path):
        stamp = p.stem[len(Path(path).stem) + 1:]
        try:
            made = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            made = datetime.fromtimestamp(p.stat().st_mtime)
        counts: tuple = (None, None, None)
        try:
            con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
            try:
                counts = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) "
                                     "FROM facts), (SELECT count(*) FROM review_events)").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError:
            pass
        out.append(Backup(p, made, *counts))
    return out


def restore_backup(backup: Path, path: Path) -> Optional[Path]:
    """Put a backup in place of the workspace (which must be closed). The workspace as it
    was is kept beside it first, if it can be read; returns where."""
    path = Path(path)
    kept = None
    if path.exists():
        kept = path.with_name(f"{path.stem}-before-restore-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        os.replace(path, kept)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    tmp = path.with_name(path.name + ".restoring")
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(tmp, path)
    return kept
