"""Initial workspace: articles, facts, reviewers, review log, state.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String, nullable=False),
        sa.Column("origin", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("title", sa.String),
        sa.Column("published", sa.String),
        sa.Column("source", sa.String),
        sa.Column("author", sa.String),
        sa.Column("url", sa.String),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("n_facts", sa.Integer, nullable=False),
        sa.Column("n_pending", sa.Integer, nullable=False),
    )
    op.create_index("ix_articles_uid", "articles", ["uid"])
    op.create_table(
        "reviewers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        *(
            sa.Column(name, sa.String)
            for name in (
                "unit", "approx", "currency", "title", "honorific",
                "acronym", "level", "doc_type", "issuer", "date",
            )
        ),
        sa.Column("extra", sa.JSON),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor", sa.String, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewers.id")),
        sa.Column("reviewed_at", sa.DateTime),
        sa.Column("note", sa.Text),
        sa.Column("original", sa.JSON),
    )
    op.create_index("ix_facts_article_start", "facts", ["article_id", "start"])
    op.create_index("ix_facts_status_kind", "facts", ["status", "kind"])
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("fact_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewers.id")),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_review_events_fact_id", "review_events", ["fact_id"])
    op.create_table(
        "state",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.JSON),
    )


def downgrade() -> None:
    for table in ("state", "review_events", "facts", "reviewers", "articles"):
        op.drop_table(table)
