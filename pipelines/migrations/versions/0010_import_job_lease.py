"""import job lease: who runs a job and when it last showed life

Revision ID: 0010_import_job_lease
Revises: 0008_scenarios
Create Date: 2026-12-05 10:00:00

import_job.runner_host, runner_pid and runner_start name the process that runs a job (or keeps
it queued in its memory), heartbeat_at when it last showed life (written on PostgreSQL), so any
process can tell a job whose process died and mark it failed. Existing rows get none: a finished
job needs none, a queued one waits in Redis for a worker, and a running one from before is
judged dead (its process ended with the upgrade).
"""

from alembic import op
import sqlalchemy as sa


revision = '0010_import_job_lease'
down_revision = '0009_indicator_name_fr'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('runner_host', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('runner_pid', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('runner_start', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')
        batch_op.drop_column('runner_start')
        batch_op.drop_column('runner_pid')
        batch_op.drop_column('runner_host')
