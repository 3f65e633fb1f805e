"""Where the workspace lives, and what a new one holds."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

ENV_DB = "FACT_REVIEW_DB"
ENV_REVIEWER = "FACT_REVIEW_REVIEWER"


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


def seed_files() -> list[Path]:
    """The sample articles shipped inside the package."""
    root = resources.files("seeds")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))


def open_workspace(path: Path, is_default: bool, *, lock: bool = True, create: bool = False):
    """Open a workspace; a new default one gets the sample articles, extracted.

    Only `create` (an import, File ▸ New, the first start on the default workspace) makes
    a new one; anything else is told there is none rather than handed an empty one."""
    from db.engine import is_new as nothing_there
    from db.store import Store

    new = nothing_there(path)
    store = Store.open(path, lock=lock or (new and is_default), create=create or is_default)
    if new and is_default:
        seed(store)
    return store


def seed(store) -> int:
    from .extract.runner import extract_articles
    from .importer import import_paths

    report = import_paths(store, seed_files())
    extract_articles(store, report.article_ids)
    return report.articles
