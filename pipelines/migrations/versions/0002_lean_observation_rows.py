"""lean observation rows: history index on superseded values only; sources on the batch;
two foreign-key lookups fewer per stored value

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 16:10:00

Observations that name their batch's source now store NULL (readers take the batch's), which
needs no change to existing rows: their own source still wins. The history index becomes
partial, so a load of new values no longer writes an entry per row into it. The programme and
batch keys of observation go (the indicator's key ties a value to its programme, and only a
loader writes batch_id, in the transaction that made the batch): each was one lookup per stored
value. The superseding batch's key cascades, so deleting a programme works whichever of its
cascades runs first.
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_observation_batch_id_import_batch'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_observation_programme_id_programme'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_observation_superseded_by_batch_id_import_batch'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_observation_superseded_by_batch_id_import_batch'), 'import_batch', ['superseded_by_batch_id'], ['id'], ondelete='CASCADE')
    op.drop_index('ix_observation_history', table_name='observation')
    op.create_index('ix_observation_history', 'observation', ['indicator_id', 'period'], unique=False,
                    sqlite_where=sa.text('NOT is_current'), postgresql_where=sa.text('NOT is_current'))


def downgrade() -> None:
    op.drop_index('ix_observation_history', table_name='observation')
    op.create_index('ix_observation_history', 'observation', ['indicator_id', 'period', 'batch_id'], unique=False)
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_observation_superseded_by_batch_id_import_batch'), type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_observation_superseded_by_batch_id_import_batch'), 'import_batch', ['superseded_by_batch_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_observation_programme_id_programme'), 'programme', ['programme_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_observation_batch_id_import_batch'), 'import_batch', ['batch_id'], ['id'])
