"""Which rows of an export a profile keeps: before the footer, of the programme's area, of the
tile it reads, measured (planned rows are left out and listed)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.profiles.model import Profile
from pipelines.profiles.report import ProfileReport
from pipelines.read import RawTable, fold


def before_footer(profile: Profile, frame: pd.DataFrame, lines: np.ndarray, report: ProfileReport) -> np.ndarray:
    """False from the first footer row on (an Excel export's 'Speciale waarden', 'Bron' block)."""
    keep = np.ones(len(frame), dtype=bool)
    if profile.footer_pattern is None or not len(frame.columns):
        return keep
    first = frame[frame.columns[0]].to_numpy(dtype=object)
    starts = [i for i, cell in enumerate(first) if profile.footer_pattern.search(str(cell).strip())]
    if starts:
        keep[starts[0]:] = False
        report.leave_out(Bilingual(f"footer from line {int(lines[starts[0]])}", f"voetregels vanaf regel {int(lines[starts[0]])}",
                                   f"pied de page à partir de la ligne {int(lines[starts[0]])}"), [str(c) for c in first[starts[0]:]], int((~keep).sum()))
    return keep


def area_rows(profile: Profile, frame: pd.DataFrame, column: str | None, area_keys: set[str], raw: RawTable,
               report: ProfileReport) -> np.ndarray:
    if column is None:
        return np.ones(len(frame), dtype=bool)
    report.area_column = column
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object))
    ours = np.array([_is_ours(u, area_keys) for u in uniques], dtype=bool)
    keep = ours[codes] if len(uniques) else np.zeros(len(frame), dtype=bool)
    if not keep.any():
        header = raw.detected.get("header_line", 1)
        names = " / ".join(sorted(area_keys)) or "none"
        raise ValidationFailed([Problem(raw.file_name, header, column, ", ".join(list(map(str, uniques))[:5]), Bilingual(
            f"rows for the programme's area (its names and codes: {names}); add the name or code "
            "this file uses with `roadmap area add`",
            f"rijen voor het gebied van het programma (namen en codes: {names}); voeg de naam of code "
            "die dit bestand gebruikt toe aan het programma",
            f"des lignes pour la zone du programme (ses noms et codes : {names}) ; ajoutez au programme le nom ou "
            "le code que ce fichier utilise"))])
    report.area_rows_kept = int(keep.sum())
    others = np.array([str(x) for x in frame[column].to_numpy(dtype=object)[~keep]], dtype=object)
    unknown = np.array([fold(x) in profile.unknown_areas for x in others], dtype=bool)
    report.leave_out(Bilingual("with no known area", "zonder gekend gebied",
                               "sans zone connue"), list(others[unknown]), int(unknown.sum()))
    report.leave_out(Bilingual("other areas", "andere gebieden",
                               "autres zones"), list(others[~unknown]), int((~unknown).sum()))
    return keep


def _is_ours(value, area_keys: set[str]) -> bool:
    key = fold(str(value))
    return bool(key) and (key in area_keys or (key.isdigit() and key.lstrip("0") in area_keys))


def tile_rows(profile: Profile, frame: pd.DataFrame, raw: RawTable, report: ProfileReport) -> np.ndarray:
    keep = np.ones(len(frame), dtype=bool)
    by_fold = {fold(c): c for c in raw.columns}
    for rule in profile.keep:
        column = by_fold.get(fold(rule.column))
        if column is None:
            raise UserError(Bilingual(
                f"{raw.file_name} lacks the column {rule.column} that profile {profile.name!r} filters on",
                f"{raw.file_name} mist de kolom {rule.column} waarop profiel {profile.name!r} filtert",
                f"il manque à {raw.file_name} la colonne {rule.column} sur laquelle le profil {profile.name!r} filtre"))
        cells = frame[column].to_numpy(dtype=object)
        ok = np.array([fold(str(c)) in rule.values for c in cells], dtype=bool)
        report.leave_out(Bilingual(f"other values of {column!r} (another tile or table)",
                                   f"andere waarden van {column!r} (een andere tegel of tabel)",
                                   f"autres valeurs de {column!r} (une autre vignette ou un autre tableau)"), list(cells[keep & ~ok]), int((keep & ~ok).sum()))
        keep &= ok
    return keep


def measured_rows(profile: Profile, frame: pd.DataFrame, columns: dict[str, str], lines: np.ndarray,
                   raw: RawTable, report: ProfileReport) -> np.ndarray:
    column = columns.get("measured")
    if column is None:
        return np.ones(len(frame), dtype=bool)
    folded = np.array([fold(str(c)) for c in frame[column]], dtype=object)
    planned = np.isin(folded, list(profile.planned))
    keep = np.isin(folded, list(profile.measured | profile.also_keep))
    unknown = np.flatnonzero(~planned & ~keep)
    if len(unknown):
        expected = ", ".join(sorted(profile.measured | profile.planned | profile.also_keep))
        raise ValidationFailed([Problem(raw.file_name, int(lines[i]), column, str(frame[column].iloc[i]), Bilingual(
            f"a measured or planned marker this profile knows ({expected})",
            f"een aanduiding gemeten of gepland die dit profiel kent ({expected})",
            f"une mention mesuré ou prévu que ce profil connaît ({expected})")) for i in unknown[:20]])
    label = columns.get("label")
    period = columns.get("period")
    examples = [" ".join(str(frame[c].iloc[i]) for c in (period, label) if c) for i in np.flatnonzero(planned)]
    report.planned_rows += int(planned.sum())
    report.leave_out(Bilingual("planned, not measured (never stored as measurements)",
                               "gepland, niet gemeten (nooit bewaard als meting)",
                               "prévues, pas mesurées (jamais enregistrées comme mesures)"), examples, int(planned.sum()))
    return keep
