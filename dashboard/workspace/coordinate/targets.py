"""The target forms (target, milestone, new set, new name): what was typed is checked by
`pipelines.targets_check` (every problem at once, per field, in the page's language), then saved
through `pipelines.targets` (audited, derived tables rebuilt), which runs the same check again."""

from __future__ import annotations

from sqlalchemy import Engine

from pipelines import targets
from pipelines.analytics.inputs import TargetSetSpec
from pipelines.targets_check import (
    MilestoneInput,
    NewSetInput,
    TargetInput,
    check_milestone,
    check_name,
    check_new_set,
    check_target,
)
from pipelines.vocab import SECTORS, TOTAL

# What a target or milestone can be for on these forms: the whole programme or a top-level sector.
TARGET_SECTORS = (TOTAL, *(s.code for s in SECTORS if s.parent is None))


def decimal_mark(lang: str) -> str:
    """How a value like '1.234' is read: with the decimal mark of the page's language."""
    return "." if lang == "en" else ","


def read_target(form: dict, lang: str) -> TargetInput:
    return check_target(form, TARGET_SECTORS, decimal_mark(lang))


def read_milestone(form: dict, lang: str, target_set: TargetSetSpec) -> MilestoneInput:
    return check_milestone(form, TARGET_SECTORS, (target_set.baseline_year, target_set.target_year),
                           decimal_mark(lang))


def read_new_set(form: dict, lang: str, existing: tuple[str, ...]) -> NewSetInput:
    return check_new_set({**form, "primary": form.get("primary") == "yes"}, existing, decimal_mark(lang))


def read_rename(text: str | None, target_set: TargetSetSpec, existing: tuple[str, ...]) -> str:
    """A set's new name; its own name in another case is fine."""
    return check_name(text, tuple(n for n in existing if n != target_set.name))


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
    name = read_rename(text, target_set, existing)
    if name == target_set.name:
        return None
    targets.rename_target_set(engine, programme_id, target_set.name, name, user=user)
    return name
