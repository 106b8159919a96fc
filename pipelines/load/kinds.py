"""The registry of import kinds: each declares its loader, undo, column aliases and templates.

The CLI, the upload page, undo and the templates route all iterate over `IMPORT_KINDS`, so a new
kind is one module (its loader and undo) plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Engine

from pipelines.errors import Bilingual, UserError
from pipelines.load import commitments, indicators, partners
from pipelines.load.observation_undo import undo_observations
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.read import RawTable
from pipelines.vocab import COMMITMENT_COLUMNS, INDICATOR_COLUMNS, PARTNER_COLUMNS

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ImportKind:
    """One kind of file an analyst imports."""

    name: str
    # (engine, programme id, the file read, options, progress) → what was loaded
    load: Callable[[Engine, int, RawTable, LoadOptions, Progress | None], LoadResult]
    # (connection inside the undo's unit of work, the batch) → one line saying what was undone
    undo: Callable[[Connection, object], str]
    columns: Mapping[str, tuple[str, ...]]  # canonical column → the header names it is known by
    templates: tuple[str, ...]  # example files in data/templates


def _load_indicators(engine, programme_id, raw, options, progress):
    from pipelines.profiles import prepare

    raw, options = prepare(engine, programme_id, raw, options)  # an export's profile, if any
    return indicators.load(engine, programme_id, raw, options, progress=progress)


def _records_undone(module) -> Callable[[Connection, object], str]:
    def undo(conn: Connection, batch) -> str:
        module.undo(conn, batch)
        return Bilingual(f"{batch.kind} restored to before the import",
                         f"{batch.kind} teruggezet zoals vóór de import",
                         f"{batch.kind} rétabli(s) comme avant l'import")
    return undo


IMPORT_KINDS: dict[str, ImportKind] = {kind.name: kind for kind in (
    ImportKind("indicators", _load_indicators, undo_observations, INDICATOR_COLUMNS,
               ("indicators_long.csv", "indicators_wide.csv")),
    ImportKind("partners", lambda e, p, raw, o, _progress: partners.load(e, p, raw, o),
               _records_undone(partners), PARTNER_COLUMNS, ("partners.csv",)),
    ImportKind("commitments", lambda e, p, raw, o, _progress: commitments.load(e, p, raw, o),
               _records_undone(commitments), COMMITMENT_COLUMNS, ("commitments.csv",)),
)}


def import_kind(name: str) -> ImportKind:
    """The kind called `name`; a UserError naming the kinds there are otherwise."""
    try:
        return IMPORT_KINDS[name]
    except KeyError:
        kinds = ", ".join(IMPORT_KINDS)
        raise UserError(Bilingual(f"unknown import kind {name!r}: use one of {kinds}",
                                  f"onbekende soort import {name!r}: kies een van {kinds}",
                                  f"type d'import inconnu {name!r} : utilisez l'un de ceux-ci : {kinds}")) from None
