"""The mapping step for an export no profile knows: what to ask (columns, samples, best guesses),
a dry run with the analyst's choices, and saving them as a profile (who, when).

The upload page calls these; like the CLI it never builds or stores a profile itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Engine

from pipelines.errors import Bilingual, UserError, ValidationFailed
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.profiles.draft import draft_definition, guess_roles
from pipelines.read import RawTable, fold, read_table
from pipelines.vocab import (
    MEASURED_WORDS,
    PLANNED_WORDS,
    SECTOR_ALIASES,
    SECTORS,
    TOTAL,
    TOTAL_LABELS,
)

SAMPLE_ROWS = 2000  # rows read for samples and distinct values (the step is about the shape)
DISTINCT_SHOWN = 40  # distinct values offered per column (labels, measured/planned)
SAMPLES_SHOWN = 4
ROLES = ("label", "period", "period_header", "value", "unit", "area", "measured", "note", "ignore")
MARKER_KEY = "C"  # a declared marker means suppressed (confidential), as Klimaatmonitor's -1


@dataclass(frozen=True)
class MappingChoices:
    """What the analyst chose: role per column, target per label, markers, measured/planned values."""

    roles: dict[str, str]
    labels: dict[str, str] = field(default_factory=dict)  # label → sector code, 'total' or indicator code
    markers: tuple[str, ...] = ()
    measured: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class MappingStart:
    """What the step shows first: each column with sample values, distinct values and a guess."""

    columns: list[str]
    roles: dict[str, str]
    samples: dict[str, list[str]]
    distinct: dict[str, list[str]]


def read_export(data: bytes, file_name: str) -> RawTable:
    return read_table(data, file_name)


def start_mapping(data: bytes, file_name: str) -> MappingStart:
    """Columns, samples and the best guess of each column's role."""
    raw = read_export(data, file_name)
    first = next(raw.chunks(SAMPLE_ROWS), None)
    frame = None if first is None else first.frame
    distinct: dict[str, list[str]] = {}
    for column in raw.columns:
        values = [] if frame is None else frame[column].astype(str).str.strip()
        seen = list(dict.fromkeys(v for v in values if v))
        distinct[column] = seen[:DISTINCT_SHOWN]
    samples = {c: v[:SAMPLES_SHOWN] for c, v in distinct.items()}
    return MappingStart(list(raw.columns), guess_roles(raw), samples, distinct)


def guessed_choices(start: MappingStart) -> MappingChoices:
    """The choices the step opens with: the guessed roles, labels and measured/planned values."""
    def values_of(role: str) -> list[str]:
        return [v for c, r in start.roles.items() if r == role for v in start.distinct.get(c, [])]

    kinds = {v: guess_measured(v) for v in values_of("measured")}
    return MappingChoices(
        roles=dict(start.roles), labels={label: guess_label(label) for label in values_of("label")},
        measured=tuple(v for v, k in kinds.items() if k == "measured"),
        planned=tuple(v for v, k in kinds.items() if k == "planned"))


def guess_label(label: str) -> str:
    """A label's likely target: a sector code, 'total', or '' (the analyst says)."""
    folded = fold(label)
    if folded in {fold(t) for t in TOTAL_LABELS}:
        return TOTAL
    for sector in SECTORS:
        if folded in {fold(n) for n in (sector.code, sector.nl, sector.en, *SECTOR_ALIASES.get(sector.code, ()))}:
            return sector.code
    return ""


def guess_measured(value: str) -> str:
    """'measured', 'planned' or '' for a value of a measured/planned column."""
    folded = fold(value)
    return "measured" if folded in MEASURED_WORDS else "planned" if folded in PLANNED_WORDS else ""


def definition_of(name: str, raw: RawTable, choices: MappingChoices) -> dict:
    """The checked profile definition of the analyst's choices (UserError naming a bad field)."""
    roles = {c: r for c, r in choices.roles.items() if c in raw.columns and r in ROLES}
    labels = {label: _target(t) for label, t in choices.labels.items() if t.strip()}
    return draft_definition(
        _profile_name(name), raw, roles, labels, unit=choices.unit.strip(),
        markers={m: MARKER_KEY for m in choices.markers if m}, measured=choices.measured,
        planned=choices.planned, description="Saved from the upload page's mapping step")


def try_choices(engine: Engine, programme_id: int, data: bytes, file_name: str, choices: MappingChoices,
                decimal: str | None = None, user: str = "cli") -> LoadResult:
    """A dry run of the file read with the analyst's choices (nothing is written).
    Raises ValidationFailed (every problem) or UserError, as any load does."""
    from pipelines.load import indicators
    from pipelines.profiles.model import profile_from_definition
    from pipelines.profiles.transform import apply_profile
    from pipelines.programme_areas import area_keys

    raw = read_export(data, file_name)
    profile = profile_from_definition(definition_of("draft", raw, choices))
    with engine.connect() as conn:
        keys = area_keys(conn, programme_id)
    done = apply_profile(profile, raw, keys, "draft", decimal=decimal)
    done.table.detected["profile"] = done.report.as_dict()
    options = LoadOptions(decimal=decimal or done.decimal, dry_run=True, user=user)
    return indicators.load(engine, programme_id, done.table, options)


def save_choices(engine: Engine, programme_id: int, name: str, data: bytes, file_name: str,
                 choices: MappingChoices, user: str, decimal: str | None = None) -> str:
    """Store the choices as a profile (who and when) once the file loads with them; the next
    file of this export is recognised by its header. Returns the profile's name."""
    from pipelines.profiles.catalogue import save_profile

    definition = definition_of(name, read_export(data, file_name), choices)  # a bad name first
    try:
        try_choices(engine, programme_id, data, file_name, choices, decimal, user)
    except ValidationFailed as failed:
        # A saved profile recognises the export from then on: one that cannot read it would
        # keep the analyst from ever describing it again on the page.
        count = len(failed.problems)
        raise UserError(Bilingual(f"with these choices the file does not load yet ({count} problem(s))",
                                  f"met deze keuzes laadt het bestand nog niet ({count} probleem/problemen)",
                                  f"avec ces choix, le fichier ne se charge pas encore ({count} problème(s))")) from None
    return save_profile(engine, definition, user).name


def _target(target: str) -> str:
    """A typed target as a profile label rule's: 'sector:CODE', 'total' or 'indicator:CODE'."""
    target = target.strip()
    if target.lower() == TOTAL:
        return "total"
    if target.lower() in {s.code for s in SECTORS}:
        return f"sector:{target.lower()}"
    return f"indicator:{target}"


def _profile_name(name: str) -> str:
    """A profile name from what the analyst typed: lower case, spaces as '-' (the model checks it)."""
    return re.sub(r"\s+", "-", name.strip().lower())[:100]


def known_export(engine: Engine, data: bytes, file_name: str) -> bool:
    """Whether a saved or shipped profile recognises this file by its header."""
    from pipelines.profiles.recognise import recognised_definition

    raw = read_export(data, file_name)
    with engine.connect() as conn:
        return recognised_definition(conn, raw.columns, raw.detected.get("title_rows", [])) is not None
