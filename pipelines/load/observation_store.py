"""Storing a file's observations fast, inside the import's transaction.

Values of indicators that have no current value yet are inserted straight into `observation`
(a first load of a big inventory is all new). Values of indicators that do have values go to a
temporary staging table first; one SQL pass then classifies each as new, unchanged or
superseded against the current values, and applies that. Rows go in through the raw DBAPI
cursor: `executemany` on SQLite, `COPY` on PostgreSQL. A load that is big compared with the
table looks up every current key in one query up front; on SQLite it also drops the observation
table's indexes and rebuilds them once (one sort instead of a million random B-tree inserts);
that DDL is part of the transaction, so a failed load rolls it back too.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Table, text

from pipelines.load.copy_text import copy_text
from pipelines.schema import Observation

COLUMNS = (
    "indicator_id", "period", "year", "month", "value", "missing_key", "original_value",
    "original_unit", "source", "note",
)
STAGING = "obs_staging"
BULK_ROWS = 100_000
SORT_CACHE_KIB = 65_536
ROWS_PER_STATEMENT = 500  # a load at least this big (and bigger than the table) rebuilds indexes


@dataclass
class StoreRows:
    """Validated rows of one chunk: numpy arrays per column, plus each row's key."""

    line: np.ndarray
    key: np.ndarray  # indicator_id * 32768 + year * 13 + month (0 for a year)
    columns: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.line)

    @property
    def names(self) -> tuple[str, ...]:
        """The columns these rows fill (a file without notes leaves 'note' to its default, NULL:
        one parameter fewer per stored row)."""
        return tuple(c for c in COLUMNS if c in self.columns)

    def subset(self, mask: np.ndarray) -> StoreRows:
        return StoreRows(self.line[mask], self.key[mask], {k: v[mask] for k, v in self.columns.items()})

    def bound(self, with_line: bool = False) -> tuple[tuple[str, ...], list]:
        """The columns to bind and their values row after row, as plain Python objects (NaN as
        None) for the DBAPI. A text column that is empty in every row is left out: its default
        is NULL, and each bound parameter costs SQLite's driver about 0.2 µs (a fifth of a big
        load's inserts went into a source column that was NULL throughout)."""
        names: list[str] = ["line"] if with_line else []
        columns: list[list] = [self.line.tolist()] if with_line else []
        for name in self.names:
            values = self.columns[name]
            if _all_null(values):
                continue
            if name == "value":
                values = np.where(np.isnan(values), None, values.astype(object))  # type: ignore[call-overload]
            column = values.tolist()  # Python ints and floats: numpy scalars do not bind
            names.append(name)
            columns.append(column)
        width = len(columns)
        flat: list = [None] * (len(self) * width)
        for j, column in enumerate(columns):
            flat[j::width] = column
        return tuple(names), flat


def empty_rows() -> StoreRows:
    nothing = np.zeros(0, dtype=np.int64)
    return StoreRows(nothing, nothing, {c: np.zeros(0, dtype=object) for c in COLUMNS})


