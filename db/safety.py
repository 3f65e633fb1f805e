"""Keeping a workspace safe: one writer at a time, damage detected on open, backups.

The lock is an OS file lock (flock / LockFileEx through msvcrt), so the system
releases it when a process dies: a crash never leaves a workspace locked.
Backups use SQLite's online backup API, which copies a consistent snapshot of
a live database (a plain file copy of a database in WAL mode is not one), then
compress it.
"""
from __future__ import annotations

import contextlib
import glob
import gzip
import json
import os
import re
import shutil
import socket
import sqlite3
import stat
import tempfile
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from facts.filelock import try_lock, unlock
from facts.i18n import _, decimal, grouped

from .engine import CorruptWorkspaceError, WorkspaceError

DEFAULT_KEEP = 10
HEADER = b"SQLite format 3\x00"


class WorkspaceLockedError(WorkspaceError):
    pass


class WorkspaceLock:
    """Held for as long as a process may write to the workspace.

    Two locks, both on the file's identity rather than the spelling of its path: one
    beside the real file (symlinks resolved; seen by other machines sharing the folder)
    and one named by the file's device and inode in the user's cache folder, so a hard
    link to an open workspace is not a second writer either."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.real = Path(os.path.realpath(self.path))
        self.lock_path = self.real.with_name(self.real.name + ".lock")
        self.fh = None
        self.identity = None  # the device-and-inode lock, once the file exists

    def acquire(self) -> "WorkspaceLock":
        self.fh = self._take(self.lock_path)
        try:
            self.hold_identity()
        except BaseException:
            self.release()
            raise
        return self

    def hold_identity(self) -> None:
        """Also lock the file's device and inode (called again once a new file exists)."""
        if self.identity is not None:
            return
        try:
            st = os.stat(self.real)
        except FileNotFoundError:
            return
        if not st.st_ino:
            return  # a file system without inode numbers: the lock beside the file holds
        folder = identity_lock_dir()
        if folder is not None:  # the host too: a cache folder may be shared over the network
            self.identity = self._take(folder / f"{socket.gethostname()}-{st.st_dev}-{st.st_ino}.lock")

    def _take(self, lock_path: Path):
        try:
            # Never through a symlink planted at the lock's name: it would be written over.
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise WorkspaceError(
                _("{path} cannot be opened for writing: its lock file {lock} cannot be created ({reason}). "
                  "Is the folder read-only or not yours, or is the lock file a link? Nothing was changed.")
                .format(path=self.path, lock=lock_path, reason=exc.strerror)) from None
        fh = os.fdopen(fd, "r+", encoding="utf-8", errors="replace")
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
            fh.close()
            raise WorkspaceError(_("{path} cannot be opened for writing: its lock file {lock} is not a plain "
                                   "file. Remove it and try again.").format(path=self.path, lock=lock_path))
        if not try_lock(fh):
            try:
                fh.seek(0)
                holder = fh.read(200).strip() or _("another process")
            except OSError:
                holder = _("another process")
            fh.close()
            raise WorkspaceLockedError(
                _("{path} is open in another Fact Review ({holder}). Close it there first: two programs "
                  "writing one workspace could undo each other's decisions.").format(path=self.path, holder=holder)
            ) from None
        # Who holds it, for the message above. Written over the old text and only then cut
        # to length, so a full disk leaves the old holder's line rather than an empty file;
        # the lock itself does not depend on it.
        try:
            fh.seek(0)
            fh.write(f"pid {os.getpid()} on {socket.gethostname()} since {datetime.now():%Y-%m-%d %H:%M}")
            fh.flush()
            fh.truncate()
        except OSError:
            pass
        return fh

    def release(self) -> None:
        for attr in ("identity", "fh"):
            fh = getattr(self, attr)
            if fh is not None:
                try:
                    unlock(fh)
                finally:
                    try:
                        fh.close()
                    except OSError:
                        pass  # the holder's line could not be written out: harmless
                    setattr(self, attr, None)


