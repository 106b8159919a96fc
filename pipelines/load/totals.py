"""Total rows of an emissions file (stored as the reported total), checked against the sum of its sectors.

Per period, the sum is over the top-level sectors; a top-level sector the file has no row for
counts as the sum of its children. A parent that has its own row and children rows is checked
against them too. A difference beyond rounding (0.1 % of the total, at least 1 t) is a warning:
it often reveals a misread number (a thousands separator read as a decimal mark) or a missing
sector.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from pipelines.errors import Bilingual, in_language, number_text
from pipelines.vocab import SECTOR_BY_CODE, SECTORS

RELATIVE_TOLERANCE = 0.001


@dataclass
class TotalsCheck:
    unit: str = "t CO2e"
    sectors: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    totals: list[tuple[str, float, int]] = field(default_factory=list)  # (period, value, line)
    # (period, sector) of rows with no value (a '?', a suppressed -1): the likely gap in a total.
    without_value: set[tuple[str, str]] = field(default_factory=set)

    def add_sectors(self, periods: np.ndarray, sectors: np.ndarray, values: np.ndarray) -> None:
        """Emission values (canonical unit) of sector series; NaN values are left out of the sums
        and remembered as the sector's gap in that period."""
        keep = ~np.isnan(values)
        for period, sector, value in zip(periods[keep], sectors[keep], values[keep], strict=True):
            self.sectors[(period, sector)] += float(value)
        self.without_value.update(zip(periods[~keep].tolist(), sectors[~keep].tolist(), strict=True))

    def add_totals(self, periods: np.ndarray, values: np.ndarray, lines: np.ndarray) -> None:
        keep = ~np.isnan(values)
        self.totals.extend(zip(periods[keep].tolist(), values[keep].tolist(), lines[keep].tolist(), strict=True))

    def warnings(self) -> list[Bilingual]:
        out: list[Bilingual] = []
        by_period: dict[str, dict[str, float]] = defaultdict(dict)
        for (period, sector), value in self.sectors.items():
            by_period[period][sector] = value
        for period, values in sorted(by_period.items()):
            out.extend(self._parent_warnings(period, values))
        for period, total, line in self.totals:
            summed, parts = top_level_sum(by_period.get(period, {}))
            if parts and _differs(total, summed):
                gaps = sorted(sector for at, sector in self.without_value
                              if at == period and sector not in by_period.get(period, {}))
                gap = ", ".join(gaps)
                out.append(Bilingual(
                    f"line {line}: the total for {period} is {_fmt(total)} {self.unit} but the "
                    f"sectors in the file add up to {_fmt(summed)} {self.unit} "
                    f"(difference {_fmt(total - summed)}; sectors: {', '.join(parts)}"
                    + (f"; without a value in the file: {gap}) — the total includes what they leave out"
                       if gaps else ") — check for a misread number or a missing sector"),
                    f"regel {line}: het totaal voor {period} is {_fmt(total, 'nl')} {self.unit} maar de "
                    f"sectoren in het bestand tellen op tot {_fmt(summed, 'nl')} {self.unit} "
                    f"(verschil {_fmt(total - summed, 'nl')}; sectoren: {', '.join(parts)}"
                    + (f"; zonder waarde in het bestand: {gap}) — het totaal bevat wat zij weglaten"
                       if gaps else ") — controleer op een verkeerd gelezen getal of een ontbrekende sector"),
                    f"ligne {line} : le total pour {period} est de {_fmt(total, 'fr')} {self.unit}, mais les "
                    f"secteurs du fichier totalisent {_fmt(summed, 'fr')} {self.unit} "
                    f"(différence {_fmt(total - summed, 'fr')} ; secteurs : {', '.join(parts)}"
                    + (f" ; sans valeur dans le fichier : {gap}) — le total comprend ce qu'ils omettent"
                       if gaps else ") — vérifiez s'il y a un nombre mal lu ou un secteur manquant"),
                ))
        return out

    def _parent_warnings(self, period: str, values: dict[str, float]) -> list[Bilingual]:
        out: list[Bilingual] = []
        for parent in {SECTOR_BY_CODE[s].parent for s in values if SECTOR_BY_CODE[s].parent}:
            children = [s for s in values if SECTOR_BY_CODE[s].parent == parent]
            if parent in values and _differs(values[parent], sum(values[c] for c in children)):
                out.append(Bilingual(
                    f"{period}: {parent} is {_fmt(values[parent])} {self.unit} but its sub-sectors "
                    f"in the file ({', '.join(sorted(children))}) add up to "
                    f"{_fmt(sum(values[c] for c in children))} {self.unit}",
                    f"{period}: {parent} is {_fmt(values[parent], 'nl')} {self.unit} maar zijn subsectoren "
                    f"in het bestand ({', '.join(sorted(children))}) tellen op tot "
                    f"{_fmt(sum(values[c] for c in children), 'nl')} {self.unit}",
                    f"{period} : {parent} vaut {_fmt(values[parent], 'fr')} {self.unit}, mais ses sous-secteurs "
                    f"dans le fichier ({', '.join(sorted(children))}) totalisent "
                    f"{_fmt(sum(values[c] for c in children), 'fr')} {self.unit}",
                ))
        return out


def top_level_sum(values: dict[str, float]) -> tuple[float, list[str]]:
    """Sum over top-level sectors; a missing top-level sector is the sum of its children."""
    total, parts = 0.0, []
    for sector in (s for s in SECTORS if s.parent is None):
        if sector.code in values:
            total += values[sector.code]
            parts.append(sector.code)
            continue
        children = [s.code for s in SECTORS if s.parent == sector.code and s.code in values]
        total += sum(values[c] for c in children)
        parts.extend(children)
    return total, parts


def _differs(expected: float, actual: float) -> bool:
    return abs(expected - actual) > max(1.0, RELATIVE_TOLERANCE * abs(expected))


def _fmt(value: float, lang: str = "en") -> str:
    return in_language(number_text(value, ",.0f" if abs(value) >= 100 else ",.2f"), lang)
