"""Read what a scenario needs (the projection, the target, the commitments with their theme,
sector and partner type) and run it: shared by `roadmap scenario` and the dashboard."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from pipelines.analytics.queries import query_frame
from pipelines.analytics.scenarios import Scenario, ScenarioResult, run_scenario
from pipelines.errors import Bilingual, UserError, in_language, number_text
from pipelines.schema import DerivedProgress
from pipelines.status_report import choose_target_set, status_summary
from pipelines.themes import list_themes
from pipelines.vocab import COMMITMENT_STATUSES, SECTOR_BY_CODE, TOTAL, terms_by_code

# One row per commitment; a sector is grouped under its top-level sector (sector_key).
COMMITMENTS = """
SELECT c.id AS id, c.title AS title, p.name AS partner, p.type AS partner_type,
       c.status AS status, c.reduction_t_per_year AS reduction_t_per_year,
       c.progress_pct AS progress_pct, c.target_year AS target_year,
       c.start_year AS start_year, c.shape AS shape,
       c.sector_code AS sector_code,
       COALESCE(s.parent_code, s.code) AS sector_key,
       COALESCE(ps.name_nl, s.name_nl) AS sector_nl, COALESCE(ps.name_en, s.name_en) AS sector_en,
       t.code AS theme_key, t.name_nl AS theme_nl, t.name_en AS theme_en, t.name_fr AS theme_fr
FROM commitment c
JOIN partner p ON p.id = c.partner_id
LEFT JOIN sector s ON s.code = c.sector_code
LEFT JOIN sector ps ON ps.code = s.parent_code
LEFT JOIN theme t ON t.id = c.theme_id
WHERE c.programme_id = :programme_id
ORDER BY c.id
"""


def scenario_commitments(engine: Engine, programme_id: int) -> pd.DataFrame:
    with engine.connect() as conn:
        return query_frame(conn, COMMITMENTS, {"programme_id": programme_id})


def total_progress(engine: Engine, programme_id: int, target_set_id: int) -> pd.DataFrame:
    """The overall derived progress rows (year, projected_t, pathway_t), by year."""
    p = DerivedProgress
    query = (
        select(p.year, p.projected_t, p.pathway_t)
        .where(p.programme_id == programme_id, p.target_set_id == target_set_id,
               p.sector_code == TOTAL)
        .order_by(p.year)
    )
    with engine.connect() as conn:
        return pd.DataFrame.from_records([tuple(r) for r in conn.execute(query)],
                                         columns=["year", "projected_t", "pathway_t"])


def compute_scenario(
    scenario: Scenario, summary: dict, progress: pd.DataFrame, commitments: pd.DataFrame,
    lang: str = "en", none_label: str = "No theme",
) -> ScenarioResult:
    """The scenario from already-read parts (the summary of pipelines.analytics.summary, the
    derived progress rows, the commitments): UserError when there is no projection to start from."""
    projected = progress.dropna(subset=["projected_t"]).set_index("year")
    if projected.empty or summary.get("latest_year") is None or summary.get("target_t") is None:
        raise UserError(Bilingual(
            "no trend projection to build a scenario on: a scenario needs at least "
            "5 yearly values before the target year and a target",
            "er is geen trendprojectie om een scenario op te bouwen: een scenario heeft minstens "
            "5 jaarwaarden vóór het doeljaar nodig, en een doel",
            "aucune projection de tendance sur laquelle bâtir un scénario : un scénario nécessite au moins "
            "5 valeurs annuelles avant l'année cible, ainsi qu'un objectif"))
    return run_scenario(
        scenario, commitments, projected["projected_t"],
        progress.set_index("year")["pathway_t"], int(summary["latest_year"]),
        float(summary["latest_t"]), int(summary["target_year"]), float(summary["target_t"]),
        lang=lang, none_label=none_label,
    )


def scenario_for(
    engine: Engine, programme_id: int, scenario: Scenario, target_name: str | None = None,
    lang: str = "en", none_label: str = "No theme",
) -> ScenarioResult:
    """Read the programme's parts and run the scenario (`roadmap scenario`)."""
    check_choice(engine, programme_id, scenario)
    target_set_id, _ = choose_target_set(engine, programme_id, target_name)
    summary = status_summary(engine, programme_id, target_name)
    return compute_scenario(
        scenario, summary, total_progress(engine, programme_id, target_set_id),
        scenario_commitments(engine, programme_id), lang, none_label,
    )


