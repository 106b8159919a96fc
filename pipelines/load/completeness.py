"""Which years a load would make incomplete: the analytics' completeness rule on the would-be data.

A dry run stores the file's rows inside its own transaction (rolled back afterwards) and asks,
before and after, which years' totals are incomplete; a year incomplete only afterwards is one
the file would make incomplete, and the upload preview and `--dry-run` say so before confirming.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from pipelines.analytics.emissions import (
    EXCUSED_KEYS,
    emissions_table,
    indicator_year_values,
    reported_totals,
    sector_year_values,
)
from pipelines.analytics.queries import EMISSIONS_BY_INDICATOR_YEAR, NO_LIMIT_YEAR, query_frame
from pipelines.errors import Bilingual
from pipelines.vocab import SECTOR_BY_CODE, TOTAL, emissions_indicator_code, sector_label

SECTORS_SQL = "SELECT code, parent_code, sort_order, name_en FROM sector ORDER BY sort_order"


def incomplete_years(conn: Connection, programme_id: int) -> dict[int, tuple[str, ...]]:
    """Year → the sectors missing that year, for every year whose total is incomplete."""
    agg = query_frame(conn, EMISSIONS_BY_INDICATOR_YEAR, {
        "programme_id": programme_id, "up_to_year": NO_LIMIT_YEAR, "total_code": emissions_indicator_code(TOTAL)})
    if agg.empty:
        return {}
    per_indicator = indicator_year_values(agg)
    values = sector_year_values(per_indicator)
    table = emissions_table(values, query_frame(conn, SECTORS_SQL, {}), reported_totals(per_indicator))
    totals = table[(table["sector_code"] == TOTAL) & ~table["complete"].astype(bool)]
    return {int(year): _missing_sectors(values, int(year)) for year in totals["year"]}


def _missing_sectors(values: pd.DataFrame, year: int) -> tuple[str, ...]:
    """Sectors with a value in other years (or marked missing this year) and none this year;
    a sector whose sub-sector is named is left out (the sub-sector says more)."""
    has = values["value_t"].notna()
    reporting = set(values.loc[has, "sector_code"])
    this_year = values[values["year"].astype(int) == year]
    present = set(this_year.loc[this_year["value_t"].notna(), "sector_code"])
    excused = set(this_year.loc[this_year["missing_key"].isin(EXCUSED_KEYS), "sector_code"])
    marked = set(this_year.loc[this_year["value_t"].isna(), "sector_code"])
    missing = (reporting | marked) - present - excused
    parents = {SECTOR_BY_CODE[c].parent for c in missing if c in SECTOR_BY_CODE}
    order = list(SECTOR_BY_CODE)
    return tuple(sorted((c for c in missing if c not in parents), key=lambda c: order.index(c) if c in order else 99))


def touches_emissions(conn: Connection, staging: str) -> bool:
    """Whether any staged row is an emissions value (only those can change a year's completeness)."""
    return conn.exec_driver_sql(
        f"SELECT 1 FROM {staging} s JOIN indicator i ON i.id = s.indicator_id "
        "WHERE i.kind = 'emissions' AND s.change <> 'unchanged' LIMIT 1").first() is not None


def newly_incomplete(before: dict[int, tuple[str, ...]], after: dict[int, tuple[str, ...]]) -> list[dict]:
    """The years incomplete after a load and not before: [{year, missing: [sector codes]}]."""
    return [{"year": year, "missing": list(after[year])} for year in sorted(after) if year not in before]


def incomplete_year_text(entry: dict) -> Bilingual:
    """'2023 would become incomplete: tertiary buildings missing', in every language."""
    def names(lang: str) -> str:
        return ", ".join(sector_label(c, lang) for c in entry["missing"])

    en, nl, fr = names("en"), names("nl"), names("fr")
    return Bilingual(
        f"{entry['year']} would become incomplete: {en[:1].lower() + en[1:] if en else 'a sector'} missing",
        f"{entry['year']} zou onvolledig worden: {nl[:1].lower() + nl[1:] if nl else 'een sector'} ontbreekt",
        f"{entry['year']} deviendrait incomplète : secteur(s) manquant(s) : {fr[:1].lower() + fr[1:] if fr else 'un secteur'}",
    )
