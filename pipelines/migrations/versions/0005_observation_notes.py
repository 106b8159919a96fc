"""observation notes: the note a file gives with a value (a `note`/`opmerking` column) is kept

Revision ID: 0005_observation_notes
Revises: 0002
Create Date: 2026-12-04 16:30:00

A nullable column: existing rows have no note, and a load without a notes column writes NULL.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_observation_notes'
down_revision = '0004_reported_totals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_column('note')
