"""Load a commitments file: what partners promise (a reduction or an indicator target), progress."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import cast

from sqlalchemy import Connection, Engine

from pipelines.errors import Bilingual, Problem, plural
from pipelines.load.record_fields import CellError
from pipelines.load.record_specs import COMMITMENT_FIELDS, Lookups, delivery_problems, tonnes_factor
from pipelines.load.record_undo import undo_records
from pipelines.load.records import Record, RecordKind, RowProblem, load_records
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.read import RawTable
from pipelines.schema import Commitment
from pipelines.vocab import COMMITMENT_COLUMNS

_HEADER_UNIT = re.compile(r"[\(\[](.*?)[\)\]]\s*$")


def _header_unit(columns: Mapping[str, str]) -> str | None:
    """The unit written in the reduction column's header, e.g. 'Reductie (kt CO2e/jaar)'."""
    found = _HEADER_UNIT.search(columns.get("reduction", ""))
    return found[1] if found else None


def _check_columns(columns: Mapping[str, str], raw: RawTable) -> list[Problem]:
    unit = _header_unit(columns)
    if unit is None:
        return []
    try:
        tonnes_factor(unit)
    except CellError as exc:
        line = raw.detected.get("header_line", 1)
        return [Problem(raw.file_name, line, columns["reduction"], unit, exc.expected)]
    return []


def _check_row(values: dict[str, object], lookups: Lookups) -> list[RowProblem]:
    """Apply the unit to the reduction; an indicator and its target value go together; a start
    year comes no later than the target year."""
    row_factor = values.pop("unit", None)
    header_unit = _header_unit(lookups.headers)
    factor = cast(float, row_factor) if row_factor else (tonnes_factor(header_unit) if header_unit else 1.0)
    reduction = values.get("reduction_t_per_year")
    if reduction is not None:  # parsed as a number by its field
        values["reduction_t_per_year"] = cast(float, reduction) * factor
    problems: list[RowProblem] = []
    indicator, target = values.get("indicator_id"), values.get("indicator_target")
    if indicator is not None and target is None:
        column = "indicator_target" if "indicator_target" in values else "indicator"
        expected = Bilingual("the indicator's target value (column 'indicator target' / 'doelwaarde')",
                             "de doelwaarde van de indicator (kolom 'doelwaarde' / 'indicator target')",
                             "la valeur cible de l'indicateur (colonne 'indicator target' / 'doelwaarde')")
        problems.append((column, None, expected))
    if target is not None and indicator is None:
        problems.append(("indicator" if "indicator_id" in values else "indicator_target", None,
                         Bilingual("the code of the indicator this target value is for (column 'indicator')",
                                   "de code van de indicator waarvoor deze doelwaarde geldt (kolom 'indicator')",
                                   "le code de l'indicateur auquel cette valeur cible se rapporte (colonne 'indicator')")))
    return problems + [(attr, value, expected) for attr, value, expected in delivery_problems(values)]


def _warn(records: list[Record]) -> list[str]:
    vague = [
        r.line for r in records
        if r.values.get("reduction_t_per_year") is None and r.values.get("indicator_id") is None
    ]
    if not vague:
        return []
    lines = ", ".join(map(str, vague[:10])) + (", ..." if len(vague) > 10 else "")
    count = len(vague)
    return [plural(count,
                   Bilingual(f"{count} commitment(s) have neither a reduction nor an indicator target (rows {lines})",
                             f"{count} engagement heeft geen reductie en geen indicatordoel (rijen {lines})",
                             f"{count} engagement n'a ni réduction ni objectif d'indicateur (lignes {lines})"),
                   Bilingual(f"{count} commitment(s) have neither a reduction nor an indicator target (rows {lines})",
                             f"{count} engagementen hebben geen reductie en geen indicatordoel (rijen {lines})",
                             f"{count} engagements n'ont ni réduction ni objectif d'indicateur (lignes {lines})"))]


COMMITMENTS = RecordKind(
    kind="commitments", entity="commitment", model=Commitment, fields=COMMITMENT_FIELDS,
    aliases=COMMITMENT_COLUMNS, key_attrs=("partner_id", "title"), key_column="title",
    label=lambda v: f"{v['partner']} / {v['title']}" if v.get("partner") else str(v["title"]),
    check_row=_check_row, check_columns=_check_columns, warn=_warn,
)


def load(engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions) -> LoadResult:
    """Add new commitments and update known ones (partner + title), auditing every changed field.

    Partners must already exist: a commitments file never adds them.
    """
    return load_records(COMMITMENTS, engine, programme_id, raw, options)


def undo(conn: Connection, batch) -> None:
    """Revert a commitments batch: restore changed fields, delete the commitments it added."""
    undo_records(conn, batch, COMMITMENTS)
