"""The target forms (target, milestone, new set, new name): every typed value checked at once
(words per field), then saved through `pipelines.targets` (audited, derived tables rebuilt),
which checks again for the CLI's sake."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Engine

from dashboard.i18n import t
from pipelines import targets
from pipelines.analytics.inputs import PATHWAY_METHODS, TARGET_KINDS, TargetSetSpec
from pipelines.errors import Problem, ValidationFailed
from pipelines.numbers import is_ambiguous, parse_number
from pipelines.targets import NAME_LENGTH, clean_name
from pipelines.vocab import SECTORS, TOTAL

FORM = "target form"  # Problem.file of these problems
PERCENT_KINDS = ("residual_pct", "reduction_pct")
YEARS = (1990, 2100)


# What a target or milestone can be for: the whole programme or one top-level sector.
TARGET_SECTORS = (TOTAL, *(s.code for s in SECTORS if s.parent is None))


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


class _Checker:
    """Collects every problem of one form, in the form's language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.problems: list[Problem] = []

    def fail(self, field: str, value, key: str, **values) -> None:
        text = None if value is None else str(value)
        self.problems.append(Problem(FORM, None, field, text, t(key, self.lang, **values)))

    def number(self, field: str, text: str | None, required: bool = True) -> float | None:
        """'45,5' or '45.5' (or '1.234,5'); a value like '1.234' is read in the language's mark."""
        text = (text or "").strip()
        if not text:
            if required:
                self.fail(field, text, "coord_expected_number")
            return None
        decimal = ("," if self.lang == "nl" else ".") if is_ambiguous(text) else None
        try:
            value = parse_number(text, decimal)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            self.fail(field, text, "coord_expected_number")
            return None
        return value

    def year(self, field: str, text: str | None) -> int | None:
        text = (text or "").strip()
        if not (text.isdigit() and YEARS[0] <= int(text) <= YEARS[1]):
            self.fail(field, text, "coord_expected_year", low=YEARS[0], high=YEARS[1])
            return None
        return int(text)

    def choice(self, field: str, value, allowed: tuple[str, ...]) -> str | None:
        if value not in allowed:
            self.fail(field, value, "coord_expected_choice")
            return None
        return value

    def name(self, field: str, text: str | None, taken: tuple[str, ...]) -> str:
        """A set's name: spaces tidied, 1 to NAME_LENGTH characters, none of `taken` in any case."""
        name = clean_name(text)
        if not name or len(name) > NAME_LENGTH:
            self.fail(field, name, "coord_expected_name", length=NAME_LENGTH)
        elif name.casefold() in {n.casefold() for n in taken}:
            self.fail(field, name, "coord_expected_new_name")
        return name

    def target_value(self, field: str, kind: str | None, text: str | None) -> float | None:
        value = self.number(field, text)
        if value is not None and kind in PERCENT_KINDS and not 0 <= value <= 100:
            self.fail(field, text, "coord_expected_percent")
            return None
        return value

    def done(self) -> None:
        if self.problems:
            raise ValidationFailed(self.problems)


def read_target(form: dict, lang: str) -> TargetInput:
    """kind, value (a % between 0 and 100 for % kinds), optional published baseline (t, > 0)."""
    check = _Checker(lang)
    sector = check.choice("sector", form.get("sector") or TOTAL, TARGET_SECTORS)  # none chosen: the whole programme
    kind = check.choice("kind", form.get("kind"), TARGET_KINDS)
    value = check.target_value("value", kind, form.get("value"))
    baseline = check.number("baseline_t", form.get("baseline_t"), required=False)
    if baseline is not None and baseline <= 0:
        check.fail("baseline_t", form.get("baseline_t"), "coord_expected_positive")
    check.done()
    return TargetInput(kind, value, baseline, sector)


