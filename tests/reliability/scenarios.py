"""Failure on purpose: each scenario tries something and says what held.

Used by the tests in this folder (which assert) and by scripts/reliability_report.py
(which prints the table). Every scenario works in a folder it is given.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
SEEDS = ROOT / "seeds"

# A child that decides as fast as it can, saying each decision once its commit returned:
# a line in one write, so a kill never leaves half of one (print writes its end apart,
# and PYTHONUNBUFFERED makes that two writes to the pipe).
DECIDE = r"""
def decide(path, i, seq):
    import random, sys
    from db.store import Store
    store = Store.open(path)
    ids = [f.id for a in store.article_ids() for f in store.facts(a)]
    rng = random.Random(i)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        seq += 1
        fid = rng.choice(ids)
        status = rng.choice(["accepted", "rejected", "edited", "pending"])
        store.decide(fid, "edit", "child", status=status, note=f"n{seq}")
        sys.stdout.write(f"{fid} {seq}\n")  # only once the commit returned
        sys.stdout.flush()
"""

# Where fork() is, the children of the kill loop are forked from one process that imported
# the store once ("zygote"): each is still a process of its own that opens the workspace
# and is killed mid-write, but starts in milliseconds instead of the interpreter's second.
# It reads a child's number a line, says the child's pid, and once that child is dead says
# "reaped" (after everything the child printed, on the same pipe).
ZYGOTE = DECIDE + r"""
import os, sys
import db.store  # the imports a child needs, done once
for line in sys.stdin:
    i = int(line)
    pid = os.fork()
    if pid == 0:
        try:
            decide(sys.argv[1], i, i * 10**6)
        finally:
            os._exit(1)
    sys.stdout.write(f"pid {pid}\n")
    sys.stdout.flush()
    os.waitpid(pid, 0)
    sys.stdout.write("reaped\n")
    sys.stdout.flush()
