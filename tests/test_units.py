"""Unit conversion: the table of common units agrees with pint, and analysts' spellings convert."""

from __future__ import annotations

import contextlib
import itertools
import math

import pytest

from pipelines.units import _SCALES, ParsedUnit, UnitConverter, UnitProblem, _registry, _scaled


def test_the_table_of_common_units_agrees_with_pint():
    ureg = _registry()
    disagreements = []
    for source, target in itertools.product(sorted(_SCALES), repeat=2):
        from_pint = None
        with contextlib.suppress(Exception):  # pint's DimensionalityError: no conversion
            from_pint = float(ureg.Quantity(1.0, source).to(target).magnitude)
        try:
            from_table = _scaled(ParsedUnit(source, False), ParsedUnit(target, False), source, target)
        except UnitProblem:
            from_table = None
        same = (from_pint is None and from_table is None) or (
            None not in (from_pint, from_table) and math.isclose(from_table, from_pint, rel_tol=1e-12))
        if not same:
            disagreements.append((source, target, from_table, from_pint))
    assert disagreements == []


@pytest.mark.parametrize("unit,canonical,factor", [
    ("kt CO2e", "t CO2e", 1000.0),
    ("kton CO2-eq", "t CO2e", 1000.0),
    ("Mt CO₂e", "t CO2e", 1e6),
    ("kg CO2e", "t CO2e", 0.001),
    ("kt", "t CO2e", 1000.0),  # a bare mass is taken as CO2e: analysts often leave the gas out
    ("t CO2e/jaar", "t CO2e", 1.0),
    ("GWh", "MWh", 1000.0),
    ("TJ", "MWh", 1e12 / 3.6e9),
    ("kWp", "MWp", 0.001),
    ("inwoners", "persons", 1.0),
    ("lb", "kg", 0.45359237),  # not in the table: pint answers
])
def test_analysts_spellings_convert(unit, canonical, factor):
    assert math.isclose(UnitConverter().factor(unit, canonical), factor, rel_tol=1e-12)


@pytest.mark.parametrize("unit,canonical", [
    ("t CO2e", "t"),  # an emission is no plain mass (a tonnage of waste is not an emission)
    ("%", "t CO2e"),
    ("MWh", "t CO2e"),
    ("persons", "MWh"),
])
def test_impossible_conversions_are_refused(unit, canonical):
    with pytest.raises(UnitProblem) as caught:
        UnitConverter().factor(unit, canonical)
    assert caught.value.kind == "incompatible"


def test_an_unknown_unit_is_reported_as_unknown():
    with pytest.raises(UnitProblem) as caught:
        UnitConverter().factor("bananas", "t CO2e")
    assert caught.value.kind == "unknown"
