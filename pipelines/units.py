"""Units as analysts spell them (t/kt/Mt CO2e, ton CO2-eq, kWh…TJ, %, inwoners), converted with pint.

A unit string is first normalised (CO2/CO2e/CO₂-eq markers, Dutch and English words, case of
energy prefixes) to a pint expression, then pint gives the factor to the indicator's canonical
unit. Factors are computed once per distinct (unit, canonical unit) pair of a file.

Masses of CO2-equivalent: a bare mass ('kt', 'ton') converts to an emissions unit ('t CO2e'),
since analysts often leave the gas out; a CO2e mass never converts to a plain mass (a tonnage
of waste is not an emission). 'Mt' is megatonne, never 'metric ton'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipelines.read import clean_text, fold

_GHG = re.compile(
    r"\s*[-_ ]?(?:co2|co₂|ghg)(?:\s*[-_]?\s*(?:e|eq|equiv|equivalent|equivalents|equivalenten|equ)\b\.?)?",
    re.IGNORECASE,
)
_PER_YEAR = re.compile(r"\s*(?:/|per\s+|par\s+)\s*(?:j|jr|jaar|yr|year|an|a|jahr)\.?$", re.IGNORECASE)
# Spelling (folded) -> pint expression. Matched before pint sees the text, because pint is
# case-sensitive ('mwh' would be milliwatt-hour) and knows no Dutch.
_WORDS = {
    "t": "tonne", "ton": "tonne", "tons": "tonne", "tonne": "tonne", "tonnes": "tonne",
    "tonnen": "tonne", "metric ton": "tonne", "metric tons": "tonne", "te": "tonne",
    "metric tonne": "tonne", "metric tonnes": "tonne",
    "kt": "kilotonne", "kton": "kilotonne", "ktonne": "kilotonne", "kiloton": "kilotonne",
    "kilotonne": "kilotonne", "kilotonnes": "kilotonne", "kilotonnen": "kilotonne",
    "mt": "megatonne", "mton": "megatonne", "megaton": "megatonne", "megatonne": "megatonne",
    "gt": "gigatonne", "kg": "kilogram", "g": "gram",
    "wh": "watt_hour", "kwh": "kilowatt_hour", "mwh": "megawatt_hour", "gwh": "gigawatt_hour",
    "twh": "terawatt_hour", "mj": "megajoule", "gj": "gigajoule", "tj": "terajoule",
    "pj": "petajoule", "kw": "kilowatt", "mw": "megawatt", "kwp": "kilowatt", "mwp": "megawatt",
    "%": "percent", "percent": "percent", "procent": "percent", "pct": "percent",
    "persons": "person", "person": "person", "personen": "person", "inwoners": "person",
    "inhabitants": "person", "people": "person", "residents": "person", "bewoners": "person",
    "count": "item", "aantal": "item", "number": "item", "stuks": "item", "#": "item",
    "n": "item", "nr": "item", "units": "item", "items": "item",
}
_MASS = "[mass]"
MAX_UNIT_CHARS = 100  # 'kt CO2-equivalent per year' is 26; pint needs 1.6 s for 10,000
# The pint expressions above as (dimension, size in its base unit), so the common conversions
# need no unit registry (building pint's takes ~0.2 s per process). Pint does every other one;
# a test checks that these agree with pint.
_SCALES = {
    "gram": ("mass", 1e-3), "kilogram": ("mass", 1.0), "tonne": ("mass", 1e3),
    "kilotonne": ("mass", 1e6), "megatonne": ("mass", 1e9), "gigatonne": ("mass", 1e12),
    "watt_hour": ("energy", 3.6e3), "kilowatt_hour": ("energy", 3.6e6),
    "megawatt_hour": ("energy", 3.6e9), "gigawatt_hour": ("energy", 3.6e12),
    "terawatt_hour": ("energy", 3.6e15), "megajoule": ("energy", 1e6), "gigajoule": ("energy", 1e9),
    "terajoule": ("energy", 1e12), "petajoule": ("energy", 1e15),
    "kilowatt": ("power", 1e3), "megawatt": ("power", 1e6),
    "percent": ("percent", 1.0), "item": ("items", 1.0), "person": ("items", 1.0),
}


class UnitProblem(ValueError):
    """A unit that cannot be converted: kind 'unknown' or 'incompatible'."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind

    def __reduce__(self):  # Exception's default would call __init__(message) alone: a TypeError
        return (type(self), (self.kind, str(self)))