def read_milestone(form: dict, lang: str, target_set: TargetSetSpec) -> MilestoneInput:
    """A year strictly between the set's baseline and target years, a kind and a value."""
    check = _Checker(lang)
    sector = check.choice("sector", form.get("sector") or TOTAL, TARGET_SECTORS)  # none chosen: the whole programme
    year = check.year("year", form.get("year"))
    if year is not None and not target_set.baseline_year < year < target_set.target_year:
        check.fail("year", year, "coord_expected_between", low=target_set.baseline_year,
                   high=target_set.target_year)
    kind = check.choice("kind", form.get("kind"), TARGET_KINDS)
    value = check.target_value("value", kind, form.get("value"))
    check.done()
    return MilestoneInput(year, kind, value, sector)


def read_new_set(form: dict, lang: str, existing: tuple[str, ...]) -> NewSetInput:
    """A new set: a name not used yet, target year after baseline year, method, kind, value."""
    check = _Checker(lang)
    name = check.name("name", form.get("name"), existing)
    baseline_year = check.year("baseline_year", form.get("baseline_year"))
    target_year = check.year("target_year", form.get("target_year"))
    if baseline_year is not None and target_year is not None and target_year <= baseline_year:
        check.fail("target_year", target_year, "coord_expected_after", year=baseline_year)
    method = check.choice("method", form.get("method"), PATHWAY_METHODS)
    kind = check.choice("kind", form.get("kind"), TARGET_KINDS)
    value = check.target_value("value", kind, form.get("value"))
    check.done()
    return NewSetInput(name, baseline_year, target_year, method, kind, value, form.get("primary") == "yes")


def read_rename(text: str | None, lang: str, target_set: TargetSetSpec, existing: tuple[str, ...]) -> str:
    """A set's new name: 1 to NAME_LENGTH characters, no other set's (its own in other case is fine)."""
    check = _Checker(lang)
    name = check.name("name", text, tuple(n for n in existing if n != target_set.name))
    check.done()
    return name


def save_target(
    engine: Engine, programme_id: int, target_set: TargetSetSpec, form: dict, lang: str, user: str
) -> TargetInput | None:
    """Check and set the target of a set for the whole programme or a sector; None when it is
    the same as before. `pipelines.targets` checks again, as for the CLI."""
    found = read_target(form, lang)
    old = target_set.target_for(found.sector_code)
    if old is not None and (old.kind, old.value, old.baseline_t) == (found.kind, found.value, found.baseline_t):
        return None
    targets.set_target(engine, programme_id, target_set.name, found.sector_code, found.kind, found.value,
                       baseline_t=found.baseline_t, user=user)
    return found


def save_milestone(engine: Engine, programme_id: int, target_set: TargetSetSpec, form: dict, lang: str,
                   user: str) -> MilestoneInput:
    """Check and set (or replace) a milestone of a set, for the whole programme or a sector."""
    found = read_milestone(form, lang, target_set)
    targets.set_milestone(engine, programme_id, target_set.name, found.year, found.kind, found.value,
                          sector_code=found.sector_code, user=user)
    return found


def save_new_set(engine: Engine, programme_id: int, form: dict, lang: str, user: str) -> NewSetInput:
    """Check and add a target set with its overall target (primary if asked: the only one)."""
    existing = tuple(s.name for s in targets.list_target_sets(engine, programme_id))
    found = read_new_set(form, lang, existing)
    targets.add_target_set(engine, programme_id, found.name, found.baseline_year, found.target_year,
                           found.kind, found.value, method=found.method, primary=found.primary, user=user)
    return found


def save_rename(
    engine: Engine, programme_id: int, target_set: TargetSetSpec, text: str | None, lang: str, user: str
) -> str | None:
    """Check and give a set a new name; None when it is the same as before."""
    existing = tuple(s.name for s in targets.list_target_sets(engine, programme_id))
    name = read_rename(text, lang, target_set, existing)
    if name == target_set.name:
        return None
    targets.rename_target_set(engine, programme_id, target_set.name, name, user=user)
    return name
