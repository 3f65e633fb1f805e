"""Writing an export so that nothing half-written is ever left: not the target, not a temp file.

Everything an export writes on its way (the file itself, the spreadsheet writer's spooled
sheets) goes into one scratch folder beside the target, named with the process id; the
finished file is renamed over the target in one step and the folder removed. A process
killed outright (SIGKILL, power loss) cannot clean up after itself, so every export first
removes the scratch folders of exports whose process is gone.
"""
from __future__ import annotations

import os
import shutil
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_MARK = ".export-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or cannot tell: leave it
    return True


def _scratch_name(target: Path) -> str:
    return f".{target.name}{_MARK}{socket.gethostname()}-{os.getpid()}"


def sweep(folder: Path) -> list[Path]:
    """Remove the scratch folders that exports killed on this machine left in `folder`."""
    gone = []
    prefix_host = f"{_MARK}{socket.gethostname()}-"
    try:
        entries = list(folder.iterdir())
    except OSError:
        return gone
    for p in entries:
        name = p.name
        i = name.rfind(prefix_host)
        if not name.startswith(".") or i < 0 or not p.is_dir():
            continue
        try:
            pid = int(name[i + len(prefix_host):])
        except ValueError:
            continue
        if not _alive(pid):
            shutil.rmtree(p, ignore_errors=True)
            gone.append(p)
    return gone


@contextmanager
def export_to(target: Path | str) -> Iterator[tuple[Path, Path]]:
    """(file to write, scratch folder for anything else); on success the file replaces
    `target`; on any failure or interruption the target is untouched and no trace is left."""
    target = Path(target)
    sweep(target.parent)
    scratch = target.parent / _scratch_name(target)
    scratch.mkdir(exist_ok=True)
    try:
        part = scratch / target.name
        yield part, scratch
        os.replace(part, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
