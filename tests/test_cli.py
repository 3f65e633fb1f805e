"""The fact-review command line, run in-process."""
import json
from pathlib import Path

from app.cli import main
from tests.conftest import REAL_HOME


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_stats(capsys, db_path, seed_dir):
    code, out, err = run(capsys, "--db", str(db_path), "import", "--no-extract", str(seed_dir))
    assert code == 0
    assert "5 files imported (5 articles), 0 duplicate, 0 failed" in out
    code, out, _ = run(capsys, "--db", str(db_path), "articles")
    assert code == 0 and "Hơn 8.900 cán bộ y tế cơ sở" in out and len(out.splitlines()) == 6
    code, out, _ = run(capsys, "stats", "--db", str(db_path))
    assert "articles   5" in out


def test_failed_file_gives_nonzero_exit_and_no_traceback(capsys, db_path, tmp_path):
    (tmp_path / "ok.txt").write_text("Bài báo tốt.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "a"}\n{oops}\n', encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db_path), "import", str(tmp_path))
    assert code == 1
    assert "bad.jsonl: line 2: invalid JSON" in err
    assert "Traceback" not in err + out
    assert "1 files imported (1 articles), 0 duplicate, 1 failed" in out


def test_missing_path(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path), "import", "/no/such/place")
    assert code == 1 and "no such file or folder" in err


def test_env_var_picks_workspace(capsys, db_path, seed_dir, monkeypatch):
    monkeypatch.setenv("FACT_REVIEW_DB", str(db_path))
    run(capsys, "import", "--no-extract", str(seed_dir / "000_2de5f09fb336969d.txt"))
    code, out, _ = run(capsys, "stats")
    assert str(db_path) in out and "articles   1" in out


# -- the user's home: the program writes there only what it must ---------------------------
def tree(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder`: whether a folder, size, modification time."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): (p.is_dir(), p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def changes(before: dict, after: dict) -> list[str]:
    """The paths made, changed or removed between two trees, folders that merely hold
    them left out."""
    paths = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return [p for p in paths if not any(q.startswith(p + "/") for q in paths)
            or not (after.get(p) or before.get(p))[0]]


# The one thing a command on a workspace given by --db leaves in the home: the folder of
# device-and-inode locks (db/safety.py identity_lock_dir), in the user's cache folder.
LOCKS = "cache/fact-review/locks"


def real_default_workspace():
    """The default workspace of the real user running the tests, as it is now (or None)."""
    path = REAL_HOME / ".local" / "share" / "fact-review" / "workspace.sqlite"
    return (path.stat().st_size, path.stat().st_mtime_ns) if path.exists() else None


def test_the_home_watched_is_the_one_the_program_uses(user_home):
    from platformdirs import user_data_path

    assert Path.home() == user_home != REAL_HOME
    assert user_data_path("fact-review").is_relative_to(user_home)
    before = tree(user_home)
    (Path.home() / ".fact-review-was-here").write_text("x")  # what a careless program does
    (user_data_path("fact-review") / "x.sqlite").parent.mkdir(parents=True)
    (user_data_path("fact-review") / "x.sqlite").write_text("x")
    assert changes(before, tree(user_home)) == [".fact-review-was-here", "data/fact-review/x.sqlite"]


def test_default_workspace_is_created_with_the_samples_in_the_users_data_folder(capsys, user_home):
    real_before, before = real_default_workspace(), tree(user_home)
    code, out, err = run(capsys, "stats")
    assert code == 0 and "articles   5" in out
    assert "sample articles" in err
    made = user_home / "data" / "fact-review" / "workspace.sqlite"
    assert str(made) in out and made.is_file()
    # Nothing else in the home but its own backups and the lock folder; the real user's
    # default workspace is not touched.
    extra = [p for p in changes(before, tree(user_home))
             if not p.startswith(("data/fact-review/", LOCKS))]
    assert extra == []
    assert real_default_workspace() == real_before


def test_commands_on_a_given_workspace_leave_nothing_in_the_home(capsys, db_path, seed_dir, tmp_path,
                                                                 user_home):
    before = tree(user_home)
    for argv in (["import", str(seed_dir)], ["stats"], ["articles"], ["facts"],
                 ["export", "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")],
                 ["export", "--format", "xlsx", "-o", str(tmp_path / "out.xlsx")], ["backups"]):
        code, _, err = run(capsys, "--db", str(db_path), *argv)
        assert code == 0, (argv, err)
    assert [p for p in changes(before, tree(user_home)) if not p.startswith(LOCKS)] == []


def test_newer_workspace_message(capsys, db_path):
    import sqlite3

    from db.store import Store

    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--db", str(db_path), "stats")
    assert code == 2 and "newer version" in err and "Traceback" not in err


def test_export_jsonl_to_file(capsys, db_path, seed_dir, tmp_path):
    run(capsys, "--db", str(db_path), "import", "--no-extract", str(seed_dir))
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "--db", str(db_path), "export", "--format", "jsonl", "-o", str(out_file))
    assert code == 0
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    first = json.loads(lines[0])
    assert set(first) >= {"id", "origin", "title", "published", "source", "author", "text",
                          "content", "facts"}


def test_help_everywhere(capsys):
    import pytest

    for argv in ([], ["import"], ["articles"], ["stats"], ["export"], ["extract"], ["evaluate"]):
        with pytest.raises(SystemExit) as exc:
            main([*argv, "--help"])
        assert exc.value.code == 0
        assert "usage: fact-review" in capsys.readouterr().out


def test_a_failed_write_is_a_message_not_a_traceback(capsys, db_path, seed_dir, monkeypatch):
    from db.store import Store, StoreWriteError

    def full(self, *a, **k):
        raise StoreWriteError(f"could not save to {db_path}: database or disk is full")

    monkeypatch.setattr(Store, "writer", full)
    code, out, err = run(capsys, "--db", str(db_path), "import", "--no-extract", str(seed_dir))
    assert code == 1 and "database or disk is full" in err and "Traceback" not in err
