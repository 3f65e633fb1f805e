"""Corrections of an article's title, date, source and author are logged decisions.

Such a decision concerns no fact, so the review log's fact id may be empty.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_events") as batch:
        batch.alter_column("fact_id", existing_type=sa.Integer(), nullable=True)
    op.create_index("ix_review_events_article_id", "review_events", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_review_events_article_id", table_name="review_events")
    op.execute("DELETE FROM review_events WHERE fact_id IS NULL")
    with op.batch_alter_table("review_events") as batch:
        batch.alter_column("fact_id", existing_type=sa.Integer(), nullable=False)
