"""The workspace file: connection settings, migrations, refusal of what it cannot read."""
import sqlite3

import pytest
from sqlalchemy import create_engine, inspect

from db.engine import NewerWorkspaceError, WorkspaceError, head_revision, make_engine, migrate
from db.schema import Base
from db.store import Store


def test_connection_pragmas(store):
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_build_exactly_the_mapped_schema(db_path):
    Store.open(db_path).close()
    insp = inspect(create_engine(f"sqlite:///{db_path}"))
    for table in Base.metadata.sorted_tables:
        have = {c["name"] for c in insp.get_columns(table.name)}
        assert have == {c.name for c in table.columns}, table.name
        want_idx = {i.name for i in table.indexes}
        assert want_idx <= {i["name"] for i in insp.get_indexes(table.name)}, table.name


def test_newer_workspace_is_refused_and_untouched(db_path):
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerWorkspaceError, match="newer version of Fact Review"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_sqlite_file_of_another_program_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE photos (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(WorkspaceError, match="not a Fact Review workspace"):
        Store.open(db_path)


def test_not_a_database_is_refused(db_path):
    db_path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(WorkspaceError, match="not an SQLite database"):
        Store.open(db_path)


def test_upgrade_from_first_revision_keeps_data(db_path):
    engine = make_engine(db_path)
    migrate(engine, db_path, target="0001")
    with engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute(
            "INSERT INTO articles (uid, origin, text, content, content_hash, imported_at, n_facts,"
            " n_pending) VALUES ('a', 'a.txt', 'Bộ Y tế', '[[0, 7]]', 'h', '2025-01-01', 0, 0)"
        )
    assert "extracted_with" not in {c["name"] for c in inspect(engine).get_columns("articles")}
    engine.dispose()
    store = Store.open(db_path)
    art = store.article(store.article_ids()[0])
    assert art.text == "Bộ Y tế" and art.extracted_with is None
    with store.engine.connect() as conn:
        rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert rev == head_revision() != "0001"
    store.close()


def test_reopen_does_not_migrate_again(db_path):
    Store.open(db_path).close()
    mtime = db_path.stat().st_mtime_ns
    Store.open(db_path).close()
    assert db_path.stat().st_mtime_ns == mtime


def test_search_folds_vietnamese_case(seeded_store):
    s = seeded_store
    assert len(s.article_ids(search="HOẠT ĐỘNG CỦA LÃNH ĐẠO")) == 2
    assert s.article_ids(search="hoạt động của lãnh đạo") == s.article_ids(search="HOẠT ĐỘNG CỦA LÃNH ĐẠO")
    assert len(s.article_ids(search="vietnam+")) == 1
    # words, not patterns: punctuation typed is neither a wildcard nor query syntax
    assert s.article_ids(search="50%_") == s.article_ids(search="50") != []
