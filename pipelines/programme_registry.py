"""The programmes of a deployment: slugs from area names, adding, listing, describing, removing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, delete, select

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.flags import holds
from pipelines.programme_areas import area_entries
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.schema import DerivedEmissions, Indicator, Observation, Programme, TargetSet

SLUG_LENGTH = 64  # the programme.slug column
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug_for(name: str) -> str:
    """A programme's slug from its area name: lower case ASCII, words joined by hyphens.

    'Den Haag' → 'den-haag', 'Kaag en Braassem' → 'kaag-en-braassem', 'Súdwest-Fryslân' →
    'sudwest-fryslan', "'s-Gravenhage" → 's-gravenhage'.
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:SLUG_LENGTH].strip("-")
    if not slug:
        raise UserError(Bilingual(f"no slug can be made from the name {name!r}: pass --slug",
                                  f"van de naam {name!r} valt geen korte naam te maken: geef --slug",
                                  f"aucun nom court ne peut être formé à partir du nom {name!r} : indiquez --slug"))
    return slug


def free_slug(name: str, taken: set[str]) -> str:
    """`slug_for(name)`, with -2, -3 … when another programme already has it."""
    base = slug_for(name)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base[:SLUG_LENGTH - 1 - len(str(n))]}-{n}"
    return slug


def check_slug(slug: str) -> str:
    """A slug someone typed: it must already be in slug form."""
    if slug != slug_for(slug):
        raise UserError(Bilingual(
            f"slug {slug!r}: lower case letters, digits and hyphens only (e.g. {slug_for(slug)!r})",
            f"korte naam {slug!r}: alleen kleine letters, cijfers en koppeltekens (bv. {slug_for(slug)!r})",
            f"nom court {slug!r} : uniquement des minuscules, des chiffres et des traits d'union (p. ex. {slug_for(slug)!r})"))
    return slug


def add_programme_with_population(engine: Engine, spec: ProgrammeSpec, population: Iterable[tuple[int, float]] = (),
                                  user: str = "cli") -> int:
    """Add a programme and load its population series through the indicators loader (one batch)."""
    programme_id = create_programme(engine, spec)
    rows = list(population)
    if rows:
        from pipelines.load import load_file
        from pipelines.load.result import LoadOptions

        text = "indicator,period,value\n" + "".join(f"population,{year},{value:g}\n" for year, value in rows)
        load_file(engine, programme_id, "indicators", text.encode(), file_name="population.csv",
                  options=LoadOptions(user=user, source="roadmap programme add"))
    return programme_id


def parse_population(text: str) -> tuple[int, float]:
    """'2019=124306' (or '2019:124306') → (2019, 124306.0)."""
    year, sep, value = text.replace(":", "=").partition("=")
    try:
        if not sep:
            raise ValueError
        parsed = int(year.strip()), float(value.strip().replace("_", ""))
    except ValueError:
        raise UserError(Bilingual(f"population {text!r}: write YEAR=INHABITANTS, e.g. 2019=124306",
                                  f"inwoners {text!r}: schrijf JAAR=INWONERS, bv. 2019=124306",
                                  f"population {text!r} : écrivez ANNÉE=HABITANTS, p. ex. 2019=124306")) from None
    if parsed[1] <= 0:
        raise UserError(Bilingual(f"population {text!r}: a number of inhabitants above 0",
                                  f"inwoners {text!r}: een aantal inwoners boven 0",
                                  f"population {text!r} : un nombre d'habitants supérieur à 0"))
    return parsed


def programme_rows(engine: Engine) -> list[dict]:
    """Every programme with its areas, population series, baseline, target and years of data."""
    with engine.connect() as conn:
        programmes = conn.execute(select(Programme.id, Programme.slug, Programme.name, Programme.baseline_year,
                                         Programme.target_year).order_by(Programme.slug)).all()
        targets = _primary_targets(conn)
        population = _population(conn)
        years = _emission_years(conn)
        return [{
            "slug": p.slug, "name": p.name, "baseline_year": p.baseline_year, "target_year": p.target_year,
            "area_names": [v for k, v in area_entries(conn, p.id) if k == "name"],
            "area_codes": [f"{k}:{v}" for k, v in area_entries(conn, p.id) if k != "name"],
            "population": population.get(p.id, {}),
            "target_set": targets.get(p.id),
            "emission_years": years.get(p.id, []),
        } for p in programmes]


def programme_row(engine: Engine, slug: str) -> dict:
    """One programme as `programme_rows` describes it (UserError when there is none)."""
    for row in programme_rows(engine):
        if row["slug"] == slug:
            return row
    raise UserError(Bilingual(f"no programme '{slug}'", f"geen programma '{slug}'",
                              f"pas de programme '{slug}'"))


def remove_programme(engine: Engine, slug: str) -> None:
    """Remove a programme with everything it holds (indicators, values, imports, targets, audit)."""
    with db.writing(engine) as conn:
        programme_id = conn.scalar(select(Programme.id).where(Programme.slug == slug))
        if programme_id is None:
            raise UserError(Bilingual(f"no programme '{slug}'", f"geen programma '{slug}'",
                                      f"pas de programme '{slug}'"))
        db.lock_programme(conn, programme_id)
        conn.execute(delete(Programme).where(Programme.id == programme_id))


def _primary_targets(conn: Connection) -> dict[int, dict]:
    rows = conn.execute(select(TargetSet.programme_id, TargetSet.name, TargetSet.baseline_year,
                               TargetSet.target_year, TargetSet.is_primary)).all()
    found: dict[int, dict] = {}
    for r in sorted(rows, key=lambda r: not r.is_primary):  # the primary set wins
        found.setdefault(r.programme_id, {"name": r.name, "baseline_year": r.baseline_year,
                                          "target_year": r.target_year})
    return found


def _population(conn: Connection) -> dict[int, dict[str, float | None]]:
    rows = conn.execute(
        select(Indicator.programme_id, Observation.period, Observation.value)
        .join(Indicator, Indicator.id == Observation.indicator_id)
        .join(Programme, Programme.id == Indicator.programme_id)
        .where(holds(Observation.is_current), Indicator.code == Programme.population_indicator)
        .order_by(Observation.period)).all()
    found: dict[int, dict[str, float | None]] = {}
    for r in rows:
        found.setdefault(r.programme_id, {})[r.period] = r.value
    return found


def _emission_years(conn: Connection) -> dict[int, list[int]]:
    rows = conn.execute(select(DerivedEmissions.programme_id, DerivedEmissions.year)
                        .where(DerivedEmissions.sector_code == "total").order_by(DerivedEmissions.year)).all()
    found: dict[int, list[int]] = {}
    for r in rows:
        found.setdefault(r.programme_id, []).append(r.year)
    return found
