"""The second audit's workspace cases: whose backups, which file a path names, locks on the
file itself, restores that cannot lose a workspace, messages instead of tracebacks.

Each check does what the audit did and raises AssertionError saying what broke; it returns
a short note of what held. The tests run them one by one; scripts/reliability_report.py
prints them as rows (`workspace_audit`).
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from .scenarios import SEEDS, Outcome, _env, integrity

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def cli(*argv: str) -> tuple[int, str, str]:
    """fact-review in this process: (exit code, stdout, stderr)."""
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def cli_child(*argv: str, env: Optional[dict] = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.entry", *map(str, argv)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**_env(), **(env or {})}, **kw)


def articles_of(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def many_articles(folder: Path, n: int, tag: str = "a", with_facts: bool = False) -> Path:
    """A JSONL file of n distinct articles made of the sample texts; `with_facts`: each with
    the fixed pending facts of its sample (tests/data/seed_facts.jsonl), so that a workspace
    of many facts is made without the minutes its extraction would take."""
    from tests import seed_facts

    samples = seed_facts.ARTICLES
    f = folder / f"{tag}-{n}{'-facts' if with_facts else ''}.jsonl"
    with open(f, "w", encoding="utf-8") as out:
        for i in range(n):
            sample, head = samples[i % len(samples)], f"Bài số {i}.\n"
            article = {"id": f"{tag}{i}", "title": f"Bài {tag} {i}", "text": head + sample["text"]}
            if with_facts:
                article["facts"] = [{**fact, "start": fact["start"] + len(head), "end": fact["end"] + len(head)}
                                    for fact in sample["facts"]]
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return f


def _no_traceback(*texts: str) -> None:
    joined = "\n".join(texts)
    assert "Traceback" not in joined, joined[-2000:]


# -- whose backups -------------------------------------------------------------------
def backups_are_the_workspaces_own(d: Path) -> str:
    """ws, ws-old and ws-2019 side by side: ten imports into ws never touch the others'
    backups, and `restore --latest` on ws brings back ws."""
    names = ("ws", "ws-old", "ws-2019")
    for name in names:  # two imports each: the second one backs up the first
        for f in SEED_FILES[:2]:
            code, _, err = cli("--db", d / f"{name}.sqlite", "import", "--no-extract", f)
            assert code == 0, err
    from db.safety import list_backup_files

    theirs = {n: list_backup_files(d / f"{n}.sqlite") for n in names[1:]}
    assert all(len(v) == 1 for v in theirs.values()), theirs
    bodies = many_articles(d, 10, "x")
    for i in range(10):
        one = d / f"one-{i}.jsonl"
        one.write_text(bodies.read_text(encoding="utf-8").splitlines()[i] + "\n", encoding="utf-8")
        code, _, err = cli("--db", d / "ws.sqlite", "import", "--no-extract", one)
        assert code == 0, err
    for n, files in theirs.items():
        assert all(f.exists() for f in files), f"{n}'s backup was deleted by imports into ws"
    code, out, _ = cli("--db", d / "ws.sqlite", "backups")
    assert "ws-old" not in out and "ws-2019" not in out, out
    before = articles_of(d / "ws.sqlite")
    code, out, err = cli("--db", d / "ws.sqlite", "restore", "--latest")
    assert code == 0, err
    after = articles_of(d / "ws.sqlite")
    assert after == before - 1, f"restore --latest gave {after} articles, expected {before - 1}"
    return "ten imports into ws left ws-old's and ws-2019's backups alone; restore --latest restored ws"


def backups_of_a_name_with_brackets(d: Path) -> str:
    ws = d / "ws[1].sqlite"
    for f in SEED_FILES[:2]:
        code, _, err = cli("--db", ws, "import", "--no-extract", f)
        assert code == 0, err
    code, out, _ = cli("--db", ws, "backups")
    assert "No backups" not in out and "1 backups use" in out, out
    return "the backups of ws[1].sqlite are listed"


def backups_of_another_workspace_are_refused(d: Path) -> str:
    """A workspace file replaced by another one of the same name does not take over the
    first one's backups."""
    from db.safety import list_backup_files
    from db.store import Store

    ws = d / "ws.sqlite"
    for f in SEED_FILES[:2]:
        cli("--db", ws, "import", "--no-extract", f)
    assert len(list_backup_files(ws)) == 1
    ws.rename(d / "moved.sqlite")
    for f in SEED_FILES[2:4]:
        cli("--db", ws, "import", "--no-extract", f)
    s = Store.open(ws, create=False)
    try:
        own = list_backup_files(ws, s.workspace_id())
    finally:
        s.close()
    assert len(own) == 1, own
    code, out, _ = cli("--db", ws, "backups")
    assert out.count(".sqlite.gz") == 1, out
    return "a backup recorded as another workspace's is not listed as this one's"


