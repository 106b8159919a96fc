"""What every loader takes (options) and returns (result): the same shape for every import kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipelines.errors import Bilingual, in_language, number_text, plural
from pipelines.vocab import sector_label

if TYPE_CHECKING:  # the loader's table type; read.py imports this module's options
    from pipelines.raw_table import RawTable


@dataclass(frozen=True)
class LoadOptions:
    decimal: str | None = None  # ',' or '.'; None = detect per file (error when ambiguous)
    separator: str | None = None  # None = detect (',' ';' or tab)
    encoding: str | None = None  # None = detect (UTF-8 with/without BOM, else cp1252)
    mapping: Path | None = None  # CSV: source label -> indicator, sector or unit
    dry_run: bool = False  # validate and diff, write nothing
    new_indicators: bool = False  # allow an indicators file to define indicators it names
    user: str = "cli"  # who imports (a login name, or 'cli')
    source: str | None = None  # default source when the file has no source column
    # Let a big indicators file be checked in a forked second process (parallel_check.py): the
    # command line says yes; a web server, with its own processes and threads, does not.
    may_fork: bool = False
    profile: str | None = None  # import profile to apply (pipelines/profiles); None = recognise one
    # The file's own missing-value markers (--missing-marker, e.g. '-1'): stored as missing, the
    # marker kept as the missing key.
    missing_markers: tuple[str, ...] = ()
    # Add up several rows for one indicator and period (direct + indirect, sub-sectors mapped to
    # one sector) instead of refusing them as duplicates (--add-up).
    add_up: bool = False
    # Keep the file's planned rows as a target set of this name (its milestones in t CO2e, the
    # last planned year its target), written with the load, all or nothing.
    planned_as_target_set: str | None = None
    # The planned rows an import profile took out of the file, in the loader's long shape
    # (pipelines/profiles/__init__.py), when planned_as_target_set asks for them.
    planned_rows: RawTable | None = field(default=None, compare=False, repr=False)
    # Today, for "no measurement for a period to come"; None = pipelines/clock.py (the system
    # date, or ROADMAP_TODAY). Tests set it so that they do not break on 1 January.
    today: date | None = field(default=None, compare=False)
    # Told once (with a Bilingual text) when the import waits for another writer of the programme.
    on_wait: Callable[[str], None] | None = field(default=None, compare=False, repr=False)


@dataclass
class LoadResult:
    kind: str  # indicators | partners | commitments
    file_name: str
    sha256: str
    rows_in_file: int = 0
    added: int = 0
    superseded: int = 0  # existing values replaced by corrected ones (kept as history)
    unchanged: int = 0
    skipped: int = 0  # e.g. rows of other areas in a multi-area file
    batch_id: int | None = None  # None for a dry run or when nothing changed
    already_loaded_as: int | None = None  # batch id when this exact file was loaded before
    dry_run: bool = False
    detected: dict = field(default_factory=dict)  # separator, decimal, encoding, layout, units
    warnings: list[str] = field(default_factory=list)  # e.g. a total that does not add up
    # Rows of the file not stored as measurements: planned (a 'type' column saying planned).
    planned_left_out: int = 0
    planned_years: list[int] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # columns the loader did not read
    # The indicators the file defines (--new-indicators), or would define in a dry run: code →
    # {name_nl, name_en, name_fr}, so a preview names them as the stored ones are named.
    defined_indicators: dict[str, dict] = field(default_factory=dict)
    added_up: int = 0  # rows added up into another row's value (--add-up)
    # Planned rows left out that could be kept as a target set (--planned-as-target-set NAME),
    # by the loader or by an import profile; 0 once they are kept.
    planned_offer: int = 0
    # The target set the planned rows became (or would become, in a dry run): {name, id,
    # baseline_year, target_year, target_t, milestones: [{year, value_t}], from_sectors: [years]}.
    planned_target_set: dict | None = None
    # A dry run's years whose total the file would make incomplete: [{year, missing: [sector codes]}]
    # (pipelines/load/completeness.py), warned about before anything is confirmed.
    incomplete_years: list[dict] = field(default_factory=list)
    # One row per stored row with a 'change' column: new | superseded | unchanged
    # (and 'old_value' for superseded); what the upload page shows as the diff.
    diff: pd.DataFrame | None = None

    @property
    def changed(self) -> bool:
        return self.added + self.superseded > 0

    def summary(self) -> Bilingual:
        """One line: what the load did (or, dry, would do), in every language (English as scripts read it)."""
        name = self.file_name
        if self.already_loaded_as is not None:
            batch = self.already_loaded_as
            return Bilingual(f"{name} was already loaded as batch {batch}; nothing added.",
                             f"{name} werd al geladen als import {batch}; er is niets toegevoegd.",
                             f"{name} a déjà été chargé comme import {batch} ; rien n'a été ajouté.") + self._target_set_text()
        text = Bilingual(f"{name}: ", f"{name}: ", f"{name} : ") + _counts(self.added, self.superseded, self.unchanged,
                                                                         self.dry_run)
        if self.skipped:
            text += _skipped(self.skipped, self.detected.get("area_column"))
        if self.planned_left_out:
            text += _planned_left_out(self.planned_left_out, ", ".join(map(str, self.planned_years)))
        if self.added_up:
            text += plural(self.added_up,
                           Bilingual(f", {self.added_up} row(s) added up into others",
                                     f", {self.added_up} rij opgeteld bij andere",
                                     f", {self.added_up} ligne additionnée à d'autres"),
                           Bilingual(f", {self.added_up} row(s) added up into others",
                                     f", {self.added_up} rijen opgeteld bij andere",
                                     f", {self.added_up} lignes additionnées à d'autres"))
        if self.batch_id is not None:
            text += Bilingual(f" (batch {self.batch_id})", f" (import {self.batch_id})", f" (import {self.batch_id})")
        elif not self.dry_run and not self.changed:
            text += Bilingual("; nothing changed, no batch recorded", "; er is niets veranderd, geen import vastgelegd",
                              " ; rien n'a changé, aucun import enregistré")
        return text + Bilingual(".", ".", ".") + self._target_set_text()

    def _target_set_text(self) -> Bilingual:
        kept = self.planned_target_set
        if not kept:
            return Bilingual("", "", "")
        verb = (Bilingual("would keep", "zouden bewaard worden", "seraient conservées") if self.dry_run
                else Bilingual("kept", "bewaard", "conservées"))
        name, baseline, target = repr(kept["name"]), kept["baseline_year"], kept["target_year"]
        target_t = number_text(kept["target_t"], ",.0f")
        milestones = [(m["year"], number_text(m["value_t"], ",.0f")) for m in kept["milestones"]]
        text = Bilingual(f" Planned rows {verb} as target set {name}: baseline {baseline}, target {target} {target_t} t CO2e",
                         f" Geplande rijen {verb.nl} als doelstelling {name}: basisjaar {baseline}, doel {target} "
                         f"{target_t.nl} t CO2e",
                         f" Lignes prévues {verb.fr} comme ensemble d'objectifs {name} : année de référence {baseline}, "
                         f"objectif {target} {target_t.fr} t CO2e")
        if milestones:
            en, nl, fr = (", ".join(f"{year} {value} t" for year, value in ((y, pick(v)) for y, v in milestones))
                          for pick in (str, lambda v: v.nl, lambda v: v.fr))
            text += Bilingual(f", milestones {en}", f", tussendoelen {nl}", f", jalons {fr}")
        return text + _sector_targets_text(kept) + Bilingual(".", ".", ".")


def _sector_targets_text(kept: dict) -> Bilingual:
    """'; own targets of 4 sectors in 2035 (Residential buildings 0 t, …), 4 sector milestones'."""
    targets = kept.get("sector_targets") or []
    if not targets:
        return Bilingual("", "", "")
    year, count, steps = kept["target_year"], len(targets), len(kept.get("sector_milestones") or [])

    def listed(lang: str) -> str:
        return ", ".join(f"{sector_label(t['sector'], lang)} {in_language(number_text(t['value_t'], ',.0f'), lang)} t"
                         for t in targets)

    return Bilingual(f"; own targets of {count} sector(s) in {year} ({listed('en')}), {steps} sector milestone(s)",
                     f"; eigen doelen van {count} sector(en) in {year} ({listed('nl')}), {steps} sectortussendoel(en)",
                     f" ; objectifs propres de {count} secteur(s) en {year} ({listed('fr')}), {steps} jalon(s) sectoriel(s)")


def _counts(added: int, superseded: int, unchanged: int, dry_run: bool) -> Bilingual:
    """'added 3, superseded 0, unchanged 1' (or 'would add 3, …'), French agreeing with each count."""
    if dry_run:
        text = Bilingual(f"would add {added}", f"{added} toe te voegen", f"{added} à ajouter")
    else:
        text = plural(added, Bilingual(f"added {added}", f"{added} toegevoegd", f"{added} ajoutée"),
                      Bilingual(f"added {added}", f"{added} toegevoegd", f"{added} ajoutées"))
    return (text
            + plural(superseded, Bilingual(f", superseded {superseded}", f", {superseded} vervangen", f", {superseded} remplacée"),
                     Bilingual(f", superseded {superseded}", f", {superseded} vervangen", f", {superseded} remplacées"))
            + plural(unchanged, Bilingual(f", unchanged {unchanged}", f", {unchanged} ongewijzigd", f", {unchanged} inchangée"),
                     Bilingual(f", unchanged {unchanged}", f", {unchanged} ongewijzigd", f", {unchanged} inchangées")))


def _skipped(skipped: int, column: str | None) -> Bilingual:
    if column:
        where = repr(column)
        return plural(skipped,
                      Bilingual(f", skipped {skipped} (other areas, areas in column {where})",
                                f", {skipped} overgeslagen (andere gebieden, gebieden in kolom {where})",
                                f", {skipped} ignorée (autres zones, zones dans la colonne {where})"),
                      Bilingual(f", skipped {skipped} (other areas, areas in column {where})",
                                f", {skipped} overgeslagen (andere gebieden, gebieden in kolom {where})",
                                f", {skipped} ignorées (autres zones, zones dans la colonne {where})"))
    return plural(skipped,
                  Bilingual(f", skipped {skipped} (other areas)", f", {skipped} overgeslagen (andere gebieden)",
                            f", {skipped} ignorée (autres zones)"),
                  Bilingual(f", skipped {skipped} (other areas)", f", {skipped} overgeslagen (andere gebieden)",
                            f", {skipped} ignorées (autres zones)"))


def _planned_left_out(rows: int, years: str) -> Bilingual:
    return plural(rows,
                  Bilingual(f", left out {rows} planned row(s) ({years})", f", {rows} geplande rij weggelaten ({years})",
                            f", {rows} ligne prévue laissée de côté ({years})"),
                  Bilingual(f", left out {rows} planned row(s) ({years})", f", {rows} geplande rijen weggelaten ({years})",
                            f", {rows} lignes prévues laissées de côté ({years})"))