@dataclass(frozen=True)
class ParsedUnit:
    expression: str  # pint expression
    ghg: bool  # carries a CO2/CO2e marker


@cache
def _registry():
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry()
    # Counted things (people, homes, cars) share one dimension, apart from dimensionless %.
    ureg.define("item = [items]")
    ureg.define("person = item")
    return ureg


def parse_unit(text: str, mapping: dict[str, str] | None = None) -> ParsedUnit:
    """The pint expression of a unit as written; UnitProblem('unknown') when it has none."""
    if len(text) > MAX_UNIT_CHARS:  # before any parsing: pint's work grows faster than the text
        raise UnitProblem("unknown", f"a unit of {len(text)} characters (at most {MAX_UNIT_CHARS})")
    raw = clean_text(text).replace("₂", "2")
    if mapping and fold(raw) in mapping:
        raw = clean_text(mapping[fold(raw)])
    ghg = bool(_GHG.search(raw))
    rest = _PER_YEAR.sub("", _GHG.sub("", raw)).strip(" -/()")
    if ghg and not rest:
        rest = "t"  # 'CO2e' alone: tonnes, the inventories' unit
    word = _WORDS.get(fold(rest))
    if word is not None:
        return ParsedUnit(word, ghg)
    try:
        _registry().parse_units(rest)
    except Exception:  # pint raises several kinds for text that is no unit
        raise UnitProblem("unknown", f"unknown unit {text!r}") from None
    return ParsedUnit(rest, ghg)


@dataclass
class UnitConverter:
    """Factors from the units in one file to canonical units, computed once per pair."""

    mapping: dict[str, str] = field(default_factory=dict)  # folded label -> unit text
    _factors: dict[tuple[str, str], float | UnitProblem] = field(default_factory=dict)

    def factor(self, unit: str, canonical: str) -> float:
        """Multiply a value in `unit` by this to get it in `canonical`; UnitProblem if impossible."""
        key = (unit, canonical)
        if key not in self._factors:
            try:
                self._factors[key] = self._compute(unit, canonical)
            except UnitProblem as problem:
                self._factors[key] = problem
        found = self._factors[key]
        if isinstance(found, UnitProblem):
            raise found
        return found

    def factors_used(self) -> list[tuple[str, str]]:
        """The (unit, canonical unit) pairs met so far."""
        return list(self._factors)

    def _compute(self, unit: str, canonical: str) -> float:
        if not clean_text(unit) or fold(unit) == fold(canonical):
            return 1.0
        source = parse_unit(unit, self.mapping)
        try:
            target = parse_unit(canonical)
        except UnitProblem:  # a custom canonical unit ('homes'): only its own spelling converts
            raise UnitProblem("incompatible", f"{unit!r} cannot be converted to {canonical!r}") from None
        known = _scaled(source, target, unit, canonical)
        if known is not None:
            return known
        ureg = _registry()
        try:
            factor = float(ureg.Quantity(1.0, source.expression).to(target.expression).magnitude)
        except Exception:  # DimensionalityError and friends
            raise UnitProblem("incompatible", f"{unit!r} cannot be converted to {canonical!r}") from None
        if source.ghg and not target.ghg and ureg.parse_units(target.expression).dimensionality == ureg.parse_units("tonne").dimensionality:
            raise UnitProblem("incompatible", f"{unit!r} is an emission; {canonical!r} is a plain mass")
        return factor


def _scaled(source: ParsedUnit, target: ParsedUnit, unit: str, canonical: str) -> float | None:
    """The factor from the table of common units; None when pint must answer."""
    if source.expression not in _SCALES or target.expression not in _SCALES:
        return None
    (dim_from, size_from), (dim_to, size_to) = _SCALES[source.expression], _SCALES[target.expression]
    if dim_from != dim_to:
        raise UnitProblem("incompatible", f"{unit!r} cannot be converted to {canonical!r}")
    if source.ghg and not target.ghg and dim_to == "mass":
        raise UnitProblem("incompatible", f"{unit!r} is an emission; {canonical!r} is a plain mass")
    return size_from / size_to


def is_known_unit(text: str) -> bool:
    """Whether pint (after normalisation) understands a unit; custom units like 'homes' do not."""
    try:
        parse_unit(text)
    except UnitProblem:
        return False
    return True