def identity_lock_dir() -> Optional[Path]:
    """Where the device-and-inode locks live: a folder of this user's, or None."""
    from platformdirs import user_cache_path

    folder = user_cache_path("fact-review", appauthor=False) / "locks"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None  # no cache folder (a locked-down account): the lock beside the file holds
    return folder


def check_file(path: Path) -> None:
    """Cheap checks before SQLite reads a file: is it SQLite, is it whole?"""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return  # a new workspace
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(HEADER):
        raise CorruptWorkspaceError(_("{path} is not a Fact Review workspace (not an SQLite database).")
                                    .format(path=path))
    if len(head) < 100:
        raise CorruptWorkspaceError(_("{path} is damaged: the file is cut short ({n} bytes).").format(
            path=path, n=len(head)))
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", head[28:32])[0]
    valid = struct.unpack(">I", head[24:28])[0] == struct.unpack(">I", head[92:96])[0]
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if valid and pages and not has_wal and path.stat().st_size < pages * page_size:
        raise CorruptWorkspaceError(_("{path} is damaged: it is cut short ({size} of {expected} bytes).").format(
            path=path, size=grouped(path.stat().st_size), expected=grouped(pages * page_size)))


# -- backups -----------------------------------------------------------------------
# Backups are compressed (a workspace's text and indexes shrink to about a third) and
# kept within a disk budget: a big workspace keeps fewer copies, never fewer than two.
BUDGET_FLOOR = 1 << 30  # the backups of any workspace may use 1 GiB…
BUDGET_COPIES = 3  # …or three times the newest one, whichever is more
MIN_KEEP = 2


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
        counts = (_("unreadable") if self.facts is None else
                  _("{articles} articles, {facts} facts, {decisions} decisions").format(
                      articles=grouped(self.articles), facts=grouped(self.facts),
                      decisions=grouped(self.decisions)))
        return f"{self.made:%Y-%m-%d %H:%M:%S}  {counts}  ({human_size(self.size)})"


def human_size(n: int) -> str:
    """A size for people: `1.5 MB` (`1,5 MB` in Vietnamese)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            if unit == "bytes":
                return _("{n} bytes").format(n=grouped(n))
            return f"{decimal(n, 1, group=True)} {unit}"
        n /= 1024
    return str(n)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def backup_dir(path: Path) -> Path:
    """A workspace's own backups folder, named by its file name: `backups/ws.sqlite/` holds
    the backups of `ws.sqlite` and nothing else (not those of `ws-old.sqlite`)."""
    real = _real(path)
    return real.parent / "backups" / real.name


def legacy_backup_dir(path: Path) -> Path:
    """Where earlier versions kept backups of every workspace of a folder, named by stem."""
    return _real(path).parent / "backups"


def file_mode(path: Path, default: int = 0o600) -> int:
    """The permission bits of `path` (backups and restores keep the workspace's)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return default


def _dir_mode(mode: int) -> int:
    return mode | ((mode & 0o444) >> 2) | 0o700  # searchable by whoever may read the file


def _create(p: Path, mode: int) -> None:
    """A new empty file with exactly these permissions, before any data is in it. Never one
    that exists, nor through a symlink planted at its name (O_EXCL)."""
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # the umask may have taken bits away
    finally:
        os.close(fd)


def fingerprint(conn: sqlite3.Connection) -> str:
    """What changed: the last decision, article and fact, and how many facts."""
    q = ("SELECT (SELECT coalesce(max(id), 0) FROM review_events), (SELECT coalesce(max(id), 0) "
         "FROM articles), (SELECT coalesce(max(id), 0) FROM facts), (SELECT count(*) FROM facts)")
    return ":".join(str(x) for x in conn.execute(q).fetchone())


_COUNTS = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM facts), "
           "(SELECT count(*) FROM review_events)")


