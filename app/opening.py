"""Where a workspace lives, what a new one holds, and putting a backup back: written once, for
the command line and the window."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Optional

from db.engine import is_new as nothing_there
from db.safety import (Backup, WorkspaceLock, backup_dir, describe_backups, human_size,
                       list_backup_files, read_workspace_id, restore_backup)

from .workspace import Workspace

ENV_DB = "FACT_REVIEW_DB"
ENV_REVIEWER = "FACT_REVIEW_REVIEWER"

__all__ = ["ENV_DB", "ENV_REVIEWER", "Backup", "backup_dir", "describe_backups", "human_size",
           "default_path", "resolve_path", "seed_files", "open_workspace", "is_new",
           "latest_backup", "restore", "list_backup_files"]


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("fact-review", appauthor=False) / "workspace.sqlite"


def resolve_path(cli_value: str | None) -> tuple[Path, bool]:
    """(workspace path, whether it is the default one)."""
    if cli_value:
        return Path(cli_value).expanduser(), False
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser(), False
    return default_path(), True


def is_new(path: Path) -> bool:
    """Nothing is there yet: opening with `create` would make a new workspace."""
    return nothing_there(path)


def seed_files() -> list[Path]:
    """The sample articles shipped inside the package."""
    root = resources.files("seeds")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def open_workspace(path: Path, is_default: bool = False, *, reviewer: Optional[str] = None,
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


def latest_backup(path: Path) -> Optional[Path]:
    """The newest backup of the workspace at `path` (its own, by its id), or None."""
    files = list_backup_files(path, read_workspace_id(path))
    return files[0] if files else None


def restore(backup: Path, path: Path) -> Optional[Path]:
    """Put `backup` in place of the workspace at `path` (closed: no program may hold it),
    holding its lock meanwhile. Returns where the workspace as it was is kept, if anywhere.
    Raises WorkspaceError (held elsewhere, a backup that cannot be read)."""
    lock = WorkspaceLock(path).acquire()
    try:
        return restore_backup(backup, path)
    finally:
        lock.release()


def backups_summary(path: Path) -> tuple[list[Backup], str]:
    """The backups of the workspace at `path`, newest first, and a line on the disk they use."""
    backups = describe_backups(path)
    if not backups:
        return backups, f"No backups of {path} yet."
    return backups, (f"{len(backups)} backups use {human_size(sum(b.size for b in backups))} "
                     f"in {backup_dir(path)}")

