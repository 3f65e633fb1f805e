"""Opening a workspace: an SQLite file or a database on a PostgreSQL server; connection
settings, migrations, refusal of what we cannot read."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from facts.i18n import _

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


# `scheme://…` is a database URL; anything else is a file's path (a drive letter is one
# character, so `C://x` stays a path).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")
_PASSWORD = re.compile(r"(://[^:/@?]*:)[^@/?]*@")
SERVER_DRIVER = "postgresql+psycopg"  # psycopg 3: the optional extra `postgres`


@dataclass(frozen=True)
class ServerURL:
    """A workspace on a PostgreSQL server, given as a SQLAlchemy URL
    (`postgresql+psycopg://user@host/name`). Shown without its password."""

    text: str

    def __str__(self) -> str:
        return _PASSWORD.sub(r"\1***@", self.text)

    def without_password(self) -> str:
        """The URL to remember (a recent list): no password, not even masked."""
        return re.sub(r"(://[^:/@?]*):[^@/?]*@", r"\1@", self.text)

    @property
    def name(self) -> str:
        """The database's name: what a window title shows, as it shows a file's name."""
        try:
            return make_url(self.text).database or str(self)
        except (ArgumentError, ValueError):
            return str(self)

    def url(self) -> URL:
        """The URL to connect with (plain `postgresql://` means psycopg 3, the driver the
        `postgres` extra installs); WorkspaceError when it is not a PostgreSQL URL."""
        try:
            url = make_url(self.text)
        except (ArgumentError, ValueError) as exc:
            raise WorkspaceError(_("{url} is not a database URL ({error}).").format(url=self, error=exc)) from None
        if url.get_backend_name() != "postgresql":
            raise WorkspaceError(
                _("{url}: a workspace is an SQLite file, given by its path, or a database on a PostgreSQL "
                  "server ({driver}://user@host/name); not {given}.").format(
                    url=self, driver=SERVER_DRIVER, given=url.drivername))
        return url.set(drivername=SERVER_DRIVER) if url.drivername == "postgresql" else url


Location = Path | ServerURL


def location(value: str) -> Location:
    """What `--db` and FACT_REVIEW_DB name: a server's URL, or else a file's path (never
    parsed: `a?b.sqlite` is a file of that name)."""
    if _URL.match(value):
        return ServerURL(value)
    return Path(value).expanduser()


def is_new(path: Location) -> bool:
    """No workspace there yet (no file, or an empty one that SQLite would start; a server's
    database without tables)."""
    if isinstance(path, ServerURL):
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                return not inspect(conn).get_table_names()
        except SADatabaseError as exc:
            raise opening_error(path, exc) from None
        finally:
            engine.dispose()
    try:
        return Path(path).stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError as exc:  # a file where a folder should be, a name too long, no access
        raise WorkspaceError(_("{path} cannot be reached: {reason}.").format(
            path=path, reason=exc.strerror or exc)) from None


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


def make_engine(path: Location | str, *, read_only_media: bool = False) -> Engine:
    """An engine on the workspace. With `read_only_media` (a folder nobody here can write: a
    read-only mount or share) the file is read as immutable, since SQLite could not create the
    shared-memory file it otherwise needs beside it."""
    if isinstance(path, ServerURL):
        return _server_engine(path)
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


def _server_engine(where: ServerURL) -> Engine:
    try:
        # Pre-ping: a window holds its connections for hours, over server restarts.
        return create_engine(where.url(), pool_pre_ping=True)
    except ImportError as exc:  # the driver is an optional extra
        raise WorkspaceError(_("A workspace on a PostgreSQL server needs the psycopg driver (`pip install "
                               "\"fact-review[postgres]\"`): {error}.").format(error=exc)) from None


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def migrate(engine: Engine, path: Location | str, target: str = "head", *, check_only: bool = False) -> None:
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
                if isinstance(path, ServerURL):
                    said = _("{path} is a database but not a Fact Review workspace (it has tables but no "
                             "workspace version).")
                else:
                    said = _("{path} is an SQLite database but not a Fact Review workspace (it has tables but "
                             "no workspace version).")
                raise CorruptWorkspaceError(said.format(path=path))
    except (SADatabaseError, sqlite3.DatabaseError) as exc:
        raise opening_error(path, exc) from exc
    if current is not None and current not in known:
        raise NewerWorkspaceError(
            _("{path} was written by a newer version of Fact Review (workspace revision {revision}); this "
              "version knows revisions up to {head}. Update Fact Review to open it. The file was left "
              "untouched.").format(path=path, revision=current, head=script.get_current_head()))
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return
    if check_only:
        raise _NeedsMigration()
    from alembic.util import CommandError

    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Reviewers opening a server's workspace at once: one migrates, the others
                # wait for it here (SQLite: the workspace's file lock, held by the caller).
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            # Another program may have brought it up to date since it was read above.
            if MigrationContext.configure(conn).get_current_revision() == wanted:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except CommandError as exc:
        raise WorkspaceError(_("{path} could not be brought up to date ({error}); it was left as it was. "
                               "Try again once no other program has it open.").format(path=path, error=exc)) from exc
    except (SADatabaseError, sqlite3.DatabaseError) as exc:
        raise opening_error(path, exc) from exc


# The advisory lock migrations take on a server: any number, the same in every program.
_MIGRATION_LOCK = 0x46616374  # "Fact"


class _NeedsMigration(Exception):
    pass


def needs_migration(engine: Engine, path: Location | str) -> bool:
    """Whether opening must change the file's tables (refusals raised as by migrate)."""
    try:
        migrate(engine, path, check_only=True)
    except _NeedsMigration:
        return True
    return False


# SQLite's words for a file that is fine but cannot be used right now, or not here.
_NOT_DAMAGE = ("locked", "busy", "readonly", "read-only", "unable to open", "disk i/o",
               "database or disk is full", "permission", "out of memory")


def opening_error(path: Location | str, exc: BaseException) -> WorkspaceError:
    """The user's message for an error while opening: damage only when it is damage (a busy
    or unwritable workspace must never be offered a restore over it, nor a server that cannot
    be reached or refuses the user)."""
    reason = _reason(exc)
    if isinstance(path, ServerURL):
        return WorkspaceError(_("The workspace at {where} cannot be opened: {reason}").format(
            where=path, reason=reason))
    if any(w in reason.lower() for w in _NOT_DAMAGE):
        return WorkspaceError(_("{path} cannot be opened now: {reason}. The file was left as it is; try again "
                                "in a moment (another program may be writing it).").format(path=path, reason=reason))
    return CorruptWorkspaceError(_("{path} cannot be read as a workspace: {reason}").format(path=path, reason=reason))


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip() or type(orig).__name__