# -- which file a path names -----------------------------------------------------------
def path_is_not_a_url(d: Path) -> str:
    code, _, err = cli("--db", d / "a?b.sqlite", "import", "--no-extract", SEED_FILES[0])
    assert code == 0, err
    assert (d / "a?b.sqlite").exists() and not (d / "a").exists(), sorted(os.listdir(d))
    cli("--db", d / "a b.sqlite", "import", "--no-extract", SEED_FILES[0])
    code, _, err = cli("--db", d / "a%20b.sqlite", "import", "--no-extract", *SEED_FILES[1:3])
    assert code == 0, err
    assert articles_of(d / "a b.sqlite") == 1, "a%20b.sqlite wrote into a b.sqlite"
    assert articles_of(d / "a%20b.sqlite") == 2
    return "a?b.sqlite and a%20b.sqlite are files of those names"


# -- one writer, whatever the path ---------------------------------------------------------
def lock_holds_through_links(d: Path) -> str:
    from db.safety import WorkspaceLockedError
    from db.store import Store

    ws = d / "ws.sqlite"
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
    (d / "sym.sqlite").symlink_to(ws)
    os.link(ws, d / "hard.sqlite")
    held = Store.open(ws)
    try:
        for link in ("sym.sqlite", "hard.sqlite"):
            try:
                Store.open(d / link).close()
            except WorkspaceLockedError:
                pass
            else:
                raise AssertionError(f"{link} opened as a second writer")
            code, _, err = cli("--db", d / link, "import", "--no-extract", SEED_FILES[1])
            assert code == 2 and "open in another Fact Review" in err, err
            _no_traceback(err)
    finally:
        held.close()
    assert integrity(ws) == "ok" and articles_of(ws) == 1
    return "a symlink and a hard link to an open workspace are refused as second writers"


def planted_links_are_not_followed(d: Path) -> str:
    """Someone who can write the workspace's folder plants symlinks at the names the lock and
    a restore use: nothing is written through them."""
    ws = d / "ws.sqlite"
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
    cli("--db", ws, "import", "--no-extract", SEED_FILES[1])  # a backup to restore
    secret = d / "secret.txt"
    secret.write_text("keep me")
    os.chmod(secret, 0o600)
    (d / "ws.sqlite.lock").unlink()
    (d / "ws.sqlite.lock").symlink_to(secret)
    for name in ("ws.sqlite.restoring", ".ws.sqlite.restoring-x"):
        (d / name).symlink_to(secret)
    code, out, err = cli("--db", ws, "import", "--no-extract", SEED_FILES[2])
    assert code == 2 and "lock file" in err, err
    _no_traceback(out, err)
    code, out, err = cli("--db", ws, "restore", "--latest")
    assert code == 2, out + err
    assert secret.read_text() == "keep me" and os.stat(secret).st_mode & 0o777 == 0o600
    (d / "ws.sqlite.lock").unlink()
    code, out, err = cli("--db", ws, "restore", "--latest")
    assert code == 0, err
    assert secret.read_text() == "keep me" and not ws.is_symlink() and integrity(ws) == "ok"
    return "symlinks planted at the lock's and a restore's names are never written through"


