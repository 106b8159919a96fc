"""The headline total per year (sectors or reported total), its warnings, and like-for-like change.

A year's headline total is the sum of the sectors when they are complete, else the programme's
reported total when it has one (see emissions.py). A difference between a complete sum and the
reported total beyond rounding is a warning. When the baseline year is incomplete (a sector is
missing and no reported total covers it), change and progress compare the latest year on the
same sectors as the baseline — like with like — or say why they cannot.
"""

from __future__ import annotations

import pandas as pd

from pipelines.analytics import progress
from pipelines.analytics.emissions import SOURCE_REPORTED
from pipelines.errors import Bilingual, number_text
from pipelines.vocab import TOTAL

RELATIVE_TOLERANCE = 0.001  # rounding in published totals: 0.1 % of the total, at least 1 t


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > max(1.0, RELATIVE_TOLERANCE * max(abs(a), abs(b)))


def total_rows(table: pd.DataFrame) -> pd.DataFrame:
    return table[(table["sector_code"] == TOTAL)].sort_values("year")


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def years_list(table: pd.DataFrame) -> list[dict]:
    """One object per year of the total: year, total_t, complete, reported_total_t, source,
    sectors_included (the top-level sectors summed; empty when the reported total stands)."""
    out = []
    for row in total_rows(table).itertuples(index=False):
        included = row.sectors_included if isinstance(row.sectors_included, str) else ""
        out.append({
            "year": int(row.year), "total_t": _number(row.value_t), "complete": bool(row.complete),
            "reported_total_t": _number(row.reported_total_t),
            "source": row.source if isinstance(row.source, str) else None,
            "sectors_included": [c for c in included.split(",") if c],
        })
    return out


def reported_total_warnings(table: pd.DataFrame) -> list[str]:
    """'2019: the sectors add up to … t but the reported total is … t' for each year they differ."""
    out: list[str] = []
    for row in total_rows(table).itertuples(index=False):
        reported = _number(row.reported_total_t)
        if reported is None:
            continue
        year, total = int(row.year), number_text(reported, ",.0f")
        if row.source == SOURCE_REPORTED:
            out.append(Bilingual(
                f"{year}: the sectors are incomplete, so the reported total ({total} t) is the year's total",
                f"{year}: de sectoren zijn onvolledig, dus het gerapporteerde totaal ({total.nl} t) is het totaal van het jaar",
                f"{year} : les secteurs sont incomplets, le total déclaré ({total.fr} t) est donc le total de l'année"))
        elif _differs(float(row.value_t), reported):
            summed, difference = number_text(float(row.value_t), ",.0f"), number_text(float(row.value_t) - reported, "+,.0f")
            out.append(Bilingual(
                f"{year}: the sectors add up to {summed} t but the reported total is {total} t "
                f"(difference {difference} t); the sum of the sectors is shown",
                f"{year}: de sectoren tellen op tot {summed.nl} t maar het gerapporteerde totaal is {total.nl} t "
                f"(verschil {difference.nl} t); de som van de sectoren wordt getoond",
                f"{year} : les secteurs totalisent {summed.fr} t mais le total déclaré est de {total.fr} t "
                f"(différence {difference.fr} t) ; la somme des secteurs est affichée"))
    return out


def _parts(table: pd.DataFrame, code: str, year: int) -> list[str]:
    """The sectors a row of `year` adds up, down to those with a value of their own that year
    (a top-level sector summed from only some of its sub-sectors is replaced by those)."""
    found = table[(table["sector_code"] == code) & (table["year"] == year)]
    if found.empty or not isinstance(found.iloc[0]["sectors_included"], str):
        return []
    named = [c for c in found.iloc[0]["sectors_included"].split(",") if c]
    if named == [code]:
        return named
    return [leaf for c in named for leaf in _parts(table, c, year)]


def like_for_like(summary: dict, table: pd.DataFrame, code: str) -> None:
    """Change and progress on comparable numbers: with an incomplete baseline year, the latest
    year on the baseline's own sectors; when one of the two years stands on a reported total and
    the other on the sum of the sectors, the two reported totals (their scope may differ)."""
    baseline_year, latest_year = summary["baseline_year"], summary["latest_year"]
    if summary["baseline_source"] != "series" or latest_year is None or latest_year <= baseline_year:
        return  # (before a later year, there is no change to compare: series_summary says so)
    rows = table[table["sector_code"] == code].set_index("year")
    if baseline_year not in rows.index or latest_year not in rows.index:
        return
    base, latest = rows.loc[baseline_year], rows.loc[latest_year]
    if not bool(base["complete"]):
        _same_sectors(summary, table, code)
    elif code == TOTAL and base["source"] != latest["source"]:
        _same_source(summary, base, latest)


