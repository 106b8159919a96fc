"""theme name in French

Revision ID: 0011_theme_name_fr
Revises: 0010_import_job_lease
Create Date: 2026-12-08 10:00:00

theme.name_fr holds a roadmap theme's French name (a Brussels or Walloon programme defines its
themes in French); empty means French pages show the project's own translation of the English
name where it wrote one (the demo's themes), else the English name, marked as English. Existing
themes get none: the demo's still read in French through the project's translations.
"""

from alembic import op
import sqlalchemy as sa


revision = '0011_theme_name_fr'
down_revision = '0010_import_job_lease'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_fr', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_column('name_fr')
