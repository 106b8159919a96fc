"""A boolean column as a bare condition (`WHERE o.is_current`), written the same on every backend.

`observation`'s partial indexes are declared `WHERE is_current` and `WHERE NOT is_current`. SQLite
uses a partial index only when the query holds that very term, and SQLAlchemy writes a Boolean
column as `is_current = 1` (or `IS 1` for `.is_(True)`) on SQLite, which it has no native boolean
for: every such read scanned the whole table (1 s at 10M observations, where the index finds a
series in about a millisecond). PostgreSQL takes either form; the bare one suits both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.sqltypes import NullType
from sqlalchemy.sql.visitors import InternalTraversal


class _Bare(ColumnElement[Any]):
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]
    # Not typed Boolean: SQLAlchemy would then turn the condition back into `… = 1` on SQLite.
    type = NullType()

    def __init__(self, column: ColumnElement[Any] | QueryableAttribute[Any]):
        self.column = column.expression  # a mapped attribute's column (a column is its own)


@compiles(_Bare)
def _compile_bare(element: _Bare, compiler, **kw) -> str:
    return compiler.process(element.column, **kw)


def holds(column: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[Any]:
    """`WHERE column` (e.g. holds(Observation.is_current): the current values, by their index)."""
    return _Bare(column)

