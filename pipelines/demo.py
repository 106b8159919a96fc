"""The demo database: a Leuven 2030-style programme, loaded from data/demo/ through the real loaders.

The 2019 emissions per sector and the Climate City Contract targets are published figures (see
data/README.md); everything else in the demo is illustrative and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from pipelines import db
from pipelines.load import load_file
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.programmes import ProgrammeSpec, create_programme, init_database
from pipelines.schema import Base, Programme, User
from pipelines.settings import DATA_DIR
from pipelines.targets import add_target_set, set_milestone, set_target
from pipelines.themes import load_themes_file

DEMO_DIR = DATA_DIR / "demo"
DEMO_USER = "demo"

DEMO_PROGRAMME = ProgrammeSpec(
    slug="leuven",
    name="Leuven 2030 (demo)",
    baseline_year=2019,  # the Climate City Contract baseline: the one fully published sector split
    target_year=2030,
    area_name="Leuven",
    area_code="24062",  # NIS code of the municipality
    scope_note=(
        "Territorial emissions, scope 1+2, excluding ETS industry, as in the Climate City Contract; "
        "net of the forest sink. 2019 as published, other years illustrative (demo data)."
    ),
)


@dataclass(frozen=True)
class DemoFile:
    kind: str  # indicators | partners | commitments
    name: str  # file under data/demo/
    new_indicators: bool = False  # the file defines the indicators it names


# In load order: partners before the commitments that name them, indicators before both.
DEMO_FILES = (
    DemoFile("indicators", "emissions_inventory.csv"),
    DemoFile("indicators", "activity_indicators.csv", new_indicators=True),
    DemoFile("partners", "partners.csv"),
    DemoFile("commitments", "commitments.csv"),
)

# Climate City Contract (2023), Leuven: 2019 baseline and 2030 residual emissions, t CO2e.
# The total residual 78,646 t is the sum of the non-AFOLU sector residuals (17 % of 457,501 t);
# AFOLU's -7,275 t sink stays as it is and helps neutralise the rest.
CCC_NAME = "Climate City Contract 2030"
CCC_SECTOR_TARGETS = (
    ("buildings", 34_708, 313_956),
    ("transport", 19_003, 64_629),
    ("industry", 17_755, 38_328),
    ("waste", 7_180, 47_864),
    ("afolu", -7_275, -7_275),
)
COM_NAME = "Covenant of Mayors -55 % by 2030"
NEUTRAL_NAME = "Climate neutral 2050 (illustrative)"


# Every text the demo itself writes into the database (one language is stored), English → its
# Dutch, English and French: the dashboard shows the page's language (dashboard/data_texts.py).
CCC_DESCRIPTION = (
    "EU Mission Climate City Contract (2023): 2019 baseline 457,501 t CO2e; 78,646 t "
    "residual emissions in 2030 (17 %), per sector as published."
)
COM_DESCRIPTION = (
    "Covenant of Mayors: -55 % by 2030 against 2011 (raised from -40 % in 2022). Applied "
    "here to the demo series, whose 2011 value is illustrative."
)
NEUTRAL_DESCRIPTION = "Illustrative: net zero in 2050, through the CCC's 2030 level and 5 % in 2040."
DEMO_TEXTS: dict[str, dict[str, str]] = {
    "Leuven 2030 (demo)": {"nl": "Leuven 2030 (demo)", "en": "Leuven 2030 (demo)", "fr": "Leuven 2030 (démo)"},
    DEMO_PROGRAMME.scope_note or "": {  # the demo has one
        "nl": "Territoriale uitstoot, scope 1+2, zonder ETS-industrie, zoals in het klimaatstadcontract; "
              "na aftrek van de opname door bossen. 2019 zoals gepubliceerd, andere jaren ter illustratie "
              "(demogegevens).",
        "en": DEMO_PROGRAMME.scope_note or "",
        "fr": "Émissions territoriales, scopes 1 et 2, hors industrie ETS, comme dans le contrat de ville "
              "climatique ; déduction faite de l'absorption par les forêts. 2019 tel que publié, les autres "
              "années à titre d'illustration (données de démonstration).",
    },
    CCC_NAME: {"nl": "Klimaatstadcontract 2030", "en": CCC_NAME, "fr": "Contrat de ville climatique 2030"},
    COM_NAME: {"nl": "Burgemeestersconvenant -55 % tegen 2030", "en": COM_NAME,
               "fr": "Convention des maires -55\u00a0% d'ici 2030"},
    NEUTRAL_NAME: {"nl": "Klimaatneutraal 2050 (ter illustratie)", "en": NEUTRAL_NAME,
                   "fr": "Neutralité climatique 2050 (illustration)"},
    CCC_DESCRIPTION: {
        "nl": "Klimaatstadcontract van de EU-missie (2023): basisjaar 2019 met 457.501 t CO2e; 78.646 t "
              "restuitstoot in 2030 (17 %), per sector zoals gepubliceerd.",
        "en": CCC_DESCRIPTION,
        "fr": "Contrat de ville climatique de la mission de l'UE (2023) : année de référence 2019 avec "
              "457\u202f501 t CO2e ; 78\u202f646 t d'émissions résiduelles en 2030 (17\u00a0%), par secteur "
              "tel que publié.",
    },
    COM_DESCRIPTION: {
        "nl": "Burgemeestersconvenant: -55 % tegen 2030 ten opzichte van 2011 (in 2022 verhoogd van -40 %). "
              "Hier toegepast op de demoreeks, waarvan de waarde van 2011 ter illustratie is.",
        "en": COM_DESCRIPTION,
        "fr": "Convention des maires : -55\u00a0% d'ici 2030 par rapport à 2011 (relevé de -40\u00a0% en "
              "2022). Appliqué ici à la série de démonstration, dont la valeur de 2011 est illustrative.",
    },
    NEUTRAL_DESCRIPTION: {
        "nl": "Ter illustratie: netto nul in 2050, via het niveau van het klimaatstadcontract in 2030 en 5 % in 2040.",
        "en": NEUTRAL_DESCRIPTION,
        "fr": "Illustration : zéro émission nette en 2050, en passant par le niveau du contrat de ville "
              "climatique en 2030 et 5\u00a0% en 2040.",
    },
}


def read_demo_texts(path: Path) -> dict[str, dict[str, str]]:
    """A file of the demo's texts in every page language (a JSON list of {en, nl, fr}, the
    English as the demo's files hold it): English → {language: text}."""
    return {row["en"]: row for row in json.loads(path.read_text(encoding="utf-8"))}


