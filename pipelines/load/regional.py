"""A file covering many areas (Klimaatmonitor's 352 municipalities) into one programme per area.

The file's import profile names its area column. Every area gets the programme whose names
or codes include it, or a new one (slug from the name, baseline the file's first year, a
target set only when one is asked for). The whole file is one transaction: each programme
gets its own batch (undone as any other) and its derived tables rebuilt, and a problem in any
area's rows imports nothing at all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, delete, exists, select

from pipelines import db
from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed, plural
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.programme_areas import area_keys
from pipelines.programme_registry import free_slug
from pipelines.programmes import ProgrammeSpec, add_programme
from pipelines.read import RawTable, fold
from pipelines.schema import Commitment, ImportBatch, Partner, Programme, ProgrammeArea, Theme

DEFAULT_TARGET_YEAR = 2050  # the Dutch Klimaatwet's and the EU's climate-neutrality year


@dataclass(frozen=True)
class NewProgrammes:
    """What a programme created by a regional load starts with."""

    target_year: int = DEFAULT_TARGET_YEAR
    baseline_year: int | None = None  # None: the first year in the file
    target_residual_pct: float | None = None  # None: no target set (add one with `roadmap target add`)


@dataclass
class RegionalResult:
    file_name: str
    results: dict[str, LoadResult] = field(default_factory=dict)  # slug → that programme's load
    created: list[str] = field(default_factory=list)
    no_known_area: list[str] = field(default_factory=list)  # area cells like 'Gemeente onbekend'
    rows_without_area: int = 0
    removed_placeholder: str | None = None
    dry_run: bool = False
    seconds: float = 0.0

    def summary(self) -> Bilingual:
        """One line: the areas and programmes loaded (or, dry, that would be), in every language."""
        added = sum(r.added for r in self.results.values())
        superseded = sum(r.superseded for r in self.results.values())
        batches = sum(r.batch_id is not None for r in self.results.values())
        text = (_areas_loaded(self.file_name, len(self.results), self.dry_run) + _created(len(self.created))
                + _totals(added, superseded, batches))
        again = sum(r.already_loaded_as is not None for r in self.results.values())
        if again:
            text += plural(again, Bilingual(f"; {again} programme(s) had this file loaded already",
                                            f"; {again} programma had dit bestand al geladen",
                                            f" ; {again} programme avait déjà chargé ce fichier"),
                           Bilingual(f"; {again} programme(s) had this file loaded already",
                                     f"; {again} programma's hadden dit bestand al geladen",
                                     f" ; {again} programmes avaient déjà chargé ce fichier"))
        if self.no_known_area:
            unknown = ", ".join(self.no_known_area)
            text += Bilingual(f"; left out, no known area: {unknown}", f"; weggelaten, geen bekend gebied: {unknown}",
                              f" ; laissé de côté, aucune zone connue : {unknown}")
        if self.rows_without_area:
            text += _rows_without_area(self.rows_without_area)
        if self.removed_placeholder:
            empty = self.removed_placeholder
            text += Bilingual(f"; the empty programme '{empty}' that `roadmap init` made "
                              "(no area, no data) was replaced by the file's areas",
                              f"; het lege programma '{empty}' dat `roadmap init` aanmaakte "
                              "(geen gebied, geen gegevens) is vervangen door de gebieden van het bestand",
                              f" ; le programme vide « {empty} » créé par `roadmap init` "
                              "(sans zone ni données) a été remplacé par les zones du fichier")
        seconds = f"{self.seconds:.1f}"
        return text + Bilingual(f" ({seconds} s).", f" ({seconds} s).", f" ({seconds} s).")


def _areas_loaded(name: str, areas: int, dry_run: bool) -> Bilingual:
    if dry_run:
        return plural(areas, Bilingual(f"{name}: would load {areas} area(s) into {areas} programme(s)",
                                       f"{name}: zou {areas} gebied laden in {areas} programma",
                                       f"{name} : chargerait {areas} zone dans {areas} programme"),
                      Bilingual(f"{name}: would load {areas} area(s) into {areas} programme(s)",
                                f"{name}: zou {areas} gebieden laden in {areas} programma's",
                                f"{name} : chargerait {areas} zones dans {areas} programmes"))
    return plural(areas, Bilingual(f"{name}: loaded {areas} area(s) into {areas} programme(s)",
                                   f"{name}: {areas} gebied geladen in {areas} programma",
                                   f"{name} : {areas} zone chargée dans {areas} programme"),
                  Bilingual(f"{name}: loaded {areas} area(s) into {areas} programme(s)",
                            f"{name}: {areas} gebieden geladen in {areas} programma's",
                            f"{name} : {areas} zones chargées dans {areas} programmes"))


def _created(created: int) -> Bilingual:
    return plural(created, Bilingual(f" ({created} new)", f" ({created} nieuw)", f" ({created} nouveau)"),
                  Bilingual(f" ({created} new)", f" ({created} nieuw)", f" ({created} nouveaux)"))


def _totals(added: int, superseded: int, batches: int) -> Bilingual:
    return (plural(added, Bilingual(f": added {added}", f": {added} toegevoegd", f" : {added} ajoutée"),
                   Bilingual(f": added {added}", f": {added} toegevoegd", f" : {added} ajoutées"))
            + plural(superseded, Bilingual(f", superseded {superseded}", f", {superseded} vervangen",
                                           f", {superseded} remplacée"),
                     Bilingual(f", superseded {superseded}", f", {superseded} vervangen", f", {superseded} remplacées"))
            + plural(batches, Bilingual(f", in {batches} batch(es)", f", in {batches} import", f", en {batches} import"),
                     Bilingual(f", in {batches} batch(es)", f", in {batches} imports", f", en {batches} imports")))


def _rows_without_area(rows: int) -> Bilingual:
    return plural(rows, Bilingual(f"; {rows} row(s) without an area left out", f"; {rows} rij zonder gebied weggelaten",
                                  f" ; {rows} ligne sans zone laissée de côté"),
                  Bilingual(f"; {rows} row(s) without an area left out", f"; {rows} rijen zonder gebied weggelaten",
                            f" ; {rows} lignes sans zone laissées de côté"))


class _DryRun(Exception):
    """Unwinds the whole transaction of a dry run."""


def load_all_areas(engine: Engine, raw: RawTable, options: LoadOptions,
                   new: NewProgrammes = NewProgrammes()) -> RegionalResult:
    """Load `raw` into one programme per area; see the module docstring."""
    from pipelines.profiles import apply_for_areas, choose_profile

    start = time.perf_counter()
    with engine.connect() as conn:
        chosen = choose_profile(conn, raw, options)
    if chosen is None or not chosen[0].columns.get("area"):
        raise UserError(Bilingual(
            f"{raw.file_name}: --all-areas needs a file an import profile reads with an area column "
            "(e.g. Klimaatmonitor's municipal export); name one with --profile",
            f"{raw.file_name}: alle gebieden laden kan alleen met een bestand dat een importprofiel "
            "met een gebiedskolom leest (bv. de gemeente-export van de Klimaatmonitor)",
            f"{raw.file_name} : charger toutes les zones n'est possible qu'avec un fichier qu'un profil d'import "
            "lit avec une colonne de zone (p. ex. l'export communal du Klimaatmonitor)"))
    profile, chosen_by = chosen
    result = RegionalResult(raw.file_name, dry_run=options.dry_run)
    column, areas = _areas(raw, profile, result)
    # The profile applied once to every area's rows, then cut per area (not 352 passes).
    table, area_options = apply_for_areas(profile, chosen_by, raw, options, {fold(a) for a in areas})
    per_area = _split(table, _area_of_line(raw, column))
    spec_for = _spec_maker(new, new.baseline_year or _first_year(table))
    problems: list[Problem] = []
    try:
        with db.writing(engine) as conn:
            result.removed_placeholder = _remove_placeholder(conn)
            programmes, taken = _programmes_by_area(conn)
            for area in areas:
                part = per_area.get(fold(area))
                if part is None:  # none of its rows holds a value the profile takes
                    continue
                programme_id = programmes.get(fold(area))
                if programme_id is None:
                    spec = spec_for(area, free_slug(area, set(taken)))
                    programme_id = add_programme(conn, spec)
                    taken[spec.slug] = programme_id
                    result.created.append(spec.slug)
                slug = next(s for s, p in taken.items() if p == programme_id)
                try:
                    result.results[slug] = _load_area(conn, programme_id, part, area_options)
                except ValidationFailed as exc:
                    problems.extend(exc.problems)
            if problems:
                raise ValidationFailed(problems)
            if options.dry_run:
                raise _DryRun
    except _DryRun:
        pass
    result.seconds = time.perf_counter() - start
    return result


def _load_area(conn: Connection, programme_id: int, table: RawTable, options: LoadOptions) -> LoadResult:
    from pipelines.load.indicators import load_in

    return load_in(conn, programme_id, table, options)


def _areas(raw: RawTable, profile, result: RegionalResult) -> tuple[str, list[str]]:
    """The area column, and the file's areas in file order (each once); cells of no known area
    are listed apart."""
    by_fold = {fold(c): c for c in raw.columns}
    column = by_fold.get(fold(profile.columns["area"]))
    if column is None:
        raise UserError(Bilingual(f"{raw.file_name}: no column {profile.columns['area']!r} with the areas",
                                  f"{raw.file_name}: geen kolom {profile.columns['area']!r} met de gebieden",
                                  f"{raw.file_name} : pas de colonne {profile.columns['area']!r} avec les zones"))
    cells = [str(c).strip() for c in raw.frame[column].to_numpy(dtype=object)]
    result.rows_without_area = sum(not c for c in cells)
    named = [c for c in pd.unique(pd.Series(cells, dtype=object)) if c]
    result.no_known_area = [c for c in named if fold(c) in profile.unknown_areas]
    areas = [c for c in named if fold(c) not in profile.unknown_areas]
    repeated = _same_after_folding(areas)
    if repeated:
        raise UserError(Bilingual(f"{raw.file_name}: column {column!r} names one area twice: {repeated}",
                                  f"{raw.file_name}: kolom {column!r} noemt één gebied twee keer: {repeated}",
                                  f"{raw.file_name} : la colonne {column!r} nomme deux fois la même zone : {repeated}"))
    return column, areas


def _same_after_folding(areas: list[str]) -> str | None:
    seen: dict[str, str] = {}
    for area in areas:
        if fold(area) in seen:
            return f"{seen[fold(area)]!r} / {area!r}"
        seen[fold(area)] = area
    return None


def _area_of_line(raw: RawTable, column: str) -> dict[int, str]:
    """File line → the folded area of that line."""
    cells = raw.frame[column].to_numpy(dtype=object)
    return {int(line): fold(str(cell)) for line, cell in zip(raw.line_numbers, cells, strict=True)}


def _split(table: RawTable, area_of_line: dict[int, str]) -> dict[str, RawTable]:
    """The profile's long table cut into one table per area (each keeping its file lines)."""
    lines = np.asarray(table.line_numbers, dtype=np.int64)
    areas = np.array([area_of_line[int(line)] for line in lines], dtype=object)
    out = {}
    for area in pd.unique(areas):
        mask = areas == area
        frame = table.frame[mask].reset_index(drop=True)
        detected = dict(table.detected, size_bytes=len(frame) * 40)
        part = RawTable(table.file_name, table.sha256, list(table.columns), detected, lambda _n: iter(()))
        part.__dict__["frame"] = frame
        part.__dict__["line_numbers"] = [int(x) for x in lines[mask]]
        out[area] = part
    return out


