"""Rows as one PostgreSQL COPY text-format payload, built column by column rather than per row."""

from __future__ import annotations

import numpy as np

NULL = "\\N"
# COPY's text format gives these characters a meaning; in data they are written escaped.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(constants: tuple, columns: list[np.ndarray]) -> str:
    """Every row (constants first, then the columns' values) in COPY text format, one line each."""
    if not len(columns) or not len(columns[0]):
        return ""
    fields = [_column_text(values) for values in columns]
    prefix = "".join(f"{_constant_text(c)}\t" for c in constants)
    body = f"\n{prefix}".join(map("\t".join, zip(*fields, strict=True)))
    return f"{prefix}{body}\n"


def _constant_text(value) -> str:
    if type(value) is int:
        return str(value)
    if value is None or value != value:  # None, or a float NaN
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same double
    return str(value).translate(_ESCAPES)


def _column_text(values: np.ndarray) -> list[str]:
    """Each value as COPY text, NULL as \\N; one C-level pass per column where possible."""
    items = values.tolist()  # Python ints, floats and strings: their text is what COPY reads
    if values.dtype.kind in "iub":
        return list(map(str, map(int, items)))
    if values.dtype.kind == "f":
        text = list(map(repr, items))
        for i in np.flatnonzero(np.isnan(values)).tolist():
            text[i] = NULL
        return text
    probe = "".join([v for v in items if type(v) is str])
    if any(special in probe for special in "\\\t\n\r"):
        return [_constant_text(v) for v in items]
    # Texts as they are, and the ints and NULLs of a column such as month without a call each.
    return [v if type(v) is str else NULL if v is None else str(v) if type(v) is int else _constant_text(v)
            for v in items]