def add_up(parts: list[StoreRows]) -> tuple[StoreRows, int]:
    """Rows of one indicator and period added up into one (--add-up); with how many went into
    another. A sum keeps the first row's line, source and unit, the parts' texts ('903 + 50')
    and notes; it is missing only when every part is."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty_rows(), 0
    line = np.concatenate([p.line for p in parts])
    key = np.concatenate([p.key for p in parts])
    columns = {c: np.concatenate([p.columns[c] for p in parts]) for c in parts[0].names}
    order = np.argsort(line, kind="stable")
    line, key, columns = line[order], key[order], {c: v[order] for c, v in columns.items()}
    uniques, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    if len(uniques) == len(key):
        return StoreRows(line, key, columns), 0
    value = columns["value"].astype(np.float64)
    known = ~np.isnan(value)
    sums = np.bincount(inverse, weights=np.where(known, value, 0.0), minlength=len(uniques))
    any_known = np.bincount(inverse, weights=known, minlength=len(uniques)) > 0
    out = {c: v[first].copy() for c, v in columns.items()}
    out["value"] = np.where(any_known, sums, np.nan)
    out["missing_key"] = np.where(any_known, None, out["missing_key"])  # type: ignore[call-overload]
    counts = np.bincount(inverse, minlength=len(uniques))
    groups = np.split(np.argsort(inverse, kind="stable"), np.cumsum(counts)[:-1])
    for k in np.flatnonzero(counts > 1):
        members = groups[k]
        texts = [str(t) for t in columns["original_value"][members] if t is not None]
        out["original_value"][k] = " + ".join(texts)[:100] or None
        if "note" in out:
            notes = dict.fromkeys(n for n in columns["note"][members] if n)  # each note once
            out["note"][k] = "; ".join(notes) or None
    keep = np.argsort(first, kind="stable")  # in the order of the file
    return StoreRows(line[first][keep], uniques[keep], {c: v[keep] for c, v in out.items()}), len(key) - len(uniques)


def _copy(raw, target: str, payload: str) -> None:
    with raw.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
        copy.write(payload)


def _all_null(values: np.ndarray) -> bool:
    """Whether a text column holds no value at all (None throughout)."""
    return values.dtype == object and len(values) > 0 and values[0] is None and values.tolist().count(None) == len(values)


def _literal(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"not an SQL literal: {value!r}")


class ObservationStore:
    """Writes one batch's observations; classify() and apply() finish the staged part."""

    def __init__(self, conn: Connection, programme_id: int, batch_id: int, expected_rows: int):
        self.conn = conn
        self.programme_id = programme_id
        self.batch_id = batch_id
        self.sqlite = conn.dialect.name == "sqlite"
        self.direct_rows = 0
        self.staged_rows = 0
        self._current: dict[int, np.ndarray] = {}  # indicator id -> keys with a current value
        # PostgreSQL: COPY payloads go out from a thread, so the server stores one chunk while
        # the next is checked. psycopg serialises every other use of the connection behind a
        # running COPY (hence the keys looked up up front), and wait() raises a COPY's error.
        self._sender = None if self.sqlite else ThreadPoolExecutor(1, thread_name_prefix="copy")
        self._sending: list[Future] = []
        bulk = self._is_bulk(expected_rows)
        self._dropped = self._drop_indexes() if bulk and self.sqlite else []
        self._prefetched = bulk
        if self._prefetched:  # a bulk load: one query for every current key, not one per indicator
            self._prefetch_current_keys()
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGING}")
        conn.exec_driver_sql(
            f"CREATE TEMP TABLE {STAGING} (line INTEGER, indicator_id INTEGER, period VARCHAR(7), "
            "year INTEGER, month INTEGER, value DOUBLE PRECISION, missing_key VARCHAR(8), "
            "original_value VARCHAR(100), original_unit VARCHAR(40), source VARCHAR(500), note TEXT, "
            "old_id INTEGER, change VARCHAR(12))"
        )

    def add(self, rows: StoreRows, stage_all: bool = False) -> None:
        """Insert rows whose indicator and period have no current value; stage the others."""
        if not len(rows):
            return
        exists = np.ones(len(rows), dtype=bool) if stage_all else self._exists(rows.key)
        if not exists.any():
            self._insert_direct(rows)
        elif exists.all():
            self._stage(rows)
        else:
            self._insert_direct(rows.subset(~exists))
            self._stage(rows.subset(exists))

    def _exists(self, keys: np.ndarray) -> np.ndarray:
        """Which keys have a current value in the database (looked up once per indicator)."""
        indicators = keys // 32768
        out = np.zeros(len(keys), dtype=bool)
        for indicator_id in np.unique(indicators):
            known = self._current_keys(int(indicator_id))
            if len(known):
                mine = indicators == indicator_id
                out[mine] = np.isin(keys[mine], known)
        return out

    def _current_keys(self, indicator_id: int) -> np.ndarray:
        if indicator_id not in self._current and self._prefetched:
            return np.zeros(0, dtype=np.int64)
        if indicator_id not in self._current:
            rows = self.conn.execute(
                text("SELECT year * 13 + COALESCE(month, 0) FROM observation "
                     "WHERE indicator_id = :i AND is_current"), {"i": indicator_id},
            ).scalars().all()
            self._current[indicator_id] = np.asarray(rows, dtype=np.int64) + indicator_id * 32768
        return self._current[indicator_id]

    def _prefetch_current_keys(self) -> None:
        found = self.conn.execute(
            text("SELECT indicator_id, year * 13 + COALESCE(month, 0) FROM observation "
                 "WHERE programme_id = :p AND is_current ORDER BY indicator_id"), {"p": self.programme_id},
        ).all()
        if not found:
            return
        pairs = np.asarray(found, dtype=np.int64)
        ids, starts = np.unique(pairs[:, 0], return_index=True)
        for indicator_id, part in zip(ids.tolist(), np.split(pairs[:, 1], starts[1:]), strict=True):
            self._current[indicator_id] = part + indicator_id * 32768

    def _insert_direct(self, rows: StoreRows) -> None:
        self._bulk("observation", ("programme_id", "batch_id", "is_current"),
                   (self.programme_id, self.batch_id, True), rows)
        self.direct_rows += len(rows)

    def _stage(self, rows: StoreRows) -> None:
        self._bulk(STAGING, (), (), rows, with_line=True)
        self.staged_rows += len(rows)

    def _bulk(self, table: str, constant_names: tuple[str, ...], constants: tuple, rows: StoreRows,
              with_line: bool = False) -> None:
        """Insert `rows` after the constant columns, fast for the database."""
        raw = self.conn.connection.driver_connection
        assert raw is not None  # an open connection has its driver's
        if not self.sqlite:
            # One text payload per chunk, built column-wise: no Python work per row and value.
            # A text column NULL in every row is left to its default, as for SQLite below.
            filled = [c for c in rows.names if not _all_null(rows.columns[c])]
            columns_named = [*constant_names, *(["line"] if with_line else []), *filled]
            columns = ([rows.line] if with_line else []) + [rows.columns[c] for c in filled]
            payload = copy_text(constants, columns)
            self._settle(keep=1)
            assert self._sender is not None  # PostgreSQL stores have their sender thread
            self._sending.append(self._sender.submit(_copy, raw, f"{table} ({', '.join(columns_named)})", payload))
            return
        names, flat = rows.bound(with_line=with_line)
        width = len(names)
        # Constants go into the statement, and many rows into each statement: SQLite then
        # spends its time storing rows rather than stepping through one statement per row.
        fixed = "".join(f"{_literal(c)}, " for c in constants)
        one_row = f"({fixed}{', '.join('?' * width)})"
        into = f"{table} ({', '.join([*constant_names, *names])})"
        cursor = raw.cursor()
        step = ROWS_PER_STATEMENT * width
        full = len(rows) // ROWS_PER_STATEMENT * step
        if full:
            many = ", ".join([one_row] * ROWS_PER_STATEMENT)
            cursor.executemany(f"INSERT INTO {into} VALUES {many}", [flat[i:i + step] for i in range(0, full, step)])
        if full < len(flat):
            cursor.executemany(f"INSERT INTO {into} VALUES {one_row}",
                               [flat[i:i + width] for i in range(full, len(flat), width)])

    def _settle(self, keep: int = 0) -> None:
        """Wait until at most `keep` COPYs are under way; a failed one raises here."""
        while len(self._sending) > keep:
            self._sending.pop(0).result()

    def wait(self) -> None:
        """Every row handed over is in the database (or its error raised), the sender stopped."""
        try:
            self._settle()
        finally:
            if self._sender is not None:
                self._sender.shutdown(wait=True)

    def close(self) -> None:
        """Stop the sender after the COPYs under way, keeping quiet about their errors: this is
        the way out of a load that already failed (a good one has called wait())."""
        with contextlib.suppress(Exception):  # the load's own error is the one to report
            self.wait()

    def classify(self) -> dict[str, int]:
        """Mark each staged row new / unchanged / superseded; counts including direct rows."""
        self.wait()
        self._rebuild_indexes()  # the staged rows are looked up through them
        run = self.conn.exec_driver_sql
        if self.staged_rows:
            run(f"UPDATE {STAGING} SET old_id = (SELECT o.id FROM observation o WHERE "
                f"o.indicator_id = {STAGING}.indicator_id AND o.period = {STAGING}.period AND o.is_current)")
            run(f"UPDATE {STAGING} SET change = CASE WHEN old_id IS NULL THEN 'new' WHEN EXISTS ("
                f"SELECT 1 FROM observation o WHERE o.id = {STAGING}.old_id "
                f"AND COALESCE(o.missing_key, '') = COALESCE({STAGING}.missing_key, '') "
                # A changed note is a correction too: the old one stays in the history.
                f"AND COALESCE(o.note, '') = COALESCE({STAGING}.note, '') AND ("
                f"(o.value IS NULL AND {STAGING}.value IS NULL) OR o.value = {STAGING}.value OR "
                f"ABS(o.value - {STAGING}.value) <= 1e-9 * (ABS(o.value) + ABS({STAGING}.value)))"
                ") THEN 'unchanged' ELSE 'superseded' END")
        counts: dict[str, int] = dict(run(f"SELECT change, COUNT(*) FROM {STAGING} GROUP BY change").all())
        return {
            "new": counts.get("new", 0) + self.direct_rows,
            "superseded": counts.get("superseded", 0),
            "unchanged": counts.get("unchanged", 0),
        }

    def apply(self) -> None:
        """Supersede the replaced values and insert the staged new and corrected ones."""
        params = {"b": self.batch_id, "p": self.programme_id, "f": False, "t": True}
        self.conn.execute(
            text(f"UPDATE observation SET is_current = :f, superseded_by_batch_id = :b WHERE id IN "
                 f"(SELECT old_id FROM {STAGING} WHERE change = 'superseded')"), params,
        )
        cols = ", ".join(COLUMNS)
        self.conn.execute(
            text(f"INSERT INTO observation (programme_id, batch_id, is_current, {cols}) "
                 f"SELECT :p, :b, :t, {cols} FROM {STAGING} WHERE change <> 'unchanged' ORDER BY line"),
            params,
        )

    def diff(self) -> pd.DataFrame:
        """Every row of the file with its change; direct rows are all new (dry runs stage all)."""
        sql = (
            f"SELECT i.code AS indicator, s.period, o.value AS old_value, s.value AS new_value, "
            f"s.missing_key, s.change, s.line FROM {STAGING} s JOIN indicator i ON i.id = s.indicator_id "
            "LEFT JOIN observation o ON o.id = s.old_id ORDER BY s.line"
        )
        return pd.read_sql_query(text(sql), self.conn)

    def finish(self) -> None:
        """Drop the staging table (classify() has rebuilt any indexes a bulk load dropped)."""
        self._rebuild_indexes()
        self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGING}")

    def _rebuild_indexes(self) -> None:
        if not self._dropped:
            return
        # SQLite sorts an index's entries in at most a page cache of memory, spilling sorted
        # runs to temporary files beyond it: 64 MiB sorts a million entries in memory.
        run = self.conn.exec_driver_sql
        before = run("PRAGMA cache_size").scalar_one()
        run(f"PRAGMA cache_size=-{SORT_CACHE_KIB}")
        try:
            while self._dropped:
                self._dropped.pop(0).create(self.conn)
        finally:
            run(f"PRAGMA cache_size={int(before)}")

    def _is_bulk(self, expected_rows: int) -> bool:
        if expected_rows < BULK_ROWS:
            return False
        existing = self.conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM observation").scalar_one()
        return expected_rows >= existing

    def _drop_indexes(self) -> list:
        # The unique index too: rebuilding it checks uniqueness as well, and new rows never
        # collide with current ones (those are staged) nor with each other (checked per file).
        # Not the history index: it holds superseded values only, which a load does not add.
        dropped = [i for i in cast(Table, Observation.__table__).indexes if i.name != "ix_observation_history"]
        for index in dropped:
            index.drop(self.conn)
        return dropped
