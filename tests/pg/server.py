"""A throwaway PostgreSQL cluster for the tests: its own folder, its own socket, gone after.

PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user and
its programs run through `runuser`; its folder is made directly under the system's temporary
folder, which that user can reach (pytest's own temporary folders are root's alone). The server
listens on no network address, only on a Unix socket in its folder, under a free port number.
"""
from __future__ import annotations

import getpass
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional

# Installed when missing (CI's .ci/run installs it beforehand; a developer's machine may not).
APT_PACKAGE = "postgresql"


class Unavailable(Exception):
    """No PostgreSQL here and none could be installed: the reason, for a skip."""


def _major(initdb: str) -> int:
    folder = Path(initdb).parent.parent.name  # /usr/lib/postgresql/15/bin/initdb
    return int(folder) if folder.isdigit() else 0


def find_bin() -> Optional[Path]:
    """The newest installed PostgreSQL's programs folder (Debian's layout), or one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def install() -> Path:
    """PostgreSQL's programs, installed with apt-get when they are not there yet."""
    found = find_bin()
    if found:
        return found
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL is not installed (no initdb) and cannot be installed here "
                          f"(apt-get as root is needed: `apt-get install {APT_PACKAGE}`)")
    import fcntl

    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # One installer at a time: every test process (pytest-xdist's workers) may get here at once.
    with open(Path(tempfile.gettempdir()) / "fact-review-pg-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if find_bin() is None:
            for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", APT_PACKAGE]):
                done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
                if done.returncode != 0:
                    raise Unavailable(f"PostgreSQL is not installed and `{' '.join(cmd)}` failed: "
                                      f"{(done.stderr or done.stdout).strip()[-500:]}")
    found = find_bin()
    if found is None:
        raise Unavailable(f"`apt-get install {APT_PACKAGE}` left no initdb")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A server of its own: `Cluster(install()).start()`, `url(create_db())` for each test,
    `stop()` at the end."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.as_root = os.geteuid() == 0
        self.dir = Path(tempfile.mkdtemp(prefix="fact-review-pg-", dir="/tmp"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = "postgres" if self.as_root else getpass.getuser()

    def _run(self, *args: str, timeout: float = 120) -> str:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.dir)
        if done.returncode != 0:
            raise Unavailable(f"{args[0]} failed: {(done.stderr or done.stdout).strip()[-800:]}")
        return done.stdout

    def start(self) -> "Cluster":
        """initdb and start the server; on failure nothing is left running or on disk."""
        try:
            if self.as_root:
                shutil.chown(self.dir, "postgres", "postgres")
            self._run("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust",
                      "--encoding=UTF8", "--locale=C", "--no-sync")  # search folds in Python
            # Durability off: a throwaway cluster, made anew by the next run.
            opts = (f"-k {self.dir} -p {self.port} -c listen_addresses='' -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-o", opts,
                      "-w", "-t", "60", "start")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
            except (Unavailable, subprocess.TimeoutExpired):
                pass  # never started, or already gone: the folder goes anyway
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of a database of this cluster, over its socket."""
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.dir}&port={self.port}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.dir), port=self.port, user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_db(self) -> str:
        name = "ws_" + uuid.uuid4().hex[:12]
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_db(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # its test's pool too
