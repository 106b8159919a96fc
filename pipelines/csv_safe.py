"""Formula-safe output: text cells a spreadsheet would run as a formula get a leading quote.

Every CSV the project writes (chart downloads, the coordinator's tables, `roadmap export`, the
mapping file) passes its cells through `safe_cell`. A text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a ``'`` in front (OWASP's advice against
CSV injection: Excel and LibreOffice then show it as text and never evaluate it). Numbers stay
numbers, negative ones included, whether they are numbers or text that reads as one ("-7.275,5").
`restore_cell` takes the quote off again where the project reads such a file back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Text that is a plain number (sign, digits with '.' or ',' marks, exponent, per cent): a
# spreadsheet reads it as that number, never as a formula, so it is left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value: Any) -> Any:
    """`value` as it may go into a spreadsheet cell: text that could start a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """`safe_cell` of every cell of a row (for csv.writer)."""
    return [safe_cell(value) for value in row]


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells, and column names, are formula-safe; numbers untouched."""
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(safe_cell)
    safe.columns = [safe_cell(name) for name in safe.columns]
    return safe


def restore_cell(text: str) -> str:
    """The text `safe_cell` quoted, without its quote (any other text as it is)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
