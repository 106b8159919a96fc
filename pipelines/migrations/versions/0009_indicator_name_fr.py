"""indicator name in French

Revision ID: 0009_indicator_name_fr
Revises: 0008_scenarios
Create Date: 2026-12-06 10:00:00

indicator.name_fr holds an indicator's French name; empty means French pages show the English
name (marked as English). The indicators every programme gets (population, the reported total,
each sector's emissions) and the demo's are named in French here, where their English name is
still the built-in one (an indicator someone renamed keeps no guessed French name). The names
are written out, not imported: a migration is history and must not change when the code does.
"""

from alembic import op
import sqlalchemy as sa


revision = '0009_indicator_name_fr'
down_revision = '0008_scenarios'
branch_labels = None
depends_on = None

# code: (the built-in English name, its French name)
FRENCH_NAMES = {
    "population": ("Population", "Population"),
    "emissions.total": ("Reported total emissions", "Émissions totales déclarées"),
    "emissions.buildings": ("Emissions, buildings", "Émissions, bâtiments"),
    "emissions.residential": ("Emissions, residential buildings", "Émissions, logements"),
    "emissions.tertiary": ("Emissions, tertiary buildings", "Émissions, bâtiments tertiaires"),
    "emissions.municipal": ("Emissions, municipal buildings", "Émissions, bâtiments communaux"),
    "emissions.public_lighting": ("Emissions, public lighting", "Émissions, éclairage public"),
    "emissions.industry": ("Emissions, industry (non-ETS)", "Émissions, industrie (hors ETS)"),
    "emissions.energy_production": ("Emissions, local energy production", "Émissions, production locale d'énergie"),
    "emissions.transport": ("Emissions, transport", "Émissions, transport"),
    "emissions.transport_municipal": ("Emissions, municipal fleet", "Émissions, flotte communale"),
    "emissions.transport_public": ("Emissions, public transport", "Émissions, transports en commun"),
    "emissions.transport_private": ("Emissions, private and commercial transport", "Émissions, transport privé et commercial"),
    "emissions.waste": ("Emissions, waste", "Émissions, déchets"),
    "emissions.wastewater": ("Emissions, wastewater", "Émissions, eaux usées"),
    "emissions.ippu": ("Emissions, industrial processes and product use", "Émissions, procédés industriels et utilisation de produits"),
    "emissions.afolu": ("Emissions, agriculture, forestry and land use", "Émissions, agriculture, foresterie et utilisation des terres"),
    "emissions.agriculture": ("Emissions, agriculture", "Émissions, agriculture"),
    "emissions.land_use": ("Emissions, forestry and land use", "Émissions, forêts et utilisation des terres"),
    # The demo's activity indicators (data/demo/activity_indicators.csv)
    "renovated_homes": ("Homes deeply renovated per year", "Logements rénovés en profondeur par an"),
    "rooftop_pv_capacity": ("Rooftop solar PV installed (cumulative)", "Puissance photovoltaïque installée sur les toits (cumulée)"),
    "pv_installations": ("New rooftop PV installations", "Nouvelles installations photovoltaïques sur les toits"),
    "ev_share_new_cars": ("Electric share of new cars", "Part des voitures électriques parmi les voitures neuves"),
    "district_heating_connections": ("District heating connections (cumulative)", "Raccordements au réseau de chaleur (cumulés)"),
    "cycling_modal_share": ("Cycling share of trips", "Part du vélo dans les déplacements"),
    "renewable_electricity": ("Local renewable electricity production", "Production locale d'électricité renouvelable"),
}


def upgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_fr', sa.String(length=200), nullable=True))
    indicator = sa.table('indicator', sa.column('code', sa.String), sa.column('name_en', sa.String),
                         sa.column('name_fr', sa.String))
    for code, (english, french) in FRENCH_NAMES.items():
        op.execute(indicator.update()
                   .where(indicator.c.code == code, indicator.c.name_en == english)
                   .values(name_fr=french))


def downgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('name_fr')
