"""Record which extractor version produced what.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("extracted_with", sa.String))
    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("extractor", sa.String, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("facts_added", sa.Integer, nullable=False),
        sa.Column("facts_removed", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("extraction_runs")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("extracted_with")
