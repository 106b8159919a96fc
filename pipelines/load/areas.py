"""Files listing several areas (a national export): keep the programme's own area, count the rest.

The programme's area is known by all its names and codes (pipelines/programme_areas.py).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, Problem
from pipelines.load.layout import Layout
from pipelines.read import fold

MAX_AREAS_NAMED = 5


class AreaFilter:
    """Keeps the rows whose area code or name is the programme's; rows with no area are others'."""

    def __init__(self, layout: Layout, area_code: str | None, area_name: str | None, also: Iterable[str] = ()):
        self.columns = [c for c in (layout.column("area_code"), layout.column("area")) if c]
        self.ours = {fold(x) for x in (area_code, area_name, *also) if x and fold(x)}
        self.ours |= {k.lstrip("0") for k in self.ours if k.isdigit()}
        self.skipped = 0
        self.kept = 0
        # Per area column: folded area -> as written (for messages and counting areas).
        self.seen: dict[str, dict[str, str]] = {c: {} for c in self.columns}

    @property
    def active(self) -> bool:
        return bool(self.columns)

    def keep(self, frame: pd.DataFrame) -> np.ndarray:
        """Which rows of a chunk belong to the programme's area."""
        if not self.columns:
            return np.ones(len(frame), dtype=bool)
        keep = np.zeros(len(frame), dtype=bool)
        for column in self.columns:
            codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object))
            mine = np.array([self._is_ours(u, self.seen[column]) for u in uniques], dtype=bool)
            if len(mine):
                keep |= mine[codes]
        if not self.ours:  # the programme names no area: keep all, but notice several areas
            keep[:] = True
        self.kept += int(keep.sum())
        self.skipped += int((~keep).sum())
        return keep

    def _is_ours(self, value: str, seen: dict[str, str]) -> bool:
        key = fold(value)
        if key and len(seen) <= 1000:
            seen.setdefault(key, value.strip())
        return bool(key) and (key in self.ours or (key.isdigit() and key.lstrip("0") in self.ours))

    def problems(self, file_name: str, header_line: int) -> list[Problem]:
        if not self.columns:
            return []
        column = self.columns[0]
        seen = self.seen[column]
        named = ", ".join(list(seen.values())[:MAX_AREAS_NAMED])
        if not self.ours and len(seen) > 1:
            return [Problem(
                file_name, header_line, column, named,
                Bilingual(
                    "rows of one area only: the programme has no area code or name to pick its own "
                    "rows from a file with several areas (set them with `roadmap init --area-code`)",
                    "rijen van één gebied: het programma heeft geen NIS-code of gebiedsnaam om zijn eigen "
                    "rijen te kiezen uit een bestand met meerdere gebieden (de beheerder stelt die in)",
                    "des lignes d'une seule zone : le programme n'a pas de code INS ni de nom de zone pour choisir ses propres "
                    "lignes dans un fichier qui contient plusieurs zones (l'administrateur les définit)",
                ),
            )]
        if self.ours and self.kept == 0 and self.skipped:
            return [Problem(
                file_name, header_line, column, named,
                Bilingual(f"rows for the programme's area ({' / '.join(sorted(self.ours))})",
                          f"rijen voor het gebied van het programma ({' / '.join(sorted(self.ours))})",
                          f"des lignes pour la zone du programme ({' / '.join(sorted(self.ours))})"),
            )]
        return []
