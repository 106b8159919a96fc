"""Set up a database (schema, standard sectors) and the programmes it holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.schema import Indicator, Programme, Sector, Target, TargetSet
from pipelines.vocab import SECTORS, TOTAL, emissions_indicator_code


def init_database(engine: Engine) -> None:
    """Create or migrate the schema and make sure every standard sector exists."""
    db.migrate(engine)
    with db.writing(engine) as conn, Session(bind=conn) as session:
        have = set(session.scalars(select(Sector.code)))
        for order, s in enumerate(SECTORS):
            if s.code in have:
                continue
            session.add(
                Sector(
                    code=s.code, name_nl=s.nl, name_en=s.en, parent_code=s.parent,
                    gpc_ref=s.gpc, com_ref=s.com, can_be_sink=s.can_be_sink, sort_order=order,
                )
            )
            session.flush()
        session.commit()


@dataclass(frozen=True)
class ProgrammeSpec:
    slug: str
    name: str
    baseline_year: int
    target_year: int
    area_name: str | None = None
    area_code: str | None = None
    scope_note: str | None = None
    # The primary target set created with the programme: residual % of baseline at target year.
    target_residual_pct: float | None = None
    target_name: str | None = None  # default: default_target_name(target_residual_pct)
    # More names and codes of the area ('KIND:VALUE' or bare codes), see programme_areas.py.
    other_area_names: tuple[str, ...] = ()
    other_area_codes: tuple[str, ...] = ()

    @property
    def target_set_name(self) -> str | None:
        """The name the primary target set gets (None: no target set is made)."""
        if self.target_residual_pct is None:
            return None
        return self.target_name or default_target_name(self.target_residual_pct)


CLIMATE_NEUTRALITY = "Climate neutrality"


def default_target_name(residual_pct: float) -> str:
    """The name of a target set made from a residual share alone: 'Climate neutrality' only when
    nothing is left (it has its translations, dashboard/data_texts.py); else the cut it asks for,
    '−55 %', which reads the same in every language (a public page must not call a 55 % cut
    climate neutrality)."""
    if residual_pct == 0:
        return CLIMATE_NEUTRALITY
    return f"\u2212{100 - residual_pct:g}\u00a0%"


def create_programme(engine: Engine, spec: ProgrammeSpec) -> int:
    """Add a programme with an emissions indicator per standard sector; returns its id."""
    with db.writing(engine) as conn:
        return add_programme(conn, spec)


def add_programme(conn: Connection, spec: ProgrammeSpec) -> int:
    """`create_programme` inside a transaction the caller holds (a regional load adds many)."""
    if spec.target_year <= spec.baseline_year:
        raise UserError(Bilingual(
            f"target year {spec.target_year} must be after baseline year {spec.baseline_year}",
            f"het doeljaar {spec.target_year} moet na het basisjaar {spec.baseline_year} liggen",
            f"l'année cible {spec.target_year} doit être postérieure à l'année de référence {spec.baseline_year}",
        ))
    residual = spec.target_residual_pct
    if residual is not None and not 0 <= residual <= 100:  # as targets_check holds an edited target
        raise UserError(Bilingual(
            f"--target-residual-pct {residual:g}: expected the share of the baseline left at the target "
            "year, from 0 (climate-neutral) to 100",
            f"--target-residual-pct {residual:g}: verwacht het deel van het basisjaar dat in het doeljaar "
            "overblijft, van 0 (klimaatneutraal) tot 100",
            f"--target-residual-pct {residual:g} : attendu la part de l'année de référence restant l'année "
            "cible, de 0 (neutralité climatique) à 100",
        ))
    with Session(bind=conn) as session:
        if session.scalar(select(Programme.id).where(Programme.slug == spec.slug)) is not None:
            raise UserError(Bilingual(f"a programme '{spec.slug}' already exists",
                                      f"er bestaat al een programma '{spec.slug}'",
                                      f"un programme « {spec.slug} » existe déjà"))
        programme = Programme(
            slug=spec.slug, name=spec.name, area_name=spec.area_name, area_code=spec.area_code,
            baseline_year=spec.baseline_year, target_year=spec.target_year,
            scope_note=spec.scope_note, population_indicator="population",
        )
        session.add(programme)
        session.flush()
        add_emissions_indicators(session, programme.id)
        session.add(
            Indicator(
                programme_id=programme.id, code="population", name_nl="Inwoners",
                name_en="Population", name_fr="Population", unit="persons", kind="context", lower_is_better=False,
            )
        )
        if spec.target_residual_pct is not None:
            target_set = TargetSet(
                programme_id=programme.id, name=spec.target_set_name,
                is_primary=True,
                baseline_year=spec.baseline_year, target_year=spec.target_year,
                pathway_method="linear",
            )
            target_set.targets.append(
                Target(sector_code="total", kind="residual_pct", value=spec.target_residual_pct)
            )
            session.add(target_set)
        session.flush()
        programme_id = programme.id
    if spec.other_area_names or spec.other_area_codes:
        from pipelines.programme_areas import add_areas_in

        add_areas_in(conn, programme_id, spec.other_area_names, spec.other_area_codes)
    return programme_id


# The programme's reported total: a published total of all sectors (no sector of its own).
REPORTED_TOTAL = {
    "code": emissions_indicator_code(TOTAL), "name_nl": "Gerapporteerde totale uitstoot",
    "name_en": "Reported total emissions", "name_fr": "Émissions totales déclarées", "unit": "t CO2e", "sector_code": None,
    "kind": "emissions", "lower_is_better": True,
}


def add_emissions_indicators(session: Session, programme_id: int) -> None:
    """An emissions series per standard sector, and the reported total (emissions.total)."""
    have = set(
        session.scalars(select(Indicator.code).where(Indicator.programme_id == programme_id))
    )
    if REPORTED_TOTAL["code"] not in have:
        session.add(Indicator(programme_id=programme_id, **REPORTED_TOTAL))
    for s in SECTORS:
        code = emissions_indicator_code(s.code)
        if code in have:
            continue
        session.add(
            Indicator(
                programme_id=programme_id, code=code, name_nl=f"Uitstoot {_lower_first(s.nl)}",
                name_en=f"Emissions, {_lower_first(s.en)}", name_fr=f"Émissions, {_lower_first(s.fr or s.en)}",
                unit="t CO2e", sector_code=s.code,
                kind="emissions", lower_is_better=True,
            )
        )


def resolve_programme(engine: Engine, slug: str | None) -> Programme:
    """The programme named `slug`, or the only one when no slug is given."""
    with Session(engine) as session:
        programmes = list(session.scalars(select(Programme).order_by(Programme.slug)))
    if not programmes:
        raise UserError(Bilingual(
            "the database has no programme yet: run `roadmap init` or `roadmap demo`",
            "de databank heeft nog geen programma: voer `roadmap init` of `roadmap demo` uit",
            "la base de données ne contient encore aucun programme : exécutez `roadmap init` ou `roadmap demo`"))
    if slug is None:
        if len(programmes) > 1:
            names = ", ".join(p.slug for p in programmes)
            raise UserError(Bilingual(
                f"the database holds several programmes ({names}): pass --programme",
                f"de databank bevat meerdere programma's ({names}): kies er een met --programme",
                f"la base de données contient plusieurs programmes ({names}) : choisissez-en un avec --programme"))
        return programmes[0]
    for p in programmes:
        if p.slug == slug:
            return p
    names = ", ".join(p.slug for p in programmes)
    raise UserError(Bilingual(f"no programme '{slug}' (the database has: {names})",
                              f"geen programma '{slug}' (de databank heeft: {names})",
                              f"aucun programme « {slug} » (la base de données contient : {names})"))


def _lower_first(name: str) -> str:
    """'Industrie (niet-ETS)' → 'industrie (niet-ETS)': an abbreviation keeps its capitals."""
    return name[:1].lower() + name[1:]