"""

# Elsewhere, a new interpreter for each child.
DECIDER = DECIDE + r"""
import sys
decide(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
"""


@dataclass
class Outcome:
    name: str
    tried: int = 0
    held: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.tried == self.held


def workspace(folder: Path, extract: bool = True):
    from db.store import Store
    from app.extracting import run_extraction
    from app.importing import import_paths

    store = Store.open(folder / "workspace.sqlite")
    import_paths(store, sorted(SEEDS.glob("*.txt")))
    if extract:
        run_extraction(store)
    return store


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def integrity(path: Path) -> str:
    """SQLite's integrity_check of a workspace or of a (compressed) backup."""
    if path.name.endswith(".gz"):
        import gzip
        import shutil
        import tempfile

        with tempfile.TemporaryDirectory() as d, gzip.open(path, "rb") as src:
            plain = Path(d) / "unpacked.sqlite"
            with open(plain, "wb") as out:
                shutil.copyfileobj(src, out)
            return integrity(plain)
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


class _Children:
    """The kill loop's children: started one at a time, each reporting its decisions."""

    def __init__(self, path: Path):
        self.path = path
        self.zygote = None
        if hasattr(os, "fork"):
            self.zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(path)], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                           env=_env())
            self._lines: list[str] = []
            self._changed = threading.Condition()
            threading.Thread(target=self._read, args=(self.zygote.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self._changed:
                self._lines.append(line.strip())
                self._changed.notify_all()
        with self._changed:
            self._lines.append("eof")
            self._changed.notify_all()

    def _wait_for(self, done, timeout: float = 30) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: done() or "eof" in self._lines, timeout)

    def start(self, i: int) -> tuple[int, bool]:
        """Child number `i`: (its pid, whether it said it was ready)."""
        if self.zygote is None:
            return self._spawn(i)
        with self._changed:
            self._lines.clear()
        self.zygote.stdin.write(f"{i}\n")
        self.zygote.stdin.flush()
        started = lambda: any(x.startswith("pid ") for x in self._lines)  # noqa: E731
        self._wait_for(lambda: started() and ("ready" in self._lines or "reaped" in self._lines))
        if not started():
            raise RuntimeError(f"the zygote started no child: {self._lines}")
        pid = next(int(x.split()[1]) for x in self._lines if x.startswith("pid "))
        return pid, "ready" in self._lines and "reaped" not in self._lines

    def _spawn(self, i: int) -> tuple[int, bool]:
        self.proc = subprocess.Popen([sys.executable, "-c", DECIDER, str(self.path), str(i), str(i * 10**6)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env())
        self._lines, ready = [], threading.Event()

        def read(p=self.proc, sink=self._lines):
            for line in p.stdout:
                sink.append(line.strip())
                if line.startswith("ready"):
                    ready.set()
            ready.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        return self.proc.pid, ready.wait(30) and "ready" in self._lines and self.proc.poll() is None

    def kill(self, pid: int) -> list[tuple[int, int]]:
        """SIGKILL the child; once it is dead, the (fact, seq) of every decision it reported."""
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it died by itself (start() said so): the workspace is checked all the same
        if self.zygote is None:
            self.proc.wait()
            self._reader.join(10)
        elif not self._wait_for(lambda: "reaped" in self._lines):
            raise RuntimeError(f"child {pid} not reaped: {self._lines[-3:]}")
        return [tuple(map(int, x.split())) for x in self._lines
                if x and x[0].isdigit()]

    def close(self) -> None:
        if self.zygote is not None:
            self.zygote.stdin.close()
            self.zygote.wait(30)


def kills(folder: Path, times: int = 100, seed: int = 7) -> Outcome:
    """A child decides as fast as it can and is killed with SIGKILL at a random moment.
    After each kill: the workspace opens, integrity_check is ok, and every decision the
    child reported as committed is in the review log."""
    from db.store import Store

    out = Outcome(f"killed mid-work (SIGKILL) ×{times}")
    store = workspace(folder)
    path = store.path
    store.close()
    rng = random.Random(seed)
    children = _Children(path)
    try:
        for i in range(times):
            out.tried += 1
            pid, ready = children.start(i)
            if not ready:
                out.notes.append(f"kill {i}: the child did not start, or died before the kill")
            time.sleep(rng.uniform(0.0, 0.25))  # the random moment, mid-work
            reported = children.kill(pid)
            try:
                check = integrity(path)
                s = Store.open(path)  # the dead child's lock must not block this
                with s.engine.connect() as conn:
                    notes = set(r[0] for r in conn.exec_driver_sql(
                        "SELECT note FROM review_events WHERE reviewer_id = "
                        "(SELECT id FROM reviewers WHERE name = 'child')"))
                s.close()
            except Exception as exc:  # a workspace that does not open is a failure, reported
                out.notes.append(f"kill {i}: {exc}")
                continue
            lost = [seq for _, seq in reported if f"n{seq}" not in notes]
            if ready and check == "ok" and not lost:
                out.held += 1
            else:
                out.notes.append(f"kill {i}: integrity {check}, {len(lost)} reported decisions missing")
    finally:
        children.close()
    out.notes.append(f"{sum(1 for _ in open_log(path))} decisions in the log at the end")
    return out


def open_log(path: Path):
    con = sqlite3.connect(path)
    try:
        yield from con.execute("SELECT id FROM review_events")
    finally:
        con.close()


def io_failures(folder: Path) -> Outcome:
    """Disk full and a read-only workspace: the write is refused with an error, nothing
    saved is lost, and the same decision goes through once the cause is gone."""
    from sqlalchemy import event

    from db.store import StoreWriteError

    out = Outcome("write fails (disk full, read-only)")
    store = workspace(folder)
    facts = store.facts(store.article_ids()[0])
    for fid in (facts[0].id, facts[1].id):
        store.decide(fid, "accept", "lan", status="accepted")
    for name, pragma in (("disk full", "PRAGMA max_page_count = {pages}"),
                         ("read-only", "PRAGMA query_only = ON")):
        out.tried += 1
        with store.engine.connect() as c:
            pages = c.exec_driver_sql("PRAGMA page_count").scalar()

        def limit(dbapi_conn, _rec, sql=pragma.format(pages=pages)):
            dbapi_conn.execute(sql)

        event.listen(store.engine, "connect", limit)
        store.engine.dispose()
        target = facts[5]
        failed = None
        for i in range(5000):  # a full disk shows when a write needs a new page
            try:
                store.decide(target.id, "edit", "lan", status="edited", note="x" * 2000 + str(i))
            except StoreWriteError as exc:
                failed = exc
                break
        event.remove(store.engine, "connect", limit)
        store.engine.dispose()
        kept = all(store.fact(f.id).status == "accepted" for f in facts[:2])
        retry = store.decide(target.id, "accept", "lan", status="accepted").status == "accepted"
        if failed is not None and kept and retry:
            out.held += 1
            out.notes.append(f"{name}: refused with “{str(failed)[:60]}…”, retried fine")
        else:
            out.notes.append(f"{name}: failed={failed!r} kept={kept} retry={retry}")
    store.close()
    return out


def second_instance(folder: Path) -> Outcome:
    """Another process holding the workspace: refused by name; a crashed holder's lock
    does not block the next start; reading (stats, export) still works."""
    from db.safety import WorkspaceLockedError
    from db.store import Store

    out = Outcome("a second instance")
    store = workspace(folder)
    path = store.path
    out.tried += 1
    try:
        Store.open(path)
        out.notes.append("a second writer was let in")
    except WorkspaceLockedError as exc:
        if str(path) in str(exc):
            out.held += 1
    out.tried += 1
    cli = subprocess.run([sys.executable, "-m", "desktop.entry", "--db", str(path), "import", str(SEEDS)],
                         capture_output=True, text=True, env=_env())
    if cli.returncode == 2 and "is open in another Fact Review" in cli.stderr and "Traceback" not in cli.stderr:
        out.held += 1
    else:
        out.notes.append(f"cli import while held: {cli.returncode} {cli.stderr[-200:]}")
    out.tried += 1
    reader = subprocess.run([sys.executable, "-m", "desktop.entry", "--db", str(path), "stats"],
                            capture_output=True, text=True, env=_env())
    if reader.returncode == 0 and "articles   5" in reader.stdout:
        out.held += 1
    else:
        out.notes.append(f"stats while held: {reader.returncode} {reader.stderr[-200:]}")
    store.close()
    out.tried += 1
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom db.store import Store\n"
                               "s = Store.open(sys.argv[1]); print('held', flush=True); time.sleep(60)",
                               str(path)], stdout=subprocess.PIPE, text=True, env=_env())
    holder.stdout.readline()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    try:
        Store.open(path).close()
        out.held += 1
    except WorkspaceLockedError as exc:
        out.notes.append(f"stale lock blocked the next start: {exc}")
    return out