def _at_revision(ws: Path, revision: str) -> None:
    from alembic import command

    from db.engine import _alembic_config, make_engine

    engine = make_engine(ws)
    try:
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def first_opens_after_an_update_at_once(d: Path) -> str:
    """A workspace of an earlier version opened by three commands at once: one brings it up
    to date, the others wait for it; a workspace busy with another program's write is said
    to be busy, never damaged (which would offer a restore over a good workspace)."""
    from db.engine import head_revision

    ws = d / "ws.sqlite"
    code, _, err = cli("--db", ws, "import", "--no-extract", many_articles(d, 3000))
    assert code == 0, err
    _at_revision(ws, "0006")
    kids = [cli_child("--db", ws, *argv) for argv in
            (("stats",), ("articles",), ("export", "--format", "csv", "-o", d / "out.csv"))]
    for k in kids:
        out, err = k.communicate(timeout=300)
        assert k.returncode == 0 and "Traceback" not in err, err[-1500:]
    con = sqlite3.connect(ws)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    con.close()
    _at_revision(ws, "0006")
    holder = sqlite3.connect(ws, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
    try:
        code, out, err = cli("--db", ws, "stats")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _no_traceback(out, err)
    assert code == 2 and "cannot be opened now" in err and "restore" not in err, err
    return "three commands opening an earlier version's workspace at once all work; a busy one is busy, not damaged"


# -- restore -------------------------------------------------------------------------
def _workspace_with_backup(d: Path, n: int) -> Path:
    ws = d / "ws.sqlite"
    code, _, err = cli("--db", ws, "import", "--no-extract", many_articles(d, n))
    assert code == 0, err
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])  # backs the first import up
    return ws


def restore_killed_never_loses_the_workspace(d: Path, times: int = 12) -> str:
    ws = _workspace_with_backup(d, 3000)
    full = articles_of(ws)
    t0 = time.perf_counter()
    code, _, err = cli("--db", ws, "restore", "--latest")
    took = time.perf_counter() - t0
    assert code == 0, err
    for i in range(times):
        p = cli_child("--db", ws, "restore", "--latest")
        time.sleep(0.25 + took * i / times)  # the interpreter's start, then across the restore
        p.send_signal(signal.SIGKILL)
        p.communicate()
        assert ws.exists(), f"kill {i}: no workspace file left"
        assert integrity(ws) == "ok", f"kill {i}: {integrity(ws)}"
        assert articles_of(ws) in (full, full - 1)
    code, out, err = cli("--db", ws, "stats")
    assert code == 0, err
    return f"{times} restores killed (SIGKILL) from start to end: the workspace was always whole"


def restores_in_one_second_keep_every_copy(d: Path) -> str:
    ws = _workspace_with_backup(d, 20)
    kept = []
    for _ in range(3):
        code, out, err = cli("--db", ws, "restore", "--latest")
        assert code == 0, err
        kept.append(out.split("kept as ")[-1].strip().rstrip("."))
    assert len(set(kept)) == 3 and all((d / Path(k).name).exists() for k in kept), kept
    return "three restores in a row keep three copies of the workspace as it was"


def restore_keeps_permissions(d: Path) -> str:
    from db.safety import backup_dir, list_backup_files

    ws = d / "ws.sqlite"
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
    os.chmod(ws, 0o600)
    cli("--db", ws, "import", "--no-extract", SEED_FILES[1])
    files = list_backup_files(ws)
    modes = {oct(os.stat(p).st_mode & 0o777) for f in files for p in (f, Path(str(f) + ".json"))}
    assert modes == {"0o600"}, modes
    assert os.stat(backup_dir(ws)).st_mode & 0o077 == 0, oct(os.stat(backup_dir(ws)).st_mode)
    cli("--db", ws, "restore", "--latest")
    assert os.stat(ws).st_mode & 0o777 == 0o600, oct(os.stat(ws).st_mode)
    return "a 0600 workspace gets 0600 backups in a 0700 folder, and stays 0600 after a restore"


# -- only import and File ▸ New create a workspace ------------------------------------------
def missing_workspace_is_said(d: Path) -> str:
    ws = d / "typo.sqlite"
    out_file = d / "out.csv"
    for argv in (("articles",), ("stats",), ("export", "--format", "csv", "-o", out_file),
                 ("extract",), ("log",), ("revert", "1")):
        code, out, err = cli("--db", ws, *argv)
        assert code != 0, f"{argv[0]} on a missing workspace exited 0"
        assert "no workspace at" in err, err
        _no_traceback(out, err)
        assert not ws.exists(), f"{argv[0]} created {ws.name}"
    assert not out_file.exists()
    return "articles, stats, export, extract, log and revert on a mistyped --db say there is none"


# -- messages, not tracebacks ---------------------------------------------------------------
def backup_that_cannot_be_written(d: Path) -> str:
    ws = d / "ws.sqlite"
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
    (d / "backups").write_text("a file where the backups folder would go")
    code, out, err = cli("--db", ws, "import", "--no-extract", SEED_FILES[1])
    assert code == 1 and "no backup of" in err and "untouched" in err, err
    _no_traceback(out, err)
    assert articles_of(ws) == 1 and integrity(ws) == "ok"
    return "an import whose backup cannot be written says so and changes nothing"


