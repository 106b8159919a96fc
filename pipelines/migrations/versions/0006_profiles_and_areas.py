"""import profiles and several names and codes per programme area

Revision ID: 0006_profiles_and_areas
Revises: 0002
Create Date: 2026-12-04 16:30:00

programme_area keeps every other name and code of a programme's area (kind: name, nis, com,
locode, cbs, code); import_profile keeps the profiles users save or import. Both start empty:
a programme's own area_name and area_code still count.
"""

from alembic import op
import sqlalchemy as sa


revision = '0006_profiles_and_areas'
down_revision = '0005_observation_notes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('programme_area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_programme_area_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_area')),
    sa.UniqueConstraint('programme_id', 'kind', 'value', name=op.f('uq_programme_area_programme_id'))
    )
    with op.batch_alter_table('programme_area', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_area_programme_id'), ['programme_id'], unique=False)
    op.create_table('import_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_profile')),
    sa.UniqueConstraint('name', name=op.f('uq_import_profile_name'))
    )


def downgrade() -> None:
    op.drop_table('import_profile')
    with op.batch_alter_table('programme_area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_area_programme_id'))
    op.drop_table('programme_area')
