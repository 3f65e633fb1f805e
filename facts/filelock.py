"""Advisory locks on open files, the same on every system: flock on POSIX, a byte range far
past the text on Windows (msvcrt's locks are mandatory: locking byte 0 would keep another
process from reading who holds the lock). The system releases them when a process dies."""
from __future__ import annotations

import os

_FAR = 1 << 30  # Windows: the locked byte, beyond any text a lock file holds

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def try_lock(fh) -> bool:
        pos = fh.tell()
        try:
            fh.seek(_FAR)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
        finally:
            fh.seek(pos)

    def unlock(fh) -> None:
        pos = fh.tell()
        try:
            fh.seek(_FAR)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            fh.seek(pos)
else:
    import fcntl

    def try_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