BREAKAGES = ["truncated", "random bytes", "not SQLite", "missing table", "header only"]


def break_file(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "random bytes":
        path.write_bytes(random.Random(3).randbytes(len(data)))
    elif how == "not SQLite":
        path.write_text("Đây không phải là một cơ sở dữ liệu.\n" * 200, encoding="utf-8")
    elif how == "missing table":
        con = sqlite3.connect(path)
        con.execute("DROP TABLE review_events")
        con.commit()
        con.close()
    elif how == "header only":
        path.write_bytes(data[:60])


def broken_workspaces(folder: Path) -> Outcome:
    """Each kind of damage: a clear message (no traceback), and the latest backup restores."""
    from db.engine import WorkspaceError
    from db.store import Store

    out = Outcome("a broken workspace, then restore")
    for how in BREAKAGES:
        out.tried += 1
        d = folder / how.replace(" ", "-")
        d.mkdir()
        store = workspace(d)
        store.decide(store.facts(1)[0].id, "accept", "lan", status="accepted")
        store.backup_if_changed()
        path = store.path
        store.close()
        break_file(path, how)
        try:
            Store.open(path).close()
            out.notes.append(f"{how}: opened without complaint")
            continue
        except WorkspaceError as exc:
            message = str(exc)
        cli = subprocess.run([sys.executable, "-m", "desktop.entry", "--db", str(path), "stats"],
                             capture_output=True, text=True, env=_env())
        clear = cli.returncode == 2 and "Traceback" not in cli.stderr and "restore --latest" in cli.stderr
        fix = subprocess.run([sys.executable, "-m", "desktop.entry", "--db", str(path), "restore", "--latest"],
                             capture_output=True, text=True, env=_env())
        try:
            s = Store.open(path)
            restored = s.fact(s.facts(1)[0].id).status == "accepted" and integrity(path) == "ok"
            s.close()
        except WorkspaceError:
            restored = False
        if clear and fix.returncode == 0 and restored:
            out.held += 1
            out.notes.append(f"{how}: “{message.split(': ', 1)[-1][:70]}”")
        else:
            out.notes.append(f"{how}: clear={clear} restore={fix.returncode} {fix.stderr[-120:]} restored={restored}")
    return out


def backups(folder: Path) -> Outcome:
    """Made only after a change, consistent while another thread writes, the last N kept."""
    from db.safety import describe_backups, list_backup_files

    out = Outcome("backups")
    store = workspace(folder)
    out.tried += 1
    first = store.backup_if_changed(keep=3)
    again = store.backup_if_changed(keep=3)
    if first is not None and again is None:
        out.held += 1
    out.tried += 1
    facts = [f.id for a in store.article_ids() for f in store.facts(a)]
    stop = threading.Event()
    writer_store = store

    def write():
        i = 0
        while not stop.is_set():
            writer_store.decide(facts[i % len(facts)], "accept", "lan", status="accepted")
            i += 1

    t = threading.Thread(target=write)
    t.start()
    made = []
    for _ in range(5):
        time.sleep(0.05)
        b = store.backup_if_changed(keep=3)
        if b:
            made.append(b)
    stop.set()
    t.join()
    files = list_backup_files(store.path)
    if made and all(integrity(p) == "ok" for p in files) and len(files) <= 3:
        out.held += 1
    else:
        out.notes.append(f"made {len(made)}, kept {len(files)}")
    out.tried += 1
    listed = describe_backups(store.path)
    if listed and all(b.facts == len(facts) for b in listed):  # every fact, in each
        out.held += 1
        out.notes.append(f"{len(listed)} kept of {len(made) + 1} made: " + listed[0].describe())
    store.close()
    return out


def bad_inputs(folder: Path, big_mb: int = 60) -> Outcome:
    """Every file of tests/data/bad, plus a big one made here: its own message, nothing
    of it stored, the good files beside it imported."""
    from db.store import Store
    from app.importing import import_paths

    out = Outcome("bad input files")
    d = folder / "in"
    d.mkdir()
    expected = {}
    for line in (BAD / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, msg = line.split("\t")
            expected[name] = msg
    for p in BAD.iterdir():
        if p.name != "MANIFEST.tsv":
            (d / p.name).write_bytes(p.read_bytes())
    big = d / "sixty-megabytes.txt"
    with open(big, "w", encoding="utf-8") as f:
        line = "Bộ Y tế cấp 3 tỷ đồng cho 26 trạm y tế xã ở tỉnh Cao Bằng. " * 20 + "\n"
        while f.tell() < big_mb * 1024 * 1024:
            f.write(line)
    expected[big.name] = "over the 50.0 MB limit"
    store = Store.open(folder / "w.sqlite")
    report = import_paths(store, [d])
    results = {Path(f.path).name: f for f in report.files}
    for name, msg in sorted(expected.items()):
        out.tried += 1
        r = results.get(name)
        said = r and (r.error or r.skipped)
        if said and msg in said:
            out.held += 1
        else:
            out.notes.append(f"{name}: {said or 'not seen'} (expected “{msg}”)")
    out.tried += 1
    good = sorted(Path(f.path).name for f in report.files if f.status == "imported")
    if good == ["bài báo tốt.txt", "nfd tốt.txt"] and store.article_count() == 2:
        out.held += 1
    else:
        out.notes.append(f"good files: {good}, articles {store.article_count()}")
    out.notes.append(f"{len(expected)} bad files refused, each with its reason; 2 good ones imported")
    store.close()
    return out
