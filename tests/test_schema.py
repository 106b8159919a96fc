"""The schema: migrations match the models, and a fresh database is ready for an inventory."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipelines.schema import Base, Indicator, Sector
from pipelines.vocab import SECTORS


def test_migrations_produce_exactly_the_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_fresh_database_has_every_standard_sector(engine):
    with Session(engine) as s:
        codes = set(s.scalars(select(Sector.code)))
    assert codes == {sector.code for sector in SECTORS}


def test_new_programme_has_an_emissions_indicator_per_sector_and_a_reported_total(engine, programme_id):
    with Session(engine) as s:
        n = s.scalar(
            select(func.count()).select_from(Indicator).where(
                Indicator.programme_id == programme_id, Indicator.kind == "emissions",
                Indicator.sector_code.is_not(None),
            )
        )
        total = s.scalars(select(Indicator).where(
            Indicator.programme_id == programme_id, Indicator.code == "emissions.total")).one()
    assert n == len(SECTORS)
    assert (total.kind, total.sector_code, total.unit) == ("emissions", None, "t CO2e")
    assert (total.name_nl, total.name_en) == ("Gerapporteerde totale uitstoot", "Reported total emissions")
