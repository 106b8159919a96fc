"""The bulk parser of plain numbers gives exactly what the one-by-one parser gives, or leaves the
value to it: never another number, never a value that parser refuses."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.numbers import _FAST, parse_number_series
from pipelines.plain_numbers import MIN_VALUES, plain_numbers


def one_by_one(values: list[str], decimal: str) -> np.ndarray:
    return np.fromiter(map(_FAST[decimal], values), dtype=np.float64, count=len(values))


def same(a: float, b: float) -> bool:
    """Equal to the last bit, the sign of zero included."""
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def grouped(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def number_texts(draw, decimal: str) -> str:
    """Plain shapes, their near misses and the rest of what files hold."""
    thousands = "." if decimal == "," else ","
    digits = draw(st.text("0123456789", min_size=1, max_size=18))
    text = grouped(digits, thousands) if draw(st.booleans()) else digits
    if draw(st.booleans()):
        text += decimal + draw(st.text("0123456789", max_size=8))
    if draw(st.booleans()):
        text = "-" + text
    if draw(st.integers(0, 3)) == 0:  # one stray character somewhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(list(".,-+ e_0"))) + text[at:]
    return draw(st.one_of(st.just(text), st.sampled_from(
        ["", "NE", "-", " 12", "12 ", "1e5", "inf", "nan", "1_000", ",5", "5,", "-,5", "--5", ".5", "5."])))


@pytest.mark.parametrize("decimal", [",", "."])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_plain_numbers_agree_with_the_one_by_one_parser(decimal, data):
    values = data.draw(st.lists(number_texts(decimal), min_size=MIN_VALUES, max_size=300))
    floats, plain = plain_numbers(np.array(values, dtype=object), decimal)
    expected = one_by_one(values, decimal)
    for value, got, want, taken in zip(values, floats, expected, plain, strict=True):
        if taken:
            assert same(got, want), (value, got, want)
            assert math.isfinite(want)  # never a value the parser refuses (it gives -inf)


@pytest.mark.parametrize(("decimal", "texts", "values"), [
    (",", ["1.234.567,5", "-0,062", "153.339", "12", "-0", "999.999.999.999.999"],
     [1234567.5, -0.062, 153339.0, 12.0, -0.0, 999999999999999.0]),
    (".", ["1,234,567.5", "-0.062", "153,339", "12", "0.1"], [1234567.5, -0.062, 153339.0, 12.0, 0.1]),
])
def test_grouped_and_signed_values_are_read_in_bulk(decimal, texts, values):
    floats, plain = plain_numbers(np.array(texts * MIN_VALUES, dtype=object), decimal)
    assert plain.all()
    assert all(same(a, b) for a, b in zip(floats[:len(texts)], values, strict=True))


@pytest.mark.parametrize("text", [
    "1.23,5", "1.2345", "12.34.567", "1,2.345", "1.234,", ",5", "-", "--1", "1-", "+1", " 1", "1 234",
    "NE", "", "1234567890123456",  # sixteen digits: the one-by-one parser rounds them itself
])
def test_anything_else_is_left_to_the_one_by_one_parser(text):
    _floats, plain = plain_numbers(np.array([text] + ["1"] * MIN_VALUES, dtype=object), ",")
    assert not plain[0] and plain[1:].all()


@pytest.mark.parametrize("cells", [
    ["1,5"] * 10,  # too few to pay for it
    ["1,5"] * MIN_VALUES + [2.5],  # a workbook's number among the texts
    ["1,5"] * MIN_VALUES + ["1\n5"],  # a value over two lines
    ["1,5"] * MIN_VALUES + ["١٢"],  # digits that are not ASCII
])
def test_columns_it_cannot_read_in_bulk_go_one_by_one(cells):
    assert plain_numbers(np.array(cells, dtype=object), ",") is None


def test_a_series_mixing_plain_values_markers_and_mistakes_reads_as_before():
    texts = ["1.234,5", "NE", "12,0", "(5)", "1.23,4", " 7 ", "-3", "1e3", ""] * 20
    values, bad = parse_number_series(pd.Series(texts), ",")
    expected = one_by_one(texts, ",")
    assert all(same(a, b) for a, b in zip(values, np.where(np.isneginf(expected), np.nan, expected), strict=True))
    assert bad.tolist() == np.isneginf(expected).tolist()
    assert values[0] == 1234.5 and bad[1] and values[5] == 7.0 and values[7] == 1000.0
