"""What every loader takes (options) and returns (result): the same shape for every import kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

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

    def summary(self) -> str:
        if self.already_loaded_as is not None:
            return (
                f"{self.file_name} was already loaded as batch {self.already_loaded_as}; "
                "nothing added." + self._target_set_text()
            )
        verb = "would add" if self.dry_run else "added"
        text = (
            f"{self.file_name}: {verb} {self.added}, superseded {self.superseded}, "
            f"unchanged {self.unchanged}"
        )
        if self.skipped:
            column = self.detected.get("area_column")
            text += f", skipped {self.skipped} (other areas" + (f", areas in column {column!r})" if column else ")")
        if self.planned_left_out:
            years = ", ".join(map(str, self.planned_years))
            text += f", left out {self.planned_left_out} planned row(s) ({years})"
        if self.added_up:
            text += f", {self.added_up} row(s) added up into others"
        if self.batch_id is not None:
            text += f" (batch {self.batch_id})"
        elif not self.dry_run and not self.changed:
            text += "; nothing changed, no batch recorded"
        return text + "." + self._target_set_text()

    def _target_set_text(self) -> str:
        kept = self.planned_target_set
        if not kept:
            return ""
        verb = "would keep" if self.dry_run else "kept"
        milestones = ", ".join(f"{m['year']} {m['value_t']:,.0f} t" for m in kept["milestones"])
        return (f" Planned rows {verb} as target set {kept['name']!r}: baseline {kept['baseline_year']}, "
                f"target {kept['target_year']} {kept['target_t']:,.0f} t CO2e"
                + (f", milestones {milestones}" if milestones else "") + ".")
