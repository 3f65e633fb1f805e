"""Keeping a workspace safe: one writer at a time, damage detected on open, backups.

The lock is an OS file lock (flock / LockFileEx through msvcrt), so the system
releases it when a process dies: a crash never leaves a workspace locked.
Backups use SQLite's online backup API, which copies a consistent snapshot of
a live database (a plain file copy of a database in WAL mode is not one), then
compress it.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
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
# Backups are compressed (a workspace's text and indexes shrink to about a third) and
# kept within a disk budget: a big workspace keeps fewer copies, never fewer than two.
BUDGET_FLOOR = 1 << 30  # the backups of any workspace may use 1 GiB…
BUDGET_COPIES = 3  # …or three times the newest one, whichever is more
MIN_KEEP = 2
SUFFIXES = (".sqlite.gz", ".sqlite")


@dataclass
class Backup:
    path: Path
    made: datetime
    articles: Optional[int]
    facts: Optional[int]
    decisions: Optional[int]
    size: int = 0

    @property
    def readable(self) -> bool:
        return self.facts is not None

    def describe(self) -> str:
        counts = ("unreadable" if self.facts is None else
                  f"{self.articles:,} articles, {self.facts:,} facts, {self.decisions:,} decisions")
        return f"{self.made:%Y-%m-%d %H:%M:%S}  {counts}  ({human_size(self.size)})"


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


def backup_dir(path: Path) -> Path:
    return Path(path).parent / "backups"


def fingerprint(conn: sqlite3.Connection) -> str:
    """What changed: the last decision, article and fact, and how many facts."""
    q = ("SELECT (SELECT coalesce(max(id), 0) FROM review_events), (SELECT coalesce(max(id), 0) "
         "FROM articles), (SELECT coalesce(max(id), 0) FROM facts), (SELECT count(*) FROM facts)")
    return ":".join(str(x) for x in conn.execute(q).fetchone())


_COUNTS = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM facts), "
           "(SELECT count(*) FROM review_events)")


def make_backup(conn: sqlite3.Connection, path: Path, keep: int = DEFAULT_KEEP,
                when: Optional[datetime] = None) -> Path:
    """A consistent copy of the live database `conn`, compressed, into the backups folder;
    old ones pruned to `keep` and to the disk budget."""
    d = backup_dir(path)
    d.mkdir(parents=True, exist_ok=True)
    when = when or datetime.now()
    dest = d / f"{Path(path).stem}-{when:%Y%m%d-%H%M%S-%f}.sqlite.gz"
    snapshot = dest.with_name(dest.name + ".snapshot")
    part = dest.with_name(dest.name + ".part")
    try:
        target = sqlite3.connect(snapshot)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            counts = target.execute(_COUNTS).fetchone()
        finally:
            target.close()
        # Level 1: most of the gain for a fraction of the time (this runs beside the review).
        with open(snapshot, "rb") as src, gzip.open(part, "wb", compresslevel=1) as out:
            shutil.copyfileobj(src, out, 1 << 20)
        _fsync(part)
        os.replace(part, dest)
        _sidecar(dest).write_text(json.dumps(dict(zip(("articles", "facts", "decisions"), counts))),
                                  encoding="utf-8")
    finally:
        snapshot.unlink(missing_ok=True)
        part.unlink(missing_ok=True)
    prune(path, keep)
    return dest


def _fsync(p: Path) -> None:
    with open(p, "rb") as fh:
        os.fsync(fh.fileno())


def _sidecar(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def prune(path: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the backups past the newest `keep`, and the oldest ones past the disk budget
    (never the newest MIN_KEEP). Returns what was deleted."""
    files = list_backup_files(path)
    sizes = [f.stat().st_size for f in files]
    budget = max(BUDGET_FLOOR, BUDGET_COPIES * sizes[0]) if sizes else 0
    gone, used = [], 0
    for i, (f, size) in enumerate(zip(files, sizes)):
        used += size
        if i >= keep or (i >= MIN_KEEP and used > budget):
            f.unlink(missing_ok=True)
            _sidecar(f).unlink(missing_ok=True)
            gone.append(f)
    return gone


def _stamp(p: Path, stem: str) -> str:
    name = p.name
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[len(stem) + 1:-len(suffix)]
    return ""


def list_backup_files(path: Path) -> list[Path]:
    """Newest first (compressed ones and the plain copies of earlier versions)."""
    d = backup_dir(path)
    if not d.is_dir():
        return []
    stem = Path(path).stem
    files = [p for suffix in SUFFIXES for p in d.glob(f"{stem}-*{suffix}")]
    return sorted(files, key=lambda p: _stamp(p, stem), reverse=True)


def backups_disk_use(path: Path) -> int:
    return sum(f.stat().st_size for f in list_backup_files(path))


def describe_backups(path: Path) -> list[Backup]:
    out = []
    stem = Path(path).stem
    for p in list_backup_files(path):
        try:
            made = datetime.strptime(_stamp(p, stem), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            made = datetime.fromtimestamp(p.stat().st_mtime)
        out.append(Backup(p, made, *_counts(p), size=p.stat().st_size))
    return out


def _counts(p: Path) -> tuple:
    """Articles, facts and decisions of a backup; Nones when it cannot be read."""
    if p.name.endswith(".gz"):
        try:
            c = json.loads(_sidecar(p).read_text(encoding="utf-8"))
            with gzip.open(p, "rb") as fh:  # the header is whole: it is an SQLite file
                if not fh.read(len(HEADER)) == HEADER:
                    return (None, None, None)
            return (int(c["articles"]), int(c["facts"]), int(c["decisions"]))
        except (OSError, ValueError, KeyError, EOFError):
            return (None, None, None)
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            return con.execute(_COUNTS).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return (None, None, None)


def restore_backup(backup: Path, path: Path) -> Optional[Path]:
    """Put a backup in place of the workspace (which must be closed). The backup is
    unpacked and checked first; only then is the workspace as it was moved beside it.
    Returns where it was kept."""
    path = Path(path)
    tmp = path.with_name(path.name + ".restoring")
    try:
        if Path(backup).name.endswith(".gz"):
            with gzip.open(backup, "rb") as src, open(tmp, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        else:
            src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        check = sqlite3.connect(tmp)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
        if ok != "ok":
            raise CorruptWorkspaceError(f"the backup {Path(backup).name} is damaged ({ok}); "
                                        "the workspace was left as it is.")
        _fsync(tmp)
    except (OSError, EOFError, sqlite3.DatabaseError) as exc:
        tmp.unlink(missing_ok=True)
        raise CorruptWorkspaceError(f"the backup {Path(backup).name} cannot be read ({exc}); "
                                    "the workspace was left as it is.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    kept = None
    if path.exists():
        kept = path.with_name(f"{path.stem}-before-restore-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        os.replace(path, kept)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(tmp, path)
    return kept
