"""Keyed rows (partners, commitments): read and check every cell, diff against the database, store."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from pipelines.audit import change_row, record_changes, same_value
from pipelines.batches import finish_batch, previous_load, start_batch
from pipelines.errors import Bilingual, Problem, ValidationFailed, columns_left_out
from pipelines.load.record_fields import CellError, clean_story, clean_text, match_key, to_text
from pipelines.load.record_specs import FieldSpec, Lookups
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.mapping import read_mapping
from pipelines.numbers import detect_decimal
from pipelines.read import RawTable, match_columns
from pipelines.schema import utcnow
from pipelines.unit_of_work import programme_write

# (canonical column, value as found, what was expected)
# (column, value, expected), or with a 4th: Problem.code
RowProblem = tuple[str, str | None, str] | tuple[str, str | None, str, str | None]
REQUIRED = Bilingual("a value (this column is required)", "een waarde (deze kolom is verplicht)",
                     "une valeur (cette colonne est obligatoire)")
_EACH_NL = {"partner": "elke partner", "commitment": "elk engagement"}
_EACH_FR = {"partner": "chaque partenaire", "commitment": "chaque engagement"}


@dataclass(frozen=True)
class RecordKind:
    """What differs between partners and commitments; the rest of the pipeline is shared."""

    kind: str  # import kind: partners | commitments
    entity: str  # audit-log entity: partner | commitment
    model: type[Any]  # a mapped class of pipelines.schema
    fields: tuple[FieldSpec, ...]
    aliases: Mapping[str, tuple[str, ...]]
    key_attrs: tuple[str, ...]  # what identifies a row within the programme
    key_column: str  # the column a duplicate is reported in
    label: Callable[[Mapping[Any, Any]], str]  # how a row is named in the diff
    # Checks across the cells of one row; may also complete its values (e.g. apply the unit).
    check_row: Callable[[dict[str, object], Lookups], list[RowProblem]] | None = None
    # Problems with the header as a whole (e.g. a unit in a column name), given the columns found.
    check_columns: Callable[[Mapping[str, str], RawTable], list[Problem]] | None = None
    # Warnings about a valid file as a whole (e.g. commitments without any figure).
    warn: Callable[[list[Record]], list[str]] | None = None

    def spec(self, column: str) -> FieldSpec:
        return next(f for f in self.fields if f.column == column)


@dataclass
class Record:
    line: int  # line in the file
    values: dict[str, object]  # attribute -> value, for the columns the file has
    key: tuple
    label: str
    existing_id: int | None = None
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)

    @property
    def change(self) -> str:
        if self.existing_id is None:
            return "new"
        return "superseded" if self.changes else "unchanged"


def row_key(kind: RecordKind, values: Mapping[Any, Any]) -> tuple:
    return tuple(match_key(v) if isinstance(v, str) else v for v in (values[a] for a in kind.key_attrs))


def read_records(
    kind: RecordKind, frame: pd.DataFrame, lines: list[int], columns: Mapping[str, str],
    file_name: str, lookups: Lookups,
) -> list[Record]:
    """Every row of the file as a Record; every problem of every row at once (ValidationFailed).

    `columns` maps canonical column names to the file's headers.
    """
    known = {f.column: f for f in kind.fields}
    cells = {c: frame[h].tolist() for c, h in columns.items() if c in known}
    cleaners = {c: clean_story if known[c].story else clean_text for c in cells}
    records: list[Record] = []
    problems: list[Problem] = []
    first_line: dict[tuple, int] = {}
    for i, line in enumerate(lines):
        row = {c: cleaners[c](values[i]) for c, values in cells.items()}
        if all(v is None for v in row.values()):
            continue  # blank spreadsheet rows carry nothing
        values, found = _read_row(kind, row, lookups)
        problems += [Problem(file_name, line, columns[p[0]], p[1], p[2], p[3] if len(p) > 3 else None)
                     for p in found]
        if any(values.get(a) is None for a in kind.key_attrs):
            continue
        key = row_key(kind, values)
        if key in first_line:
            problems.append(
                Problem(file_name, line, columns[kind.key_column], row[kind.key_column],
                        Bilingual(f"each {kind.entity} once in the file (already on row {first_line[key]})",
                                  f"{_EACH_NL[kind.entity]} één keer in het bestand (al op rij {first_line[key]})",
                                  f"{_EACH_FR[kind.entity]} une seule fois dans le fichier (déjà à la ligne {first_line[key]})"))
            )
            continue
        first_line[key] = line
        if not found:
            records.append(Record(line, values, key, kind.label({**row, **values})))
    if problems:
        raise ValidationFailed(problems)
    return records


def _read_row(
    kind: RecordKind, row: Mapping[str, str | None], lookups: Lookups
) -> tuple[dict[str, object], list[RowProblem]]:
    values: dict[str, object] = {}
    found: list[RowProblem] = []
    for column, text in row.items():
        spec = kind.spec(column)
        if text is None:
            if spec.required:
                found.append((column, None, REQUIRED))
            elif spec.nullable:
                values[spec.attr or column] = None
            continue
        try:
            values[spec.attr or column] = spec.parse(lookups, text)
        except CellError as exc:
            found.append((column, text, exc.expected, exc.code))
    if not found and kind.check_row is not None:
        found = kind.check_row(values, lookups)
    return values, found


def classify(conn: Connection, kind: RecordKind, programme_id: int, records: list[Record]) -> None:
    """Mark each record new, superseded (with its field changes) or unchanged."""
    model = kind.model
    table_columns = model.__table__.c
    existing = {
        row_key(kind, row._mapping): row
        for row in conn.execute(select(*table_columns).where(model.programme_id == programme_id))
    }
    for record in records:
        row = existing.get(record.key)
        if row is None:
            continue
        record.existing_id = row.id
        record.changes = {
            attr: (row._mapping[attr], new)
            for attr, new in record.values.items()
            if attr in table_columns and not same_value(row._mapping[attr], new)
        }


def store(
    conn: Connection, kind: RecordKind, programme_id: int, records: list[Record],
    batch_id: int, user: str,
) -> None:
    """Insert the new records and update the superseded ones, auditing every changed field.

    Statements are executed once per shape with many parameter sets: building one statement
    per row costs more than the database work (10,000 commitments: seconds instead of ~0.1 s).
    """
    model = kind.model
    stored = set(model.__table__.c.keys())
    new = [r for r in records if r.change == "new"]
    if new:
        attrs = sorted({a for r in new for a in r.values if a in stored})
        defaults = {f.attr: f.default for f in kind.fields if f.attr}
        conn.execute(insert(model), [
            {**{a: r.values.get(a, defaults.get(a)) for a in attrs},
             "programme_id": programme_id, "batch_id": batch_id}
            for r in new
        ])
    superseded = [r for r in records if r.change == "superseded"]
    stamp = {"updated_at": utcnow()} if "updated_at" in stored else {}
    by_shape: dict[tuple[str, ...], list[Record]] = {}
    for record in superseded:
        by_shape.setdefault(tuple(sorted(record.changes)), []).append(record)
    for shape, group in by_shape.items():
        statement = (
            update(model).where(model.id == bindparam("_id"))
            .values({**{a: bindparam(f"_{a}") for a in shape}, **stamp})
        )
        conn.execute(statement, [
            {"_id": r.existing_id, **{f"_{a}": r.changes[a][1] for a in shape}} for r in group
        ])
    record_changes(conn, [
        change_row(programme_id, kind.entity, cast(int, r.existing_id), attr, old, new_value, user, batch_id)
        for r in superseded for attr, (old, new_value) in r.changes.items()
    ])


def diff_frame(records: list[Record]) -> pd.DataFrame:
    """One row per record of the file: what the import would do with it (the upload page's diff)."""
    rows = []
    for r in records:
        rows.append({
            "line": r.line,
            "key": r.label,
            "change": r.change,
            "fields": ", ".join(r.changes),
            "old_value": "; ".join(f"{a}: {to_text(o) or ''}" for a, (o, _n) in r.changes.items()),
            "new_value": "; ".join(f"{a}: {to_text(n) or ''}" for a, (_o, n) in r.changes.items()),
        })
    columns = ["line", "key", "change", "fields", "old_value", "new_value"]
    return pd.DataFrame(rows, columns=columns)


def load_records(
    kind: RecordKind, engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions
) -> LoadResult:
    """Read → check → diff → store one partners or commitments file, in one transaction."""
    result = LoadResult(kind.kind, raw.file_name, raw.sha256, dry_run=options.dry_run,
                        detected=dict(raw.detected))
    columns = file_columns(kind, raw)
    if options.dry_run:
        with engine.connect() as conn:
            _check_and_diff(kind, conn, programme_id, raw, columns, options, result)
        return result
    # An import queues behind another as long as it takes (saying so), never fails for it.
    with programme_write(engine, programme_id, wait_s=None, on_wait=options.on_wait) as work:
        records = _check_and_diff(kind, work.conn, programme_id, raw, columns, options, result)
        if records is None or not result.changed:
            work.nothing_changed()
            return result
        result.batch_id = start_batch(work.conn, programme_id, kind.kind, raw, options)
        store(work.conn, kind, programme_id, records, result.batch_id, options.user)
        finish_batch(work.conn, result)
    return result


def _check_and_diff(
    kind: RecordKind, conn: Connection, programme_id: int, raw: RawTable, columns: dict[str, str],
    options: LoadOptions, result: LoadResult,
) -> list | None:
    """The file's records checked and compared with the database (None: this file was loaded)."""
    result.already_loaded_as = previous_load(conn, programme_id, kind.kind, raw.sha256)
    if result.already_loaded_as is not None:
        return None
    lookups = Lookups(conn, programme_id, options.decimal or _detect_decimal(kind, raw, columns))
    lookups.headers = columns
    lookups.mapping = read_mapping(options.mapping)
    result.detected["decimal"] = lookups.decimal
    records = read_records(kind, raw.frame, raw.line_numbers, columns, raw.file_name, lookups)
    classify(conn, kind, programme_id, records)
    result.rows_in_file = len(raw.frame)
    result.added = sum(r.change == "new" for r in records)
    result.superseded = sum(r.change == "superseded" for r in records)
    result.unchanged = sum(r.change == "unchanged" for r in records)
    result.diff = diff_frame(records)
    result.ignored_columns = [c for c in raw.columns if c not in columns.values()]
    if result.ignored_columns:
        result.warnings.append(columns_left_out(result.ignored_columns))
    if kind.warn is not None:
        result.warnings += kind.warn(records)
    return records


def file_columns(kind: RecordKind, raw: RawTable) -> dict[str, str]:
    """Canonical column → the file's header; every missing required column is a problem."""
    columns = match_columns(raw.columns, kind.aliases)
    header_line = raw.detected.get("header_line", 1)
    problems = [
        Problem(raw.file_name, header_line, None, None,
                Bilingual(f"a column '{f.column}' (headers accepted: {', '.join(kind.aliases[f.column])})",
                          f"een kolom '{f.column}' (aanvaarde kolomnamen: {', '.join(kind.aliases[f.column])})",
                          f"une colonne '{f.column}' (noms de colonne acceptés : {', '.join(kind.aliases[f.column])})"))
        for f in kind.fields if f.required and f.column not in columns
    ]
    if not problems and kind.check_columns is not None:
        problems = kind.check_columns(columns, raw)
    if problems:
        raise ValidationFailed(problems)
    return columns


def _detect_decimal(kind: RecordKind, raw: RawTable, columns: Mapping[str, str]) -> str | None:
    texts = (
        text.rstrip().removesuffix("%")
        for f in kind.fields if f.numeric and f.column in columns
        for text in raw.frame[columns[f.column]].tolist()
    )
    return detect_decimal(texts)