def read_partner_texts(path: Path | None = None) -> dict[str, dict[str, str]]:
    """The demo partners' descriptions in every page language (data/demo/partner_texts.json)."""
    return read_demo_texts(path or DEMO_DIR / "partner_texts.json")


# The demo's partner texts, commitment titles and notes, theme and indicator names were written
# in English (themes and indicators with their Dutch); these are the project's own translations.
DEMO_PARTNER_TEXTS: dict[str, dict[str, str]] = read_partner_texts()
DEMO_COMMITMENT_TEXTS: dict[str, dict[str, str]] = read_demo_texts(DEMO_DIR / "commitment_texts.json")
DEMO_NAME_TEXTS: dict[str, dict[str, str]] = read_demo_texts(DEMO_DIR / "name_texts.json")
DEMO_TRANSLATIONS: dict[str, dict[str, str]] = {
    **DEMO_NAME_TEXTS, **DEMO_COMMITMENT_TEXTS, **DEMO_PARTNER_TEXTS, **DEMO_TEXTS,
}


def add_demo_targets(engine: Engine, programme_id: int) -> None:
    """The demo's three target sets, through the same functions as `roadmap target`."""
    add_target_set(
        engine, programme_id, CCC_NAME, 2019, 2030, "absolute_t", 78_646, primary=True,
        baseline_t=457_501, user=DEMO_USER,
        description=CCC_DESCRIPTION,
    )
    for sector, target_t, baseline_t in CCC_SECTOR_TARGETS:
        set_target(engine, programme_id, CCC_NAME, sector, "absolute_t", target_t,
                   baseline_t=baseline_t, user=DEMO_USER)
    add_target_set(
        engine, programme_id, COM_NAME, 2011, 2030, "reduction_pct", 55, user=DEMO_USER,
        description=COM_DESCRIPTION,
    )
    add_target_set(
        engine, programme_id, NEUTRAL_NAME, 2019, 2050, "residual_pct", 0, method="milestones",
        baseline_t=457_501, user=DEMO_USER,
        description=NEUTRAL_DESCRIPTION,
    )
    set_milestone(engine, programme_id, NEUTRAL_NAME, 2030, "absolute_t", 78_646, user=DEMO_USER)
    set_milestone(engine, programme_id, NEUTRAL_NAME, 2040, "residual_pct", 5, user=DEMO_USER)


def build_demo(engine: Engine, demo_dir: Path = DEMO_DIR) -> list[LoadResult]:
    """Set up the schema and the demo programme, then load every demo file with the loaders."""
    init_database(engine)
    programme_id = create_programme(engine, DEMO_PROGRAMME)
    add_demo_targets(engine, programme_id)
    load_themes_file(engine, programme_id, demo_dir / "themes.csv")
    results = []
    for demo_file in DEMO_FILES:
        options = LoadOptions(
            user=DEMO_USER, new_indicators=demo_file.new_indicators,
            source="Leuven 2030 demo (data/demo)",
        )
        results.append(
            load_file(engine, programme_id, demo_file.kind, demo_dir / demo_file.name, options=options)
        )
    return results


def holds_data(engine: Engine) -> bool:
    """True when the database has a programme or a user: something `--force` would destroy."""
    if not db.has_schema(engine):
        return False
    with Session(engine) as session:
        programmes = session.scalar(select(func.count()).select_from(Programme))
        users = session.scalar(select(func.count()).select_from(User))
    return bool(programmes or users)


def wipe_database(engine: Engine) -> None:
    """Empty the database: a SQLite file is deleted; on other servers every table is dropped."""
    engine.dispose()
    if db.is_sqlite(engine):
        database = engine.url.database
        if database and database != ":memory:":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(database + suffix).unlink(missing_ok=True)
        return
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        if inspect(conn).has_table("alembic_version"):
            conn.exec_driver_sql("DROP TABLE alembic_version")
    engine.dispose()
