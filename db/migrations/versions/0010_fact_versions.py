"""Each fact has a version, bumped by every write of it.

Reviewers sharing a workspace (on a PostgreSQL server) decide facts at once: a decision carries
the version of the fact its reviewer was shown, and one on a fact another reviewer has changed
since is refused rather than written over that change. Existing facts start at 1.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("facts", sa.Column("version", sa.Integer, nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("version")
