"""The fact-review command line, run in-process."""
import json

from app.cli import main


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


def test_default_workspace_is_created_with_the_samples(capsys, tmp_path):
    code, out, err = run(capsys, "stats")
    assert code == 0 and "articles   5" in out
    assert "sample articles" in err
    # In the isolated user data folder, never the real one.
    assert str(tmp_path.parent) in out or "home" in out


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
