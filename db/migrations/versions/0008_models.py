"""Models learned from the reviewers' decisions, kept in the workspace.

`fact-review learn` trains a statistical entity layer (facts.learn) from the workspace's
decided articles and saves it here with what it learned from and its k-fold scores; the
newest version is the one extraction uses. A workspace copied elsewhere brings its model.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "models",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("trained_from", sa.JSON, nullable=False),
        sa.Column("scores", sa.JSON, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_models_version", "models", ["version"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_models_version", table_name="models")
    op.drop_table("models")