def make_backup(conn: sqlite3.Connection, path: Path, keep: int = DEFAULT_KEEP,
                when: Optional[datetime] = None, workspace_id: Optional[str] = None) -> Path:
    """A consistent copy of the live database `conn`, compressed, into the workspace's
    backups folder with the workspace's permissions; old ones pruned to `keep` and to the
    disk budget. Raises BackupError (with a message for the user) if it cannot be written."""
    d = backup_dir(path)
    mode = file_mode(path)
    when = when or datetime.now()
    dest = d / f"{when:%Y%m%d-%H%M%S-%f}.sqlite.gz"
    snapshot = dest.with_name(dest.name + ".snapshot")
    part = dest.with_name(dest.name + ".part")
    try:
        if not d.is_dir():
            d.mkdir(parents=True, exist_ok=True)
            os.chmod(d, _dir_mode(mode))
        _create(snapshot, mode)
        target = sqlite3.connect(snapshot)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            counts = target.execute(_COUNTS).fetchone()
        finally:
            target.close()
        _create(part, mode)
        # Level 1: most of the gain for a fraction of the time (this runs beside the review).
        with open(snapshot, "rb") as src, gzip.open(part, "wb", compresslevel=1) as out:
            shutil.copyfileobj(src, out, 1 << 20)
        _fsync(part)
        side = _sidecar(dest)
        _create(side, mode)
        side.write_text(json.dumps({"workspace": workspace_id,
                                    **dict(zip(("articles", "facts", "decisions"), counts))}),
                        encoding="utf-8")
        os.replace(part, dest)
    except (OSError, sqlite3.DatabaseError) as exc:
        _remove(_sidecar(dest))
        raise BackupError(_("no backup of {path} could be made in {folder}: {reason}. The workspace itself is "
                            "untouched.").format(path=path, folder=d, reason=_why(exc))) from exc
    finally:
        _remove(snapshot)
        _remove(part)
    try:
        prune(path, keep, workspace_id)
    except OSError:
        pass  # an old backup that cannot be removed now is removed by a later one
    return dest


def _remove(p: Path) -> None:
    with contextlib.suppress(OSError):
        p.unlink(missing_ok=True)


class BackupError(WorkspaceError):
    """A backup that could not be written (read-only folder, full disk); nothing changed."""


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _fsync(p: Path) -> None:
    with open(p, "rb") as fh:
        os.fsync(fh.fileno())


