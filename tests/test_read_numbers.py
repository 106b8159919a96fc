"""Numbers as analysts write them: decimal marks, thousands separators, markers — never a guess."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pipelines.numbers import (
    ambiguous_mask,
    detect_decimal,
    missing_keys,
    parse_number,
    parse_number_series,
)


@pytest.mark.parametrize(
    ("value", "mark"),
    [
        ("0,062", ","), ("1,5", ","), ("1.234,5", ","), ("1.234.567", ","), ("1234,567", ","),
        ("0.062", "."), ("12.5", "."), ("1,234.5", "."), ("1,234,567", "."),
        ("1.953", None), ("1,953", None), ("-153.339", None), ("313", None), ("NE", None),
    ],
)
def test_one_value_decides_the_decimal_mark_or_not(value, mark):
    assert detect_decimal([value]) == mark


def test_the_first_deciding_value_sets_the_mark():
    assert detect_decimal(["1.953", "313", "64.629,5", "2.5"]) == ","


def test_dot_is_a_thousands_separator_in_a_decimal_comma_file():
    values, bad = parse_number_series(pd.Series(["153.339", "1.953", "0,062", "1.234,5", "12"]), ",")
    assert values.tolist() == [153339.0, 1953.0, 0.062, 1234.5, 12.0]
    assert not bad.any()


def test_comma_is_a_thousands_separator_in_a_decimal_point_file():
    values, bad = parse_number_series(pd.Series(["153,339", "1,953", "0.062", "1,234.5"]), ".")
    assert values.tolist() == [153339.0, 1953.0, 0.062, 1234.5]
    assert not bad.any()


def test_spaces_minus_signs_and_empty_cells():
    texts = ["153 339", "153\u00a0339,5", "\u221212,5", "-7", "+3", "", "  4 "]
    values, bad = parse_number_series(pd.Series(texts), ",")
    assert values.tolist()[:5] == [153339.0, 153339.5, -12.5, -7.0, 3.0]
    assert math.isnan(values[5]) and values[6] == 4.0
    assert not bad.any()


@pytest.mark.parametrize("text", ["(123)", "1.5", "12,3.4", "1.23,4", "veel", "1_000", "inf", "0x10", "1,2,3"])
def test_malformed_numbers_are_bad_in_a_decimal_comma_file(text):
    _values, bad = parse_number_series(pd.Series([text]), ",")
    assert bad.tolist() == [True]


def test_ambiguous_values_are_bad_without_a_decimal_mark():
    texts = pd.Series(["1.953", "313", "1,5"])
    values, bad = parse_number_series(texts, None)
    assert bad.tolist() == [True, False, False]
    assert values[1] == 313.0 and values[2] == 1.5
    assert ambiguous_mask(texts).tolist() == [True, False, False]


def test_parse_number_reads_one_value_or_raises():
    assert parse_number("1.234,5", ",") == 1234.5
    assert parse_number("", ",") is None
    with pytest.raises(ValueError, match="not a number"):
        parse_number("(12)", ",")


def test_missing_markers_and_notation_keys_are_recognised():
    texts = pd.Series(["NE", "ne", "NO", "IE", "C", "?", "-", "NA", "n/a", "", "0", "12", "x"])
    assert missing_keys(texts).tolist() == [
        "NE", "NE", "NO", "IE", "C", "?", "-", "NA", "n/a", "", None, None, "x",
    ]