def _same_source(summary: dict, base: pd.Series, latest: pd.Series) -> None:
    """One year on a reported total, the other on the sum of the sectors: compare reported totals."""
    baseline_year, latest_year = summary["baseline_year"], summary["latest_year"]
    base_reported, latest_reported = _number(base["reported_total_t"]), _number(latest["reported_total_t"])
    if base_reported is None or latest_reported is None:
        summary["warnings"].append(Bilingual(
            f"{baseline_year} and {latest_year} are not counted the same way (one is a reported "
            "total, the other the sum of the sectors) and there is no reported total for both: "
            "change and progress may compare different scopes",
            f"{baseline_year} en {latest_year} zijn niet op dezelfde manier geteld (het ene is een "
            "gerapporteerd totaal, het andere de som van de sectoren) en er is geen gerapporteerd totaal "
            "voor beide: verandering en voortgang vergelijken mogelijk een verschillende afbakening",
            f"{baseline_year} et {latest_year} ne sont pas comptées de la même manière (l'une est un total "
            "déclaré, l'autre la somme des secteurs) et il n'y a pas de total déclaré pour les deux : "
            "l'évolution et l'avancement peuvent comparer des périmètres différents"))
        return
    base, latest = number_text(base_reported, ",.0f"), number_text(latest_reported, ",.0f")
    _compare(summary, base_reported, latest_reported, ["reported total"], Bilingual(
        f"{baseline_year} and {latest_year} are not counted the same way: change vs baseline "
        f"compares their reported totals ({base} t and {latest} t)",
        f"{baseline_year} en {latest_year} zijn niet op dezelfde manier geteld: de verandering tegenover "
        f"het basisjaar vergelijkt hun gerapporteerde totalen ({base.nl} t en {latest.nl} t)",
        f"{baseline_year} et {latest_year} ne sont pas comptées de la même manière : l'évolution par rapport "
        f"à l'année de référence compare leurs totaux déclarés ({base.fr} t et {latest.fr} t)"))


def _same_sectors(summary: dict, table: pd.DataFrame, code: str) -> None:
    """An incomplete baseline year: compare the latest year on the baseline's own sectors."""
    baseline_year, latest_year = summary["baseline_year"], summary["latest_year"]
    included = _parts(table, code, baseline_year)
    latest = table[(table["year"] == latest_year) & table["sector_code"].isin(included)
                   & table["value_t"].notna()]
    if not included or set(latest["sector_code"]) != set(included):
        summary["change_vs_baseline_pct"] = summary["progress_pct"] = None
        codes = ", ".join(included)
        summary["warnings"].append(Bilingual(
            f"change and progress cannot be compared like with like: the baseline year "
            f"{baseline_year} is incomplete and {latest_year} lacks some of its sectors ({codes or 'none'})",
            f"verandering en voortgang zijn niet gelijk te vergelijken: het basisjaar {baseline_year} is "
            f"onvolledig en {latest_year} mist een deel van zijn sectoren ({codes or 'geen'})",
            f"l'évolution et l'avancement ne peuvent pas être comparés à périmètre égal : l'année de référence "
            f"{baseline_year} est incomplète et il manque à {latest_year} une partie de ses secteurs "
            f"({codes or 'aucun'})"))
        return
    latest_t = float(latest["value_t"].sum())
    codes, latest_total = ", ".join(included), number_text(latest_t, ",.0f")
    _compare(summary, summary["baseline_t"], latest_t, included, Bilingual(
        f"the baseline year {baseline_year} is incomplete (only {codes}): "
        f"change vs baseline compares {latest_year} on the same sectors ({latest_total} t)",
        f"het basisjaar {baseline_year} is onvolledig (alleen {codes}): de verandering tegenover het "
        f"basisjaar vergelijkt {latest_year} op dezelfde sectoren ({latest_total.nl} t)",
        f"l'année de référence {baseline_year} est incomplète (seulement {codes}) : l'évolution par rapport "
        f"à l'année de référence compare {latest_year} sur les mêmes secteurs ({latest_total.fr} t)"))
    summary["warnings"].append(Bilingual(
        "the gap and status compare the full latest total with a pathway from the incomplete "
        "baseline: load the missing sectors' baseline values, or give the target a published "
        "baseline",
        "de kloof en de status vergelijken het volledige laatste totaal met een doeltraject vanaf het "
        "onvolledige basisjaar: laad de basisjaarwaarden van de ontbrekende sectoren, of geef het doel "
        "een gepubliceerd basisjaarcijfer",
        "l'écart et le statut comparent le dernier total complet à une trajectoire partant de l'année de "
        "référence incomplète : chargez les valeurs de référence des secteurs manquants, ou donnez à "
        "l'objectif une valeur de référence publiée"))


def _compare(summary: dict, baseline_t: float, latest_t: float, basis: list[str], words: Bilingual) -> None:
    """Set change and progress from a comparable (baseline, latest) pair, and say so."""
    summary["like_for_like"] = {"sectors": basis, "baseline_t": baseline_t, "latest_t": latest_t}
    summary["change_vs_baseline_pct"] = progress.change_vs_baseline_pct(baseline_t, latest_t)
    if summary["target_kind"] == "absolute_t":
        summary["progress_pct"] = None
        summary["warnings"].append(words + Bilingual(
            "; progress % cannot: the target is in tonnes for the whole programme",
            "; voortgang in % niet: het doel is in ton voor het hele programma",
            " ; l'avancement en % non : l'objectif est en tonnes pour tout le programme"))
        return
    # A relative target applies to the comparable baseline the same way it does to the stored one.
    target_t = summary["target_t"] * baseline_t / summary["baseline_t"] if summary["baseline_t"] else None
    summary["progress_pct"] = (None if target_t is None
                               else progress.progress_pct(baseline_t, latest_t, target_t))
    summary["warnings"].append(words + Bilingual(", and so does progress", ", en de voortgang ook",
                                                 ", tout comme l'avancement"))
