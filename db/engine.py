"""Opening a workspace file: connection settings, migrations, refusal of what we cannot read."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


class WorkspaceError(Exception):
    """A workspace that cannot be opened; the message is for the user."""


class NewerWorkspaceError(WorkspaceError):
    pass


class CorruptWorkspaceError(WorkspaceError):
    pass


class NoWorkspaceError(WorkspaceError):
    """Nothing at the path: only import and File ▸ New create a workspace."""


def is_new(path: Path) -> bool:
    """No workspace there yet (no file, or an empty one that SQLite would start)."""
    try:
        return Path(path).stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError as exc:  # a file where a folder should be, a name too long, no access
        raise WorkspaceError(f"{path} cannot be reached: {exc.strerror or exc}.") from None


def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power
    # loss (the WAL is not synced at commit). A decision the window has shown as
    # saved must survive that, and one fsync per decision costs well under the
    # 50 ms a key press may take.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(path: Path | str, *, read_only_media: bool = False) -> Engine:
    """An engine on the workspace file. With `read_only_media` (a folder nobody here can
    write: a read-only mount or share) the file is read as immutable, since SQLite could not
    create the shared-memory file it otherwise needs beside it."""
    if read_only_media:
        uri = Path(path).resolve().as_uri() + "?immutable=1"
        return create_engine("sqlite://", creator=lambda: sqlite3.connect(
            uri, uri=True, check_same_thread=False))
    # The path is given as the URL's database, never parsed: `a?b.sqlite` or `a%20b.sqlite`
    # is a file of that very name, not a file `a` with options or another workspace.
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        # Connections come from a pool and may be used by a worker thread (import,
        # extraction) and later by the GUI thread, one at a time.
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def migrate(engine: Engine, path: Path | str, target: str = "head", *, check_only: bool = False) -> None:
    """Bring the workspace to `target`; refuse one written by a newer version."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    known = {rev.revision for rev in script.walk_revisions()}
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is None and inspect(conn).get_table_names():
                raise CorruptWorkspaceError(
                    f"{path} is an SQLite database but not a Fact Review workspace "
                    "(it has tables but no workspace version)."
                )
    except (SADatabaseError, sqlite3.DatabaseError) as exc:
        raise opening_error(path, exc) from exc
    if current is not None and current not in known:
        raise NewerWorkspaceError(
            f"{path} was written by a newer version of Fact Review (workspace revision "
            f"{current}); this version knows revisions up to {script.get_current_head()}. "
            "Update Fact Review to open it. The file was left untouched."
        )
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return
    if check_only:
        raise _NeedsMigration()
    from alembic.util import CommandError

    try:
        with engine.begin() as conn:
            # Another program may have brought it up to date since it was read above.
            if MigrationContext.configure(conn).get_current_revision() == wanted:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except CommandError as exc:
        raise WorkspaceError(f"{path} could not be brought up to date ({exc}); it was left as "
                             "it was. Try again once no other program has it open.") from exc
    except (SADatabaseError, sqlite3.DatabaseError) as exc:
        raise opening_error(path, exc) from exc


class _NeedsMigration(Exception):
    pass


def needs_migration(engine: Engine, path: Path | str) -> bool:
    """Whether opening must change the file's tables (refusals raised as by migrate)."""
    try:
        migrate(engine, path, check_only=True)
    except _NeedsMigration:
        return True
    return False


# SQLite's words for a file that is fine but cannot be used right now, or not here.
_NOT_DAMAGE = ("locked", "busy", "readonly", "read-only", "unable to open", "disk i/o",
               "database or disk is full", "permission", "out of memory")


def opening_error(path: Path | str, exc: BaseException) -> WorkspaceError:
    """The user's message for an error while opening: damage only when it is damage (a busy
    or unwritable workspace must never be offered a restore over it)."""
    reason = _reason(exc)
    if any(w in reason.lower() for w in _NOT_DAMAGE):
        return WorkspaceError(f"{path} cannot be opened now: {reason}. The file was left as it is; "
                              "try again in a moment (another program may be writing it).")
    return CorruptWorkspaceError(f"{path} cannot be read as a workspace: {reason}")


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip() or type(orig).__name__
