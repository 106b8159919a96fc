"""scenarios: commitment start year and shape, saved scenarios

Revision ID: 0008_scenarios
Revises: 0007_import_jobs
Create Date: 2026-12-04 19:28:46

commitment.start_year and commitment.shape say how a commitment's reduction is spread over the
years in scenarios (both empty: from the latest measured year, linearly); saved_scenario keeps
the scenarios coordinators save by name. Existing rows need nothing: empty means the default.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008_scenarios'
down_revision = '0007_import_jobs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('saved_scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('saved_by', sa.String(length=100), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_saved_scenario_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_scenario')),
    sa.UniqueConstraint('programme_id', 'name', name=op.f('uq_saved_scenario_programme_id'))
    )
    with op.batch_alter_table('saved_scenario', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_saved_scenario_programme_id'), ['programme_id'], unique=False)

    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('shape', sa.String(length=10), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_column('shape')
        batch_op.drop_column('start_year')

    with op.batch_alter_table('saved_scenario', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_saved_scenario_programme_id'))

    op.drop_table('saved_scenario')