def _first_year(table: RawTable) -> int:
    """The first year with values in the file (the new programmes' baseline)."""
    years = [int(p[:4]) for p in table.frame["period"] if str(p)[:4].isdigit()]
    if not years:
        raise UserError(Bilingual(f"{table.file_name}: no year in the file",
                                  f"{table.file_name}: geen jaar in het bestand",
                                  f"{table.file_name} : pas d'année dans le fichier"))
    return min(years)


def _spec_maker(new: NewProgrammes, baseline: int):
    target_year = max(new.target_year, baseline + 1)

    def spec(area: str, slug: str) -> ProgrammeSpec:
        return ProgrammeSpec(slug=slug, name=area, baseline_year=baseline, target_year=target_year,
                             area_name=area[:200], target_residual_pct=new.target_residual_pct)

    return spec


def _programmes_by_area(conn: Connection) -> tuple[dict[str, int], dict[str, int]]:
    """(folded area name or code → programme id, slug → programme id) of the existing programmes."""
    by_area: dict[str, int] = {}
    slugs = dict(conn.execute(select(Programme.slug, Programme.id)).all())
    for programme_id in slugs.values():
        for key in area_keys(conn, programme_id):
            by_area.setdefault(key, programme_id)
    return by_area, slugs


def _remove_placeholder(conn: Connection) -> str | None:
    """The one programme `roadmap init` made on an empty database (no area, nothing loaded) is
    replaced by the file's areas: it would otherwise stay as an empty 353rd programme."""
    rows = conn.execute(select(Programme.id, Programme.slug, Programme.area_name, Programme.area_code)).all()
    if len(rows) != 1 or rows[0].area_name or rows[0].area_code:
        return None
    pid = rows[0].id
    for table in (ProgrammeArea, ImportBatch, Partner, Commitment, Theme):
        if conn.scalar(select(exists().where(table.programme_id == pid))):
            return None
    db.lock_programme(conn, pid)
    conn.execute(delete(Programme).where(Programme.id == pid))
    return rows[0].slug


def load_all_areas_file(engine: Engine, source: Path | bytes, options: LoadOptions, file_name: str | None = None,
                        new: NewProgrammes = NewProgrammes()) -> RegionalResult:
    """Read `source` (a path or an upload's bytes) and `load_all_areas` it."""
    from pipelines.load import _read

    return load_all_areas(engine, _read(source, "indicators", file_name, options), options, new)
