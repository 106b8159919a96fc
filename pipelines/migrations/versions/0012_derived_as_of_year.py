"""the year the derived tables were computed for

Revision ID: 0012_derived_as_of_year
Revises: 0011_theme_name_fr
Create Date: 2026-12-05 07:00:00

programme.derived_as_of_year is the year "now" stood for when the programme's derived tables were
last rebuilt: "years left" and "overdue commitments" are true for that year only. When the year
turns, pipelines/year_turn.py rebuilds every programme whose year is behind. Existing programmes
get none, so the first check after this migration rebuilds them all once (safe, and their
summaries then say which year they are for).
"""

from alembic import op
import sqlalchemy as sa


revision = '0012_derived_as_of_year'
down_revision = '0011_theme_name_fr'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived_as_of_year', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_column('derived_as_of_year')