def _sidecar(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def prune(path: Path, keep: int = DEFAULT_KEEP, workspace_id: Optional[str] = None) -> list[Path]:
    """Delete this workspace's backups past the newest `keep`, and the oldest ones past the
    disk budget (never the newest MIN_KEEP). Returns what was deleted."""
    files = list_backup_files(path, workspace_id)
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


_STAMP = r"(?P<stamp>\d{8}-\d{6}(?:-\d{6})?)"
_OWN = re.compile(_STAMP + r"\.sqlite(?:\.gz)?")


def _legacy_pattern(path: Path) -> re.Pattern:
    """Earlier versions' `<stem>-<stamp>.sqlite[.gz]`, matched exactly (not by prefix, and
    with no glob: a `[` in a name is a `[`)."""
    return re.compile(re.escape(_real(path).stem) + "-" + _STAMP + r"\.sqlite(?:\.gz)?")


def _full(stamp: str) -> str:
    return stamp if len(stamp) > 15 else stamp + "-000000"


def _matching(folder: Path, pattern: re.Pattern) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = pattern.fullmatch(p.name)
        if m and p.is_file():
            out.append((m["stamp"], p))
    return out


def workspace_of(backup: Path) -> Optional[str]:
    """The id of the workspace a backup was made of, from its sidecar (None: not recorded)."""
    try:
        return json.loads(_sidecar(backup).read_text(encoding="utf-8")).get("workspace")
    except (OSError, ValueError, AttributeError):
        return None


def list_backup_files(path: Path, workspace_id: Optional[str] = None) -> list[Path]:
    """This workspace's backups, newest first: its own folder's, and the exactly named ones
    earlier versions left in the shared folder. With `workspace_id` (the id stored in the
    workspace), a backup recorded as made of another workspace is left out."""
    found = _matching(backup_dir(path), _OWN) + _matching(legacy_backup_dir(path), _legacy_pattern(path))
    found.sort(key=lambda sp: _full(sp[0]), reverse=True)
    files = [p for _, p in found]
    if workspace_id:
        files = [p for p in files if workspace_of(p) in (None, workspace_id)]
    return files


def read_workspace_id(path: Path) -> Optional[str]:
    """The id stored in a workspace, read without opening it for writing; None when it has
    none or cannot be read (a damaged workspace: its backups are then told apart by folder)."""
    try:
        con = sqlite3.connect(_real(path).as_uri() + "?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM state WHERE key = 'workspace_id'").fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None


def describe_backups(path: Path, workspace_id: Optional[str] = None) -> list[Backup]:
    out = []
    for p in list_backup_files(path, workspace_id or read_workspace_id(path)):
        m = _OWN.fullmatch(p.name) or _legacy_pattern(path).fullmatch(p.name)
        try:
            made = datetime.strptime(_full(m["stamp"]), "%Y%m%d-%H%M%S-%f")
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
        con = sqlite3.connect(Path(p).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return con.execute(_COUNTS).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return (None, None, None)


def restore_backup(backup: Path, path: Path) -> Optional[Path]:
    """Put a backup in place of the workspace (which must be closed and locked by the caller).

    The backup is unpacked into a temporary file beside the workspace and checked; the
    workspace as it was is kept under a name no other file has (a hard link, or a copy);
    then one rename puts the backup in its place. Killed at any moment, this leaves either
    the old workspace or the restored one at `path`, never neither. Returns where the old
    one was kept."""
    path = Path(os.path.realpath(path))
    mode = file_mode(path, default=file_mode(backup))
    for stale in path.parent.glob(f".{glob.escape(path.name)}.restoring-*"):
        _remove(stale)  # a restore killed before its rename (the caller holds the lock)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.restoring-")
    tmp = Path(name)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        os.close(fd)
        if Path(backup).name.endswith(".gz"):
            with gzip.open(backup, "rb") as src, open(tmp, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        else:
            src = sqlite3.connect(Path(backup).resolve().as_uri() + "?mode=ro", uri=True)
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        check = sqlite3.connect(tmp)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
            check.execute("PRAGMA journal_mode=DELETE")  # no -wal of its own to carry
        finally:
            check.close()
        if ok != "ok":
            raise CorruptWorkspaceError(_("the backup {name} is damaged ({reason}); the workspace was left as "
                                          "it is.").format(name=Path(backup).name, reason=ok))
        _fsync(tmp)
    except (OSError, EOFError, sqlite3.DatabaseError) as exc:
        tmp.unlink(missing_ok=True)
        raise CorruptWorkspaceError(_("the backup {name} cannot be read ({reason}); the workspace was left as "
                                      "it is.").format(name=Path(backup).name, reason=_why(exc))) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        kept = _keep_before_restore(path) if path.exists() else None
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkspaceError(_("{path} could not be replaced by the backup ({reason}); the workspace was left "
                               "as it is.").format(path=path, reason=_why(exc))) from exc
    with contextlib.suppress(OSError):  # the rename is done; this only hastens its way to disk
        _fsync_dir(path.parent)
    return kept


def _keep_before_restore(path: Path) -> Path:
    """Keep the workspace under a new name before the backup replaces it; its write-ahead
    log is folded in first (or copied beside the kept file when it cannot be), and removed,
    so it can never be replayed onto the restored file."""
    wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
    if wal.exists() and wal.stat().st_size:
        try:
            con = sqlite3.connect(path)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
        except sqlite3.DatabaseError:
            pass  # a damaged workspace: its log is copied with it below
    stamp = datetime.now()
    for n in range(1000):
        kept = path.with_name(f"{path.stem}-before-restore-{stamp:%Y%m%d-%H%M%S-%f}"
                              f"{'' if n == 0 else f'-{n}'}{path.suffix}")
        try:
            os.link(path, kept)  # fails if the name is taken: never overwrites another
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system
            try:
                with open(path, "rb") as src, open(kept, "xb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
            except FileExistsError:
                continue
            _fsync(kept)
        break
    else:  # pragma: no cover - a thousand restores in one microsecond
        raise FileExistsError(f"no free name to keep {path} under")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
        _fsync(kept.with_name(kept.name + "-wal"))
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
    return kept


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
