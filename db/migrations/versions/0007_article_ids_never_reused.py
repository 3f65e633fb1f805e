"""An article's id is never given to another article.

An article can be deleted (`fact-review delete`, Review ▸ Delete Article…), and its
deletion reverted: it comes back under its own id, with its facts under theirs. Without
AUTOINCREMENT SQLite hands the highest id of a deleted article to the next import, so
the putting back would collide with it, and the review log's decisions on the deleted
article would seem to concern the new one. The table is rebuilt with AUTOINCREMENT:
rows, ids, indexes and the search index kept, its triggers (0004) made again.

Dropping the old table empties it first, and with foreign keys enforced (they are on every
connection, and a PRAGMA cannot turn them off inside the migrations' transaction) that
would delete every fact with it (ON DELETE CASCADE). So the facts are set aside in a
temporary table during the rebuild and put back after it, ids and all.

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _rebuild(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    triggers = [r[0] for r in bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles' ORDER BY name")]
    cols = ", ".join(f'"{r[1]}"' for r in bind.exec_driver_sql("PRAGMA table_info(facts)"))
    op.execute(f"CREATE TEMP TABLE facts_0007 AS SELECT {cols} FROM facts")
    op.execute("DELETE FROM facts")
    kwargs = {"table_kwargs": {"sqlite_autoincrement": True}} if autoincrement else {}
    with op.batch_alter_table("articles", recreate="always", **kwargs) as batch:
        batch.alter_column("id", autoincrement=True)
    for sql in triggers:  # dropped with the old table; the search index itself is unchanged
        op.execute(sql)
    op.execute(f"INSERT INTO facts ({cols}) SELECT {cols} FROM facts_0007")
    op.execute("DROP TABLE facts_0007")
    if autoincrement:
        # The highest id ever given: from now on none at or below it is given again, even
        # when the article holding it is deleted before the next import.
        op.execute("DELETE FROM sqlite_sequence WHERE name = 'articles'")
        op.execute("INSERT INTO sqlite_sequence (name, seq) "
                   "SELECT 'articles', max(id) FROM articles HAVING count(*) > 0")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