@contextlib.contextmanager
def small_disk(d: Path, size: str = "2m", readonly: bool = False):
    """A tmpfs of `size` mounted at d/disk (root only; skipped elsewhere by the tests)."""
    mnt = d / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode:
        raise NotMountable(r.stderr.strip() or "mount failed")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


class NotMountable(Exception):
    pass


def read_only_folder(d: Path) -> str:
    with small_disk(d) as mnt:
        ws = mnt / "ws.sqlite"
        code, _, err = cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
        assert code == 0, err
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        code, out, err = cli("--db", ws, "import", "--no-extract", SEED_FILES[1])
        _no_traceback(out, err)
        assert code == 2 and "cannot be opened for writing" in err, err
        code, out, err = cli("--db", ws, "articles")  # reading still works
        assert code == 0 and len(out.splitlines()) == 2, err
    return "a workspace on a read-only mount: import says so; listing still works"


def full_disk(d: Path) -> str:
    with small_disk(d, "3m") as mnt:
        ws = mnt / "ws.sqlite"
        code, _, err = cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
        assert code == 0, err
        lock_text = (mnt / "ws.sqlite.lock").read_text()
        filler = mnt / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # unbuffered: nothing left to flush
        try:
            while os.write(fd, b"\0" * 65536):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        code, out, err = cli("--db", ws, "import", many_articles(d, 200))
        _no_traceback(out, err)
        assert code != 0 and ("No space" in err or "full" in err), err
        assert (mnt / "ws.sqlite.lock").read_text().strip(), "the lock file was emptied"
        assert lock_text.startswith("pid ")
        filler.unlink()
        assert integrity(ws) == "ok" and articles_of(ws) == 1
    return "an import onto a full disk says so; the workspace and its lock file are whole"


