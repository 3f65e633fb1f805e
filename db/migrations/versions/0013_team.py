"""A team on one workspace: who reviews which article, and each reviewer's own decisions on the
articles two of them review.

`assignments`: an article and a reviewer it is assigned to. An article assigned to two reviewers
is shared: each one's decisions on it are kept apart, in `judgments`, and the workspace's fact
stays pending until adjudicated. Neither table has a foreign key to the article: like the
review log they outlive a deletion, and a deleted article put back (under its own id) is
assigned and judged as it was.

`judgments`: one reviewer's decision on one proposed fact of a shared article (`fact_id`, at
most one a reviewer), or a fact that reviewer added there (`fact_id` NULL), with the fact as
that reviewer would have it. `resolved_by`: the log entry of the adjudication that settled an
added fact without keeping it.

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("article_id", sa.Integer, primary_key=True),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewers.id"), primary_key=True),
        sa.Column("assigned_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_assignments_reviewer_id", "assignments", ["reviewer_id"])
    op.create_table(
        "judgments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("reviewer_id", sa.Integer, sa.ForeignKey("reviewers.id"), nullable=False),
        sa.Column("fact_id", sa.Integer, nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("fields", sa.JSON, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("resolved_by", sa.Integer, nullable=True),
        sa.UniqueConstraint("fact_id", "reviewer_id", name="uq_judgments_fact_reviewer"),
        sqlite_autoincrement=True,  # an added fact's id (-judgment id) is never another's
    )
    op.create_index("ix_judgments_article_id", "judgments", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_judgments_article_id", "judgments")
    op.drop_table("judgments")
    op.drop_index("ix_assignments_reviewer_id", "assignments")
    op.drop_table("assignments")
