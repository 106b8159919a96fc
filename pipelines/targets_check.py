"""The checks of a target, a milestone, a new target set and a set's name: the one place these
rules live. `pipelines.targets` calls them before every write (the CLI's values), and the
coordinators' forms call them on what was typed to show every problem per field.

Each check takes the raw values (text from a form, numbers from the CLI) and returns them read,
or raises `InvalidFields` with every problem at once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import String

from pipelines.analytics.inputs import PATHWAY_METHODS, TARGET_KINDS
from pipelines.field_checks import FieldChecker
from pipelines.schema import TargetSet
from pipelines.vocab import SECTOR_BY_CODE, TOTAL

NAME_LENGTH = cast(String, TargetSet.__table__.c.name.type).length or 200
T = TypeVar("T")
PERCENT_KINDS = ("residual_pct", "reduction_pct")


@dataclass(frozen=True)
class TargetInput:
    kind: str
    value: float
    baseline_t: float | None
    sector_code: str = TOTAL


@dataclass(frozen=True)
class MilestoneInput:
    year: int
    kind: str
    value: float
    sector_code: str = TOTAL


@dataclass(frozen=True)
class NewSetInput:
    name: str
    baseline_year: int
    target_year: int
    method: str
    kind: str
    value: float
    primary: bool


def clean_name(name: str | None) -> str:
    """A name as stored: no spaces at the ends, one space between words."""
    return " ".join((name or "").split())


def check_target(raw: Mapping[str, object], sectors: Collection[str], decimal: str = ".") -> TargetInput:
    """sector (none: the whole programme), kind, value (a % from 0 to 100 for % kinds) and an
    optional published baseline in t (above 0; not 0 for a sector that can be a sink)."""
    check = FieldChecker(decimal)
    sector = check.choice("sector", raw.get("sector") or TOTAL, sectors)
    kind, value = _kind_and_value(check, raw)
    baseline = check.number("baseline_t", raw.get("baseline_t"), required=False)
    # A sector that can be a sink (forestry, land use) may start below 0 (the demo's AFOLU: -7,275 t).
    sink = sector in SECTOR_BY_CODE and SECTOR_BY_CODE[sector].can_be_sink
    if baseline is not None and (baseline == 0 if sink else baseline <= 0):
        check.fail("baseline_t", raw.get("baseline_t"), "nonzero" if sink else "positive")
    check.done()  # raises with every problem: below, every value is known
    return TargetInput(_known(kind), _known(value), baseline, _known(sector))


def check_milestone(
    raw: Mapping[str, object], sectors: Collection[str], years: tuple[int, int], decimal: str = "."
) -> MilestoneInput:
    """A year strictly between the set's `years` (baseline, target), a sector, kind and value."""
    check = FieldChecker(decimal)
    sector = check.choice("sector", raw.get("sector") or TOTAL, sectors)
    year = check.year("year", raw.get("year"))
    low, high = years
    if year is not None and not low < year < high:
        check.fail("year", raw.get("year"), "year_between", low=low, high=high)
    kind, value = _kind_and_value(check, raw)
    check.done()
    return MilestoneInput(_known(year), _known(kind), _known(value), _known(sector))


def check_new_set(raw: Mapping[str, object], taken: Collection[str], decimal: str = ".") -> NewSetInput:
    """A new set: a name no other set has, a target year after the baseline year, a pathway
    method and the overall target's kind and value."""
    check = FieldChecker(decimal)
    name = _name(check, raw.get("name"), taken)
    baseline_year = check.year("baseline_year", raw.get("baseline_year"))
    target_year = check.year("target_year", raw.get("target_year"))
    if baseline_year is not None and target_year is not None and target_year <= baseline_year:
        check.fail("target_year", raw.get("target_year"), "year_after", year=baseline_year)
    method = check.choice("method", raw.get("method") or "linear", PATHWAY_METHODS)
    kind, value = _kind_and_value(check, raw)
    check.done()
    return NewSetInput(name, _known(baseline_year), _known(target_year), _known(method), _known(kind),
                       _known(value), bool(raw.get("primary")))


def _known(value: T | None) -> T:
    """A value a passed check has filled (check.done() raised otherwise)."""
    assert value is not None
    return value


def check_name(text: object, taken: Collection[str]) -> str:
    """A set's name, spaces tidied: 1 to NAME_LENGTH characters, none of `taken` in any case
    ('CCC 2030' and 'ccc 2030' side by side would only confuse)."""
    check = FieldChecker()
    name = _name(check, text, taken)
    check.done()
    return name


def _name(check: FieldChecker, text: object, taken: Collection[str]) -> str:
    name = clean_name(None if text is None else str(text))
    if not name or len(name) > NAME_LENGTH:
        check.fail("name", name, "name_length", length=NAME_LENGTH)
        return name
    same = next((n for n in taken if n.casefold() == name.casefold()), None)
    if same is not None:
        check.fail("name", name, "name_taken", taken=same)
    return name


def _kind_and_value(check: FieldChecker, raw: Mapping[str, object]) -> tuple[str | None, float | None]:
    kind = check.choice("kind", raw.get("kind"), TARGET_KINDS)
    value = check.number("value", raw.get("value"))
    if value is not None and kind in PERCENT_KINDS and not 0 <= value <= 100:
        check.fail("value", raw.get("value"), "percent")
        return kind, None
    return kind, value
