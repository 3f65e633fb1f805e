"""The command line on both engines: `--db` and FACT_REVIEW_DB take a file's path or a
PostgreSQL server's URL, and every command works on either."""
import csv
import json
import re

from openpyxl import load_workbook

from app.cli import main
from tests.test_learn import new_corpus, reviewed_corpus

pytest_plugins = ["tests.pg.plugin"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_review_from_the_command_line(capsys, workspace_at, seed_dir, tmp_path):
    db = ("--db", workspace_at)
    code, out, err = run(capsys, *db, "import", seed_dir)
    assert code == 0 and "5 files imported (5 articles)" in out and "rules@1" in err
    code, out, _ = run(capsys, *db, "articles", "--search", "bo y te")
    found = [int(line.split()[0]) for line in out.splitlines()[1:]]
    code, out, _ = run(capsys, *db, "articles", "--search", "Bộ Y tế", "--exact-diacritics")
    assert found and [int(line.split()[0]) for line in out.splitlines()[1:]] == found
    code, out, _ = run(capsys, *db, "facts", "--article", found[0], "--json")
    facts = [json.loads(line) for line in out.splitlines()]
    name = next(f for f in facts if f["kind"] == "organization" and f["text"] == "Bộ Y tế")
    code, out, _ = run(capsys, *db, "accept", name["id"])
    assert code == 0 and f"Fact {name['id']} accepted" in out
    event = int(re.search(r"decision (\d+)", out)[1])
    code, out, _ = run(capsys, *db, "log", "--fact", name["id"])
    assert "accept" in out and "tester" in out
    code, out, _ = run(capsys, *db, "revert", event)
    assert code == 0 and f"Fact {name['id']} is back to pending" in out
    code, out, _ = run(capsys, *db, "reject", facts[0]["id"], facts[1]["id"])
    assert code == 0 and out.count("rejected") == 2

    code, out, _ = run(capsys, *db, "delete", found[-1])
    assert code == 0 and f"Deleted article {found[-1]}" in out
    put_back = out.split("revert ")[-1].strip()
    code, out, _ = run(capsys, *db, "stats")
    assert "articles   4" in out and "rejected" in out
    code, out, _ = run(capsys, *db, "revert", put_back)
    assert code == 0 and f"Article {found[-1]} is back" in out

    code, _, err = run(capsys, *db, "export", "--format", "csv", "--all-statuses", "-o", tmp_path / "f.csv")
    assert code == 0 and "written to" in err
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(r["status"] == "rejected" for r in rows) == 2
    code, _, _ = run(capsys, *db, "export", "--format", "xlsx", "-o", tmp_path / "f.xlsx")
    assert code == 0 and len(list(load_workbook(tmp_path / "f.xlsx", read_only=True)["Articles"].values)) == 6
    code, out, _ = run(capsys, *db, "export", "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 5
    code, out, _ = run(capsys, *db, "stats")
    assert "articles   5" in out


def test_learning_from_the_command_line(capsys, workspace_at, tmp_path):
    db = ("--db", workspace_at)
    assert run(capsys, *db, "import", "--no-extract", reviewed_corpus(tmp_path))[0] == 0
    code, out, err = run(capsys, *db, "learn", "--folds", 2, "--iterations", 40)
    assert code == 0 and "Model 1 kept in the workspace" in out, err
    code, _, err = run(capsys, *db, "import", new_corpus(tmp_path))
    assert code == 0 and "rules@1+learned@1" in err


def test_the_url_from_the_environment(capsys, pg_url, seed_dir, monkeypatch):
    monkeypatch.setenv("FACT_REVIEW_DB", pg_url)
    assert run(capsys, "import", "--no-extract", seed_dir)[0] == 0
    code, out, _ = run(capsys, "stats")
    assert code == 0 and f"workspace  {pg_url}" in out and "articles   5" in out


def test_a_server_database_without_a_workspace_is_said_so(capsys, pg_url):
    code, _, err = run(capsys, "--db", pg_url, "stats")
    assert code == 2 and "There is no workspace at" in err and "import" in err


def test_backups_of_a_server_are_the_servers(capsys, pg_url, seed_dir, tmp_path):
    assert run(capsys, "--db", pg_url, "import", "--no-extract", seed_dir)[0] == 0
    code, out, _ = run(capsys, "--db", pg_url, "backups")
    assert code == 0 and "pg_dump" in out
    old = tmp_path / "old.sqlite.gz"
    old.write_bytes(b"")
    code, _, err = run(capsys, "--db", pg_url, "restore", old)
    assert code == 2 and "pg_dump" in err and "pg_restore" in err


def test_what_cannot_be_reached_is_said_plainly(capsys, tmp_path):
    code, _, err = run(capsys, "--db", "mysql://u@localhost/x", "stats")
    assert code == 2 and "not mysql" in err
    code, _, err = run(capsys, "--db", f"postgresql://u:s3cret@/x?host={tmp_path}&port=1", "stats")
    assert code == 2 and "cannot be opened" in err and "s3cret" not in err
