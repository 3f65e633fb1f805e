"""Same-name proposals remember the decision that made them; the extraction-run log goes.

`facts.proposed_by` is the review-log entry of the decision (an accept, an add, an edit) whose
name proposed the fact: reverting that decision — by undo, History ▸ Revert or `fact-review
revert` alike — takes back those of its proposals still pending. `extraction_runs` was written
on every extraction and never read.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("facts", sa.Column("proposed_by", sa.Integer, nullable=True))
    op.create_index("ix_facts_proposed_by", "facts", ["proposed_by"])
    op.drop_table("extraction_runs")


def downgrade() -> None:
    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("extractor", sa.String, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("facts_added", sa.Integer, nullable=False, server_default="0"),
        sa.Column("facts_removed", sa.Integer, nullable=False, server_default="0"),
    )
    op.drop_index("ix_facts_proposed_by", table_name="facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("proposed_by")
