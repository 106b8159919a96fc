"""Target sets, their targets and milestones: list and edit them (each edit audited, tables rebuilt)."""

from __future__ import annotations

import math

from sqlalchemy import Connection, Engine, select, update

from pipelines import db, derived
from pipelines.analytics.inputs import PATHWAY_METHODS, TARGET_KINDS, TargetSetSpec
from pipelines.analytics.queries import read_target_sets
from pipelines.audit import record_change
from pipelines.errors import UserError
from pipelines.schema import Milestone, Sector, Target, TargetSet
from pipelines.vocab import TOTAL


def list_target_sets(engine: Engine, programme_id: int) -> tuple[TargetSetSpec, ...]:
    """The programme's target sets, primary first, with their targets and milestones."""
    with engine.connect() as conn:
        return read_target_sets(conn, programme_id)


def add_target_set(
    engine: Engine, programme_id: int, name: str, baseline_year: int, target_year: int,
    kind: str, value: float, *, method: str = "linear", primary: bool = False,
    baseline_t: float | None = None, description: str | None = None, user: str = "cli",
) -> int:
    """A new target set with its overall target; returns its id."""
    _check_target(kind, value)
    if method not in PATHWAY_METHODS:
        raise UserError(f"pathway method must be one of {', '.join(PATHWAY_METHODS)}, not {method!r}")
    if target_year <= baseline_year:
        raise UserError(f"target year {target_year} must be after baseline year {baseline_year}")
    with db.writing(engine, programme_id) as conn:
        if _find(conn, programme_id, name, required=False) is not None:
            raise UserError(f"a target set '{name}' already exists")
        if primary:
            _clear_primary(conn, programme_id)
        new_id = conn.execute(
            TargetSet.__table__.insert().values(
                programme_id=programme_id, name=name, is_primary=primary,
                baseline_year=baseline_year, target_year=target_year, pathway_method=method,
                description=description,
            )
        ).inserted_primary_key[0]
        conn.execute(Target.__table__.insert().values(
            target_set_id=new_id, sector_code=TOTAL, kind=kind, value=value, baseline_t=baseline_t,
        ))
        record_change(conn, programme_id, "target_set", new_id, "name", None, name, user)
        derived.rebuild(conn, programme_id)
        return int(new_id)


def set_target(
    engine: Engine, programme_id: int, set_name: str, sector_code: str, kind: str, value: float,
    *, baseline_t: float | None = None, user: str = "cli",
) -> None:
    """Set (or replace) the target of one sector, or the overall one ('total')."""
    _check_target(kind, value)
    with db.writing(engine, programme_id) as conn:
        target_set = _find(conn, programme_id, set_name)
        _check_sector(conn, sector_code)
        old = conn.execute(select(Target).where(
            Target.target_set_id == target_set.id, Target.sector_code == sector_code)).first()
        if old is not None:
            conn.execute(update(Target).where(Target.id == old.id).values(
                kind=kind, value=value, baseline_t=baseline_t))
        else:
            conn.execute(Target.__table__.insert().values(
                target_set_id=target_set.id, sector_code=sector_code, kind=kind, value=value,
                baseline_t=baseline_t))
        before = None if old is None else f"{old.kind} {old.value:g}"
        record_change(conn, programme_id, "target", target_set.id, f"target:{sector_code}",
                      before, f"{kind} {value:g}", user)
        derived.rebuild(conn, programme_id)


def set_milestone(
    engine: Engine, programme_id: int, set_name: str, year: int, kind: str, value: float,
    *, sector_code: str = TOTAL, user: str = "cli",
) -> None:
    """Set (or replace) an interim milestone between the set's baseline and target years."""
    _check_target(kind, value)
    with db.writing(engine, programme_id) as conn:
        target_set = _find(conn, programme_id, set_name)
        _check_sector(conn, sector_code)
        if not target_set.baseline_year < year < target_set.target_year:
            raise UserError(
                f"milestone year {year} must lie between the baseline year "
                f"{target_set.baseline_year} and the target year {target_set.target_year}"
            )
        table = Milestone.__table__
        conn.execute(table.delete().where(
            table.c.target_set_id == target_set.id, table.c.sector_code == sector_code,
            table.c.year == year))
        conn.execute(table.insert().values(
            target_set_id=target_set.id, sector_code=sector_code, year=year, kind=kind, value=value))
        record_change(conn, programme_id, "milestone", target_set.id,
                      f"milestone:{sector_code}:{year}", None, f"{kind} {value:g}", user)
        derived.rebuild(conn, programme_id)


def set_primary(engine: Engine, programme_id: int, set_name: str, user: str = "cli") -> None:
    """Make one target set the primary one (the headline); the others stop being primary."""
    with db.writing(engine, programme_id) as conn:
        target_set = _find(conn, programme_id, set_name)
        if target_set.is_primary:
            return
        old = _clear_primary(conn, programme_id)
        conn.execute(update(TargetSet).where(TargetSet.id == target_set.id).values(is_primary=True))
        record_change(conn, programme_id, "target_set", target_set.id, "is_primary", old, set_name, user)
        derived.rebuild(conn, programme_id)


def _find(conn: Connection, programme_id: int, name: str, required: bool = True):
    row = conn.execute(select(TargetSet).where(
        TargetSet.programme_id == programme_id, TargetSet.name == name)).first()
    if row is None and required:
        names = conn.execute(select(TargetSet.name).where(
            TargetSet.programme_id == programme_id).order_by(TargetSet.name)).scalars().all()
        have = ", ".join(f"'{n}'" for n in names) or "none yet"
        raise UserError(f"no target set '{name}' (target sets: {have})")
    return row


def _clear_primary(conn: Connection, programme_id: int) -> str | None:
    old = conn.execute(select(TargetSet.name).where(
        TargetSet.programme_id == programme_id, TargetSet.is_primary)).scalar()
    conn.execute(update(TargetSet).where(TargetSet.programme_id == programme_id)
                 .values(is_primary=False))
    return old


def _check_target(kind: str, value: float) -> None:
    if kind not in TARGET_KINDS:
        raise UserError(f"target kind must be one of {', '.join(TARGET_KINDS)}, not {kind!r}")
    if value is None or not math.isfinite(value):
        raise UserError(f"target value must be a number, not {value!r}")
    if kind in ("residual_pct", "reduction_pct") and not 0 <= value <= 100:
        raise UserError(f"a {kind} target must be a percentage between 0 and 100, not {value:g}")


def _check_sector(conn: Connection, sector_code: str) -> None:
    if sector_code == TOTAL:
        return
    known = conn.execute(select(Sector.code).order_by(Sector.sort_order)).scalars().all()
    if sector_code not in known:
        raise UserError(f"unknown sector '{sector_code}' (sectors: {', '.join(known)}, or total)")
