"""reported totals: every programme has the indicator emissions.total; derived_emissions keeps
the reported total beside the sum of the sectors and says which one is the year's total

Revision ID: 0004_reported_totals
Revises: 0002
Create Date: 2026-12-04 16:40:00

A published total of all sectors (a CDP city total, a Covenant of Mayors inventory, a city's own
report) is stored as observations of `emissions.total` (kind emissions, no sector, t CO2e). New
programmes get it with their sector series; this adds it to the programmes that exist. The derived
table gains two nullable columns; they are filled at the programme's next import (the derived
tables are rebuilt by every write), and until then read as "no reported total".
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_reported_totals'
down_revision = '0003_repair_stale_key'
branch_labels = None
depends_on = None

TOTAL_CODE = 'emissions.total'


def upgrade() -> None:
    with op.batch_alter_table('derived_emissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_total_t', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=20), nullable=True))
    indicator = sa.table(
        'indicator', sa.column('programme_id', sa.Integer), sa.column('code', sa.String),
        sa.column('name_nl', sa.String), sa.column('name_en', sa.String),
        sa.column('unit', sa.String), sa.column('sector_code', sa.String),
        sa.column('kind', sa.String), sa.column('lower_is_better', sa.Boolean),
    )
    programme = sa.table('programme', sa.column('id', sa.Integer))
    conn = op.get_bind()
    have = set(conn.execute(
        sa.select(indicator.c.programme_id).where(indicator.c.code == TOTAL_CODE)).scalars())
    missing = [p for p in conn.execute(sa.select(programme.c.id)).scalars() if p not in have]
    if missing:
        op.bulk_insert(indicator, [
            {'programme_id': p, 'code': TOTAL_CODE, 'name_nl': 'Gerapporteerde totale uitstoot',
             'name_en': 'Reported total emissions', 'unit': 't CO2e', 'sector_code': None,
             'kind': 'emissions', 'lower_is_better': True}
            for p in missing
        ])


def downgrade() -> None:
    # Reported totals go with their indicator (observations cascade with it).
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM observation WHERE indicator_id IN "
                         "(SELECT id FROM indicator WHERE code = :code)"), {'code': TOTAL_CODE})
    conn.execute(sa.text("DELETE FROM indicator WHERE code = :code"), {'code': TOTAL_CODE})
    with op.batch_alter_table('derived_emissions', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('reported_total_t')
