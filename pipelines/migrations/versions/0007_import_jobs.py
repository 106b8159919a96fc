"""import jobs: uploads confirmed on the page run in the background, their state kept here

Revision ID: 0007_import_jobs
Revises: 0006_profiles_and_areas
Create Date: 2026-12-04 19:30:00

import_job holds each confirmed upload's state (queued, running, done, failed), its progress,
its result or problems and who started it, so any web worker can report a job another process
runs. Starts empty.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007_import_jobs'
down_revision = '0006_profiles_and_areas'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_job',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('waiting', sa.Boolean(), nullable=False),
    sa.Column('rows_done', sa.Integer(), nullable=False),
    sa.Column('rows_total', sa.Integer(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('problems', sa.JSON(), nullable=True),
    sa.Column('payload', sa.LargeBinary(), nullable=True),
    sa.Column('started_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_import_job_status')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_import_job_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_job'))
    )
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_job_programme_id'), ['programme_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('import_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_job_programme_id'))
    op.drop_table('import_job')
