"""Rows as one PostgreSQL COPY text-format payload, built column by column rather than per row."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).translate(_ESCAPES)


def _column_text(values: np.ndarray) -> list[str]:
    """Each value as COPY text: integers and floats by numpy (shortest exact form), NULL as \\N."""
    if values.dtype.kind in "iub":
        return values.astype(np.int64).astype(str).tolist()
    if values.dtype.kind == "f":
        text = values.astype(str)
        text[np.isnan(values)] = NULL
        return text.tolist()
    # Text, None and plain Python numbers: each distinct value is written once.
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    written = np.array([_constant_text(u) for u in uniques] + [NULL], dtype=object)
    return written[codes].tolist()
