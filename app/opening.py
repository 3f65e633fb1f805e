"""Where a workspace lives, what a new one holds, and putting a backup back: written once, for
the command line and the window.

A workspace is an SQLite file, given by its path, or a database on a PostgreSQL server, given by
its URL (db.engine.ServerURL). Backups are of files: a server's are made with its own tools."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Optional

from db.engine import Location, ServerURL, WorkspaceError, location
from db.engine import is_new as nothing_there
from db.safety import (Backup, WorkspaceLock, backup_dir, human_size, read_workspace_id,
                       restore_backup)
from db.safety import describe_backups as _describe_backups
from db.safety import list_backup_files as _list_backup_files
from facts.i18n import N_, _, num

from .workspace import Workspace

ENV_DB = "FACT_REVIEW_DB"
ENV_REVIEWER = "FACT_REVIEW_REVIEWER"

__all__ = ["ENV_DB", "ENV_REVIEWER", "Backup", "backup_dir", "describe_backups", "human_size",
           "default_path", "resolve_path", "seed_files", "open_workspace", "is_new",
           "latest_backup", "restore", "list_backup_files", "Location", "ServerURL",
           "SERVER_BACKUPS"]

SERVER_BACKUPS = N_("A workspace on a PostgreSQL server is backed up with the server's own tools: "
                    "pg_dump makes a backup, pg_restore puts one back. Fact Review makes none of it.")


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("fact-review", appauthor=False) / "workspace.sqlite"


def resolve_path(cli_value: str | None) -> tuple[Location, bool]:
    """(where the workspace is: a file's path or a server's URL, whether it is the default one)."""
    if cli_value:
        return location(cli_value), False
    if os.environ.get(ENV_DB):
        return location(os.environ[ENV_DB]), False
    return default_path(), True


def is_new(path: Location) -> bool:
    """Nothing is there yet: opening with `create` would make a new workspace."""
    return nothing_there(path)


def seed_files() -> list[Path]:
    """The sample articles shipped inside the package."""
    root = resources.files("seeds")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def open_workspace(path: Location, is_default: bool = False, *, reviewer: Optional[str] = None,
                   lock: bool = True, create: bool = False) -> Workspace:
    """Open a workspace; a new default one gets the sample articles, extracted.

    Only `create` (an import, File ▸ New, the first start on the default workspace) makes
    a new one; anything else is told there is none rather than handed an empty one."""
    new = nothing_there(path)
    ws = Workspace.open(path, reviewer=reviewer, lock=lock or (new and is_default),
                        create=create or is_default)
    if new and is_default:
        ws.import_paths(seed_files())
    return ws


def list_backup_files(path: Location, workspace_id: Optional[str] = None) -> list[Path]:
    """The backups of the workspace at `path`, newest first (none of a server's)."""
    return [] if isinstance(path, ServerURL) else _list_backup_files(path, workspace_id)


def describe_backups(path: Location) -> list[Backup]:
    return [] if isinstance(path, ServerURL) else _describe_backups(path)


def latest_backup(path: Location) -> Optional[Path]:
    """The newest backup of the workspace at `path` (its own, by its id), or None."""
    if isinstance(path, ServerURL):
        return None
    files = _list_backup_files(path, read_workspace_id(path))
    return files[0] if files else None


def restore(backup: Path, path: Location) -> Optional[Path]:
    """Put `backup` in place of the workspace at `path` (closed: no program may hold it),
    holding its lock meanwhile. Returns where the workspace as it was is kept, if anywhere.
    Raises WorkspaceError (held elsewhere, a backup that cannot be read, a server's workspace)."""
    if isinstance(path, ServerURL):
        raise WorkspaceError(_(SERVER_BACKUPS))
    lock = WorkspaceLock(path).acquire()
    try:
        return restore_backup(backup, path)
    finally:
        lock.release()


def backups_summary(path: Location) -> tuple[list[Backup], str]:
    """The backups of the workspace at `path`, newest first, and a line on the disk they use."""
    if isinstance(path, ServerURL):
        return [], _(SERVER_BACKUPS)
    backups = describe_backups(path)
    if not backups:
        return backups, _("No backups of {path} yet.").format(path=path)
    return backups, _("{n} backups use {size} in {folder}").format(
        n=num(len(backups)), size=human_size(sum(b.size for b in backups)), folder=backup_dir(path))

