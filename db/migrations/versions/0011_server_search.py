"""Search on a PostgreSQL server: each article's words, folded in Python, with trigram indexes.

The counterpart of 0004's FTS5 indexes, which only SQLite has: `article_words` holds each
article's title and text as lines of words, once folded for case and once for case and
diacritics (`đ` as `d`), written by the store whenever an article is (db/search.py), and found
by LIKE through pg_trgm's GIN indexes. pg_trgm ships with PostgreSQL; since PostgreSQL 13 the
database's owner may create it. Nothing changes on SQLite.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from db.search import index_articles

    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "article_words",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("exact", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    for column in ("exact", "folded"):
        op.create_index(f"ix_article_words_{column}", "article_words", [column],
                        postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})
    ids = [r[0] for r in bind.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
    for i in range(0, len(ids), _BATCH):
        index_articles(bind, ids[i:i + _BATCH])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_table("article_words")
