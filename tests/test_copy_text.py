"""The PostgreSQL COPY payload of the observation store: NULLs, escapes and exact floats."""

from __future__ import annotations

import numpy as np

from pipelines.load.copy_text import copy_text


def test_copy_text_writes_constants_then_columns_one_line_per_row():
    ids, periods = np.array([5, 6]), np.array(["2020", "2020-01"], dtype=object)
    assert copy_text((1, True), [ids, periods]) == "1\tt\t5\t2020\n1\tt\t6\t2020-01\n"


def test_copy_text_keeps_empty_text_apart_from_null():
    # An empty missing-value marker is '' (stored as text), a value that is not missing is NULL.
    keys, months = np.array(["", None], dtype=object), np.array([None, 3], dtype=object)
    values = np.array([np.nan, 1.5])
    assert copy_text((), [keys, months, values]) == "\t\\N\t\\N\n\\N\t3\t1.5\n"


def test_copy_text_escapes_tabs_line_breaks_and_backslashes():
    # A source text with a tab, a line break and a literal '\N' must not read as columns, rows or NULL.
    sources = np.array(["a\tb\nc", "\\N"], dtype=object)
    assert copy_text((), [sources]) == "a\\tb\\nc\n\\\\N\n"


def test_copy_text_writes_floats_that_read_back_exactly():
    values = np.array([0.1 + 0.2, 1e-05, -0.0, 153339.0])
    lines = copy_text((), [values]).splitlines()
    assert lines == ["0.30000000000000004", "1e-05", "-0.0", "153339.0"]
    assert [float(t) for t in lines] == values.tolist()
