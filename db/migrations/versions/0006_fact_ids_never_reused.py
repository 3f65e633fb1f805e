"""A fact's id is never given to another fact.

Without AUTOINCREMENT, SQLite hands the highest id of a deleted fact (an added fact taken
away by undo) to the next new one; a later redo or History ▸ Revert of a decision on the
first fact would then act on the second. The table is rebuilt with AUTOINCREMENT (rows,
ids and indexes kept); other engines' sequences never reuse ids anyway.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("facts", recreate="always",
                              table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column("id", autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("facts", recreate="always") as batch:
        batch.alter_column("id", autoincrement=True)