def xlsx_numbers_excel_cannot_hold(d: Path) -> str:
    from openpyxl import load_workbook

    ws = d / "ws.sqlite"
    art = {"id": "big", "title": "Số lớn", "text": "Tổng cộng 1 đồng và 2 đồng.",
           "facts": [{"kind": "money", "start": 10, "end": 11, "text": "1", "value": "9" * 5000,
                      "unit": "VND", "status": "accepted"},
                     {"kind": "money", "start": 20, "end": 21, "text": "2", "value": "1" + "0" * 400,
                      "unit": "VND", "status": "accepted"},
                     {"kind": "quantity", "start": 10, "end": 11, "text": "1", "value": "12345678901234567890",
                      "status": "accepted"}]}
    f = d / "big.jsonl"
    f.write_text(json.dumps(art, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = cli("--db", ws, "import", "--no-extract", f)
    assert code == 0, err
    code, out, err = cli("--db", ws, "export", "--format", "xlsx", "-o", d / "out.xlsx")
    _no_traceback(out, err)
    assert code == 0, err
    sheet = load_workbook(d / "out.xlsx", read_only=True)["Facts"]
    col = next(sheet.iter_rows(max_row=1, values_only=True)).index("value")
    values = [r[col] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == ["9" * 5000, "12345678901234567890", "1" + "0" * 400], [str(v)[:30] for v in values]
    return "a 5,000-digit, a 401-digit and a 20-digit value leave XLSX exact, as text"


def killed_export_leaves_nothing(d: Path) -> str:
    ws = d / "ws.sqlite"
    code, _, err = cli("--db", ws, "import", "--no-extract", many_articles(d, 1500, with_facts=True))
    assert code == 0, err
    tmp = d / "tmp"
    tmp.mkdir()
    target = d / "out" / "facts.xlsx"
    target.parent.mkdir()
    notes = []
    for sig in (signal.SIGTERM, signal.SIGKILL):
        p = cli_child("--db", ws, "export", "--all-statuses", "--format", "xlsx", "-o", target,
                      env={"TMPDIR": str(tmp)})
        deadline = time.time() + 60
        while time.time() < deadline and not any(target.parent.glob(".*export*/sheet.*")):
            time.sleep(0.02)
        time.sleep(0.2)
        p.send_signal(sig)
        p.communicate()
        left = sorted(x.name for x in target.parent.iterdir()) + sorted(x.name for x in tmp.iterdir())
        if sig == signal.SIGTERM:
            assert left == [], f"after SIGTERM: {left}"
            notes.append("SIGTERM: nothing left")
        else:
            assert not target.exists() and not list(tmp.iterdir()), left
            notes.append(f"SIGKILL: {len(left)} scratch folder left")
    code, _, err = cli("--db", ws, "export", "--format", "xlsx", "-o", target)
    assert code == 0, err
    left = sorted(x.name for x in target.parent.iterdir())
    assert left == ["facts.xlsx"], left
    return "; ".join(notes) + ", removed by the next export; nothing in the temp folder"


# -- times ------------------------------------------------------------------------------
def reviewed_at_carries_its_zone(d: Path) -> str:
    from db.store import Store

    ws = d / "ws.sqlite"
    art = {"id": "t", "title": "Giờ", "text": "Bộ Y tế và Sở Y tế.",
           "facts": [{"kind": "organization", "start": 0, "end": 7, "text": "Bộ Y tế", "value": "Bộ Y tế",
                      "status": "accepted", "reviewer": "an", "reviewed_at": "2025-01-02T03:00:00+07:00"}]}
    f = d / "t.jsonl"
    f.write_text(json.dumps(art, ensure_ascii=False) + "\n", encoding="utf-8")
    cli("--db", ws, "import", "--no-extract", f)
    s = Store.open(ws, lock=False)
    try:
        [fact] = s.facts(s.article_ids()[0])
    finally:
        s.close()
    assert fact.reviewed_at.isoformat() == "2025-01-01T20:00:00", fact.reviewed_at
    code, out, _ = cli("--db", ws, "export")
    assert json.loads(out)["facts"][0]["reviewed_at"] == "2025-01-01T20:00:00+00:00", out
    cli("--db", ws, "export", "--format", "csv", "-o", d / "all.csv")
    assert "2025-01-01T20:00:00+00:00" in (d / "all.csv").read_text(encoding="utf-8-sig")
    # --since / --until are local dates: in Hanoi that decision was made on 2 January.
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    try:
        cli("--db", ws, "export", "--format", "csv", "--since", "2025-01-02", "-o", d / "on.csv")
        cli("--db", ws, "export", "--format", "csv", "--until", "2025-01-02", "-o", d / "before.csv")
        on_2nd, before_2nd = ((d / n).read_text(encoding="utf-8-sig") for n in ("on.csv", "before.csv"))
    finally:
        if old_tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old_tz
        time.tzset()
    assert "Bộ Y tế" in on_2nd and "Bộ Y tế" not in before_2nd
    return "reviewed_at leaves as 2025-01-01T20:00:00+00:00; --since 2025-01-02 in Hanoi finds it"


# -- the terminal ----------------------------------------------------------------------
def terminal_output_is_escaped(d: Path) -> str:
    from db.store import Store

    ws = d / "ws.sqlite"
    cli("--db", ws, "import", "--no-extract", SEED_FILES[0])
    s = Store.open(ws)
    try:  # a title as an earlier version could have stored it
        s.update_article(s.article_ids()[0], title="Tin\x1b[2J\x1b]0;pwned\x07 nóng\r\u202etxt.exe")
    finally:
        s.close()
    code, out, _ = cli("--db", ws, "articles")
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\\x1b[2J" in out, out
    bad = d / "tên có\ndòng mới.json"
    bad.write_text("{oops", encoding="utf-8")
    code, out, err = cli("--db", ws, "import", bad)
    assert "'" + str(d) in err and "\\x0a" in err and "\n".join(err.splitlines()) == err.rstrip("\n"), err
    return "titles with escape sequences print escaped; a file name with a newline is quoted"


def unextracted_articles_are_offered(d: Path) -> str:
    """An import stopped during extraction: its articles are told of, and the next import
    of the same files extracts them instead of calling them duplicates and moving on."""
    ws = d / "ws.sqlite"
    jsonl = many_articles(d, 400)
    p = cli_child("--db", ws, "import", jsonl)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.05)
        con = sqlite3.connect(ws) if ws.exists() else None
        try:
            done = con and con.execute("SELECT count(*) FROM articles WHERE extracted_with IS NOT NULL "
                                       ).fetchone()[0]
        except sqlite3.Error:
            done = 0
        finally:
            if con:
                con.close()
        if done:
            break
    p.send_signal(signal.SIGKILL)
    p.communicate()
    con = sqlite3.connect(ws)
    left = con.execute("SELECT count(*) FROM articles WHERE extracted_with IS NULL").fetchone()[0]
    con.close()
    assert left > 0, "the import finished before it could be stopped"
    code, out, err = cli("--db", ws, "articles")
    assert f"{left} articles are not yet extracted" in err, err
    code, out, err = cli("--db", ws, "import", jsonl)
    assert code == 0 and "already in the workspace" in out + err, out + err
    con = sqlite3.connect(ws)
    left_after = con.execute("SELECT count(*) FROM articles WHERE extracted_with IS NULL").fetchone()[0]
    con.close()
    assert left_after == 0, f"{left_after} articles still not extracted"
    return f"an import killed with {left} of 400 articles unextracted: told, then extracted by the re-run"


def redo_after_an_undone_add_and_an_import(d: Path) -> str:
    """Add a fact, undo it, import and extract another article, redo: the fact comes back in
    its own article and the imported article's facts are untouched; JSONL goes round."""
    from db.store import Store
    from app.extracting import run_extraction
    from app.importing import import_paths
    from facts.model import validate_fact

    s = Store.open(d / "ws.sqlite")
    try:
        import_paths(s, SEED_FILES[:1])
        run_extraction(s)
        [aid] = s.article_ids()
        text = s.article(aid).text
        words = text.split("\n")[0][:12]
        added = s.add_fact(aid, validate_fact({"kind": "organization", "start": 0, "end": len(words),
                                               "text": words, "value": words}), "an")
        undo = s.revert_one(added.event_id, "an", "undo")
        import_paths(s, SEED_FILES[1:2])
        run_extraction(s)
        other = s.article_ids()[-1]
        theirs = [(f.id, f.start, f.end, f.text, f.status) for f in s.facts(other)]
        s.revert_one(undo.event_id, "an", "redo")
        assert [(f.id, f.start, f.end, f.text, f.status) for f in s.facts(other)] == theirs
        back = s.fact(added.id)
        assert back is not None and back.article_id == aid and back.text == words
        from facts.exporter import write_jsonl

        with open(d / "all.jsonl", "w", encoding="utf-8") as out:
            write_jsonl(s.iter_articles(), out)
        facts = sorted((f.kind, f.start, f.end, f.text, f.status) for a in s.article_ids() for f in s.facts(a))
    finally:
        s.close()
    t = Store.open(d / "again.sqlite")
    try:
        report = import_paths(t, [d / "all.jsonl"])
        assert not report.failed, report.summary()
        again = sorted((f.kind, f.start, f.end, f.text, f.status) for a in t.article_ids() for f in t.facts(a))
        assert again == facts, "the JSONL export did not import back whole"
    finally:
        t.close()
    return "an undone add redone after an import lands in its own article; the JSONL goes round"


CHECKS: list[Callable[[Path], str]] = [
    redo_after_an_undone_add_and_an_import,
    backups_are_the_workspaces_own, backups_of_a_name_with_brackets,
    backups_of_another_workspace_are_refused, path_is_not_a_url, lock_holds_through_links,
    planted_links_are_not_followed, first_opens_after_an_update_at_once,
    restore_killed_never_loses_the_workspace, restores_in_one_second_keep_every_copy,
    restore_keeps_permissions, missing_workspace_is_said, backup_that_cannot_be_written,
    read_only_folder, full_disk, xlsx_numbers_excel_cannot_hold, killed_export_leaves_nothing,
    reviewed_at_carries_its_zone, terminal_output_is_escaped, unextracted_articles_are_offered,
]


def workspace_audit(folder: Path) -> Outcome:
    out = Outcome("second audit: workspaces, files, messages")
    for check in CHECKS:
        d = folder / check.__name__
        d.mkdir()
        out.tried += 1
        try:
            note = check(d)
        except NotMountable as exc:
            out.tried -= 1
            out.notes.append(f"{check.__name__}: not tried here ({exc}; needs root)")
            continue
        except Exception as exc:  # reported, not raised: the report prints every row
            out.notes.append(f"{check.__name__}: FAILED {type(exc).__name__}: {str(exc)[:300]}")
            continue
        out.held += 1
        out.notes.append(f"{check.__name__}: {note}")
    return out
