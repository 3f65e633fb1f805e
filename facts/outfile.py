"""Writing an export so that nothing half-written is ever left: not the target, not a temp file.

Everything an export writes on its way (the file itself, the spreadsheet writer's spooled
sheets) goes into one scratch folder beside the target, made with a random name that no
one else can have planted; the finished file is renamed over the target in one step and
the folder removed. The exporting process holds a lock on a file inside its folder. A
process killed outright (SIGKILL, power loss) cannot clean up after itself, so every export
first removes the scratch folders whose lock nobody holds any more.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .filelock import try_lock, unlock

_MARK = ".export-"
_OWNER = "owner.lock"


def _scratch_prefix(target: Path) -> str:
    return f".{target.name[:40]}{_MARK}"


def sweep(folder: Path) -> list[Path]:
    """Remove the scratch folders that killed exports left in `folder`."""
    gone = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return gone
    for p in entries:
        if not (p.name.startswith(".") and _MARK in p.name) or p.is_symlink() or not p.is_dir():
            continue
        try:
            with open(p / _OWNER, "a+") as fh:
                if not try_lock(fh):
                    continue  # an export running now
                unlock(fh)
        except OSError:
            continue  # not ours to judge
        shutil.rmtree(p, ignore_errors=True)
        gone.append(p)
    return gone


@contextmanager
def export_to(target: Path | str) -> Iterator[tuple[Path, Path]]:
    """(file to write, scratch folder for anything else); on success the file replaces
    `target`; on any failure or interruption the target is untouched and no trace is left."""
    target = Path(target)
    sweep(target.parent)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=_scratch_prefix(target)))
    owner = open(scratch / _OWNER, "a+")
    try_lock(owner)
    try:
        part = scratch / ("part" + "".join(target.suffixes[-1:]))
        yield part, scratch
        os.replace(part, target)
    finally:
        unlock(owner)
        owner.close()
        shutil.rmtree(scratch, ignore_errors=True)
