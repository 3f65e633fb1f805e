"""Backups that scale: compressed, kept within a disk budget, restored whole or not at all."""
import gzip
import sqlite3

import pytest

from db import safety
from db.store import Store
from app.cli import main


@pytest.fixture
def extracted(seeded_store):
    from app.extracting import extract_articles

    extract_articles(seeded_store, seeded_store.article_ids())
    return seeded_store


def _accept_one(store):
    fact = store.facts(store.article_ids()[0])[0]
    store.decide(fact.id, "accept", "lan", status="accepted")
    return fact.id


def test_backup_is_compressed_and_restores_every_decision(extracted, db_path):
    fid = _accept_one(extracted)
    made = extracted.backup_if_changed()
    assert made.name.endswith(".sqlite.gz")
    with gzip.open(made, "rb") as fh:
        assert fh.read(16) == safety.HEADER
    plain = len(gzip.decompress(made.read_bytes()))
    assert made.stat().st_size < plain / 2
    [listed] = safety.describe_backups(db_path)
    facts = sum(len(extracted.facts(a)) for a in extracted.article_ids())
    assert (listed.articles, listed.facts, listed.decisions) == (5, facts, 1)
    extracted.decide(fid, "reject", "lan", status="rejected")
    extracted.close()
    kept = safety.restore_backup(made, db_path)
    assert kept is not None and kept.exists()
    again = Store.open(db_path)
    try:
        assert again.fact(fid).status == "accepted"
    finally:
        again.close()


def test_big_workspace_keeps_fewer_copies_never_fewer_than_two(extracted, db_path, monkeypatch):
    monkeypatch.setattr(safety, "BUDGET_FLOOR", 1)  # every copy counts as big
    for _ in range(6):
        _accept_one(extracted)
        extracted.decide(extracted.facts(extracted.article_ids()[0])[0].id, "reset", "lan",
                            status="pending")
        assert extracted.backup_if_changed(keep=10) is not None
    files = safety.list_backup_files(db_path)
    # the budget is three times the newest copy: three of them fit, never fewer than two
    assert len(files) == safety.BUDGET_COPIES
    assert all(f.with_name(f.name + ".json").exists() for f in files)
    assert len(list(files[0].parent.glob("*.json"))) == len(files)  # sidecars pruned too


def test_keep_count_still_applies_to_small_workspaces(extracted, db_path):
    for _ in range(4):
        _accept_one(extracted)
        extracted.decide(extracted.facts(extracted.article_ids()[0])[0].id, "reset", "lan",
                            status="pending")
        extracted.backup_if_changed(keep=2)
    assert len(safety.list_backup_files(db_path)) == 2


def test_damaged_backup_is_refused_and_the_workspace_stays(extracted, db_path):
    _accept_one(extracted)
    made = extracted.backup_if_changed()
    extracted.close()
    made.write_bytes(made.read_bytes()[: made.stat().st_size // 2])  # cut short
    before = db_path.read_bytes()
    with pytest.raises(safety.CorruptWorkspaceError, match="cannot be read"):
        safety.restore_backup(made, db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*-before-restore-*"))
    assert not list(db_path.parent.glob(".*.restoring-*"))


def test_plain_backups_of_earlier_versions_are_listed_and_restored(extracted, db_path):
    _accept_one(extracted)
    d = safety.legacy_backup_dir(db_path)  # where earlier versions kept them, by stem
    d.mkdir(exist_ok=True)
    old = d / f"{db_path.stem}-20240101-120000-000000.sqlite"
    raw = extracted.engine.raw_connection()
    try:
        target = sqlite3.connect(old)
        raw.driver_connection.backup(target)
        target.close()
    finally:
        raw.close()
    extracted.backup_if_changed()
    files = safety.list_backup_files(db_path)
    assert files[-1] == old and files[0].name.endswith(".gz")  # newest first, both kinds
    assert safety.describe_backups(db_path)[-1].facts is not None
    extracted.close()
    safety.restore_backup(old, db_path)
    Store.open(db_path).close()


def test_backups_command_says_the_disk_they_use(extracted, db_path, capsys):
    _accept_one(extracted)
    extracted.backup_if_changed()
    extracted.close()
    assert main(["--db", str(db_path), "backups"]) == 0
    out = capsys.readouterr().out
    assert "1 backups use" in out and "KB in" in out and str(safety.backup_dir(db_path)) in out


def test_backups_dialog_shows_disk_use(qtbot, extracted, db_path):
    from desktop.backups_dialog import BackupsDialog

    _accept_one(extracted)
    extracted.backup_if_changed()
    dialog = BackupsDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.disk.text().startswith("1 backup, compressed, uses ")
    assert "KB" in dialog.list.item(0).text()
