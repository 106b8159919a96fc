"""Adding up, always said: columns summed per row (CDP scope 1 + 2), rows summed per indicator and
year (JRC direct + indirect)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, in_language, number_text
from pipelines.numbers import detect_decimal, missing_key, parse_number_series
from pipelines.profiles.model import Profile
from pipelines.profiles.report import ProfileReport
from pipelines.read import RawTable, fold


def summed_columns(profile: Profile, frame: pd.DataFrame, raw: RawTable, report: ProfileReport) -> np.ndarray:
    """Per row, the sum of the first set of columns that are all filled (CDP: scope 1 + scope 2)."""
    by_fold = {fold(c): c for c in raw.columns}
    out = np.full(len(frame), "", dtype=object)
    for alternative in profile.sum_alternatives:
        names = [by_fold.get(fold(c)) for c in alternative]
        if None in names:
            continue
        parsed = [parse_number_series(frame[c], ".") for c in names]
        numbers = [x.to_numpy() for x, _bad in parsed]
        filled = np.logical_and.reduce([frame[c].str.strip().to_numpy() != "" for c in names]) & (out == "")
        for i in np.flatnonzero(filled):
            wrong = [frame[c].iloc[i] for c, (_x, bad) in zip(names, parsed, strict=True) if bad.iloc[i]]
            if wrong:  # no number: passed on as written, for the loader to refuse with its row
                out[i] = wrong[0]
                continue
            parts = [x[i] for x in numbers]
            out[i] = _number_text(sum(parts))
            summed = {lang: f"{' + '.join(_fmt(p, lang) for p in parts)} = {_fmt(sum(parts), lang)}"
                      for lang in ("en", "nl", "fr")}
            listed = "; ".join(str(name) for name in names)
            report.sums.append(Bilingual(f"added up {summed['en']} (columns: {listed})",
                                         f"opgeteld: {summed['nl']} (kolommen: {listed})",
                                         f"additionné : {summed['fr']} (colonnes : {listed})"))
    given = {fold(c) for alternative in profile.sum_alternatives for c in alternative}
    partial = (out == "") & np.logical_or.reduce(
        [frame[c].str.strip().to_numpy() != "" for c in raw.columns if fold(c) in given] or [out != ""])
    if partial.any():  # some parts given, never all of one set: missing, and said so
        report.sums.append(Bilingual(
            f"{int(partial.sum())} row(s) left missing: no set of columns to add up is complete",
            f"{int(partial.sum())} rij(en) ontbrekend gelaten: geen reeks kolommen om op te tellen is volledig",
            f"{int(partial.sum())} ligne(s) laissée(s) manquante(s) : aucun groupe de colonnes à additionner n'est complet"))
    return out


def add_up(long: pd.DataFrame, decimal: str | None, report: ProfileReport) -> tuple[pd.DataFrame, str | None]:
    """Rows for one indicator and period added up (JRC: direct + indirect emissions).

    Only groups of several rows change; a value that is neither a number nor a missing marker
    leaves the file as it is, for the loader to refuse with its row.
    """
    mark = decimal or detect_decimal(long["value"]) or "."
    numbers, bad = parse_number_series(long["value"], mark)
    markers = np.array([missing_key(v) is not None for v in long["value"]], dtype=bool)
    if (bad.to_numpy() & ~markers).any():
        return long, decimal
    long = long.assign(number=numbers.to_numpy())
    grouped = long.groupby(["label", "period", "unit"], sort=False, dropna=False)
    summed = grouped.agg(line=("line", "first"), number=("number", lambda s: s.sum(min_count=1)),
                         first=("value", "first"), note=("note", "first"), target=("target", "first"),
                         sector=("sector", "first"), n=("line", "size")).reset_index()
    several = summed["n"] > 1
    if not several.any():
        return long.drop(columns="number"), decimal
    rows, values = int(summed.loc[several, "n"].sum()), int(several.sum())
    report.sums.append(Bilingual(
        f"added up {rows} row(s) into {values} value(s): one value per indicator and year (e.g. direct + indirect emissions)",
        f"{rows} rij(en) opgeteld tot {values} waarde(n): één waarde per indicator en jaar (bv. directe + indirecte uitstoot)",
        f"{rows} ligne(s) additionnée(s) en {values} valeur(s) : une valeur par indicateur et par année (p. ex. émissions directes + indirectes)"))
    summed["value"] = [
        _number_text(v, mark) if many and not np.isnan(v) else first
        for v, many, first in zip(summed["number"], several, summed["first"], strict=True)
    ]
    return summed.sort_values("line", kind="stable").reset_index(drop=True), mark


def _number_text(value: float, mark: str = ".") -> str:
    """A number as the loader reads it with decimal mark `mark`, without thousands separators."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if mark == "," else text


def _fmt(value: float, lang: str = "en") -> str:
    return in_language(number_text(value, ",.0f" if float(value).is_integer() else ",.2f"), lang)
