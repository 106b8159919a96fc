"""derived tables made again: no change or progress before a year after the baseline

Revision ID: 0013_rebuild_for_no_later_year
Revises: 0012_derived_as_of_year
Create Date: 2026-12-05 15:30:00

A data migration, no schema change. The summaries used to give change and progress 0 % when the
baseline year was the only one measured (and compared backward in time when only earlier years
were): they now leave both out and say why (pipelines/analytics/series_summary.py). Forgetting
the year every programme was computed for makes the dashboard's first year check (or `roadmap
programme refresh`) rebuild each one once with the new rule, instead of showing the old 0 % until
its next import.
"""

from alembic import op
import sqlalchemy as sa


revision = '0013_rebuild_for_no_later_year'
down_revision = '0012_derived_as_of_year'
branch_labels = None
depends_on = None


def upgrade() -> None:
    programme = sa.table('programme', sa.column('derived_as_of_year', sa.Integer()))
    op.execute(programme.update().values(derived_as_of_year=None))


def downgrade() -> None:
    pass  # the rebuilt summaries are valid under the old code too: nothing to undo
