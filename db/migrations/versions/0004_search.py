"""Full-text search over titles and text (SQLite FTS5), kept in step by triggers.

Two contentless indexes of the same words: `articles_fts_exact` folds case only,
`articles_fts_folded` also drops diacritics (and reads `đ` as `d`, which Unicode does
not decompose), so `ha noi` finds `Hà Nội` while exact matches can be ranked first.
Contentless: the words are indexed, the text is not stored twice.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_FOLD = "replace(replace(coalesce({x}, ''), 'đ', 'd'), 'Đ', 'D')"
_TABLES = {
    "articles_fts_exact": ("unicode61 remove_diacritics 0", "coalesce({x}, '')"),
    "articles_fts_folded": ("unicode61 remove_diacritics 2", _FOLD),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (tokenizer, expr) in _TABLES.items():
        new = lambda col: expr.format(x=f"new.{col}")  # noqa: E731
        old = lambda col: expr.format(x=f"old.{col}")  # noqa: E731
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, text, content='', "
                   f"tokenize='{tokenizer}')")
        op.execute(f"INSERT INTO {table}(rowid, title, text) SELECT id, "
                   f"{expr.format(x='title')}, {expr.format(x='text')} FROM articles")
        op.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON articles BEGIN "
                   f"INSERT INTO {table}(rowid, title, text) VALUES (new.id, {new('title')}, {new('text')}); END")
        op.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON articles BEGIN "
                   f"INSERT INTO {table}({table}, rowid, title, text) "
                   f"VALUES ('delete', old.id, {old('title')}, {old('text')}); END")
        op.execute(f"CREATE TRIGGER {table}_au AFTER UPDATE OF title, text ON articles BEGIN "
                   f"INSERT INTO {table}({table}, rowid, title, text) "
                   f"VALUES ('delete', old.id, {old('title')}, {old('text')}); "
                   f"INSERT INTO {table}(rowid, title, text) VALUES (new.id, {new('title')}, {new('text')}); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _TABLES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}")
