"""Numbers that read two ways ('1.953'): the reading that makes the file's own totals add up wins."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, in_language, number_text
from pipelines.load.totals import top_level_sum
from pipelines.numbers import ambiguous_mask, parse_number_series

CANDIDATES = (",", ".")
RELATIVE_TOLERANCE = 0.001  # as the loader's totals check (pipelines/load/totals.py)
NAMES = {",": Bilingual("decimal comma ('.' groups thousands)", "decimale komma ('.' scheidt duizendtallen)",
                        "une virgule décimale (« . » sépare les milliers)"),
         ".": Bilingual("decimal point", "decimale punt", "un point décimal")}


def decide_by_totals(values: pd.Series, periods: np.ndarray, sectors: np.ndarray,
                     is_total: np.ndarray, lines: np.ndarray) -> tuple[str | None, list[Bilingual]]:
    """The decimal mark under which every total of the file adds up, when exactly one does.

    `sectors` holds a sector code per row (None for other rows), `is_total` marks total rows.
    Returns (None, []) when no value is ambiguous, or when no single reading fits: then the
    loader refuses the ambiguous values as it always does.
    """
    ambiguous = ambiguous_mask(values).to_numpy()
    if not ambiguous.any() or not is_total.any():
        return None, []
    fits = {d: _fits(values, periods, sectors, is_total, d) for d in CANDIDATES}
    fitting = [d for d, fit in fits.items() if fit == "fits"]
    if len(fitting) != 1:
        return None, []
    mark = fitting[0]
    other = next(d for d in CANDIDATES if d != mark)
    why = (Bilingual("the other reading makes some values no numbers", "anders gelezen zijn sommige waarden geen getal",
                     "lues autrement, certaines valeurs ne sont pas des nombres")
           if fits[other] == "not numbers" else
           Bilingual("the totals do not add up the other way", "anders gelezen kloppen de totalen niet",
                     "lus autrement, les totaux ne concordent pas"))
    parsed, _bad = parse_number_series(values, mark)
    at = list(zip(values[ambiguous][:5], parsed[ambiguous][:5], lines[ambiguous][:5], strict=True))
    shown = "; ".join(f"line {int(line)}: {text!r} read as {_fmt(value)}" for text, value, line in at)
    shown_nl = "; ".join(f"regel {int(line)}: {text!r} gelezen als {_fmt(value, 'nl')}" for text, value, line in at)
    shown_fr = " ; ".join(f"ligne {int(line)} : {text!r} lu comme {_fmt(value, 'fr')}" for text, value, line in at)
    return mark, [Bilingual(
        f"numbers that read two ways were read with a {NAMES[mark]}: the file's totals add up that "
        f"way and {why} ({shown})",
        f"getallen die twee lezingen toelaten zijn gelezen met een {NAMES[mark].nl}: zo kloppen de "
        f"totalen van het bestand en {why.nl} ({shown_nl})",
        f"les nombres qui se lisent de deux façons ont été lus avec {NAMES[mark].fr} : ainsi les "
        f"totaux du fichier concordent et {why.fr} ({shown_fr})")]


def _fits(values: pd.Series, periods, sectors, is_total, mark: str) -> str:
    """'fits', 'not numbers' or 'does not add up': how the file reads with this decimal mark."""
    parsed, bad = parse_number_series(values, mark)
    if bad.any():  # some value is no number with this mark ('48.647140192728' with a comma)
        return "not numbers"
    numbers = parsed.to_numpy()
    checked = 0
    for period in np.unique(periods[is_total]):
        totals = numbers[is_total & (periods == period)]
        rows = (periods == period) & (sectors != None) & ~np.isnan(numbers)  # noqa: E711
        if not rows.any() or np.isnan(totals).all():
            continue
        by_sector: dict[str, float] = {}
        for sector, value in zip(sectors[rows], numbers[rows], strict=True):
            by_sector[sector] = by_sector.get(sector, 0.0) + float(value)
        summed, _parts = top_level_sum(by_sector)
        total = float(np.nanmax(totals))
        if abs(total - summed) > RELATIVE_TOLERANCE * abs(total):
            return "does not add up"
        checked += 1
    return "fits" if checked else "does not add up"


def _fmt(value: float, lang: str = "en") -> str:
    return in_language(number_text(value, ",.0f" if float(value).is_integer() else ",.3f"), lang)