def check_choice(engine: Engine, programme_id: int, scenario: Scenario) -> None:
    """A theme or sector that does not exist is a mistake to report, not an empty scenario."""
    with engine.connect() as conn:
        themes = list_themes(conn, programme_id)
    known = {name.casefold() for t in themes for name in (t.code, t.name_nl, t.name_en, t.name_fr) if name}
    for name in scenario.themes:
        if name.strip().casefold() not in known:
            have = ", ".join(f"{t.code} ({t.name_en})" for t in themes)
            raise UserError(Bilingual(
                f"no theme '{name}' in this programme (themes: {have or 'none yet'}); give a "
                "theme's code or its Dutch, English or French name",
                f"geen thema '{name}' in dit programma (thema's: {have or 'nog geen'}); geef de code "
                "van een thema of zijn Nederlandse, Engelse of Franse naam",
                f"aucun thème « {name} » dans ce programme (thèmes : {have or 'aucun pour l’instant'}) ; "
                "indiquez le code d'un thème ou son nom néerlandais, anglais ou français"))
    for code in scenario.sectors:
        if code not in SECTOR_BY_CODE or code == TOTAL:
            have = ", ".join(c for c in SECTOR_BY_CODE if c != TOTAL)
            raise UserError(Bilingual(f"no sector '{code}' (sectors: {have})",
                                      f"geen sector '{code}' (sectoren: {have})",
                                      f"aucun secteur « {code} » (secteurs : {have})"))


BASES = {"as_reported": Bilingual("as reported", "zoals gerapporteerd", "tel que rapporté"),
         "all_delivered": Bilingual("all delivered", "alle engagementen geleverd", "tous les engagements tenus"),
         "achieved_only": Bilingual("achieved only", "enkel gerealiseerde engagementen", "engagements réalisés uniquement")}
IN_FULL = Bilingual("{statuses} in full", "{statuses} volledig", "{statuses} en entier")
FILTERS = (("themes", Bilingual("; themes: {values}", "; thema's: {values}", " ; thèmes : {values}")),
           ("sectors", Bilingual("; sectors: {values}", "; sectoren: {values}", " ; secteurs : {values}")),
           ("partner_types", Bilingual("; partner types: {values}", "; partnertypes: {values}",
                                       " ; types de partenaires : {values}")))
GROUPS = {"theme": Bilingual("theme", "thema", "thème"), "sector": Bilingual("sector", "sector", "secteur")}
SCENARIO_LINES = (
    Bilingual("Scenario: {basis}", "Scenario: {basis}", "Scénario : {basis}"),
    Bilingual("  Now ({year}): {t} t", "  Nu ({year}): {t} t", "  Aujourd'hui ({year}) : {t} t"),
    Bilingual("  Trend in {year}: {t} t", "  Trend in {year}: {t} t", "  Tendance en {year} : {t} t"),
    Bilingual("  Scenario in {year}: {t} t", "  Scenario in {year}: {t} t", "  Scénario en {year} : {t} t"),
    Bilingual("  Target in {year}: {t} t", "  Doel in {year}: {t} t", "  Objectif en {year} : {t} t"),
    Bilingual("  The scenario {verdict}.", "  Het scenario {verdict}.", "  Le scénario {verdict}."),
    Bilingual("  Wedges in {year} (by {group}):", "  Banden in {year} (per {group}):", "  Bandes en {year} (par {group}) :"),
)
NO_WEDGE = Bilingual("    none", "    geen", "    aucun")


def format_scenario(result: ScenarioResult, scenario: Scenario, lang: str = "en") -> str:
    """The human-readable `roadmap scenario` output, in `lang` (nl, en or fr)."""
    def text(template: str, **values) -> str:
        return in_language(template, lang).format(**values)

    if scenario.statuses:
        statuses = terms_by_code(COMMITMENT_STATUSES)
        names = [code if lang == "en" or code not in statuses else statuses[code].label(lang).lower()
                 for code in scenario.statuses]
        basis = text(IN_FULL, statuses=", ".join(names))
    else:
        basis = in_language(BASES.get(scenario.basis, scenario.basis.replace("_", " ")), lang)
    basis += "".join(text(words, values=", ".join(getattr(scenario, name)))
                     for name, words in FILTERS if getattr(scenario, name))
    year = result.target_year

    def number_in(value: float) -> str:
        return in_language(number_text(value, ",.0f"), lang)

    lines = [
        text(SCENARIO_LINES[0], basis=basis),
        text(SCENARIO_LINES[1], year=result.latest_year, t=number_in(result.now_t)),
        text(SCENARIO_LINES[2], year=year, t=number_in(result.projected_t)),
        text(SCENARIO_LINES[3], year=year, t=number_in(result.scenario_t)),
        text(SCENARIO_LINES[4], year=year, t=number_in(result.target_t)),
        text(SCENARIO_LINES[5], verdict=in_language(result.verdict(), lang)),
        text(SCENARIO_LINES[6], year=year, group=in_language(GROUPS.get(scenario.group_by, scenario.group_by), lang)),
    ]
    wedges = result.wedges_at_target_year()
    lines += [f"    {w['label']}: {number_in(w['t'])} t" for w in wedges] or [in_language(NO_WEDGE, lang)]
    return "\n".join(lines)
