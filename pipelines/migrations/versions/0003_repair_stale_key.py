"""repair the stale observation.batch_id key an early 0002 left; a session version per user

Revision ID: 0003_repair_stale_key
Revises: 0002
Create Date: 2026-12-04 16:20:00

Migration 0002 was changed after release: its first version re-created observation's batch_id
foreign key (with ON DELETE CASCADE), the released one drops it. A database migrated by the
first version still has the key, so every stored value pays the lookup 0002 meant to remove, and
its schema differs from the models. This revision drops that key wherever it is still there, on
SQLite (a table rebuild in batch mode) and on PostgreSQL; a database without it is left alone.

It also adds app_user.session_version: every login session carries the version it was made
with, and logging out or a new password raises it, so sessions saved before no longer open.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003_repair_stale_key'
down_revision = '0002'
branch_labels = None
depends_on = None


def _stale_batch_keys() -> list[str | None]:
    """Names of observation's foreign keys on batch_id (the released schema has none)."""
    keys = sa.inspect(op.get_bind()).get_foreign_keys('observation')
    return [key['name'] for key in keys if key['constrained_columns'] == ['batch_id']]


def upgrade() -> None:
    stale = _stale_batch_keys()
    if stale:
        if None in stale:
            # No migration of ours made one (each names its keys), and batch mode cannot drop a
            # key by name that has none: say what to do rather than leave it half repaired.
            raise RuntimeError(
                "observation has an unnamed foreign key on batch_id: drop it by hand, then run "
                "`roadmap init` again"
            )
        with op.batch_alter_table('observation', schema=None) as batch_op:
            for name in stale:
                batch_op.drop_constraint(name, type_='foreignkey')
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False,
                                      server_default=sa.text('0')))


def downgrade() -> None:
    # Back to the released 0002, which has no batch_id key: there is nothing to put back.
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
